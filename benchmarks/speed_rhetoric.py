"""Speed of the rhetoric stage on one core, next to spaCy en_core_web_sm alone.

Uses the first N SemEval training articles from ../shared/data/rhetoric when present
(about 930 words on average), else N synthetic ~800-word articles built from sentences
written for this benchmark. Reports articles per CPU-second (what one core gives even
when the machine is shared) and the stage's cost as a fraction of the spaCy parse.

    python3 -m benchmarks.speed_rhetoric --n 100
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one core, as the target says
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from newsgraph.models import Article, Sentence, SourceRef  # noqa: E402
from newsgraph.stages.parsing import load_nlp  # noqa: E402
from newsgraph.stages.rhetoric import RhetoricAnalyzer  # noqa: E402

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "rhetoric"
SENTENCES = [
    "The ministers met in Minsk on Tuesday to discuss oil deliveries for the coming year.",
    "Critics called the deal a shameful surrender that will leave the country at the mercy "
    "of its neighbour.",
    "According to the energy ministry, exports fell by 12 percent in January.",
    "Why should anyone trust a government that has broken every promise it ever made?",
    "Officials said the talks would resume next week, although no date has been set.",
    "This reckless policy threatens the livelihoods of millions of hard-working families!",
    "The pipeline carries about two million tons of crude each month.",
    "Some analysts believe the dispute could escalate if prices keep rising.",
]


def synthetic(n: int) -> list[str]:
    rng = random.Random(5)
    out = []
    for _ in range(n):
        paras = []
        while sum(len(p.split()) for p in paras) < 800:
            paras.append(" ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 4))))
        out.append("\n\n".join(paras))
    return out


def texts(n: int) -> tuple[list[str], str]:
    path = DATA / "techniques_train.jsonl"
    if path.is_file():
        lines = path.read_text(encoding="utf-8").splitlines()[:n]
        return [json.loads(line)["text"] for line in lines], "SemEval training articles"
    return synthetic(n), "synthetic ~800-word articles"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=100)
    args = ap.parse_args()
    bodies, kind = texts(args.n)
    words = sum(len(b.split()) for b in bodies) / len(bodies)
    nlp = load_nlp()
    stage = RhetoricAnalyzer()
    nlp("warm up")  # type: ignore[operator]
    t0 = time.process_time()
    docs = list(nlp.pipe(bodies, batch_size=16))  # type: ignore[attr-defined]
    spacy_cpu = time.process_time() - t0
    articles = [Article(id=str(i), source=SourceRef(uri="bench", format="text"), body=b,
                        sentences=tuple(Sentence(start=s.start_char, end=s.end_char)
                                        for s in d.sents), doc=d)
                for i, (b, d) in enumerate(zip(bodies, docs, strict=True))]
    stage(articles[:2])  # warm caches
    t0 = time.process_time()
    wall = time.perf_counter()
    stage(articles)
    stage_cpu = time.process_time() - t0
    wall = time.perf_counter() - wall
    print(f"{len(bodies)} {kind}, {words:.0f} words on average")
    print(f"spaCy en_core_web_sm alone : {len(bodies) / spacy_cpu:7.1f} articles/CPU-s")
    print(f"rhetoric stage             : {len(bodies) / stage_cpu:7.1f} articles/CPU-s"
          f" ({len(bodies) / wall:.1f}/s wall)")
    print(f"rhetoric / spaCy cost      : {stage_cpu / spacy_cpu:7.2f}")


if __name__ == "__main__":
    main()
