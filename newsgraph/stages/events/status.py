"""Did it happen? Status (asserted / negated / hypothetical / planned) and who claims it.

The trigger's clause and the clauses that govern it are walked upwards through the parse.
Each step may add a cue: a negation on the trigger or a negating governor ("failed to",
"refused to") → negated; a modal of possibility, a conditional "if", a governor of wish or
demand ("wants to", "urged ... to") or a noun of possibility ("the possibility that") →
hypothetical; "will", "plans to", "is expected to", "upcoming" → planned. A clause that is
the complement of a reporting verb ("X said that ...", "Moscow maintains that ...") is a claim:
the event is kept with ``claimed_by`` = the reporter. Precedence: negated > hypothetical >
planned > asserted, so "would not attack" is negated and "might plan to" hypothetical.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .arguments import OBJECT_CONTROL
from .lexicon import Lexicon
from .tree import has_kid, kids

Token = Any

# Dependencies through which the status of the governing clause carries down to the trigger.
CARRY = frozenset({"xcomp", "conj", "ccomp", "acl", "advcl", "pcomp", "dobj", "nsubj", "acomp",
                   "nsubjpass", "attr", "oprd", "relcl", "appos", "prep", "pobj", "csubj",
                   "dative", "npadvmod"})
# Prepositions that make a noun an adjunct of its verb ("At a meeting, they failed to ...");
# the verb's negation or modality says nothing about the noun's event.
ADJUNCT_PREPS = frozenset({"at", "during", "after", "before", "since", "in", "on", "following",
                           "amid", "ahead", "despite", "until", "over", "throughout", "like",
                           "with", "without", "from", "as", "because"})
ACCUSING = frozenset({"accuse", "blame", "charge", "suspect", "allege"})
# the dependencies ``_own_cues`` reads a cue from
CUE_DEPS = frozenset({"neg", "det", "advcl", "aux", "auxpass", "mark", "advmod", "amod",
                      "compound", "prep"})
RANK = {"asserted": 0, "planned": 1, "hypothetical": 2, "negated": 3}


@dataclass(slots=True)
class Reading:
    status: str = "asserted"
    claimer: Token | None = None  # the subject token of the reporting verb
    claim_verb: Token | None = None
    reported_past: bool = False
    governor: Token | None = None  # the negating governor ("stopped", "refused"), if any

    def add(self, status: str) -> None:
        if RANK[status] > RANK[self.status]:
            self.status = status


def _own_cues(tok: Token, lex: Lexicon, reading: Reading, *, is_trigger: bool) -> None:
    cue = lex.cues
    for child in kids(tok):
        dep = child.dep_
        if dep not in CUE_DEPS:
            continue  # most children (subjects, objects, punctuation) carry no cue
        low = child.lower_
        if dep == "neg" or (is_trigger and dep == "det" and low == "no" and tok.pos_ == "NOUN"):
            reading.add("negated")
        elif dep == "advcl" and tok.pos_ in ("VERB", "AUX") and has_kid(
                child, "mark", cue["conditional_marks"]):
            reading.add("hypothetical")  # the main clause of "if ..., Russia will cut ..."
        elif dep in ("aux", "auxpass"):
            if low in cue["hypothetical_modals"]:
                # "would" inside a past report ("insisted that Russia would grant") is a
                # future seen from the past: planned, not hypothetical.
                if low == "would" and reading.reported_past is False and reading.claimer is None \
                        and _in_past_report(tok, lex):
                    reading.add("planned")
                else:
                    reading.add("hypothetical")
            elif low in cue["planned_modals"]:
                reading.add("planned")
        elif (dep == "mark" and low in cue["conditional_marks"]) or (
                dep == "advmod" and low in cue["hypothetical_adverbs"]):
            reading.add("hypothetical")
        elif dep in ("amod", "compound") and tok.pos_ == "NOUN":
            if low in cue["planned_adjectives"]:
                reading.add("planned")
            elif low in cue["hypothetical_adjectives"]:
                reading.add("hypothetical")
        elif dep == "prep" and low in ("in", "under") and tok.pos_ in ("VERB", "AUX") and any(
                g.dep_ == "pobj" and g.lemma_.lower() in cue["conditional_nouns"]
                and any(x.dep_ in ("acl", "relcl") for x in kids(g)) for g in kids(child)):
            reading.add("hypothetical")  # "In the event that Russia refuses, it will ..."
        elif dep == "prep" and low == "according":
            for to in kids(child):
                for pobj in kids(to):
                    if pobj.dep_ == "pobj" and reading.claimer is None:
                        reading.claimer = pobj


def _in_past_report(tok: Token, lex: Lexicon) -> bool:
    cur = tok
    for _ in range(4):
        if cur.dep_ == "ccomp":
            head = cur.head
            return head.lemma_ in lex.cue("claim_verbs") and head.tag_ in ("VBD", "VBN")
        if cur.head.i == cur.i or cur.dep_ not in ("conj", "xcomp"):
            return False
        cur = cur.head
    return False


def read_status(trigger: Token, lex: Lexicon,
                window: tuple[int, int] = (0, 1 << 30), *, purpose: bool = True) -> Reading:
    """Walk from the trigger up its governing clauses (within the sentence's token
    ``window``), collecting status cues. ``purpose=False``: an infinitive of purpose states
    what the act is ("occupied the rectorate to protest the fees"), not a mere aim."""
    cue = lex.cues
    claim_verbs, belief_verbs = cue["claim_verbs"], cue["belief_verbs"]
    reading = Reading()
    cur = trigger
    _own_cues(cur, lex, reading, is_trigger=True)
    i = trigger.i
    doc = trigger.doc
    if i >= 3 and doc.lower(i - 3) in ("in", "so") and doc.lower(i - 2) in ("order", "as") \
            and doc.lower(i - 1) == "to":
        reading.add("hypothetical")  # purpose: "in order to cut a deal"
    for _ in range(8):
        head = cur.head
        dep = cur.dep_
        if head.i == cur.i or dep not in CARRY:
            break
        if dep == "pobj" and cur.pos_ in ("NOUN", "PROPN") and head.lower_ in ADJUNCT_PREPS \
                and head.head.lemma_.lower() not in cue["participation_verbs"]:
            break  # "At a meeting ..., X failed to ..." — the meeting still happened
            # (but "proposed that Minsk participate in exercises": the exercises are the
            # proposal's content and take its status)
        if dep in ("relcl", "acl") and head.pos_ == "NOUN" and \
                head.lemma_.lower() in cue["hypothetical_nouns"]:
            reading.add("hypothetical")  # "in the event that ...", "the possibility that ..."
            break
        if dep == "relcl":
            break  # a relative clause is its own assertion
        if not window[0] <= head.i < window[1]:
            break  # the parse ran across a sentence boundary
        lemma = head.lemma_.lower()
        reported = dep == "ccomp" or (dep in ("advcl", "xcomp") and head.pos_ == "VERB"
                                      and lemma in claim_verbs)
        if reported and (lemma in claim_verbs or lemma in belief_verbs):
            reading.claim_verb = head
            reading.claimer = _reporter(head)
            if lemma in belief_verbs and lemma not in claim_verbs:
                reading.add("hypothetical")  # "there are those who suspect that ..."
            if lemma == "deny":
                reading.add("negated")  # "Belarus denied that it had closed the border"
            break  # the report's own negation or modality does not reach its content
        infinitival = dep == "advcl" and has_kid(cur, "aux", ("to",))
        if purpose and infinitival and not has_kid(cur, "mark") and lemma not in OBJECT_CONTROL:
            # a purpose: "flew to Minsk to meet him", "(in order) to cut a deal with Moscow"
            reading.add("hypothetical")
        if dep in ("xcomp", "ccomp", "dobj") or infinitival or (dep == "acl"
                                                              and head.pos_ == "NOUN"):
            if lemma in cue["negating_governors"]:
                reading.add("negated")
                reading.governor = reading.governor or head
            elif lemma in cue["hypothetical_governors"]:
                reading.add("hypothetical")
            elif lemma in cue["planned_governors"] or (
                    lemma == "be" and dep == "xcomp" and not (has_kid(head, "attr") or
                                                              has_kid(head, "acomp"))):
                reading.add("planned")  # "plans to visit", "is to visit"
        if dep == "acl" and head.pos_ == "NOUN" and lemma in cue["hypothetical_nouns"]:
            reading.add("hypothetical")
            break  # "the possibility that ...": the outer clause is about the possibility
        if dep == "pcomp" and head.lower_ in ("of", "for") and \
                head.head.lemma_.lower() in ACCUSING and head.head.pos_ == "VERB":
            reading.claim_verb = head.head  # "Syria accused Israel of bombing Damascus"
            reading.claimer = _reporter(head.head)
            break
        if dep == "pcomp" and head.lower_ == "without":
            reading.add("negated")  # "without Belarus supporting a plan"
        if dep == "prep" and head.pos_ == "VERB" and \
                lemma in cue["hypothetical_governors"]:
            reading.add("hypothetical")  # "called for sanctions", "asked for help"
        if dep in ("pcomp", "pobj") and head.dep_ == "prep":
            gov = head.head
            if gov.pos_ == "NOUN" and gov.lemma_.lower() in cue["hypothetical_nouns"]:
                reading.add("hypothetical")  # "the possibility of Washington using ..."
                break
        if dep == "advcl":
            marks = {c.lower_ for c in kids(cur) if c.dep_ == "mark"}
            if marks & cue["conditional_marks"]:
                reading.add("hypothetical")
            if marks & {"because", "as", "since", "after", "before", "when", "while",
                        "although", "though", "until", "once"}:
                break  # an adverbial clause of its own: its governor's modality stays there
        cur = head
        _own_cues(cur, lex, reading, is_trigger=False)
    return reading


def _reporter(verb: Token) -> Token | None:
    for child in kids(verb):
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if verb.dep_ in ("conj", "relcl") and verb.head.pos_ in ("VERB", "NOUN", "PROPN"):
        return _reporter(verb.head) if verb.dep_ == "conj" else verb.head
    return None
