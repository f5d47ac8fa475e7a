"""Read queries for pages and API: SQLAlchemy Core, bound parameters, one page of rows at a time.

Lists are paged in two steps: the page's keys come from one of the web index's ordered indexes
(LIMIT/OFFSET over an index range), then only those rows are joined to their details. Nothing
reads a whole table per request; the overview's figures are read from the web index's state.

Every function returns plain dicts shaped like the API's response models (models.py).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, case, func, literal, select, union_all

from newsgraph import store as st
from newsgraph.web.index import Gen, json_list, summary
from newsgraph.web.links import actor_path, doc_path, story_path
from newsgraph.web.text import WINDOW, sentence_around, web_url

MAX_IN = 500  # ids looked up in one IN (...) list


@dataclass(frozen=True)
class Paging:
    page: int = 1
    per_page: int = 20

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


@dataclass(frozen=True)
class Dates:
    """An inclusive date range; either end may be open. Values are YYYY, YYYY-MM or YYYY-MM-DD."""

    since: str | None = None
    until: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.since or self.until)

    def where(self, undated: Any, day: Any) -> list[Any]:
        if not self.active:
            return []
        out = [undated == 0]
        if self.since:
            out.append(day >= self.since)
        if self.until and (bound := after(self.until)):
            out.append(day < bound)
        return out


def after(until: str) -> str | None:
    """A date string that sorts after every date inside `until` and before any later one: its last
    part plus one ("2024-05" gives "2024-06"), carried into the part before when it overflows.
    Plain string order is enough, so no calendar is needed and any database compares it."""
    parts = until.split("-")
    bumped = str(int(parts[-1]) + 1).zfill(len(parts[-1]))
    if len(bumped) > len(parts[-1]):
        return after("-".join(parts[:-1])) if len(parts) > 1 else None
    return "-".join(parts[:-1] + [bumped])


def _count(conn: Connection, sel: Any) -> int:
    return int(conn.execute(sel).scalar() or 0)


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


# --------------------------------------------------------------------------- documents

d = st.documents
DOC_COLS = (d.c.id, d.c.source, d.c.title, d.c.outlet, d.c.author, d.c.published, d.c.language,
            d.c.translated_from, d.c.duplicate_of, d.c.duplicate_kind, d.c.duplicate_score, d.c.removed_lines)


def _doc_out(r: Any) -> dict[str, Any]:
    score = r["duplicate_score"]
    return {
        "id": r["id"], "source": r["source"], "url": web_url(r["source"]), "title": r["title"],
        "outlet": r["outlet"], "author": r["author"], "published": r["published"], "language": r["language"],
        "translated_from": r["translated_from"], "duplicate_of": r["duplicate_of"],
        "duplicate_kind": r["duplicate_kind"],
        "duplicate_score": score if isinstance(score, int | float) and math.isfinite(score) else None,
        "removed_lines": len(json_list(r["removed_lines"])), "link": doc_path(r["id"]),
    }


def documents(conn: Connection, g: Gen, paging: Paging, outlet: str | None = None, language: str | None = None,
              story: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """Documents, newest first, optionally of one outlet, language or story."""
    where = []
    if outlet is not None:
        where.append(d.c.outlet == outlet)
    if language is not None:
        where.append(d.c.language == language)
    source: Any = d
    if story is not None:
        source = d.join(g.doc_story, g.doc_story.c.doc == d.c.id)
        where.append(g.doc_story.c.story == story)
    total = _count(conn, select(func.count()).select_from(source).where(*where))
    sel = (select(*DOC_COLS).select_from(source).where(*where)
           .order_by(d.c.published.desc(), d.c.id.desc()).limit(paging.per_page).offset(paging.offset))
    return [_doc_out(r) for r in conn.execute(sel).mappings()], total


def doc_refs(conn: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Title, outlet and date of a few documents, by id."""
    out: dict[str, dict[str, Any]] = {}
    unique = list(dict.fromkeys(i for i in ids if isinstance(i, str)))
    for i in range(0, len(unique), MAX_IN):
        sel = select(d.c.id, d.c.title, d.c.outlet, d.c.published).where(d.c.id.in_(unique[i:i + MAX_IN]))
        out.update({r["id"]: dict(r) for r in conn.execute(sel).mappings()})
    return out


