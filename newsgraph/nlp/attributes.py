"""The model's attribute rules (POS, morphology and lemma exceptions from the tag), applied from a memo.

The model's `attribute_ruler` runs a spaCy Matcher with every rule over every token, which costs about as
much as the tagger and parser together. Almost every rule looks at one token only (its tag, lower-case
form, dependency label and whether it is a space), so the rules that hit a token are fixed by those four
values: they are matched once per distinct combination and remembered. The rule lemmatizer that follows
is remembered the same way, per word, POS and morphology. The few rules that span two tokens
still run through a Matcher of their own. Rules are applied in the order the model lists them, later ones
winning, as the stock component does, so every token gets the same annotations.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, NamedTuple

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

NAME = "newsgraph_attributes"
LEMMA_NAME = "newsgraph_lemmas"
WORD_CLASS_LIMIT = 500_000  # remembered words, and remembered lemmas; cleared when reached
_WRITTEN = [POS, MORPH, LEMMA]
_WRITTEN_NAMES = ("POS", "MORPH", "LEMMA")

Key = tuple[int, int, int, bool]


class MemoAttributeRuler:
    """Sets the same token attributes as spaCy's AttributeRuler from the same rules, remembering matches.

    A word that no rule names (by its lower-case form) is keyed by which of the rules' regular expressions
    it matches, so the memo stays small and a text of new words rarely runs the Matcher. What a key's rules
    set (POS, morphology, lemma) is written for the whole Doc at once through `Doc.from_array`.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.rules: list[tuple[dict[str, str], int]] = []  # (attributes, index of the token in the match)
        self.one_token = Matcher(vocab)
        self.multi_token = Matcher(vocab)
        self.named_words: set[str] = set()  # lower-case forms some rule names
        self.word_patterns: list[re.Pattern[str]] = []  # REGEX predicates on the lower-case form
        self.word_classes: dict[int, int] = {}  # lower-case form -> itself when named, else its pattern class
        self.memo: dict[Key, _Outcome] = {}

    def add_patterns(self, patterns: Iterable[dict]) -> None:
        """Rules as `AttributeRuler.patterns` lists them: patterns, attrs and index."""
        for rule in patterns:
            rule_id = str(len(self.rules))
            self.rules.append((dict(rule["attrs"]), int(rule.get("index", 0))))
            single = all(len(pattern) == 1 for pattern in rule["patterns"])
            (self.one_token if single else self.multi_token).add(rule_id, rule["patterns"])
            for pattern in rule["patterns"]:
                for spec in pattern:
                    self._note_word_predicate(spec.get("LOWER"))
        self.memo.clear()
        self.word_classes.clear()

    def _note_word_predicate(self, predicate: object) -> None:
        if isinstance(predicate, str):
            self.named_words.add(predicate)
        elif isinstance(predicate, dict):
            for op, value in predicate.items():
                if op == "REGEX":
                    self.word_patterns.append(re.compile(value))
                elif op in {"IN", "NOT_IN"}:
                    self.named_words.update(value)
                else:
                    raise ValueError(f"attribute rule tests LOWER with {op}, which {NAME} does not handle")

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        extra = self._multi_token_rules(doc)
        keys = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        values = doc.to_array(_WRITTEN).tolist()
        slow = set(extra)
        for i, (tag, lower, dep, space) in enumerate(keys):
            outcome = self.memo.get((tag, self._word_class(lower), dep, space))
            if outcome is None:
                outcome = self._learn(doc[i], (tag, self._word_class(lower), dep, space))
            if outcome.slow:
                slow.add(i)
            row = values[i]
            for column, value in outcome.written:
                row[column] = value
        doc.from_array(_WRITTEN, numpy.array(values, dtype=numpy.uint64))
        for i in sorted(slow):  # rules over two tokens, or that set the tag or dependency: in rule order
            key = (keys[i][0], self._word_class(keys[i][1]), keys[i][2], keys[i][3])
            token = doc[i]
            for rule in sorted(self.memo[key].rules + tuple(extra.get(i, ()))):
                _set(token, self.rules[rule][0])
        return doc

    def _word_class(self, lower: int) -> int:
        """The word itself when a rule names it, else a number for the rules' patterns it matches."""
        found = self.word_classes.get(lower)
        if found is None:
            word = self.vocab.strings[lower]
            if word in self.named_words:
                found = lower
            else:
                found = -1 - sum(1 << k for k, pattern in enumerate(self.word_patterns) if pattern.search(word))
            if len(self.word_classes) > WORD_CLASS_LIMIT:
                self.word_classes.clear()
            self.word_classes[lower] = found
        return found

    def _learn(self, token: Token, key: Key) -> _Outcome:
        """Match the one-token rules on this token, apply them, and remember what they wrote."""
        span = token.doc[token.i:token.i + 1]
        found = self.one_token(span, allow_missing=True, as_spans=False)
        rules = tuple(sorted(int(self.vocab.strings[match]) for match, _, _ in found))
        named: set[str] = set()
        for rule in rules:
            _set(token, self.rules[rule][0])
            named.update(self.rules[rule][0])
        read = {"POS": token.pos, "MORPH": token.morph.key, "LEMMA": token.lemma}
        written = tuple((k, read[name]) for k, name in enumerate(_WRITTEN_NAMES) if name in named)
        outcome = self.memo[key] = _Outcome(rules, written, bool(named - set(_WRITTEN_NAMES)))
        return outcome

    def _multi_token_rules(self, doc: Doc) -> dict[int, list[int]]:
        """Token index -> the multi-token rules that set its attributes."""
        extra: dict[int, list[int]] = defaultdict(list)
        for match, start, end in self.multi_token(doc, allow_missing=True, as_spans=False):
            rule = int(self.vocab.strings[match])
            extra[doc[start:end][self.rules[rule][1]].i].append(rule)
        return extra


