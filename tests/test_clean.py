"""Clean: page furniture removed and recorded, body kept, metadata found, on texts written for these tests."""

from __future__ import annotations

from pathlib import Path

import yaml

from newsgraph.clean import (
    LineCounts,
    clean,
    clean_corpus,
    count_corpus_lines,
    date_from_url,
    detect_language,
    normalize_date,
)
from newsgraph.read import RawInput, read_paths

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _raw(text: str, doc_id: str = "doc", kind: str = "text", **meta: str) -> RawInput:
    return RawInput(id=doc_id, source=f"{doc_id}.txt", data=text, kind=kind, raw_hash="h", **meta)


BODY = [
    "Kyrgyz President Almaz Beketov met his Tajik counterpart in Bishkek on Tuesday to settle a border row.",
    "The two leaders agreed to reopen three crossings closed since 2021, officials said.",
    "Water and trade",
    "Tajikistan will supply 1.2 billion kilowatt-hours of electricity a year under the deal.",
    "“We have turned a page,” Beketov told reporters, adding that the agreement would be ratified by June.",
]


def _furnished_page() -> str:
    return "\n".join([
        "Advertisement",
        "Asia Desk",
        "Border deal reached as Kyrgyz and Tajik leaders meet",
        "By Dana Orlova",
        "By Dana Orlova",
        "",
        BODY[0],
        "Advertisement",
        BODY[1],
        "Leaders shake hands at the start of their meeting in the presidential palace in Bishkek",
        BODY[2],
        BODY[3],
        "Watch: The Steppe Herald’s Ivan Petrov reports",
        "Central Asia’s Water Wars – The Long Drought, Part 3",
        BODY[4],
        "Edited by: Marat Sadykov",
        "The Steppe Herald is an independent, reader-funded newspaper. Support our journalism today.",
        "128",
    ])


def test_page_furniture_is_removed_and_recorded_and_body_kept() -> None:
    doc = clean(_raw(_furnished_page()))
    assert doc.text.split("\n\n") == BODY
    assert doc.removed_lines == [
        "Advertisement", "Asia Desk", "By Dana Orlova", "By Dana Orlova", "Advertisement",
        "Leaders shake hands at the start of their meeting in the presidential palace in Bishkek",
        "Watch: The Steppe Herald’s Ivan Petrov reports",
        "Central Asia’s Water Wars – The Long Drought, Part 3",
        "Edited by: Marat Sadykov",
        "The Steppe Herald is an independent, reader-funded newspaper. Support our journalism today.",
        "128",
    ]
    assert doc.title == "Border deal reached as Kyrgyz and Tajik leaders meet"
    assert doc.author == "Dana Orlova"
    assert doc.outlet == "The Steppe Herald"
    assert doc.language == "en"
    assert doc.id == "doc" and doc.raw_hash == "h"


def test_outlet_from_an_acronym_beside_a_role_and_name_lines_taken_as_byline() -> None:
    page = "\n".join(["Dana Orlova", "NSH Correspondent", "Asia Desk", "By Dana Orlova", "",
                      "Border deal reached as leaders meet", BODY[0], BODY[1]])
    doc = clean(_raw(page))
    assert doc.outlet == "NSH" and doc.author == "Dana Orlova"
    assert doc.removed_lines == ["Dana Orlova", "NSH Correspondent", "Asia Desk", "By Dana Orlova"]
    assert doc.text.split("\n\n") == BODY[:2]


def test_interview_keeps_its_introduction_and_names_the_outlet_from_question_labels() -> None:
    intro = "Interview with Aigerim Sultanova, transport economist at the Caspian Institute in Almaty"
    lines = [
        "“The corridor will change the region”",
        intro,
        "Herald: Why does the corridor matter now?",
        "Aigerim Sultanova: Because trade between China and Europe is looking for routes that avoid Russia.",
        "Will the neighbours agree?",
        "Some of them already have. Azerbaijan and Kazakhstan signed a memorandum last year.",
    ]
    doc = clean(_raw("\n".join(lines)))
    assert doc.title == "The corridor will change the region"
    assert doc.outlet == "Herald"
    assert doc.text.split("\n\n") == lines[1:]


def test_headline_label_and_quotes_are_taken_off_the_title() -> None:
    body = "Officials met on Monday and agreed on a plan for the new railway line, the ministry said."
    assert clean(_raw(f"Opinion | Why the railway matters\n{body}")).title == "Why the railway matters"
    assert clean(_raw(f"“We will not give up the corridor”\n{body}")).title == "We will not give up the corridor"
    assert clean(_raw(f"Will the railway ever be built?\n{body}")).title == "Will the railway ever be built?"
    untitled = clean(_raw(f"{body}\n{body.replace('Monday', 'Friday')}"))
    assert untitled.title is None and untitled.text.startswith("Officials met on Monday")


