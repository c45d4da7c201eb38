"""Speed of the cross-article pass on synthetic articles (records built directly, no NLP).

Each synthetic article belongs to one of n/50 latent stories (3-5 actors, a date, a pool of
event dyads, a pool of 40 topic words) and carries a 60-word text, 1-3 events with jittered
dates and a topic profile of 32 terms (half from its story's pool, half drawn from a
Zipf-distributed 30,000-word vocabulary, as in real text); 5% are verbatim copies with a
banner. Times shingling+MinHash, copy linking, story clustering and incident merging
separately (CPU seconds of this process, so other load on the machine does not
inflate them), at several sizes to show the growth is near linear, and the peak RSS.
``--store`` also times ``newsgraph.compare.update`` on a SQLite store holding the features.

    python -m benchmarks.speed_compare --n 10000 30000 100000
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from newsgraph.compare.clustering import cluster_stories
from newsgraph.compare.duplicates import link_copies
from newsgraph.compare.features import Features, minhash, paused_gc, shingles
from newsgraph.compare.incidents import QUAD, merge_incidents
from newsgraph.compare.terms import TOP_TERMS

TYPES = sorted(QUAD)
WORDS = [f"w{i}" for i in range(5000)]
# Content words after the stop list: Zipf frequencies, the 100 commonest (function words) gone.
VOCABULARY = [sys.intern(f"term{i}") for i in range(30_000)]
ZIPF = list(itertools.accumulate(1.0 / (r + 100) for r in range(len(VOCABULARY))))


def _topic(rng: random.Random, pool: list[str]) -> tuple[tuple[str, ...], bytes]:
    """32 distinct terms, most frequent first: half from the story's pool of 40, half from the
    whole vocabulary; most occur once, some up to 5 times, as in a short news text."""
    words = set(rng.sample(pool, TOP_TERMS // 2))
    while len(words) < TOP_TERMS:
        words.add(rng.choices(VOCABULARY, cum_weights=ZIPF)[0])
    counts = {w: 1 if rng.random() < 0.7 else rng.randint(2, 5) for w in sorted(words)}
    ranked = sorted(counts, key=lambda w: -counts[w])
    return tuple(ranked), bytes(counts[w] for w in ranked)


def synthetic(n: int, seed: int = 7) -> list[Features]:
    rng = random.Random(seed)
    n_stories = max(1, n // 50)
    actors = [f"Q{i}" for i in range(max(50, n // 20))]
    stories = []
    for s in range(n_stories):
        cast = rng.sample(actors, rng.randint(3, 5))
        day = 730_000 + rng.randint(0, 3650)  # ordinal days over ten years
        dyads = [(rng.choice(TYPES), *rng.sample(cast, 2)) for _ in range(4)]
        pool = list(dict.fromkeys(rng.choices(VOCABULARY, cum_weights=ZIPF, k=60)))[:40]
        stories.append((s, cast, day, dyads, pool))
    out: list[Features] = []
    for i in range(n):
        if out and rng.random() < 0.05:  # a republished copy of an earlier article
            src = out[rng.randrange(len(out))]
            out.append(Features(id=f"a{i}", published=src.published, outlet=f"mirror{i % 97}",
                                title=src.title, shingles=src.shingles,
                                signature=src.signature, actors=src.actors,
                                events=src.events, terms=src.terms,
                                term_counts=src.term_counts))
            continue
        _s, cast, day, dyads, pool = stories[rng.randrange(n_stories)]
        pub = day + rng.randint(0, 20)
        text = " ".join(rng.choices(WORDS, k=60))
        h = shingles(text)
        events = []
        for k in range(rng.randint(1, 3)):
            type_, src_actor, dst_actor = rng.choice(dyads)
            d = day + rng.randint(-1, 1)
            events.append({"idx": k, "type": type_, "source": src_actor, "target": dst_actor,
                           "status": "asserted" if rng.random() < 0.9 else "negated",
                           "date": _iso(d), "date_source": "sentence", "location": None,
                           "start": 0, "end": 10, "text": text[:40], "quantities": [],
                           "techniques": []})
        terms, counts = _topic(rng, pool)
        out.append(Features(
            id=f"a{i}", published=_iso(pub), outlet=f"outlet{i % 211}", title=f"story {_s}",
            shingles=int(h.size), signature=minhash(h),
            actors=tuple((a, float(rng.randint(1, 9))) for a in cast), events=tuple(events),
            terms=terms, term_counts=counts))
    out.sort(key=lambda f: (f.published or "", f.id))
    return out


def _iso(ordinal: int) -> str:
    from datetime import date

    return date.fromordinal(ordinal).isoformat()


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _Counted:
    """Wraps a module function to count calls: comparisons per article, free of CPU noise."""

    def __init__(self, module: object, name: str) -> None:
        self.module, self.name, self.fn, self.calls = module, name, getattr(module, name), 0
        setattr(module, name, self)

    def __call__(self, *args: object) -> object:
        self.calls += 1
        return self.fn(*args)

    def restore(self) -> None:
        setattr(self.module, self.name, self.fn)


def run(n: int) -> dict[str, float]:
    from newsgraph.compare import clustering, duplicates, incidents

    counters = [_Counted(duplicates, "containment"), _Counted(clustering, "score"),
                _Counted(incidents, "_gap")]
    try:
        result = _run(n)
    finally:
        for c in counters:
            c.restore()
    for c in counters:
        result[f"{c.name}_per_article"] = c.calls / n
    return result


def _run(n: int) -> dict[str, float]:
    t0 = time.process_time()
    features = synthetic(n)
    t1 = time.process_time()
    with paused_gc():  # as newsgraph.compare.update runs the pass
        links = link_copies(features)
        t2 = time.process_time()
        stories = cluster_stories(features, links)
        t3 = time.process_time()
        incidents = merge_incidents(features, links)
        t4 = time.process_time()
    return {"n": n, "build+minhash_s": t1 - t0, "copies_s": t2 - t1, "stories_s": t3 - t2,
            "incidents_s": t4 - t3, "cross_article_s": t4 - t1,
            "us_per_article": 1e6 * (t4 - t1) / n, "copy_pairs": len(links.pairs),
            "stories": len(stories), "incidents": len(incidents), "peak_rss_mb": _rss_mb()}


def run_store(n: int) -> dict[str, float]:
    import newsgraph.compare as compare
    from newsgraph.compare import storage
    from newsgraph.store import SQLiteStore

    features = synthetic(n)
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "bench.db")
        store.insert("articles", [
            {"id": f.id, "source_uri": "synthetic", "source_format": "text", "source_id": None,
             "title": f.title, "published": f.published, "outlet": f.outlet,
             "original_outlet": None, "republished_by": None, "language": "en",
             "genre": None, "body": "", "stage_versions": "",
             "record": json.dumps({"id": f.id, "source": {"uri": "synthetic",
                                                          "format": "text"}}),
             "ingested_at": ""} for f in features])
        storage.save_features(store, features)
        del features  # the peak below is update()'s own, not the generator's
        t0 = time.process_time()
        counts = compare.update(store, [])  # includes writing copies[] into ~5% of records
        t1 = time.process_time()
        store.close()
    return {"n": n, "update_s": t1 - t0, **counts, "peak_rss_mb": _rss_mb()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--store", action="store_true", help="also time update() on SQLite")
    parser.add_argument("--store-only", action="store_true", help="only the --store timing")
    args = parser.parse_args()
    np.seterr(over="ignore")
    for n in [] if args.store_only else args.n:
        r = run(n)
        print("  ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}"
                        for k, v in r.items()), flush=True)
    if args.store or args.store_only:
        for n in args.n:  # a separate pass: the first loop's peak RSS stays its own
            r = run_store(n)
            print("store " + "  ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}"
                                       for k, v in r.items()), flush=True)


if __name__ == "__main__":
    main()
