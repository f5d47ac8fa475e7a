"""Plain data classes shared by every stage.

Every extracted fact carries the id of its document and a character span
(`start`, `end`) into that document's cleaned text, so that any fact can be
traced back to the sentence it came from. Actor ids are stable slugs.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

ACTOR_TYPES = ("person", "country", "organization", "group", "place")
RELATION_TYPES = (
    "MEMBER_OF",
    "LEADS",
    "BORDERS",
    "PARTNER_OF",
    "TRADE_PARTNER_OF",
    "PART_OF",
    "ALLY_OF",
)
PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@dataclass
class Document:
    """One article as read and cleaned: the unit every per-document stage works on."""

    id: str
    source: str  # file path, URL or record locator it was read from
    text: str  # cleaned body text; every span in the graph indexes this string
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date, as precise as known (YYYY, YYYY-MM, YYYY-MM-DD)
    language: str | None = None
    translated_from: str | None = None
    removed_lines: list[str] = field(default_factory=list)
    raw_hash: str = ""  # sha256 of the raw input bytes, to recognise the same input again
    duplicate_of: str | None = None
    duplicate_kind: str | None = None  # exact | near | contained
    duplicate_score: float | None = None


@dataclass
class Sentence:
    doc: str
    start: int
    end: int
    text: str


@dataclass
class Mention:
    """A stretch of text that names or describes an actor."""

    doc: str
    start: int
    end: int
    text: str
    actor: str  # actor id (a document-local key until corpus resolution rewrites it)
    kind: str = "name"  # name | description | pronoun | demonym | metonym | acronym


@dataclass
class Actor:
    id: str
    name: str
    type: str  # one of ACTOR_TYPES
    description: str | None = None
    aliases: list[str] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    codes: dict[str, str | None] = field(default_factory=lambda: {"iso3": None, "wikidata": None})


@dataclass
class Quote:
    doc: str
    speaker: str | None  # actor id, or None when the text gives no speaker
    speaker_text: str | None
    kind: str  # direct | indirect
    text: str  # the quoted or reported content
    cue: str | None  # the verb or phrase that attributes it
    start: int  # span of the content in the document text
    end: int


@dataclass
class Relation:
    doc: str
    source: str
    type: str  # one of RELATION_TYPES
    target: str
    evidence: str
    start: int
    end: int


@dataclass
class Event:
    doc: str
    source: str | None
    type: str  # one of PLOVER_TYPES
    target: str | None
    when: str | None
    evidence: str
    start: int
    end: int
    negated: bool = False
    hypothetical: bool = False  # not told as having happened: possible, conditional or expected
    expected: bool = False  # of those, told as scheduled, intended or announced ('will meet', 'is set to visit')


@dataclass
class Claim:
    doc: str
    subject: str
    value: float | str
    unit: str | None
    period: str | None
    evidence: str
    start: int
    end: int


@dataclass
class Statement:
    doc: str
    says: str


@dataclass
class Conflict:
    topic: str
    statements: list[Statement]


@dataclass
class InputError:
    """A file or record that could not be read, with the reason, so that nothing is dropped silently."""

    source: str
    reason: str


@dataclass
class DocFacts:
    """Everything the per-document stages found in one document."""

    doc: Document
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


def mentions_within(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """Mentions that lie inside the character range [start, end), in text order."""
    return sorted((m for m in mentions if m.start >= start and m.end <= end), key=lambda m: m.start)


def mention_at(mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The longest mention overlapping [start, end), or None."""
    hits = [m for m in mentions if m.start < end and m.end > start]
    return max(hits, key=lambda m: m.end - m.start) if hits else None


def to_record(obj: Any) -> dict[str, Any]:
    """The exchange-format (JSON Lines) object for one fact or document."""
    if isinstance(obj, Document):
        return {
            "record": "document",
            "doc": obj.id,
            "source": obj.source,
            "outlet": obj.outlet,
            "author": obj.author,
            "title": obj.title,
            "published": obj.published,
            "language": obj.language,
            "translated_from": obj.translated_from,
            "duplicate_of": obj.duplicate_of,
            "text": obj.text,
            "removed_lines": list(obj.removed_lines),
        }
    if isinstance(obj, Actor):
        return {
            "record": "actor",
            "id": obj.id,
            "name": obj.name,
            "type": obj.type,
            "description": obj.description,
            "aliases": list(obj.aliases),
            "docs": list(obj.docs),
            "codes": dict(obj.codes),
        }
    if isinstance(obj, Conflict):
        return {"record": "conflict", "topic": obj.topic, "statements": [asdict(s) for s in obj.statements]}
    kinds = {Quote: "quote", Relation: "relation", Event: "event", Claim: "claim"}
    for cls, name in kinds.items():
        if isinstance(obj, cls):
            return {"record": name, **asdict(obj)}
    raise TypeError(f"no exchange record for {type(obj).__name__}")
