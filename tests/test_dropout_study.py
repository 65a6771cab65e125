"""scripts.dropout_study: notebook 03's comparisons over several seeds.

The variants, optimisers and final recipe come from the notebook's cells tagged
``recipe``; these tests check that each variant is what its name says, then run every
study end to end on a few thousand images and one or two epochs.
"""

from __future__ import annotations

import keras
import pytest

from helpers import results
from scripts import dropout_study


@pytest.fixture(scope="module")
def recipe():
    return dropout_study.load_recipe()


def dropout_rates(model: keras.Model) -> list[float]:
    return [
        layer.rate for layer in model.layers if isinstance(layer, keras.layers.Dropout)
    ]


def test_each_variant_has_the_dropout_its_name_says(recipe):
    built = {
        name: recipe["variant"](hidden, input_rate)
        for name, (input_rate, hidden) in recipe["VARIANTS"].items()
    }
    assert dropout_rates(built["no dropout"]) == []
    assert dropout_rates(built["reference"]) == pytest.approx([0.4, 0.3, 0.3])
    assert dropout_rates(built["heavy"]) == pytest.approx([0.6, 0.6, 0.6])
    assert dropout_rates(built["input too"]) == pytest.approx([0.2, 0.4, 0.3, 0.3])
    assert isinstance(built["input too"].layers[0], keras.layers.Dropout)
    # dropout adds no parameters: every variant has network A's 242,762
    assert (
        {m.count_params() for m in built.values()}
        == {recipe["network_a"]().count_params()}
        == {242_762}
    )


def test_the_final_schedule_falls_from_0_001_to_5_percent(recipe):
    schedule = recipe["cosine_schedule"](2, 1_000)  # 8 batches of 128 per epoch
    assert float(schedule(0)) == pytest.approx(1e-3)
    assert float(schedule(16)) == pytest.approx(5e-5)
    model = recipe["compile_final"](recipe["network_a"](), 2, 1_000)
    assert isinstance(model.optimizer, keras.optimizers.RMSprop)


def test_every_study_writes_every_arm(tmp_path):
    dropout_study.main(
        ["--seeds", "3", "--epochs", "2", "--limit", "1000"]
        + ["--output", str(tmp_path)]
    )
    variants = results.read_results(tmp_path / "dropout_variants.csv")
    assert variants.attrs["header"][2] == (
        "command: python -m scripts.dropout_study --seeds 3 --epochs 2 --limit 1000"
        f" --output {tmp_path}"
    )
    names = list(dropout_study.load_recipe()["VARIANTS"])
    assert len(variants) == len(names) * 2  # variants x epochs, on the one seed
    assert set(variants["seed"]) == {3}
    assert list(dict.fromkeys(variants["arm"])) == names
    for column in ["accuracy", "val_accuracy", "eval_accuracy"]:
        assert variants[column].between(0, 1).all()
    optimisers = results.read_results(tmp_path / "optimisers.csv")
    assert set(optimisers["arm"]) == {"RMSprop", "SGD + Nesterov", "Adam"}
    # RMSprop on network A's rates is the "reference" variant: a rerun from the
    # same seed gives the same numbers
    columns = ["seed", "epoch", "loss", "val_loss", "eval_loss"]
    same = variants[variants["arm"] == "reference"][columns].reset_index(drop=True)
    again = optimisers[optimisers["arm"] == "RMSprop"][columns].reset_index(drop=True)
    assert same.equals(again)
    epochs = results.read_results(tmp_path / "network_a_epochs.csv")
    assert len(epochs) == 2 and set(epochs["seed"]) == {3}
    assert (epochs["val_loss"] > 0).all()


def test_unknown_studies_are_refused():
    with pytest.raises(SystemExit):
        dropout_study.main(["dropout"])
