"""Read: files, folders and records in; every bad input reported with its reason, never raised or dropped."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from newsgraph.model import InputError
from newsgraph.read import FieldNames, RawInput, ReadOptions, read_paths

ARTICLE = (
    "Ministers meet in Astana to discuss water\n\n"
    "Kazakh and Uzbek ministers met in Astana on Monday to discuss sharing the waters of the Syr Darya.\n"
)


def _one(path: Path | str) -> RawInput | InputError:
    results = list(read_paths([path]))
    assert len(results) == 1, results
    return results[0]


def _error(path: Path | str) -> InputError:
    result = _one(path)
    assert isinstance(result, InputError), result
    assert result.source == str(path)
    return result


def test_text_file_is_read_with_id_source_kind_and_hash(tmp_path: Path) -> None:
    path = tmp_path / "water_talks.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    raw = _one(path)
    assert isinstance(raw, RawInput)
    assert raw.id == "water_talks"
    assert raw.source == str(path)
    assert raw.kind == "text"
    assert raw.data == ARTICLE
    assert raw.raw_hash == hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest()


def test_folder_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "z.txt").write_text(ARTICLE)
    (tmp_path / "a" / "y.txt").write_text(ARTICLE)
    (tmp_path / "x.htm").write_text("<html><body><p>" + ARTICLE + "</p></body></html>")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "w.txt").write_text(ARTICLE)
    ids = [r.id for r in read_paths([tmp_path])]
    assert ids == ["y", "z", "x"]  # a/ before b/ before x.htm; hidden folders are not inputs


def test_symbolic_link_loop_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [r.id for r in read_paths([tmp_path])] == ["a"]


def test_same_file_name_in_two_folders_gets_distinct_ids(tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(ARTICLE)
    ids = [r.id for r in read_paths([tmp_path])]
    assert len(set(ids)) == 2 and ids[0] == "story"


def test_kind_comes_from_content_not_only_name(tmp_path: Path) -> None:
    page = tmp_path / "saved_page.txt"
    page.write_text("<!DOCTYPE html><html><head><title>T</title></head><body><p>Text here.</p></body></html>")
    plain = tmp_path / "notes.html"
    plain.write_text(ARTICLE)
    assert _one(page).kind == "html"
    assert _one(plain).kind == "text"


def test_missing_path_is_reported(tmp_path: Path) -> None:
    assert "no such file" in _error(tmp_path / "nowhere.txt").reason


def test_empty_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "empty" in _error(path).reason
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n\t \n")
    assert "empty" in _error(blank).reason


def test_binary_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4)
    assert "binary" in _error(path).reason


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE)

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)  # running as root, chmod alone would not stop the read
    reason = _error(path).reason
    assert "cannot read" in reason and "Permission denied" in reason


def test_huge_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("w") as handle:  # a real 50 MB text, over the default limit
        for _ in range(50 * 1024 * 1024 // len(ARTICLE) + 1):
            handle.write(ARTICLE)
    reason = _error(path).reason
    assert "too large" in reason and "limit is 20 MB" in reason
    small = tmp_path / "small.txt"
    small.write_text(ARTICLE)
    assert isinstance(_one(small), RawInput)


def test_huge_jsonl_record_is_reported_and_the_next_one_read(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "x " * 300}) + "\n" + json.dumps({"text": "Small story."}) + "\n")
    error, small = list(read_paths([path], ReadOptions(max_bytes=200)))
    assert isinstance(error, InputError) and error.source == f"{path}#1" and "too large" in error.reason
    assert isinstance(small, RawInput) and small.data == "Small story." and small.source == f"{path}#2"


def test_unsupported_type_and_urls_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "slides.pptx"
    path.write_bytes(b"PK\x03\x04")
    assert "unsupported file type .pptx" in _error(path).reason
    (offline,) = list(read_paths(["https://example.com/news/1"], ReadOptions(fetch=False)))
    assert isinstance(offline, InputError) and "fetching is turned off" in offline.reason


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    text = (
        "Le président kazakh a rencontré à Astana son homologue ouzbek. Les deux délégations ont évoqué "
        "l'énergie, les frontières et la coopération régionale, a précisé le ministère des affaires étrangères."
    )
    path = tmp_path / "depeche.txt"
    path.write_bytes(text.encode("latin-1"))
    raw = _one(path)
    assert isinstance(raw, RawInput)
    assert raw.data == text


def test_mojibake_is_repaired(tmp_path: Path) -> None:
    broken = "President TokaÃ¯ev said the talks were â€œconstructiveâ€\x9d on Tuesday."
    path = tmp_path / "garbled.txt"
    path.write_text(broken, encoding="utf-8")
    raw = _one(path)
    assert raw.data == "President Tokaïev said the talks were “constructive” on Tuesday."


def test_utf16_with_and_without_byte_order_mark(tmp_path: Path) -> None:
    with_bom = tmp_path / "bom.txt"
    with_bom.write_bytes("\ufeff".encode("utf-16-le") + ARTICLE.encode("utf-16-le"))
    without = tmp_path / "nobom.txt"
    without.write_bytes(ARTICLE.encode("utf-16-le"))
    assert _one(with_bom).data == ARTICLE
    assert _one(without).data == ARTICLE


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    html = '<html><head><meta charset="windows-1251"></head><body><p>Москва и Астана подписали договор.</p>'
    path = tmp_path / "ru.html"
    path.write_bytes(html.encode("windows-1251"))
    raw = _one(path)
    assert "Москва и Астана" in raw.data
    assert raw.encoding == "cp1251"


def test_gzipped_page_is_read(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<html><body><p>Leaders met in Samarkand.</p></body></html>"))
    raw = _one(path)
    assert raw.id == "page" and raw.kind == "html"


def test_html_without_text_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "shell.html"
    path.write_text("<html><head><script>var a = 1;</script></head><body><div></div></body></html>")
    assert "no readable text" in _error(path).reason


def test_jsonl_records_with_common_field_names(tmp_path: Path) -> None:
    lines = [
        {"id": "wire-1", "headline": "Talks open", "body": "Ministers met on Monday.", "link": "https://x.test/a",
         "published_at": "2024-07-03T10:00:00Z", "authors": ["A. Writer", "B. Writer"], "source": {"name": "Wire"}},
        {"content": "<html><body><p>A page inside a record.</p></body></html>", "lang": "en"},
        {"html": "<p>Only html here.</p>", "translated_from": "fr"},
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in lines) + "\n\n")
    first, second, third = list(read_paths([path]))
    assert (first.id, first.kind, first.title, first.url) == ("wire-1", "record", "Talks open", "https://x.test/a")
    assert (first.published, first.author, first.outlet) == ("2024-07-03T10:00:00Z", "A. Writer, B. Writer", "Wire")
    assert first.source == f"{path}#1"
    assert (second.id, second.kind, second.language) == ("export-2", "html", "en")
    assert third.kind == "html" and third.translated_from == "fr"


def test_bad_jsonl_line_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "First story."}\n{"text": "broken\n{"title": "no text"}\n{"text": "Last story."}\n')
    results = list(read_paths([path]))
    assert [type(r).__name__ for r in results] == ["RawInput", "InputError", "InputError", "RawInput"]
    assert results[1].source == f"{path}#2" and "not valid JSON" in results[1].reason
    assert results[2].source == f"{path}#3" and "no text" in results[2].reason
    assert results[3].data == "Last story."


def test_json_list_and_csv_exports(tmp_path: Path) -> None:
    json_path = tmp_path / "dump.json"
    json_path.write_text(json.dumps({"articles": [{"text": "One."}, {"text": "Two.", "id": "b"}]}))
    assert [r.id for r in read_paths([json_path])] == ["dump-1", "b"]
    csv_path = tmp_path / "sheet.csv"
    csv_path.write_text('title,text,date\nTalks,"Ministers met, and agreed.",2024-07-03\n', encoding="utf-8")
    (row,) = list(read_paths([csv_path]))
    assert (row.title, row.data, row.published, row.source) == (
        "Talks", "Ministers met, and agreed.", "2024-07-03", f"{csv_path}#2")


def test_bad_json_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"text": "unterminated')
    assert "not valid JSON" in _error(path).reason


def test_user_named_export_fields_are_read_first(tmp_path: Path) -> None:
    path = tmp_path / "custom.jsonl"
    path.write_text(json.dumps({"story_body": "Ministers met.", "text": "teaser", "hed": "Talks",
                                "when": "2025-03-04", "permalink": "https://x.test/a"}) + "\n")
    options = ReadOptions(fields=FieldNames().with_fields(text="story_body", title="hed", date="when", url="permalink"))
    (raw,) = list(read_paths([path], options))
    assert (raw.data, raw.title, raw.published, raw.url) == ("Ministers met.", "Talks", "2025-03-04", "https://x.test/a")
    (default,) = list(read_paths([path]))
    assert default.data == "teaser" and default.title is None


def test_extract_command_prints_text_and_metadata(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsgraph.cli import app

    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Water talks</title></head><body><article><p>"
                    + ARTICLE.splitlines()[2] * 3 + "</p><script>alert('x')</script></article></body></html>")
    result = CliRunner().invoke(app, ["extract", str(page), "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.strip())
    assert record["title"] == "Water talks" and record["language"] == "en" and "Syr Darya" in record["text"]
    assert "alert" not in record["text"]
    shown = CliRunner().invoke(app, ["extract", str(page)], catch_exceptions=False)
    assert "Water talks" in shown.stdout and "Syr Darya" in shown.stdout
    missing = CliRunner().invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1 and "no such file" in missing.output
