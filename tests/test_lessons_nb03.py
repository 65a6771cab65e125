"""Notebook 03's exported tools (`helpers.lessons.nb03`): the inference-mode
measurement of the training images, the loss split by outcome, and the tables that
compare set-ups over seeds, unpaired and paired."""

from __future__ import annotations

import keras
import numpy as np
import pandas as pd
import pytest

from helpers.lessons import nb03

RUNS = pd.DataFrame(
    {
        "variant": ["full"] * 3 + ["no aug"] * 3 + ["half"] * 2 + ["wide"] * 2,
        "errors": [40, 44, 42, 50, 53, 47, 43, 39, 35, 38],
    }
)


def test_evaluate_each_epoch_records_the_data_in_inference_mode():
    # dropout 0.9 on a model whose output is its input: in training mode the
    # running loss is far from 0, in inference mode it is exactly 0
    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dropout(0.9)])
    model.compile(optimizer="sgd", loss="mse", metrics=["mae"])
    x = np.arange(1, 41, dtype="float32").reshape(10, 4)
    history = model.fit(
        x, x, epochs=2, verbose=0, callbacks=[nb03.EvaluateEachEpoch(x, x)]
    )
    assert history.history["eval_loss"] == [0.0, 0.0]
    assert history.history["eval_mae"] == [0.0, 0.0]
    assert min(history.history["loss"]) > 1.0


def test_loss_by_outcome_splits_the_validation_loss_between_right_and_wrong():
    keras.utils.set_random_seed(0)
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 5)).astype("float32")
    y = keras.utils.to_categorical(rng.integers(0, 3, 200), 3)
    model = keras.Sequential(
        [keras.Input(shape=(5,)), keras.layers.Dense(3, activation="softmax")]
    )
    model.compile(optimizer="sgd", loss="categorical_crossentropy")
    history = model.fit(
        x,
        y,
        validation_data=(x, y),
        epochs=2,
        verbose=0,
        callbacks=[nb03.LossByOutcome(x, y)],
    )
    logs = {key: values[-1] for key, values in history.history.items()}
    wrong = logs["val_wrong"]
    assert 0 < wrong < 200  # random labels: some right, some wrong
    mixed = (
        wrong * logs["val_loss_wrong"] + (200 - wrong) * logs["val_loss_right"]
    ) / 200
    assert mixed == pytest.approx(logs["val_loss"], rel=1e-4)
    assert logs["val_loss_wrong"] > logs["val_loss_right"]


def test_paired_differences_subtract_the_reference_on_the_same_seed():
    runs = pd.DataFrame(
        {
            "variant": ["a"] * 3 + ["b"] * 3 + ["c"] * 3,
            "seed": [1, 2, 3] * 3,
            "loss": [0.5, 0.6, 0.7, 0.45, 0.58, 0.69, 0.52, 0.55, 0.72],
        }
    )
    table = nb03.paired_differences(runs, "variant", "loss", reference="a")
    assert list(table.index) == ["b", "c"]
    assert table.loc["b", "per seed"] == pytest.approx([-0.05, -0.02, -0.01])
    assert table.loc["b", "mean"] == pytest.approx(-0.08 / 3)
    assert table.loc["b", "same sign on every seed"]
    assert not table.loc["c", "same sign on every seed"]


def test_spread_table_flags_only_ranges_that_do_not_overlap():
    table = nb03.spread_table(RUNS, "variant", "errors", reference="full")
    assert list(table.index) == ["full", "no aug", "half", "wide"]
    assert table.loc["no aug", "mean"] == pytest.approx(50)
    assert table.loc["no aug", "mean - reference"] == pytest.approx(8)
    assert table.loc["no aug", "min"] == 47 and table.loc["half", "runs"] == 2
    # 47..53 lies above 40..44 and 35..38 below it: beyond the spread; 39..43 overlaps
    assert table["beyond spread"].tolist() == [False, True, False, True]


def test_spread_table_without_reference_compares_each_group_with_the_one_above():
    table = nb03.spread_table(RUNS, "variant", "errors")
    assert np.isnan(table.loc["full", "mean - row above"])
    assert table.loc["half", "mean - row above"] == pytest.approx(41 - 50)
    # no aug (47..53) vs full (40..44): clear; half (39..43) vs no aug: clear;
    # wide (35..38) vs half (39..43): clear; the first row has nothing above it
    assert table["beyond spread"].tolist() == [False, True, True, True]
    overlapping = pd.DataFrame({"variant": list("aabb"), "errors": [10, 14, 13, 20]})
    assert nb03.spread_table(overlapping, "variant", "errors")[
        "beyond spread"
    ].tolist() == [False, False]


def test_spread_table_needs_the_reference_group():
    with pytest.raises(KeyError, match="no rows with"):
        nb03.spread_table(RUNS, "variant", "errors", reference="missing")


def test_spread_table_puts_several_values_side_by_side():
    runs = RUNS.assign(loss=RUNS["errors"] / 100)
    table = nb03.spread_table(runs, "variant", ["errors", "loss"], "full")
    assert list(table.columns.levels[0]) == ["errors", "loss"]
    for value in ["errors", "loss"]:
        alone = nb03.spread_table(runs, "variant", value, "full")
        assert table[value].equals(alone.drop(columns="runs"))