def document(conn: Connection, g: Gen, doc_id: str) -> dict[str, Any] | None:
    """One document with its text, removed lines, copies and story."""
    row = conn.execute(select(*DOC_COLS, d.c.text).where(d.c.id == doc_id)).mappings().first()
    if row is None:
        return None
    out = _doc_out(row)
    out["text"] = row["text"] or ""
    out["removed"] = [str(x) for x in json_list(row["removed_lines"])]
    out["copies"] = copies(conn, doc_id, row["duplicate_of"], row["duplicate_kind"], out["duplicate_score"])
    story_id = conn.execute(select(g.doc_story.c.story).where(g.doc_story.c.doc == doc_id).limit(1)).scalar()
    out["story"] = story(conn, g, story_id) if story_id else None
    return out


def copies(conn: Connection, doc_id: str, copy_of: str | None, kind: str | None, score: float | None,
           limit: int = 200) -> list[dict[str, Any]]:
    """What this document copies, and the documents that copy it."""
    out = []
    if copy_of:
        ref = doc_refs(conn, [copy_of]).get(copy_of, {"id": copy_of})
        out.append({"doc": ref, "kind": kind, "score": score, "relation": "copy_of"})
    sel = (select(d.c.id, d.c.title, d.c.outlet, d.c.published, d.c.duplicate_kind, d.c.duplicate_score)
           .where(d.c.duplicate_of == doc_id).order_by(d.c.id).limit(limit))
    for r in conn.execute(sel).mappings():
        s = r["duplicate_score"]
        out.append({"doc": {k: r[k] for k in ("id", "title", "outlet", "published")}, "kind": r["duplicate_kind"],
                    "score": s if isinstance(s, int | float) and math.isfinite(s) else None,
                    "relation": "copied_by"})
    return out


# --------------------------------------------------------------------------- facts of one document


def _names(conn: Connection, ids: list[str | None]) -> dict[str, str]:
    wanted = list(dict.fromkeys(i for i in ids if i))
    out: dict[str, str] = {}
    for i in range(0, len(wanted), MAX_IN):
        sel = select(st.actors.c.id, st.actors.c.name).where(st.actors.c.id.in_(wanted[i:i + MAX_IN]))
        out.update({r.id: r.name for r in conn.execute(sel)})
    return out


def document_facts(conn: Connection, g: Gen, doc_id: str, text: str) -> dict[str, list[dict[str, Any]]]:
    """Every fact of one document with corpus actor ids, in text order."""
    local = {r.local_id: r.actor_id for r in
             conn.execute(select(st.actor_map.c.local_id, st.actor_map.c.actor_id)
                          .where(st.actor_map.c.doc == doc_id))}
    m, q, r, e, c = st.mentions, st.quotes, st.relations, st.events, st.claims
    mentions = conn.execute(select(m).where(m.c.doc == doc_id).order_by(m.c.start, m.c.row_id)).mappings().all()
    quotes = conn.execute(select(q).where(q.c.doc == doc_id).order_by(q.c.start, q.c.row_id)).mappings().all()
    relations = conn.execute(select(r).where(r.c.doc == doc_id).order_by(r.c.start, r.c.row_id)).mappings().all()
    events = conn.execute(select(e).where(e.c.doc == doc_id).order_by(e.c.start, e.c.row_id)).mappings().all()
    claims = conn.execute(select(c).where(c.c.doc == doc_id).order_by(c.c.start, c.c.row_id)).mappings().all()
    names = _names(conn, list(local.values()))
    ref = doc_refs(conn, [doc_id]).get(doc_id, {})
    published = ref.get("published")

    def actor(local_id: Any) -> str | None:
        return local.get(local_id) if local_id else None

    out_m = [{"start": _int(x["start"]), "end": _int(x["end"]), "text": x["text"], "kind": x["kind"],
              "actor": actor(x["actor"]), "actor_name": names.get(actor(x["actor"]) or "")} for x in mentions]
    out_q = []
    for x in quotes:
        speaker = actor(x["speaker"])
        out_q.append(_quote_out(x["row_id"], x, speaker, names.get(speaker or ""), ref, published, text, 0))
    out_r = []
    for x in relations:
        s, t = actor(x["source"]), actor(x["target"])
        if s and t and s != t:
            out_r.append(_relation_out(x, s, t, names, published))
    out_e = []
    for x in events:
        s, t = actor(x["source"]), actor(x["target"])
        if (s or t) and s != t:
            out_e.append(_event_out(x, s, t, names, None))
    return {"mentions": out_m, "quotes": out_q, "relations": out_r, "events": out_e,
            "claims": [_claim_out(x) for x in claims]}


