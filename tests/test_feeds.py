"""Reading RSS 2.0 and Atom feeds written here, and deciding which entries need their page fetched."""

from __future__ import annotations

import pytest

from newsgraph.read.feeds import NEEDS_PAGE_WORDS, FeedEntry, needs_page, parse_feed

FULL_STORY = (
    "<p>The coastal council agreed on Tuesday to cut the winter cod quota for small boats by twelve percent, "
    "after a survey found fewer young fish in the northern grounds than in any year since records began.</p>"
    "<p>Skippers from the three harbour towns said the cut would halve their income in January and February, "
    "and asked for a relief fund to cover fuel and mooring fees until the spring season opens.</p>"
    "<p>The council's fisheries officer, Maren Holt, said the survey left no room for a smaller cut, but that "
    "the relief request would be discussed at the next meeting together with a proposal to move part of the "
    "quota from trawlers to the small-boat fleet, which lands fish closer to the towns.</p>"
)
TEASER = "The coastal council cut the winter cod quota for small boats by twelve percent."
LONG_DESCRIPTION = " ".join(["Trawler owners met the council again and asked for the quota review to be delayed."] * 8)

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour Gazette</title>
  <link>https://harbour-gazette.example/</link>
  <description>News from the harbour towns</description>
  <item>
    <title>Council cuts winter cod quota</title>
    <link>https://harbour-gazette.example/news/cod-quota-cut</link>
    <guid isPermaLink="false">hg-2024-0311</guid>
    <pubDate>Tue, 05 Mar 2024 14:30:00 +0100</pubDate>
    <author>desk@harbour-gazette.example (Ina Berg)</author>
    <description>{TEASER}</description>
    <content:encoded><![CDATA[{FULL_STORY}]]></content:encoded>
  </item>
  <item>
    <title>Skippers ask for relief fund</title>
    <link>/news/relief-fund</link>
    <pubDate>Wed, 06 Mar 2024 08:00:00 GMT</pubDate>
    <dc:creator>Ola Strand</dc:creator>
    <description>Skippers want help with fuel &amp; mooring fees.</description>
  </item>
  <item>
    <title>Trawler owners want a delay</title>
    <link>/news/trawler-delay</link>
    <description>&lt;p&gt;{LONG_DESCRIPTION}&lt;/p&gt;</description>
  </item>
