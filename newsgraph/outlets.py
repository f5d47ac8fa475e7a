"""Outlets side by side: for each story, who covered it, whom each outlet names, its tone toward them,
and what only one outlet reports.

Pure functions over plain data (documents, mentions with corpus actor ids, stories, facts), so the report
and the web app compute the same figures. Tone is VADER's compound score (-1 very negative, +1 very
positive) averaged over the sentences of an outlet's documents that name the actor; every sentence is
kept with its span so a reader can check the figure against the words. VADER reads English only, so
documents in another language count as coverage but add no tone.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

from newsgraph.model import Actor, Document, Mention

UNKNOWN_OUTLET = "unknown outlet"
MAIN_ACTORS = 6
# How much two quotes of one speaker must share (content words, over the shorter) to be the same quote:
# outlets trim and re-punctuate quotes, so exact text rarely matches.
QUOTE_OVERLAP = 0.5

# Abbreviations after which a full stop does not end a sentence (titles and common short forms).
_ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "st",
    "jr", "sr", "vs", "etc", "no", "inc", "ltd", "co", "corp", "dept", "est", "approx", "fig", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"))
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9À-ÖØ-Þ])|\n\s*\n|\n")
_WORD = re.compile(r"\w+", re.UNICODE)


class StoryLike(Protocol):
    """Any story record: newsgraph.stories.Story, a row from the store, or StoryDocs below."""

    id: str
    label: str
    docs: list[str]


@dataclass
class StoryDocs:
    """A story as this module needs it, for callers that hold plain records."""

    id: str
    label: str
    docs: list[str]


@dataclass(frozen=True)
class ToneSentence:
    """One sentence behind a tone figure, with its place in the document so it can be cited."""

    doc: str
    start: int
    end: int
    text: str
    score: float  # VADER compound, -1..1


@dataclass
class ActorTone:
    """How one outlet treats one actor within one story."""

    actor: str
    mentions: int
    sentences: list[ToneSentence] = field(default_factory=list)

    @property
    def tone(self) -> float | None:
        """Mean compound score over the sentences naming the actor; None when no English sentence does."""
        if not self.sentences:
            return None
        return round(sum(s.score for s in self.sentences) / len(self.sentences), 3)

    @property
    def strongest(self) -> ToneSentence | None:
        """The sentence that weighs most in the figure, the first one a reader should check."""
        return max(self.sentences, key=lambda s: (abs(s.score), -s.start), default=None)


@dataclass
class OutletCoverage:
    outlet: str
    docs: list[str]
    actors: list[ActorTone]  # most named first

    def actor(self, actor_id: str) -> ActorTone | None:
        return next((a for a in self.actors if a.actor == actor_id), None)


@dataclass
class StoryOutlets:
    story: str
    label: str
    outlets: list[OutletCoverage]
    main_actors: list[str]  # the actors most named across the story's outlets


@dataclass(frozen=True)
class Fact:
    """A fact as the comparison needs it: `key` must match exactly, quotes must also share words."""

    kind: str  # event | quote | claim
    doc: str
    start: int
    end: int
    key: tuple[Any, ...]
    text: str


@dataclass(frozen=True)
class Exclusive:
    outlet: str
    fact: Fact


# --------------------------------------------------------------------------- sentences and tone


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) spans by punctuation and line breaks; cheap, and good enough to quote from."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if match.group(0)[0] == "." and _ends_with_abbreviation(text[start:match.start()]):
            continue
        _add_span(spans, text, start, end)
        start = end
    _add_span(spans, text, start, len(text))
    return spans


def _ends_with_abbreviation(before: str) -> bool:
    words = _WORD.findall(before[-12:])
    if not words:
        return False
    last = words[-1]
    return last.lower() in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def _add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    """VADER's analyser loads its lexicon from the package once; later calls reuse it."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def tone_score(sentence: str) -> float:
    """VADER's compound score of one sentence, from -1 (hostile) to +1 (warm)."""
    return float(_analyzer().polarity_scores(sentence)["compound"])