# --------------------------------------------------------------------------- quotes


def _quote_out(fact: int, x: Any, speaker: str | None, speaker_name: str | None, ref: dict[str, Any],
               published: str | None, window: str | None, offset: int) -> dict[str, Any]:
    start, end = _int(x["start"]), _int(x["end"])
    out = {
        "id": fact, "doc": x["doc"], "doc_title": ref.get("title"), "outlet": ref.get("outlet"),
        "published": published, "speaker": speaker, "speaker_name": speaker_name,
        "speaker_text": x["speaker_text"], "kind": x["kind"], "text": x["text"], "cue": x["cue"],
        "start": start, "end": end, "sentence": "", "sentence_start": None, "sentence_end": None,
        "parts": None, "link": doc_path(x["doc"], start, end),
    }
    if window is not None and start is not None and end is not None and start < end:
        sent = sentence_around(window, offset, start, end)
        out.update(sentence=sent.text, sentence_start=sent.start, sentence_end=sent.end,
                   parts=(("…" if sent.cut_left else "") + sent.before, sent.inside,
                          sent.after + ("…" if sent.cut_right else "")))
    return out


def _quotes_page(conn: Connection, g: Gen, keys: Any, paging: Paging) -> list[dict[str, Any]]:
    """Quote details for one page of keys (a selectable with fact, undated, day), with their sentences."""
    ids = keys.limit(paging.per_page).offset(paging.offset).subquery()
    q, wq, a = st.quotes, g.quotes, st.actors
    ws = case((q.c.start > WINDOW, q.c.start - WINDOW), else_=0)
    sel = (select(ids.c.fact, wq.c.speaker, q.c.doc, q.c.speaker_text, q.c.kind, q.c.text, q.c.cue, q.c.start,
                  q.c.end, a.c.name.label("speaker_name"), d.c.title, d.c.outlet, d.c.published,
                  ws.label("ws"), func.substr(d.c.text, ws + 1, q.c.end - ws + WINDOW).label("window"))
           .select_from(ids.join(q, q.c.row_id == ids.c.fact).join(wq, wq.c.fact == ids.c.fact)
                        .outerjoin(a, a.c.id == wq.c.speaker).outerjoin(d, d.c.id == q.c.doc))
           .order_by(ids.c.undated, ids.c.day, ids.c.fact))
    out = []
    for r in conn.execute(sel).mappings():
        ref = {"title": r["title"], "outlet": r["outlet"]}
        window = r["window"] if isinstance(r["window"], str) else None
        out.append(_quote_out(r["fact"], r, r["speaker"], r["speaker_name"], ref, r["published"], window,
                              int(r["ws"] or 0)))
    return out


def _known_total(conn: Connection, g: Gen, actor: str | None, column: str) -> int:
    """A count the web index keeps: per actor from its stats, else for the whole corpus from its summary."""
    if actor is None:
        return int(summary(conn).get(column, 0))
    s = g.actor_stats
    return _count(conn, select(s.c[column]).where(s.c.actor == actor))


