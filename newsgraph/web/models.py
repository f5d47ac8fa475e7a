"""Response models of the REST API, so that /openapi.json states exactly what each route returns.

Spans (`start`, `end`) are character offsets into the document's cleaned `text`; `link` is the
path of the web page that shows the fact highlighted in its document.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class ErrorOut(BaseModel):
    detail: str


class Codes(BaseModel):
    iso3: str | None = None
    wikidata: str | None = None


class DocRef(BaseModel):
    id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None


class DocumentOut(BaseModel):
    id: str
    source: str | None = None
    url: str | None = Field(None, description="The source when it is an http(s) address, else null.")
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    translated_from: str | None = None
    duplicate_of: str | None = None
    duplicate_kind: str | None = None
    duplicate_score: float | None = None
    removed_lines: int = Field(0, description="How many lines of page furniture were removed.")
    link: str


class CopyOut(BaseModel):
    doc: DocRef
    kind: str | None = None
    score: float | None = None
    relation: Literal["copy_of", "copied_by"]


class MentionOut(BaseModel):
    start: int | None = None
    end: int | None = None
    text: str | None = None
    kind: str | None = None
    actor: str | None = Field(None, description="Corpus actor id, or null when unresolved.")
    actor_name: str | None = None


class QuoteOut(BaseModel):
    id: int
    doc: str
    doc_title: str | None = None
    outlet: str | None = None
    published: str | None = None
    speaker: str | None = Field(None, description="Corpus actor id of the speaker, or null.")
    speaker_name: str | None = None
    speaker_text: str | None = None
    kind: str | None = None
    text: str | None = None
    cue: str | None = None
    start: int | None = None
    end: int | None = None
    sentence: str = Field("", description="The sentence around the quote, from the document text.")
    sentence_start: int | None = None
    sentence_end: int | None = None
    link: str


class _LinkOut(BaseModel):
    """What ties and events share: who to whom, in which document, on what evidence."""

    id: int
    doc: str
    source: str | None = None
    source_name: str | None = None
    type: str
    target: str | None = None
    target_name: str | None = None
    evidence: str | None = None
    start: int | None = None
    end: int | None = None
    link: str


class RelationOut(_LinkOut):
    date: str | None = Field(None, description="The document's publication date.")


class EventOut(_LinkOut):
    when: str | None = Field(None, description="The date as the text gives it.")
    date: str | None = Field(None, description="The date events are ordered by: `when` if it is a calendar "
                                                "date, else the document's publication date.")
    negated: bool = False
    hypothetical: bool = False
    expected: bool = Field(False, description="Told as scheduled, intended or announced; implies hypothetical.")


class ClaimOut(BaseModel):
    id: int
    doc: str
    subject: str | None = None
    value: float | str | None = None
    unit: str | None = None
    period: str | None = None
    evidence: str | None = None
    start: int | None = None
    end: int | None = None
    link: str


class StatementOut(BaseModel):
    doc: DocRef
    says: str


class ConflictOut(BaseModel):
    id: int
    topic: str
    statements: list[StatementOut]


class StoryOut(BaseModel):
    id: str
    label: str
    docs: int
    outlets: int
    first: str | None = None
    last: str | None = None
    link: str


class StoryDetail(StoryOut):
    documents: list[DocumentOut]
    more_documents: int = 0


class ActorOut(BaseModel):
    id: str
    name: str
    type: str
    description: str | None = None
    aliases: list[str]
    codes: Codes
    docs: int = Field(0, description="Documents that mention the actor.")
    quotes: int = Field(0, description="Quotes the actor gave.")
    facts: int = Field(0, description="Ties and events the actor takes part in.")
    link: str


class TieOut(BaseModel):
    type: str
    direction: Literal["out", "in"]
    other: str
    other_name: str | None = None
    count: int
    evidence: str | None = None
    doc: str | None = None
    start: int | None = None
    end: int | None = None
    link: str | None = None


class ActorDetail(ActorOut):
    ties: list[TieOut]
    events: list[EventOut]
    events_total: int
    said: list[QuoteOut]
    said_total: int
    about: list[QuoteOut] = Field(description="Quotes by others whose text mentions the actor.")
    about_total: int


class FactsOut(BaseModel):
    mentions: list[MentionOut]
    quotes: list[QuoteOut]
    relations: list[RelationOut]
    events: list[EventOut]
    claims: list[ClaimOut]


class DocumentDetail(DocumentOut):
    text: str
    removed: list[str]
    copies: list[CopyOut]
    story: StoryOut | None = None
    facts: FactsOut


class DocumentPage(BaseModel):
    items: list[DocumentOut]
    page: int
    per_page: int
    total: int


class ActorPage(BaseModel):
    items: list[ActorOut]
    page: int
    per_page: int
    total: int


class QuotePage(BaseModel):
    items: list[QuoteOut]
    page: int
    per_page: int
    total: int


class RelationPage(BaseModel):
    items: list[RelationOut]
    page: int
    per_page: int
    total: int


class EventPage(BaseModel):
    items: list[EventOut]
    page: int
    per_page: int
    total: int


class ClaimPage(BaseModel):
    items: list[ClaimOut]
    page: int
    per_page: int
    total: int


class ConflictPage(BaseModel):
    items: list[ConflictOut]
    page: int
    per_page: int
    total: int


class StoryPage(BaseModel):
    items: list[StoryOut]
    page: int
    per_page: int
    total: int


class SnippetPart(BaseModel):
    text: str
    hit: bool


class SearchHit(BaseModel):
    kind: Literal["actor", "quote", "document"]
    id: str
    title: str
    snippet: list[SnippetPart]
    doc: str | None = None
    start: int | None = None
    end: int | None = None
    link: str


class HitPage(BaseModel):
    items: list[SearchHit]
    total: int


class SearchOut(BaseModel):
    q: str
    page: int
    per_page: int
    actors: HitPage
    quotes: HitPage
    documents: HitPage


class Count(BaseModel):
    name: str
    count: int


class OverviewOut(BaseModel):
    documents: int
    distinct: int
    copies: int
    first_date: str | None = None
    last_date: str | None = None
    outlets: list[Count]
    outlet_total: int
    languages: list[Count]
    translated: list[Count]
    removed_lines: int
    stories: int
    errors: int
    actors: int
    quotes: int
    ties: int
    events: int
    claims: int
    conflicts: int
    refreshed: str | None = None


class GraphNode(BaseModel):
    id: str
    name: str
    type: str
    x: float
    y: float
    degree: int
    link: str


class GraphEdge(BaseModel):
    source: str
    target: str
    kinds: list[str]
    types: list[str]
    count: int


class GraphOut(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    more_edges: bool = Field(description="True when the heaviest edges were kept and the rest left out.")
