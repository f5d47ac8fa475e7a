"""Text that arrives already extracted: page furniture removed line by line, every removal recorded.

A line is removed only on a positive sign that it is furniture, and most signs
apply only to lines without sentence shape, so body paragraphs and short
subheadings are kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS

from newsgraph.clean.metadata import date_from_url, date_line, detect_language, normalize_date, outlet_from_url
from newsgraph.model import Document
from newsgraph.read import RawInput

CORPUS_REPEAT = 3  # a non-sentence line seen in this many different places across the corpus is furniture
CAPTION_WORDS = 10  # an unpunctuated line this long inside the body is a caption, not a subheading
HEADER_SCAN = 15  # how many lines from the top may hold kickers, bylines and the headline

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_BULLET = re.compile(r"^[•·▪◦‣*\-–—]\s+")
_CLOSERS = "\"'”’»)]›"
_OPENERS = "\"'“‘«(["
_TERMINAL = ".!?…:;"

# ---- furniture vocabularies: generic page words, never the name of an outlet ----------------------------
_AD_LABEL = re.compile(
    r"^(?:advertisement|advertising|advert|ads?|ad feedback|skip advertisement|sponsored(?: content| post)?"
    r"|sponsored by\b.*|promoted(?: content| stories)?|paid (?:content|post|partnership)|partner content"
    r"|(?:story|article) continues (?:below|after (?:this )?advertisement)|continue reading(?: below)?"
    r"|scroll to continue(?: with content)?|advertisement\W+scroll to continue)$",
    re.I,
)
_UI_LABEL = re.compile(
    r"^(?:share(?: this(?: article| story| page)?| on \w+| via \w+)?|tweet|e-?mail|print|copy link|copied"
    r"|comments?|view comments|leave a comment|join the conversation|read more|read next|read also|also read"
    r"|see also|related(?: articles| stories| content| coverage| topics)?|more (?:on this story|from \w+)"
    r"|most (?:read|popular|viewed)|trending(?: now)?|recommended(?: for you)?|editor['’]?s picks?"
    r"|listen(?: to this article)?|\d+\s*(?:min(?:ute)?s?|m) read|follow(?: us)?|back to top"
    r"|skip to (?:main )?content|loading|click here|show more|see more|close|menu|sign in|log in"
    r"|register|image|photo|video|watch|top stories|latest news|breaking news)$",
    re.I,
)
_LABEL_PREFIX = re.compile(
    r"^(?:read more|read also|also read|more|related|see also|watch|video|listen|photo|image|picture"
    r"|photograph|illustration|graphic|file photo|credit|photo credit|source)\s*[:|]\s*\S",
    re.I,
)
_COUNT = re.compile(
    r"^(?:\d[\d,.]*\s*[km]?(?:\s+(?:comments?|shares?|replies|views|likes|reactions|responses))?"
    r"|(?:comments?|shares?|replies)\s*[(:]?\s*\d[\d,.]*\s*[km]?\)?)$",
    re.I,
)
_CREDIT = re.compile(  # "Edited by: ...", "Reporting by ...; Editing by ..."
    r"^(?:(?:additional\s+)?reporting|writing|editing|edited|compiled|translated|produced|photographs?"
    r"|photos|graphics?|research|fact[- ]checked|reviewed)(?:\s+(?:and|&)\s+\w+)?\s+by\s*:?\s+\S",
    re.I,
)
_BYLINE = re.compile(r"^(?:by|written by|words by|story by)\s*:?\s+(?P<rest>.+)$", re.I)
# Promotion words that speak for the publisher whatever the context ...
_PROMO_SELF = re.compile(
    r"\b(?:reader[- ](?:funded|supported|financed)|support (?:our|us|its|their) (?:work|journalism|reporting)"
    r"|support (?:independent|quality) journalism|become an? (?:member|supporter|patron|subscriber)"
    r"|subscribe (?:now|today|here|to (?:our|us|the \w+ (?:print|digital)))|(?:sign up|subscribe) (?:for|to) our"
    r"|our (?:newsletters?|journalism|print edition)|print edition|follow us (?:on|at)|download our app)\b",
    re.I,
)
# ... and words that do so only when the line addresses the reader or speaks as "we".
_PROMO_WORDS = re.compile(
    r"\b(?:subscribe|subscription|newsletter|donate|donation|sign up|free trial|unlimited access|journalism)\b",
    re.I,
)
_ADDRESS = re.compile(r"\b(?:[Oo]ur|us|[Ww]e|[Yy]ou|[Yy]our)\b|^(?i:subscribe|sign up|support|donate|join|register)\b")
_SELF_DESCRIPTION = re.compile(
    r"^(?P<name>(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})\s+is\s+(?:an?|the|one of the)\b[^.]{0,120}?"
    r"\b(?:newspaper|magazine|news ?(?:site|website|outlet|agency|organi[sz]ation|service|platform)"
    r"|publication|broadcaster|outlet|media (?:company|outlet|organi[sz]ation)|journal|newsroom|daily|weekly)\b"
)
_PROMO_NAMED = re.compile(  # "subscribe to the Daily Example newsletter": the publisher names itself
    r"\b(?i:subscribe|sign up|support)\s+(?:to\s+|for\s+)?(?:the\s+)?(?:[a-z]+\s+)?"
    r"(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})\s+(?:newsletter|print edition|digital edition|app)\b"
)
_KICKER = re.compile(  # genre labels put before a headline: "Analysis: ...", "Opinion | ..."
    r"^(?:analysis|opinion|comment|commentary|editorial|explainer|exclusive|interview|review|factbox|live"
    r"|update|breaking|watch|video|podcast|feature|the big read|in depth|in pictures)\s*[:|]\s+",
    re.I,
)
_MEDIA_LABEL_END = re.compile(r"\b(?:reports|explains|watch|video|listen|podcast|gallery|photos|pictures)\W*$",
                              re.I)
_MEDIA_OUTLET = re.compile(
    r"(?:^|[:|–—-]\s*)(?P<outlet>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})['’]s?\s+"
    r"(?:[A-Z][\w'’.-]*\s+){1,3}(?:reports|explains)\W*$"
)
_SERIES = re.compile(
    r"[,:–—(-]\s*(?:part|episode|chapter)\s+(?:\d+|[ivx]+|one|two|three|four|five|six|seven|eight|nine|ten)\)?$",
    re.I,
)
_SEPARATOR = re.compile(r"^(?:[-_=*~•·#+]\s*){3,}$")  # a drawn rule between sections, not code or text
_WEAK = {"number", "repeated line", "offer"}  # furniture only at the page's edges or next to other furniture
_ROLE_WORDS = {
    "columnist", "correspondent", "reporter", "editor", "writer", "contributor", "journalist", "staff",
    "bureau", "chief", "desk", "analyst", "commentator", "producer",
}
_NAME_PARTICLES = {"van", "von", "de", "da", "del", "der", "di", "du", "la", "le", "bin", "bint", "al", "el", "ibn"}


@dataclass
class Line:
    """One paragraph of the input and what the cleaner decided about it."""

    text: str
    bullet: bool = False  # it started with a list marker
    removed: str | None = None  # why it was removed (furniture kind), or None when kept
    title: bool = False

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


@dataclass
class Meta:
    """Metadata gathered while reading the lines."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    published: str | None = None


