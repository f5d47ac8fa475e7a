"""Score newsgraph's quotes (content spans and speakers) on PolNeAR, the attribution corpus of US election news.

Every article runs through the real stages: spaCy's parse, `actors.find_mentions`, then the quote stage
(`quotes.extract_attributions`, which is `quotes.extract_quotes` with the places of the speaker phrase and the
cue). What is scored, on the attributions whose cue is a speech verb (SPEECH_VERBS below, fixed here and not
the extractor's lexicon) or whose content is mostly in quotation marks:

- precision, recall and F1 of content at >= 30% and >= 80% overlap: the overlap of a found quote and a gold
  content is the number of words they share divided by the word count of the LONGER of the two (so it is
  both how much of the gold is covered and how little extra is taken); found quotes and gold contents are
  paired one to one, best overlap first. Quotes that share one cue and speaker ('"X," she said, "Y"') are
  one attribution, as PolNeAR annotates them.
- exact-span F1: the content equals the gold content once white space, punctuation and quotation marks at
  the edges and a leading 'that' are set aside.
- speaker accuracy over the pairs matched at 30%: right when our speaker phrase overlaps the gold source
  span, or when the gold source span resolves to the same actor as our speaker (its mention chain: the actor
  of a mention over it, or for a pronoun or description the actor newsgraph's coreference gives it).
  The share of pairs whose spans overlap is printed too.

A found quote that overlaps no attribution in the subset but one outside it (a belief, a finding, a judgment)
counts neither for nor against precision. Articles annotated by several annotators are scored once, on the
annotation of the first annotator id in sort order.

    .venv/bin/python bench/quotes_polnear.py --split dev [--limit N] [--shared PATH] [--show N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newsgraph import actors  # noqa: E402
from newsgraph.coref import Resolver  # noqa: E402
from newsgraph.model import Document  # noqa: E402
from newsgraph.nlp import parse_by_paragraph  # noqa: E402
from newsgraph.quotes import Attribution, extract_attributions  # noqa: E402

THRESHOLDS = (0.3, 0.8)
# How a found quote and a gold content overlap: "both" divides the shared words by the word count of the longer
# of the two (the figure this script stands by); "gold" by the gold content's only, which is how the Gender Gap
# Tracker states its match ("covers >= 30% of the quote"), printed for comparison with it.
MEASURES = ("both", "gold")
# Verbs of saying by lemma, and the phrase "according to": the cues that make an attribution a statement
# rather than a belief, a perception, a finding or a judgment. The set is the reporting verbs of English
# grammars' reporting clauses (say, tell, ask, answer, warn, ...), B. Levin's say, tell, message-transfer,
# manner-of-speaking and advise classes (37.1-37.4, 37.7, 37.9); judgment and naming verbs ("praise", "accuse",
# "call X Y", "describe") are left out.
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "state", "announce", "declare", "proclaim", "claim", "allege", "assert", "insist",
    "argue", "contend", "maintain", "explain", "note", "observe", "remark", "comment", "mention", "write",
    "tweet", "post", "report", "reply", "respond", "answer", "retort", "ask", "inquire", "warn", "caution",
    "advise", "urge", "suggest", "hint", "predict", "recall", "recount", "repeat", "reiterate", "stress",
    "emphasize", "emphasise", "acknowledge", "admit", "concede", "confess", "confirm", "deny", "disclose",
    "reveal", "boast", "complain", "joke", "quip", "shout", "yell", "scream", "whisper", "mutter", "chant",
    "testify", "assure", "according",
})
QUOTE_MARKS = "\"“”„«»"
_WORD = re.compile(r"\w+")
_EDGE = re.compile(r"^[\W_]*(?:that\b)?[\W_]*|[\W_]*$", re.IGNORECASE)


# =============================================================================================================
# data
# =============================================================================================================


@dataclass
class Gold:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    in_scope: bool = False
    quoted: bool = False


@dataclass
class Found:
    """One found attribution: the quotes that share a cue and a speaker phrase."""

    parts: list[Attribution] = field(default_factory=list)

    @property
    def spans(self) -> list[tuple[int, int]]:
        return [(a.quote.start, a.quote.end) for a in self.parts]


def read_split(shared: Path, split: str) -> list[dict]:
    """One annotated article per document id (the first annotator in sort order when there are several)."""
    path = shared / "benchmarks" / "polnear" / f"polnear_{split}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen: dict[str, dict] = {}
    for row in sorted(rows, key=lambda r: (r["doc_id"], r.get("annotator") or "")):
        chosen.setdefault(row["doc_id"], row)
    return [chosen[k] for k in sorted(chosen)]


def gold_attributions(row: dict, parsed: object) -> list[Gold]:
    """The article's attributions with their spans, marked in scope or not (see the module docstring)."""
    text = row["text"]
    out = []
    for a in row["attributions"]:
        content = [(s["start"], s["end"]) for s in a.get("content") or []]
        if not content:
            continue
        g = Gold(content, [(s["start"], s["end"]) for s in a.get("source") or []],
                 [(s["start"], s["end"]) for s in a.get("cue") or []])
        g.quoted = is_quoted(text, content)
        g.in_scope = g.quoted or speech_cue(parsed, g.cue)
        out.append(g)
    return out


