"""scripts.dropout_study: notebook 03's comparisons over several seeds.

The variants, optimisers and final training run are notebook 03's own
(`helpers.lessons.nb03`); these tests check that each variant is what its name says
and that each study learns from and validates on the images it always did, then run
every study end to end on a few hundred images and one or two epochs.
"""

from __future__ import annotations

import keras
import numpy as np
import pytest

from helpers import data, results
from helpers.lessons import nb03
from helpers.preprocessing import flatten_and_scale
from scripts import dropout_study


def dropout_rates(model: keras.Model) -> list[float]:
    return [
        layer.rate for layer in model.layers if isinstance(layer, keras.layers.Dropout)
    ]


def test_each_variant_has_the_dropout_its_name_says():
    built = {
        name: nb03.variant(hidden, input_rate)
        for name, (input_rate, hidden) in nb03.VARIANTS.items()
    }
    assert dropout_rates(built["no dropout"]) == []
    assert dropout_rates(built["reference"]) == pytest.approx([0.4, 0.3, 0.3])
    assert dropout_rates(built["heavy"]) == pytest.approx([0.6, 0.6, 0.6])
    assert dropout_rates(built["input too"]) == pytest.approx([0.2, 0.4, 0.3, 0.3])
    assert isinstance(built["input too"].layers[0], keras.layers.Dropout)
    # dropout adds no parameters: every variant has network A's 242,762
    assert (
        {m.count_params() for m in built.values()}
        == {nb03.network_a().count_params()}
        == {242_762}
    )


def test_the_final_schedule_falls_from_0_001_to_5_percent():
    schedule = nb03.cosine_schedule(2, 1_000)  # 8 batches of 128 per epoch
    assert float(schedule(0)) == pytest.approx(1e-3)
    assert float(schedule(16)) == pytest.approx(5e-5)
    model = nb03.compile_final(nb03.network_a(), 2, 1_000)
    assert isinstance(model.optimizer, keras.optimizers.RMSprop)


def test_each_study_uses_the_images_it_always_did(mnist_dir, monkeypatch):
    monkeypatch.setenv("MNIST_DATA_DIR", str(mnist_dir))
    (x_train, y_train), _ = data.load_mnist()
    # variants and optimisers: the first 6,000 learnt, the last 10,000 validation
    (x, y), (x_val, y_val) = dropout_study.study_data("variants")
    np.testing.assert_array_equal(x, flatten_and_scale(x_train[:6_000]))
    np.testing.assert_array_equal(y.argmax(axis=1), y_train[:6_000])
    np.testing.assert_array_equal(x_val, flatten_and_scale(x_train[50_000:]))
    np.testing.assert_array_equal(y_val.argmax(axis=1), y_train[50_000:])
    optimisers = dropout_study.study_data("optimisers")
    np.testing.assert_array_equal(optimisers[0][0], x)
    np.testing.assert_array_equal(optimisers[1][0], x_val)
    # final: the first 48,000 learnt, the last 12,000 validation
    (x, y), (x_val, y_val) = dropout_study.study_data("final")
    np.testing.assert_array_equal(x, flatten_and_scale(x_train[:48_000]))
    np.testing.assert_array_equal(y_val.argmax(axis=1), y_train[48_000:])
    assert len(x_val) == 12_000


@pytest.mark.training
def test_every_study_writes_every_variant(tmp_path, mnist_dir, monkeypatch):
    monkeypatch.setenv("MNIST_DATA_DIR", str(mnist_dir))
    # the final study trains what the notebook trains last, by the notebook's call
    final_runs = []
    train_final = nb03.train_final

    def recorded(network, epochs, training=None, **options):
        final_runs.append((network, epochs, len(training[1]), options))
        return train_final(network, epochs, training, **options)

    monkeypatch.setattr(nb03, "train_final", recorded)
    argv = ["--seeds", "3", "--epochs", "2", "--limit", "300"]
    dropout_study.main([*argv, "--output", str(tmp_path)])
    variants = results.read_results(tmp_path / "dropout_variants.csv")
    assert variants.attrs["header"][2] == (
        "command: python -m scripts.dropout_study --seeds 3 --epochs 2 --limit 300"
        f" --output {tmp_path}"
    )
    names = list(nb03.VARIANTS)
    assert len(variants) == len(names) * 2  # variants x epochs, on the one seed
    assert set(variants["seed"]) == {3}
    assert list(dict.fromkeys(variants["variant"])) == names
    for column in ["accuracy", "val_accuracy", "eval_accuracy"]:
        assert variants[column].between(0, 1).all()
    # the validation loss, split between wrong and right images, adds up again
    wrong = variants["val_wrong"]
    mixed = (
        wrong * variants["val_loss_wrong"] + (300 - wrong) * variants["val_loss_right"]
    ) / 300
    np.testing.assert_allclose(mixed, variants["val_loss"], rtol=1e-3)
    assert ((1 - variants["val_accuracy"]) * 300).round().eq(wrong).all()
    optimisers = results.read_results(tmp_path / "optimisers.csv")
    assert list(dict.fromkeys(optimisers["variant"])) == list(nb03.OPTIMISERS)
    # RMSprop on network A's rates is the "reference" variant: a rerun from the
    # same seed gives the same numbers
    columns = ["seed", "epoch", "loss", "val_loss", "eval_loss"]
    same = variants[variants["variant"] == "reference"][columns]
    again = optimisers[optimisers["variant"] == "RMSprop"][columns]
    assert same.reset_index(drop=True).equals(again.reset_index(drop=True))
    final = results.read_results(tmp_path / "final_networks.csv")
    assert final["variant"].tolist() == list(dropout_study.FINAL)
    assert set(final["seed"]) == {3} and (final["epochs"] == 2).all()
    assert (final["val_loss"] > 0).all()
    assert final_runs == [
        (getattr(nb03, network), 2, 300, {"seed": 3, "decay": decay})
        for network, _, decay in dropout_study.FINAL.values()
    ]


def test_unknown_studies_are_refused():
    with pytest.raises(SystemExit):
        dropout_study.main(["dropout"])