class _Outcome(NamedTuple):
    """What the one-token rules of a key do: which rules, the values they write, and whether one of them
    sets something other than POS, morphology or lemma (then they are applied token by token)."""

    rules: tuple[int, ...]
    written: tuple[tuple[int, int], ...]  # (column of _WRITTEN, value)
    slow: bool


class MemoLemmatizer:
    """spaCy's rule lemmatizer with its answers remembered per (word, POS, morphology), which is all a rule
    lemma depends on: the lemmas are the stock component's, written for the whole Doc at once."""

    def __init__(self, stock: Any) -> None:
        self.stock = stock
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma == 0:
                lemma = self.memo.get((orth, pos, morph), 0)
                if lemma == 0:
                    lemma = self._learn(doc[i], (orth, pos, morph))
            lemmas.append(lemma)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))
        return doc

    def _learn(self, token: Token, key: tuple[int, int, int]) -> int:
        lemma = self.stock.vocab.strings.add(self.stock.lemmatize(token)[0])
        if len(self.memo) > WORD_CLASS_LIMIT:
            self.memo.clear()
        self.memo[key] = lemma
        return lemma


def _set(token: Token, attrs: dict[str, str]) -> None:
    for name, value in attrs.items():
        if name == "MORPH":
            token.set_morph(value)
        elif name == "POS":
            token.pos_ = value
        elif name == "TAG":
            token.tag_ = value
        elif name == "LEMMA":
            token.lemma_ = value
        elif name == "DEP":
            token.dep_ = value
        else:
            raise ValueError(f"attribute rule sets {name}, which {NAME} does not handle")


@Language.factory(NAME)
def make_memo_attribute_ruler(nlp: Language, name: str) -> MemoAttributeRuler:
    return MemoAttributeRuler(nlp.vocab)


@Language.factory(LEMMA_NAME)
def make_memo_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    return MemoLemmatizer(None)


def swap_lemmatizer(nlp: Language) -> None:
    """Replace the model's rule lemmatizer with the memo version asking it on each new word."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    stock = nlp.get_pipe("lemmatizer")
    if getattr(stock, "mode", None) != "rule" or getattr(stock, "overwrite", True):
        return  # another mode or overwriting lemmas: the stock component stays
    nlp.replace_pipe("lemmatizer", LEMMA_NAME).stock = stock


def swap_attribute_ruler(nlp: Language) -> None:
    """Replace the model's attribute_ruler with the memo version holding the same rules."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    stock = nlp.get_pipe("attribute_ruler")
    patterns = stock.patterns
    if any(name not in {"MORPH", "POS", "TAG", "LEMMA", "DEP"} for rule in patterns for name in rule["attrs"]):
        return  # a model with rules this component does not know keeps its own ruler
    tested = {name for rule in patterns for pattern in rule["patterns"] if len(pattern) == 1 for name in pattern[0]}
    if not tested <= {"TAG", "LOWER", "DEP", "IS_SPACE"}:
        return  # the memo key would not hold everything a one-token rule looks at
    nlp.replace_pipe("attribute_ruler", NAME).add_patterns(patterns)
