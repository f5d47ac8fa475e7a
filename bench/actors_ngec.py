"""Score newsgraph's actor resolution on the country cases of the NGEC actor-resolution tests.

`<shared>/benchmarks/event-coding/ngec_actor_resolution_cases.json` holds the test cases of the NGEC event
coder's actor resolver: an actor text (for some an optional context and date) and what the resolver must
return. A case is a *country case* when one of its assertions compares the country code (`code['country']`
or `cc`) with a value, and that value (given directly or through the case's `correct_country`) is a state's
ISO 3166 alpha-3 code (or XKX, the code in common use for Kosovo). Cases that expect no country (''), an
international body (IGO, UNO, EUR) or a sector (LEG) are not country cases and are left out.

Each case runs through newsgraph's own mechanism: the actor text, with its context words before it when the
case gives any, becomes a Document; spaCy parses it; `actors.find_mentions` finds the mentions and actors;
the actor for the case text is the one whose mention overlaps the case text most (the longest, then the
last, as English puts a phrase's head last); its `codes.iso3` (or, for a role description such as 'the
Mongolian President', the state of the role) is compared with the expected code. The date is not used.

    .venv/bin/python bench/actors_ngec.py [--limit N] [--shared PATH] [--show-misses]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CASES = Path("benchmarks") / "event-coding" / "ngec_actor_resolution_cases.json"
NON_STATE_CODES = {"XKX"}  # codes in use for states that ISO 3166 does not list
_COUNTRY_ASSERT = re.compile(r"^\s*(?:code\[['\"]country['\"]\]|cc)\s*==\s*(.+?)\s*$")


@dataclass
class Case:
    name: str
    actor: str
    context: str
    expected: str


@dataclass
class Outcome:
    case: Case
    text: str
    got: str | None
    mention: str | None
    kind: str  # what newsgraph took the case text for: person, organization, ..., role, or none


def miss_class(o: Outcome) -> str:
    """How a miss went: the wrong state, or no state for the kind of actor newsgraph found (a person named
    without a title or a body named without a state word needs world knowledge the gazetteer lacks)."""
    if o.got is not None:
        return "wrong country"
    return "no actor found" if o.kind == "none" else f"no country ({o.kind})"


def _is_state_code(code: str) -> bool:
    import pycountry

    return bool(code) and (code in NON_STATE_CODES or pycountry.countries.get(alpha_3=code) is not None)


def _expected_value(raw: str, params: dict) -> str | None:
    """The value an assertion compares the country code with: a quoted literal or the case's correct_country."""
    if "correct_country" in raw:
        return (params.get("d") or {}).get("correct_country")
    literal = re.fullmatch(r"'([^']*)'|\"([^\"]*)\"", raw)
    return (literal.group(1) or literal.group(2) or "") if literal else None


def country_cases(records: list[dict]) -> list[Case]:
    """Every case whose expected country is a state's ISO3 code, in file order."""
    out = []
    for rec in records:
        call = rec["calls"][-1]
        args = list(call.get("args") or []) + ["", ""]
        for assertion in rec.get("asserts") or []:
            m = _COUNTRY_ASSERT.match(assertion)
            if not m:
                continue
            value = _expected_value(m.group(1), rec.get("params") or {})
            if value and _is_state_code(value):
                out.append(Case(rec["test"], str(args[0]).strip(), str(args[1] or "").strip(), value))
    return out


def case_text(case: Case) -> tuple[str, int, int]:
    """The text to parse and the character span of the actor text in it (context words go before it,
    after a leading article: 'the National Guard' with 'Saudi' reads 'the Saudi National Guard')."""
    if not case.context:
        return case.actor, 0, len(case.actor)
    article = re.match(r"(?i)(the|a|an)\s+", case.actor)
    if article:
        head = article.group(0)
        text = f"{head}{case.context} {case.actor[len(head):]}"
        return text, 0, len(text)
    text = f"{case.context} {case.actor}"
    return text, len(case.context) + 1, len(text)


def resolve(text: str, start: int, end: int) -> tuple[str | None, str | None, str]:
    """The ISO3 code newsgraph gives the actor named at text[start:end], the mention it chose and the kind of
    actor it took it for."""
    from newsgraph.actors import actor_country, find_mentions
    from newsgraph.model import Document
    from newsgraph.nlp import parse

    doc = Document("case", "ngec", text)
    mentions, actors = find_mentions(doc, parse(text))
    inside = [m for m in mentions if m.start < end and m.end > start]
    if not inside:
        return None, None, "none"
    best = max(inside, key=lambda m: (min(m.end, end) - max(m.start, start), m.start))
    actor = next((a for a in actors if a.id == best.actor), None)
    kind = actor.type if actor else "role"
    return actor_country(best.actor, actors), best.text, kind


def run(cases: list[Case]) -> list[Outcome]:
    out = []
    for case in cases:
        text, start, end = case_text(case)
        got, mention, kind = resolve(text, start, end)
        out.append(Outcome(case, text, got, mention, kind))
    return out


def load_cases(shared: Path) -> list[Case]:
    return country_cases(json.loads((shared / CASES).read_text(encoding="utf-8")))


def summary(outcomes: list[Outcome]) -> dict[str, float | int]:
    right = sum(o.got == o.case.expected for o in outcomes)
    none = sum(o.got is None for o in outcomes)
    n = len(outcomes)
    return {"cases": n, "right": right, "share_right": right / n if n else 0.0,
            "no_country": none, "wrong_country": n - right - none}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N country cases")
    parser.add_argument("--show-misses", action="store_true", help="list every case resolved wrongly")
    args = parser.parse_args()
    if not (args.shared / CASES).is_file():
        print(f"benchmark data not found: {args.shared / CASES} (../shared is absent)", file=sys.stderr)
        return 2
    cases = load_cases(args.shared)
    if args.limit:
        cases = cases[: args.limit]
    began = time.perf_counter()
    outcomes = run(cases)
    seconds = time.perf_counter() - began
    s = summary(outcomes)
    print(f"ngec country cases: {s['cases']}  right {s['right']} ({s['share_right']:.3f})  "
          f"no country {s['no_country']}  wrong country {s['wrong_country']}  ({seconds:.1f} s)")
    misses = [o for o in outcomes if o.got != o.case.expected]
    kinds = Counter(miss_class(o) for o in misses)
    print("misses: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    if args.show_misses:
        for o in misses:
            print(f"  {o.case.name:<28} {o.text!r:<60} want {o.case.expected} got {o.got or '-'}"
                  f"  ({miss_class(o)}: {o.mention!r})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