</channel>
</rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">Fjell &amp;amp; Sea Weekly</title>
  <id>urn:uuid:1f0f6c1e-5a0c-4c38-9d5e-3d1b0b4b7a10</id>
  <updated>2024-03-08T10:00:00Z</updated>
  <entry>
    <title>Quota swap between fleets proposed</title>
    <id>tag:fjell-sea.example,2024:quota-swap</id>
    <link rel="alternate" href="https://fjell-sea.example/2024/quota-swap"/>
    <published>2024-03-07T18:15:00+02:00</published>
    <updated>2024-03-08T09:00:00Z</updated>
    <author><name>Maren Holt</name></author>
    <author><name>Per Lund</name><email>per@fjell-sea.example</email></author>
    <summary type="text">Quota for boats &lt; 15 m may rise.</summary>
    <content type="html">{FULL_STORY.replace("&", "&amp;").replace("<", "&lt;")}</content>
  </entry>
  <entry>
    <title>Survey boat returns early</title>
    <id>tag:fjell-sea.example,2024:survey-boat</id>
    <link rel="alternate" href="https://fjell-sea.example/2024/survey-boat"/>
    <updated>2024-03-08T07:30:00Z</updated>
    <content type="html">&lt;p&gt;The survey boat came back two days early because of a storm warning, and the
      second half of the count will be made in April. Read more [&#8230;]&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_rss_entries_links_dates_and_authors() -> None:
    entries = parse_feed(RSS.encode("utf-8"), "https://harbour-gazette.example/rss.xml")
    assert [entry.title for entry in entries] == [
        "Council cuts winter cod quota",
        "Skippers ask for relief fund",
        "Trawler owners want a delay",
    ]
    first, second, third = entries
    assert first.id == "hg-2024-0311"
    assert first.link == "https://harbour-gazette.example/news/cod-quota-cut"
    assert second.link == "https://harbour-gazette.example/news/relief-fund"  # relative link resolved
    assert second.id == second.link  # no guid: the link stands in
    assert first.published == "2024-03-05T13:30:00+00:00"  # normalised to UTC
    assert second.published == "2024-03-06T08:00:00+00:00"
    assert third.published is None
    assert (first.author, second.author, third.author) == ("Ina Berg", "Ola Strand", None)
    assert {entry.outlet for entry in entries} == {"Harbour Gazette"}


def test_rss_content_and_summary() -> None:
    first, second, third = parse_feed(RSS.encode("utf-8"), "harbour.xml")
    assert first.summary_html == TEASER
    assert first.content_html is not None and "Maren Holt" in first.content_html
    assert second.content_html is None
    assert second.summary_html == "Skippers want help with fuel & mooring fees."
    assert third.content_html is None and third.summary_html is not None
    assert third.summary_html.startswith("<p>Trawler owners")


def test_rss_which_entries_need_their_page() -> None:
    first, second, third = parse_feed(RSS.encode("utf-8"), "harbour.xml")
    assert not needs_page(first)  # full story in content:encoded
    assert needs_page(second)  # a one-line description only
    assert not needs_page(third)  # the whole story was put in the description


def test_atom_entries() -> None:
    first, second = parse_feed(ATOM, "https://fjell-sea.example/feed.atom")
    assert first.id == "tag:fjell-sea.example,2024:quota-swap"
    assert first.link == "https://fjell-sea.example/2024/quota-swap"
    assert first.outlet == "Fjell & Sea Weekly"  # an HTML-typed title is read as text
    assert first.author == "Maren Holt, Per Lund"
    assert first.published == "2024-03-07T16:15:00+00:00"  # published wins over updated
    assert second.published == "2024-03-08T07:30:00+00:00"  # only updated: it stands in
    assert first.summary_html == "Quota for boats &lt; 15 m may rise."  # plain-text summary escaped as HTML
    assert first.content_html is not None and "<p>The coastal council" in first.content_html
    assert second.summary_html is None  # feedparser's copy of the content is not a summary
    assert not needs_page(first)
    assert needs_page(second)  # short, and ends in the ellipsis that marks a cut


def test_decoded_text_with_a_stale_encoding_declaration() -> None:
    text = RSS.replace('encoding="utf-8"', 'encoding="iso-8859-1"').replace("Harbour Gazette", "Tromsø Gazette")
    assert parse_feed(text, "harbour.xml")[0].outlet == "Tromsø Gazette"
    assert parse_feed(text.encode("iso-8859-1"), "harbour.xml")[0].outlet == "Tromsø Gazette"


def test_feed_with_minor_errors_is_still_read() -> None:
    broken = RSS.replace("Council cuts winter cod quota", "Cod & haddock quota cut")  # unescaped ampersand
    entries = parse_feed(broken.encode("utf-8"), "harbour.xml")
    assert len(entries) == 3
    assert entries[0].title == "Cod & haddock quota cut"
    assert entries[0].link == "https://harbour-gazette.example/news/cod-quota-cut"
    cut_off = RSS[: RSS.index("<item>", RSS.index("</item>"))] + "<item><title>Skippers ask"  # truncated download
    assert [entry.title for entry in parse_feed(cut_off, "harbour.xml")][0] == "Council cuts winter cod quota"


def test_empty_but_valid_feed_has_no_entries() -> None:
    empty = '<rss version="2.0"><channel><title>Harbour Gazette</title></channel></rss>'
    assert parse_feed(empty, "harbour.xml") == []


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<!doctype html><html><body><p>Quota news</p></body></html>", "not an RSS or Atom feed"),
        (b"quota, cod, haddock\n12, 3, 4\n", "not an RSS or Atom feed (syntax error)"),
        (b'<rss version="2.0"><channel><title>Harbour Gazette</title><lastBuildDate>Tue', "malformed feed"),
        (b"   \n", "empty document"),
    ],
)
def test_not_a_feed_raises_with_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ValueError, match=r"^page\.bin: ") as caught:
        parse_feed(data, "page.bin")
    assert reason in str(caught.value)


def test_needs_page_threshold() -> None:
    def entry(content: str | None, summary: str | None = None) -> FeedEntry:
        return FeedEntry("id", "t", "https://x.example/a", None, None, summary, content, "Outlet")

    words = ["word"] * NEEDS_PAGE_WORDS
    assert needs_page(entry(None))
    assert needs_page(entry(None, "<p>A teaser.</p>"))
    assert needs_page(entry("<p>" + " ".join(words[1:]) + "</p>"))
    assert not needs_page(entry("<p>" + " ".join(words) + "</p>"))
    assert needs_page(entry("<p>" + " ".join(words) + " &#8230;</p>"))  # long but cut short
    # words are counted in the visible text: markup, scripts and styles do not count
    padded = "<p>short</p><script>" + " ".join(words) + "</script>"
    assert needs_page(entry(padded))
    assert not needs_page(entry(None, "<p>" + "</p><p>".join(words) + "</p>"))
