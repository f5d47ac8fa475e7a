"""Clean: one raw input to one Document with its body text and metadata.

HTML goes through trafilatura (main text with its own fallbacks, and metadata:
title, author, site name, date). Text that arrives already extracted keeps its
page furniture (ad labels, bylines, section labels, comment counts, publisher
self-promotion, captions, related links, "Edited by" lines), so it is cleaned
line by line. A line is removed only on a positive sign that it is furniture,
and most signs apply only to lines without sentence shape, so body paragraphs
and short subheadings are kept. Every removed line is recorded in
`Document.removed_lines`, in order, so nothing disappears unseen.

`Document.text` is the kept paragraphs, each stripped and with inner runs of
white space collapsed, joined by a blank line ("\\n\\n"). Cleaning is a pure
function of its input, so the text and every span computed on it are stable.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsgraph.clean.html import clean_html
from newsgraph.clean.lines import LineCounts, clean_text, count_corpus_lines, line_key
from newsgraph.clean.metadata import date_from_url, detect_language, normalize_date, outlet_from_url
from newsgraph.model import Document
from newsgraph.read import RawInput

__all__ = ["LineCounts", "clean", "clean_corpus", "count_corpus_lines", "date_from_url", "detect_language", "line_key",
           "normalize_date", "outlet_from_url"]


def clean(raw: RawInput, corpus_lines: LineCounts | None = None) -> Document:
    """Clean one raw input into a Document (HTML by trafilatura, text line by line)."""
    if raw.kind == "html":
        return clean_html(raw, corpus_lines)
    return clean_text(raw, corpus_lines)


def clean_corpus(raws: Iterable[RawInput]) -> list[Document]:
    """Clean many inputs, first counting lines across them so that furniture repeated across pages is seen."""
    raws = list(raws)
    counts = count_corpus_lines(raws)
    return [clean(raw, counts) for raw in raws]
