"""Fuzzing the readers and the cleaner: random bytes and mangled pages never crash a run.

Every input ends as a RawInput or an InputError naming it, and every RawInput
cleans to a Document whose text is a string; nothing raises.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.clean import clean_corpus
from newsgraph.model import Document, InputError
from newsgraph.read import RawInput, ReadOptions, read_paths

SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".csv", ".warc", ".xml", ".urls", ".html.gz", ".warc.gz"]
PAGE = (b"<html><head><title>Quota talks</title><meta charset='utf-8'></head><body><nav>Home</nav>"
        b"<article><h1>Quota talks</h1><p>Fisheries ministers met in Bergen on Tuesday to discuss the "
        b"mackerel quota.</p><p>\xe2\x80\x9cWe are close,\xe2\x80\x9d the Norwegian minister said.</p>"
        b"</article><footer>Share this article</footer></body></html>")
EXAMPLES = int(os.environ.get("NEWSGRAPH_FUZZ_EXAMPLES", "60"))  # raise it for a longer run outside CI
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
OFFLINE = ReadOptions(fetch=False)


def _read_and_clean(path: Path) -> None:
    results = list(read_paths([path], OFFLINE))
    assert results, "every input gives at least one result"
    raws = []
    for result in results:
        assert isinstance(result, (RawInput, InputError)), result
        if isinstance(result, InputError):
            assert result.source.startswith(str(path)) and result.reason
        else:
            raws.append(result)
    for doc in clean_corpus(raws):
        assert isinstance(doc, Document) and isinstance(doc.text, str)


@FUZZ
@given(data=st.binary(max_size=4000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_never_crash(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    _read_and_clean(path)


@st.composite
def _mangled(draw: st.DrawFn) -> bytes:
    """The page with slices cut, repeated or replaced by random bytes, as broken scrapes leave it."""
    page = bytearray(PAGE)
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, len(page)))
        end = draw(st.integers(start, min(len(page), start + 80)))
        action = draw(st.sampled_from(["cut", "repeat", "replace"]))
        if action == "cut":
            del page[start:end]
        elif action == "repeat":
            page[start:start] = page[start:end]
        else:
            page[start:end] = draw(st.binary(max_size=40))
    return bytes(page)


@FUZZ
@given(page=_mangled(), compressed=st.booleans(), cut=st.integers(0, 100))
def test_mangled_pages_never_crash(tmp_path: Path, page: bytes, compressed: bool, cut: int) -> None:
    if compressed:
        data = gzip.compress(page)
        path = tmp_path / "page.html.gz"
        path.write_bytes(data[: max(1, len(data) * cut // 100)] if cut < 100 else data)
    else:
        path = tmp_path / "page.html"
        path.write_bytes(page)
    _read_and_clean(path)


@FUZZ
@given(text=st.text(max_size=3000))
def test_random_text_cleans(tmp_path: Path, text: str) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))  # lone surrogates make invalid UTF-8, also a case
    _read_and_clean(path)
