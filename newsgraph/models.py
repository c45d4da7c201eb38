"""The one data model every stage reads and writes.

All records are frozen, slotted, keyword-only dataclasses. Offsets in an
``Article`` index ``article.body`` unless a field says otherwise (``removed``
and ``provenance`` index ``article.raw``, the text before cleaning).
Stages never mutate: they return ``dataclasses.replace(article, ...)``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["asserted", "negated", "hypothetical", "planned"]
Precision = Literal["day", "week", "month", "quarter", "season", "year", "decade", "range"]

ACTOR_TYPES = (
    "state", "government", "person", "igo", "military", "party", "company",
    "infrastructure", "media", "ngo", "opposition", "rebel", "location", "group", "other",
)
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES: tuple[Status, ...] = ("asserted", "negated", "hypothetical", "planned")


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceRef:
    """Where an article came from: the file or URL, the sniffed format, the input record id."""

    uri: str
    format: str
    id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RawDocument:
    """What a reader yields: decoded content plus whatever metadata the container carried.

    ``kind`` says how ``content`` must be turned into text: ``text`` (plain or markdown),
    ``html`` (a web page), ``pdf`` (text already extracted page by page, pages joined by
    form feeds ``\\f``).
    """

    source: SourceRef
    kind: Literal["text", "html", "pdf"]
    content: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    outlet: str | None = None
    url: str | None = None

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.content.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Removal:
    """A piece of ``raw`` the cleaner dropped, and why (e.g. ``share_prompt``)."""

    start: int
    end: int
    reason: str
    text: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class FieldEvidence:
    """Where a metadata value came from: a span of ``raw`` or a named container field."""

    field: str
    value: str
    start: int | None = None
    end: int | None = None
    origin: str = "text"  # text | html_meta | input | url | rule


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Role:
    """A dated position: ``title`` of ``org`` (actor id), ``start``–``end`` (ISO; None = open)."""

    title: str
    org: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    id: str  # Wikidata QID when known, else "local:..."
    name: str
    type: str
    country: str | None = None  # ISO 3166-1 alpha-3
    role: str | None = None  # the role held on the article's date, e.g. "President of Belarus"
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    start: int
    end: int
    text: str
    actor_id: str
    # name | alias | role | title_surname | surname | metonym | location | demonym | pronoun
    # | description | local  (docs/actors.md)
    kind: str = "name"


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeExpression:
    start: int
    end: int
    text: str
    value: str | None  # ISO: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www
    precision: str  # one of Precision
    end_value: str | None = None  # for ranges
    # what it was resolved against: absolute | publication | relative | speech (inside a quote:
    # the day it was said is unknown, value None)
    anchor: str = "publication"


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    type: str  # PLOVER type
    source_actor: str | None
    target_actor: str | None
    status: Status = "asserted"
    mode: str | None = None
    context: tuple[str, ...] = ()
    claimed_by: str | None = None
    date: str | None = None
    date_source: str = "publication"  # sentence | context | publication
    location: str | None = None
    trigger: str = ""
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5
    cameo: str | None = None  # CAMEO root code (2 digits) of the trigger, for GDELT-style exports


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float
    unit: str
    subject: str | None = None
    normalized_value: float | None = None
    normalized_unit: str | None = None
    period: str | None = None  # year | month | week | day
    value_max: float | None = None  # upper bound of a range ("between 40 and 50 percent")
    approximate: bool = False  # vague amounts ("hundreds of millions"): value is a lower bound


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    start: int
    end: int
    text: str
    speaker_actor: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Technique:
    start: int
    end: int
    technique: str
    confidence: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Frame:
    frame: str
    confidence: float


@dataclass(frozen=True, slots=True, kw_only=True)
class RhetoricProfile:
    claims: int = 0
    attributed: int = 0
    unattributed: int = 0
    hedges: int = 0
    speculation: int = 0
    scare_quotes: int = 0
    first_person: int = 0

    @property
    def attributed_share(self) -> float:
        return self.attributed / self.claims if self.claims else 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class StageRun:
    name: str
    version: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    id: str
    source: SourceRef
    raw: str = ""
    kind: str = "text"
    html: str | None = field(default=None, repr=False)
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # YYYY-MM-DD
    outlet: str | None = None
    original_outlet: str | None = None
    republished_by: str | None = None
    original_published: str | None = None  # the first publisher's date, when it differs
    url: str | None = None
    copies: tuple[str, ...] = ()
    language: str | None = None
    genre: str | None = None
    genre_confidence: float | None = None  # the rhetoric stage's probability for ``genre``
    body: str = ""
    removed: tuple[Removal, ...] = ()
    provenance: tuple[FieldEvidence, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    dates: tuple[TimeExpression, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    scare_quotes: tuple[Span, ...] = ()
    events: tuple[Event, ...] = ()
    techniques: tuple[Technique, ...] = ()
    frames: tuple[Frame, ...] = ()
    profile: RhetoricProfile | None = None
    stages: tuple[StageRun, ...] = ()
    # Transient, never stored: the spaCy Doc of ``body`` shared by the NLP stages.
    doc: Any = field(default=None, repr=False, compare=False)

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)


# ---------------------------------------------------------------- codec
# Records go to storage and across processes as plain dicts; the codec is
# driven by the type hints so a new field needs no extra code.

_TRANSIENT = {"doc"}


def to_dict(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {
            f.name: to_dict(getattr(obj, f.name))
            for f in dataclasses.fields(obj)
            if f.name not in _TRANSIENT
        }
    if isinstance(obj, tuple | list):
        return [to_dict(x) for x in obj]
    return obj


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _decode(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decode(args[0], value) if len(args) == 1 else value
    if origin is tuple:
        (item, *_rest) = typing.get_args(tp)
        return tuple(_decode(item, v) for v in value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    return value


T = typing.TypeVar("T")


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    hints = _hints(cls)
    known = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    kwargs = {k: _decode(hints[k], v) for k, v in data.items() if k in known}
    return cls(**kwargs)
