"""The preprocessing taught in notebook 01, for the notebooks after it.

Images arrive as uint8 arrays of shape (N, 28, 28) with grey levels 0-255. Dense
networks take them flattened to 784 values scaled to [0, 1]; convolutional networks
take them scaled, with a channel axis: (N, 28, 28, 1). Labels 0-9 become one-hot
rows. Each function checks its input and refuses, with a clear ValueError, data that
is not what it expects (for instance images that were already scaled once).
"""

from __future__ import annotations

from typing import Any

import numpy as np

IMAGE_SHAPE = (28, 28)


def flatten_and_scale(images: np.ndarray) -> np.ndarray:
    """(N, 28, 28) uint8 images to (N, 784) float32 values in [0, 1], row by row.

    Example: ``flatten_and_scale(x_train).shape == (60000, 784)``
    """
    _check_images(images)
    return images.reshape(len(images), -1).astype("float32") / 255


def scale_and_add_channel(images: np.ndarray) -> np.ndarray:
    """(N, 28, 28) uint8 images to (N, 28, 28, 1) float32 values in [0, 1].

    Example: ``scale_and_add_channel(x_train).shape == (60000, 28, 28, 1)``
    """
    _check_images(images)
    return images[..., np.newaxis].astype("float32") / 255


def one_hot(labels: np.ndarray, num_classes: int = 10) -> np.ndarray:
    """Integer labels 0..num_classes-1 to float32 one-hot rows (Keras to_categorical).

    Example: ``one_hot(np.array([5, 0]))[0].argmax() == 5``
    """
    import keras

    labels = check_labels(labels, num_classes)
    return keras.utils.to_categorical(labels, num_classes).astype("float32")


def check_labels(
    labels: Any, num_classes: int = 10, name: str = "labels"
) -> np.ndarray:
    """``labels`` as a 1-D integer array, or a ValueError saying what is wrong.

    The one check of class labels in the course: used here and by helpers.analysis.

    Example: ``check_labels([3, 1]).tolist() == [3, 1]``
    """
    labels = np.asarray(labels)
    if labels.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {labels.shape}")
    if not np.issubdtype(labels.dtype, np.integer):
        raise ValueError(
            f"{name} must be integers, got dtype {labels.dtype} "
            "(are they one-hot encoded already?)"
        )
    if labels.size and (labels.min() < 0 or labels.max() >= num_classes):
        raise ValueError(
            f"{name} must lie in 0..{num_classes - 1}, got values from "
            f"{labels.min()} to {labels.max()}"
        )
    return labels


def as_image(image: Any) -> np.ndarray:
    """A 2-D array from one image stored as (height, width), (height, width, 1) or,
    for an MNIST digit, flattened to (784,). Other collections (the 8 x 8 UCI digits
    of notebook 08, a photo) keep their own size.

    Example: ``as_image(x_train_flat[0]).shape == (28, 28)``
    """
    array = np.asarray(image)
    pixels = IMAGE_SHAPE[0] * IMAGE_SHAPE[1]
    if array.shape == (pixels,):
        return array.reshape(IMAGE_SHAPE)
    if array.ndim == 3 and array.shape[2] == 1:
        return array[:, :, 0]
    if array.ndim == 2:
        return array
    raise ValueError(
        "an image must have shape (height, width), (height, width, 1) or "
        f"({pixels},), got {array.shape}"
    )


def _check_images(images: np.ndarray) -> None:
    if not isinstance(images, np.ndarray):
        raise ValueError(f"images must be a NumPy array, got {type(images).__name__}")
    if images.ndim != 3 or images.shape[1:] != IMAGE_SHAPE:
        raise ValueError(
            f"images must have shape (N, 28, 28), got {images.shape}"
            + (" (already flattened?)" if images.ndim == 2 else "")
        )
    if images.dtype != np.uint8:
        raise ValueError(
            f"images must be uint8 grey levels 0-255, got dtype {images.dtype}"
            + (" (already scaled?)" if np.issubdtype(images.dtype, np.floating) else "")
        )
