"""The model's entity recognizer, decoded for a whole batch at once with numpy: same weights, same entities.

spaCy's entity recognizer reads a paragraph left to right and takes one move per token (begin, inside,
last or unit of an entity of some label, or outside), choosing the best-scoring move the rules allow.
Its compiled decoder asks every one of the 74 moves whether it is allowed, for every token, and in the
spaCy 3.8.9 and later wheels each of those checks takes and releases the interpreter lock: the recognizer
ends up costing three times the dependency parser. With no entities set beforehand (always so in a fresh parse) the
rules are short, so this component checks them for every paragraph of a batch at once, in the lock-step
the one-move-per-token order gives. Features, hidden layer and scores come from the recognizer's own
layers with the same float32 operations in the same order (the output layer through the same BLIS
matrix product), so the entities are the ones the stock component sets; tests compare them token for
token. A batch with any entity already set goes to the stock component.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import NumpyOps

NAME = "newsgraph_entities"
BEGIN, IN, LAST, UNIT, OUT = range(5)
_KINDS = {"B": BEGIN, "I": IN, "L": LAST, "U": UNIT, "O": OUT}


class BatchEntityRecognizer:
    """Sets the entities spaCy's EntityRecognizer (`stock`) would set, deciding every paragraph of a batch
    together."""

    def __init__(self, stock: Any = None) -> None:
        self.stock = None
        if stock is not None:
            self.use(stock)

    def use(self, stock: Any) -> None:
        """Take the weights and moves of this stock recognizer (the one it stands in for)."""
        self.stock = stock
        model = stock.model
        self.tok2vec, self.lower, self.upper = (model.get_ref(n) for n in ("tok2vec", "lower", "upper"))
        self.bias = self.lower.get_param("b")  # (hidden, pieces)
        self.out_w, self.out_b = self.upper.get_param("W"), self.upper.get_param("b")
        self.unseen = sorted(model.attrs.get("unseen_classes") or ())
        names = [stock.moves.get_class_name(i) for i in range(stock.moves.n_moves)]
        kinds, labels = zip(*(_move(name) for name in names), strict=True)
        self.kinds = numpy.array(kinds)
        self.labels = numpy.array([stock.vocab.strings.add(label) if label else 0 for label in labels],
                                  dtype=numpy.uint64)
        self.ops = NumpyOps()

    def __call__(self, doc: Doc) -> Doc:
        self.set_entities([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        stream = iter(docs)
        while batch := list(islice(stream, batch_size)):
            self.set_entities(batch)
            yield from batch

    def set_entities(self, docs: list[Doc]) -> None:
        """Decide and write the entities of these documents."""
        if self.stock is None:
            raise RuntimeError(f"{NAME} has no recognizer to decode: add it with swap_entity_recognizer")
        if any(d.to_array(ENT_IOB).any() for d in docs if len(d)):
            self.stock.set_annotations(docs, self.stock.predict(docs))  # entities preset: the rules differ
            return
        found = self._decode(docs) if any(len(d) for d in docs) else [[] for _ in docs]
        for doc, ents in zip(docs, found, strict=True):
            if len(doc):
                doc.from_array([ENT_IOB, ENT_TYPE], _iob_rows(len(doc), ents))

    def _decode(self, docs: list[Doc]) -> list[list[tuple[int, int, int]]]:
        lengths = numpy.array([len(d) for d in docs])
        rows = numpy.concatenate([[0], numpy.cumsum(lengths)[:-1]]) + 1  # row 0 of the features is padding
        cached = self.lower.predict(self.tok2vec.predict(docs))  # (tokens + 1, features, hidden, pieces)
        flags = [d.to_array([IS_SPACE, SENT_START]) for d in docs]
        space = numpy.zeros((len(docs), lengths.max() + 1), dtype=bool)
        starts = numpy.zeros_like(space)  # the token begins a sentence
        for i, f in enumerate(flags):
            if len(f):
                space[i, :len(f)] = f[:, 0] != 0
                starts[i, :len(f)] = f[:, 1] == 1
        opened = numpy.full(len(docs), -1)  # start of the open entity, or -1
        label_of = numpy.zeros(len(docs), dtype=numpy.uint64)
        found: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        done = numpy.zeros(len(docs), dtype=bool)
        for t in range(int(lengths.max())):
            live = numpy.nonzero((lengths > t) & ~done)[0]
            if not len(live):
                break
            moves = self._step(cached, rows[live], t, opened[live], label_of[live], lengths[live] - t,
                               space[live, t], starts[live, t + 1])
            stuck = moves < 0  # no move allowed: the stock decoder stops that paragraph too
            done[live[stuck]] = True
            live, moves = live[~stuck], moves[~stuck]
            kind = self.kinds[moves]
            ends = (kind == LAST) | (kind == UNIT)
            for i, move, k in zip(live[ends].tolist(), moves[ends].tolist(), kind[ends].tolist(), strict=True):
                if k == LAST:
                    found[i].append((int(opened[i]), t + 1, int(label_of[i])))
                elif k == UNIT:
                    found[i].append((t, t + 1, int(self.labels[move])))
            opened[live[kind == LAST]] = -1
            began = kind == BEGIN
            opened[live[began]] = t
            label_of[live[began]] = self.labels[moves[began]]
        return found

    def _step(self, cached: numpy.ndarray, rows: numpy.ndarray, t: int, opened: numpy.ndarray,
              label_of: numpy.ndarray, left: numpy.ndarray, space: numpy.ndarray, next_starts: numpy.ndarray
              ) -> numpy.ndarray:
        """The move each live paragraph takes at token t (-1 where none is allowed)."""
        is_open = opened >= 0
        first = numpy.where(is_open, rows + opened, 0)
        before = numpy.where(is_open, rows + t - 1, 0)
        hidden = cached[rows + t, 0] + cached[first, 1]
        hidden += cached[before, 2]
        hidden += self.bias
        hidden = hidden.max(axis=2)
        scores = self.ops.gemm(numpy.ascontiguousarray(hidden), self.out_w, trans2=True)
        scores += self.out_b
        if self.unseen:
            scores[:, self.unseen] = scores.min()
        allowed = self._allowed(is_open, label_of, left, space, next_starts)
        scores = numpy.where(allowed, scores, -numpy.inf)
        best = scores.argmax(axis=1)
        best[~allowed.any(axis=1)] = -1
        return best

    def _allowed(self, is_open: numpy.ndarray, label_of: numpy.ndarray, left: numpy.ndarray,
                 space: numpy.ndarray, next_starts: numpy.ndarray) -> numpy.ndarray:
        """Which moves the recognizer's rules allow in each state (no entity preset)."""
        kinds, labels = self.kinds[None, :], self.labels[None, :]
        closed = ~is_open[:, None]
        labelled = labels != 0
        same = is_open[:, None] & (label_of[:, None] == labels)
        room = (left >= 2)[:, None]
        crosses = next_starts[:, None]  # an entity may not run into the next sentence
        return (
            (kinds == BEGIN) & closed & room & labelled & ~crosses & ~space[:, None]
            | (kinds == IN) & same & room & labelled & ~crosses
            | (kinds == LAST) & same & labelled
            | (kinds == UNIT) & closed & labelled & ~space[:, None]
            | (kinds == OUT) & closed
        )


