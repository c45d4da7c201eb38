"""The actor knowledge base: the data files in ``data/`` loaded into lookup tables.

Built once per process (``load_kb``). Aliases are tokenised with spaCy's rule-based English
tokenizer (no model, no parse) so that they line up with the tokens of ``article.doc``.
"""

from __future__ import annotations

import calendar
import csv
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ...errors import PipelineError
from ...models import Role

DATA = Path(__file__).parent / "data"

# "The" goes before these names in "President of the United States".
_THE = {"United States", "United Kingdom", "United Arab Emirates", "Netherlands", "Philippines",
        "Czech Republic", "Dominican Republic", "Central African Republic", "Holy See", "Bahamas",
        "Gambia", "Marshall Islands", "Solomon Islands", "Maldives", "Comoros",
        "Republic of the Congo", "Democratic Republic of the Congo"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One knowledge-base actor."""

    id: str
    name: str
    type: str
    country: str | None = None
    gender: str = ""
    roles: tuple[Role, ...] = ()  # Role.title holds the role key; see ``KB.role_title``
    tags: frozenset[str] = frozenset()
    demonyms: tuple[str, ...] = ()
    # states: the role key of the person who leads it; "president<2013-11-17|prime_minister"
    # in states.tsv means the president led until that day, the prime minister since
    leader: str | None = None
    spans: tuple[tuple[str, str], ...] = ()  # roles' (start, end) padded to full dates


@dataclass(frozen=True, slots=True)
class Alias:
    """What a run of tokens can mean. ``kind``: actor | surname | demonym | metonym | seat |
    city | role | honorific | body | state_noun | description."""

    kind: str
    value: str  # actor id, role key, iso-state id, gender letter, body key, ...
    case: tuple[int, ...]  # per token: 0 any case, 1 capitalised, 2 all caps
    extra: str = ""


@dataclass(slots=True)
class KB:
    entries: dict[str, Entry] = field(default_factory=dict)
    aliases: dict[tuple[str, ...], list[Alias]] = field(default_factory=dict)
    prefixes: set[tuple[str, ...]] = field(default_factory=set)
    max_len: int = 1
    state_by_iso: dict[str, str] = field(default_factory=dict)  # ISO3 -> state actor id
    holders: dict[tuple[str, str], list[tuple[str, str, str]]] = field(default_factory=dict)
    role_titles: dict[str, str] = field(default_factory=dict)
    female_titles: dict[str, str] = field(default_factory=dict)
    country_titles: dict[str, dict[str, str]] = field(default_factory=dict)
    role_rank: dict[str, int] = field(default_factory=dict)
    bodies: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    city_preps: frozenset[str] = frozenset()
    generic: frozenset[str] = frozenset()
    past: frozenset[str] = frozenset()

    def add(self, text: str, alias: Alias | None = None, *, kind: str = "", value: str = "",
            extra: str = "", tokens: list[str] | None = None) -> None:
        toks = tokens if tokens is not None else _tokenize(text)
        if not toks:
            return
        key = tuple(norm(t) for t in toks)
        if alias is None:
            alias = Alias(kind, value, tuple(_case(t) for t in toks), extra)
        bucket = self.aliases.setdefault(key, [])
        if alias not in bucket:
            bucket.append(alias)
        for i in range(1, len(key) + 1):
            self.prefixes.add(key[:i])
        self.max_len = max(self.max_len, len(key))

    def holder(self, role: str, org: str, date: str) -> str | None:
        """The person holding ``role`` of ``org`` (actor id) on ``date``; latest start wins."""
        best: tuple[str, str] | None = None
        for person, start, end in self.holders.get((role, org), ()):
            if start <= date <= end and (best is None or start > best[0]):
                best = (start, person)
        return best[1] if best else None

    def leader(self, state: Entry, date: str) -> str:
        """The role key of the state's leading office on ``date``."""
        for spec in (state.leader or "president").split("|"):
            role, _, until = spec.partition("<")
            if not until or date < until:
                return role
        return "president"

    def roles_on(self, entry: Entry, date: str) -> list[Role]:
        """Roles held on ``date``, highest-ranking first."""
        if not entry.roles:
            return []
        on = [r for r, (start, end) in zip(entry.roles, entry.spans, strict=True)
              if start <= date <= end]
        return sorted(on, key=lambda r: self.role_rank.get(r.title, 99))

    def role_title(self, role: Role, gender: str = "") -> str:
        """``Role`` with a key title → a display title such as "President of Belarus"."""
        org = self.entries.get(role.org or "")
        country_title = self.country_titles.get(org.country or "", {}) if org else {}
        title = country_title.get(role.title) or self.role_titles.get(role.title) or role.title
        if gender == "f":
            title = self.female_titles.get(title, title)  # "Queen of Denmark"
        if org is None:
            return title
        name = f"the {org.name}" if org.name in _THE else org.name
        return f"{title} of {name}"


def norm(text: str) -> str:
    """Case-folded, accent-free token text used as the matching key."""
    if text.isascii():  # the common case: nothing to fold but the case
        return text.lower()
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", norm(text)).strip("-") or "x"


def _case(token: str) -> int:
    letters = [c for c in token if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return 2
    return 1 if letters and letters[0].isupper() else 0


def _start(value: str | None) -> str:
    if not value:
        return "0000-00-00"
    return value + "-01-01"[len(value) - 4:] if len(value) < 10 else value


def _end(value: str | None) -> str:
    if not value:
        return "9999-12-31"
    if len(value) == 7:  # a month: its last day ("2025-09" -> "2025-09-30")
        return f"{value}-{calendar.monthrange(int(value[:4]), int(value[5:7]))[1]:02d}"
    return value + "-12-31" if len(value) == 4 else value


_TOKENIZER = None


def _tokenize(text: str) -> list[str]:
    global _TOKENIZER
    if _TOKENIZER is None:
        import spacy  # the rule-based tokenizer only: no model is loaded, nothing is parsed

        _TOKENIZER = spacy.blank("en").tokenizer
    return [t.text for t in _TOKENIZER(text)]


def _rows(name: str) -> list[dict[str, str]]:
    path = DATA / name
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _matchable(value: str) -> list[str]:
    """Values written in parentheses are known but ambiguous ("(Kingston)", "(Congolese)"):
    never matched in text."""
    return [v for v in _split(value) if not v.startswith("(")]


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("ese", "ss", "sh", "ch", "i", "ish")) or " " in demonym:
        return None if not demonym.endswith("i") else demonym + "s"
    return demonym + "s"


@lru_cache(maxsize=1)
def load_kb() -> KB:
    try:
        return _build()
    except (OSError, KeyError, ValueError) as exc:
        raise PipelineError(f"the actor knowledge base in {DATA} could not be read ({exc});"
                            " reinstall newsgraph or fix the data file named above") from exc


def _build() -> KB:
    kb = KB()
    lex = json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"))
    _states(kb)
    _orgs(kb)
    _people(kb)
    kb.role_titles = lex["role_titles"]
    kb.female_titles = lex.get("female_titles", {})
    kb.country_titles = lex["country_titles"]
    kb.role_rank = {k: i for i, k in enumerate(lex["role_rank"])}
    for key, forms in lex["roles"].items():
        for form in forms:
            kb.add(form, kind="role", value=key)
    for word, gender in lex["honorifics"].items():
        kb.add(word, kind="honorific", value=gender)
        kb.add(word.capitalize(), kind="honorific", value=gender)
    for noun in lex["state_nouns"]:
        kb.add(noun, kind="state_noun", value=noun)
    for phrase, (typ, key, name) in lex["bodies"].items():
        kb.bodies[key] = (typ, key, name)
        kb.add(phrase, kind="body", value=key)
    for noun, target in lex["descriptions"].items():
        kb.add("the " + noun, kind="description", value=target)
    for text, actor_id in lex["metonyms"].items():  # cities standing for a body: "Brussels"
        kb.add(text, kind="metonym", value=actor_id, extra=text)
    _cities(kb)
    kb.city_preps = frozenset(lex["city_prepositions"])
    kb.generic = frozenset(lex["generic_determiners"])
    kb.past = frozenset(lex["past_markers"])
    return kb


def _states(kb: KB) -> None:
    for row in _rows("states.tsv"):
        iso = row["iso3"] or None
        actor_id = row["qid"] or f"local:state:{(iso or slug(row['name'])).lower()}"
        demonyms = tuple(_matchable(row["demonyms"]))
        entry = Entry(id=actor_id, name=row["name"], type="state", country=iso,
                      demonyms=demonyms, leader=row["leader"] or None)
        kb.entries[actor_id] = entry
        if iso:
            kb.state_by_iso[iso] = actor_id
        for text in [row["name"], *_split(row["aliases"]), *_pycountry_names(iso)]:
            kb.add(text, kind="actor", value=actor_id)
        for dem in demonyms:
            kb.add(dem, kind="demonym", value=actor_id)
            plural = _plural(dem)
            if plural:
                kb.add(plural, kind="actor", value=actor_id, extra="demonym")
        capitals = _matchable(row["capital"])
        for city in capitals:
            kb.add(city, kind="metonym", value=actor_id, extra=capitals[0])
        for seat in _split(row["seats"]):
            kb.add(seat, kind="seat", value=actor_id)


def _cities(kb: KB) -> None:
    """Large cities (``cities.py``) as places; a name the knowledge base already gives to a
    state, capital, person or organisation keeps that meaning."""
    from .cities import major_cities

    taken = set(kb.aliases)
    for names, iso, name in major_cities():
        for text in names:
            toks = [text] if text.isalpha() else _tokenize(text)  # most names are one word
            if tuple(norm(t) for t in toks) not in taken:
                kb.add(text, kind="city", value=iso, extra=name, tokens=toks)


def _pycountry_names(iso: str | None) -> list[str]:
    """Official ISO names as extra aliases (e.g. "Russian Federation"); skipped when the
    ISO list names the state with a comma ("Korea, Republic of"), which news never writes."""
    if not iso:
        return []
    try:
        import pycountry
    except ImportError:  # optional: the data file already has the common names
        return []
    country = pycountry.countries.get(alpha_3=iso)
    if country is None:
        raise ValueError(f"states.tsv has {iso!r}, which is not an ISO 3166-1 alpha-3 code")
    names = [getattr(country, a, None) for a in ("name", "official_name", "common_name")]
    return [n for n in names if n and "," not in n and "(" not in n]


def _orgs(kb: KB) -> None:
    for row in _rows("orgs.tsv"):
        actor_id = row["qid"] or row["id"]
        entry = Entry(id=actor_id, name=row["name"], type=row["type"],
                      country=row["country"] or None,
                      tags=frozenset(_split(row["tags"])))
        kb.entries[actor_id] = entry
        if row["qid"]:
            kb.entries[row["id"]] = entry  # roles in people.tsv may name the local id
        for text in [row["name"], *_split(row["aliases"])]:
            kb.add(text, kind="actor", value=actor_id)


def _people(kb: KB) -> None:
    for row in _rows("people.tsv"):
        actor_id = row["qid"] or row["id"]
        roles = []
        for spec in filter(None, row["roles"].split(";")):
            key, org, start, end = (spec.split("/") + ["", "", ""])[:4]
            org_id = kb.state_by_iso.get(org) or (kb.entries[org].id if org in kb.entries else org)
            roles.append(Role(title=key, org=org_id, start=start or None, end=end or None))
            kb.holders.setdefault((key, org_id), []).append((actor_id, _start(start), _end(end)))
        entry = Entry(id=actor_id, name=row["name"], type="person", country=row["country"] or None,
                      gender=row["gender"], roles=tuple(roles),
                      spans=tuple((_start(r.start), _end(r.end)) for r in roles))
        kb.entries[actor_id] = entry
        names = [row["name"], *_split(row["aliases"])]
        for text in names:
            kb.add(text, kind="actor", value=actor_id)
        for text in names:
            toks = _tokenize(text)
            if len(toks) > 1 and toks[0][0].isupper() and norm(toks[0]) not in _TITLES \
                    and row["country"] not in _FAMILY_FIRST:
                # the surname (with particles: "von der Leyen", "Le Drian") is known only
                # conditionally: see resolve._person
                surname = _surname(toks, row["country"])
                if surname and norm(" ".join(surname)) != norm(text):
                    kb.add("", Alias("surname", actor_id, tuple(_case(t) for t in surname)),
                           tokens=surname)


_PARTICLES = {"von", "van", "de", "der", "den", "le", "la", "al", "el", "bin", "di", "da", "du"}


# Names that start with a title ("Queen Elizabeth", "Pope Francis") have no surname.
_TITLES = {"king", "queen", "pope", "prince", "princess", "emir", "sheikh", "ayatollah",
           "patriarch", "lord", "president", "sir", "cardinal"}
# Family name first (Xi Jinping, Kim Jong-un, Moon Jae-in): the bare family name ("Kim",
# "Li", "Park") is shared by too many people, so only explicit aliases are used.
_FAMILY_FIRST = {"CHN", "KOR", "PRK", "TWN", "VNM", "MNG"}


def _surname(toks: list[str], country: str) -> list[str]:
    words = [t for t in toks if t not in {".", ","}]
    if len(words) < 2:
        return []
    if country in _FAMILY_FIRST:
        return words[:1]
    i = len(words) - 1
    while i > 1 and norm(words[i - 1]).rstrip("-") in _PARTICLES:
        i -= 1
    tail = words[i:]
    if tail[-1] in {"Jr.", "Sr."} or re.fullmatch(r"[IVX]+", tail[-1]):
        return []
    return tail


def index_stats(kb: KB) -> dict[str, int]:
    """Counts per actor type (for docs and tests)."""
    counts: dict[str, int] = defaultdict(int)
    for actor_id, entry in kb.entries.items():
        if actor_id == entry.id:
            counts[entry.type] += 1
    return dict(counts)
