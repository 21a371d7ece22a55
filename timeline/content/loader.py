"""Read ``content/articles``: decode, split front matter, find the title, mask boilerplate.

Reading never raises for a bad file: problems go into :class:`~timeline.core.problems.Problems` with
the file name, the line where there is one, and what to do.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import html
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..core.problems import Problems
from .article import Article
from .boilerplate import junk_spans, mask
from .frontmatter import parse_front_matter
from .language import article_language

SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")
MAX_BYTES = 4 * 1024 * 1024  # a news article is kilobytes; a larger file is a dump or a mistake

_HTML_DROP = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_HTML_TAG = re.compile(r"<[^>]{0,2000}>", re.S)
_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title>|<h1[^>]*>(.*?)</h1>", re.S | re.I)
_MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding used: UTF-8 (with or without BOM), else cp1252. Raises on neither."""
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = data.decode("cp1252"), "cp1252"  # raises UnicodeDecodeError on undefined bytes
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def slugify(value: str, *, fallback: str = "article") -> str:
    """A lowercase ASCII slug that is safe as a file name on every system."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")
    return slug or fallback


def _mask_spans(text: str, spans: list[tuple[int, int]]) -> str:
    return mask(text, [(s, e, "") for s, e in spans])


def _html_body(text: str) -> tuple[str, str | None]:
    """HTML with tags masked by spaces (same offsets), and its <title> or first <h1>."""
    spans = [(m.start(), m.end()) for m in _HTML_DROP.finditer(text)]
    masked = _mask_spans(text, spans)
    masked = _mask_spans(masked, [(m.start(), m.end()) for m in _HTML_TAG.finditer(masked)])
    m = _HTML_TITLE.search(text)
    title = None
    if m:
        raw = m.group(1) if m.group(1) is not None else m.group(2)
        title = html.unescape(_HTML_TAG.sub("", raw)).strip() or None
    return masked, title


TITLE_MAX_CHARS = 200  # a longer first line is a paragraph, not a headline
TITLE_WORDS = 12  # an article without a title line is named by its first words


def _first_line_title(body: str, start: int) -> tuple[str | None, int, bool]:
    """The first non-empty line (a Markdown heading's text), the offset after it, and whether it
    is a title: a heading, or a short line that does not end a sentence with a full stop and has
    more text after it. A first line that is a paragraph is the article's text, not its title."""
    pos = start
    for line in body[start:].splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            heading = _MD_HEADING.match(stripped)
            after = pos + len(line)
            if heading:
                return heading.group(1)[:300], after, True
            more = bool(body[after:].strip())
            looks = len(stripped) <= TITLE_MAX_CHARS and not stripped.endswith((".", '."', ".”", ".'"))
            return stripped[:300], after, looks and more
        pos += len(line)
    return None, start, False


def _first_words(line: str) -> str:
    words = line.split()
    return " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")


def read_article(path: Path, rel: str, problems: Problems, *, today: dt.date) -> Article | None:
    """One file as an Article, or None (with the reason in ``problems``) when it cannot be used."""
    try:
        data = path.read_bytes() if path.stat().st_size <= MAX_BYTES else None
    except OSError as exc:
        problems.error(rel, f"cannot read the file: {exc.strerror or exc}", "check its permissions")
        return None
    if data is None:
        problems.error(
            rel,
            f"file is larger than {MAX_BYTES // 1024 // 1024} MB and was skipped",
            "split it into one file per article",
        )
        return None
    if b"\x00" in data[:8192]:
        problems.error(rel, "binary file, skipped", "articles must be text: .md, .txt or .html")
        return None
    try:
        text, encoding = decode(data)
    except UnicodeDecodeError:
        problems.error(rel, "not UTF-8 or cp1252 text, skipped", "save the file as UTF-8")
        return None
    if encoding != "utf-8":
        problems.warn(rel, f"decoded as {encoding}, not UTF-8", "save the file as UTF-8")
    return article_from_text(
        text,
        rel,
        problems,
        today=today,
        suffix=path.suffix,
        stem=path.stem,
        digest=hashlib.sha256(data).hexdigest(),
    )


