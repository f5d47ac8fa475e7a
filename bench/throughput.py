"""Throughput: newsgraph build against spaCy's full en_core_web_sm pipeline alone, on the same texts.

The texts are the seeds, the Zyte ground-truth bodies, the project's examples, the PolNeAR articles and
the WCXB article bodies (about 640 distinct texts), repeated with a numbered first line until there are as
many as asked: up to that number no text is met twice. For each size, each side runs in its own child
process, one after the other, so that its peak memory is its own: spaCy alone (`nlp.pipe`, batches
of 16, `n_process` = --workers) and `newsgraph build --workers N` over the same folder (reading,
cleaning, every stage, storing, the corpus stages). The model is loaded before either clock starts.
Prints documents per second, the ratio, and peak memory (largest resident set of the side's own
process and its worker processes). Usage:

    .venv/bin/python bench/throughput.py [--sizes 1000,10000] [--workers 1] [--shared PATH]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _texts(shared: Path, count: int) -> list[str]:
    base = [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / "seeds").glob("*.txt"))]
    truth = shared / "benchmarks" / "zyte-articles" / "ground-truth.json"
    if truth.is_file():
        base += [v["articleBody"] for v in json.loads(truth.read_text(encoding="utf-8")).values()]
    base += [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.txt"))]
    for split in sorted((shared / "benchmarks" / "polnear").glob("polnear_*.jsonl")):
        base += [json.loads(line)["text"] for line in split.read_text(encoding="utf-8").splitlines() if line.strip()]
    for page in sorted((shared / "benchmarks" / "wcxb-articles" / "ground-truth").glob("*.json")):
        base.append(json.loads(page.read_text(encoding="utf-8"))["ground_truth"]["main_content"])
    base = list(dict.fromkeys(b for b in base if b and b.strip()))  # each text once
    return [f"Item {i}\n\n{base[i % len(base)]}" for i in range(count)]


def _spacy_alone(folder: Path, workers: int) -> float:
    from newsgraph.nlp import stock_model

    paths = sorted(folder.glob("*.txt"))
    nlp = stock_model()  # the model exactly as it ships, every component its own
    start = time.perf_counter()
    texts = (p.read_text(encoding="utf-8") for p in paths)
    for _ in nlp.pipe(texts, batch_size=16, n_process=workers):
        pass
    return time.perf_counter() - start


def _newsgraph(folder: Path, workers: int) -> float:
    from newsgraph.nlp import load_nlp
    from newsgraph.pipeline import build
    from newsgraph.store import Store

    load_nlp()  # both sides time the work, not the model's loading
    store = Store(str(folder.parent / "graph.db"))
    start = time.perf_counter()
    build([str(folder)], store, workers=workers)
    took = time.perf_counter() - start
    store.close()
    return took


def _child(kind: str, folder: Path, workers: int) -> None:
    took = _spacy_alone(folder, workers) if kind == "spacy" else _newsgraph(folder, workers)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": took, "peak_mb": own, "worker_peak_mb": children}))


def _run(kind: str, folder: Path, workers: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", kind, "--folder", str(folder),
                          "--workers", str(workers)], capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"{kind} run failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(shared: Path, size: int, workers: int) -> dict[str, dict]:
    """Both sides over `size` documents: seconds and peak memory of each."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for number, text in enumerate(_texts(shared, size)):
            (folder / f"doc{number:07d}.txt").write_text(text, encoding="utf-8")
        return {kind: _run(kind, folder, workers) for kind in ("spacy", "newsgraph")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000", help="comma-separated document counts, e.g. 1000,10000,100000")
    parser.add_argument("--workers", type=int, default=1, help="processes on both sides")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--child", choices=["spacy", "newsgraph"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.folder, args.workers)
        return 0
    if not (args.shared / "corpus" / "seeds").is_dir():
        print(f"benchmark data not found under {args.shared} (../shared is absent)", file=sys.stderr)
        return 2
    print(f"workers {args.workers} on each side")
    print(f"{'docs':>8} {'spaCy docs/s':>13} {'build docs/s':>13} {'ratio':>6} {'spaCy MB':>9} {'build MB':>9}"
          f" {'build workers MB':>17}")
    first_peak = None
    for size in (int(s) for s in args.sizes.split(",")):
        r = measure(args.shared, size, args.workers)
        s, b = r["spacy"], r["newsgraph"]
        first_peak = first_peak or b["peak_mb"]
        print(f"{size:>8} {size / s['seconds']:>13.2f} {size / b['seconds']:>13.2f} "
              f"{s['seconds'] / b['seconds']:>5.2f}x {max(s['peak_mb'], s['worker_peak_mb']):>9.0f} "
              f"{b['peak_mb']:>9.0f} {b['worker_peak_mb']:>17.0f}   (build peak x{b['peak_mb'] / first_peak:.2f} "
              f"of the first size)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
