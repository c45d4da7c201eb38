# One place for chores; CI runs the same targets (see .ci/run).
PY ?= python3
SHARED ?= ../shared

.PHONY: setup setup-ci demo test test-fast lint bench profile gates train-rhetoric

setup:            ## install newsgraph with everything the tests need
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q "torch==2.13.0"
	$(PY) -m pip install -q -e ".[ml,postgres,spark,test]"

demo: setup       ## analyse the bundled examples into ./newsgraph.db and write the dossier
	newsgraph analyze examples/articles --db newsgraph.db --report dossier.html

test: setup       ## the full test suite (quality gates included)
	$(PY) -m pytest tests benchmarks/gates -q -p no:cacheprovider

test-fast:        ## without setup
	$(PY) -m pytest tests benchmarks/gates -q -p no:cacheprovider

lint:
	ruff check newsgraph tests benchmarks
	mypy newsgraph

bench:            ## speed runs against named baselines (prints a table)
	$(PY) -m benchmarks.speed

profile:          ## CPU and memory per stage, plus a pyinstrument profile (the bench extra)
	$(PY) -m benchmarks.profile_pipeline

gates:            ## quality gates only
	$(PY) -m pytest benchmarks/gates -q -p no:cacheprovider

train-rhetoric:   ## retrain the rhetoric weights from $(SHARED)/data/rhetoric (needs the ml extra)
	HF_HUB_OFFLINE=1 OPENBLAS_NUM_THREADS=1 $(PY) -m newsgraph.stages.rhetoric.training --data $(SHARED)/data/rhetoric
