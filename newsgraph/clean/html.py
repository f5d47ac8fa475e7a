"""Web pages: the article's text by trafilatura, read from a page rid of what readers never see."""

from __future__ import annotations

import re
from collections import Counter
from copy import copy
from dataclasses import replace

from lxml.html import HtmlElement

from newsgraph.clean.lines import SPACES, Line, LineCounts, assemble, clean_text, paragraphs, strip_furniture
from newsgraph.clean.metadata import normalize_date
from newsgraph.model import Document
from newsgraph.read import RawInput, visible_text

MIN_HIDDEN_WORDS = 50  # a hidden element this long is dropped only if the page shows its text elsewhere
MIN_PART_WORDS = 30  # a like container must hold this many unread words to count as a missing part
MIN_KEPT_SHARE = 0.5  # edge trimming may not remove more than this share of the words
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def clean_html(raw: RawInput, corpus_lines: LineCounts | None) -> Document:
    """Main text by trafilatura, read from a tree rid of what readers never see, then checked twice.

    Before extraction, hidden elements are dropped when they are small (closed menus, ad slots) or
    repeat text the page shows anyway (copies of the article kept for search engines), and embedded
    posts are unwrapped so they are not taken for share buttons; a large hidden block found nowhere
    else is kept, as pages that reveal their article by script hide it that way. After extraction,
    an article the page split into several like containers (one per chunk between adverts) is
    joined and read again, and leading or trailing paragraphs that trafilatura's precision mode
    does not confirm (related links, sign-up boxes) are removed, unless that would remove most of
    the text: then the two modes disagree about where the article is and the default reading stands.
    """
    import trafilatura

    tree = trafilatura.load_html(raw.data)
    page = None
    text = ""
    if tree is not None:
        page = trafilatura.extract_metadata(copy(tree), raw.url, {"extensive_search": True, "original_date": True})
        drop_hidden(tree)
        unwrap_posts(tree)
        text = extract(tree, raw.url)
        joined = join_parts(tree, text) if text.strip() else None
        if joined is not None:
            tree, text = joined, extract(joined, raw.url) or text
    if not text.strip():
        # trafilatura found no article body: keep the page's visible text, cleaned as plain text
        page_text = trafilatura.html2txt(raw.data) or visible_text(raw.data)
        fallback = replace(raw, data=page_text, kind="text")
        document = clean_text(fallback, corpus_lines)
        _fill_from_page(document, page, raw)
        return document
    title = raw.title or (page.title if page is not None else None)
    lines = paragraphs(text)
    start, end = unconfirmed_edges(lines, extract(tree, raw.url, favor_precision=True, fast=True))
    for line in lines[:start] + lines[end:]:
        line.removed = "unconfirmed edge"
    meta = strip_furniture(lines[start:end], corpus_lines, known_title=title, extracted=True,
                            known_outlet=raw.outlet or (page.sitename if page is not None else None))
    meta.title = title
    document = assemble(raw, lines, meta)
    _fill_from_page(document, page, raw)
    return document


def _fill_from_page(document: Document, page: object | None, raw: RawInput) -> None:
    """Metadata from the page where the record did not give it."""
    if page is None:
        return
    document.title = document.title or tidy_meta(getattr(page, "title", None))
    document.author = raw.author or tidy_meta(getattr(page, "author", None)) or document.author
    document.outlet = raw.outlet or tidy_meta(getattr(page, "sitename", None)) or document.outlet
    document.published = normalize_date(raw.published) or normalize_date(getattr(page, "date", None)) \
        or document.published
    if document.language is None:
        lang = getattr(page, "language", None)
        document.language = lang.split("-")[0].lower() if lang else None


def tidy_meta(value: str | None) -> str | None:
    value = SPACES.sub(" ", value or "").strip()
    return value or None


