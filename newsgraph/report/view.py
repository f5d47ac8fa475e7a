"""The briefing's view model: what each section shows, already ordered, capped and cited.

Both formats render this one model, so the Markdown and the HTML always say the same thing.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from newsgraph.report.base import Capped, Cite, DocRef, Piece


@dataclass
class Copy:
    doc: DocRef
    of: DocRef


@dataclass
class Glance:
    documents: int
    distinct: int
    first_date: str | None
    last_date: str | None
    outlets: Capped
    languages: Capped
    translated: list[tuple[str, int]]
    removed_lines: int
    not_analysed: Capped  # (document, language): kept and listed, not run through English extraction
    copies: Capped
    errors: Capped
    error_total: int


@dataclass
class StoryView:
    label: str
    docs: Capped
    outlets: list[str]
    actors: list[str]


@dataclass
class ActorView:
    name: str
    type: str
    description: str | None
    aliases: Capped
    codes: list[str]
    documents: int
    facts: int
    statements: int
    ties: Capped  # TieLine
    said: Capped  # QuoteView: what the actor said, cited


@dataclass
class TieLine:
    """One tie as read from the actor's side ("member of NATO"), with the sentences that state it."""

    text: str
    cites: Capped


@dataclass
class TieView:
    source: str
    target: str
    evidence: str
    cites: Capped


@dataclass
class TieGroup:
    type: str
    total: int
    ties: Capped


@dataclass
class QuoteView:
    kind: str
    cue: str | None
    text: str
    cites: Capped


@dataclass
class SpeakerView:
    name: str
    about: str | None
    total: int
    quotes: Capped


@dataclass
class EventView:
    when: str | None
    source: str
    type: str
    target: str
    negated: bool
    hypothetical: bool
    expected: bool
    evidence: str
    cites: Capped


@dataclass
class ClaimView:
    subject: str
    value: str
    unit: str | None
    period: str | None
    evidence: str
    cites: Capped


@dataclass
class StatementView:
    doc: DocRef
    says: str
    cite: Cite | None = None  # the sentence that says it, when the words are found in the document


@dataclass
class ConflictView:
    topic: str
    statements: Capped


@dataclass
class DocView:
    ref: DocRef
    anchor: str
    source: str | None
    source_url: str | None
    author: str | None
    published: str | None
    language: str | None
    translated_from: str | None
    duplicate_of: DocRef | None
    removed_lines: list[str]
    pieces: list[Piece] | None  # None when the text is left out to keep the report small


@dataclass(frozen=True)
class Picture:
    """A chart drawn offline: written beside report.md as a file, embedded in report.html as a data: URI."""

    name: str  # file name, e.g. "network.png"
    alt: str  # what the picture shows, in words, for readers who cannot see it
    png: bytes
    width: int
    height: int

    @property
    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


@dataclass
class ToneCell:
    """One outlet's treatment of one actor in one story; `cite` is the sentence weighing most in the tone."""

    mentions: int
    tone: str | None  # "+0.21", or None when no English sentence names the actor
    leaning: str  # positive | neutral | negative | "" when there is no tone
    cite: Cite | None
    sentences: Capped  # ToneLine


@dataclass
class ToneLine:
    score: str
    text: str
    cite: Cite


@dataclass
class OutletColumn:
    name: str
    docs: list[DocRef]
    also: list[tuple[str, int]]  # other actors the outlet names, with counts


@dataclass
class ExclusiveLine:
    kind: str  # event | quote | figure
    text: str
    cite: Cite


@dataclass
class SideBySide:
    """A story told by several outlets: rows are its main actors, columns its outlets."""

    label: str
    outlets: list[OutletColumn]
    actors: list[str]
    cells: list[list[ToneCell | None]]  # [actor][outlet]; None where the outlet never names the actor
    only: list[tuple[str, Capped]]  # (outlet, ExclusiveLine): facts no other outlet of the story reports


@dataclass
class Report:
    glance: Glance
    stories: list[StoryView]
    network: Picture | None
    actors: list[ActorView]
    actor_total: int
    ties: list[TieGroup]
    tie_total: int
    speakers: Capped
    quote_total: int
    timeline: Picture | None
    events: Capped
    claims: Capped
    conflicts: list[ConflictView]
    outlets: list[SideBySide]
    documents: list[DocView]


