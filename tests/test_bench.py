"""scripts.bench: time to accuracy, read from per-epoch test accuracies."""

from __future__ import annotations

import math

import keras
import pytest

from helpers.lessons import nb04, nb07
from scripts import bench, experiments


def test_seconds_to_counts_training_time_until_the_first_epoch_on_target():
    accuracies, seconds = [0.985, 0.991, 0.989, 0.996], [10.0, 9.0, 9.5, 8.0]
    assert bench.seconds_to(accuracies, seconds, 0.990) == 19.0
    assert bench.seconds_to(accuracies, seconds, 0.995) == 36.5
    assert math.isnan(bench.seconds_to(accuracies, seconds, 0.999))


def test_summary_row_says_not_reached_and_reports_the_last_epoch():
    run = {"parameters": 5, "accuracies": [0.98, 0.992], "seconds": [4.2, 4.4]}
    row = bench.summary_row("x", run)
    assert row["s to 99.0%"] == 9 and row["s to 99.5%"] == "not reached"
    assert row["final accuracy"] == 0.992 and row["epochs"] == 2
    assert row["s in all"] == 9


def test_the_keras_io_model_has_its_published_size():
    assert bench.keras_io_convnet(keras).count_params() == 34_826


def test_an_unknown_recipe_is_refused_before_anything_runs():
    with pytest.raises(ValueError, match="unknown recipe"):
        bench.worker("notebook 05", seed=1)


@pytest.fixture
def few_images(mnist_dir, monkeypatch):
    """The worker's data cut to their first 256 images; the parts it asks for are
    recorded in the list returned."""
    monkeypatch.setenv("MNIST_DATA_DIR", str(mnist_dir))
    asked = []
    split, test_set = experiments.split, experiments.test_set

    def small_split(prepare, held_out, **options):
        asked.append(held_out)
        return split(prepare, held_out, **options, limit=256)

    monkeypatch.setattr(experiments, "split", small_split)
    monkeypatch.setattr(
        experiments, "test_set", lambda prepare: test_set(prepare, limit=256)
    )
    return asked


@pytest.mark.training
def test_each_recipe_trains_as_its_source_does_and_is_tested_every_epoch(
    few_images, monkeypatch
):
    calls = []
    train_change, train = nb04.train_change, nb07.train

    def recorded_change(change, training, validation=None, **options):
        calls.append(("nb04.train_change", change, options.get("seed")))
        return train_change(change, training, validation, **options)

    def recorded_train(model, images, labels, epochs, **options):
        calls.append(("nb07.train", model.name, epochs))
        return train(model, images, labels, epochs, **options)

    monkeypatch.setattr(nb04, "train_change", recorded_change)
    monkeypatch.setattr(nb07, "train", recorded_train)
    monkeypatch.setattr(nb07, "EPOCHS", 1)
    runs = {recipe: bench.worker(recipe, seed=2) for recipe in bench.RECIPES}
    # keras-io trains on what validation_split=0.1 leaves: the first 54,000
    assert few_images == [6_000, 0, 0]
    assert calls == [
        ("nb04.train_change", nb04.FINAL, 2),
        ("nb07.train", "challenge_convnet", 1),
    ]
    assert runs["keras-io"]["parameters"] == 34_826
    assert runs["notebook 04"]["parameters"] == nb04.build(nb04.FINAL).count_params()
    assert runs["notebook 07"]["parameters"] == nb07.challenge_convnet().count_params()
    epochs = {"keras-io": 15, "notebook 04": nb04.EPOCHS, "notebook 07": 1}
    for recipe, run in runs.items():
        assert len(run["accuracies"]) == len(run["seconds"]) == epochs[recipe]
        assert all(0 <= a <= 1 for a in run["accuracies"])
        assert all(s > 0 for s in run["seconds"])
