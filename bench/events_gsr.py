"""Score newsgraph's PLOVER event coding on the event-coding sets, beside the figures peers report.

Two public sets are read from `<shared>/benchmarks/event-coding/`:

- plover_gsr.jsonl: sentences of the CAMEO manual re-coded in PLOVER (an older draft: DEMAND is read as
  REQUEST, DISAPPROVE and INVESTIGATE as ACCUSE, FIGHT as ASSAULT), one expected event each, actors with
  ISO3 codes (Japan is written JAP, CAMEO's code, and read as JPN). Actors marked SRC/TAR take part on both
  sides (a joint act: "X and Y agreed").
- PETR2_GSR_validation.jsonl: news sentences coded with CAMEO event codes and actor codes, some marked
  "no events". CAMEO codes are turned into PLOVER types with CAMEO2PLOVER-2021.txt (most specific code
  first); CAMEO 02 (appeal) is read as REQUEST, which PLOVER folds it into, and CAMEO 01 (public
  statement) has no PLOVER type, so such expected events are left out. The first three letters of an actor
  code are its country when they are an ISO3 code.

A third set, `bench/data/events_own*.jsonl`, holds sentences written and coded by hand for this project in the
plover layout ("joint" marks acts with every actor on both sides, "noevents" a sentence that reports none). It is
ours to tune on whole; `--split` does not apply to it.

Every sentence runs as a Document through the stages the pipeline runs: spaCy's parse,
`actors.find_mentions` and `events.extract_events`. Each event is coded with `events.plover_type`: negated
events and acts that only may happen are not counted, an announced cooperative act counts as AGREE (intent).
In one sentence, events of one type read from one trigger or sharing an actor count as one event with all
their actors, as the gold codes one event with lists of actors (coders code a sentence's event once).

Split: records whose id sorts in the first half are dev, the rest test. Tune on dev only.

    .venv/bin/python bench/events_gsr.py --set all --split dev
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# Country codes the plover set writes in CAMEO's spelling rather than ISO3 (seen in its dev half: Japan as JAP).
CODE_FIXES = {"JAP": "JPN"}
EXTRA_CAMEO = {"02": "REQUEST"}  # appeals: PLOVER's REQUEST covers CAMEO 02 and 10
SETS = {"plover": "plover_gsr.jsonl", "petr": "PETR2_GSR_validation.jsonl"}
OWN = REPO / "bench" / "data"  # sentences written for this project, coded by hand: events_own*.jsonl
# Peers' figures, as the benchmark notes report them (UniversalPetrarch, on its Spanish gold).
PEER = {"correct": 0.44, "missed": 0.56, "extra": 3.2}


# =============================================================================================================
# data
# =============================================================================================================


@dataclass(frozen=True)
class GoldEvent:
    type: str
    sources: frozenset[str]  # ISO3 codes
    targets: frozenset[str]
    joint: bool = False  # SRC/TAR: every actor on both sides


@dataclass
class Item:
    set: str
    id: str
    text: str
    date: str | None
    events: list[GoldEvent]
    no_event: bool = False


@dataclass
class Coded:
    """One event as newsgraph codes it: a type and the countries on each side."""

    type: str
    sources: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)


def country_codes() -> frozenset[str]:
    from newsgraph.gazetteer import load_gazetteer

    return frozenset(e.iso3 for e in load_gazetteer().entries.values() if e.type == "country" and e.iso3)


def load_plover(path: Path, iso3: frozenset[str]) -> list[Item]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        events = []
        for exp in rec.get("expected") or []:
            kind = OLD_LABELS.get(exp["plover"], exp["plover"])
            sources = _codes(exp.get("source"), iso3)
            targets = _codes(exp.get("target"), iso3)
            joint = "(SRC/TAR:" in (rec.get("markup") or "")
            events.append(GoldEvent(kind, sources, targets, joint))
        items.append(Item("plover", rec["id"], rec["text"], rec.get("date"), events))
    return items


def load_own(folder: Path, iso3: frozenset[str]) -> list[Item]:
    """The project's own hand-coded sentences: the plover layout, with 'joint' for acts on both sides and
    'noevents' for sentences that report none."""
    items = []
    for path in sorted(folder.glob("events_own*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            events = [GoldEvent(exp["plover"], _codes(exp.get("source"), iso3), _codes(exp.get("target"), iso3),
                                bool(exp.get("joint") or rec.get("joint"))) for exp in rec.get("expected") or []]
            items.append(Item("own", rec["id"], rec["text"], rec.get("date"), events, bool(rec.get("noevents"))))
    return items


def _codes(actors: list[dict] | str | None, iso3: frozenset[str]) -> frozenset[str]:
    if not actors or isinstance(actors, str):
        return frozenset()
    codes = (CODE_FIXES.get(a.get("code"), a.get("code")) for a in actors)
    return frozenset(c for c in codes if c in iso3)


def cameo_table(path: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER type, from the conversion table ('0311: AGREE, , economic # ...')."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if m and len(m.group(1)) > 2:
            table[m.group(1)] = m.group(2)
    return table


def plover_type(code: str, table: dict[str, str]) -> str | None:
    """The PLOVER type of a CAMEO code: its own row, else that of its most specific parent."""
    for k in range(len(code), 1, -1):
        if code[:k] in table:
            return table[code[:k]]
        if code[:k] in EXTRA_CAMEO:
            return EXTRA_CAMEO[code[:k]]
    return None


def load_petr(path: Path, table: dict[str, str], iso3: frozenset[str]) -> list[Item]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        date = rec.get("date") or ""
        published = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if re.fullmatch(r"\d{8}", date) else None
        expected = rec.get("expected") or []
        no_event = any(str(e.get("noevents", "")).lower() == "true" for e in expected)
        events = []
        for exp in expected:
            kind = plover_type(str(exp.get("eventcode", "")), table)
            if kind is None:
                continue
            events.append(GoldEvent(kind, _petr_country(exp.get("sourcecode"), iso3),
                                    _petr_country(exp.get("targetcode"), iso3)))
        items.append(Item("petr", rec["id"], rec["text"], published, events, no_event))
    return items


def _petr_country(code: str | None, iso3: frozenset[str]) -> frozenset[str]:
    return frozenset([code[:3]]) if code and code[:3] in iso3 else frozenset()


def split(items: list[Item], which: str) -> list[Item]:
    """Records whose id sorts in the first half are dev, the rest test."""
    ordered = sorted(items, key=lambda i: i.id)
    half = (len(ordered) + 1) // 2
    return {"dev": ordered[:half], "test": ordered[half:], "all": ordered}[which]


def scoreable(item: Item) -> bool:
    """A sentence is scored when it has an expected PLOVER event or is marked as having none."""
    return bool(item.events) or item.no_event


# =============================================================================================================
# running newsgraph
# =============================================================================================================


def code_sentence(item: Item) -> list[Coded]:
    """newsgraph's events for one sentence, one per trigger, with the countries of their actors."""
    from newsgraph import actors, events
    from newsgraph.model import Document
    from newsgraph.nlp import parse

    doc = Document(item.id, "benchmark", item.text, published=item.date, language="en")
    parsed = parse(item.text)
    mentions, found = actors.find_mentions(doc, parsed)
    countries = actor_countries(found, events.extract_relations(doc, parsed, mentions))
    groups: list[tuple[str, set[str], set[tuple[int, int]], Coded]] = []
    for e in events.extract_events(doc, parsed, mentions):
        kind = events.plover_type(e)
        if kind is None:
            continue
        actors_here = {a for a in (e.source, e.target) if a}
        group = next((g for g in groups if g[0] == kind and ((e.start, e.end) in g[2] or actors_here & g[1])),
                     None)
        if group is None:
            group = (kind, set(), set(), Coded(kind))
            groups.append(group)
        group[1].update(actors_here)
        group[2].add((e.start, e.end))
        for actor, side in ((e.source, group[3].sources), (e.target, group[3].targets)):
            code = countries(actor)
            if code:
                side.add(code)
    return [g[3] for g in groups]