class LineCounts:
    """For each short non-sentence line, in how many distinct places (neighbouring lines) it occurs.

    Counting places rather than occurrences keeps the lines of a copied article
    (same line, same neighbours in every copy) from looking like furniture, while
    a label such as a section name sits between different lines on every page.
    Inputs are added one at a time, and a line keeps at most CORPUS_REPEAT places,
    so a build can count a corpus it never holds in memory at once.
    """

    def __init__(self) -> None:
        self._places: dict[str, set[int]] = {}

    def add(self, raw: RawInput) -> None:
        if raw.kind == "html":
            return
        lines = [line.text for line in paragraphs(raw.data)]
        keys = [line_key(text) for text in lines]
        for i, key in enumerate(keys):
            if not key or _is_sentence(lines[i]):
                continue
            places = self._places.setdefault(key, set())
            if len(places) < CORPUS_REPEAT:
                places.add(hash((keys[i - 1] if i > 0 else "", keys[i + 1] if i + 1 < len(keys) else "")))

    def __getitem__(self, key: str) -> int:
        return len(self._places.get(key, ()))

    def __len__(self) -> int:
        return len(self._places)


def count_corpus_lines(raws: Iterable[RawInput]) -> LineCounts:
    """The line counts of a whole set of inputs (see LineCounts)."""
    counts = LineCounts()
    for raw in raws:
        counts.add(raw)
    return counts


