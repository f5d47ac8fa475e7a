"""The graph for network tools (Gephi, Cytoscape, networkx): actors as nodes, ties and events as weighted edges.

Facts are aggregated so that a network tool sees how strongly two actors are
tied: one edge per source, target, kind and type (for events also per negated
and hypothetical flag, since "did not attack" is not "attacked"). Its weight is
the number of distinct evidence sentences, so a reprint that repeats a sentence
adds its document to `docs` but no weight. An event with an unknown side has no
edge. Every attribute has a value (empty text when unknown), because GraphML
readers such as Gephi expect one type per attribute and no nulls.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from newsgraph.export.jsonl import records
from newsgraph.store import Store

# Characters XML 1.0 cannot hold; article text is untrusted and could carry them.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
LIST_SEPARATOR = "; "


def _text(value: str | None) -> str:
    return XML_INVALID.sub("", value or "")


def _date_span(docs: Iterable[str], published: dict[str, str | None]) -> tuple[str, str]:
    """First and last publication date of the documents, or empty text when none is dated."""
    dates = sorted(d for d in (published.get(doc) for doc in docs) if d)
    return (dates[0], dates[-1]) if dates else ("", "")


@dataclass
class _Tie:
    """The facts behind one aggregated edge, in record order."""

    evidence: list[str] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    when: list[str] = field(default_factory=list)

    def add(self, rec: dict[str, Any]) -> None:
        for values, value in ((self.evidence, rec["evidence"]), (self.docs, rec["doc"]), (self.when, rec.get("when"))):
            if value and value not in values:
                values.append(value)


def _actor_node(rec: dict[str, Any], published: dict[str, str | None]) -> dict[str, Any]:
    first, last = _date_span(rec["docs"], published)
    codes = rec.get("codes") or {}
    return {
        "label": _text(rec["name"]), "name": _text(rec["name"]), "type": rec["type"],
        "description": _text(rec["description"]), "aliases": _text(LIST_SEPARATOR.join(rec["aliases"])),
        "iso3": codes.get("iso3") or "", "wikidata": codes.get("wikidata") or "",
        "doc_count": len(rec["docs"]), "docs": _text(LIST_SEPARATOR.join(rec["docs"])),
        "first_date": first, "last_date": last,
    }


def _edge(key: tuple[str, str, str, str, bool, bool], tie: _Tie, published: dict[str, str | None]) -> dict[str, Any]:
    kind, type_, _, _, negated, hypothetical = key
    first, last = _date_span(tie.docs, published)
    return {
        "label": type_, "kind": kind, "type": type_, "weight": float(len(tie.evidence)),
        "negated": negated, "hypothetical": hypothetical, "when": LIST_SEPARATOR.join(sorted(tie.when)),
        "doc_count": len(tie.docs), "docs": _text(LIST_SEPARATOR.join(tie.docs)),
        "first_date": first, "last_date": last, "evidence": _text(tie.evidence[0] if tie.evidence else ""),
    }


def build_graph(recs: Iterable[dict[str, Any]]) -> Any:
    """A networkx MultiDiGraph of exchange-format records: one node per actor, one edge per aggregated tie."""
    import networkx as nx

    recs = list(recs)
    published = {r["doc"]: r["published"] for r in recs if r["record"] == "document"}
    g = nx.MultiDiGraph()
    for rec in recs:
        if rec["record"] == "actor":
            g.add_node(rec["id"], **_actor_node(rec, published))
    ties: dict[tuple[str, str, str, str, bool, bool], _Tie] = {}
    for rec in recs:
        if rec["record"] not in ("relation", "event"):
            continue
        source, target = rec["source"], rec["target"]
        if source in g and target in g and source != target:
            key = (rec["record"], rec["type"], source, target, bool(rec.get("negated")), bool(rec.get("hypothetical")))
            ties.setdefault(key, _Tie()).add(rec)
    for key, tie in ties.items():
        kind, type_, source, target, negated, hypothetical = key
        flags = "".join(f":{name}" for name, on in (("negated", negated), ("hypothetical", hypothetical)) if on)
        # The key becomes the GraphML edge id, which must be unique in the file.
        g.add_edge(source, target, key=f"{kind}:{type_}:{source}->{target}{flags}", **_edge(key, tie, published))
    return g


def graph(store: Store) -> Any:
    """The stored graph as a networkx MultiDiGraph (see build_graph)."""
    return build_graph(records(store))


def write_graphml(store: Store, out: BinaryIO) -> tuple[int, int]:
    """Write the graph as GraphML to a binary stream; returns the numbers of nodes and edges."""
    import networkx as nx

    g = graph(store)
    nx.write_graphml(g, out)
    return g.number_of_nodes(), g.number_of_edges()
