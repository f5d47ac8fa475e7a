"""Bad input, end to end: each kind gets one line naming the file and the reason, and the store keeps what it had.

Every test builds a small graph first, then runs `newsgraph build` on one bad
input against the same database, and checks the message the user sees, the
row in the error table, and that every document and fact stored before is
unchanged.
"""

from __future__ import annotations

import gzip
import io
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.cli import app
from newsgraph.model import Mention, Quote
from newsgraph.store import Store

from .conftest import EXAMPLES

runner = CliRunner()
GOOD = EXAMPLES / "01_courier_talks_open.txt"
SENTENCE = "The fisheries ministers of both countries met in the harbour town to discuss the quota. "


def _snapshot(db: str) -> tuple[object, ...]:
    store = Store(db)
    try:
        counts = {k: v for k, v in store.counts().items() if k != "errors"}
        docs = sorted((d.id, d.text, d.raw_hash, d.title) for d in store.documents())
        mentions = sorted((m.doc, m.start, m.end, m.text) for m in store.facts(Mention))
        quotes = sorted((q.doc, q.start, q.end) for q in store.facts(Quote))
        return counts, docs, mentions, quotes
    finally:
        store.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[object, ...]]:
    folder = tmp_path_factory.mktemp("built")
    db = folder / "graph.db"
    result = runner.invoke(app, ["build", str(GOOD), "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    snapshot = _snapshot(str(db))
    assert snapshot[0]["documents"] == 1 and snapshot[2], "the good article should give mentions"
    return db, snapshot


def _build_bad(built: tuple[Path, tuple[object, ...]], tmp_path: Path, bad: Path) -> str:
    """Build `bad` into a copy of the built store; return the reason shown, after checking nothing changed."""
    db = tmp_path / "graph.db"
    shutil.copy(built[0], db)
    result = runner.invoke(app, ["build", str(bad), "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    shown = " ".join(result.output.split())  # rich wraps long lines
    assert f"skipped {bad}" in shown, result.output
    assert _snapshot(str(db)) == built[1]
    store = Store(str(db))
    stored = store.errors()
    store.close()
    assert [e.source for e in stored][-1].startswith(str(bad))
    return stored[-1].reason


def test_binary_file(built, tmp_path: Path) -> None:
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    assert "binary" in _build_bad(built, tmp_path, bad)


def test_empty_file(built, tmp_path: Path) -> None:
    bad = tmp_path / "blank.txt"
    bad.write_text("  \n\n")
    assert "empty" in _build_bad(built, tmp_path, bad)


def test_fifty_megabyte_text(built, tmp_path: Path) -> None:
    bad = tmp_path / "dump.txt"
    with bad.open("w") as handle:
        for _ in range(50_000_000 // len(SENTENCE) + 1):
            handle.write(SENTENCE)
    assert "too large" in _build_bad(built, tmp_path, bad)


def test_cut_off_gzip(built, tmp_path: Path) -> None:
    whole = gzip.compress(("<html><body><p>" + SENTENCE * 200 + "</p></body></html>").encode())
    bad = tmp_path / "page.html.gz"
    bad.write_bytes(whole[: len(whole) // 2])
    assert "cut off" in _build_bad(built, tmp_path, bad)


def test_cut_off_web_archive(built, tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    body = ("<html><body><p>" + SENTENCE * 100 + "</p></body></html>").encode()
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://news.example/a", "response",
                                                  payload=io.BytesIO(body), http_headers=headers))
    bad = tmp_path / "crawl.warc.gz"
    bad.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) * 2 // 3])
    assert "cut off" in _build_bad(built, tmp_path, bad)


def test_html_with_no_text(built, tmp_path: Path) -> None:
    bad = tmp_path / "shell.html"
    bad.write_text("<html><head><script>var app = {};</script></head><body><div id='root'></div><div")
    assert "no readable text" in _build_bad(built, tmp_path, bad)


def test_unreadable_paths(built, tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "deleted.txt")
    assert _build_bad(built, tmp_path, link) == "broken symbolic link"


def test_named_pipe_is_not_read(built, tmp_path: Path) -> None:
    import os

    pipe = tmp_path / "stream.txt"
    os.mkfifo(pipe)
    assert "not a regular file" in _build_bad(built, tmp_path, pipe)


def test_broken_html_is_still_read(tmp_path: Path) -> None:
    """Unclosed tags and a page cut mid-tag: the text that is there is the article."""
    page = tmp_path / "cut.html"
    page.write_text("<html><head><title>Quota talks</title><body><div><p>" + SENTENCE * 6
                    + "<p>The talks will resume next week, officials said.<div class='ad")
    db = tmp_path / "graph.db"
    result = runner.invoke(app, ["build", str(page), "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0 and "skipped" not in result.output
    store = Store(str(db))
    (doc,) = store.documents()
    store.close()
    assert "talks will resume next week" in doc.text


def test_wrong_declared_encoding_is_overruled(tmp_path: Path) -> None:
    """A page in Windows-1251 that declares Latin-1 is read as Cyrillic, not as accented letter soup."""
    html = ("<html><head><meta charset='iso-8859-1'></head><body><p>Министры рыболовства двух стран "
            "встретились в порту и обсудили квоты на скумбрию на следующий год.</p></body></html>")
    page = tmp_path / "ru.html"
    page.write_bytes(html.encode("cp1251"))
    db = tmp_path / "graph.db"
    result = runner.invoke(app, ["build", str(page), "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    store = Store(str(db))
    (doc,) = store.documents()
    store.close()
    assert "Министры рыболовства" in doc.text and doc.language == "ru"
