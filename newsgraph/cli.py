"""The command line: build a graph from articles, then export, report, list and evaluate it."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsgraph.model import InputError

app = typer.Typer(
    help="newsgraph: read news articles and build the system they describe "
    "(actors, ties, events, quotes, figures), every fact traced to its sentence.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console(stderr=True)
DbOption = Annotated[str, typer.Option("--db", help="SQLite file, or a database URL such as postgresql://...")]
PathsArgument = Annotated[list[str], typer.Argument(
    help="Files, folders or URLs: .txt, .html, .json/.jsonl/.csv exports, .warc web archives, RSS/Atom feeds, "
    "lists of URLs (any of them gzipped).")]
OfflineOption = Annotated[bool, typer.Option(
    "--offline", help="Fetch nothing: URLs are reported and feed entries give only the text they hold.")]
TextField = Annotated[str | None, typer.Option("--text-field", help="Export field that holds the article text.")]
TitleField = Annotated[str | None, typer.Option("--title-field", help="Export field that holds the title.")]
UrlField = Annotated[str | None, typer.Option("--url-field", help="Export field that holds the URL.")]
DateField = Annotated[str | None, typer.Option("--date-field", help="Export field that holds the publication date.")]


def _read_options(offline: bool, text: str | None, title: str | None, url: str | None, date: str | None):  # noqa: ANN202
    from newsgraph.read import FieldNames, ReadOptions

    return ReadOptions(fetch=not offline, fields=FieldNames().with_fields(text=text, title=title, url=url, date=date))


def _open_store(db: str, must_exist: bool = False):  # noqa: ANN202 - Store import is deferred for fast --help
    from newsgraph.store import Store

    if must_exist and "://" not in db and not Path(db).exists():
        console.print(f"[red]No graph at {escape(db)}.[/] Build one first: newsgraph build PATH --db {escape(db)}")
        raise typer.Exit(2)
    return Store(db)


@app.command()
def build(
    paths: PathsArgument,
    db: DbOption = "newsgraph.db",
    offline: OfflineOption = False,
    text_field: TextField = None,
    title_field: TitleField = None,
    url_field: UrlField = None,
    date_field: DateField = None,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Dask scheduler address (tcp://HOST:PORT): run the per-document stages on that "
        "cluster.")] = None,
    workers: Annotated[int, typer.Option(
        "--workers", min=1, help="Processes for the per-document stages (spaCy and extraction); one per core is "
        "usual.")] = 1,
) -> None:
    """Read, clean, deduplicate and analyse articles, and store the graph."""
    from newsgraph.pipeline import build as run_build
    from newsgraph.store import StoreBusy

    options = _read_options(offline, text_field, title_field, url_field, date_field)
    store = _open_store(db)

    def on_error(error: InputError) -> None:
        console.print(f"[yellow]skipped[/] {escape(error.source)}: {escape(error.reason)}")

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task("analysing", total=None)

        def progress(done: int, total: int, doc_id: str) -> None:
            bar.update(task, completed=done, total=total, description=f"analysing {escape(doc_id)}")

        try:
            summary = run_build(paths, store, on_error=on_error, progress=progress, options=options,
                                scheduler=scheduler, workers=workers)
        except StoreBusy as busy:
            console.print(f"[red]Not built:[/] {escape(str(busy))}")
            raise typer.Exit(3) from busy
    counts = store.counts()
    store.close()
    table = Table(title=f"newsgraph build: {escape(db)}", show_header=False)
    for label, value in [
        ("documents read", summary.read),
        ("new or changed", summary.added),
        ("unchanged", summary.unchanged),
        ("not English (kept, not analysed)", summary.skipped_language),
        ("inputs with errors", len(summary.errors)),
        ("duplicates linked", summary.duplicates),
        ("actors", counts["actors"]),
        ("quotes", counts["quotes"]),
        ("relations", counts["relations"]),
        ("events", counts["events"]),
        ("figures", counts["claims"]),
        ("disagreements", counts["conflicts"]),
        ("stories", counts["stories"]),
    ]:
        table.add_row(label, str(value))
    Console().print(table)


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="One file or URL (an export or archive gives each of its articles).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON Lines: one object per document.")] = False,
    offline: OfflineOption = False,
    text_field: TextField = None,
    title_field: TitleField = None,
    url_field: UrlField = None,
    date_field: DateField = None,
) -> None:
    """Print the cleaned text and metadata of one input, exactly as the graph would read it."""
    from dataclasses import asdict

    from newsgraph.clean import clean_corpus
    from newsgraph.read import RawInput, read_paths

    options = _read_options(offline, text_field, title_field, url_field, date_field)
    raws, failed = [], 0
    for item in read_paths([path], options):
        if isinstance(item, RawInput):
            raws.append(item)
        else:
            failed += 1
            console.print(f"[yellow]skipped[/] {escape(item.source)}: {escape(item.reason)}")
    out = Console(highlight=False)
    for doc in clean_corpus(raws):
        if as_json:
            record = asdict(doc)
            for key in ("duplicate_of", "duplicate_kind", "duplicate_score"):
                record.pop(key)
            print(json.dumps(record, ensure_ascii=False))
            continue
        table = Table(show_header=False, title=escape(doc.source), title_justify="left")
        for label in ("id", "title", "author", "outlet", "published", "language", "translated_from"):
            table.add_row(label, escape(str(getattr(doc, label) or "-")))
        table.add_row("removed lines", str(len(doc.removed_lines)))
        out.print(table)
        out.print(escape(doc.text), end="\n\n")
    if not raws:
        raise typer.Exit(1 if failed else 2)


@app.command()
def export(
    db: DbOption = "newsgraph.db",
    format: Annotated[str, typer.Option(
        "--format", help="jsonl (exchange format), csv or parquet (one table per record kind), graphml.")] = "jsonl",
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="File for jsonl and graphml (default: stdout); folder for csv and parquet "
        "(required).")] = None,
) -> None:
    """Write the graph: exchange-format JSON Lines, CSV or Parquet tables, or a GraphML network."""
    from newsgraph.export import write_csv, write_graphml, write_jsonl, write_parquet

    if format not in ("jsonl", "csv", "parquet", "graphml"):
        console.print(f"[red]Unknown format {escape(format)!r}.[/] Supported: jsonl, csv, parquet, graphml.")
        raise typer.Exit(2)
    folder_format = format in ("csv", "parquet")
    if folder_format and (output is None or (output.exists() and not output.is_dir())):
        console.print(f"[red]--format {format} writes one file per record kind:[/] give a folder with -o DIR.")
        raise typer.Exit(2)
    store = _open_store(db, must_exist=True)
    try:
        if folder_format:
            written = (write_csv if format == "csv" else write_parquet)(store, output)
            console.print(f"wrote {sum(written.values())} rows to {len(written)} {format} files in "
                          f"{escape(str(output))}")
        elif format == "graphml":
            if output is None:
                write_graphml(store, sys.stdout.buffer)
                sys.stdout.buffer.flush()
            else:
                with output.open("wb") as fh:
                    nodes, edges = write_graphml(store, fh)
                console.print(f"wrote {nodes} actors and {edges} ties to {escape(str(output))}")
        elif output is None:
            write_jsonl(store, sys.stdout)
        else:
            with output.open("w", encoding="utf-8") as fh:
                n = write_jsonl(store, fh)
            console.print(f"wrote {n} records to {escape(str(output))}")
    finally:
        store.close()


@app.command()
def report(
    db: DbOption = "newsgraph.db",
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for report.md and report.html.")] = Path(
        "report"),
) -> None:
    """Write a readable briefing (Markdown and HTML) of the graph."""
    from newsgraph.export import mention_records, records
    from newsgraph.report import write_report

    store = _open_store(db, must_exist=True)
    recs = [*records(store), *mention_records(store)]
    errors = [{"source": e.source, "reason": e.reason} for e in store.errors()]
    store.close()
    md_path, html_path = write_report(recs, output, errors=errors)
    Console().print(f"Report written:\n  {md_path}\n  {html_path.resolve()}")


@app.command(name="eval")
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Gold file in the SCHEMA.md format.")],
    db: DbOption = "newsgraph.db",
    corpus: Annotated[Path | None, typer.Option(
        "--corpus", help="Folder of the original files, to score body lines kept (default: from the gold's "
        "location, ../corpus/<corpus name>).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the graph against a gold file: actors, quotes, relations, events, duplicates, boilerplate."""
    from newsgraph.evaluate import format_table, load_gold, score
    from newsgraph.export import records

    gold_data = load_gold(gold)
    if corpus is None:
        guess = gold.resolve().parent.parent / "corpus" / str(gold_data.get("corpus", ""))
        corpus = guess if guess.is_dir() else None
    store = _open_store(db, must_exist=True)
    scores = score(list(records(store)), gold_data, corpus_dir=corpus)
    store.close()
    if as_json:
        print(json.dumps(scores, indent=2))
    else:
        print(format_table(scores))


