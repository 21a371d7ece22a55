"""``mkdocs build`` that keeps the HTML of every page whose Markdown did not change (issue 18).

At 10,000 articles ``mkdocs build`` renders about 10,700 pages: minutes of CPU after each new
article, though a new article changes a dozen generated pages. MkDocs' own ``--dirty`` skips
unchanged pages but is not a correct build: it decides by modification times, writes a search
index of the rebuilt pages alone, loses the tags of the pages it skips and fails ``--strict`` with
its own warning. This script runs the same build (the same config, plugins and theme; the output
must be byte-identical to a cold ``mkdocs build``, which ``tests/site/test_incremental_site.py``
checks hosted and offline) and keeps what each page contributed:

- a page is rendered again when its Markdown's hash changed, its HTML file is missing or was
  touched since, or it draws on other files or pages (a ``--8<--`` snippet: the home page; a
  ``material/tags`` listing: the tags index); every other page keeps its HTML;
- the search index gets each kept page's entries from the last build, in page order;
- Material's tags plugin gets each kept page's tags and title, in page order, so listings stay
  whole;
- the output of a page or static file that was deleted is deleted;
- anything else means a full (clean) build: no record of the last build, another config file,
  environment (``OFFLINE``), site folder, MkDocs/Material/Markdown version, theme file or version of
  this script.

The nav of this site is fixed in mkdocs.yml and the generated pages are not in it (see mkdocs.yml),
so a page's HTML depends on its own Markdown and the config only; this script relies on that and
falls back to a full build when the config changes. It does not check anchors of links *into*
pages it keeps (MkDocs checks them only on pages it renders).

The record is ``.cache/site/<site folder>.json`` beside mkdocs.yml. It imports MkDocs, so it lives
outside the ``timeline`` package. Run it where you would run ``mkdocs build``::

    python site_build/incremental.py                                 # hosted, into site/
    OFFLINE=true python site_build/incremental.py --site-dir site-offline
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.metadata
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files

FORMAT = 1
PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions")
# Markdown that draws on other files or pages: such a page is rendered every time
DEPENDS_ON_OTHERS = ("--8<--", "material/tags")

log = logging.getLogger("mkdocs.site_build")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def environment_key(config: MkDocsConfig) -> str:
    """Everything every page's HTML depends on besides its own Markdown."""
    parts: list[object] = [FORMAT, Path(__file__).read_bytes().decode("utf-8"), os.environ.get("OFFLINE")]
    parts.append(Path(config.config_file_path).read_bytes().decode("utf-8", "replace"))
    parts.append(os.path.abspath(config.site_dir))
    parts += [importlib.metadata.version(name) for name in PACKAGES]
    for folder in config.theme.dirs:  # theme files: size and time are enough to notice an update
        for root, _, names in sorted(os.walk(folder)):
            for name in sorted(names):
                file = os.path.join(root, name)
                info = os.stat(file)
                parts.append((os.path.relpath(file, folder), info.st_size, info.st_mtime_ns))
    return _digest(json.dumps(parts).encode())


def record_path(config: MkDocsConfig) -> Path:
    site = Path(config.site_dir).resolve()
    name = f"{site.name}-{_digest(str(site).encode())[:12]}.json"
    return Path(config.config_file_path).resolve().parent / ".cache" / "site" / name