def article_from_text(
    text: str,
    rel: str,
    problems: Problems,
    *,
    today: dt.date,
    suffix: str = ".txt",
    stem: str = "article",
    digest: str = "",
) -> Article | None:
    """The Article of a file's decoded ``text`` (``suffix`` says how to read it), or None (with the
    reason in ``problems``). The evaluation reads its gold texts through here, as a ``.txt``."""
    if not text.strip():
        problems.warn(rel, "empty file, skipped", "delete it or add the article text")
        return None

    fm = parse_front_matter(text, today=today)
    for line, message, hint in fm.errors:
        problems.error(rel, message + "; the article was skipped", hint, line)
    if fm.errors:
        return None
    for line, message, hint in fm.warnings:
        problems.warn(rel, message, hint, line)

    body = _mask_spans(text, [(0, fm.end)]) if fm.end else text
    title = fm.data.get("title")
    body_start = fm.end
    if suffix.lower() in (".html", ".htm"):
        body, html_title = _html_body(body)
        title = title or html_title
    if not title:
        first, after, is_title = _first_line_title(body, fm.end)
        title = first if is_title or first is None else _first_words(first)
        if suffix.lower() in (".txt", ".md", ".markdown") and is_title:
            body_start = after  # the title line is the headline, not body text
    if not title:
        problems.warn(rel, "no title found; the file name is used", "add a first line or a 'title:' key")
        title = stem
    junk = junk_spans(body, body_start)
    body = mask(body, junk)
    if not body[body_start:].strip():
        problems.warn(rel, "no article text after the title, skipped", "add the article text")
        return None
    language = article_language(fm.data.get("language"), body[body_start:])
    if language is None:
        problems.warn(
            rel,
            "the article's language was not recognised (en, uk or ru); it is read as English",
            "add 'language: uk' (or en, ru) to its front matter",
        )
    return Article(
        path=rel,
        slug=slugify(" ".join(str(title).split())[:60], fallback=slugify(stem)),
        text=text,
        body=body,
        title=" ".join(str(title).split()),
        body_start=body_start,
        source=fm.data.get("source"),
        url=fm.data.get("url"),
        published=fm.data.get("published"),
        language=language or "en",
        tags=fm.data.get("tags", []),
        junk=junk,
        digest=digest,
    )


def iter_article_files(content_dir: Path, problems: Problems) -> list[tuple[Path, str]]:
    """Article files under ``content_dir/articles`` (or ``content_dir`` itself), sorted.

    Symbolic links that lead outside the content folder are not followed.
    """
    root = content_dir / "articles" if (content_dir / "articles").is_dir() else content_dir
    base = content_dir.resolve()
    found = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if name.startswith(".") or path.suffix.lower() not in SUFFIXES:
                continue
            rel = path.relative_to(content_dir).as_posix()
            if path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(base):
                    problems.warn(
                        rel, "symbolic link to a file outside content/ was not followed", "copy the file in"
                    )
                    continue
            found.append((path, rel))
    return found


def iter_articles(
    files: Iterable[tuple[Path, str]],
    problems: Problems,
    *,
    today: dt.date,
    read: Callable[[Path, str, Problems], Article | None] | None = None,
) -> Iterator[Article]:
    """The usable articles of ``files`` one at a time, with unique slugs and duplicates removed
    (only a hash per article is kept to find duplicates). ``read`` reads one file instead of
    :func:`read_article` (the build's cache of articles as read, pipeline/cache.py)."""
    seen_text: dict[str, str] = {}
    slugs: set[str] = set()
    if read is None:
        read = functools.partial(read_article, today=today)
    for path, rel in files:
        article = read(path, rel, problems)
        if article is None:
            continue
        key = hashlib.sha256(" ".join(article.body.split()).lower().encode()).hexdigest()
        if key in seen_text:
            problems.warn(rel, f"duplicate of {seen_text[key]}, skipped", "delete one of the two copies")
            continue
        seen_text[key] = rel
        slug, n = article.slug, 2
        while slug in slugs:
            slug, n = f"{article.slug}-{n}", n + 1
        article.slug = slug
        slugs.add(slug)
        yield article


def load_articles(content_dir: Path, problems: Problems, *, today: dt.date) -> list[Article]:
    """Every usable article, in path order, with unique slugs and duplicates removed."""
    return list(iter_articles(iter_article_files(content_dir, problems), problems, today=today))