def key(text: str) -> str:
    """Text reduced to its words, to compare lines and blocks whatever their markup and spacing."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def grams(text: str) -> Counter[tuple[str, ...]]:
    """Word 5-grams, counted: how much of one block's wording appears elsewhere on the page."""
    words = key(text).split()
    return Counter(tuple(words[i:i + 5]) for i in range(max(len(words) - 4, 0)))


def is_hidden(element: HtmlElement) -> bool:
    """Hidden by an attribute or an inline style (a page's style sheets are not read)."""
    return element.get("hidden") is not None or bool(_HIDDEN_STYLE.search(element.get("style") or ""))


def drop_hidden(tree: HtmlElement) -> None:
    """Drop small hidden elements, and large ones whose text the page shows anyway."""
    hidden = [el for el in tree.xpath("//body//*[@hidden or @style]")
              if is_hidden(el) and not any(is_hidden(up) for up in el.iterancestors())]
    large = [el for el in hidden if len(key(el.text_content()).split()) >= MIN_HIDDEN_WORDS]
    for element in hidden:
        if element not in large:
            element.drop_tree()
    if not large:
        return
    shown = grams(" ".join(tree.xpath("//body//text()")))
    for element in large:
        shown -= grams(element.text_content())
    for element in large:
        own = grams(element.text_content())
        if sum(n for gram, n in own.items() if shown[gram]) >= 0.5 * sum(own.values()):
            element.drop_tree()


def unwrap_posts(tree: HtmlElement) -> None:
    """Free embedded posts from their widget wrappers, so they are read as quoted text, not as buttons."""
    for post in tree.xpath('//blockquote[contains(concat(" ", normalize-space(@class), " "), " twitter-tweet ")]'):
        outer = post
        while outer.getparent() is not None and outer.getparent().tag != "body" and \
                sum(child.tag != "script" for child in outer.getparent()) == 1:
            outer = outer.getparent()
        post.attrib.clear()
        if outer is not post:
            outer.getparent().replace(outer, post)


def join_parts(tree: HtmlElement, text: str) -> HtmlElement | None:
    """A copy of the page with the article's like containers joined into one, or None when it has none."""
    read = {key(line) for line in text.splitlines() if len(key(line).split()) >= 8}
    work = copy(tree)
    found = [p for p in work.iter("p") if key(p.text_content()) in read]
    if not found:
        return None
    chains = [list(reversed([p, *p.iterancestors()])) for p in found]
    shared = [level[0] for level in zip(*chains, strict=False) if all(el is level[0] for el in level)]
    container = shared[-1] if shared else None
    if container is None or not container.get("class"):
        return None
    above = set(container.iterancestors())
    parts = [el for el in work.iter(container.tag)
             if el is not container and el.get("class") == container.get("class") and el not in above
             and container not in set(el.iterancestors())
             and sum(len(key(p.text_content()).split()) for p in el.iter("p")
                     if key(p.text_content()) not in read) >= MIN_PART_WORDS]
    for part in parts:
        container.extend(list(part))
        part.getparent().remove(part)
    return work if parts else None


def extract(tree: HtmlElement, url: str | None, **mode: bool) -> str:
    """trafilatura's main text of a parsed page ("" when it finds none)."""
    import trafilatura

    result = trafilatura.bare_extraction(tree, url=url, include_comments=False, include_tables=True, **mode)
    return (result.text or "") if result is not None else ""


def unconfirmed_edges(lines: list[Line], precise: str) -> tuple[int, int]:
    """The span of lines from the first to the last that the precise reading also found."""
    confirmed = {key(line) for line in precise.splitlines() if key(line)}
    hits = [i for i, line in enumerate(lines) if key(line.text) in confirmed]
    if not hits:
        return 0, len(lines)
    kept = sum(line.words for line in lines[hits[0]:hits[-1] + 1])
    if kept < MIN_KEPT_SHARE * sum(line.words for line in lines):
        return 0, len(lines)
    return hits[0], hits[-1] + 1