def _output_state(path: str) -> list[int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


class KeepUnchanged(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Marks the pages to render again and gives the search and tags plugins what kept pages had."""

    def __init__(self, last: dict[str, Any] | None, key: str) -> None:
        super().__init__()
        self.last = last  # the record of the last build, or None: a full build
        self.key = key
        self.pages: dict[str, dict[str, Any]] = {}  # src_uri -> what this build records of it
        self.rendered: set[str] = set()
        self.kept: set[str] = set()
        self.files: Files | None = None
        self._mark = 0

    @property
    def incremental(self) -> bool:
        return self.last is not None

    def _plugin(self, config: MkDocsConfig, name: str) -> Any:
        for key, plugin in config.plugins.items():
            if key == name or key.endswith("/" + name):
                return plugin
        return None

    @event_priority(-100)  # after every plugin that adds or removes files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.files = files
        last_pages: dict[str, Any] = self.last["pages"] if self.last is not None else {}
        if self.last is not None:
            self._remove_gone(files, config)
        for file in files.documentation_pages():
            assert file.abs_src_path is not None
            source = Path(file.abs_src_path).read_bytes()
            entry: dict[str, Any] = {"hash": _digest(source), "dest": file.dest_uri}
            old = last_pages.get(file.src_uri)
            keep = (
                old is not None
                and old["hash"] == entry["hash"]
                and old["output"] == _output_state(file.abs_dest_path)
                and not any(word.encode() in source for word in DEPENDS_ON_OTHERS)
            )
            if keep and old is not None:
                entry.update(search=old["search"], tags=old["tags"], title=old["title"])
                self.kept.add(file.src_uri)
            self.pages[file.src_uri] = entry
            file.is_modified = (lambda: False) if keep else (lambda: True)  # type: ignore[method-assign]
        return files

    def _remove_gone(self, files: Files, config: MkDocsConfig) -> None:
        """Delete what the last build wrote for a source that is gone, as a clean build would not
        write it (and its folders, once empty)."""
        assert self.last is not None
        now = {f.src_uri for f in files}
        site = Path(config.site_dir)
        gone = {**{k: v["dest"] for k, v in self.last["pages"].items()}, **self.last["static"]}
        for src, dest in gone.items():
            if src in now:
                continue
            target = site / dest
            target.unlink(missing_ok=True)
            parent = target.parent
            while parent != site and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent

    @event_priority(100)  # before the search plugin indexes the page
    def _before_search(self, context: Any, *, page: Any, config: MkDocsConfig, nav: Any) -> Any:
        search = self._plugin(config, "search")
        self._mark = len(search.search_index.entries) if search is not None else 0
        return context

    @event_priority(-100)  # after it: the entries this page added
    def _after_search(self, context: Any, *, page: Any, config: MkDocsConfig, nav: Any) -> Any:
        search = self._plugin(config, "search")
        entry = self.pages[page.file.src_uri]
        entry["search"] = search.search_index.entries[self._mark :] if search is not None else []
        tags = page.meta.get("tags")
        entry["tags"] = tags if isinstance(tags, list) else None
        entry["title"] = page.title
        self.rendered.add(page.file.src_uri)
        return context

    on_page_context = CombinedEvent(_before_search, _after_search)

    @event_priority(200)  # before the tags plugin renders its listings (priority 100)
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        for file in files.documentation_pages():  # a kept page's title, for listings that name it
            if file.src_uri in self.kept and file.page is not None:
                file.page.title = self.pages[file.src_uri]["title"]
        tags = self._plugin(config, "tags")
        if not self.kept or tags is None or tags.mappings is None:
            return env
        # the tags of every page in page order, as a full build collects them one page at a time
        found = dict(tags.mappings.data)
        tags.mappings.data.clear()
        for file in files.documentation_pages():
            page = file.page
            if page is None:
                continue
            if file.src_uri in self.kept:
                tag_list = self.pages[file.src_uri]["tags"]
                if tag_list:
                    page.meta = {**page.meta, "tags": tag_list}
                    tags.mappings.add(page, "")
            elif page.url in found:
                tags.mappings.data[page.url] = found[page.url]
        return env

    @event_priority(100)  # before the search plugin writes its index (priority 0)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        search = self._plugin(config, "search")
        assert self.files is not None
        if search is not None and self.kept:
            entries: list[Any] = []
            for file in self.files.documentation_pages():
                entries += self.pages[file.src_uri].get("search") or []
            search.search_index.entries = entries

    def record(self) -> dict[str, Any]:
        assert self.files is not None
        for file in self.files.documentation_pages():
            self.pages[file.src_uri]["output"] = _output_state(file.abs_dest_path)
        return {
            "key": self.key,
            "pages": self.pages,
            "static": {f.src_uri: f.dest_uri for f in self.files if not f.is_documentation_page()},
        }


def _load(path: Path, key: str, config: MkDocsConfig) -> dict[str, Any] | None:
    """The last build's record if an incremental build can rely on it, else None."""
    try:
        last: dict[str, Any] = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if last.get("key") != key or not Path(config.site_dir).is_dir():
        return None
    return last


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns about ``dirty`` builds, which ``--strict`` turns into a failure; this one is
    correct (see the module), so the warning is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def site_build(config_file: Path, site_dir: str | None = None, full: bool = False) -> str:
    """Build the site; returns a one-line summary."""
    options: dict[str, Any] = {"config_file": str(config_file)}
    if site_dir is not None:
        options["site_dir"] = site_dir
    config = load_config(**options)
    key = environment_key(config)
    path = record_path(config)
    last = None if full else _load(path, key, config)
    with contextlib.suppress(OSError):  # an interrupted build is never trusted: the next one is full
        path.unlink()
    plugin = KeepUnchanged(last, key)
    config.plugins["timeline/keep-unchanged"] = plugin
    config.plugins.on_startup(command="build", dirty=False)
    try:
        building = logging.getLogger("mkdocs.commands.build")
        quiet = _NoDirtyWarning()
        building.addFilter(quiet)
        try:
            build(config, dirty=plugin.incremental)
        finally:
            building.removeFilter(quiet)
    finally:
        config.plugins.on_shutdown()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(plugin.record()), "utf-8")
    os.replace(tmp, path)
    kind = "incremental" if plugin.incremental else "full"
    return f"{kind} site build: {len(plugin.rendered)} pages rendered, {len(plugin.kept)} kept"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path)
    parser.add_argument("-d", "--site-dir", help="as mkdocs build --site-dir")
    parser.add_argument("--full", action="store_true", help="a full (clean) build, recorded for the next one")
    parser.add_argument("-q", "--quiet", action="store_true", help="warnings and errors only")
    args = parser.parse_args()
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    root = logging.getLogger("mkdocs")
    root.addHandler(handler)
    root.setLevel(logging.WARNING if args.quiet else logging.INFO)
    start = time.perf_counter()
    summary = site_build(args.config_file, args.site_dir, args.full)
    print(f"{summary} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