def is_quoted(text: str, spans: list[tuple[int, int]]) -> bool:
    """At least half of the content's words lie between double quotation marks of their paragraph."""
    inside = _inside_marks(text)
    words = [m.start() for s, e in spans for m in _WORD.finditer(text, s, e)]
    return bool(words) and sum(1 for w in words if inside[w]) * 2 >= len(words)


def _inside_marks(text: str) -> list[bool]:
    out = [False] * (len(text) + 1)
    inside = False
    for i, ch in enumerate(text):
        if ch == "\n":
            inside = False
        elif ch in QUOTE_MARKS:
            inside = not inside if ch in "\"" else ch in "“„«"
        out[i] = inside
    return out


def speech_cue(parsed: object, cue: list[tuple[int, int]]) -> bool:
    """A cue with a speech verb in it (by lemma) or 'according to'."""
    for s, e in cue:
        span = parsed.char_span(s, e, alignment_mode="expand")  # type: ignore[attr-defined]
        if span is not None and any(t.lemma_.lower() in SPEECH_VERBS or t.lower_ in SPEECH_VERBS for t in span):
            return True
    return False


def group_found(found: list[Attribution]) -> list[Found]:
    """Quotes with the same cue and speaker phrase are one attribution; others stand alone."""
    groups: dict[tuple, Found] = {}
    out = []
    for a in found:
        key = (a.cue_at, a.speaker_span, a.quote.kind) if a.cue_at is not None else None
        if key is not None and key in groups:
            groups[key].parts.append(a)
            continue
        f = Found([a])
        out.append(f)
        if key is not None:
            groups[key] = f
    return out


# =============================================================================================================
# metrics
# =============================================================================================================


def word_positions(text: str, spans: list[tuple[int, int]]) -> set[int]:
    return {m.start() for s, e in spans for m in _WORD.finditer(text, s, e)}


def overlap(a: set[int], b: set[int], measure: str = "both") -> float:
    """Shared words of found `a` and gold `b`, over the words of the longer of the two ("both") or of the gold
    content ("gold")."""
    if not a or not b:
        return 0.0
    return len(a & b) / (max(len(a), len(b)) if measure == "both" else len(b))


def normalised(text: str, spans: list[tuple[int, int]]) -> str:
    """Content text for exact comparison: edges without white space, punctuation, quotation marks or 'that'."""
    parts = [_EDGE.sub("", text[s:e]) for s, e in sorted(spans)]
    return " ".join(" ".join(p.split()) for p in parts if p)


def pair(found: list[set[int]], gold: list[set[int]], threshold: float,
         measure: str = "both") -> list[tuple[int, int, float]]:
    """One-to-one pairs (found index, gold index, overlap) at or above the threshold, best overlap first."""
    scored = sorted(((overlap(f, g, measure), i, j) for i, f in enumerate(found) for j, g in enumerate(gold)),
                    reverse=True)
    used_f: set[int] = set()
    used_g: set[int] = set()
    out = []
    for score, i, j in scored:
        if score < threshold:
            break
        if i in used_f or j in used_g:
            continue
        used_f.add(i)
        used_g.add(j)
        out.append((i, j, score))
    return out


