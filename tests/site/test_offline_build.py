"""The offline build (OFFLINE=true) requests nothing from any external host.

The rule, checked on every HTML and CSS file of the offline build:
- a *request* is anything the browser fetches by itself when showing a page: ``src``/``srcset`` of
  scripts, images, frames and media, ``href`` of ``<link>`` (stylesheets, icons, preconnect,
  manifest), SVG ``<image>``/``<use>`` references, ``data`` of ``<object>``, and ``url(...)`` or
  ``@import`` in CSS (files, ``<style>`` and ``style=""``). These must all be relative (or
  ``data:``/``#``): no scheme, no ``//host``.
- a *navigation* is a link the reader chooses to follow: ``<a href>``. Links to the articles'
  sources (``https://...``) are navigation, and are allowed.
Material's offline plugin would add ``https://unpkg.com/iframe-worker/shim`` (the search worker shim)
unless a polyfill containing "iframe-worker" is listed: mkdocs.yml lists the vendored copy.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ..sitebuild import built_sites

pytestmark = pytest.mark.slow

EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)  # http://, https://, //host
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)", re.I)
REQUESTS = {  # tag -> attributes the browser fetches by itself
    "script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "frame": ("src",), "embed": ("src",),
    "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",), "track": ("src",),
    "input": ("src",), "object": ("data",), "link": ("href",), "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"), "feimage": ("href", "xlink:href"),
}  # fmt: skip


class _Requests(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in REQUESTS.get(tag, ()):
                self.found += (
                    [part.strip().split(" ")[0] for part in value.split(",")] if "srcset" in name else [value]
                )
            if name == "style":
                self.found += css_urls(value)
        self._style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._style = False

    def handle_data(self, data: str) -> None:
        if self._style:
            self.found += css_urls(data)


def css_urls(css: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(css)]


def external_requests(site: Path) -> dict[str, list[str]]:
    bad: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            parser = _Requests()
            parser.feed(path.read_text("utf-8"))
            urls = parser.found
        elif path.suffix == ".css":
            urls = css_urls(path.read_text("utf-8"))
        else:
            continue
        external = [u for u in urls if EXTERNAL.match(u)]
        if external:
            bad[str(path.relative_to(site))] = sorted(set(external))
    return bad


def test_offline_build_requests_no_external_host():
    site = built_sites().offline
    assert len(list(site.rglob("*.html"))) > 20
    assert external_requests(site) == {}


def test_offline_build_uses_the_vendored_worker_shim_and_inlined_search():
    site = built_sites().offline
    home = (site / "index.html").read_text("utf-8")
    assert 'src="assets/vendor/iframe-worker/shim.js"' in home
    assert "unpkg.com" not in home and "fonts.googleapis.com" not in home
    assert (site / "search" / "search_index.js").is_file()  # search works from file://
    assert (site / "assets" / "vendor" / "iframe-worker" / "shim.js").read_bytes().startswith(b'"use strict"')


def test_scanner_catches_external_requests(tmp_path):
    """The scanner itself: external scripts, styles, fonts, images and CSS urls are caught; links are not."""
    (tmp_path / "a.html").write_text(
        '<link rel="preconnect" href="https://fonts.gstatic.com"><script src="//cdn.example/x.js"></script>'
        '<img srcset="a.png 1x, https://img.example/b.png 2x"><div style="background:url(https://x.example/i.png)">'
        '<style>@import "https://css.example/s.css";</style><a href="https://example.org/source">source</a>'
        '<script src="assets/local.js"></script>',
        "utf-8",
    )
    (tmp_path / "b.css").write_text(
        "@font-face{src:url('https://font.example/f.woff2')} a{background:url(x.png)}"
    )
    assert external_requests(tmp_path) == {
        "a.html": sorted(["https://fonts.gstatic.com", "//cdn.example/x.js", "https://img.example/b.png",
                          "https://x.example/i.png", "https://css.example/s.css"]),
        "b.css": ["https://font.example/f.woff2"],
    }  # fmt: skip


def test_hosted_build_uses_no_web_fonts_either():
    site = built_sites().hosted
    assert external_requests(site) == {}
