"""Web archives: the HTML pages inside WARC files are articles; a cut-off or false archive is reported."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.model import InputError
from newsgraph.read import RawInput, read_paths

PAGE = ("<html><head><title>Water talks</title></head><body><article><p>"
        + "Ministers from Kazakhstan and Uzbekistan met in Almaty to discuss sharing river water. " * 30
        + "</p></article></body></html>")
CYRILLIC = "<html><body><p>Москва и Астана подписали договор о сотрудничестве.</p></body></html>"


def _write_archive(path: Path, compressed: bool) -> None:
    """Three responses as a crawler stores them: a page in Windows-1251, an image, a long UTF-8 page."""
    responses = [
        ("https://news.example/ru/1", "text/html; charset=windows-1251", CYRILLIC.encode("cp1251")),
        ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
        ("https://news.example/water-talks", "text/html", PAGE.encode("utf-8")),
    ]
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=compressed)
        for url, content_type, body in responses:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)


def _cut(path: Path, share: float) -> Path:
    cut = path.with_name("cut-" + path.name)
    data = path.read_bytes()
    cut.write_bytes(data[: int(len(data) * share)])
    return cut


def test_pages_in_a_compressed_archive_are_read_with_their_urls(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _write_archive(path, compressed=True)
    first, second = list(read_paths([path]))
    assert isinstance(first, RawInput) and isinstance(second, RawInput)
    assert (first.url, first.kind, first.source, first.id) == ("https://news.example/ru/1", "html", f"{path}#1",
                                                              "crawl-1")
    assert "Москва и Астана" in first.data and first.encoding == "cp1251"  # the HTTP header's charset
    assert second.url == "https://news.example/water-talks" and second.source == f"{path}#3"
    assert first.raw_hash != second.raw_hash


def test_cut_off_compressed_archive_keeps_the_pages_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _write_archive(path, compressed=True)
    results = list(read_paths([_cut(path, 0.8)]))
    assert [type(r).__name__ for r in results] == ["RawInput", "InputError"]
    assert results[0].url == "https://news.example/ru/1"
    assert results[1].source.endswith("cut-crawl.warc.gz") and "cut off after record 2" in results[1].reason


def test_cut_off_plain_archive_names_the_broken_record(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    _write_archive(path, compressed=False)
    results = list(read_paths([_cut(path, 0.8)]))
    assert [type(r).__name__ for r in results] == ["RawInput", "InputError"]
    assert results[1].source.endswith("cut-crawl.warc#3") and "cut off inside this record" in results[1].reason


def test_false_and_empty_archives_are_reported(tmp_path: Path) -> None:
    junk = tmp_path / "notes.warc"
    junk.write_text("this is a note, not an archive\n" * 5)
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    broken_gzip = tmp_path / "broken.warc.gz"
    broken_gzip.write_bytes(b"\x1f\x8b\x08\x00garbage")
    results = list(read_paths([junk, empty, broken_gzip]))
    assert all(isinstance(r, InputError) for r in results)
    assert [r.source for r in results] == [str(junk), str(empty), str(broken_gzip)]
    assert "not a web archive" in results[0].reason
    assert results[1].reason == "empty file"
    assert "not a valid gzip file" in results[2].reason
