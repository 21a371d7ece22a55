"""Loading articles: formats, encodings, front matter errors, boilerplate, duplicates, links."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from timeline.content import load_articles, read_article, slugify
from timeline.content.boilerplate import load_rules
from timeline.core.problems import Problems

from ..conftest import ROOT, TODAY

KIRBY = "On Tuesday, March 22, Pentagon spokesperson John Kirby said the Ukrainians were advancing.\n"


def load(folder: Path) -> tuple[list, Problems]:
    problems = Problems()
    return load_articles(folder, problems, today=TODAY), problems


def test_bundled_sample_articles_load_with_titles_and_no_invented_dates() -> None:
    articles, problems = load(ROOT / "content")
    assert not problems.errors
    assert len(articles) == 5
    titles = {a.title for a in articles}
    assert "Putin isn't being told 'disastrous truth' about how bad war's going for him" in titles
    assert all(a.published is None for a in articles)
    seed = next(a for a in articles if a.path.endswith("003_bc01db69f4535c2d.txt"))
    # scraper junk is masked in the body but offsets are unchanged
    assert "3 months ago 3" in seed.text and "3 months ago 3" not in seed.body
    assert "ARTICLE AD BOX" not in seed.body and len(seed.body) == len(seed.text)


def test_markdown_front_matter_is_read(content: Path) -> None:
    (content / "articles" / "kirby.md").write_text(
        "---\ntitle: Pentagon sees Ukrainian offensive\nsource: Example News\nurl: https://example.com/a\n"
        "published: 2022-03-23\ntags: [Kherson, Pentagon]\n---\n" + KIRBY,
        encoding="utf-8",
    )
    [article], problems = load(content)
    assert not problems
    assert article.title == "Pentagon sees Ukrainian offensive"
    assert article.published == dt.date(2022, 3, 23)
    assert article.tags == ["Kherson", "Pentagon"]
    assert article.text.index("On Tuesday") == article.body.index("On Tuesday")
    assert "title:" not in article.body


def test_malformed_front_matter_names_file_and_line_and_build_goes_on(content: Path) -> None:
    (content / "articles" / "bad.md").write_text("---\ntitle: ok\npublished: [2022\n---\nText.\n", "utf-8")
    (content / "articles" / "good.txt").write_text("Good title\n\n" + KIRBY, "utf-8")
    articles, problems = load(content)
    assert [a.title for a in articles] == ["Good title"]
    [err] = problems.errors
    assert err.path == "articles/bad.md" and err.line is not None and err.line >= 3
    assert "front matter" in str(err) and "skipped" in str(err)


def test_unknown_key_and_future_date_are_warnings_naming_the_line(content: Path) -> None:
    (content / "articles" / "a.md").write_text(
        "---\ntitle: A\npublshed: 2022-03-01\npublished: 2099-01-01\n---\n" + KIRBY, "utf-8"
    )
    [article], problems = load(content)
    assert article.published is None
    msgs = {(p.line, p.message.split(" ")[0]) for p in problems.warnings}
    assert (3, "unknown") in msgs
    assert any(p.line == 4 and "future" in p.message for p in problems.warnings)


def test_published_before_1900_is_ignored(content: Path) -> None:
    (content / "articles" / "a.md").write_text("---\npublished: 1850-05-01\n---\n# T\n" + KIRBY, "utf-8")
    [article], problems = load(content)
    assert article.published is None and "before 1900" in problems.warnings[0].message


def test_javascript_url_is_refused(content: Path) -> None:
    (content / "articles" / "a.md").write_text("---\nurl: javascript:alert(1)\n---\n# T\n" + KIRBY, "utf-8")
    [article], problems = load(content)
    assert article.url is None and "http" in problems.warnings[0].message


def test_encodings_bom_cp1252_crlf_and_invalid(content: Path) -> None:
    arts = content / "articles"
    (arts / "bom.txt").write_bytes("\ufeffBOM title\r\n\r\n".encode() + KIRBY.encode())
    (arts / "cp.txt").write_bytes("Caf\xe9 title\n\nThe caf\xe9 was shelled on March 9.\n".encode("cp1252"))
    (arts / "bad.txt").write_bytes(b"Bad\n\n\x81\x8d\x8f\x90\x9d text\n")
    articles, problems = load(content)
    by = {a.path: a for a in articles}
    assert by["articles/bom.txt"].title == "BOM title" and "\r" not in by["articles/bom.txt"].text
    assert by["articles/cp.txt"].title == "Café title"
    assert any(p.path == "articles/cp.txt" and "cp1252" in p.message for p in problems.warnings)
    assert any(p.path == "articles/bad.txt" and "UTF-8" in p.message for p in problems.errors)


def test_empty_and_binary_files_are_skipped_with_a_message(content: Path) -> None:
    (content / "articles" / "empty.txt").write_text("  \n", "utf-8")
    (content / "articles" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    articles, problems = load(content)
    assert articles == []
    assert {p.path for p in problems} == {"articles/empty.txt", "articles/image.txt"}


def test_duplicates_are_removed_with_a_warning(content: Path) -> None:
    for name in ("one.txt", "two.txt"):
        (content / "articles" / name).write_text("Same\n\n" + KIRBY, "utf-8")
    articles, problems = load(content)
    assert len(articles) == 1
    assert "duplicate of articles/one.txt" in problems.warnings[0].message


@pytest.mark.skipif(os.name == "nt", reason="symlinks")
def test_symlink_outside_content_is_not_followed(content: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret\n\nPasswords written on March 3.\n", "utf-8")
    (content / "articles" / "link.txt").symlink_to(secret)
    articles, problems = load(content)
    assert articles == [] and "not followed" in problems.warnings[0].message


def test_names_with_spaces_and_non_ascii_get_safe_unique_slugs(content: Path) -> None:
    (content / "articles" / "Київ новини.txt").write_text("Київ: обстріл\n\nText on March 3.\n", "utf-8")
    (content / "articles" / "my article.txt").write_text("../../etc/passwd\n\nOther text.\n", "utf-8")
    articles, _ = load(content)
    slugs = {a.slug for a in articles}
    assert all(s and "/" not in s and ".." not in s for s in slugs)
    assert "etc-passwd" in slugs
    assert slugify("Київ") == "article"


def test_html_article_title_and_text_offsets(content: Path) -> None:
    html = (
        "<html><head><title>Kherson &amp; Mykolaiv</title><script>var d='May 5';</script></head>"
        "<body><p>On March 3, the port was shelled.</p></body></html>"
    )
    (content / "articles" / "a.html").write_text(html, "utf-8")
    [article], _ = load(content)
    assert article.title == "Kherson & Mykolaiv"
    assert "May 5" not in article.body and "<p>" not in article.body
    start = article.body.index("On March 3")
    assert article.text[start : start + 10] == "On March 3"


def test_read_article_reports_missing_file(tmp_path: Path) -> None:
    problems = Problems()
    assert read_article(tmp_path / "nope.txt", "nope.txt", problems, today=TODAY) is None
    assert "cannot read" in str(problems.errors[0])


def test_every_boilerplate_rule_has_examples_that_hold() -> None:
    from timeline.content.boilerplate import junk_rule

    for rule in load_rules():
        assert rule.junk_examples, f"boilerplate rule {rule.id} has no junk example"
        assert rule.keep_examples, f"boilerplate rule {rule.id} has no keep example"
        for line in rule.junk_examples:
            assert junk_rule(line) is not None, (rule.id, line)
        for line in rule.keep_examples:
            assert junk_rule(line) is None, (rule.id, line)


@pytest.mark.parametrize(
    "url", ["data:text/html,<script>alert(1)</script>", "JavaScript:alert(1)", "file:///etc/passwd"]
)
def test_non_http_urls_are_refused(content: Path, url: str) -> None:
    (content / "articles" / "a.md").write_text(f"---\nurl: '{url}'\n---\n# T\n" + KIRBY, "utf-8")
    [article], problems = load(content)
    assert article.url is None
    assert problems.warnings[0].line == 2 and "http" in problems.warnings[0].message


def test_yaml_tags_in_front_matter_execute_nothing(content: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    (content / "articles" / "a.md").write_text(
        f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\n---\n# T\n" + KIRBY, "utf-8"
    )
    articles, problems = load(content)
    assert not marker.exists()
    assert articles == [] and "a.md:2" in str(problems.errors[0])


def test_impossible_calendar_date_is_a_warning_on_its_line(content: Path) -> None:
    (content / "articles" / "a.md").write_text("---\ntitle: A\npublished: 2022-13-01\n---\n" + KIRBY, "utf-8")
    [article], problems = load(content)
    assert article.title == "A" and article.published is None
    [warning] = problems.warnings
    assert warning.line == 3 and "'published' is not a date: '2022-13-01'" in warning.message


PARAGRAPH = (
    "Russian forces shelled the outskirts of Kharkiv overnight, regional governor Oleh Synehubov "
    "said on Tuesday, adding that two people were wounded and a school was damaged in the attack. "
    "Emergency crews worked through the morning to clear debris from the streets around it."
)


def test_a_one_paragraph_txt_is_kept_whole_and_named_by_its_first_words(tmp_path: Path) -> None:
    """A first line that is a paragraph is the article, not its title (it used to become the title,
    and the file was then skipped for having no text after it)."""
    path = tmp_path / "one.txt"
    path.write_text(PARAGRAPH + "\n", "utf-8")
    problems = Problems()
    article = read_article(path, "one.txt", problems, today=TODAY)
    assert article is not None, [str(p) for p in problems]
    assert (
        article.title
        == "Russian forces shelled the outskirts of Kharkiv overnight, regional governor Oleh Synehubov…"
    )
    assert article.body_text.strip() == PARAGRAPH
    assert not problems.warnings and not problems.errors


def test_a_txt_starting_with_blank_lines_keeps_its_headline(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("\n\n   \nKharkiv outskirts shelled overnight\n\n" + PARAGRAPH + "\n", "utf-8")
    article = read_article(path, "blank.txt", Problems(), today=TODAY)
    assert article is not None
    assert article.title == "Kharkiv outskirts shelled overnight"
    assert article.body_text.strip() == PARAGRAPH


def test_a_first_line_ending_a_sentence_is_text_not_a_title(tmp_path: Path) -> None:
    path = tmp_path / "sentence.txt"
    path.write_text("Two people were wounded.\nA school was damaged.\n", "utf-8")
    article = read_article(path, "sentence.txt", Problems(), today=TODAY)
    assert article is not None and article.title == "Two people were wounded."
    assert article.body_text.startswith("Two people were wounded.")
