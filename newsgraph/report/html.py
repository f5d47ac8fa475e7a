"""The briefing in HTML: one self-contained page (styles inline, pictures as data: URIs) that works offline.

Rendered with autoescaping on, so record text is always shown as text; the page's content security
policy allows no script and no resource from outside the page.
"""

from __future__ import annotations

from importlib import resources

from jinja2 import Environment, StrictUndefined

from newsgraph.report.markdown import n
from newsgraph.report.view import Report


def _environment() -> Environment:
    # autoescape=True escapes every value the template prints, whatever the template's name.
    return Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True)


def _template_text(name: str) -> str:
    return resources.files("newsgraph").joinpath("templates").joinpath(name).read_text(encoding="utf-8")


def render_html(report: Report) -> str:
    env = _environment()
    env.globals["n"] = n
    template = env.from_string(_template_text("report.html.j2"))
    return template.render(r=report)
