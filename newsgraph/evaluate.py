"""The scorer: a built graph (exchange-format records) against a gold file in the SCHEMA.md format.

Documents are matched by id (the gold's short id is a unique prefix of the output id). Actors match
by name or alias, case and apostrophe style aside; every other category maps output actor ids to
gold ids through that actor match, so a fact counts only when its actors are the right ones.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from newsgraph.claims import DATE_UNITS, normalise_date, subject_words
from newsgraph.dates import Anchor

Record = dict[str, Any]
QUOTE_CHARS = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "`": "'", "“": '"', "”": '"',
                             "„": '"', "″": '"', "«": '"', "»": '"', "–": "-", "—": "-", "\u00a0": " "})
METADATA_FIELDS = ("outlet", "author", "title", "published", "language", "translated_from")
CLAIM_TOLERANCE = 0.01


# --------------------------------------------------------------------------- loading and helpers


def load_gold(path: str | Path) -> dict:
    """Read a gold YAML file; document ids are kept as strings ('000', never 0)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    for key in ("documents", "actors", "quotes", "relations", "events", "claims", "conflicts"):
        data.setdefault(key, [])
    return data


def fold_text(text: str) -> str:
    """Unicode-normalised, quote and dash styles unified, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).translate(QUOTE_CHARS)
    return re.sub(r"\s+", " ", text).strip()


def fold_name(name: str) -> str:
    """A name as compared between output and gold: lower case, leading 'the' dropped."""
    name = fold_text(name).lower().strip(" .,;:\"'")
    return re.sub(r"^the\s+", "", name)


def words(text: str) -> list[str]:
    """Lower-case words of a text, punctuation and quote marks dropped."""
    return re.findall(r"\w+(?:'\w+)?", fold_text(text).lower())


def prf(tp_out: int, n_out: int, tp_gold: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1; with no output precision is 0 unless there is nothing to find."""
    precision = tp_out / n_out if n_out else (1.0 if n_gold == 0 else 0.0)
    recall = tp_gold / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def by_kind(records: list[Record]) -> dict[str, list[Record]]:
    grouped: dict[str, list[Record]] = defaultdict(list)
    for rec in records:
        grouped[str(rec.get("record", ""))].append(rec)
    return grouped


def match_documents(gold_ids: list[str], output_ids: list[str]) -> dict[str, str]:
    """Output doc id -> gold doc id, where the gold id equals the output id or is its unique prefix."""
    mapping: dict[str, str] = {}
    for gid in gold_ids:
        if gid in output_ids:
            mapping[gid] = gid
            continue
        candidates = [o for o in output_ids if o.startswith(gid)]
        if len(candidates) == 1:
            mapping[candidates[0]] = gid
    return mapping


# --------------------------------------------------------------------------- actors


def match_actors(output: list[Record], gold: list[dict]) -> dict[str, str]:
    """Output actor id -> gold actor id: the first gold actor whose name, then alias, matches the
    output name; failing that, the first whose name, then alias, matches an output alias."""
    gold_names = [(g["id"], fold_name(g["name"])) for g in gold]
    gold_aliases = [(g["id"], {fold_name(a) for a in g.get("aliases") or []}) for g in gold]
    mapping: dict[str, str] = {}
    for actor in output:
        forms = [fold_name(actor.get("name") or "")] + [fold_name(a) for a in actor.get("aliases") or []]
        mapping_for = _first_gold_match(forms[0], gold_names, gold_aliases)
        for alias in forms[1:]:
            if mapping_for is not None:
                break
            mapping_for = _first_gold_match(alias, gold_names, gold_aliases)
        if mapping_for is not None:
            mapping[actor["id"]] = mapping_for
    return mapping


def _first_gold_match(form: str, names: list[tuple[str, str]],
                      aliases: list[tuple[str, set[str]]]) -> str | None:
    if not form:
        return None
    for gid, name in names:
        if form == name:
            return gid
    for gid, forms in aliases:
        if form in forms:
            return gid
    return None


class ActorMap:
    """Output actor ids to gold ids; an id with no actor record counts when it is itself a gold id."""

    def __init__(self, output: list[Record], gold: list[dict]):
        self.mapping = match_actors(output, gold)
        self.known = {a["id"] for a in output}
        self.gold_ids = {g["id"] for g in gold}

    def __call__(self, actor_id: str | None) -> str | None:
        if actor_id is None:
            return None
        if actor_id in self.mapping:
            return self.mapping[actor_id]
        if actor_id not in self.known and actor_id in self.gold_ids:
            return actor_id
        return f"?{actor_id}"


