"""The briefing as a reader opens it: report.html from the seeds in a real headless Chromium, offline.

Playwright drives Debian's Chromium (/usr/bin/chromium, installed by `.ci/run`); the tests skip, saying
why, where either is missing, and where ../shared is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.report import write_report

from .test_report import XSS, hostile_graph

SECTIONS = ["The corpus at a glance", "Stories", "Actor network", "Main actors", "Timeline", "Events in date order",
            "Disagreements", "Outlets side by side", "Ties", "Quotes by speaker", "Figures", "Documents"]


@pytest.fixture(scope="module")
def seeds_report(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`newsgraph build` then `newsgraph report`, as a user runs them."""
    folder = tmp_path_factory.mktemp("seeds-report")
    db = str(folder / "graph.db")
    runner = CliRunner()
    built = runner.invoke(app, ["build", str(seeds_dir), "--db", db, "--offline"], catch_exceptions=False)
    assert built.exit_code == 0, built.output
    reported = runner.invoke(app, ["report", "--db", db, "-o", str(folder / "report")], catch_exceptions=False)
    assert reported.exit_code == 0, reported.output
    return folder / "report" / "report.html"


def _page(browser: object, problems: list[str]) -> object:
    """A page that records console errors, script errors and any request that leaves the file itself."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda request: problems.append(f"request to {request.url}")
            if not request.url.startswith(("file:", "data:")) else None)
    return page


def _pictures_loaded(page: object) -> list[tuple[str, int]]:
    return page.eval_on_selector_all("img", "imgs => imgs.map(i => [i.alt, i.complete ? i.naturalWidth : 0])")


def test_seeds_report_shows_every_section_and_every_picture_offline(browser, seeds_report: Path) -> None:
    problems: list[str] = []
    page = _page(browser, problems)
    page.goto(seeds_report.as_uri())
    page.wait_for_load_state("load")
    headings = [h.split(" (")[0] for h in page.locator("h2").all_inner_texts()]
    assert headings == SECTIONS
    pictures = _pictures_loaded(page)
    assert len(pictures) == 2, pictures  # the actor network and the timeline
    assert all(width > 0 for _, width in pictures), pictures
    assert any(alt.startswith("Actor network:") for alt, _ in pictures)
    assert any("events" in alt for alt, _ in pictures)
    shot = seeds_report.parent / "briefing.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 50_000
    assert problems == [], problems


def test_a_tone_is_one_click_from_the_sentence_behind_it(browser, seeds_report: Path) -> None:
    problems: list[str] = []
    page = _page(browser, problems)
    page.goto(seeds_report.as_uri())
    cells = page.locator("#outlets table.side a.tone")
    assert cells.count() >= 6
    tone = cells.first
    actor = page.locator("#outlets table.side tbody tr").first.locator("th").inner_text()
    tone.click()
    anchor = page.evaluate("location.hash")
    assert anchor == tone.get_attribute("href")
    target = page.locator(":target")
    assert target.evaluate("e => e.tagName") == "MARK" and target.is_visible()
    assert target.evaluate("e => e.closest('#documents') !== null")  # the sentence, inside its document
    assert len(target.inner_text().split()) >= 3, (actor, target.inner_text())
    assert problems == [], problems


def test_hostile_text_in_a_report_never_runs(browser, tmp_path: Path) -> None:
    _, html_path = write_report(hostile_graph(), tmp_path, errors=[{"source": XSS[0], "reason": XSS[1]}])
    problems: list[str] = []
    dialogs: list[str] = []
    page = _page(browser, problems)
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(html_path.as_uri())
    page.wait_for_load_state("load")
    assert page.locator("script").count() == 0
    assert page.locator("img[onerror]").count() == 0
    assert all(width > 0 for _, width in _pictures_loaded(page))
    assert dialogs == [] and problems == [], (dialogs, problems)
