"""The actor graph: the heaviest ties and events under a filter, laid out on the server.

The layout is networkx's spring layout with a fixed seed, so the same store and filter always
draw the same picture; the page renders it as inline SVG whose nodes link to actor pages, and
works without JavaScript. Layouts are kept per (web-index generation, filter) for repeat visits.
"""

from __future__ import annotations

import math
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field

import networkx as nx
from sqlalchemy import Connection

from newsgraph.web.index import Gen
from newsgraph.web.links import actor_path
from newsgraph.web.queries import GraphFilter, actor_names_types, graph_rows

WIDTH, HEIGHT, MARGIN = 1000, 700, 50
CELL_W, CELL_H = 200, 70  # the cells that hold small groups of actors unconnected to the main one
LABEL_ROOM = 120  # space kept right of the rightmost node for its name
SEED = 7
LABELS = 45  # the best connected nodes carry their name; every node has it as a tooltip
MAX_NODES = 150  # beyond this a drawing is unreadable, and the spring layout's cost grows with its square
MAX_GROUPS = 40  # small groups drawn below the main one; lighter ones are left out
CACHE = 64


@dataclass
class Node:
    id: str
    name: str
    type: str
    x: float
    y: float
    r: float
    degree: int
    label: bool
    link: str


@dataclass
class Edge:
    source: str
    target: str
    x1: float
    y1: float
    x2: float
    y2: float
    kinds: list[str]
    types: list[str]
    count: int
    width: float
    source_name: str
    target_name: str


@dataclass
class GraphView:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    more: bool = False
    width: int = WIDTH
    height: int = HEIGHT


_cache: OrderedDict[tuple[str, int, GraphFilter], GraphView] = OrderedDict()
_lock = threading.Lock()


def graph(conn: Connection, g: Gen, f: GraphFilter) -> GraphView:
    # Every store numbers its generations from 1, so the key names the database too: apps over two
    # stores in one process must not serve each other's layouts.
    key = (conn.engine.url.render_as_string(hide_password=True), g.number, f)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    view = _build(conn, g, f)
    with _lock:
        _cache[key] = view
        while len(_cache) > CACHE:
            _cache.popitem(last=False)
    return view


def _build(conn: Connection, g: Gen, f: GraphFilter) -> GraphView:
    rows, more = graph_rows(conn, g, f)
    merged: dict[tuple[str, str], tuple[set[str], Counter[str]]] = {}
    for r in rows:
        kinds, types = merged.setdefault((r["source"], r["target"]), (set(), Counter()))
        kinds.add(r["kind"])
        types[r["type"]] += int(r["n"])
    degree: Counter[str] = Counter()
    for (s, t), (_, types) in merged.items():
        degree[s] += sum(types.values())
        degree[t] += sum(types.values())
    if len(degree) > MAX_NODES:  # keep the heaviest links while their actors fit in the drawing
        kept: dict[tuple[str, str], tuple[set[str], Counter[str]]] = {}
        seen: set[str] = set()
        for pair, value in sorted(merged.items(), key=lambda kv: (-sum(kv[1][1].values()), kv[0])):
            if len(seen | set(pair)) <= MAX_NODES:
                kept[pair] = value
                seen |= set(pair)
        merged, more = kept, True
    ids = sorted({x for pair in merged for x in pair})
    if not ids:
        return GraphView(more=more)
    info = actor_names_types(conn, ids)
    net = nx.Graph()
    net.add_nodes_from(ids)
    net.add_edges_from(sorted(merged))
    places, height = _layout(net)
    if len(places) < len(ids):  # groups beyond MAX_GROUPS were left out
        ids = [n for n in ids if n in places]
        merged = {k: v for k, v in merged.items() if k[0] in places}
        more = True
    labelled = {n for n, _ in sorted(((n, degree[n]) for n in ids), key=lambda kv: (-kv[1], kv[0]))[:LABELS]}
    nodes = []
    for node in ids:
        x, y = places[node]
        name, type_ = info.get(node, (node, ""))
        nodes.append(Node(node, name, type_, x, y, round(min(18.0, 4 + 2 * math.sqrt(degree[node])), 1),
                          degree[node], node in labelled, actor_path(node)))
    edges = []
    for (s, t), (kinds, types) in sorted(merged.items()):
        (x1, y1), (x2, y2) = places[s], places[t]
        n = sum(types.values())
        edges.append(Edge(s, t, x1, y1, x2, y2, sorted(kinds), [k for k, _ in types.most_common()], n,
                          round(min(6.0, 0.8 + math.log1p(n)), 2), info.get(s, (s, ""))[0],
                          info.get(t, (t, ""))[0]))
    return GraphView(nodes, edges, more, WIDTH, height)


def _layout(net: nx.Graph) -> tuple[dict[str, tuple[float, float]], int]:
    """Positions in SVG units, and the drawing's height.

    The largest connected group fills the main area; smaller groups, which a spring layout would
    push to the corners, are laid out on their own and set in rows of small cells below it.
    """
    parts = sorted((sorted(c) for c in nx.connected_components(net)), key=lambda c: (-len(c), c[0]))
    main, rest = parts[0], parts[1:MAX_GROUPS + 1]
    cols = max(1, (WIDTH - 2 * MARGIN) // CELL_W)
    rows = math.ceil(len(rest) / cols)
    main_h = HEIGHT - (0 if not rest else min(HEIGHT // 3, rows * CELL_H))
    places = _fit(net.subgraph(main), MARGIN, MARGIN, WIDTH - 2 * MARGIN - LABEL_ROOM, main_h - 2 * MARGIN)
    for i, part in enumerate(rest):
        x = MARGIN + (i % cols) * CELL_W
        y = main_h + (i // cols) * CELL_H
        places.update(_fit(net.subgraph(part), x + 10, y + 10, CELL_W - 60, CELL_H - 30))
    return places, int(main_h + rows * CELL_H + (MARGIN // 2 if rest else 0))


def _fit(part: nx.Graph, x0: float, y0: float, w: float, h: float) -> dict[str, tuple[float, float]]:
    """A seeded spring layout of one connected group, scaled into the box (x0, y0, w, h)."""
    nodes = sorted(part)
    if len(nodes) <= 3:  # a pair or a triangle needs no simulation
        corners = [(0.0, 1.0), (1.0, 0.0), (0.5, 1.0)] if len(nodes) == 3 else [(0.0, 1.0), (1.0, 0.0)]
        if len(nodes) == 1:
            corners = [(0.5, 0.5)]
        return {n: (round(x0 + cx * w, 1), round(y0 + cy * h, 1)) for n, (cx, cy) in zip(nodes, corners, strict=True)}
    iterations = 50 if len(nodes) > 80 else 100
    pos = nx.spring_layout(part, seed=SEED, iterations=iterations, k=1.8 / math.sqrt(len(nodes)))
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {node: (round(x0 + (p[0] - min(xs)) / span_x * w, 1), round(y0 + (p[1] - min(ys)) / span_y * h, 1))
            for node, p in pos.items()}