def line_key(text: str) -> str:
    """The form under which lines are compared for repetition (case and spacing ignored)."""
    return SPACES.sub(" ", text).strip().casefold()


def paragraphs(text: str) -> list[Line]:
    """The input's paragraphs: one per line, or hard-wrapped lines joined back into their paragraphs."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if _hard_wrapped(raw_lines):
        raw_lines = _unwrap(raw_lines)
    out = []
    for raw_line in raw_lines:
        line = SPACES.sub(" ", _INVISIBLE.sub("", raw_line)).strip()
        bullet = bool(_BULLET.match(line))
        if bullet:
            line = _BULLET.sub("", line)
        if line:
            out.append(Line(line, bullet=bullet))
    return out


# =============================================================================================================
# text: furniture removed line by line
# =============================================================================================================


def clean_text(raw: RawInput, corpus_lines: LineCounts | None) -> Document:
    lines = paragraphs(raw.data)
    meta = strip_furniture(lines, corpus_lines, known_title=raw.title, extracted=False,
                            known_outlet=raw.outlet)
    return assemble(raw, lines, meta)


def strip_furniture(
    lines: list[Line],
    corpus_lines: LineCounts | None,
    known_title: str | None,
    extracted: bool,
    known_outlet: str | None,
) -> Meta:
    """Mark furniture lines and the headline; return what the lines tell about the article."""
    meta = Meta()
    for line in lines:
        line.removed = _line_furniture(line, meta)
    _mark_repeated(lines)
    if corpus_lines:
        _mark_corpus_repeated(lines, corpus_lines)
    if not extracted:
        _mark_header(lines, meta, known_title)
    elif known_title:
        _drop_title_line(lines, known_title)
    _confirm_weak(lines)
    _mark_author_lines(lines, meta)
    outlet = known_outlet or _first(meta.outlets)
    if not extracted:
        _mark_captions(lines)
    if outlet:
        _mark_outlet_labels(lines, outlet)
    if not outlet:
        meta.outlets.extend(_interviewer_label(lines))
    return meta


def _line_furniture(line: Line, meta: Meta) -> str | None:
    """The kind of furniture a single line is on its own, or None; gathers metadata on the way."""
    text = line.text
    sentence = _is_sentence(text)
    if _SEPARATOR.match(text):
        return "separator"
    if _CREDIT.match(text) and line.words <= 15:
        return "credit"
    byline = _parse_byline(text)
    if byline is not None:
        meta.authors.extend(byline[0])
        meta.outlets.extend(byline[1])
        if byline[2] and not meta.published:
            meta.published = byline[2]
        return "byline"
    promotion = _promotion(text, meta)
    if promotion:
        return promotion
    if _LABEL_PREFIX.match(text) and (not sentence or line.words <= 25):
        return "label"
    if sentence:
        return None
    return _short_line_furniture(text, meta)


def _short_line_furniture(text: str, meta: Meta) -> str | None:
    """Signs that apply only to lines without sentence shape."""
    bare = text.strip(" .:!|·•-–—")
    if _AD_LABEL.match(bare):
        return "advertisement"
    if _UI_LABEL.match(bare):
        return "page label"
    if _COUNT.match(bare):
        return "number" if bare.replace(",", "").replace(".", "").isdigit() else "count"
    date = date_line(text)
    if date:
        meta.published = meta.published or date
        return "date"
    if _MEDIA_LABEL_END.search(text):
        found = _MEDIA_OUTLET.search(text)
        if found:
            meta.outlets.append(found.group("outlet"))
        if found or re.search(r"[:|]|\s[–—-]\s", text):
            return "media label"
    if _SERIES.search(text):
        return "related link"
    return None


def _promotion(text: str, meta: Meta) -> str | None:
    """Publisher self-promotion: reader-funding and subscription vocabulary that speaks for the publisher.

    Words such as "newsletter" or "subscribe" also occur in reporting about
    them, so they are only a weak sign ("offer"), and only in a short line that
    addresses the reader.
    """
    if _has_quote(text) or len(text.split()) > 80:
        return None
    if _PROMO_SELF.search(text):
        named = _SELF_DESCRIPTION.match(text) or _PROMO_NAMED.search(text)
        if named:
            meta.outlets.append(named.group("name"))
        return "promotion"
    if _PROMO_WORDS.search(text) and _ADDRESS.search(text) and len(text.split()) <= 30:
        return "offer"
    return None


def _parse_byline(text: str) -> tuple[list[str], list[str], str | None] | None:
    """A 'By NAME' line: the author names, any outlet named after them, and any date on the line."""
    match = _BYLINE.match(text)
    if not match or _is_sentence(text) and len(text.split()) > 12:
        return None
    parts = [p.strip() for p in re.split(r"\s*[|·•]\s*|\s+[–—-]\s+", match.group("rest")) if p.strip()]
    date = None
    names_part = parts[0] if parts else ""
    for part in parts[1:]:
        date = date or date_line(part)
    names, affiliation = _split_byline(names_part)
    if not names:
        return None
    outlets = []
    if len(affiliation) == 1:  # one trailing piece is the publication or a role; several are credentials
        piece = affiliation[0]
        outlet = _role_outlet(piece) if _has_role_word(piece) else piece
        if outlet and _title_case_share(outlet) == 1.0:
            outlets.append(outlet)
    return names, outlets, date


def _split_byline(text: str) -> tuple[list[str], list[str]]:
    """'A, B and C' lists authors; 'A, Reuters' or 'A, Moscow correspondent' adds an affiliation."""
    pieces = [p.strip() for p in text.split(",") if p.strip()]
    joined = re.compile(r"\s+and\s+|\s*&\s*")
    if len(pieces) > 1 and joined.search(pieces[-1]) and all(_is_name(p) for p in pieces[:-1]):
        candidates = pieces[:-1] + joined.split(pieces[-1])
        return [c for c in candidates if _is_name(c)], []
    names = [n.strip() for n in joined.split(pieces[0]) if _is_name(n.strip())] if pieces else []
    return names, pieces[1:]


def _mark_repeated(lines: list[Line]) -> None:
    """A non-sentence line that occurs more than once in the same page is furniture (all its copies)."""
    counts = Counter(line_key(line.text) for line in lines)
    for line in lines:
        if line.removed is None and counts[line_key(line.text)] > 1 and not _is_sentence(line.text):
            line.removed = "repeated line"


def _confirm_weak(lines: list[Line]) -> None:
    """Keep a weak sign (a bare number, a line seen twice) only at the page's edges or beside other furniture.

    Inside the body such lines are list numbers or recurring headings ("Pros",
    "Cons"); page furniture clusters above and below the article.
    """
    body = [i for i, line in enumerate(lines) if line.removed is None and not line.title and
            _is_sentence(line.text)]
    first, last = (body[0], body[-1]) if body else (len(lines), -1)
    strong = [line.removed is not None and line.removed not in _WEAK for line in lines]
    for i, line in enumerate(lines):
        if line.removed not in _WEAK:
            continue
        beside = (i > 0 and strong[i - 1]) or (i + 1 < len(lines) and strong[i + 1])
        if not (i < first or i > last or beside):
            line.removed = None


def _mark_corpus_repeated(lines: list[Line], corpus_lines: LineCounts) -> None:
    for line in lines:
        if line.removed is None and not _is_sentence(line.text) and corpus_lines[line_key(line.text)] >= \
                CORPUS_REPEAT:
            line.removed = "repeated across pages"


def _mark_header(lines: list[Line], meta: Meta, known_title: str | None) -> None:
    """Find the headline in the first lines; short labels above it (kickers, sections, names) are furniture.

    The headline is the first line, not already furniture, that has headline shape
    (three words or more, no sentence ending). When the first such line is a
    sentence instead, the page has no headline and the body starts there.
    """
    pending: list[Line] = []
    seen = 0
    for line in lines:
        if line.removed is not None and line.removed not in _WEAK:
            continue
        seen += 1
        if seen > HEADER_SCAN:
            return
        if known_title and line_key(_title_form(line.text)) == line_key(known_title):
            _set_title(lines, line)
            break
        if not known_title and _headline_shaped(line.text):
            _set_title(lines, line)
            meta.title = _title_form(line.text)
            break
        if _is_sentence(line.text) and line.removed is None:
            break
        pending.append(line)
    else:
        return  # no headline and no body within reach: leave the lines alone
    for label in pending:
        label.removed = label.removed or "header label"


def _set_title(lines: list[Line], line: Line) -> None:
    """Mark the headline; a later line repeating it is furniture (a related-article box or a printout header)."""
    line.title, line.removed = True, None
    key = line_key(line.text)
    for other in lines:
        if other is not line and line_key(other.text) == key:
            other.removed = "repeated headline"


def _drop_title_line(lines: list[Line], title: str) -> None:
    """In extracted text, a first line equal to the known title is the title, not body."""
    for line in lines:
        if line.removed is None or line.removed in _WEAK:
            if line_key(_title_form(line.text)) == line_key(title):
                _set_title(lines, line)
            return


def _mark_author_lines(lines: list[Line], meta: Meta) -> None:
    """A line that is only the author's name is a byline too; a name line repeated gives the author."""
    if not meta.authors:
        counts = Counter(line.text for line in lines if line.removed == "repeated line" and _is_name(line.text))
        meta.authors.extend(name for name, n in counts.items() if n > 1)
    authors = {line_key(a) for a in meta.authors}
    for line in lines:
        if line.removed is None and not line.title and line_key(line.text) in authors:
            line.removed = "byline"
    for line in lines:
        if line.removed == "header label":
            outlet = _role_outlet(line.text)
            if outlet:
                meta.outlets.append(outlet)