def _iob_rows(length: int, ents: list[tuple[int, int, int]]) -> numpy.ndarray:
    """ENT_IOB and ENT_TYPE columns for a paragraph: outside (2) everywhere but the entities, which begin
    (3) and go on (1) with their label, as `Doc.set_ents` would write them, for the whole paragraph at once."""
    rows = numpy.zeros((length, 2), dtype=numpy.uint64)
    rows[:, 0] = 2
    for start, end, label in ents:
        rows[start, 0] = 3
        rows[start + 1:end, 0] = 1
        rows[start:end, 1] = label
    return rows


def _move(name: str) -> tuple[int, str]:
    """(kind, label) from a move name such as 'B-ORG', 'U-' or 'O'; a move of no kind here is never taken."""
    kind, _, label = name.partition("-")
    return _KINDS.get(kind, -1), label


def swap_entity_recognizer(nlp: Language) -> None:
    """Replace the model's entity recognizer with the batch decoder, where the model is one it can decode:
    greedy, three features per state (the BILUO recognizer's), an output layer, maxout hidden units."""
    if "ner" not in nlp.pipe_names:
        return
    stock = nlp.get_pipe("ner")
    model = getattr(stock, "model", None)
    if model is None or type(stock.moves).__name__ != "BiluoPushDown" or stock.cfg.get("beam_width", 1) != 1 \
            or stock.postprocesses or not all(model.has_ref(n) and model.get_ref(n) is not None
                                              for n in ("tok2vec", "lower", "upper")):
        return
    lower = model.get_ref("lower")
    if lower.get_dim("nF") != 3 or lower.get_dim("nP") < 2:
        return
    nlp.replace_pipe("ner", NAME).use(stock)


@Language.factory(NAME)
def make_batch_entity_recognizer(nlp: Language, name: str) -> BatchEntityRecognizer:
    return BatchEntityRecognizer()