def _is_english(doc: Document) -> bool:
    return not doc.language or doc.language.lower().startswith("en")


# --------------------------------------------------------------------------- coverage


def outlet_of(doc: Document, docs: dict[str, Document]) -> str:
    """The outlet a document speaks for. A copy that names no outlet is counted with the text it copies:
    it carries the same words, and counting it apart would make every shared fact look exclusive."""
    if doc.outlet:
        return doc.outlet
    original = docs.get(doc.duplicate_of or "")
    if original is not None and original.outlet:
        return original.outlet
    return UNKNOWN_OUTLET


def _outlet_docs(story: StoryLike, docs: dict[str, Document]) -> dict[str, list[Document]]:
    by_outlet: dict[str, list[Document]] = defaultdict(list)
    for doc_id in story.docs:
        doc = docs.get(doc_id)
        if doc is not None:
            by_outlet[outlet_of(doc, docs)].append(doc)
    return dict(by_outlet)


def _kept(docs: list[Document]) -> list[Document]:
    """An outlet's documents less its own copies, so one text run twice by one outlet counts once."""
    ids = {d.id for d in docs}
    return [d for d in docs if d.duplicate_of not in ids]


def _coverage(outlet: str, docs: list[Document], mentions: dict[str, list[Mention]]) -> OutletCoverage:
    counts: Counter[str] = Counter()
    sentences: dict[str, dict[str, ToneSentence]] = defaultdict(dict)
    for doc in _kept(docs):
        doc_mentions = mentions.get(doc.id, [])
        counts.update(m.actor for m in doc_mentions)
        if _is_english(doc):
            for actor, sentence in _sentences_naming(doc, doc_mentions):
                sentences[actor].setdefault(" ".join(sentence.text.split()).lower(), sentence)
    actors = [ActorTone(actor, n, sorted(sentences[actor].values(), key=lambda s: (s.doc, s.start)))
              for actor, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return OutletCoverage(outlet, sorted(d.id for d in docs), actors)


def _sentences_naming(doc: Document, mentions: list[Mention]) -> Iterable[tuple[str, ToneSentence]]:
    spans = sentence_spans(doc.text)
    scored: dict[tuple[int, int], ToneSentence] = {}
    seen: set[tuple[str, int]] = set()
    for m in sorted(mentions, key=lambda m: m.start):
        span = _containing(spans, m.start)
        if span is None or (m.actor, span[0]) in seen:
            continue
        seen.add((m.actor, span[0]))
        if span not in scored:
            text = doc.text[span[0]:span[1]]
            scored[span] = ToneSentence(doc.id, span[0], span[1], text, tone_score(text))
        yield m.actor, scored[span]


def _containing(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The span holding pos (spans are sorted and disjoint): a binary search."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid][1] <= pos:
            lo = mid + 1
        else:
            hi = mid
    return spans[lo] if lo < len(spans) and spans[lo][0] <= pos else None


def widest_stories(documents: Sequence[Document], stories: Iterable[StoryLike], limit: int,
                   min_outlets: int = 2) -> list[StoryLike]:
    """The stories covered by the most outlets (at least min_outlets), so that callers compute only those."""
    docs = {d.id: d for d in documents}
    width = [(len(_outlet_docs(s, docs)), s) for s in stories]
    ranked = sorted((ws for ws in width if ws[0] >= min_outlets), key=lambda ws: (-ws[0], ws[1].label, ws[1].id))
    return [s for _, s in ranked[:limit]]


def story_outlets(documents: Sequence[Document], mentions: Iterable[Mention], stories: Iterable[StoryLike],
                  main_actors: int = MAIN_ACTORS) -> list[StoryOutlets]:
    """For every story: each outlet's documents, the actors it names (how often) and its tone toward each."""
    docs = {d.id: d for d in documents}
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.actor:
            by_doc[m.doc].append(m)
    out = []
    for story in stories:
        outlets = [_coverage(name, ds, by_doc) for name, ds in sorted(_outlet_docs(story, docs).items())]
        total: Counter[str] = Counter()
        for o in outlets:
            total.update({a.actor: a.mentions for a in o.actors})
        reach = Counter(a.actor for o in outlets for a in o.actors)
        ranked = sorted(total, key=lambda a: (-reach[a], -total[a], a))
        out.append(StoryOutlets(story.id, story.label, outlets, ranked[:main_actors]))
    return out


# --------------------------------------------------------------------------- what only one outlet reports


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) > 3}