def _mark_captions(lines: list[Line]) -> None:
    """A long line without a sentence ending, alone after a body paragraph, is a photo caption.

    Headings are short, questions or in title case; list items come in runs,
    carry a marker or a number; embedded posts carry links. A long unpunctuated
    line under the headline is the standfirst and is kept: it has no paragraph
    above it.
    """
    kept = [line for line in lines if line.removed is None and not line.title]
    for before, line, after in zip(kept, kept[1:], kept[2:], strict=False):
        followed = _is_sentence(after.text) or after.words < CAPTION_WORDS  # a paragraph or a heading
        if _caption_shaped(line) and _is_sentence(before.text) and followed and \
                not before.text.rstrip(_CLOSERS).endswith(":"):
            line.removed = "caption"


def _caption_shaped(line: Line) -> bool:
    text = line.text
    if line.bullet or line.words < CAPTION_WORDS or _is_sentence(text) or _has_quote(text):
        return False
    if re.search(r"[:|@#/]|https?:|www\.|^\W*\d|^(?:how|why|what|when|where|who|which)\b", text, re.I):
        return False
    return _title_case_share(text) < 0.8


def _mark_outlet_labels(lines: list[Line], outlet: str) -> None:
    """A non-sentence line naming the outlet with a colon is a media or related-content label."""
    key = outlet.casefold()
    for line in lines:
        if line.removed is None and not line.title and ":" in line.text and key in line.text.casefold() \
                and not _is_sentence(line.text):
            line.removed = "outlet label"


