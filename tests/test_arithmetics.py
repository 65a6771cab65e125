"""scripts.arithmetics: claim and checkpoint lines under each CPU arithmetic."""

from __future__ import annotations

import subprocess
import sys

import nbformat
import pandas as pd

from helpers import results
from scripts import arithmetics
from tools import ROOT


def test_every_machine_has_onednn_and_eigen_and_avx512_also_avx2_code():
    assert list(arithmetics.arithmetics("AVX2")) == ["oneDNN", "Eigen"]
    wide = arithmetics.arithmetics("AVX-512 with bfloat16")
    assert wide["oneDNN, AVX2 code"]["ONEDNN_MAX_CPU_ISA"] == "AVX2"
    assert wide["Eigen"] == {"TF_ENABLE_ONEDNN_OPTS": "0"}


def test_the_script_records_each_arithmetic_and_keeps_other_kinds(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "import os\n"
            "from helpers.checks import checkpoint, claim\n"
            "eigen = os.environ['TF_ENABLE_ONEDNN_OPTS'] == '0'\n"
            "checkpoint('model', 0.95, at_least=0.9)\n"
            "claim('share', 0.5 if eigen else 0.4, near=0.45, within=0.1)"
        )
    ]
    nbformat.write(nb, folder / "01_x.ipynb")
    output = tmp_path / "arithmetics.csv"
    other = pd.DataFrame(
        [["another kind", "oneDNN", "01_x.ipynb", "claim", "share", 0.41]],
        columns=arithmetics.COLUMNS,
    )
    other.to_csv(output, index=False)

    # run as make and the README run it, so that the header names the module
    argv = [str(folder / "01_x.ipynb"), "--output", str(output)]
    subprocess.run(
        [sys.executable, "-m", "scripts.arithmetics", *argv], check=True, cwd=ROOT
    )
    measured = results.read_results(output)
    header = measured.attrs["header"]
    assert (
        header[1] == "rows of other CPU kinds were measured there by the same command"
    )
    assert header[3] == f"command: python -m scripts.arithmetics {' '.join(argv)}"
    kinds = set(measured["cpu_kind"])
    assert "another kind" in kinds and len(kinds) == 2  # the other kind's row is kept
    here = measured[measured["cpu_kind"] != "another kind"].set_index(
        ["arithmetic", "name"]
    )
    assert here.loc[("oneDNN", "share"), "value"] == 0.4
    assert here.loc[("Eigen", "share"), "value"] == 0.5
    assert here.loc[("Eigen", "model"), "line"] == "checkpoint"