def test_standfirst_under_headline_is_kept_but_a_lone_caption_in_the_body_is_not() -> None:
    standfirst = "The Chinese president has a balancing act to play between Russia and the region's other states"
    caption = "Kazakhstan's president has been taking a more independent course on foreign policy"
    text = "\n\n".join([
        "Xi heads to Central Asia", f"  • {standfirst}",
        "Xi arrives in Astana on Wednesday for a state visit, his first trip abroad in two years.",
        caption,
        "Analysts expect new investment deals to be signed during the two-day visit.",
    ])
    doc = clean(_raw(text))
    assert doc.text.split("\n\n")[0] == standfirst  # the list marker is dropped, the words kept
    assert caption not in doc.text and caption in doc.removed_lines


def test_lists_numbers_and_recurring_headings_inside_the_body_are_kept() -> None:
    lines = [
        "Summit leaders set out their demands",
        "The foreign ministers listed three demands in their joint statement on Friday:",
        "a ceasefire along the entire front line within thirty days of signing",
        "an exchange of all prisoners held by both sides since the spring",
        "Pros",
        "The plan was welcomed by neighbouring states, which had long called for talks.",
        "2",
        "The second round of talks will be held in Geneva next month, diplomats said.",
        "Pros",
        "Turkey offered to host a follow-up meeting later in the year, its ministry said.",
    ]
    doc = clean(_raw("\n".join(lines)))
    assert doc.removed_lines == []
    assert doc.text.split("\n\n") == lines[1:]


def test_text_is_stable_paragraphs_joined_by_blank_lines() -> None:
    wrapped = (
        "Ministers meet in Dushanbe\n\n"
        "Foreign ministers of the five Central Asian states met in Dushanbe on\n"
        "Thursday to discuss a common position on water sharing, according to a\n"
        "statement released after the meeting by the Tajik foreign ministry.\n\n"
        "The ministers also discussed trade routes to the south and agreed to\n"
        "meet again in Tashkent before the end of the year, the statement said.\n\n"
        "Officials from Afghanistan attended part of the talks as observers, and\n"
        "will be invited to the next round of meetings in the Uzbek capital.\n"
    )
    first, second = clean(_raw(wrapped)), clean(_raw(wrapped))
    assert first.text == second.text
    paragraphs = first.text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("Foreign ministers") and paragraphs[0].endswith("Tajik foreign ministry.")
    start = first.text.index("Tashkent")
    assert first.text[start:start + 8] == "Tashkent"


def test_label_repeated_across_pages_is_furniture_but_copied_article_lines_are_not() -> None:
    def page(i: int, subheading: str) -> str:
        return "\n".join([
            f"Story number {i} about regional politics",
            f"The first paragraph of story {i} describes a meeting between two governments.",
            "World Briefing",
            subheading,
            f"The last paragraph of story {i} says that the talks will continue next week.",
        ])

    raws = [_raw(page(i, f"Background to story {i}"), f"d{i}") for i in range(3)]
    copy = _raw(page(0, "Background to story 0"), "copy")
    counts = count_corpus_lines([*raws, copy])
    assert counts["world briefing"] == 3  # three different places (the copy adds no new place)
    docs = clean_corpus([*raws, copy])
    for doc in docs:
        assert "World Briefing" in doc.removed_lines
    assert "Background to story 0" in docs[0].text and "Background to story 0" in docs[3].text
    alone = clean(raws[0], LineCounts())
    assert "World Briefing" in alone.text  # without the corpus, one occurrence is not a sign


def test_promotion_needs_publisher_voice_not_just_the_word() -> None:
    report = ("The newspaper said its newsletter had doubled its readers since the election, "
              "according to figures released on Monday.")
    promo = "Sign up for our newsletter to get the morning briefing."
    text = "\n".join(["Media group reports record year", report, promo])
    doc = clean(_raw(text))
    assert report in doc.text
    assert promo in doc.removed_lines


def test_dates_from_lines_metadata_and_urls() -> None:
    text = "Ministers meet in Baku\nPublished: 3 March 2024, 10:45 GMT\nMinisters met in Baku on Sunday for talks."
    doc = clean(_raw(text))
    assert doc.published == "2024-03-03"
    assert "Published: 3 March 2024, 10:45 GMT" in doc.removed_lines
    assert normalize_date("2024-07-03T10:00:00Z") == "2024-07-03"
    assert normalize_date("Wed, 03 Jul 2024 10:00:00 GMT") == "2024-07-03"
    assert normalize_date("July 2024") == "2024-07"
    assert normalize_date("soon") is None
    assert date_from_url("https://news.example/world/2022/09/14/xi-visit") == "2022-09-14"
    assert date_from_url("https://news.example/world/xi-visit") is None


def test_language_is_labelled_honestly() -> None:
    assert detect_language(" ".join(BODY)) == "en"
    french = ("Le président kazakh a reçu son homologue chinois à Astana pour discuter de la coopération "
              "économique et de la sécurité dans la région, a indiqué la présidence dans un communiqué.")
    assert detect_language(french) == "fr"
    assert detect_language("哈萨克斯坦总统在阿斯塔纳会见了中国国家主席，双方讨论了经济合作和地区安全问题。") == "zh"
    assert detect_language("Astana, Tashkent") is None  # too short to tell
    doc = clean(_raw(french, language="fr"))
    assert doc.language == "fr"


