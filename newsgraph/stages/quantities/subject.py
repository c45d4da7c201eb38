"""What a quantity measures, read from the shared dependency parse.

In order: the "of X" complement ("30 percent of the region's imports"), "in X" for money
("$3 billion in unpaid gas bills"); the noun the amount modifies ("a 40 percent cut"); the noun
whose "of" complement the amount is ("protests of a few thousand people"); for amounts that
are the object of "to"/"by" after a verb, the thing that changed (the verb's object, else
its subject: "cut reliance ... down to 40 percent", "imports fell by 5 percent").
"""

from __future__ import annotations

from typing import Any

_NP_LEFT = {"det", "poss", "amod", "compound", "nmod", "nummod", "case", "predet", "quantmod"}
_RELATIVE = {"which", "that", "who", "whom"}
# Verbs that state the level of their subject: "revenue was $3 billion", "trade reached ...".
_LEVEL_VERBS = {"be", "reach", "total", "amount", "stand", "hit", "exceed", "top", "near",
                "equal", "approach", "surpass", "remain", "stay"}
_UNIT_WORDS = {"year", "month", "week", "day", "hour", "percent", "ton", "tonne", "mile",
               "kilometer", "kilometre", "dollar", "euro", "person", "man"}
_SKIP_ENTS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"}


def noun_phrase(token: Any) -> str | None:
    """The noun phrase headed by ``token`` up to the head (left modifiers only)."""
    if token.pos_ == "PRON" or token.like_num:
        return None
    left = token.i
    for child in token.children:
        if child.i < token.i and child.dep_ in _NP_LEFT:
            left = min(left, child.left_edge.i)
    doc = token.doc
    # A phrase never includes an amount: "the 5 year modernist reform" → "modernist reform".
    for k in range(token.i - 1, left - 1, -1):
        if doc[k].like_num or doc[k].is_currency:
            left = k + 1
            while left < token.i and (doc[left].lemma_.lower() in _UNIT_WORDS
                                      or doc[left].is_punct):
                left += 1  # the unit went with the number: "a 5-year reform" → "reform"
            break
    text = doc[left:token.i + 1].text.strip(" ,;:\"“”'")
    return text or None


def _inside(token: Any, start: int, end: int) -> bool:
    return bool(start <= token.idx < end)


def _pobj(prep: Any) -> Any | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def find_subject(doc: Any, start: int, end: int, unit_start: int | None, kind: str) -> str | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    if unit_start is not None:
        unit_span = doc.char_span(unit_start, end, alignment_mode="expand")
        if unit_span is not None and len(unit_span):
            root = unit_span.root if unit_span.root.i < span.end else root
    # 1. a complement: "of X"; "in X" for money
    for candidate in (root, *[t for t in span if t.i != root.i]):
        for child in candidate.children:
            if child.dep_ != "prep" or _inside(child, start, end):
                continue
            if child.lower_ == "of" or (kind == "money" and child.lower_ in ("in", "worth")):
                obj = _pobj(child)
                if obj is not None and obj.ent_type_ not in _SKIP_ENTS and not _inside(
                        obj, start, end):
                    phrase = noun_phrase(obj)
                    if phrase:
                        return phrase
        if candidate.i == root.i:
            continue
    head = root.head
    if root.dep_ in ("conj", "appos") and head.pos_ in ("NOUN", "PROPN") and head.i < root.i:
        # "11 million tons of grain ..., or 1 million tons per month": the first conjunct's
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                obj = _pobj(child)
                if obj is not None and obj.ent_type_ not in _SKIP_ENTS:
                    return noun_phrase(obj)
    # 2. the amount modifies a noun: "a 40 percent cut", "a 1,200-kilometer border"
    if root.dep_ in ("amod", "compound", "nummod", "nmod") and head.pos_ in ("NOUN", "PROPN") \
            and not _inside(head, start, end):
        return noun_phrase(head)
    # 3. the amount is the "of" complement of a noun: "protests of a few thousand people"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN") \
            and not _inside(head.head, start, end):
        return noun_phrase(head.head)
    # 4. "down to 40 percent", "fell by 5 percent": what changed
    if root.dep_ == "pobj" and head.lower_ in ("to", "by", "from", "at", "between"):
        verb = head.head
        for _ in range(2):  # "dropped 7 percent to ...", "down to ...": up to the verb
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            return _clause_subject(verb, start, end)
    # 5. percentages as objects, and amounts a level verb states: the clause subject
    if kind != "duration" and root.dep_ in ("dobj", "attr", "npadvmod") and head.pos_ in (
            "VERB", "AUX") and (kind == "ratio" or head.lemma_ in _LEVEL_VERBS):
        return _clause_subject(head, start, end, prefer_object=False)
    return None


def _clause_subject(verb: Any, start: int, end: int, prefer_object: bool = True) -> str | None:
    deps = ("dobj", "nsubj", "nsubjpass") if prefer_object else ("nsubj", "nsubjpass")
    for dep in deps:
        for child in verb.children:
            if child.dep_ == dep and not _inside(child, start, end) and not any(
                    t.like_num for t in child.subtree):  # another amount, not a subject
                if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                    return noun_phrase(verb.head)
                phrase = noun_phrase(child)
                if phrase:
                    return phrase
    return None
