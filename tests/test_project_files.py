"""The GitHub workflows and CITATION.cff are valid against their published schemas.

check-jsonschema ships both schemas (``--builtin-schema``), so this runs offline.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tools import ROOT
from tools.lock import course_settings

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


def check_jsonschema(schema: str, *paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema]
        + [str(p) for p in paths],
        capture_output=True,
        text=True,
        check=False,
    )


def test_there_is_a_workflow_running_make_test_on_push_and_pull_request():
    workflow = yaml.safe_load((ROOT / ".github/workflows/test.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as True
    assert {"push", "pull_request"} <= set(triggers)
    (job,) = workflow["jobs"].values()
    commands = [step.get("run", "") for step in job["steps"]]
    assert "MNIST_DATA_DIR=~/mnist ${{ matrix.check }}" in commands
    colab = course_settings()["colab-python"]
    entries = job["strategy"]["matrix"]["include"]
    # the README's test command, and Colab's own stack, both on Colab's Python
    assert {"python": colab, "check": "make test"} in entries
    assert any(
        e["python"] == colab and e["check"].startswith("make test-colab")
        for e in entries
    )


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_valid(path):
    result = check_jsonschema("vendor.github-workflows", path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_check_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("name: broken\non: push\njobs:\n  test:\n    steps: []\n")
    assert check_jsonschema("vendor.github-workflows", broken).returncode != 0


def test_the_bug_form_is_valid_and_asks_where_the_notebook_ran():
    form = ROOT / ".github/ISSUE_TEMPLATE/bug.yml"
    result = check_jsonschema("vendor.github-issue-forms", form)
    assert result.returncode == 0, result.stdout + result.stderr
    fields = {item.get("id"): item for item in yaml.safe_load(form.read_text())["body"]}
    assert {"Google Colab", "Kaggle"} <= set(fields["where"]["attributes"]["options"])
    assert {"CPU", "GPU"} <= set(fields["device"]["attributes"]["options"])
    assert fields["versions"]["validations"]["required"]
    notebooks = [p.name[:2] for p in sorted((ROOT / "notebooks").glob("*.ipynb"))]
    offered = [option[:2] for option in fields["notebook"]["attributes"]["options"]]
    assert notebooks == offered[: len(notebooks)]  # one option per notebook, in order


def test_citation_file_is_valid_cff():
    result = check_jsonschema("vendor.citation-file-format", ROOT / "CITATION.cff")
    assert result.returncode == 0, result.stdout + result.stderr
