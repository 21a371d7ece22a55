"""Bounded memory (issue 7): nothing in the build holds every article's text, result or page at once.

No timing and no memory thresholds here (those are in benchmarks/run_all.py --memory); these tests
pin the behaviour that keeps memory flat: articles stream through extraction a few batches ahead,
the Timeline keeps summaries while the full results wait on disk, pages are rendered one at a time
as the writer asks for them, and the large downloads are streamed in pieces.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

import timeline.output.writer as site_mod
from timeline.config import Settings
from timeline.content import Article
from timeline.core.chronology import load_chronology
from timeline.json_view import result_record
from timeline.output.writer import write_output
from timeline.pipeline.build import build
from timeline.pipeline.executors import BATCH, IN_FLIGHT, ExecutionPlan, iter_extraction
from timeline.pipeline.read_phase import collect
from timeline.pipeline.store import LEFT_OUT, ResultStore
from timeline.render import render_site, site_files

from ..conftest import ROOT, TODAY
from ..project import bundled_articles, make_project


class _Recorder(Mapping[str, str]):
    """Files rendered on lookup; each lookup checks what is already on disk."""

    def __init__(self, root: Path, files: dict[str, str]) -> None:
        self.root, self.files, self.asked = root, files, []

    def __getitem__(self, rel: str) -> str:
        for earlier in self.asked:  # every file asked for before is written before the next is rendered
            assert (self.root / earlier).read_text("utf-8") == self.files[earlier]
        assert not (self.root / rel).exists()
        self.asked.append(rel)
        return self.files[rel]

    def __iter__(self) -> Iterator[str]:
        return iter(self.files)

    def __len__(self) -> int:
        return len(self.files)


def test_the_writer_renders_and_writes_one_file_at_a_time_in_path_order(tmp_path: Path) -> None:
    root = tmp_path / "out"
    files = {f"articles/a{n:02d}.md": f"# Article {n}\n" for n in range(12)} | {"index.md": "# Home\n"}
    recorder = _Recorder(root, files)
    report = write_output(root, recorder)
    assert recorder.asked == sorted(files)  # each value looked up exactly once, in path order
    assert sorted(report.written) == sorted(files)


def test_files_given_in_pieces_are_streamed_and_written_only_when_changed(tmp_path: Path) -> None:
    root = tmp_path / "out"
    pulled: list[int] = []

    def pieces() -> Iterator[str]:
        for n in range(1000):
            pulled.append(n)
            yield f"row {n};“quoted”\r\n"

    assert write_output(root, {"data/big.csv": pieces()}).written == ["data/big.csv"]
    assert len(pulled) == 1000
    expected = "".join(f"row {n};“quoted”\r\n" for n in range(1000)).encode()
    assert (root / "data" / "big.csv").read_bytes() == expected
    mtime = (root / "data" / "big.csv").stat().st_mtime_ns
    again = write_output(root, {"data/big.csv": pieces()})
    assert again.unchanged == ["data/big.csv"] and again.written == []
    assert (root / "data" / "big.csv").stat().st_mtime_ns == mtime
    assert not [p.name for p in (root / "data").iterdir() if p.name.startswith(".tmp-")]
    changed = write_output(root, {"data/big.csv": iter(["different\n"])})
    assert changed.written == ["data/big.csv"]
    assert (root / "data" / "big.csv").read_bytes() == b"different\n"


def _project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "p", bundled_articles())


def test_the_timeline_of_a_build_keeps_summaries_and_the_store_the_full_results(tmp_path: Path) -> None:
    content = _project(tmp_path) / "content"
    in_memory = collect(content, plan=ExecutionPlan("serial"))
    with ResultStore(tmp_path / "store") as store:
        lean = collect(content, plan=ExecutionPlan("serial"), store=store)
        assert len(store) == len(lean.articles) == len(in_memory.articles) == 5
        for summary, whole in zip(lean.articles, in_memory.articles, strict=True):
            # no text, no evidence, and of the timexes only those the events point to
            assert summary.article.text == summary.article.body == ""
            assert summary.published.evidence == [] and whole.published.evidence
            used = {e.timex for e in summary.events}
            assert len(summary.timexes) == len(whole.timexes)
            for i, timex in enumerate(summary.timexes):
                assert (timex is LEFT_OUT) == (i not in used)
                if i in used:  # what the merge and the event lists read
                    original = whole.timexes[i]
                    assert (timex.text, timex.anchor_name) == (original.text, original.anchor_name)
                    assert timex.notes == [] and timex.spec is None
            # ... and everything comes back, one article at a time
            full = lean.full(summary)
            assert result_record(full) == result_record(whole)
            assert full.article.text == whole.article.text and full.article.body == whole.article.body
            assert lean.body_text(summary) == whole.article.body_text
        # the same pages either way
        assert render_site(lean, Settings()) == render_site(in_memory, Settings())


def test_a_build_reads_each_full_result_back_just_before_writing_its_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path)
    log: list[tuple[str, str]] = []
    real_get, real_write = ResultStore.get, site_mod._write_one

    def get(self: ResultStore, slug: str):  # type: ignore[no-untyped-def]
        log.append(("read", slug))
        return real_get(self, slug)

    def write(target: Path, content: site_mod.Content) -> bool:
        log.append(("write", target.relative_to(root / "site_src" / "timeline").as_posix()))
        return real_write(target, content)

    monkeypatch.setattr(ResultStore, "get", get)
    monkeypatch.setattr(site_mod, "_write_one", write)
    build(config_file=root / "mkdocs.yml", plan=ExecutionPlan("serial"), use_cache=False)
    reads = [n for n, (what, _) in enumerate(log) if what == "read"]
    assert len(reads) == 5  # one read per article page, nothing reads the results all at once
    for n in reads:  # the page of the article just read is the very next file written
        slug = log[n][1]
        assert log[n + 1][0] == "write" and log[n + 1][1].startswith("articles/")
        assert slug[:20] in log[n + 1][1]
    assert log[reads[0] - 1][0] == "write"  # writing had started before the first article was read back


def test_downloads_are_produced_in_pieces_not_as_one_string(tmp_path: Path) -> None:
    content = _project(tmp_path) / "content"
    files = site_files(collect(content, plan=ExecutionPlan("serial")), Settings())
    downloads = ("timeline.json", "events.csv", "timeline.ics", "chronology.json")
    for name in downloads:
        value = files[name]
        assert not isinstance(value, str | bytes), name
        assert "".join(value) == render_site(collect(content, plan=ExecutionPlan("serial")), Settings())[name]


def _tiny_articles(pulled: list[int], n: int) -> Iterator[Article]:
    for i in range(n):
        pulled.append(i)
        text = f"Article {i}\n\nOn Tuesday, March 22, 2022, officials said the talks would resume.\n"
        yield Article(f"articles/{i:04d}.txt", f"a{i:04d}", text, text, f"Article {i}")


@pytest.mark.parametrize(("plan", "ahead"), [(ExecutionPlan("serial"), 1), (ExecutionPlan("process", 2), 0)])
def test_extraction_reads_articles_only_a_few_batches_ahead(plan: ExecutionPlan, ahead: int) -> None:
    chronology = load_chronology(ROOT / "content" / "chronology.yml")
    pulled: list[int] = []
    results = iter_extraction(_tiny_articles(pulled, 400), chronology, TODAY, plan)
    first = next(iter(results))
    assert first.article.slug == "a0000" and first.timexes
    limit = ahead or BATCH * plan.workers() * IN_FLIGHT  # a few batches per worker, not all 400
    assert 1 <= len(pulled) <= limit < 400
    rest = list(results)
    assert [r.article.slug for r in rest] == [f"a{i:04d}" for i in range(1, 400)]
