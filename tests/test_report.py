"""The briefing: sections, ordering, citations that reach the cited passage, and untrusted text kept inert."""

from __future__ import annotations

import base64
import re
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from newsgraph.model import (
    Actor,
    Claim,
    Conflict,
    Document,
    Event,
    Quote,
    Relation,
    Statement,
    to_record,
)
from newsgraph.report import build_report, md, pieces, write_report

TEXT_A = (
    "Norway and Sweden signed a fisheries accord in Oslo on Monday. "
    "Norway is a member of NATO. "
    "\u201cWe will protect the northern stocks,\u201d the Norwegian prime minister, Kari Holm, said. "
    "Sweden did not sanction the fleet. "
    "The quota was 120,000 tonnes in 2023. "
    "Sweden may threaten new tariffs next year."
)
TEXT_B = (
    "Sweden and Norway borders run for 1,630 kilometres. "
    "The quota was 110,000 tonnes in 2023, officials in Stockholm said. "
    "Norway accused Sweden of overfishing in March."
)


def span(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def graph() -> list[dict[str, Any]]:
    """A small hand-made graph in the exchange format, built through the model so the shapes stay true."""
    doc_a = Document("a1", "https://example.org/fish", TEXT_A, title="Fisheries accord signed",
                     outlet="North Wire", author="J. Berg", published="2023-05-08", language="en",
                     removed_lines=["Advertisement"])
    doc_b = Document("b2", "feeds/b2.txt", TEXT_B, title="Quota dispute", outlet="Baltic Post",
                     published="2023-06-01", language="en", translated_from="sv")
    doc_c = Document("c3", "feeds/c3.txt", TEXT_A, title="Fisheries accord signed (copy)",
                     outlet="Coast Daily", published="2023-05-09", language="en", duplicate_of="a1")
    actors = [
        Actor("norway", "Norway", "country", None, ["Oslo"], ["a1", "b2", "c3"],
              {"iso3": "NOR", "wikidata": None}),
        Actor("sweden", "Sweden", "country", None, ["Stockholm"], ["a1", "b2", "c3"],
              {"iso3": "SWE", "wikidata": None}),
        Actor("nato", "NATO", "organization", "military alliance", [], ["a1", "c3"],
              {"iso3": None, "wikidata": None}),
        Actor("kari-holm", "Kari Holm", "person", "Norwegian prime minister", ["Holm"], ["a1"],
              {"iso3": None, "wikidata": None}),
    ]

    def sentence(doc: Document, piece: str) -> tuple[str, int, int]:
        return (piece, *span(doc.text, piece))

    member = sentence(doc_a, "Norway is a member of NATO.")
    borders = sentence(doc_b, "Sweden and Norway borders run for 1,630 kilometres.")
    quote_text = "We will protect the northern stocks,"
    facts = [
        Relation("a1", "norway", "MEMBER_OF", "nato", *member),
        Relation("c3", "norway", "MEMBER_OF", "nato", *member),
        Relation("b2", "sweden", "BORDERS", "norway", *borders),
        Quote("a1", "kari-holm", "the Norwegian prime minister, Kari Holm", "direct", quote_text, "said",
              *span(TEXT_A, quote_text)),
        Quote("b2", None, "officials in Stockholm", "indirect", "The quota was 110,000 tonnes in 2023",
              "said", *span(TEXT_B, "The quota was 110,000 tonnes in 2023")),
        Event("a1", "sweden", "THREATEN", "norway", None,
              *sentence(doc_a, "Sweden may threaten new tariffs next year."), hypothetical=True),
        Event("b2", "norway", "ACCUSE", "sweden", "2023-03",
              *sentence(doc_b, "Norway accused Sweden of overfishing in March.")),
        Event("a1", "norway", "AGREE", "sweden", "2023-05-08",
              *sentence(doc_a, "Norway and Sweden signed a fisheries accord in Oslo on Monday.")),
        Event("a1", "sweden", "SANCTION", "norway", "2023",
              *sentence(doc_a, "Sweden did not sanction the fleet."), negated=True),
        Claim("a1", "fish quota", 120000, "tonnes", "2023",
              *sentence(doc_a, "The quota was 120,000 tonnes in 2023.")),
        Claim("b2", "fish quota", 110000.0, "tonnes", "2023",
              *sentence(doc_b, "The quota was 110,000 tonnes in 2023, officials in Stockholm said.")),
        Conflict("fish quota (2023)", [Statement("a1", "120,000 tonnes"), Statement("b2", "110,000 tonnes")]),
    ]
    records = [to_record(d) for d in (doc_a, doc_b, doc_c)] + [to_record(a) for a in actors]
    records += [to_record(f) for f in facts]
    records.append({"record": "story", "id": "s1", "label": "Nordic fisheries", "docs": ["a1", "b2", "c3"]})
    records.append({"record": "something-new", "whatever": 1})
    return records


ERRORS = [{"source": "inbox/broken.pdf", "reason": "not a text, HTML, feed or archive file"}]


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside each element that has an id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.open_ids: list[str | None] = []
        self.text_by_id: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append((tag, found))
        if tag in ("mark", "article"):
            self.open_ids.append(found.get("id"))
            if found.get("id"):
                self.text_by_id[found["id"]] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("mark", "article"):
            self.open_ids.pop()

    def handle_data(self, data: str) -> None:
        for element_id in self.open_ids:
            if element_id:
                self.text_by_id[element_id] += data


def parse(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    parser.close()
    return parser


def test_every_section_has_a_heading_with_its_count() -> None:
    markdown, html = build_report(graph(), ERRORS)
    expected = [
        "## The corpus at a glance (3 documents)",
        "## Stories (1)",
        "## Main actors (top 4 of 4)",
        "## Ties (3)",
        "## Quotes by speaker (2 quotes, 2 speakers)",
        "## Events in date order (4)",
        "## Figures (2)",
        "## Disagreements (1)",
        "## Documents (3)",
    ]
    for heading in expected:
        assert heading in markdown, heading
        assert f"<h2>{heading.removeprefix('## ')}</h2>" in html, heading


def test_glance_lists_copies_languages_and_input_errors() -> None:
    markdown, html = build_report(graph(), ERRORS)
    assert "[c3] “Fisheries accord signed (copy)” (Coast Daily) copies [a1]" in markdown
    assert "translated from sv (1)" in markdown
    assert "inbox/broken.pdf: not a text, HTML, feed or archive file" in markdown
    assert "**Documents:** 3 (2 distinct), published 2023-05-08 to 2023-06-01" in markdown
    assert "<code>inbox/broken.pdf</code>" in html
    assert "**Not in English, kept but not analysed (0):** none" in markdown


def test_documents_not_in_english_are_listed_and_counted() -> None:
    extra = {"record": "document", "doc": "d4", "source": "feeds/d4.txt", "outlet": "Le Courrier",
             "author": None, "title": "Les quotas <b>de pêche</b>", "published": "2023-06-02", "language": "fr",
             "translated_from": None, "duplicate_of": None, "text": "Les ministres se sont réunis.",
             "removed_lines": []}
    markdown, html = build_report([*graph(), extra], ERRORS)
    assert "**Not in English, kept but not analysed (1):**" in markdown and "(fr)" in markdown
    assert "Not in English, kept but not analysed (1)" in html and "&lt;b&gt;de pêche&lt;/b&gt;" in html


def test_actor_lines_carry_type_description_aliases_ties_and_statements() -> None:
    markdown, _ = build_report(graph())
    holm = next(line for line in markdown.splitlines() if "**Kari Holm**" in line)
    assert "person" in holm and "1 statement" in holm
    assert "   - Norwegian prime minister" in markdown
    norway_block = markdown.split("**Norway**", 1)[1].split("\n2. ", 1)[0]
    assert "*Also called:* Oslo" in norway_block
    assert "member of NATO" in norway_block and "borders Sweden" in norway_block
    assert "led by" not in norway_block  # no LEADS tie in the graph


def test_events_run_in_date_order_with_undated_last_and_flags_shown() -> None:
    markdown, html = build_report(graph())
    events = markdown.split("## Events in date order", 1)[1].split("\n## ", 1)[0]
    order = [line.split("**")[1] for line in events.splitlines() if line.startswith("- **")]
    assert order == ["2023", "2023-03", "2023-05-08", "undated"]
    assert "Sweden → SANCTION → Norway *(negated)*" in events
    assert "Sweden → THREATEN → Norway *(hypothetical)*" in events
    section = html.split('id="events"', 1)[1].split("</section>", 1)[0]
    shown = re.findall(r'<span class="when">([^<]+)</span>', section)
    assert shown == order
    assert 'class="flag negated"' in section and 'class="flag hypothetical"' in section


def test_every_citation_links_to_the_passage_it_cites() -> None:
    records = graph()
    markdown, html = build_report(records)
    start, end = span(TEXT_B, "Norway accused Sweden of overfishing in March.")
    assert f"[b2 @ {start}–{end}]" in markdown
    tree = parse(html)
    hrefs = [a["href"] for tag, a in tree.tags if tag == "a" and (a.get("href") or "").startswith("#doc-")]
    assert f"#doc-b2-{start}-{end}" in hrefs
    texts = {r["doc"]: r["text"] for r in records if r["record"] == "document"}
    for href in hrefs:
        target = href[1:]
        assert target in tree.text_by_id, f"citation {href} has no anchor"
        cited = re.fullmatch(r"doc-(\w+)-(\d+)-(\d+)", target)
        if cited:
            doc, s, e = cited.group(1), int(cited.group(2)), int(cited.group(3))
            assert tree.text_by_id[target] == texts[doc][s:e]
    # the document section shows the whole text, marks included
    assert TEXT_A in tree.text_by_id["doc-a1"]


def test_facts_told_by_copies_are_listed_once_with_every_source() -> None:
    markdown, _ = build_report(graph())
    start, end = span(TEXT_A, "Norway is a member of NATO.")
    lines = [line for line in markdown.splitlines() if line.startswith("- **Norway → NATO:**")]
    assert len(lines) == 1
    assert f"[a1 @ {start}–{end}] [c3 @ {start}–{end}]" in lines[0]


def test_quotes_are_grouped_under_the_speaker_name() -> None:
    markdown, _ = build_report(graph())
    quotes = markdown.split("## Quotes by speaker", 1)[1].split("\n## ", 1)[0]
    assert "### Kari Holm (1) — Norwegian prime minister" in quotes
    assert "### officials in Stockholm (1)" in quotes
    start, end = span(TEXT_A, "We will protect the northern stocks,")
    assert f"- (direct, *said*) “We will protect the northern stocks,” [a1 @ {start}–{end}]" in quotes


XSS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)"]


def hostile_graph() -> list[dict[str, Any]]:
    payload = " ".join(XSS)
    text = f"Intro. {payload} was posted. Then <a href=\"javascript:alert(2)\">click</a> here."
    doc = Document('x"><script>alert(3)</script>', "javascript:alert(1)", text, title=payload,
                   outlet=payload, author=payload, published="2024-01-01", language="en",
                   removed_lines=[payload])
    actor = Actor("evil", payload, "person", payload, [payload], [doc.id],
                  {"iso3": None, "wikidata": payload})
    s, e = span(text, payload)
    return [
        to_record(doc),
        {**to_record(doc), "doc": "js", "source": "javascript:alert(1)//http://x"},
        to_record(actor),
        to_record(Quote(doc.id, "evil", payload, "direct", payload, payload, s, e)),
        to_record(Relation(doc.id, "evil", "ALLY_OF", "evil2", payload, s, e)),
        to_record(Event(doc.id, "evil", "THREATEN", None, payload, payload, s, e)),
        to_record(Claim(doc.id, payload, payload, payload, payload, payload, s, e)),
        to_record(Conflict(payload, [Statement(doc.id, payload)])),
        {"record": "story", "id": payload, "label": payload, "docs": [doc.id]},
    ]


def test_untrusted_text_cannot_add_markup_to_the_html() -> None:
    _, html = build_report(hostile_graph(), [{"source": XSS[0], "reason": XSS[1]}])
    assert "<script" not in html.lower()
    # Attribute values are quoted and their quotes escaped, so markup can only hide outside them.
    assert not re.search(r"<[a-z][^<>]*\bonerror\s*=", re.sub(r'"[^"]*"', '""', html), re.I)
    assert 'href="javascript:' not in html.lower()
    tree = parse(html)
    assert {tag for tag, _ in tree.tags}.isdisjoint({"script", "iframe", "object", "embed", "link"})
    images = [attrs for tag, attrs in tree.tags if tag == "img"]
    assert images, "the hostile graph still gets its pictures"
    assert all((a.get("src") or "").startswith("data:image/png;base64,") for a in images)
    for tag, attrs in tree.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        href = (attrs.get("href") or "").strip().lower()
        assert href.startswith(("#", "http://", "https://")) or not href, (tag, attrs)
    # the text is still there, shown as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_untrusted_text_stays_inert_in_markdown() -> None:
    markdown, _ = build_report(hostile_graph(), [{"source": XSS[0], "reason": XSS[1]}])
    assert "<script" not in markdown.lower()
    assert "<img" not in markdown.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown


def cells(row: str) -> list[str]:
    """A Markdown table row cut at its unescaped pipes."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", row.strip())[1:-1]]


def test_markdown_table_cells_escape_pipes_backticks_and_tags() -> None:
    text = "Exports were `12` | 15 <b>million</b> barrels."
    doc = Document("t1", "t1.txt", text, title="Oil", language="en")
    claim = Claim("t1", "oil | exports `daily`", 12.5, "million | barrels", "Q1 | Q2", text, 0, len(text))
    markdown, _ = build_report([to_record(doc), to_record(claim)])
    header = next(line for line in markdown.splitlines() if line.startswith("| Measure"))
    row = next(line for line in markdown.splitlines() if line.startswith("| oil"))
    assert len(cells(row)) == len(cells(header)) == 6
    subject, value, unit, period, evidence, source = cells(row)
    assert subject == r"oil \| exports \`daily\`"
    assert value == "12.5" and unit == r"million \| barrels" and period == r"Q1 \| Q2"
    assert evidence == r"Exports were \`12\` \| 15 &lt;b&gt;million&lt;/b&gt; barrels."
    assert source == f"[t1 @ 0–{len(text)}]"


def test_long_lists_are_capped_with_a_count_of_the_rest() -> None:
    text = "Norway met Sweden. " * 150
    doc = Document("d", "d.txt", text, language="en")
    events = [Event("d", "norway", "CONSULT", "sweden", f"2020-01-{i % 28 + 1:02d}", f"Meeting number {i}.",
                    19 * i, 19 * i + 18) for i in range(130)]
    markdown, html = build_report([to_record(doc)] + [to_record(e) for e in events])
    assert "## Events in date order (130)" in markdown
    assert "- *… and 30 more events*" in markdown
    assert "… and 30 more events" in html


def test_overlapping_spans_nest_and_keep_the_text_whole() -> None:
    text = "abcdefghij"
    spans = {(0, 6), (2, 4), (3, 9), (5, 10)}
    steps = pieces(text, spans, "doc-x")
    assert "".join(p.text for p in steps) == text
    depth = 0
    for p in steps:
        depth += {"open": 1, "close": -1}.get(p.kind, 0)
        assert depth >= 0
    assert depth == 0
    assert sorted(p.anchor for p in steps if p.kind == "open") == [
        "doc-x-0-6", "doc-x-2-4", "doc-x-3-9", "doc-x-5-10"]


def test_write_report_creates_the_folder_and_both_files(tmp_path: Path) -> None:
    out = tmp_path / "nested" / "report"
    md_path, html_path = write_report(graph(), out, errors=ERRORS)
    assert md_path == out / "report.md" and html_path == out / "report.html"
    assert md_path.read_text(encoding="utf-8").startswith("# newsgraph briefing")
    html = html_path.read_text(encoding="utf-8")
    assert "<style>" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html.split('id="documents"')[0])


def test_an_empty_graph_still_gives_a_readable_report() -> None:
    markdown, html = build_report([])
    assert "## The corpus at a glance (0 documents)" in markdown
    assert "## Stories" not in markdown  # shown only when stories were grouped
    assert "None found." in markdown and "<h2>Figures (0)</h2>" in html


def test_markdown_text_cannot_open_a_block_when_it_begins_a_line() -> None:
    assert md("# Breaking") == r"\# Breaking"
    assert md("1. first") == r"1\. first"
    assert md("- item") == r"\- item"
    assert md("1.5 million") == "1.5 million"
    assert md("--06", cell=True) == "--06"
    assert md("a_b and _c_") == r"a_b and \_c\_"


# --------------------------------------------------------------------------- pictures, actors, outlets

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
PRAISE = "Leaders praised Norway for its generous and wonderful help to the fishermen. "
BLAME = "Critics said Norway was a cruel, dishonest bully that ruined the talks. "
SHARED = "Norway and Sweden met in Oslo on 2023-05-08. "


def two_outlets() -> list[dict[str, Any]]:
    """One story told by two outlets: one warm toward Norway, one hostile; one event only the second reports."""
    warm = Document("w1", "w1.txt", PRAISE + SHARED, title="Praise", outlet="North Wire", language="en",
                    published="2023-05-09")
    cold_text = BLAME + SHARED + "Sweden accused Norway of overfishing."
    cold = Document("c1", "c1.txt", cold_text, title="Blame", outlet="Baltic Post", language="en",
                    published="2023-05-10")
    actors = [Actor("norway", "Norway", "country", None, ["Oslo"], ["w1", "c1"]),
              Actor("sweden", "Sweden", "country", None, [], ["w1", "c1"])]
    met_w, met_c = span(warm.text, SHARED.strip()), span(cold.text, SHARED.strip())
    accused = span(cold_text, "Sweden accused Norway of overfishing.")
    facts = [
        Event("w1", "norway", "CONSULT", "sweden", "2023-05-08", SHARED.strip(), *met_w),
        Event("c1", "norway", "CONSULT", "sweden", "2023-05-08", SHARED.strip(), *met_c),
        Event("c1", "sweden", "ACCUSE", "norway", None, "Sweden accused Norway of overfishing.", *accused),
        Relation("w1", "norway", "BORDERS", "sweden", SHARED.strip(), *met_w),
    ]
    records = [to_record(d) for d in (warm, cold)] + [to_record(a) for a in actors] + [to_record(f) for f in facts]
    records.append({"record": "story", "id": "s1", "label": "Fish talks", "docs": ["w1", "c1"]})
    return records


def test_the_briefing_opens_with_the_sections_a_reader_skims_first() -> None:
    markdown, html = build_report(two_outlets())
    order = ["## The corpus at a glance", "## Stories", "## Actor network", "## Main actors", "## Timeline",
             "## Events in date order", "## Disagreements", "## Outlets side by side", "## Ties",
             "## Quotes by speaker", "## Figures", "## Documents"]
    positions = [markdown.index(h) for h in order]
    assert positions == sorted(positions)
    h2 = re.findall(r"<h2>([^<]+)</h2>", html)
    assert [h.split(" (")[0] for h in h2] == [h.removeprefix("## ").split(" (")[0] for h in order]


def test_pictures_are_files_beside_the_markdown_and_embedded_in_the_html(tmp_path: Path) -> None:
    md_path, html_path = write_report(two_outlets(), tmp_path)
    markdown, html = md_path.read_text(encoding="utf-8"), html_path.read_text(encoding="utf-8")
    for name in ("network.png", "timeline.png"):
        assert (tmp_path / name).read_bytes().startswith(PNG_MAGIC)
        assert re.search(rf"!\[[^\]]+\]\({name}\)", markdown), name
    sources = [a["src"] for tag, a in parse(html).tags if tag == "img"]
    assert len(sources) == 2
    for src in sources:
        assert src.startswith("data:image/png;base64,")
        assert base64.b64decode(src.split(",", 1)[1]).startswith(PNG_MAGIC)
    assert "img-src data:" in html  # the page's policy lets its own pictures in, and nothing from outside
    assert "Actor network: 2 actors and 1 links" in markdown


def test_an_empty_graph_draws_no_picture_and_says_so() -> None:
    markdown, html = build_report([])
    assert markdown.count("No picture: nothing to draw.") == 2 and "<img" not in html


def test_main_actors_show_ties_and_statements_each_with_its_source() -> None:
    markdown, html = build_report(graph())
    holm = markdown.split("**Kari Holm**", 1)[1].split("\n4. ", 1)[0]
    start, end = span(TEXT_A, "We will protect the northern stocks,")
    assert f"*Said* (direct, *said*): “We will protect the northern stocks,” [a1 @ {start}–{end}]" in holm
    norway = markdown.split("**Norway**", 1)[1].split("\n2. ", 1)[0]
    s, e = span(TEXT_A, "Norway is a member of NATO.")
    assert f"member of NATO [a1 @ {s}–{e}] (+1 more)" in norway
    actors = html.split('id="actors"', 1)[1].split("</section>", 1)[0]
    assert f'href="#doc-a1-{start}-{end}"' in actors and f'href="#doc-a1-{s}-{e}"' in actors


def outlet_table(markdown: str) -> dict[str, dict[str, str]]:
    section = markdown.split("## Outlets side by side", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    header = cells(rows[0])
    return {cells(r)[0]: dict(zip(header[1:], cells(r)[1:], strict=True)) for r in rows[1:]}


def test_outlets_side_by_side_give_each_outlet_its_tone_toward_each_actor() -> None:
    markdown, html = build_report(two_outlets())
    assert "## Outlets side by side (1 story)" in markdown
    table = outlet_table(markdown)
    assert set(table) == {"Norway", "Sweden"}
    warm, cold = table["Norway"]["North Wire"], table["Norway"]["Baltic Post"]
    assert warm.startswith("3×") and "positive" in warm  # "Norway" twice and "Oslo", its alias
    assert cold.startswith("4×") and "negative" in cold
    s, e = span(BLAME, BLAME.strip())
    assert f"[c1 @ {s}–{e}]" in cold  # the sentence that weighs most in the hostile tone
    # in HTML the tone is a link to that sentence, marked in the document text
    tree = parse(html)
    assert tree.text_by_id[f"doc-c1-{s}-{e}"] == BLAME.strip()
    assert re.search(rf'<a class="tone negative" href="#doc-c1-{s}-{e}"', html)


def test_what_only_one_outlet_reports_is_listed_under_it_with_its_sentence() -> None:
    markdown, html = build_report(two_outlets())
    section = markdown.split("## Outlets side by side", 1)[1].split("\n## ", 1)[0]
    assert "- Only **Baltic Post** reports:" in section
    assert "Only **North Wire** reports" not in section  # its one event the other outlet reports too
    text = BLAME + SHARED + "Sweden accused Norway of overfishing."
    s, e = span(text, "Sweden accused Norway of overfishing.")
    assert (f"  - (event) Sweden → ACCUSE → Norway: “Sweden accused Norway of overfishing.” [c1 @ {s}–{e}]"
            in section)
    assert "<h4>Only Baltic Post reports</h4>" in html


def test_mention_records_are_used_when_the_records_carry_them() -> None:
    records = two_outlets()
    warm_text = PRAISE + SHARED
    s, e = span(warm_text, "Oslo")
    # one mention only: North Wire now names Norway once (through "Oslo"), whatever the names say
    records.append({"record": "mention", "doc": "w1", "start": s, "end": e, "text": "Oslo", "actor": "norway",
                    "kind": "metonym"})
    table = outlet_table(build_report(records)[0])
    assert table["Norway"]["North Wire"].startswith("1×")
    assert table["Norway"]["Baltic Post"] == "—"


def test_a_story_of_one_outlet_is_not_set_side_by_side() -> None:
    markdown, _ = build_report(graph())
    assert "## Outlets side by side (1 story)" in markdown  # North Wire, Baltic Post and Coast Daily
    single = [r for r in graph() if r["record"] != "story"]
    single.append({"record": "story", "id": "s", "label": "One outlet", "docs": ["a1"]})
    markdown, _ = build_report(single)
    assert "## Outlets side by side (0 stories)" in markdown
    assert "No story was covered by more than one outlet." in markdown


# --------------------------------------------------------------------------- the seeds, built for real


def seed_records(db: str, with_mentions: bool) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """What `newsgraph report` reads, optionally with the stored mentions resolved to corpus actors."""
    from newsgraph.export import records
    from newsgraph.model import Mention
    from newsgraph.store import Store

    store = Store(db)
    recs = list(records(store))
    if with_mentions:
        mapping = store.actor_map()
        for m in store.facts(Mention):
            actor = mapping.get(m.doc, {}).get(m.actor)
            if actor:
                recs.append({"record": "mention", "doc": m.doc, "start": m.start, "end": m.end, "text": m.text,
                             "actor": actor, "kind": m.kind})
    errors = [{"source": e.source, "reason": e.reason} for e in store.errors()]
    store.close()
    return recs, errors


@pytest.fixture(scope="module")
def seeds_db(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    from typer.testing import CliRunner

    from newsgraph.cli import app

    db = str(tmp_path_factory.mktemp("seeds") / "graph.db")
    result = CliRunner().invoke(app, ["build", str(seeds_dir), "--db", db, "--offline"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize("with_mentions", [False, True])
def test_seeds_briefing_has_every_section_and_every_citation_reaches_its_passage(
        seeds_db: str, tmp_path: Path, with_mentions: bool) -> None:
    records, errors = seed_records(seeds_db, with_mentions)
    started = time.perf_counter()
    md_path, html_path = write_report(records, tmp_path, errors=errors)
    elapsed = time.perf_counter() - started
    assert elapsed < 30, f"report took {elapsed:.1f} s"
    markdown, html = md_path.read_text(encoding="utf-8"), html_path.read_text(encoding="utf-8")
    for heading in ("## The corpus at a glance (5 documents)", "## Actor network", "## Timeline",
                    "## Disagreements", "## Outlets side by side (1 story)"):
        assert heading in markdown
    assert (tmp_path / "network.png").stat().st_size > 10_000
    assert (tmp_path / "timeline.png").stat().st_size > 5_000
    table = outlet_table(markdown)
    outlets = {o for row in table.values() for o in row}
    assert len(outlets) >= 3 and len(table) >= 3
    assert any(re.search(r"[+-]\d\.\d\d (positive|negative|neutral)", cell) for row in table.values()
               for cell in row.values())
    tree = parse(html)
    texts = {r["doc"]: r["text"] for r in records if r["record"] == "document"}
    hrefs = {a["href"] for tag, a in tree.tags if tag == "a" and (a.get("href") or "").startswith("#doc-")}
    assert len(hrefs) > 100
    for href in hrefs:
        assert href[1:] in tree.text_by_id, f"citation {href} has no anchor"
        cited = re.fullmatch(r"#doc-(.+)-(\d+)-(\d+)", href)
        if cited:
            doc_id = cited.group(1).replace("-", "_") if cited.group(1) not in texts else cited.group(1)
            marked = tree.text_by_id[href[1:]]
            # a passage that crosses the end of another is marked up to there (marks must nest)
            assert marked and texts[doc_id][int(cited.group(2)):int(cited.group(3))].startswith(marked)


def test_each_side_of_a_disagreement_cites_the_sentence_that_says_it() -> None:
    markdown, html = build_report(graph())
    section = markdown.split("## Disagreements", 1)[1].split("\n## ", 1)[0]
    s, e = span(TEXT_A, "The quota was 120,000 tonnes in 2023.")
    assert f"says: 120,000 tonnes [a1 @ {s}–{e}]" in section
    s, e = span(TEXT_B, "The quota was 110,000 tonnes in 2023, officials in Stockholm said.")
    assert f"says: 110,000 tonnes [b2 @ {s}–{e}]" in section
    assert parse(html).text_by_id[f"doc-b2-{s}-{e}"].startswith("The quota was 110,000 tonnes")
