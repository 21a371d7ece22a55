"""Content-hash cache of extraction results, outside ``site_src/``.

An entry's key covers everything the result depends on: the article file's bytes and its
published override, the chronology file, the injected 'today', and a fingerprint of the code
and rule files of the package. Change any of them and the entry is simply not found (no stale
result is ever reused); old entries are pruned after each build.

The same store keeps each article as read from its file (:meth:`ResultCache.read`), keyed by the
file's bytes and path: an unchanged file is then neither decoded, parsed nor language-detected
again (2.5 ms an article of real news: 25 s of a one-article build at 10,000 articles, issue 18).

Entries live in one SQLite file (Python's own ``sqlite3``), written in one transaction per build:
a file per entry cost a cold build at 10,000 real articles 20,000 file creations, 0.3 to 0.6 ms
each on a disk whose folders are crowded (issue 18). A build stopped half-way loses only its new
entries. A cache that cannot be opened, is locked by another build for too long or is damaged
only costs time: it is set aside (and a damaged file replaced), never trusted.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import pickle
import sqlite3
from functools import cache
from pathlib import Path
from typing import Any

from ..content import Article
from ..content.loader import MAX_BYTES, read_article
from ..core.problems import Problems
from ..core.results import ArticleResult

FORMAT = 3
DATABASE = "results.sqlite3"
WAIT = 10.0  # seconds to wait for another build that holds the cache
# what an entry holds: an ArticleResult without its Article (published, timexes, events, terms)
Entry = tuple[object, list[object], list[object], object]
_PACKAGE = Path(__file__).resolve().parents[1]  # the whole timeline package


@cache
def code_fingerprint() -> str:
    """Hash of every source and data file of the package (rules, word tables such as
    ``news_common_words.txt``, code)."""
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix in (".py", ".yaml", ".json", ".txt") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def context_key(chronology_bytes: bytes, today: dt.date) -> str:
    """The part of every key shared by one build: code, chronology, today."""
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(chronology_bytes)
    digest.update(today.isoformat().encode())
    return digest.hexdigest()


class ResultCache:
    """Pickled :class:`ArticleResult` objects (without the Article, reloaded from disk) by key."""

    def __init__(self, folder: Path, context: str) -> None:
        self.folder = folder
        self.context = context
        self._used: set[str] = set()
        # the keys it holds, read at once: a cold build asks for 20,000 it does not hold
        self._db, self._keys = _open(folder / DATABASE)
        self._writing = False

    def key(self, digest: str, published: dt.date | None, path: str) -> str:
        raw = f"{self.context}|{digest}|{published}|{path}"
        return hashlib.sha256(raw.encode()).hexdigest()

    def get(self, key: str) -> Entry | None:
        return self._load(key)  # type: ignore[no-any-return]

    def _load(self, key: str) -> Any:
        self._used.add(key)
        if self._db is None or key not in self._keys:
            return None
        try:
            row = self._db.execute("SELECT data FROM entries WHERE key = ?", (key,)).fetchone()
            return pickle.loads(row[0]) if row is not None else None
        except sqlite3.Error:
            self._lose()
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, IndexError):
            pass
        return None

    def _store(self, key: str, data: bytes) -> None:
        """Keep ``data`` under ``key`` (a cache that cannot be written only costs time)."""
        if self._db is None:
            return
        try:
            if not self._writing:
                self._db.execute("BEGIN IMMEDIATE")  # one transaction for the build's new entries
                self._writing = True
            self._db.execute("INSERT OR REPLACE INTO entries (key, data) VALUES (?, ?)", (key, data))
            self._keys.add(key)
        except sqlite3.Error:
            self._lose()

    def _lose(self) -> None:
        """Stop using a cache that failed (locked too long, damaged): this build goes on without it."""
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None

    def result(self, key: str, article: Article) -> ArticleResult | None:
        """The cached result for ``key``, with ``article`` (the cache keeps no text), or None."""
        hit = self.get(key)
        return self.entry_result(hit, article) if hit is not None else None

    @staticmethod
    def entry_result(entry: Entry, article: Article) -> ArticleResult:
        """An entry (:meth:`get`) with its ``article``, as the result it was."""
        published, timexes, events, terms = entry
        return ArticleResult(article, published, timexes, events, terms)  # type: ignore[arg-type]

    def read(self, path: Path, rel: str, problems: Problems, *, today: dt.date) -> Article | None:
        """The file as :func:`~timeline.content.loader.read_article` reads it, with the problems it
        reports, from the cache when the file's bytes and path are those of an entry."""
        try:
            data = path.read_bytes() if path.stat().st_size <= MAX_BYTES else None
        except OSError:
            data = None
        if data is None:  # read_article says why it cannot be read
            return read_article(path, rel, problems, today=today)
        key = hashlib.sha256(f"{self.context}|read|{rel}|".encode() + data).hexdigest()
        hit = self._load(key)
        if isinstance(hit, tuple) and len(hit) == 2 and (hit[0] is None or isinstance(hit[0], Article)):
            problems.items.extend(hit[1])
            return hit[0]
        found = Problems()
        article = read_article(path, rel, found, today=today)
        self._store(key, pickle.dumps((article, found.items), protocol=5))
        problems.items.extend(found.items)
        return article

    def put(self, key: str, result: ArticleResult) -> None:
        self._used.add(key)
        self._store(
            key, pickle.dumps((result.published, result.timexes, result.events, result.terms), protocol=5)
        )

    def prune(self) -> int:
        """Delete entries this build did not use (other code versions, deleted articles), keep the
        new ones and close the cache."""
        for legacy in self.folder.glob("*/*.pickle"):  # one file per entry, as before FORMAT 3
            legacy.unlink(missing_ok=True)
        if self._db is None:
            return 0
        db, self._db = self._db, None
        try:
            if not self._writing:
                db.execute("BEGIN IMMEDIATE")
            db.execute("CREATE TEMP TABLE used (key TEXT PRIMARY KEY) WITHOUT ROWID")
            db.executemany("INSERT OR IGNORE INTO used (key) VALUES (?)", ((k,) for k in self._used))
            removed = db.execute("DELETE FROM entries WHERE key NOT IN (SELECT key FROM used)").rowcount
            db.execute("COMMIT")
            return removed
        except sqlite3.Error:
            return 0
        finally:
            with contextlib.suppress(sqlite3.Error):
                db.close()


def _open(file: Path) -> tuple[sqlite3.Connection | None, set[str]]:
    """The cache's database, made if missing, and the keys it holds; a damaged file is replaced;
    (None, no keys) if it cannot be used."""
    for _attempt in range(2):
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(file, timeout=WAIT, isolation_level=None, check_same_thread=False)
            try:
                # a cache: after a crash of the machine it may be lost, and is then rebuilt
                db.execute("PRAGMA synchronous = OFF")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, data BLOB) WITHOUT ROWID"
                )
                return db, {key for (key,) in db.execute("SELECT key FROM entries")}
            except sqlite3.DatabaseError as exc:
                db.close()
                if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                    return None, set()  # another build holds it: go on without
                file.unlink(missing_ok=True)  # not a database (damaged): start again
        except (OSError, sqlite3.Error):
            return None, set()
    return None, set()