def same_fact(a: Fact, b: Fact) -> bool:
    """Two outlets report the same fact: same kind and key; quotes must also share most of their words."""
    if a.kind != b.kind or a.key != b.key:
        return False
    if a.kind != "quote":
        return True
    wa, wb = _words(a.text), _words(b.text)
    if not wa or not wb:
        return wa == wb
    return len(wa & wb) / min(len(wa), len(wb)) >= QUOTE_OVERLAP


def exclusive_facts(documents: Sequence[Document], facts: Iterable[Fact], story: StoryLike) -> list[Exclusive]:
    """Facts of the story found in one outlet's documents only (stories of one outlet have none)."""
    docs = {d.id: d for d in documents}
    if len(_outlet_docs(story, docs)) < 2:
        return []
    members = set(story.docs)
    by_outlet: dict[str, list[Fact]] = defaultdict(list)
    by_key: dict[tuple[str, tuple[Any, ...]], dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for fact in facts:
        if fact.doc in members and fact.doc in docs:
            outlet = outlet_of(docs[fact.doc], docs)
            by_outlet[outlet].append(fact)
            by_key[(fact.kind, fact.key)][outlet].append(fact)
    out: list[Exclusive] = []
    for outlet, own in sorted(by_outlet.items()):
        shown: list[Fact] = []
        for fact in sorted(own, key=lambda f: (f.doc, f.start)):
            alike = by_key[(fact.kind, fact.key)]
            others = (f for name, fs in alike.items() if name != outlet for f in fs)
            if any(same_fact(fact, o) for o in others) or any(same_fact(fact, s) for s in shown):
                continue
            shown.append(fact)
        out += [Exclusive(outlet, f) for f in shown]
    return out


# --------------------------------------------------------------------------- mentions when none are stored


def mentions_from_names(documents: Sequence[Document], actors: Iterable[Actor]) -> list[Mention]:
    """Mentions found by each actor's name and aliases, whole words, longest first.

    For inputs that carry actors but not the mentions the pipeline found; pronouns and descriptions are
    missed, so counts are lower bounds.
    """
    docs = {d.id: d for d in documents}
    names: dict[str, list[tuple[str, str]]] = defaultdict(list)  # doc -> (surface, actor)
    for actor in actors:
        surfaces = {s for s in [actor.name, *actor.aliases] if s and (len(s) >= 3 or s.isupper())}
        for doc_id in actor.docs or list(docs):
            names[doc_id] += [(s, actor.id) for s in surfaces]
    out: list[Mention] = []
    for doc_id, pairs in names.items():
        if doc_id in docs:
            out += _find_names(docs[doc_id], pairs)
    return out


def _find_names(doc: Document, pairs: list[tuple[str, str]]) -> list[Mention]:
    taken: list[tuple[int, int]] = []
    found: list[Mention] = []
    for surface, actor in sorted(set(pairs), key=lambda p: (-len(p[0]), p[0], p[1])):
        for match in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", doc.text):
            s, e = match.span()
            if any(s < te and e > ts for ts, te in taken):
                continue
            taken.append((s, e))
            found.append(Mention(doc.id, s, e, surface, actor, "name"))
    return sorted(found, key=lambda m: m.start)
