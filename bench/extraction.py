"""Score newsgraph's HTML extraction (main text, title, author, date) beside trafilatura alone.

Two public sets are read from `<shared>/benchmarks/`:

- zyte-articles: main text only, scored with 4-word shingles (tokens are `\\w+`, case kept); per page the
  shingle counts give true/false positives and misses, normalised by their sum; precision and recall are
  averaged over the pages where they are defined, and F1 is taken of the two averages.
- wcxb-articles: main text scored as bag-of-words F1 (lowercased `\\w+`) averaged per page, and title,
  author and date scored as exact matches after case and white space are normalised (dates on their
  YYYY-MM-DD part), over the pages whose ground truth gives that field.

Both extractors run in the same process, page by page in turn, so their documents per second compare.

    .venv/bin/python bench/extraction.py --set all
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SETS = {"zyte": "zyte-articles", "wcxb": "wcxb-articles"}
SHINGLE = 4

_TOKEN = re.compile(r"\w+")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


# =============================================================================================================
# metrics
# =============================================================================================================


def shingles(text: str, size: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The multiset of word shingles; a text shorter than one shingle counts as one shingle of all its words."""
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1))


def shingle_match(truth: str, output: str) -> tuple[float, float, float]:
    """(true positives, false positives, misses) of one page, as shares of their sum so every page weighs the same."""
    want, got = shingles(truth), shingles(output)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def shingle_scores(matches: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Precision and recall averaged over the pages where each is defined, and the F1 of the two averages.

    A page with no output has no precision (it is left out of that average) and a recall of 0.
    """
    precisions = [_share(tp, fp, fn) for tp, fp, fn in matches if tp + fp > 0]
    recalls = [_share(tp, fn, fp) for tp, fp, fn in matches if tp + fn > 0]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    return precision, recall, _f1(precision, recall)


def _share(hit: float, wrong: float, other: float) -> float:
    if wrong == 0 and other == 0:
        return 1.0
    return hit / (hit + wrong) if hit + wrong else 0.0


def bag_of_words(output: str, truth: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of lowercased words, counted with repeats; empty against empty is perfect."""
    got = Counter(_TOKEN.findall((output or "").lower()))
    want = Counter(_TOKEN.findall((truth or "").lower()))
    if not want:
        return (1.0, 1.0, 1.0) if not got else (0.0, 0.0, 0.0)
    if not got:
        return 0.0, 0.0, 0.0
    overlap = sum((got & want).values())
    precision = overlap / sum(got.values())
    recall = overlap / sum(want.values())
    return precision, recall, _f1(precision, recall)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def same_text(output: str | None, truth: str) -> bool:
    """Exact match once letter case and runs of white space are set aside."""
    return _norm(output) == _norm(truth)


def same_date(output: str | None, truth: str) -> bool:
    """Dates match on their calendar day (YYYY-MM-DD); a time of day or a zone is not compared."""
    day = date_part(truth)
    return day is not None and date_part(output) == day


def date_part(value: str | None) -> str | None:
    """The YYYY-MM-DD part of a date, read from ISO form or, failing that, from free text."""
    if not value:
        return None
    match = _ISO_DATE.search(value)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return f"{year:04d}-{month:02d}-{day:02d}"
    from datetime import datetime

    from dateutil import parser

    try:  # parsed against two different defaults: a date lacking its day or month comes out differently
        first = parser.parse(value, default=datetime(2000, 1, 1)).date()
        second = parser.parse(value, default=datetime(2001, 2, 2)).date()
    except (ValueError, OverflowError):
        return None
    return first.isoformat() if first == second else None


def _norm(value: str | None) -> str:
    return " ".join((value or "").split()).casefold()


# =============================================================================================================
# data
# =============================================================================================================


@dataclass
class Page:
    """One benchmark page: where its HTML is, the URL a crawler would know, and the ground truth."""

    id: str
    html: Path
    url: str | None
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None


def zyte_pages(folder: Path) -> Iterator[Page]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        item = truth[key]
        yield Page(key, folder / "html" / f"{key}.html.gz", item.get("url"), item.get("articleBody") or "")


def wcxb_pages(folder: Path) -> Iterator[Page]:
    for path in sorted((folder / "ground-truth").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        truth = record.get("ground_truth") or {}
        yield Page(path.stem, folder / "html" / f"{path.stem}.html.gz", record.get("url"),
                   truth.get("main_content") or "", truth.get("title"), truth.get("author"),
                   truth.get("publish_date"))


# =============================================================================================================
# extractors
# =============================================================================================================


@dataclass
class Output:
    """What one extractor gave for one page."""

    text: str = ""
    title: str | None = None
    author: str | None = None
    date: str | None = None


def newsgraph_extract(page: Page) -> Output:
    """newsgraph end to end: our reader decodes the file, the URL is set as a crawler would, then clean."""
    from newsgraph.clean import clean
    from newsgraph.read import RawInput, read_paths

    found = [item for item in read_paths([page.html]) if isinstance(item, RawInput)]
    if not found:
        return Output()
    raw = found[0]
    raw.url = page.url or raw.url
    document = clean(raw)
    return Output(document.text or "", document.title, document.author, document.published)


def trafilatura_extract(page: Page, with_metadata: bool) -> Output:
    """trafilatura alone with its defaults, given the page's bytes (it decodes them itself) and the URL."""
    import trafilatura

    data = gzip.decompress(page.html.read_bytes())
    if not with_metadata:
        return Output(trafilatura.extract(data, url=page.url) or "")
    result = trafilatura.bare_extraction(data, url=page.url, with_metadata=True)
    if result is None:
        return Output()
    return Output(result.text or "", result.title, result.author, result.date)


# =============================================================================================================
# runs
# =============================================================================================================


@dataclass
class Run:
    """One extractor's outputs over a set and the time it spent on them."""

    name: str
    outputs: list[Output] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, extract: Callable[[], Output]) -> None:
        start = time.perf_counter()
        output = extract()
        self.seconds += time.perf_counter() - start
        self.outputs.append(output)

    @property
    def per_second(self) -> float:
        return len(self.outputs) / self.seconds if self.seconds else 0.0


def run_set(name: str, pages: list[Page]) -> tuple[Run, Run]:
    """Both extractors on every page, alternating page by page so caches and machine load treat them alike."""
    ours, theirs = Run("newsgraph"), Run("trafilatura")
    with_metadata = name == "wcxb"
    for page in pages:
        ours.add(lambda page=page: newsgraph_extract(page))
        theirs.add(lambda page=page: trafilatura_extract(page, with_metadata))
    return ours, theirs


def text_scores(name: str, pages: list[Page], outputs: list[Output]) -> tuple[float, float, float]:
    if name == "zyte":
        return shingle_scores([shingle_match(p.text, o.text) for p, o in zip(pages, outputs, strict=True)])
    scores = [bag_of_words(o.text, p.text) for p, o in zip(pages, outputs, strict=True)]
    return tuple(statistics.fmean(s[i] for s in scores) for i in range(3))  # type: ignore[return-value]


def page_f1(name: str, page: Page, output: Output) -> float:
    if name == "zyte":
        return shingle_scores([shingle_match(page.text, output.text)])[2]
    return bag_of_words(output.text, page.text)[2]


def field_accuracy(pages: list[Page], outputs: list[Output], attr: str) -> tuple[float, int]:
    """Share of exact matches over the pages whose ground truth gives the field, and how many those are."""
    compare = same_date if attr == "date" else same_text
    pairs = [(getattr(o, attr), getattr(p, attr)) for p, o in zip(pages, outputs, strict=True) if getattr(p, attr)]
    if not pairs:
        return 0.0, 0
    return sum(compare(got, want) for got, want in pairs) / len(pairs), len(pairs)


def report(name: str, pages: list[Page], ours: Run, theirs: Run, losses: int) -> None:
    metric = "4-word shingles, P and R averaged per page" if name == "zyte" else "bag of words, averaged per page"
    print(f"== {SETS[name]}: {len(pages)} pages ({metric}) ==")
    print(f"{'':<18}{'newsgraph':>11}{'trafilatura':>13}")
    mine, other = text_scores(name, pages, ours.outputs), text_scores(name, pages, theirs.outputs)
    for label, a, b in zip(("text precision", "text recall", "text F1"), mine, other, strict=True):
        print(f"{label:<18}{a:>11.3f}{b:>13.3f}")
    if name == "wcxb":
        for attr in ("title", "author", "date"):
            a, n = field_accuracy(pages, ours.outputs, attr)
            b, _ = field_accuracy(pages, theirs.outputs, attr)
            print(f"{attr + ' accuracy':<18}{a:>11.3f}{b:>13.3f}   (n={n})")
    print(f"{'docs/s':<18}{ours.per_second:>11.1f}{theirs.per_second:>13.1f}")
    ratio = ours.per_second / theirs.per_second if theirs.per_second else 0.0
    print(f"speed ratio newsgraph / trafilatura: {ratio:.2f}")
    if losses:
        gaps = sorted(((page_f1(name, p, o) - page_f1(name, p, t), p.id)
                       for p, o, t in zip(pages, ours.outputs, theirs.outputs, strict=True)))
        print("pages where newsgraph trails trafilatura most (F1 difference, id):")
        for gap, page_id in gaps[:losses]:
            if gap < 0:
                print(f"  {gap:+.3f}  {page_id}")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=["zyte", "wcxb", "all"], default="all")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N pages of each set")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="folder holding benchmarks/ (default: ../shared beside the repository)")
    parser.add_argument("--losses", type=int, default=0, help="list the N pages where newsgraph trails most")
    args = parser.parse_args(argv)
    names = ["zyte", "wcxb"] if args.set == "all" else [args.set]
    folders = {name: args.shared / "benchmarks" / SETS[name] for name in names}
    missing = [str(folder) for folder in folders.values() if not folder.is_dir()]
    if missing:
        print(f"benchmark data not found: {', '.join(missing)}; pass --shared PATH to the folder holding "
              "benchmarks/", file=sys.stderr)
        return 2
    for name in names:
        pages = list(zyte_pages(folders[name]) if name == "zyte" else wcxb_pages(folders[name]))
        if args.limit:
            pages = pages[:args.limit]
        ours, theirs = run_set(name, pages)
        report(name, pages, ours, theirs, args.losses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
