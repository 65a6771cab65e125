"""helpers.analysis: confusion counts and per-class scores, cross-checked."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import analysis

RNG = np.random.default_rng(3)
TRUE = RNG.integers(0, 10, 500)
PREDICTED = np.where(RNG.random(500) < 0.8, TRUE, RNG.integers(0, 10, 500))


def test_confusion_matrix_counts_every_pair():
    table = analysis.confusion_matrix(np.array([7, 7, 7, 2]), np.array([7, 2, 2, 2]))
    assert table.shape == (10, 10) and table.to_numpy().sum() == 4
    assert table.loc[7, 2] == 2 and table.loc[7, 7] == 1 and table.loc[2, 2] == 1
    assert table.index.name == "true" and table.columns.name == "predicted"


def test_normalized_rows_sum_to_one_and_empty_rows_stay_zero():
    table = analysis.confusion_matrix(
        np.array([1, 1, 3]), np.array([1, 2, 3]), normalize=True
    )
    assert table.loc[1, 1] == pytest.approx(0.5) and table.loc[3, 3] == 1
    assert table.loc[0].sum() == 0


def test_per_class_report_agrees_with_counting_each_class_directly():
    report = analysis.per_class_report(TRUE, PREDICTED)
    for digit in range(10):
        hits = np.sum((TRUE == digit) & (PREDICTED == digit))
        precision = hits / np.sum(PREDICTED == digit)
        recall = hits / np.sum(TRUE == digit)
        f1 = 2 * precision * recall / (precision + recall)
        assert report.loc[digit, "precision"] == pytest.approx(precision)
        assert report.loc[digit, "recall"] == pytest.approx(recall)
        assert report.loc[digit, "f1"] == pytest.approx(f1)
        assert report.loc[digit, "support"] == np.sum(TRUE == digit)


def test_per_class_report_of_a_never_predicted_class_is_zero():
    report = analysis.per_class_report(
        np.array([0, 1]), np.array([0, 0]), num_classes=2
    )
    assert report.loc[1, "precision"] == 0 and report.loc[1, "f1"] == 0
    assert report.loc[0, "recall"] == 1 and report.loc[0, "precision"] == 0.5


def test_most_confused_combines_both_directions_and_ranks():
    true = np.array([4, 4, 9, 9, 9, 3, 5, 1])
    predicted = np.array([9, 9, 4, 9, 9, 5, 3, 1])
    table = analysis.most_confused(analysis.confusion_matrix(true, predicted))
    assert table["pair"].tolist() == ["4 vs 9", "3 vs 5"]
    assert table.loc[
        0, ["first read as second", "second read as first", "total"]
    ].tolist() == [
        2,
        1,
        3,
    ]


def test_most_confused_reports_ties_as_ties():
    # 0 vs 1, 0 vs 2 and 0 vs 3 all have 2 mistakes; 0 vs 4 has 3
    true = np.array([0, 0, 0, 0, 0, 0, 0, 0, 0, 5])
    predicted = np.array([1, 1, 2, 2, 3, 3, 4, 4, 4, 5])
    table = analysis.most_confused(analysis.confusion_matrix(true, predicted), top=2)
    assert table["pair"].tolist() == ["0 vs 4", "0 vs 1", "0 vs 2", "0 vs 3"]
    assert table["rank"].tolist() == [1, 2, 2, 2]
    assert (
        len(analysis.most_confused(analysis.confusion_matrix(true, predicted), top=1))
        == 1
    )


def test_prediction_table_reads_confidence_and_true_probability():
    probabilities = np.array([[0.1, 0.9], [0.7, 0.3]])
    table = analysis.prediction_table(np.array([1, 1]), probabilities)
    assert table["predicted"].tolist() == [1, 0]
    assert table["confidence"].tolist() == [0.9, 0.7]
    assert table["p(true)"].tolist() == [0.9, 0.3]
    assert table["correct"].tolist() == [True, False]


@pytest.mark.parametrize(
    ("true", "predicted", "message"),
    [
        (np.array([1, 2]), np.array([1]), "equally long"),
        (np.array([1, 10]), np.array([1, 2]), r"0\.\.9"),
        (np.array([1.0, 2.0]), np.array([1, 2]), "integers"),
    ],
)
def test_bad_labels_are_refused(true, predicted, message):
    with pytest.raises(ValueError, match=message):
        analysis.confusion_matrix(true, predicted)
