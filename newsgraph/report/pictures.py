"""The briefing's two pictures, drawn offline with matplotlib: the actor network and the timeline of events.

Figures are made with the object API (no pyplot), so drawing keeps no global state and never opens a window.
Names come from untrusted text: every label is drawn with math parsing off, so a "$" is just a character.
"""

from __future__ import annotations

import io
import math
import re
import warnings
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from newsgraph.report.view import Picture

DPI = 110
TYPE_COLOURS = {"person": "#e07a5f", "country": "#3d85c6", "organization": "#81b29a", "group": "#9b72cf",
                "place": "#a8a8a8"}
OTHER_COLOUR = "#cccccc"
EDGE_COLOURS = {"tie": "#8a93a3", "cooperation": "#2f9e44", "conflict": "#d6336c"}
# Event types by the side of the ledger they fall on (PLOVER's cooperation and conflict halves).
COOPERATION = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST")
CONFLICT = ("ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
_WHEN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class Node:
    id: str
    name: str
    type: str
    weight: int  # documents that name the actor: sets the dot size


@dataclass(frozen=True)
class Edge:
    a: str
    b: str
    kind: str  # tie | cooperation | conflict
    count: int


@dataclass(frozen=True)
class Point:
    when: str  # ISO date as precise as known; "" when neither the event nor its article is dated
    type: str  # PLOVER type
    count: int
    flagged: bool  # negated or hypothetical: drawn hollow
    by_article: bool = False  # the event is undated and stands at its article's date: drawn as a square


def event_side(kind: str) -> str:
    return "conflict" if kind in CONFLICT else "cooperation"


def _figure(width: float, height: float):  # noqa: ANN202 - matplotlib types are heavy to import at module level
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def _png(fig, name: str, alt: str) -> Picture:  # noqa: ANN001
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing")
        fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    width, height = (round(x) for x in fig.get_size_inches() * DPI)
    return Picture(name, alt, buffer.getvalue(), width, height)


# --------------------------------------------------------------------------- network


def network(nodes: list[Node], edges: list[Edge]) -> Picture | None:
    """Actors as dots (colour: type, size: documents), links as lines (colour: tie, cooperation, conflict)."""
    if not nodes or not edges:
        return None
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in nodes)
    graph.add_edges_from((e.a, e.b) for e in edges)
    spread = 1.8 / math.sqrt(max(len(nodes), 1))
    pos = nx.spring_layout(graph, seed=7, k=spread, iterations=200)
    fig = _figure(10, 7.2)
    ax = fig.add_axes((0.01, 0.06, 0.98, 0.93))
    ax.set_axis_off()
    top = max(e.count for e in edges)
    for e in sorted(edges, key=lambda e: e.count):
        (x1, y1), (x2, y2) = pos[e.a], pos[e.b]
        ax.plot([x1, x2], [y1, y2], color=EDGE_COLOURS.get(e.kind, "#999999"), alpha=0.55, zorder=1,
                linewidth=0.8 + 3.2 * math.log1p(e.count) / math.log1p(top))
    heaviest = max(n.weight for n in nodes) or 1
    for n in nodes:
        x, y = pos[n.id]
        ax.scatter([x], [y], s=80 + 520 * n.weight / heaviest, color=TYPE_COLOURS.get(n.type, OTHER_COLOUR),
                   edgecolors="white", linewidths=1.2, zorder=2)
        ax.text(x, y, _short(n.name), fontsize=8.5, ha="center", va="center", zorder=3, parse_math=False,
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "alpha": 0.75, "linewidth": 0})
    ax.margins(0.08)
    _network_legend(fig, nodes)
    busiest = Counter({n.id: graph.degree(n.id) for n in nodes}).most_common(5)
    names = {n.id: n.name for n in nodes}
    alt = (f"Actor network: {len(nodes)} actors and {len(edges)} links; most connected: "
           + ", ".join(f"{names[a]} ({d})" for a, d in busiest) + ".")
    return _png(fig, "network.png", alt)


def _short(name: str, limit: int = 28) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _network_legend(fig, nodes: list[Node]) -> None:  # noqa: ANN001
    from matplotlib.lines import Line2D

    types = [t for t in TYPE_COLOURS if any(n.type == t for n in nodes)]
    handles = [Line2D([], [], marker="o", linestyle="", color=TYPE_COLOURS[t], markersize=8, label=t) for t in types]
    handles += [Line2D([], [], color=c, linewidth=2.5, label=k) for k, c in EDGE_COLOURS.items()]
    fig.legend(handles=handles, loc="lower center", ncol=len(handles), frameon=False, fontsize=8.5)


# --------------------------------------------------------------------------- timeline


