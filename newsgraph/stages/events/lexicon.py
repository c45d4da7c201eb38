"""Load the event coder's knowledge: trigger lexicon, status cues, CAMEO/intensity scales.

The knowledge is data (``triggers.tsv``, ``cues.json``, ``scales.json`` next to this module) so
that a political scientist can review and extend it without reading the code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ...errors import PipelineError


@dataclass(frozen=True, slots=True, kw_only=True)
class Trigger:
    """One row of ``triggers.tsv``: a word that signals an event of ``type``."""

    pos: str  # VERB | NOUN
    lemma: str
    particle: str | None  # "cut off" -> "off"; must be a child of the trigger
    objects: frozenset[str]  # allowed object lemmas; empty = any
    type: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str
    weight: float

    @property
    def specificity(self) -> int:
        return (2 if self.objects else 0) + (1 if self.particle else 0)


@dataclass(frozen=True, slots=True, kw_only=True)
class Deed:
    """One row of ``deeds.tsv``: a happening the text names without its doer."""

    doer: str  # ISO3
    target: str | None  # ISO3
    since: str  # ISO date


@dataclass(frozen=True, slots=True)
class Lexicon:
    # (pos, lemma) -> rows, most specific first
    triggers: dict[tuple[str, str], tuple[Trigger, ...]]
    cues: dict[str, frozenset[str]]
    scales: dict[str, Any]
    # PLOVER type -> the target prepositions with the type's extra ones ("withdrew from Syria")
    type_preps: dict[str, frozenset[str]]
    # word -> value tables of cues.json ("crowd_protest_verbs": verb -> PROTEST mode)
    maps: dict[str, dict[str, str]]
    # (noun lemma, object as written) -> the deed ("annexation", "crimea") -> Russia
    deeds: dict[tuple[str, str], Deed]

    def cue(self, name: str) -> frozenset[str]:
        return self.cues[name]

    def target_preps(self, event_type: str) -> frozenset[str]:
        return self.type_preps.get(event_type, self.cues["target_prepositions"])


def _text(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _parse_trigger(line_no: int, fields: list[str]) -> Trigger:
    if len(fields) != 7:
        raise PipelineError(f"triggers.tsv line {line_no}: expected 7 tab-separated columns,"
                            f" got {len(fields)}; fix the row")
    pos, spec, type_, mode, context, cameo, weight = fields
    objects: frozenset[str] = frozenset()
    if "[" in spec:
        spec, _, rest = spec.partition("[")
        objects = frozenset(rest.rstrip("]").split("|"))
    words = spec.split()
    return Trigger(pos=pos, lemma=words[0], particle=words[1] if len(words) > 1 else None,
                   objects=objects, type=type_, mode=None if mode == "-" else mode,
                   context=() if context == "-" else tuple(context.split(",")),
                   cameo=cameo, weight=float(weight))


def _deeds() -> dict[tuple[str, str], Deed]:
    deeds: dict[tuple[str, str], Deed] = {}
    lines = [(n, line) for n, line in enumerate(_text("deeds.tsv").splitlines(), 1)
             if line.strip() and not line.startswith("#")]
    for n, line in lines[1:]:  # after the column-name row
        fields = line.split("\t")
        if len(fields) != 5:
            raise PipelineError(f"deeds.tsv line {n}: expected 5 tab-separated columns, got"
                                f" {len(fields)}; fix the row")
        noun, objects, doer, target, since = fields
        deed = Deed(doer=doer, target=None if target == "-" else target, since=since)
        for name in objects.split("|"):
            deeds[(noun, name)] = deed
    return deeds


@lru_cache(maxsize=1)
def load() -> Lexicon:
    rows: dict[tuple[str, str], list[Trigger]] = {}
    header_seen = False
    for n, line in enumerate(_text("triggers.tsv").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:  # the column-name row
            header_seen = True
            continue
        t = _parse_trigger(n, line.split("\t"))
        rows.setdefault((t.pos, t.lemma), []).append(t)
    triggers = {k: tuple(sorted(v, key=lambda t: -t.specificity)) for k, v in rows.items()}
    raw_cues = json.loads(_text("cues.json"))
    cues = {k: frozenset(v) for k, v in raw_cues.items()
            if not k.startswith("_") and isinstance(v, list)}
    type_preps = {k: cues["target_prepositions"] | frozenset(v)  # joined once, not per trigger
                  for k, v in raw_cues["extra_target_prepositions"].items()}
    maps = {k: v for k, v in raw_cues.items() if isinstance(v, dict)
            and all(isinstance(x, str) for x in v.values())}
    scales = json.loads(_text("scales.json"))
    return Lexicon(triggers=triggers, cues=cues, scales=scales, type_preps=type_preps,
                   maps=maps, deeds=_deeds())