def _interviewer_label(lines: list[Line]) -> list[str]:
    """In a published interview the questions carry the publication's name as speaker label ('Herald: Why ...?')."""
    labels: Counter[str] = Counter()
    answer_labels: set[str] = set()
    for line in lines:
        if line.removed is not None:
            continue
        match = re.match(r"^(?P<label>[A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,2})\s?:\s+\S", line.text)
        if not match:
            continue
        if line.text.rstrip(_CLOSERS).endswith("?"):
            labels[match.group("label")] += 1
        else:
            answer_labels.add(match.group("label"))
    return [label for label, _ in labels.most_common(1) if answer_labels and label not in answer_labels]


# =============================================================================================================
# assembling the Document
# =============================================================================================================


def assemble(raw: RawInput, lines: list[Line], meta: Meta) -> Document:
    kept = [line.text for line in lines if line.removed is None and not line.title]
    text = "\n\n".join(kept)
    title = raw.title or meta.title
    return Document(
        id=raw.id,
        source=raw.source,
        text=text,
        title=_title_form(title) if title else None,
        outlet=raw.outlet or _first(meta.outlets) or outlet_from_url(raw.url),
        author=raw.author or (", ".join(dict.fromkeys(meta.authors)) if meta.authors else None),
        published=normalize_date(raw.published) or meta.published or date_from_url(raw.url),
        language=_language(raw, text),
        translated_from=raw.translated_from,
        removed_lines=[line.text for line in lines if line.removed is not None],
        raw_hash=raw.raw_hash,
    )


def _language(raw: RawInput, text: str) -> str | None:
    detected = detect_language(text)
    if detected is None and raw.language:
        return raw.language.split("-")[0].lower()
    return detected


# =============================================================================================================
# line shape
# =============================================================================================================


def _is_sentence(text: str) -> bool:
    """Sentence shape: four words or more ending in sentence punctuation, or a long paragraph."""
    words = len(_WORD.findall(text))
    if words >= 25:
        return True
    end = text.rstrip(_CLOSERS + " ")
    return words >= 4 and bool(end) and end[-1] in _TERMINAL


