"""Throughput: newsgraph build against spaCy's full en_core_web_sm pipeline alone, on the same texts.

The texts are the seeds, the Zyte ground-truth bodies and the project's examples, repeated with a
numbered first line until there are --docs of them. Each side runs in its own child process, one
after the other, so that its peak memory is its own; documents per second and their ratio are
printed. Usage: .venv/bin/python bench/throughput.py [--docs 2000] [--shared PATH]
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
    return [f"Item {i}\n\n{base[i % len(base)]}" for i in range(count)]


def _spacy_alone(folder: Path) -> float:
    from newsgraph.nlp import load_nlp

    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    nlp = load_nlp()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - start


def _newsgraph(folder: Path) -> float:
    from newsgraph.nlp import load_nlp
    from newsgraph.pipeline import build
    from newsgraph.store import Store

    load_nlp()  # both sides time the work, not the model's loading
    store = Store(str(folder / "graph.db"))
    start = time.perf_counter()
    build([str(folder)], store)
    took = time.perf_counter() - start
    store.close()
    return took


def _child(kind: str, folder: Path) -> None:
    took = _spacy_alone(folder) if kind == "spacy" else _newsgraph(folder)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": took, "peak_mb": peak}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--child", choices=["spacy", "newsgraph"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.folder)
        return 0
    if not (args.shared / "corpus" / "seeds").is_dir():
        print(f"benchmark data not found under {args.shared} (../shared is absent)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for number, text in enumerate(_texts(args.shared, args.docs)):
            (folder / f"doc{number:07d}.txt").write_text(text, encoding="utf-8")
        results = {}
        for kind in ("spacy", "newsgraph"):
            out = subprocess.run([sys.executable, __file__, "--child", kind, "--folder", str(folder)],
                                 capture_output=True, text=True, check=True)
            results[kind] = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"{args.docs} documents")
    for kind, label in (("spacy", "spaCy en_core_web_sm alone"), ("newsgraph", "newsgraph build")):
        r = results[kind]
        print(f"  {label:28s} {args.docs / r['seconds']:8.1f} docs/s   peak {r['peak_mb']:7.0f} MB")
    ratio = results["spacy"]["seconds"] / results["newsgraph"]["seconds"]
    print(f"  newsgraph / spaCy throughput: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