def quotes(conn: Connection, g: Gen, paging: Paging, speaker: str | None = None, about: str | None = None,
           doc: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """Quotes in date order: all, those an actor gave, those that mention an actor, or one document's."""
    if about is not None:
        t = g.about
        where = [t.c.actor == about]
        if speaker is not None:
            where.append(t.c.fact.in_(select(g.quotes.c.fact).where(g.quotes.c.speaker == speaker)))
        if doc is not None:
            where.append(t.c.fact.in_(select(g.quotes.c.fact).where(g.quotes.c.doc == doc)))
    else:
        t = g.quotes
        where = []
        if speaker is not None:
            where.append(t.c.speaker == speaker)
        if doc is not None:
            where.append(t.c.doc == doc)
    if doc is None and (speaker is None or about is None):
        total = _known_total(conn, g, about if about is not None else speaker, "about" if about else "quotes")
    else:
        total = _count(conn, select(func.count()).select_from(t).where(*where))
    if not total or paging.offset >= total:
        return [], total
    keys = select(t.c.fact, t.c.undated, t.c.day).where(*where).order_by(t.c.undated, t.c.day, t.c.fact)
    return _quotes_page(conn, g, keys, paging), total


# --------------------------------------------------------------------------- ties and events


def _relation_out(x: Any, s: str | None, t: str | None, names: dict[str, str], date: str | None) -> dict[str, Any]:
    start, end = _int(x["start"]), _int(x["end"])
    return {"id": x["row_id"], "doc": x["doc"], "source": s, "source_name": names.get(s or ""),
            "type": x["type"] or "", "target": t, "target_name": names.get(t or ""), "date": date or None,
            "evidence": x["evidence"], "start": start, "end": end, "link": doc_path(x["doc"], start, end)}


def _event_out(x: Any, s: str | None, t: str | None, names: dict[str, str], date: str | None) -> dict[str, Any]:
    start, end = _int(x["start"]), _int(x["end"])
    return {"id": x["row_id"], "doc": x["doc"], "source": s, "source_name": names.get(s or ""),
            "type": x["type"] or "", "target": t, "target_name": names.get(t or ""), "when": x["when"] or None,
            "date": date or None, "negated": bool(x["negated"]), "hypothetical": bool(x["hypothetical"]),
            "expected": bool(x["expected"]),
            "evidence": x["evidence"], "start": start, "end": end, "link": doc_path(x["doc"], start, end)}


def _claim_out(x: Any) -> dict[str, Any]:
    start, end = _int(x["start"]), _int(x["end"])
    return {"id": x["row_id"], "doc": x["doc"], "subject": x["subject"], "value": claim_value(x["value"]),
            "unit": x["unit"], "period": x["period"], "evidence": x["evidence"], "start": start, "end": end,
            "link": doc_path(x["doc"], start, end)}


def claim_value(raw: Any) -> float | str | None:
    """Stored values are JSON (a number or text); anything else is shown as text."""
    try:
        value = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return raw
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else str(value)
    return json.dumps(value, ensure_ascii=False)


def edges(conn: Connection, g: Gen, kind: str, paging: Paging, type: str | None = None, actor: str | None = None,
          doc: str | None = None, dates: Dates = Dates()) -> tuple[list[dict[str, Any]], int]:
    """Ties (kind 'tie') or events (kind 'event') in date order, undated last, with filters."""
    x = g.edges
    plain = type is None and doc is None and not dates.active
    column = "ties" if kind == "tie" else "events"
    if actor is not None:
        inv = g.involved
        where = [inv.c.actor == actor, inv.c.kind == kind, *dates.where(inv.c.undated, inv.c.day)]
        if type is not None or doc is not None:
            sub = select(x.c.id).where(x.c.kind == kind)
            if type is not None:
                sub = sub.where(x.c.type == type)
            if doc is not None:
                sub = sub.where(x.c.doc == doc)
            where.append(inv.c.edge.in_(sub))
        keys = select(inv.c.edge.label("id"), inv.c.undated, inv.c.day).where(*where)
        total = _known_total(conn, g, actor, column) if plain else _count(
            conn, select(func.count()).select_from(inv).where(*where))
        keys = keys.order_by(inv.c.undated, inv.c.day, inv.c.edge)
    else:
        where = [x.c.kind == kind, *dates.where(x.c.undated, x.c.day)]
        if type is not None:
            where.append(x.c.type == type)
        if doc is not None:
            where.append(x.c.doc == doc)
        keys = select(x.c.id, x.c.undated, x.c.day).where(*where).order_by(x.c.undated, x.c.day, x.c.id)
        total = _known_total(conn, g, None, column) if plain else _count(
            conn, select(func.count()).select_from(x).where(*where))
    if not total or paging.offset >= total:
        return [], total
    ids = keys.limit(paging.per_page).offset(paging.offset).subquery()
    fact_table = st.relations if kind == "tie" else st.events
    sel = (select(fact_table, x.c.source.label("s"), x.c.target.label("t"), x.c.day.label("sort_day"))
           .select_from(ids.join(x, x.c.id == ids.c.id).join(fact_table, fact_table.c.row_id == x.c.fact))
           .order_by(ids.c.undated, ids.c.day, ids.c.id))
    rows = conn.execute(sel).mappings().all()
    names = _names(conn, [r["s"] for r in rows] + [r["t"] for r in rows])
    build = _relation_out if kind == "tie" else _event_out
    return [build(r, r["s"], r["t"], names, r["sort_day"]) for r in rows], total


def claims(conn: Connection, paging: Paging, doc: str | None = None) -> tuple[list[dict[str, Any]], int]:
    c = st.claims
    where = [c.c.doc == doc] if doc is not None else []
    total = _count(conn, select(func.count()).select_from(c).where(*where))
    sel = select(c).where(*where).order_by(c.c.row_id).limit(paging.per_page).offset(paging.offset)
    return [_claim_out(x) for x in conn.execute(sel).mappings()], total


def conflicts(conn: Connection, paging: Paging) -> tuple[list[dict[str, Any]], int]:
    c = st.conflicts
    total = _count(conn, select(func.count()).select_from(c))
    rows = conn.execute(select(c).order_by(c.c.row_id).limit(paging.per_page).offset(paging.offset)).all()
    parsed = [(r.row_id, r.topic, [s for s in json_list(r.statements) if isinstance(s, dict)]) for r in rows]
    refs = doc_refs(conn, [str(s.get("doc")) for _, _, ss in parsed for s in ss])
    out = []
    for row_id, topic, statements in parsed:
        said = []
        for s in statements:
            doc_id = str(s.get("doc"))
            said.append({"doc": refs.get(doc_id, {"id": doc_id}), "says": str(s.get("says") or "")})
        out.append({"id": row_id, "topic": topic or "", "statements": said})
    return out, total


# --------------------------------------------------------------------------- actors


a = st.actors


def _actor_out(r: Any) -> dict[str, Any]:
    aliases = [str(x) for x in json_list(r["aliases"]) if x]
    return {"id": r["id"], "name": r["name"] or r["id"], "type": r["type"] or "", "description": r["description"],
            "aliases": aliases, "codes": {"iso3": r["iso3"], "wikidata": r["wikidata"]},
            "docs": int(r["n_docs"] or 0), "quotes": int(r["n_quotes"] or 0), "facts": int(r["n_facts"] or 0),
            "link": actor_path(r["id"])}


def actors(conn: Connection, g: Gen, paging: Paging, type: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """Actors, those named in most documents first."""
    s = g.actor_stats
    where = [s.c.type == type] if type is not None else []
    total = _count(conn, select(func.count()).select_from(s).where(*where)) if where else _known_total(
        conn, g, None, "actors")
    keys = (select(s.c.actor, s.c.docs, s.c.quotes, s.c.facts).where(*where)
            .order_by(s.c.docs.desc(), s.c.actor).limit(paging.per_page).offset(paging.offset).subquery())
    sel = (select(a, keys.c.docs.label("n_docs"), keys.c.quotes.label("n_quotes"), keys.c.facts.label("n_facts"))
           .select_from(keys.join(a, a.c.id == keys.c.actor))
           .order_by(keys.c.docs.desc(), keys.c.actor))
    return [_actor_out(r) for r in conn.execute(sel).mappings()], total


def actor(conn: Connection, g: Gen, actor_id: str) -> dict[str, Any] | None:
    s = g.actor_stats
    sel = (select(a, s.c.docs.label("n_docs"), s.c.quotes.label("n_quotes"), s.c.facts.label("n_facts"))
           .select_from(a.outerjoin(s, s.c.actor == a.c.id)).where(a.c.id == actor_id))
    row = conn.execute(sel).mappings().first()
    return _actor_out(row) if row else None


def ties(conn: Connection, g: Gen, actor_id: str, limit: int = 60) -> list[dict[str, Any]]:
    """The actor's lasting ties, each with how often the texts state it and one sentence that does."""
    p = g.pairs
    out_sel = select(p.c.type, literal("out").label("direction"), p.c.target.label("other"), p.c.n, p.c.first).where(
        p.c.source == actor_id, p.c.kind == "tie")
    in_sel = select(p.c.type, literal("in").label("direction"), p.c.source.label("other"), p.c.n, p.c.first).where(
        p.c.target == actor_id, p.c.kind == "tie")
    both = union_all(out_sel, in_sel).subquery()
    r, x = st.relations, g.edges
    sel = (select(both, a.c.name, r.c.evidence, r.c.doc, r.c.start, r.c.end)
           .select_from(both.outerjoin(a, a.c.id == both.c.other).outerjoin(x, x.c.id == both.c.first)
                        .outerjoin(r, r.c.row_id == x.c.fact))
           .order_by(both.c.n.desc(), both.c.type, both.c.other).limit(limit))
    out = []
    for row in conn.execute(sel).mappings():
        start, end = _int(row["start"]), _int(row["end"])
        out.append({"type": row["type"], "direction": row["direction"], "other": row["other"],
                    "other_name": row["name"], "count": int(row["n"]), "evidence": row["evidence"],
                    "doc": row["doc"], "start": start, "end": end,
                    "link": doc_path(row["doc"], start, end) if row["doc"] else None})
    return out


# --------------------------------------------------------------------------- stories


def _story_out(r: Any) -> dict[str, Any]:
    return {"id": r["id"], "label": r["label"] or r["id"], "docs": int(r["docs"] or 0),
            "outlets": int(r["outlets"] or 0), "first": r["first"] or None, "last": r["last"] or None,
            "link": story_path(r["id"])}


def stories(conn: Connection, g: Gen, paging: Paging) -> tuple[list[dict[str, Any]], int]:
    """Stories, the largest first."""
    s, ss = st.stories, g.story_stats
    total = _count(conn, select(func.count()).select_from(s))
    sel = (select(s.c.id, s.c.label, ss.c.docs, ss.c.outlets, ss.c.first, ss.c.last)
           .select_from(s.outerjoin(ss, ss.c.story == s.c.id))
           .order_by(func.coalesce(ss.c.docs, 0).desc(), s.c.id).limit(paging.per_page).offset(paging.offset))
    return [_story_out(r) for r in conn.execute(sel).mappings()], total


def story(conn: Connection, g: Gen, story_id: str) -> dict[str, Any] | None:
    s, ss = st.stories, g.story_stats
    sel = (select(s.c.id, s.c.label, ss.c.docs, ss.c.outlets, ss.c.first, ss.c.last)
           .select_from(s.outerjoin(ss, ss.c.story == s.c.id)).where(s.c.id == story_id))
    row = conn.execute(sel).mappings().first()
    return _story_out(row) if row else None


def story_documents(conn: Connection, g: Gen, story_id: str, limit: int) -> list[dict[str, Any]]:
    ds = g.doc_story
    sel = (select(*DOC_COLS).select_from(ds.join(d, d.c.id == ds.c.doc)).where(ds.c.story == story_id)
           .order_by(d.c.outlet, d.c.published, d.c.id).limit(limit))
    return [_doc_out(r) for r in conn.execute(sel).mappings()]


def side_by_side(conn: Connection, g: Gen, story_id: str, max_docs: int = 300, per_doc: int = 4) -> dict[str, Any]:
    """A story's documents grouped by outlet, each with its first quotes and figures."""
    docs = story_documents(conn, g, story_id, max_docs)
    ids = [x["id"] for x in docs]
    by_doc_q: dict[str, list[dict[str, Any]]] = {}
    by_doc_c: dict[str, list[dict[str, Any]]] = {}
    wq, c = g.quotes, st.claims
    for i in range(0, len(ids), MAX_IN):
        chunk = ids[i:i + MAX_IN]
        # the first quotes and figures of each document, numbered within the document
        rank = func.row_number().over(partition_by=wq.c.doc, order_by=wq.c.fact).label("rank")
        ranked = select(wq.c.fact, wq.c.undated, wq.c.day, rank).where(wq.c.doc.in_(chunk)).subquery()
        keys = (select(ranked.c.fact, ranked.c.undated, ranked.c.day).where(ranked.c.rank <= per_doc)
                .order_by(ranked.c.fact))
        for q in _quotes_page(conn, g, keys, Paging(1, per_doc * len(chunk))):
            by_doc_q.setdefault(q["doc"], []).append(q)
        rank = func.row_number().over(partition_by=c.c.doc, order_by=c.c.row_id).label("rank")
        ranked = select(c, rank).where(c.c.doc.in_(chunk)).subquery()
        for x in conn.execute(select(ranked).where(ranked.c.rank <= per_doc).order_by(ranked.c.row_id)).mappings():
            by_doc_c.setdefault(x["doc"], []).append(_claim_out(x))
    outlets: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        doc["quotes"] = by_doc_q.get(doc["id"], [])
        doc["claims"] = by_doc_c.get(doc["id"], [])
        outlets.setdefault(doc["outlet"] or "", []).append(doc)
    return {"outlets": sorted(outlets.items(), key=lambda kv: (kv[0] == "", kv[0].lower())), "shown": len(docs)}


# --------------------------------------------------------------------------- graph


@dataclass(frozen=True)
class GraphFilter:
    kind: str | None = None  # tie | event | None for both
    type: str | None = None
    actor_types: tuple[str, ...] = ()
    story: str | None = None
    dates: Dates = Dates()
    limit: int = 150


def graph_rows(conn: Connection, g: Gen, f: GraphFilter) -> tuple[list[dict[str, Any]], bool]:
    """The heaviest (source, target, kind, type) groups under the filter, and whether more were left out.

    Without a story or dates the counts are read from the pairs table; with them, the edges of
    the story's documents or of the date range are counted.
    """
    counted = f.story is None and not f.dates.active
    t = g.pairs if counted else g.edges
    base: Any = t
    where: list[Any] = []
    if not counted:
        where += [t.c.source.isnot(None), t.c.target.isnot(None), *f.dates.where(t.c.undated, t.c.day)]
        if f.story is not None:
            base = base.join(g.doc_story, g.doc_story.c.doc == t.c.doc)
            where.append(g.doc_story.c.story == f.story)
    if f.kind is not None:
        where.append(t.c.kind == f.kind)
    elif not counted:
        where.append(t.c.kind.in_(("tie", "event")))  # lets a date range be read from the (kind, date) index
    if f.type is not None:
        where.append(t.c.type == f.type)
    if f.actor_types:
        sa, ta = a.alias("sa"), a.alias("ta")
        base = base.join(sa, sa.c.id == t.c.source).join(ta, ta.c.id == t.c.target)
        where += [sa.c.type.in_(f.actor_types), ta.c.type.in_(f.actor_types)]
    n = t.c.n if counted else func.count()
    sel = select(t.c.source, t.c.target, t.c.kind, t.c.type, n.label("n")).select_from(base).where(*where)
    if not counted:
        sel = sel.group_by(t.c.source, t.c.target, t.c.kind, t.c.type)
    sel = sel.order_by(n.desc(), t.c.source, t.c.target, t.c.kind, t.c.type).limit(f.limit + 1)
    rows = [dict(r) for r in conn.execute(sel).mappings()]
    return rows[: f.limit], len(rows) > f.limit


def actor_names_types(conn: Connection, ids: list[str]) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for i in range(0, len(ids), MAX_IN):
        sel = select(a.c.id, a.c.name, a.c.type).where(a.c.id.in_(ids[i:i + MAX_IN]))
        out.update({r.id: (r.name or r.id, r.type or "") for r in conn.execute(sel)})
    return out


def edge_types(conn: Connection, g: Gen) -> dict[str, list[str]]:
    """The tie and event types present, for the graph's filter form (read from the small pairs table)."""
    p = g.pairs
    out: dict[str, list[str]] = {"tie": [], "event": []}
    for kind, type_ in conn.execute(select(p.c.kind, p.c.type).distinct().order_by(p.c.kind, p.c.type)):
        out.setdefault(kind, []).append(type_)
    return out


def story_choices(conn: Connection, g: Gen, limit: int = 200) -> list[tuple[str, str]]:
    s, ss = st.stories, g.story_stats
    sel = (select(s.c.id, s.c.label).select_from(s.outerjoin(ss, ss.c.story == s.c.id))
           .order_by(func.coalesce(ss.c.docs, 0).desc(), s.c.id).limit(limit))
    return [(r.id, r.label or r.id) for r in conn.execute(sel)]


def errors(conn: Connection, limit: int = 50) -> list[dict[str, str]]:
    e = st.errors
    return [{"source": r.source, "reason": r.reason}
            for r in conn.execute(select(e).order_by(e.c.row_id).limit(limit))]


def recent_copies(conn: Connection, limit: int = 20) -> list[dict[str, Any]]:
    sel = (select(d.c.id, d.c.title, d.c.outlet, d.c.duplicate_of, d.c.duplicate_kind)
           .where(d.c.duplicate_of.isnot(None)).order_by(d.c.duplicate_of, d.c.id).limit(limit))
    rows = [dict(r) for r in conn.execute(sel).mappings()]
    refs = doc_refs(conn, [r["duplicate_of"] for r in rows])
    for r in rows:
        r["of"] = refs.get(r["duplicate_of"], {"id": r["duplicate_of"]})
    return rows