def score_actors(output: list[Record], gold: list[dict], docs: dict[str, str], amap: ActorMap) -> dict:
    gold_pairs = {(str(d), g["id"]) for g in gold for d in g.get("docs") or []}
    out_pairs = {(docs[d], amap(a["id"])) for a in output for d in a.get("docs") or [] if d in docs}
    tp = len(out_pairs & gold_pairs)
    return {**prf(tp, len(out_pairs), tp, len(gold_pairs)), "tp": tp, "output": len(out_pairs),
            "gold": len(gold_pairs)}


# --------------------------------------------------------------------------- quotes


def quote_overlap(starts: str, text: str) -> int:
    """How well an output quote's text overlaps the gold quote's first words: 2 when the output
    contains them, 1 when they contain a substantial part of the output (half its words, two at
    least, in one run), 0 otherwise."""
    gold_words, out_words = words(starts), words(text)
    if not gold_words or not out_words:
        return 0
    if _contains(out_words, gold_words):
        return 2
    run = _longest_run(gold_words, out_words)
    return 1 if run >= max(2, min(len(gold_words), (len(out_words) + 1) // 2)) else 0


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def _longest_run(a: list[str], b: list[str]) -> int:
    best = 0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            if x == y:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def score_quotes(output: list[Record], gold: list[dict], docs: dict[str, str], amap: ActorMap) -> dict:
    out_by_doc: dict[str, list[Record]] = defaultdict(list)
    for q in output:
        if q.get("doc") in docs:
            out_by_doc[docs[q["doc"]]].append(q)
    matched_out: set[int] = set()
    found = speaker_right = 0
    for g in gold:
        candidates = [(quote_overlap(g["starts"], q.get("text") or ""), q) for q in out_by_doc[str(g["doc"])]]
        hits = [(s, q) for s, q in candidates if s]
        matched_out.update(id(q) for _, q in hits)
        if not hits:
            continue
        found += 1
        best = max(hits, key=lambda h: h[0])[1]
        speaker_right += amap(best.get("speaker")) == g.get("speaker")
    n_out = sum(len(v) for v in out_by_doc.values())
    result = prf(len(matched_out), n_out, found, len(gold))
    result.update({"found": found, "gold": len(gold), "output": n_out, "output_matched": len(matched_out),
                   "speaker_accuracy": round(speaker_right / found, 3) if found else 0.0,
                   "speaker_right": speaker_right})
    return result


# --------------------------------------------------------------------------- relations and events


def score_triples(output: list[Record], gold: list[dict], docs: dict[str, str], amap: ActorMap) -> dict:
    """(doc, source, type, target) sets; `when` and evidence are not compared."""
    gold_set = {(str(g["doc"]), g.get("source"), g["type"], g.get("target")) for g in gold}
    out_set = {(docs[r["doc"]], amap(r.get("source")), r.get("type"), amap(r.get("target")))
               for r in output if r.get("doc") in docs}
    tp = len(out_set & gold_set)
    return {**prf(tp, len(out_set), tp, len(gold_set)), "tp": tp, "output": len(out_set), "gold": len(gold_set)}


# --------------------------------------------------------------------------- documents


def score_duplicates(output: list[Record], gold_docs: list[dict], docs: dict[str, str]) -> dict:
    gold_pairs = {(str(g["doc"]), str(g["duplicate_of"])) for g in gold_docs if g.get("duplicate_of")}
    out_pairs = {(docs[d["doc"]], docs.get(d["duplicate_of"], f"?{d['duplicate_of']}"))
                 for d in output if d.get("duplicate_of") and d.get("doc") in docs}
    tp = len(out_pairs & gold_pairs)
    return {**prf(tp, len(out_pairs), tp, len(gold_pairs)), "tp": tp, "output": len(out_pairs),
            "gold": len(gold_pairs)}


def score_metadata(output: list[Record], gold_docs: list[dict], docs: dict[str, str]) -> dict:
    """Share of gold documents whose metadata field the output gives right (dates by prefix)."""
    by_gold = {docs[d["doc"]]: d for d in output if d.get("doc") in docs}
    fields = {}
    for name in METADATA_FIELDS:
        right = 0
        for g in gold_docs:
            out = by_gold.get(str(g["doc"]))
            right += out is not None and _same_field(name, g.get(name), out.get(name))
        fields[name] = round(right / len(gold_docs), 3) if gold_docs else 0.0
    return {"gold": len(gold_docs), "matched": len(by_gold), "fields": fields}


def _same_field(name: str, gold: Any, out: Any) -> bool:
    if gold is None or out is None:
        return gold is None and out is None
    if name == "published":
        return str(out).startswith(str(gold))
    return fold_name(str(gold)) == fold_name(str(out))


def score_boilerplate(output: list[Record], gold_docs: list[dict], docs: dict[str, str],
                      corpus_dir: Path | None) -> dict:
    """Gold boilerplate lines found in removed_lines; body lines of the original file kept in the text."""
    by_gold = {docs[d["doc"]]: d for d in output if d.get("doc") in docs}
    removed = total = kept = body = 0
    for g in gold_docs:
        out = by_gold.get(str(g["doc"]))
        lines = {fold_text(x) for x in g.get("boilerplate") or []}
        gone = {fold_text(x) for x in (out or {}).get("removed_lines") or []}
        total += len(lines)
        removed += len(lines & gone)
        if corpus_dir is not None:
            body_lines = _body_lines(corpus_dir, g, lines)
            text = fold_text((out or {}).get("text") or "")
            body += len(body_lines)
            kept += sum(1 for line in body_lines if out is not None and line in text)
    result: dict[str, Any] = {"removed": round(removed / total, 3) if total else 1.0,
                              "removed_count": removed, "gold_lines": total}
    if corpus_dir is not None:
        result.update({"body_kept": round(kept / body, 3) if body else 1.0, "body_kept_count": kept,
                       "body_lines": body})
    else:
        result["body_kept"] = None
    return result


def find_source(corpus_dir: Path, gold_id: str) -> Path | None:
    """The corpus file a gold id names: same stem, or the one file whose stem starts with it."""
    files = [p for p in sorted(Path(corpus_dir).iterdir()) if p.is_file()]
    exact = [p for p in files if p.stem == gold_id]
    if exact:
        return exact[0]
    prefixed = [p for p in files if p.stem.startswith(gold_id)]
    return prefixed[0] if len(prefixed) == 1 else None


def _body_lines(corpus_dir: Path, gold_doc: dict, boilerplate: set[str]) -> list[str]:
    """Non-empty lines from the one holding body_starts to the one holding body_ends, boilerplate out."""
    path = find_source(corpus_dir, str(gold_doc["doc"]))
    if path is None or not gold_doc.get("body_starts") or not gold_doc.get("body_ends"):
        return []
    lines = [fold_text(x) for x in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    first_words, last_words = fold_text(gold_doc["body_starts"]), fold_text(gold_doc["body_ends"])
    start = next((i for i, x in enumerate(lines) if first_words in x), None)
    if start is None:
        return []
    end = next((i for i in range(start, len(lines)) if last_words in lines[i]), len(lines) - 1)
    return [x for x in lines[start:end + 1] if x and x not in boilerplate]


# --------------------------------------------------------------------------- claims and conflicts


def claim_iso(value: Any, unit: str | None, ref: Anchor | None) -> str | None:
    """The ISO form of a date-like claim value (years, dates, '3-4 June' read against `ref`)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(int(value)) if unit in DATE_UNITS and float(value).is_integer() else None
    text = str(value).strip()
    if re.fullmatch(r"(?:\d{4}|-)(?:-\d{2}){0,2}(?:/(?:\d{4}|-)(?:-\d{2}){0,2})?", text):
        return text
    return normalise_date(text, ref)


def _is_date(value: Any, unit: str | None) -> bool:
    return isinstance(value, str) or (unit or "").split(" (")[0] in DATE_UNITS


def claim_matches(gold: dict, out: Record, ref: Anchor | None) -> bool:
    """Same value within 1%; dates when the output's ISO form starts with the gold's (both read
    against the gold document's date); values in words when the words are the same."""
    if _is_date(gold.get("value"), gold.get("unit")):
        g = claim_iso(gold.get("value"), gold.get("unit"), ref)
        o = claim_iso(out.get("value"), out.get("unit"), ref)
        if g is None:  # a value in words ('larger than all of Western Europe'): the same words
            return fold_name(str(gold.get("value"))) == fold_name(str(out.get("value")))
        return bool(o and o.startswith(g))
    value = out.get("value")
    if not isinstance(value, int | float) or isinstance(value, bool):
        return False
    target = float(gold["value"])
    return abs(float(value) - target) <= CLAIM_TOLERANCE * abs(target)


def score_claims(output: list[Record], gold: list[dict], gold_docs: list[dict], docs: dict[str, str]) -> dict:
    refs = {str(g["doc"]): Anchor.parse(g.get("published")) for g in gold_docs}
    out_by_doc: dict[str, list[Record]] = defaultdict(list)
    for c in output:
        if c.get("doc") in docs:
            out_by_doc[docs[c["doc"]]].append(c)
    found = sum(1 for g in gold if any(claim_matches(g, o, refs.get(str(g["doc"])))
                                       for o in out_by_doc[str(g["doc"])]))
    n_out = sum(len(v) for v in out_by_doc.values())
    return {"found": found, "gold": len(gold), "recall": round(found / len(gold), 3) if gold else 1.0,
            "output": n_out}


def score_conflicts(output: list[Record], gold: list[dict], docs: dict[str, str]) -> dict:
    """A gold conflict is hit by an output conflict whose statements cover its documents and whose
    topic shares a key word with it."""
    hit = 0
    for g in gold:
        gold_docs = {str(s["doc"]) for s in g.get("statements") or []}
        keys = subject_words(g.get("topic") or "")
        for c in output:
            out_docs = {docs.get(s.get("doc")) for s in c.get("statements") or []}
            if gold_docs <= out_docs and keys & subject_words(c.get("topic") or ""):
                hit += 1
                break
    return {"hit": hit, "gold": len(gold), "output": len(output)}


# --------------------------------------------------------------------------- all together


def score(records: list[Record], gold: dict, corpus_dir: str | Path | None = None) -> dict:
    """Every category's scores for one graph against one gold file."""
    kinds = by_kind(records)
    gold_docs = gold.get("documents") or []
    docs = match_documents([str(g["doc"]) for g in gold_docs], [str(d["doc"]) for d in kinds["document"]])
    amap = ActorMap(kinds["actor"], gold.get("actors") or [])
    corpus = Path(corpus_dir) if corpus_dir is not None else None
    return {
        "documents": score_metadata(kinds["document"], gold_docs, docs),
        "actors": score_actors(kinds["actor"], gold.get("actors") or [], docs, amap),
        "quotes": score_quotes(kinds["quote"], gold.get("quotes") or [], docs, amap),
        "relations": score_triples(kinds["relation"], gold.get("relations") or [], docs, amap),
        "events": score_triples(kinds["event"], gold.get("events") or [], docs, amap),
        "duplicates": score_duplicates(kinds["document"], gold_docs, docs),
        "boilerplate": score_boilerplate(kinds["document"], gold_docs, docs, corpus),
        "claims": score_claims(kinds["claim"], gold.get("claims") or [], gold_docs, docs),
        "conflicts": score_conflicts(kinds["conflict"], gold.get("conflicts") or [], docs),
    }


def _num(value: Any) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_table(scores: dict) -> str:
    """The scores as a plain text table for the terminal."""
    rows = [("category", "precision", "recall", "F1", "counts")]
    for name in ("actors", "quotes", "relations", "events", "duplicates"):
        s = scores[name]
        if name == "quotes":
            counts = (f"found {s['found']}/{s['gold']}, output {s['output_matched']}/{s['output']} matched, "
                      f"speaker right {s['speaker_right']}/{s['found']} ({_num(s['speaker_accuracy'])})")
        else:
            counts = f"tp {s['tp']}, output {s['output']}, gold {s['gold']}"
        rows.append((name, _num(s["precision"]), _num(s["recall"]), _num(s["f1"]), counts))
    b = scores["boilerplate"]
    body = (f"body lines kept {b['body_kept_count']}/{b['body_lines']} ({_num(b['body_kept'])})"
            if b.get("body_kept") is not None else "body lines kept: not measured (no corpus folder)")
    rows.append(("boilerplate", "-", _num(b["removed"]), "-",
                 f"removed {b['removed_count']}/{b['gold_lines']}; {body}"))
    c = scores["claims"]
    rows.append(("claims", "-", _num(c["recall"]), "-", f"found {c['found']}/{c['gold']}, output {c['output']}"))
    k = scores["conflicts"]
    rows.append(("conflicts", "-", _num(k["hit"] / k["gold"] if k["gold"] else None), "-",
                 f"hit {k['hit']}/{k['gold']}, output {k['output']}"))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join(cell.ljust(widths[i]) if i < 4 else cell for i, cell in enumerate(r)) for r in rows]
    lines.insert(1, "-" * max(len(x) for x in lines))
    d = scores["documents"]
    fields = ", ".join(f"{k} {_num(v)}" for k, v in d["fields"].items())
    lines.append(f"documents matched {d['matched']}/{d['gold']}; metadata right: {fields}")
    return "\n".join(lines)
