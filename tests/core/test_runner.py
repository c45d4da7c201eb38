"""The Runner: content-hash identity, stage-version reruns, process pool equivalence."""

from __future__ import annotations

from pathlib import Path

from newsgraph.api import Runner, read_inputs
from newsgraph.export import article_record
from newsgraph.pipeline import INGEST_STAGES
from newsgraph.store import open_store

TEXTS = [
    "Russia cut oil deliveries to Belarus in December, officials in Minsk said.",
    "NATO held exercises in Poland and Lithuania last week.",
    "Pompeo visited Minsk on Saturday.",
    "The Druzhba pipeline was contaminated with organic chloride in April 2019.",
    "Lukashenko met Putin in Sochi on Friday.",
]


def _files(tmp_path: Path) -> list[str]:
    out = []
    for i, text in enumerate(TEXTS):
        p = tmp_path / f"a{i}.txt"
        p.write_text(text, encoding="utf-8")
        out.append(str(p))
    return out


def test_rerun_is_a_no_op(tmp_path: Path) -> None:
    files = _files(tmp_path)
    store = open_store(str(tmp_path / "s.db"))
    runner = Runner(store=store, stages=INGEST_STAGES)
    _, first = runner.run(read_inputs(files))
    _, second = runner.run(read_inputs(files))
    assert len(first.stored) == len(TEXTS) and not first.failed
    assert second.stored == [] and len(second.unchanged) == len(TEXTS)
    store.close()


def test_worker_pool_gives_the_same_records(tmp_path: Path) -> None:
    files = _files(tmp_path)
    one, _ = Runner(stages=INGEST_STAGES, workers=1, batch=2).run(read_inputs(files))
    two, _ = Runner(stages=INGEST_STAGES, workers=2, batch=2).run(read_inputs(files))
    assert [article_record(a) for a in two] == [article_record(a) for a in one]


def test_started_pool_is_kept_across_runs(tmp_path: Path) -> None:
    """`with Runner(...)` loads the workers once; every run reuses them, even a tiny one."""
    files = _files(tmp_path)
    one, _ = Runner(stages=INGEST_STAGES, workers=1).run(read_inputs(files))
    with Runner(stages=INGEST_STAGES, workers=2, batch=2) as runner:
        pids = runner.warm()
        assert len(pids) == 2
        first, _ = runner.run(read_inputs(files))
        second, _ = runner.run(read_inputs(files[:1]))  # one batch: still the pool
        assert runner.warm() == pids  # the same worker processes answered
    assert [article_record(a) for a in first] == [article_record(a) for a in one]
    assert [a.id for a in second] == [one[0].id]


def test_results_stream_without_keeping(tmp_path: Path) -> None:
    from newsgraph.api import RunSummary

    files = _files(tmp_path)
    summary = RunSummary()
    stream = Runner(stages=INGEST_STAGES).results(read_inputs([*files, files[0]]), summary)
    assert len(list(stream)) == len(TEXTS)
    assert len(summary.unchanged) == 1  # the repeated input is skipped, not re-analysed
