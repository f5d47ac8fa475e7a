"""The model's attribute rules (POS, morphology and lemma exceptions from the tag), applied from a memo.

The model's `attribute_ruler` runs a spaCy Matcher with every rule over every token, which costs about as
much as the tagger and parser together. Almost every rule looks at one token only (its tag, lower-case
form, dependency label and whether it is a space), so the rules that hit a token are fixed by those four
values: they are matched once per distinct combination and remembered. The few rules that span two tokens
still run through a Matcher of their own. Rules are applied in the order the model lists them, later ones
winning, as the stock component does, so every token gets the same annotations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

NAME = "newsgraph_attributes"

Key = tuple[int, int, int, bool]


class MemoAttributeRuler:
    """Sets the same token attributes as spaCy's AttributeRuler from the same rules, remembering matches."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.rules: list[tuple[dict[str, str], int]] = []  # (attributes, index of the token in the match)
        self.one_token = Matcher(vocab)
        self.multi_token = Matcher(vocab)
        self.memo: dict[Key, tuple[int, ...]] = {}

    def add_patterns(self, patterns: Iterable[dict]) -> None:
        """Rules as `AttributeRuler.patterns` lists them: patterns, attrs and index."""
        for rule in patterns:
            rule_id = str(len(self.rules))
            self.rules.append((dict(rule["attrs"]), int(rule.get("index", 0))))
            single = all(len(pattern) == 1 for pattern in rule["patterns"])
            (self.one_token if single else self.multi_token).add(rule_id, rule["patterns"])
        self.memo.clear()

    def __call__(self, doc: Doc) -> Doc:
        extra = self._multi_token_rules(doc)
        for token in doc:
            rules = self._one_token_rules(token)
            if token.i in extra:
                rules = tuple(sorted(rules + tuple(extra[token.i])))
            for rule in rules:
                _set(token, self.rules[rule][0])
        return doc

    def _one_token_rules(self, token: Token) -> tuple[int, ...]:
        key = (token.tag, token.lower, token.dep, token.is_space)
        rules = self.memo.get(key)
        if rules is None:
            span = token.doc[token.i:token.i + 1]
            found = self.one_token(span, allow_missing=True, as_spans=False)
            rules = self.memo[key] = tuple(sorted(int(self.vocab.strings[match]) for match, _, _ in found))
        return rules

    def _multi_token_rules(self, doc: Doc) -> dict[int, list[int]]:
        """Token index -> the multi-token rules that set its attributes."""
        extra: dict[int, list[int]] = defaultdict(list)
        for match, start, end in self.multi_token(doc, allow_missing=True, as_spans=False):
            rule = int(self.vocab.strings[match])
            extra[doc[start:end][self.rules[rule][1]].i].append(rule)
        return extra


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


def swap_attribute_ruler(nlp: Language) -> None:
    """Replace the model's attribute_ruler with the memo version holding the same rules."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    stock = nlp.get_pipe("attribute_ruler")
    patterns = stock.patterns
    if any(name not in {"MORPH", "POS", "TAG", "LEMMA", "DEP"} for rule in patterns for name in rule["attrs"]):
        return  # a model with rules this component does not know keeps its own ruler
    nlp.replace_pipe("attribute_ruler", NAME).add_patterns(patterns)