def prf(tp_found: int, n_found: int, tp_gold: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_found / n_found if n_found else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Tally:
    """Counts summed over articles."""

    gold: int = 0
    gold_quoted: int = 0
    found: int = 0
    neutral: int = 0  # found quotes that overlap only out-of-scope gold
    matched: dict[tuple[str, float], int] = field(default_factory=dict)  # by (overlap measure, threshold)
    matched_quoted: dict[tuple[str, float], int] = field(default_factory=dict)
    exact: int = 0
    exact_neutral: int = 0
    speaker_pairs: int = 0
    speaker_right: int = 0
    speaker_span_right: int = 0
    losses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("gold", "gold_quoted", "found", "neutral", "exact", "exact_neutral", "speaker_pairs",
                     "speaker_right", "speaker_span_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("matched", "matched_quoted"):
            mine, theirs = getattr(self, name), getattr(other, name)
            for k, v in theirs.items():
                mine[k] = mine.get(k, 0) + v
        self.losses += other.losses


def score_article(text: str, golds: list[Gold], found: list[Found], speaker_of: Callable[[Gold], str | None]) -> Tally:
    """One article's counts; `speaker_of(gold)` is the actor the gold source resolves to, or None."""
    t = Tally()
    scope = [g for g in golds if g.in_scope]
    outside = [g for g in golds if not g.in_scope]
    t.gold, t.gold_quoted, t.found = len(scope), sum(g.quoted for g in scope), len(found)
    f_words = [word_positions(text, f.spans) for f in found]
    g_words = [word_positions(text, g.content) for g in scope]
    o_words = [word_positions(text, g.content) for g in outside]
    neutral = {k for k in range(len(found))
               if not any(f_words[k] & g for g in g_words) and any(f_words[k] & o for o in o_words)}
    t.neutral = len(neutral)
    for measure in MEASURES:
        for th in THRESHOLDS:
            pairs = pair(f_words, g_words, th, measure)
            t.matched[(measure, th)] = len(pairs)
            t.matched_quoted[(measure, th)] = sum(scope[j].quoted for _, j, _ in pairs)
    pairs = pair(f_words, g_words, THRESHOLDS[0])
    for i, j, _ in pairs:
        _speaker(t, text, found[i], scope[j], speaker_of)
    hit = {i for i, _, _ in pairs}
    missed = [j for j in range(len(scope)) if j not in {j for _, j, _ in pairs}]
    t.losses += [f"PARTIAL {score:.2f} {_show(text, found[i].spans)} || {_show(text, scope[j].content)}"
                 for i, j, score in pairs if score < THRESHOLDS[-1]]
    t.losses += [f"MISSED  {_show(text, scope[j].content)}" for j in missed]
    t.losses += [f"EXTRA   {_show(text, found[k].spans)}" for k in range(len(found)) if k not in hit | neutral]
    exact_gold = {normalised(text, g.content) for g in scope}
    exact_out = {normalised(text, g.content) for g in outside} - exact_gold
    for f in found:
        key = normalised(text, f.spans)
        t.exact += key in exact_gold
        t.exact_neutral += key in exact_out
    return t


def _speaker(t: Tally, text: str, f: Found, g: Gold, speaker_of: Callable[[Gold], str | None]) -> None:
    if not g.source:
        return
    t.speaker_pairs += 1
    ours = f.parts[0].speaker_span
    span_right = ours is not None and any(s < ours[1] and ours[0] < e for s, e in g.source)
    actor = f.parts[0].quote.speaker
    t.speaker_span_right += span_right
    right = span_right or (actor is not None and speaker_of(g) == actor)
    t.speaker_right += right
    if not right:
        t.losses.append(f"SPEAKER {text[g.source[0][0]:g.source[0][1]]!r} vs {f.parts[0].quote.speaker_text!r} "
                        f"({actor}) :: {_show(text, g.content)}")


def _show(text: str, spans: list[tuple[int, int]]) -> str:
    return " | ".join(" ".join(text[s:e].split())[:110] for s, e in spans)


# =============================================================================================================
# running
# =============================================================================================================


def run(shared: Path, split: str, limit: int | None) -> tuple[Tally, int, float]:
    rows = read_split(shared, split)[:limit]
    total = Tally()
    started = time.perf_counter()
    for row, parsed in zip(rows, parse_by_paragraph([r["text"] for r in rows], batch_size=8), strict=True):
        doc = Document(id=row["doc_id"], source=f"polnear:{row['doc_id']}", text=row["text"])
        mentions, local = actors.find_mentions(doc, parsed)
        found = group_found(extract_attributions(doc, parsed, mentions, local))
        resolver = Resolver(parsed, mentions, local)

        def speaker_of(g: Gold, parsed: object = parsed, resolver: Resolver = resolver) -> str | None:
            s, e = g.source[0]
            span = parsed.char_span(s, e, alignment_mode="expand")  # type: ignore[attr-defined]
            return resolver.resolve(span.root) if span is not None else None

        t = score_article(row["text"], gold_attributions(row, parsed), found, speaker_of)
        t.losses = [f"[{row['doc_id']}] {line}" for line in t.losses]
        total.add(t)
    return total, len(rows), time.perf_counter() - started


def report(t: Tally, split: str, n_docs: int, seconds: float) -> dict[str, float]:
    figures: dict[str, float] = {}
    print(f"PolNeAR {split}: {n_docs} articles, {t.gold} gold attributions in scope "
          f"({t.gold_quoted} with content in quotation marks), {t.found} found, {seconds:.1f} s")
    print("Scope: attributions whose cue is a verb of saying (SPEECH_VERBS) or 'according to', or whose content is "
          "mostly in quotation marks; found quotes that overlap no attribution in scope but one outside it are left "
          "out of precision.")
    print("Overlap: shared words / words of the longer of found and gold content (GGT-style: / words of the gold "
          "content only); pairs are one to one.")
    print("Speaker right: our speaker phrase overlaps the gold source span, or the gold source resolves to the "
          "same actor (mention chain: the mention over it, or coreference for a pronoun or description).")
    n = t.found - t.neutral
    for measure in MEASURES:
        for th in THRESHOLDS:
            k = (measure, th)
            p, r, f = prf(t.matched[k], n, t.matched[k], t.gold)
            rq = t.matched_quoted[k] / t.gold_quoted if t.gold_quoted else 0.0
            label = f"overlap >= {int(th * 100)}%" + ("" if measure == "both" else " of gold (GGT-style)")
            print(f"  {label}: precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  "
                  f"(recall of quoted content {rq:.3f}; {t.matched[k]} matched of {n} counted)")
            figures[f"{measure}_f{int(th * 100)}"] = f
    p, r, f = prf(t.exact, t.found - t.exact_neutral, t.exact, t.gold)
    print(f"  exact span:     precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    figures["exact_f1"] = f
    acc = t.speaker_right / t.speaker_pairs if t.speaker_pairs else 0.0
    span_acc = t.speaker_span_right / t.speaker_pairs if t.speaker_pairs else 0.0
    print(f"  speaker right on matched quotes: {acc:.3f} ({t.speaker_right}/{t.speaker_pairs} with a gold source;"
          f" spans overlap {span_acc:.3f})")
    figures["speaker"] = acc
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "test"), default="dev", help="dev to tune on; test for the figure")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N articles (by id)")
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="folder holding benchmarks/")
    ap.add_argument("--show", type=int, default=0, help="print N misses, extras and wrong speakers")
    args = ap.parse_args(argv)
    if not (args.shared / "benchmarks" / "polnear" / f"polnear_{args.split}.jsonl").is_file():
        print(f"PolNeAR not found under {args.shared}/benchmarks/polnear (pass --shared PATH)", file=sys.stderr)
        return 2
    tally, n_docs, seconds = run(args.shared, args.split, args.limit)
    report(tally, args.split, n_docs, seconds)
    for line in tally.losses[:args.show]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
