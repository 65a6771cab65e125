"""Error analysis tables: confusion matrix, confused pairs, per-class scores and
one row per prediction. (The occlusion map is taught in notebook 06 and lives in
``helpers.lessons.nb06``.)"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.preprocessing import check_labels


def confusion_matrix(
    true: np.ndarray,
    predicted: np.ndarray,
    num_classes: int = 10,
    normalize: bool = False,
) -> pd.DataFrame:
    """Counts of each (true, predicted) pair: rows true digits, columns predictions,
    every class present even when never seen; ``normalize`` makes rows sum to 1.

    Example: ``confusion_matrix(y_test, predicted).loc[7, 2]`` (7s read as 2s)
    """
    true, predicted = _labels(true, predicted, num_classes)
    counts = np.zeros((num_classes, num_classes), dtype=int)
    np.add.at(counts, (true, predicted), 1)
    classes = pd.Index(range(num_classes), name="true")
    table = pd.DataFrame(
        counts, index=classes, columns=pd.Index(range(num_classes), name="predicted")
    )
    if normalize:
        return table.div(table.sum(axis=1).replace(0, 1), axis=0)
    return table


def most_confused(confusion: pd.DataFrame, top: int = 10) -> pd.DataFrame:
    """Pairs of digits ranked by how often either is read as the other.

    Ties are reported as ties: pairs with the same total share a ``rank`` (1 is the
    most confused), and a pair tied with the last of the ``top`` is kept too, so
    the table may have more than ``top`` rows.

    Example: ``most_confused(confusion_matrix(y_test, predicted), top=5)``
    """
    counts = confusion.to_numpy()
    rows = []
    for a in range(len(counts)):
        for b in range(a + 1, len(counts)):
            if counts[a, b] + counts[b, a]:
                rows.append(
                    {
                        "pair": f"{a} vs {b}",
                        "first read as second": counts[a, b],
                        "second read as first": counts[b, a],
                        "total": counts[a, b] + counts[b, a],
                    }
                )
    table = pd.DataFrame(
        rows, columns=["pair", "first read as second", "second read as first", "total"]
    )
    table = table.sort_values(["total", "pair"], ascending=[False, True])
    table.insert(0, "rank", table["total"].rank(method="min", ascending=False))
    table["rank"] = table["rank"].astype(int)
    if len(table) > top:
        cutoff = table["total"].iloc[top - 1] if top > 0 else np.inf
        table = table[table["total"] >= cutoff]
    return table.reset_index(drop=True)


def per_class_report(
    true: np.ndarray, predicted: np.ndarray, num_classes: int = 10
) -> pd.DataFrame:
    """Precision, recall, F1 and support for each class, from the confusion matrix.

    Precision: of the images predicted as d, the share that are d. Recall: of the
    images of d, the share predicted as d. F1: their harmonic mean.

    Example: ``per_class_report(y_test, predicted).sort_values("f1")``
    """
    counts = confusion_matrix(true, predicted, num_classes).to_numpy()
    hits = np.diag(counts).astype(float)
    predicted_as = counts.sum(axis=0)
    support = counts.sum(axis=1)
    precision = np.divide(
        hits, predicted_as, out=np.zeros_like(hits), where=predicted_as > 0
    )
    recall = np.divide(hits, support, out=np.zeros_like(hits), where=support > 0)
    total = precision + recall
    f1 = np.divide(
        2 * precision * recall, total, out=np.zeros_like(hits), where=total > 0
    )
    return pd.DataFrame(
        {"precision": precision, "recall": recall, "f1": f1, "support": support},
        index=pd.Index(range(num_classes), name="digit"),
    )


def prediction_table(true: np.ndarray, probabilities: np.ndarray) -> pd.DataFrame:
    """One row per image: true digit, predicted digit, the probability the model gave
    its prediction ('confidence') and the true digit, and whether it was right.

    Example: ``prediction_table(y_test, probs).query("not correct")``
    """
    probabilities = np.asarray(probabilities)
    if probabilities.ndim != 2:
        raise ValueError(
            f"expected (images, classes) probabilities, got {probabilities.shape}"
        )
    true, predicted = _labels(
        true, probabilities.argmax(axis=1), probabilities.shape[1]
    )
    rows = np.arange(len(true))
    return pd.DataFrame(
        {
            "true": true,
            "predicted": predicted,
            "confidence": probabilities[rows, predicted],
            "p(true)": probabilities[rows, true],
            "correct": true == predicted,
        },
        index=pd.Index(rows, name="image"),
    )


def _labels(
    true: np.ndarray, predicted: np.ndarray, num_classes: int
) -> tuple[np.ndarray, np.ndarray]:
    true = check_labels(true, num_classes, name="true labels")
    predicted = check_labels(predicted, num_classes, name="predicted labels")
    if true.shape != predicted.shape:
        raise ValueError(
            f"true and predicted must be equally long, got {true.shape} and {predicted.shape}"
        )
    return true.astype(int), predicted.astype(int)