def period(when: str) -> tuple[date, date] | None:
    """The days an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) covers; None for anything else."""
    match = _WHEN.match(when or "")
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            first = date(year, month, 1)
            return first, (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return date(year, month, day), date(year, month, day)
    except ValueError:
        return None


def timeline(points: list[Point]) -> Picture | None:
    """Events by date (x) and type (y), a bar under a dot showing how vague its date is (a month, a year);
    events with no date at all are counted by type in a panel on the right, so none is hidden."""
    if not points:
        return None
    dated = [(p, period(p.when)) for p in points]
    undated: Counter[str] = Counter()
    for p, span in dated:
        if span is None:
            undated[p.type] += p.count
    dated = [(p, span) for p, span in dated if span]
    order = [t for t in COOPERATION + CONFLICT if any(p.type == t for p in points)]
    order += sorted({p.type for p in points} - set(order))
    row = {t: i for i, t in enumerate(order)}
    fig = _figure(10, max(2.8, 0.36 * len(order) + 1.5))
    grid = fig.add_gridspec(1, 2, width_ratios=(4, 1) if dated and undated else (1, 0.001), wspace=0.05,
                            left=0.13, right=0.98, top=0.92, bottom=0.22 if len(order) < 5 else 0.14)
    main = fig.add_subplot(grid[0, 0])
    if dated:
        _draw_dated(main, dated, row)
    else:
        main.text(0.5, 0.5, "no dated events", transform=main.transAxes, ha="center", color="#777777")
        main.set_xticks([])
    main.set_yticks(range(len(order)), order, fontsize=8.5)
    main.set_ylim(len(order) - 0.4, -0.6)
    main.spines[["top", "right"]].set_visible(False)
    if undated and dated:
        _draw_undated(fig.add_subplot(grid[0, 1], sharey=main), undated, row)
    elif undated:
        main.cla()
        _draw_undated(main, undated, row)
        main.set_yticks(range(len(order)), order, fontsize=8.5)
        main.set_ylim(len(order) - 0.4, -0.6)
    _timeline_legend(fig)
    return _png(fig, "timeline.png", _timeline_alt(dated, undated))


def _draw_dated(ax, dated: list[tuple[Point, tuple[date, date]]], row: dict[str, int]) -> None:  # noqa: ANN001
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    for p, (first, last) in dated:
        colour = EDGE_COLOURS[event_side(p.type)]
        middle = first + (last - first) / 2
        if last > first:
            ax.plot([first, last], [row[p.type]] * 2, color=colour, alpha=0.25, linewidth=5, solid_capstyle="butt")
        ax.scatter([middle], [row[p.type]], s=28 + 22 * p.count, zorder=3, linewidths=1.4,
                   marker="s" if p.by_article else "o", facecolors="none" if p.flagged else colour,
                   edgecolors=colour)
    locator = AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.grid(axis="x", color="#e5e8ee")
    ax.set_title("dated events", fontsize=9, color="#555555", loc="left")


def _draw_undated(ax, undated: Counter[str], row: dict[str, int]) -> None:  # noqa: ANN001
    types = list(undated)
    ax.barh([row[t] for t in types], [undated[t] for t in types], height=0.6,
            color=[EDGE_COLOURS[event_side(t)] for t in types], alpha=0.8)
    for t in types:
        ax.text(undated[t], row[t], f" {undated[t]}", va="center", fontsize=8)
    ax.set_title("undated events", fontsize=9, color="#555555", loc="left")
    ax.tick_params(axis="y", left=False, labelleft=False)
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.set_xlim(0, max(undated.values()) * 1.25)


def _timeline_legend(fig) -> None:  # noqa: ANN001
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], marker="o", linestyle="", color=EDGE_COLOURS[k], label=k)
               for k in ("cooperation", "conflict")]
    handles.append(Line2D([], [], marker="o", linestyle="", markerfacecolor="none", color="#555555",
                          label="negated or hypothetical"))
    handles.append(Line2D([], [], marker="s", linestyle="", color="#555555", label="at its article's date"))
    fig.legend(handles=handles, loc="lower right", ncol=4, frameon=False, fontsize=8)


def _timeline_alt(dated: list[tuple[Point, tuple[date, date]]], undated: Counter[str]) -> str:
    kinds: Counter[str] = Counter(undated)
    for p, _ in dated:
        kinds[p.type] += p.count
    common = ", ".join(f"{t} ({c})" for t, c in kinds.most_common(3))
    count = sum(p.count for p, _ in dated)
    if dated:
        first = min(span[0] for _, span in dated).isoformat()
        last = max(span[1] for _, span in dated).isoformat()
        head = f"Timeline of {count} dated events from {first} to {last}"
    else:
        head = "No dated events"
    tail = f"; {sum(undated.values())} undated events counted by type" if undated else ""
    return f"{head}{tail}; most frequent: {common}."
