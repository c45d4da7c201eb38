"""The bundled examples read in every form without an error, extract to real text, and come
out of the ingest stages with the right metadata and no furniture left."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.ingest import iter_documents
from newsgraph.models import Article, RawDocument
from newsgraph.pipeline import INGEST_STAGES, Pipeline, new_article
from newsgraph.stages.extraction import extract

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


def test_examples_read_and_extract() -> None:
    out = list(iter_documents([str(EXAMPLES)]))
    docs = [d for d in out if isinstance(d, RawDocument)]
    assert len(docs) == len(out) == 9, [d for d in out if not isinstance(d, RawDocument)]
    assert {d.source.format for d in docs} == {"text", "html", "pdf", "jsonl", "feed"}
    for article in extract([new_article(d) for d in docs]):
        words = len(article.raw.split())
        assert 120 <= words <= 450, (article.source, words)
    pdf = next(d for d in docs if d.kind == "pdf")
    repaired = extract([new_article(pdf)])[0].raw
    # the masthead stays once, at the top (it names the outlet); the footer and page numbers go
    assert repaired.startswith("Energy Security Digest · www.esdigest.example\n\n")
    assert repaired.count("Energy Security Digest") == 1 and "Page 1" not in repaired
    assert "suspended last week" in repaired and "Russian investigators opened a case" in repaired


# (file, record id or None) → title, authors, published, outlet, original_outlet, republished_by
EXPECTED = {
    ("01_oil_cutoff_paste.txt", None): (
        "Minsk Left Without Russian Oil as New Year Begins", ("Jonas Petrauskas",),
        "2020-01-03", "Eastern Flank Review", None, None),
    ("02_pompeo_minsk.html", None): (
        "Pompeo in Minsk: US offers Belarus oil and a return of ambassadors", ("Rachel Moore",),
        "2020-02-01", "Atlantic Dispatch", None, None),
    ("03_druzhba_contamination.pdf", None): (
        "Contaminated Russian oil halts the Druzhba pipeline", ("Katarzyna Nowak",),
        "2019-04-29", "Energy Security Digest", None, None),
    ("04_energy_wire.jsonl", "ew-2019-12-21-ns2"): (
        "US sanctions halt work on Nord Stream 2", ("Thomas Berg",), "2019-12-21",
        "Energy Wire", None, None),
    ("04_energy_wire.jsonl", "ew-2020-01-22-klaipeda"): (
        "Norwegian crude reaches Belarus via Klaipeda", ("Olga Sidorenko",), "2020-01-22",
        "Energy Wire", None, None),
    ("04_energy_wire.jsonl", "ew-2020-02-08-sochi"): (
        "Sochi meeting brings no breakthrough on Belarus oil", ("Thomas Berg", "Olga Sidorenko"),
        "2020-02-08", "Energy Wire", None, None),
    ("05_security_feed.xml", "https://esm.example/2020/03/defender-europe-scaled-back"): (
        "Defender Europe 20 cut back because of the coronavirus", ("Maria Lindqvist",),
        "2020-03-17", "Eastern Security Monitor", None, None),
    ("05_security_feed.xml", "https://esm.example/2020/10/eu-sanctions-belarus"): (
        "EU agrees sanctions on Belarusian officials after election", ("Pierre Lambert",),
        "2020-10-02", "Eastern Security Monitor", None, None),
    ("06_pompeo_minsk_republished.txt", None): (
        "Pompeo in Minsk: US offers Belarus oil and a return of ambassadors", ("Rachel Moore",),
        "2020-02-01", "Northern Crossroads", "Atlantic Dispatch", "Northern Crossroads"),
}
FURNITURE = ["](#)", "READ MORE", "share", "Copyright", "©", "Facebook", "fair use", "cookie",
             "Energy Security Digest", "www.", "Subscribe", "is a regular contributor"]


@pytest.fixture(scope="module")
def ingested() -> dict[tuple[str, str | None], Article]:
    docs = [d for d in iter_documents([str(EXAMPLES)]) if isinstance(d, RawDocument)]
    out = Pipeline(INGEST_STAGES).run([new_article(d) for d in docs])
    assert all(isinstance(a, Article) for a in out), out
    return {(Path(a.source.uri).name, a.source.id): a for a in out if isinstance(a, Article)}


def test_examples_metadata(ingested: dict[tuple[str, str | None], Article]) -> None:
    assert set(ingested) == set(EXPECTED)
    for key, want in EXPECTED.items():
        a = ingested[key]
        got = (a.title, a.authors, a.published, a.outlet, a.original_outlet, a.republished_by)
        assert got == want, key
        assert a.language == "en"


@pytest.mark.parametrize("key", sorted(EXPECTED, key=str))
def test_examples_bodies_clean(ingested: dict[tuple[str, str | None], Article],
                               key: tuple[str, str | None]) -> None:
    body = ingested[key].body
    for word in FURNITURE:
        assert word.lower() not in body.lower(), (key, word)
    assert ingested[key].title not in body
    assert len(ingested[key].sentences) >= 4