@app.command(name="actors")
def list_actors(
    db: DbOption = "newsgraph.db",
    limit: Annotated[int, typer.Option(help="Show at most this many.")] = 50,
) -> None:
    """List actors with type, description, aliases and the documents that name them."""
    store = _open_store(db, must_exist=True)
    found = sorted(store.actors(), key=lambda a: (-len(a.docs), a.id))[:limit]
    store.close()
    table = Table("id", "type", "description", "aliases", "docs")
    for a in found:
        table.add_row(escape(a.id), a.type, escape(a.description or ""), escape(", ".join(a.aliases[:6])),
                      str(len(a.docs)))
    Console().print(table)


def _names_matching(store, name: str | None) -> tuple[dict[str, str], set[str] | None]:  # noqa: ANN001
    """Every actor's display name, and the ids whose name or alias contains `name` (None: no filter)."""
    from newsgraph.gazetteer import fold

    found = store.actors()
    names = {a.id: a.name for a in found}
    if name is None:
        return names, None
    key = fold(name)
    return names, {a.id for a in found if any(key in fold(n) for n in [a.name, a.id, *a.aliases])}


@app.command(name="quotes")
def list_quotes(
    db: DbOption = "newsgraph.db",
    speaker: Annotated[str | None, typer.Option(
        "--speaker", help="Only quotes whose speaker's name or alias contains this (case and accents "
        "ignored).")] = None,
    limit: Annotated[int, typer.Option(help="Show at most this many.")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON Lines: one quote record a line.")] = False,
) -> None:
    """List what was said: speaker, direct or reported, the cue, the words, and the document and span."""
    from newsgraph.export import resolved
    from newsgraph.gazetteer import fold
    from newsgraph.model import Quote, to_record

    store = _open_store(db, must_exist=True)
    names, wanted = _names_matching(store, speaker)
    found = []
    for q in resolved(store, Quote):
        if wanted is None or q.speaker in wanted or (q.speaker is None and q.speaker_text
                                                      and fold(speaker or "") in fold(q.speaker_text)):
            found.append(q)
    store.close()
    if as_json:
        for q in found[:limit]:
            print(json.dumps(to_record(q), ensure_ascii=False))
        return
    table = Table("speaker", "kind", "cue", "what was said", "document [span]", title=f"{len(found)} quotes")
    for q in found[:limit]:
        who = names.get(q.speaker or "", q.speaker_text or "(unknown)")
        text = q.text if len(q.text) <= 200 else q.text[:199] + "…"
        table.add_row(escape(who), q.kind, escape(q.cue or ""), escape(text), escape(f"{q.doc} [{q.start}:{q.end}]"))
    Console().print(table)


@app.command(name="events")
def list_events(
    db: DbOption = "newsgraph.db",
    actor: Annotated[str | None, typer.Option(
        "--actor", help="Only events with an actor whose name or alias contains this, as source or target.")] = None,
    kind: Annotated[str | None, typer.Option("--type", help="Only this PLOVER type, e.g. CONSULT or SANCTION.")] = None,
    limit: Annotated[int, typer.Option(help="Show at most this many.")] = 200,
) -> None:
    """Print a timeline: each event once, however many articles report it, with its date and first report."""
    from newsgraph.events import merge_reports, timeline_lines
    from newsgraph.export import resolved
    from newsgraph.model import PLOVER_TYPES, Event

    if kind and kind.upper() not in PLOVER_TYPES:
        console.print(f"[red]Unknown event type {escape(kind)}.[/] One of: {', '.join(PLOVER_TYPES)}")
        raise typer.Exit(2)
    store = _open_store(db, must_exist=True)
    names, wanted = _names_matching(store, actor)
    copies = {d.id: d.duplicate_of for d in store.documents() if d.duplicate_of}
    events = [e for e in resolved(store, Event) if (not kind or e.type == kind.upper())
              and (wanted is None or e.source in wanted or e.target in wanted)]
    store.close()
    merged = merge_reports(events, copies)
    print(f"{len(merged)} events from {len(events)} reports")
    for line in timeline_lines(merged[:limit], names):
        print(line)


@app.command()
def serve(
    db: DbOption = "newsgraph.db",
    host: Annotated[str, typer.Option("--host", help="Address to listen on; 0.0.0.0 exposes the app to the "
                                                     "network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    refresh: Annotated[float, typer.Option("--refresh", help="Seconds between checks for a changed store "
                                                             "(0: only at startup).")] = 30.0,
) -> None:
    """Serve the web app and REST API (/api/, schema at /openapi.json) over a graph."""
    import uvicorn

    from newsgraph.web import create_app

    _open_store(db, must_exist=True).close()
    console.print(f"preparing the web index of {escape(db)} …")
    web_app = create_app(db, refresh_every=refresh)
    console.print(f"newsgraph at http://{escape(host)}:{port}/ (Ctrl+C to stop)")
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


if __name__ == "__main__":
    app()
