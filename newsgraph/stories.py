"""Stories: group the documents that report the same episode.

Readers follow episodes (a state visit, a summit, a border clash), not single
articles, and want to see which outlets covered each one. Two documents belong
to the same story when they name much the same actors, use much the same words,
and were published close together. Copies found by the Deduplicate stage are
always in the same story.

The measures, all over the corpus at hand:
- actors: weighted Jaccard over actor ids, each actor weighted by its inverse
  document frequency, so that actors named everywhere (the great powers in a
  corpus about them) say less than rarer ones;
- text: cosine of TF-IDF vectors over content words (sublinear term counts);
- time: the gap between the publication dates, when both are known, at most
  MAX_GAP_DAYS.

Linked pairs are joined by single link (connected components). Pairs are only
proposed when two documents share an actor or one of their most distinctive
terms that is not found nearly everywhere, which keeps the work far below all
pairs on a large corpus. Given the stories of an earlier run, only pairs with a
new document are tested, so documents attach to the stories they continue;
the measures themselves (term and actor weights) are recomputed over the whole
corpus each run.

Labels read "Actor, Actor: phrase": the actors named in most of the story's
documents, then its most distinctive noun phrase, found without a parse from the
noun phrases that determiners open, favouring the title and lead.
"""

from __future__ import annotations

import calendar
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS

from newsgraph.model import Document

ACTOR_THRESHOLD = 0.2  # weighted Jaccard of actor sets
TEXT_THRESHOLD = 0.15  # TF-IDF cosine
TEXT_ONLY_THRESHOLD = 0.45  # when either document has no actors, the text alone must be this close
MAX_GAP_DAYS = 30
MIN_WORD_LENGTH = 3
# Posting lists longer than this are not used to propose pairs: an actor or term found
# almost everywhere cannot show that two documents share an episode.
MAX_POSTING_SHARE = 0.2
MIN_POSTING_CAP = 100
CANDIDATE_TERMS = 12  # each document's most distinctive terms also propose pairs
LABEL_ACTORS = 3
BIGRAM_BONUS = 1.5  # a two-word phrase says more in a label than a single word
# News puts the gist first (title and lead): phrases found there are better labels.
LEAD_TOKENS = 40
LEAD_BONUS = 1.5
MAX_MODIFIERS = 2  # words allowed between a determiner and the noun that closes its phrase
# Closed-class English words that open a noun phrase (articles, demonstratives, possessives, quantifiers);
# "that" is left out: it more often opens a clause than a noun phrase.
_DETERMINERS = frozenset({
    "a", "an", "the", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your",
    "whose", "every", "each", "any", "some", "no", "another", "such", "both", "several", "many", "few",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
})
# Words that end a noun phrase. The strong ones rarely follow a verb directly; the weak ones
# (prepositions) often do ('came to', 'met in').
_NP_END_STRONG = frozenset({
    "of", "and", "or", "but", "is", "are", "was", "were", "has", "have", "had", "will", "would", "could",
    "should", "can", "may", "might", "must", "which", "who", "whose",
})
_NP_END_WEAK = frozenset({
    "in", "on", "at", "to", "for", "with", "by", "from", "into", "over", "after", "before", "between",
    "against", "near", "since", "during", "that",
})
_SMALL_WORDS = {"of", "and", "the", "for", "on", "in", "de", "la"}

_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*|[.!?;:,()\[\]\"\u201c\u201d\u2014\u2013]")
_SENTENCE_END = {".", "!", "?", ":", '"', "\u201c", "\u201d"}
_POSSESSIVE = re.compile(r"['\u2019]s?$")


@dataclass
class Story:
    """Documents that report the same episode, with a short label a reader can skim."""

    id: str
    label: str
    docs: list[str]


@dataclass
class _Unit:
    """One duplicate group, treated as a single document: copies must not count as agreement."""

    id: str  # the canonical document
    docs: list[str]
    actors: set[str]
    terms: Counter
    bigrams: Counter
    first_seen: dict[str, int] = field(default_factory=dict)  # phrase -> first token position
    first: date | None = None
    last: date | None = None
    vector: dict[str, float] = field(default_factory=dict)


