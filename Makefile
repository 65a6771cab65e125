# The course's commands. Each creates .venv when it is absent and installs the
# project into it with the exact versions in constraints.txt.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))

.DEFAULT_GOAL := help
.PHONY: help run check test test-portable test-lax outputs export student lab lint lock lock-check test-colab site bench experiments release-check clean

# A missed checkpoint is an error under the course's own commands (on a learner's
# machine it is a warning): see helpers/checks.py.
run test test-portable test-lax outputs: export COURSE_STRICT := 1

$(INSTALLED): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[test,lab,docs]"
	touch $(INSTALLED)

## help: list the commands (this text comes from the ## comments in the Makefile)
help:
	@sed -n 's/^## //p' $(MAKEFILE_LIST)

## run: execute every notebook from a fresh kernel into build/ (+ HTML), print a summary
run: $(INSTALLED)
	$(PY) -m tools.execute --output build $(NOTEBOOKS)

## check: the fast loop: lint, the export check, the unit tests that train nothing (under 2 min)
check: $(INSTALLED) lint
	$(PY) -m tools.export --check
	$(PY) -m pytest --quick tests

## test: everything: lint, the export check, every unit test, strict nbval against the stored outputs
test: $(INSTALLED) lint
	$(PY) -m tools.export --check
	$(PY) -m pytest

## test-portable: the notebooks' strict tests again under a second CPU arithmetic (oneDNN off)
# The stored outputs must not depend on which CPU recorded them. TensorFlow's Eigen
# kernels (TF_ENABLE_ONEDNN_OPTS=0) round differently from oneDNN's, like a CPU of the
# other kind; on an AVX-512 machine oneDNN is also held to AVX2 code, the arithmetic of
# the AVX2 kind. Lint and unit tests are make test's; this runs the notebooks only.
test-portable: $(INSTALLED)
	TF_ENABLE_ONEDNN_OPTS=0 $(PY) -m pytest notebooks
	if grep -qw avx512f /proc/cpuinfo 2>/dev/null; then \
		ONEDNN_MAX_CPU_ISA=AVX2 $(PY) -m pytest notebooks; fi

## test-lax: lint, unit tests, and every notebook run without comparing outputs (other versions)
test-lax: $(INSTALLED) lint
	$(PY) -m pytest --nbval-lax

## test-colab: Colab's Python and versions ([tool.course]), the course installed as there, tests, notebooks lax
# A virtual environment of its own: Colab's versions first, then the course as the
# notebooks' install cell adds it on Colab (plain pip, no constraints), then the test
# tools held by tools.colab's constraints so that none of Colab's versions moves.
# Outputs are not compared: the stored ones come from the lock's newer NumPy and pandas.
COLAB_PYTHON ?= python3.13
COLAB_VENV := .venv-colab
COLAB_PY := $(COLAB_VENV)/bin/python
test-colab: export COURSE_STRICT := 1
test-colab:
	test -x $(COLAB_PY) || $(COLAB_PYTHON) -m venv $(COLAB_VENV)
	$(COLAB_PY) -m pip install --quiet --upgrade pip
	$(COLAB_PY) -m tools.colab requirements > $(COLAB_VENV)/colab.txt
	$(COLAB_PY) -m pip install --quiet -r $(COLAB_VENV)/colab.txt
	$(COLAB_PY) -m pip install --quiet .
	$(COLAB_PY) -m tools.colab constraints > $(COLAB_VENV)/constraints.txt
	$(COLAB_PY) -m pip install --quiet -c $(COLAB_VENV)/constraints.txt ".[test,lab]"
	$(COLAB_PY) -m tools.colab check
	COURSE_STACK=colab $(COLAB_PY) -m pytest --nbval-lax

lint: $(INSTALLED)
	$(PY) -m ruff check helpers tools tests notebooks scripts
	$(PY) -m ruff format --check helpers tools tests notebooks scripts

## outputs: re-export the lessons, then re-execute the notebooks in place (fresh outputs)
outputs: export
	$(PY) -m tools.execute --inplace $(NOTEBOOKS)

## export: copy the notebooks' cells tagged export into helpers/lessons/ (see tools/export.py)
export: $(INSTALLED)
	$(PY) -m tools.export

## site: the course as a web site in build/site/ from the stored outputs (offline; runs nothing)
site: $(INSTALLED)
	$(PY) -m tools.site

## student: copies of the notebooks for a class, without outputs or solutions, in build/student/
student: $(INSTALLED)
	$(PY) -m tools.student --output build/student $(NOTEBOOKS)

## lab: open JupyterLab on notebooks/
lab: $(VENV)/.installed-lab
	$(VENV)/bin/jupyter lab notebooks

$(VENV)/.installed-lab: $(INSTALLED)
	$(PY) -m pip install --quiet -c constraints.txt -e ".[lab]"
	touch $@

## bench: seconds to 99.0% and 99.5% test accuracy: keras-io's convnet, notebook 04's, notebook 07's
bench: $(INSTALLED)
	$(PY) -m scripts.bench

## experiments: re-run notebook 03's, 04's and 07's multi-seed studies into notebooks/results/ (about 90 min)
experiments: $(INSTALLED)
	$(PY) -m scripts.dropout_study
	$(PY) -m scripts.convnet_changes
	$(PY) -m scripts.challenge seeds ingredients

## lock: re-resolve constraints.txt for every supported Python (after changing pyproject.toml)
lock: $(INSTALLED)
	$(PY) -m tools.lock

## lock-check: a fresh venv per supported Python installs the lock and passes pip check
lock-check: $(INSTALLED)
	$(PY) -m pytest -m lock_install tests/test_lock_install.py

## release-check: fail while the notebooks still point at the placeholder repository
release-check: $(INSTALLED)
	$(PY) -m tools.repository --check

clean:
	rm -rf build $(VENV) $(COLAB_VENV)