def actor_countries(found: list, ties: list) -> Callable[[str | None], str | None]:
    """A function from actor id to ISO3, the way an event coder codes an actor by the state it belongs to:
    the actor's own code; the state a role names ('role:president:kazakhstan'); else the state a tie of the
    same text attaches it to (LEADS, MEMBER_OF, PART_OF: 'Zimbabwean Prime Minister Robert Mugabe')."""
    from newsgraph.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    own = {a.id: a.codes.get("iso3") for a in found}

    def direct(actor: str) -> str | None:
        if own.get(actor):
            return own[actor]
        entry = gaz.entries.get(actor) or gaz.entries.get(actor.split(":")[-1])
        return entry.iso3 if entry is not None and entry.type == "country" else None

    belongs = {}
    for tie in ties:
        if tie.type in {"LEADS", "MEMBER_OF", "PART_OF"} and direct(tie.target) and not direct(tie.source):
            belongs.setdefault(tie.source, direct(tie.target))

    def country(actor: str | None) -> str | None:
        return (direct(actor) or belongs.get(actor)) if actor else None

    return country


# =============================================================================================================
# scoring
# =============================================================================================================


@dataclass
class Scores:
    sentences: int = 0
    with_events: int = 0
    type_hits: int = 0  # sentences whose every expected type newsgraph gives
    type_exact: int = 0  # ... and no other type
    gold_events: int = 0
    correct: int = 0  # expected events matched by type and countries
    extra: int = 0  # newsgraph events not matched to an expected event
    no_event: int = 0
    no_event_quiet: int = 0
    domestic: int = 0  # expected events whose target country is the source's own
    sides: dict[str, Counter] = field(default_factory=lambda: {"source": Counter(), "target": Counter()})
    confusion: Counter = field(default_factory=Counter)

    def add(self, item: Item, coded: list[Coded]) -> None:
        self.sentences += 1
        if item.no_event and not item.events:
            self.no_event += 1
            self.no_event_quiet += not coded
        gold_types = {g.type for g in item.events}
        got_types = {c.type for c in coded}
        if item.events:
            self.with_events += 1
            self.type_hits += gold_types <= got_types
            self.type_exact += gold_types == got_types
            for g in gold_types:
                self.confusion[(g, "+".join(sorted(got_types)) or "-")] += 1
        self._add_sides(item, coded)
        self._add_events(item, coded)

    def _add_sides(self, item: Item, coded: list[Coded]) -> None:
        joint = bool(item.events) and all(g.joint for g in item.events)
        for side in ("source", "target"):
            if joint:  # "X and Y agreed": each takes part on both sides
                gold = {c for g in item.events for c in g.sources | g.targets}
                got = {c for e in coded for c in e.sources | e.targets}
            else:
                gold = {c for g in item.events for c in (g.sources if side == "source" else g.targets)}
                got = {c for e in coded for c in (e.sources if side == "source" else e.targets)}
            tally = self.sides[side]
            tally["tp"] += len(gold & got)
            tally["fp"] += len(got - gold)
            tally["fn"] += len(gold - got)

    def _add_events(self, item: Item, coded: list[Coded]) -> None:
        free = list(coded)
        for g in item.events:
            self.gold_events += 1
            self.domestic += bool(g.targets) and g.targets == g.sources and not g.joint
            match = next((c for c in free if c.type == g.type and _fits(g, c)), None)
            if match is not None:
                self.correct += 1
                free.remove(match)
            else:  # the type alone still uses up a coded event, so it is not counted as extra too
                same = next((c for c in free if c.type == g.type), None)
                if same is not None:
                    free.remove(same)
        self.extra += len(free)

    def side_prf(self, side: str) -> tuple[float, float, float]:
        t = self.sides[side]
        p = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 0.0
        r = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _fits(g: GoldEvent, c: Coded) -> bool:
    """Countries agree where the gold names a country (a joint event's actors may sit on either side)."""
    if g.joint:
        everyone = g.sources | g.targets
        return not everyone or bool((c.sources | c.targets) & everyone)
    return (not g.sources or bool(c.sources & g.sources)) and (not g.targets or bool(c.targets & g.targets))


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def report(name: str, s: Scores, seconds: float) -> list[str]:
    lines = [f"== {name}: {s.sentences} sentences ({s.with_events} with a PLOVER event, {s.no_event} 'no events'), "
             f"{seconds:.1f} s"]
    lines.append(f"event type accuracy   {_ratio(s.type_hits, s.with_events):.3f}   "
                 f"({s.type_hits}/{s.with_events}; exact type set {_ratio(s.type_exact, s.with_events):.3f})")
    for side in ("source", "target"):
        p, r, f = s.side_prf(side)
        lines.append(f"{side} country         P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if s.no_event:
        lines.append(f"no-event sentences quiet {_ratio(s.no_event_quiet, s.no_event):.3f}   "
                     f"({s.no_event_quiet}/{s.no_event})")
    lines.append(f"domestic targets      {s.domestic}/{s.gold_events} expected events act on the source's own state")
    lines.append(f"share correct         {_ratio(s.correct, s.gold_events):.3f}   (peer {PEER['correct']:.2f})")
    lines.append(f"share missed          {1 - _ratio(s.correct, s.gold_events):.3f}   (peer {PEER['missed']:.2f})")
    lines.append(f"extra per sentence    {_ratio(s.extra, s.sentences):.3f}   (peer {PEER['extra']:.1f})")
    return lines


# =============================================================================================================
# main
# =============================================================================================================


def load_items(shared: Path, which: str) -> dict[str, list[Item]]:
    folder = shared / "benchmarks" / "event-coding"
    if which != "own" and not (folder / SETS["plover"]).is_file():
        raise FileNotFoundError(f"benchmark data not found: {folder} (pass --shared PATH)")
    iso3 = country_codes()
    out = {}
    if which in {"plover", "all"}:
        out["plover"] = load_plover(folder / SETS["plover"], iso3)
    if which in {"petr", "all"}:
        out["petr"] = load_petr(folder / SETS["petr"], cameo_table(folder / "CAMEO2PLOVER-2021.txt"), iso3)
    if which in {"own", "all"}:
        out["own"] = load_own(OWN, iso3)
    return out


def run(items: list[Item], misses: int = 0, side_misses: int = 0) -> tuple[Scores, list[str]]:
    scores = Scores()
    shown: list[str] = []
    sides_shown = 0
    for item in items:
        if not scoreable(item):
            continue
        coded = code_sentence(item)
        scores.add(item, coded)
        gold_types = {g.type for g in item.events}
        wrong_type = len(shown) - sides_shown < misses and gold_types != {c.type for c in coded}
        wrong_side = sides_shown < side_misses and side_miss(item, coded)
        if wrong_type or wrong_side:
            sides_shown += wrong_side and not wrong_type
            shown.append(f"{item.id}: want {sorted(gold_types) or '-'} "
                         f"{[(sorted(g.sources), sorted(g.targets)) for g in item.events]}; got "
                         f"{[(c.type, sorted(c.sources), sorted(c.targets)) for c in coded]}\n    {item.text}")
    return scores, shown


def side_miss(item: Item, coded: list[Coded]) -> bool:
    """Whether the sentence's source or target countries differ from the expected ones (as `Scores` counts them)."""
    probe = Scores()
    probe._add_sides(item, coded)
    return any(probe.sides[side][k] for side in ("source", "target") for k in ("fp", "fn"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=["plover", "petr", "own", "all"], default="all")
    parser.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N sentences of each set")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--misses", type=int, default=0, help="list N sentences whose types differ")
    parser.add_argument("--side-misses", type=int, default=0,
                        help="list N (more) sentences whose source or target countries differ")
    args = parser.parse_args(argv)
    try:
        sets = load_items(args.shared, args.set)
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 2
    for name, items in sets.items():
        chosen = [i for i in (items if name == "own" else split(items, args.split)) if scoreable(i)]
        if args.limit:
            chosen = chosen[:args.limit]
        start = time.perf_counter()
        scores, shown = run(chosen, args.misses, args.side_misses)
        print("\n".join(report(f"{name} {args.split}", scores, time.perf_counter() - start)))
        for line in shown:
            print("  " + line)
        if args.misses or args.side_misses:
            print("  confusion (want, got):", scores.confusion.most_common(25))
    return 0


if __name__ == "__main__":
    sys.exit(main())
