"""Load the MNIST digits, verified, from a local folder, the Keras cache or the web.

`load_mnist()` returns exactly what `keras.datasets.mnist.load_data()` returns:
``((x_train, y_train), (x_test, y_test))`` with uint8 images of shape (N, 28, 28)
and uint8 labels. It tries these sources in order and uses the first that works:

1. the folder named by the ``MNIST_DATA_DIR`` environment variable, holding either
   the four original IDX files (gzipped or not) or a Keras ``mnist.npz``;
2. the Keras cache (``$KERAS_HOME/datasets/mnist.npz``, by default under ``~/.keras``);
3. a download through Keras, which fills that cache.

Every file is checked against its published checksum before it is used, and every
failure is a single `MnistDataError` that says what went wrong and how to fix it.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ENV_VAR = "MNIST_DATA_DIR"

#: The published MD5 checksums of the uncompressed IDX files.
IDX_MD5 = {
    "train-images-idx3-ubyte": "6bbc9ace898e44ae57da46a324031adb",
    "train-labels-idx1-ubyte": "a25bea736e30d166cdddb491f175f624",
    "t10k-images-idx3-ubyte": "2646ac647ad5339dbf082846283269ea",
    "t10k-labels-idx1-ubyte": "27ae3e4e09519cfbb04c329615203637",
}

#: The SHA-256 checksum Keras uses for its mnist.npz.
NPZ_SHA256 = "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"

WHERE_TO_GET = (
    "The four IDX files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
    "t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz) are published on "
    "Yann LeCun's MNIST page and mirrored widely; Keras' mnist.npz comes from "
    "keras.datasets.mnist.load_data() on a machine with internet access."
)

Split = tuple[np.ndarray, np.ndarray]


class MnistDataError(RuntimeError):
    """MNIST could not be loaded: missing, incomplete or corrupted data."""


@dataclass(frozen=True)
class Source:
    """Where the data was found: ``kind`` is 'idx', 'npz' or 'download'."""

    kind: str
    path: Path | None

    def describe(self) -> str:
        """One line for a learner, e.g. ``IDX files in /data/mnist (MD5 verified)``."""
        if self.kind == "idx":
            return f"IDX files in {self.path} (MD5 verified)"
        if self.kind == "npz":
            return f"Keras archive {self.path} (SHA-256 verified)"
        return "downloaded by Keras (SHA-256 verified)"


def load_mnist(
    data_dir: str | os.PathLike[str] | None = None, *, verbose: bool = False
) -> tuple[Split, Split]:
    """Return MNIST as ``((x_train, y_train), (x_test, y_test))``, verified.

    ``data_dir`` overrides the ``MNIST_DATA_DIR`` environment variable. With
    ``verbose=True`` one line says where the data came from.

    Example: ``(x_train, y_train), (x_test, y_test) = load_mnist()``
    """
    splits, source = _load_with_source(data_dir)
    if verbose:
        (x_train, _), (x_test, _) = splits
        print(
            f"MNIST: {len(x_train):,} training and {len(x_test):,} test images "
            f"from {source.describe()}"
        )
    return splits


def keras_cache_file() -> Path:
    """The path where Keras caches ``mnist.npz`` (``$KERAS_HOME`` or ``~/.keras``).

    Example: ``keras_cache_file().exists()``
    """
    home = os.environ.get("KERAS_HOME") or os.path.join(
        os.path.expanduser("~"), ".keras"
    )
    return Path(home) / "datasets" / "mnist.npz"


def read_idx(path: str | os.PathLike[str], md5: str) -> np.ndarray:
    """Read one IDX file (gzipped when its name ends in .gz) after checking its MD5.

    ``md5`` is the checksum of the uncompressed bytes.

    Example: ``read_idx(path, IDX_MD5["t10k-labels-idx1-ubyte"])``
    """
    path = Path(path)
    raw = path.read_bytes()
    if path.suffix == ".gz":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as err:
            raise MnistDataError(
                _mismatch(path, f"the gzip data is cut short or damaged: {err}", md5)
            ) from None
    actual = hashlib.md5(raw).hexdigest()
    if actual != md5:
        raise MnistDataError(_mismatch(path, f"MD5 of the data is {actual}", md5))
    return _parse_idx(raw, path)


def _mismatch(path: Path, detail: str, expected: str) -> str:
    return (
        f"{path}: the checksum does not match ({detail}; expected MD5 {expected} "
        "for the uncompressed file). The file is corrupted, truncated or not the "
        "original MNIST file: replace it with a fresh copy."
    )


def _parse_idx(raw: bytes, path: Path) -> np.ndarray:
    """Decode IDX bytes: two zero bytes, a type code (0x08 = uint8), the rank, sizes."""
    if len(raw) < 4 or raw[:2] != b"\x00\x00" or raw[2] != 0x08:
        raise MnistDataError(f"{path} is not an IDX file of unsigned bytes.")
    rank = raw[3]
    shape = tuple(int(n) for n in np.frombuffer(raw, ">u4", count=rank, offset=4))
    offset = 4 + 4 * rank
    if len(raw) - offset != int(np.prod(shape)):
        raise MnistDataError(f"{path}: the header says {shape}, the data disagrees.")
    return np.frombuffer(raw, np.uint8, offset=offset).reshape(shape).copy()


def mnist_files(data_dir: str | os.PathLike[str] | None = None) -> list[Path]:
    """The files `load_mnist` reads, found in the same order: the four IDX files
    or the ``mnist.npz`` in ``data_dir`` (default ``MNIST_DATA_DIR``), else the
    Keras cache. Empty when the data would have to be downloaded.

    Example: ``for file in mnist_files(): shutil.copy(file, backup_folder)``
    """
    folder = data_dir if data_dir is not None else os.environ.get(ENV_VAR)
    if folder:
        folder = Path(folder).expanduser()
        idx = _idx_files(folder)
        if idx:
            return list(idx.values())
        if (folder / "mnist.npz").is_file():
            return [folder / "mnist.npz"]
    cache = keras_cache_file()
    return [cache] if cache.exists() else []


def _idx_files(folder: Path) -> dict[str, Path]:
    """The IDX files present in ``folder``, by stem (gzipped preferred)."""
    found = {}
    for stem in IDX_MD5:
        for name in (stem + ".gz", stem):
            if (folder / name).is_file():
                found[stem] = folder / name
                break
    return found


def _load_with_source(
    data_dir: str | os.PathLike[str] | None,
) -> tuple[tuple[Split, Split], Source]:
    folder = data_dir if data_dir is not None else os.environ.get(ENV_VAR)
    tried: list[str] = []
    if folder:
        folder = Path(folder).expanduser()
        found = _load_folder(folder)
        if found is not None:
            return found
        tried.append(f"{ENV_VAR}={folder}: no MNIST files there")
    else:
        tried.append(f"{ENV_VAR} is not set")

    cache = keras_cache_file()
    if cache.exists():
        return _load_npz(cache), Source("npz", cache)
    tried.append(f"Keras cache {cache}: absent")

    return _download(tried), Source("download", None)


def _load_folder(folder: Path) -> tuple[tuple[Split, Split], Source] | None:
    """Load from a folder, or return None when it holds no MNIST file at all."""
    npz = folder / "mnist.npz"
    found = _idx_files(folder)
    if found:
        missing = [stem + "[.gz]" for stem in IDX_MD5 if stem not in found]
        if missing:
            raise MnistDataError(
                f"{folder} holds only some of the MNIST IDX files: "
                f"{', '.join(missing)} missing. {WHERE_TO_GET}"
            )
        arrays = [read_idx(found[stem], md5) for stem, md5 in IDX_MD5.items()]
        x_train, y_train, x_test, y_test = arrays
        return ((x_train, y_train), (x_test, y_test)), Source("idx", folder)
    if npz.is_file():
        return _load_npz(npz), Source("npz", npz)
    return None


def _load_npz(path: Path) -> tuple[Split, Split]:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != NPZ_SHA256:
        raise MnistDataError(
            f"{path}: the checksum does not match (SHA-256 {digest}, expected "
            f"{NPZ_SHA256}). Delete the file and load again, or replace it."
        )
    with np.load(path) as f:
        return (f["x_train"], f["y_train"]), (f["x_test"], f["y_test"])


def _download(tried: list[str]) -> tuple[Split, Split]:
    try:
        import keras

        return keras.datasets.mnist.load_data()
    except Exception as err:  # any network or file error becomes one clear message
        reason = f"{type(err).__name__}: {err}".splitlines()[0]
        raise MnistDataError(
            "MNIST is not on this machine and could not be downloaded "
            f"({reason}). Tried: {'; '.join(tried)}. To work offline, put the "
            f"data in a folder and set the {ENV_VAR} environment variable to it. "
            f"{WHERE_TO_GET}"
        ) from None