def day_range(published: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO date of any precision (YYYY, YYYY-MM, YYYY-MM-DD...) may mean."""
    if not published:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", published.strip())
    if not m:
        return None
    try:
        year = int(m.group(1))
        if m.group(3):
            day = date(year, int(m.group(2)), int(m.group(3)))
            return day, day
        if m.group(2):
            month = int(m.group(2))
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


class _Tok(NamedTuple):
    word: str  # lower case, possessive 's removed; punctuation as is
    capitalised: bool
    initial: bool  # first word of a sentence or line, where capitals say nothing


def _tokens(text: str) -> list[_Tok]:
    out = []
    initial = True
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if not tok[0].isalpha():
            out.append(_Tok(tok, False, False))
            initial = initial or tok in _SENTENCE_END
            continue
        if text[max(0, m.start() - 2):m.start()].endswith("\n"):
            initial = True
        out.append(_Tok(_POSSESSIVE.sub("", tok.lower()), tok[0].isupper(), initial))
        initial = False
    return out


def _is_content(word: str) -> bool:
    return len(word) >= MIN_WORD_LENGTH and word[0].isalpha() and word not in STOP_WORDS


def _phrases(tokens: list[_Tok]) -> Iterable[tuple[int, str, bool]]:
    """(position, phrase, is_bigram) for content words and adjacent content-word pairs (nothing between)."""
    previous = None
    for i, tok in enumerate(tokens):
        if _is_content(tok.word):
            yield i, tok.word, False
            if previous:
                yield i, f"{previous} {tok.word}", True
            previous = tok.word
        else:
            previous = None


def _determiner_runs(tokens: list[_Tok]) -> Iterable[tuple[list[str], str]]:
    """Content-word runs opened by a determiner, each with the token that closes it."""
    for i, tok in enumerate(tokens):
        if tok.word not in _DETERMINERS:
            continue
        run: list[str] = []
        for nxt in tokens[i + 1:i + 3 + MAX_MODIFIERS]:  # the noun, its modifiers and the closer
            if not _is_content(nxt.word):
                if run:
                    yield run, nxt.word
                break
            run.append(nxt.word)


def _nominal_phrases(token_lists: list[list[_Tok]]) -> set[str]:
    """Words and pairs that end a noun phrase opened by a determiner ('the joint commission will' gives
    'commission' and 'joint commission'): a cheap sign of a noun, without a parse.

    A word right after a determiner is a noun or an adjective. After a longer run the last
    word may be the verb ('several countries came to'), so it counts only when the run ends
    in punctuation or a word that cannot follow a verb directly, or when the word is also
    seen right after a determiner elsewhere.
    """
    runs = [r for tokens in token_lists for r in _determiner_runs(tokens)]
    after_determiner = {run[0] for run, _ in runs}
    found: set[str] = set()
    for run, closer in runs:
        strong = not closer[0].isalpha() or closer in _NP_END_STRONG
        if len(run) == 1 and (strong or closer in _NP_END_WEAK):
            found.add(run[0])
        elif len(run) > 1 and (strong or (closer in _NP_END_WEAK and run[-1] in after_determiner)):
            found.update({run[-1], " ".join(run[-2:])})
    return found


def _proper_words(token_lists: Iterable[list[_Tok]]) -> set[str]:
    """Words mostly capitalised inside sentences: names and demonyms, which the actor part of a label covers."""
    caps: Counter = Counter()
    seen: Counter = Counter()
    for tokens in token_lists:
        for tok in tokens:
            if tok.word[0].isalpha() and not tok.initial:
                seen[tok.word] += 1
                caps[tok.word] += tok.capitalised
    return {w for w, n in seen.items() if caps[w] * 2 > n}


def _idf(df: Counter, n: int) -> dict[str, float]:
    """Smoothed inverse document frequency: never zero, so that a word found everywhere still counts a little."""
    return {key: math.log((1 + n) / (1 + count)) + 1.0 for key, count in df.items()}


def _unit(root: Document, group: list[Document], doc_actors: dict[str, set[str]]) -> tuple[_Unit, list[_Tok]]:
    """One duplicate group; its words are those of its title and canonical (fullest) text."""
    tokens = _tokens(root.title or "") + [_Tok(".", False, False)] + _tokens(root.text)
    actors = set().union(*(doc_actors.get(d.id, set()) for d in group))
    unit = _Unit(root.id, [d.id for d in group], actors, Counter(), Counter())
    for pos, phrase, is_bigram in _phrases(tokens):
        (unit.bigrams if is_bigram else unit.terms)[phrase] += 1
        unit.first_seen.setdefault(phrase, pos)
    ranges = [r for r in (day_range(d.published) for d in group) if r]
    if ranges:
        unit.first, unit.last = min(r[0] for r in ranges), max(r[1] for r in ranges)
    return unit, tokens


def _units(docs: list[Document], doc_actors: dict[str, set[str]]) -> tuple[list[_Unit], list[list[_Tok]]]:
    """Duplicate groups as units (copies must not count as independent reports), in id order."""
    by_id = {d.id: d for d in docs}
    members: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        members[d.duplicate_of if d.duplicate_of in by_id else d.id].append(d)
    built = [_unit(by_id[root], sorted(members[root], key=lambda d: d.id), doc_actors) for root in sorted(members)]
    return [u for u, _ in built], [t for _, t in built]


def _vectorise(units: list[_Unit], term_idf: dict[str, float]) -> None:
    """Unit-length TF-IDF vectors with sublinear term frequency."""
    for u in units:
        vec = {t: (1.0 + math.log(c)) * term_idf[t] for t, c in u.terms.items()}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        u.vector = {t: v / norm for t, v in vec.items()} if norm else {}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two unit-length sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def weighted_jaccard(a: set[str], b: set[str], weight: dict[str, float]) -> float:
    """Shared weight over total weight: sharing a rare actor counts more than sharing a common one."""
    union = sum(weight.get(x, 1.0) for x in a | b)
    return sum(weight.get(x, 1.0) for x in a & b) / union if union else 0.0


def _gap_days(a: _Unit, b: _Unit) -> int | None:
    """Days between two units' date ranges (0 when they overlap), or None when either is undated."""
    if a.first is None or b.first is None or a.last is None or b.last is None:
        return None
    return max(0, (b.first - a.last).days, (a.first - b.last).days)


def _candidates(units: list[_Unit]) -> set[tuple[int, int]]:
    """Pairs that share an actor or a distinctive term; posting lists that are too long are skipped."""
    cap = max(MIN_POSTING_CAP, int(MAX_POSTING_SHARE * len(units)))
    postings: dict[str, list[int]] = defaultdict(list)
    for i, u in enumerate(units):
        for a in u.actors:
            postings["a:" + a].append(i)
        top = sorted(u.vector.items(), key=lambda kv: (-kv[1], kv[0]))[:CANDIDATE_TERMS]
        for term, _ in top:
            postings["t:" + term].append(i)
    pairs: set[tuple[int, int]] = set()
    for ids in postings.values():
        if len(ids) > cap:
            continue
        pairs.update((x, y) for n, x in enumerate(ids) for y in ids[n + 1:])
    return pairs


def _linked(a: _Unit, b: _Unit, actor_idf: dict[str, float]) -> bool:
    """Same episode: close in time (when known), and similar in actors and words."""
    gap = _gap_days(a, b)
    if gap is not None and gap > MAX_GAP_DAYS:
        return False
    text = cosine(a.vector, b.vector)
    if not a.actors or not b.actors:
        return text >= TEXT_ONLY_THRESHOLD
    return text >= TEXT_THRESHOLD and weighted_jaccard(a.actors, b.actors, actor_idf) >= ACTOR_THRESHOLD


def _components(n: int, edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x, y in edges:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    return list(groups.values())


def display_name(actor_id: str, names: dict[str, str] | None = None) -> str:
    """The actor's name when known, else its slug written out ('xi-jinping' -> 'Xi Jinping')."""
    if names and actor_id in names:
        return names[actor_id]
    words = actor_id.split("-")
    return " ".join(w if i and w in _SMALL_WORDS else w.capitalize() for i, w in enumerate(words))


@dataclass
class _Context:
    """Corpus-wide statistics the links and labels are measured against."""

    actor_idf: dict[str, float]
    phrase_idf: dict[str, float]  # terms and bigrams
    proper: set[str]
    nominal: set[str]
    names: dict[str, str] | None


def _context(units: list[_Unit], tokens: list[list[_Tok]], names: dict[str, str] | None) -> _Context:
    n = len(units)
    phrase_df = Counter(p for u in units for p in (*u.terms, *u.bigrams))
    nominal = _nominal_phrases(tokens)
    return _Context(_idf(Counter(a for u in units for a in u.actors), n), _idf(phrase_df, n),
                    _proper_words(tokens), nominal, names)


def _label_actors(units: list[_Unit], ctx: _Context, texts: str) -> list[str]:
    """The actors named in most of the story's documents; ties go to the most often named, then the rarer."""
    counts = Counter(a for u in units for a in u.actors if ":" not in a)
    if not counts:
        return []
    lowered = texts.casefold()

    def key(a: str) -> tuple[int, int, float, str]:
        occurrences = lowered.count(display_name(a, ctx.names).casefold())
        return (-counts[a], -occurrences, -ctx.actor_idf.get(a, 1.0), a)

    ranked = sorted(counts, key=key)
    top = counts[ranked[0]]
    return [display_name(a, ctx.names) for a in ranked[:LABEL_ACTORS] if counts[a] * 2 >= top]


def _label_phrase(units: list[_Unit], ctx: _Context, excluded: set[str]) -> str | None:
    """The most distinctive noun phrase of the story: in many of its documents, early in them, rare elsewhere."""
    df: Counter = Counter()
    tf: Counter = Counter()
    first: dict[str, int] = {}
    for u in units:
        for table in (u.terms, u.bigrams):
            df.update(table.keys())
            tf.update(table)
        for phrase, pos in u.first_seen.items():
            first[phrase] = min(pos, first.get(phrase, pos))
    allowed = [p for p in tf if not any(w in excluded for w in p.split())]
    nouns = [p for p in allowed if p in ctx.nominal]
    scores = {}
    for phrase in nouns or allowed:
        weight = (BIGRAM_BONUS if " " in phrase else 1.0) * (LEAD_BONUS if first[phrase] < LEAD_TOKENS else 1.0)
        scores[phrase] = df[phrase] * ctx.phrase_idf[phrase] * (1.0 + math.log(tf[phrase])) * weight
    if not scores:
        return None
    return min(scores, key=lambda p: (-scores[p], first[p], p))


def _label(units: list[_Unit], ctx: _Context, texts: str) -> str:
    """'Actor, Actor: phrase', e.g. 'Japan, Philippines: coast guard exercise'."""
    actors = _label_actors(units, ctx, texts)
    excluded = ctx.proper | {w.casefold() for name in actors for w in re.findall(r"\w+", name)}
    phrase = _label_phrase(units, ctx, excluded)
    head = ", ".join(actors)
    if head and phrase:
        return f"{head}: {phrase}"
    return head or phrase or "untitled"


def _order_key(units: list[_Unit]) -> tuple[date, str]:
    """Stories are numbered by their earliest dated document, undated ones last, then by document id."""
    dates = [u.first for u in units if u.first is not None]
    return (min(dates) if dates else date.max, min(d for u in units for d in u.docs))


def group_stories(
    docs: list[Document],
    doc_actors: dict[str, set[str]],
    actor_names: dict[str, str] | None = None,
    previous: list[Story] | None = None,
) -> list[Story]:
    """Group the documents into stories; every document is in one story.

    `doc_actors` maps each document id to the corpus actor ids it names;
    `actor_names` (actor id -> name) makes the labels read better when given.
    With `previous` stories (from an earlier run), grouping is incremental: only
    pairs that involve a new document are tested, earlier stories are kept whole
    (a new document may join or merge them, never split them), and a story that
    gained nothing keeps its id and label. Without them, stories are numbered
    "story-1", ... by their earliest document.
    """
    units, tokens = _units(docs, doc_actors)
    if not units:
        return []
    ctx = _context(units, tokens, actor_names)
    term_idf = {t: ctx.phrase_idf[t] for u in units for t in u.terms}
    _vectorise(units, term_idf)
    known = {d: story for story in previous or [] for d in story.docs}
    is_new = [any(d not in known for d in u.docs) for u in units]
    edges = [(i, j) for i, j in sorted(_candidates(units))
             if (is_new[i] or is_new[j] or not known) and _linked(units[i], units[j], ctx.actor_idf)]
    edges += _kept_together(units, known)
    by_id = {d.id: d for d in docs}
    groups = sorted(([units[i] for i in comp] for comp in _components(len(units), edges)), key=_order_key)
    numbers = [int(s.id.rsplit("-", 1)[1]) for s in previous or [] if s.id.rsplit("-", 1)[-1].isdigit()]
    next_number = max(numbers, default=0) + 1
    stories = []
    for group in groups:
        doc_ids = sorted(d for u in group for d in u.docs)
        before = sorted({known[d].id: known[d] for d in doc_ids if d in known}.values(), key=_story_number)
        if len(before) == 1 and before[0].docs == doc_ids:
            stories.append(before[0])  # unchanged: same id, same label
            continue
        if before:
            story_id = before[0].id  # grown or merged: the oldest story's id lives on
        else:
            story_id, next_number = f"story-{next_number}", next_number + 1
        texts = "\n".join(by_id[u.id].text for u in group)
        stories.append(Story(story_id, _label(group, ctx, texts), doc_ids))
    return sorted(stories, key=_story_number)


def _kept_together(units: list[_Unit], known: dict[str, Story]) -> list[tuple[int, int]]:
    """Edges that keep each earlier story whole."""
    first_unit: dict[str, int] = {}
    edges = []
    for i, unit in enumerate(units):
        for story in {known[d].id for d in unit.docs if d in known}:
            if story in first_unit:
                edges.append((first_unit[story], i))
            else:
                first_unit[story] = i
    return edges


def _story_number(story: Story) -> tuple[int, str]:
    tail = story.id.rsplit("-", 1)[-1]
    return (int(tail), story.id) if tail.isdigit() else (10**9, story.id)
