"""The briefing: a Markdown and an HTML report a reader can skim in five minutes.

Sections, in reading order: the corpus at a glance and its stories, a picture of the actor network,
the main actors with their ties and statements, a timeline chart and the events behind it,
disagreements, outlets side by side (coverage, tone, what only one outlet reports), then the details
(ties, quotes, figures) and the documents themselves. Every fact line cites the sentence it comes from.

Article text is untrusted: the HTML is rendered with autoescaping on and links only to its own anchors
(and to http(s) sources); the Markdown escapes every character that could open markup.
"""

from __future__ import annotations

from pathlib import Path

from newsgraph.report.base import Rec, index_records, pieces
from newsgraph.report.html import render_html
from newsgraph.report.markdown import md, render_markdown
from newsgraph.report.sections import digest, format_value
from newsgraph.report.view import Picture, Report

__all__ = ["Report", "build_report", "digest", "format_value", "index_records", "md", "pictures_of", "pieces",
           "render_html", "render_markdown", "write_report"]


def pictures_of(report: Report) -> list[Picture]:
    """The pictures the Markdown links to, to be written beside it."""
    return [p for p in (report.network, report.timeline) if p is not None]


def build_report(records: list[Rec], errors: list[Rec] | None = None) -> tuple[str, str]:
    """The briefing as (markdown, html) from exchange-format records and the inputs that failed."""
    report = digest(records, errors)
    return render_markdown(report), render_html(report)


def write_report(records: list[Rec], out_dir: Path, errors: list[Rec] | None = None) -> tuple[Path, Path]:
    """Write report.md (with its pictures beside it) and report.html into out_dir; return the two paths."""
    report = digest(records, errors)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for picture in pictures_of(report):
        (out_dir / picture.name).write_bytes(picture.png)
    md_path, html_path = out_dir / "report.md", out_dir / "report.html"
    md_path.write_text(render_markdown(report), encoding="utf-8")
    html_path.write_text(render_html(report), encoding="utf-8")
    return md_path, html_path