def _headline_shaped(text: str) -> bool:
    """Three words or more, no full stop (a question or exclamation may end it), not a name, role or label."""
    words = _WORD.findall(text)
    end = text.rstrip(_CLOSERS + " ")[-1:]
    asks = end in {"?", "!"} and len(words) <= 20
    if not 3 <= len(words) <= 40 or (_is_sentence(text) and not asks) or _is_name(text) or \
            _has_role_word(text):
        return False
    first = text.lstrip(_OPENERS)[:1]
    return first.isupper() or first.isdigit()


def _title_form(text: str) -> str:
    """A headline without its section label ('Opinion | Title') and without enclosing quotation marks."""
    parts = [p.strip() for p in re.split(r"\s+\|\s+", text) if p.strip()]
    title = _KICKER.sub("", max(parts, key=len) if parts else text)
    if len(title) > 2 and title[0] in _OPENERS and title[-1] in _CLOSERS and \
            not any(q in title[1:-1] for q in "“”\""):
        title = title[1:-1].strip()
    return title


def _is_name(text: str) -> bool:
    """Shaped like a person's name: two to five capitalised words, none a common word, role or digit."""
    tokens = text.replace(",", " ").split()
    if not 2 <= len(tokens) <= 5 or any(ch.isdigit() for ch in text):
        return False
    for i, token in enumerate(tokens):
        bare = token.strip(".")
        if 0 < i < len(tokens) - 1 and bare.lower() in _NAME_PARTICLES:
            continue
        if not bare or not bare[0].isupper() or bare.lower() in EN_STOP_WORDS or bare.lower() in _ROLE_WORDS:
            return False
        if not re.fullmatch(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?", token):
            return False
    return True


def _has_role_word(text: str) -> bool:
    return any(w.lower() in _ROLE_WORDS for w in _WORD.findall(text))


def _role_outlet(text: str) -> str | None:
    """'XYZ Columnist' or 'Moscow correspondent, XYZ': the words that are not a role name the publication."""
    words = _WORD.findall(text)
    if not 2 <= len(words) <= 5 or not _has_role_word(text):
        return None
    rest = [w for w in words if w.lower() not in _ROLE_WORDS and w.lower() not in EN_STOP_WORDS]
    if len(rest) == 1 and rest[0].isupper() and len(rest[0]) >= 2:
        return rest[0]  # an acronym next to a role is the publication, not a person or a place
    return None


def _title_case_share(text: str) -> float:
    words = [w for w in _WORD.findall(text) if w.lower() not in EN_STOP_WORDS and not w.isdigit()]
    if not words:
        return 0.0
    return sum(w[0].isupper() for w in words) / len(words)


def _has_quote(text: str) -> bool:
    return any(q in text for q in "“”\"«»")


# =============================================================================================================
# hard-wrapped text
# =============================================================================================================


def _hard_wrapped(lines: list[str]) -> bool:
    """Text wrapped at a fixed width (e-mail, wire feeds): most lines near one width, and many lines that
    stop mid-sentence with the next line going on in lower case."""
    filled = [line.rstrip() for line in lines if line.strip()]
    if len(filled) < 6:
        return False
    lengths = [len(line) for line in filled]
    width = sorted(lengths)[int(0.9 * (len(lengths) - 1))]
    if width > 110 or width < 40:
        return False
    full = sum(length >= 0.7 * width for length in lengths)
    carried = sum(
        1 for line, following in zip(lines, lines[1:], strict=False)
        if line.strip() and following.strip() and not line.rstrip().endswith(tuple(_TERMINAL + _CLOSERS))
        and following.lstrip()[:1].islower()
    )
    return full >= 0.6 * len(filled) and carried >= 0.25 * len(filled)


def _unwrap(lines: list[str]) -> list[str]:
    """Join wrapped lines back into paragraphs: a line near the full width continues on the next line."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    width = lengths[int(0.9 * (len(lengths) - 1))]
    out: list[str] = []
    current = ""
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if current:
                out.append(current)
            current = ""
            continue
        if current:
            joiner = "" if current.endswith("-") and stripped[:1].islower() else " "
            current = current + joiner + stripped
        else:
            current = stripped
        if len(line.rstrip()) < 0.7 * width:
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def _first(items: list[str]) -> str | None:
    return items[0] if items else None
