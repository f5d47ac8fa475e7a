"""Interviews laid out as question and answer: the answers are the interviewee's statements."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.model import Mention, mention_at
from newsgraph.quotes.base import _Cand, _Source

_LABEL = re.compile(r"([A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){0,3}) ?: ")
_INTRO = re.compile(r"\s*(?:(?i:an|our|the)\s+)?(?i:exclusive\s+)?(?i:interview\s+with)\s+"
                    r"([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,3})")


@dataclass
class _Interview:
    name: str | None
    actor: str | None
    start: int  # where questions and answers begin
    answers: list[_Cand] = field(default_factory=list)
    answer_spans: list[tuple[int, int]] = field(default_factory=list)


def _interview(text: str, paras: list[tuple[int, int]], mentions: list[Mention]) -> _Interview | None:
    """A question-and-answer layout: 'Interview with NAME' and/or paragraphs labelled 'NAME:'."""
    labels = {}
    for ps, pe in paras:
        m = _LABEL.match(text, ps)
        if m and m.end() < pe:
            labels[(ps, pe)] = m
    intro = next(((ps, m) for ps, pe in paras[:6] if (m := _INTRO.match(text, ps, pe))), None)
    if intro and not any(text[ps:pe].rstrip().endswith("?") for ps, pe in paras if ps > intro[0]):
        intro = None  # 'Interview with X' and no question after it: not laid out as an interview
    askers = {m.group(1) for (ps, pe), m in labels.items() if text[ps:pe].rstrip().endswith("?")}
    tellers = {m.group(1) for (ps, pe), m in labels.items() if not text[ps:pe].rstrip().endswith("?")}
    if intro is None and not (askers and tellers - askers):
        return None
    if intro:
        name, span = intro[1].group(1), (intro[1].start(1), intro[1].end(1))
    else:
        name = sorted(tellers - askers)[0]
        m = next(m for m in labels.values() if m.group(1) == name)
        span = (m.start(1), m.end(1))
    hit = mention_at(mentions, *span)
    first_qa = min([ps for ps, _ in labels], default=intro[0] if intro else 0)
    if intro and not labels:
        first_qa = next((ps for ps, pe in paras if ps > intro[0]), len(text))
    iv = _Interview(name, hit.actor if hit else None, first_qa)
    for ps, pe in paras:
        if ps < first_qa:
            continue
        label = labels.get((ps, pe))
        body = text[ps:pe].rstrip()
        if body.endswith("?") or (label and not _same_name(label.group(1), name)):
            continue
        start = label.end() if label else ps
        source = _Source("interview answer", start, fixed=(iv.actor, name))
        iv.answers.append(_Cand("indirect", start, ps + len(body), source, nested_ok=False))
        iv.answer_spans.append((start, ps + len(body)))
    return iv


def _same_name(label: str, name: str | None) -> bool:
    if not name:
        return False
    words = set(label.lower().split())
    return bool(words & set(name.lower().split()))