def test_record_metadata_wins_and_translation_is_passed_on() -> None:
    raw = _raw("Talks open in Astana\nLeaders met in Astana on Monday to discuss trade and security.",
               kind="record", title="Talks open in Astana", author="A. Writer", outlet="Wire",
               published="2024-07-03T10:00:00Z", translated_from="fr")
    doc = clean(raw)
    assert (doc.title, doc.author, doc.outlet, doc.published, doc.translated_from) == (
        "Talks open in Astana", "A. Writer", "Wire", "2024-07-03", "fr")
    assert doc.text == "Leaders met in Astana on Monday to discuss trade and security."
    assert doc.removed_lines == []


PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Leaders agree new corridor | The Steppe Herald</title>
<meta name="author" content="Dana Orlova"><meta property="og:site_name" content="The Steppe Herald">
<meta property="article:published_time" content="2024-05-02T08:00:00Z"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li>
</ul></nav><article><h1>Leaders agree new corridor</h1>
<p>The presidents of Kazakhstan and Azerbaijan agreed on Thursday to build a freight corridor across the
Caspian Sea, their offices said in a joint statement issued in Baku.</p>
<p>The route would cut transit times for goods moving between China and Europe by about a week, officials
said, and could carry ten million tonnes of cargo a year by 2030.</p>
<p>“This corridor belongs to all our neighbours,” the Kazakh president said at a news conference.</p>
</article><footer><p>© 2024 The Steppe Herald. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


def test_html_main_text_and_metadata_by_trafilatura() -> None:
    doc = clean(_raw(PAGE, kind="html"))
    assert doc.title == "Leaders agree new corridor"
    assert doc.author == "Dana Orlova"
    assert doc.outlet == "The Steppe Herald"
    assert doc.published == "2024-05-02"
    assert doc.text.startswith("The presidents of Kazakhstan and Azerbaijan")
    assert "“This corridor belongs to all our neighbours,”" in doc.text
    assert "Privacy" not in doc.text and "Sport" not in doc.text and "All rights reserved" not in doc.text


def test_broken_html_still_yields_text(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<html><body><div><p>Turkmenistan and Iran signed a gas swap deal in Ashgabat on Monday"
                    "<p>Officials said the deal covers two billion cubic metres a year <b>until 2026")
    (raw,) = list(read_paths([path]))
    doc = clean(raw)
    assert "Turkmenistan and Iran signed a gas swap deal" in doc.text
    assert "two billion cubic metres" in doc.text


def test_sample_corpus_is_eight_short_articles_with_a_copy_furniture_and_html() -> None:
    raws = list(read_paths([EXAMPLES]))
    assert len(raws) == 8 and all(isinstance(r, RawInput) for r in raws)
    docs = {d.id: d for d in clean_corpus(raws)}
    assert sum(r.kind == "html" for r in raws) >= 1
    assert len({d.outlet for d in docs.values() if d.outlet}) >= 3
    for doc in docs.values():
        assert 150 <= len(doc.text.split()) <= 350, doc.id
        assert doc.title and doc.author and doc.language == "en"
    furnished = next(d for d in docs.values() if "Edited by" in " ".join(d.removed_lines))
    assert furnished.removed_lines.count("Advertisement") >= 2 and furnished.removed_lines[-1].isdigit()
    texts = sorted((d.text for d in docs.values()), key=len)
    assert any(long.startswith(short) and long != short for short in texts for long in texts)


def test_seed_boilerplate_removed_and_body_kept(seeds_dir: Path, gold_file: Path) -> None:
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    paths = sorted(seeds_dir.glob("*.txt"))
    docs = clean_corpus([r for r in read_paths(paths) if isinstance(r, RawInput)])
    removed = found = kept = body = 0
    for entry in gold["documents"]:
        doc = next(d for d in docs if d.id.startswith(entry["doc"]))
        paragraphs = set(doc.text.split("\n\n"))
        for line in entry["boilerplate"]:
            found += 1
            removed += line.strip() in doc.removed_lines and line.strip() not in paragraphs
        path = next(p for p in paths if p.name.startswith(entry["doc"]))
        lines = [line.strip() for line in path.read_text(encoding="utf-8").split("\n")]
        start = next(i for i, line in enumerate(lines) if entry["body_starts"] in line)
        end = next(i for i, line in enumerate(lines) if entry["body_ends"] in line)
        for line in lines[start:end + 1]:
            if line and line not in entry["boilerplate"]:
                body += 1
                kept += line in paragraphs
    assert removed / found >= 0.95, f"boilerplate removed {removed}/{found}"
    assert kept / body >= 0.99, f"body lines kept {kept}/{body}"
