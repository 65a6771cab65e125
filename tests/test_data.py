"""helpers.data: sources, checksums and the errors a learner may meet."""

from __future__ import annotations

import gzip
import hashlib
import shutil
import time
from pathlib import Path

import numpy as np
import pytest

from helpers import data

STEMS = list(data.IDX_MD5)


@pytest.fixture
def no_fallback(monkeypatch, tmp_path):
    """No MNIST_DATA_DIR, an empty Keras cache and no network."""
    monkeypatch.delenv(data.ENV_VAR, raising=False)
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras-home"))

    def offline(*args, **kwargs):
        raise Exception("URL fetch failure: [Errno -2] Name or service not known")

    import keras

    monkeypatch.setattr(keras.datasets.mnist, "load_data", offline)


def copy_files(mnist_dir: Path, target: Path, stems=STEMS) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for stem in stems:
        shutil.copy(mnist_dir / f"{stem}.gz", target / f"{stem}.gz")
    return target


def test_loads_genuine_mnist_like_keras(mnist_dir, no_fallback):
    (x_train, y_train), (x_test, y_test) = data.load_mnist(mnist_dir)
    assert x_train.shape == (60000, 28, 28) and x_test.shape == (10000, 28, 28)
    assert x_train.dtype == y_train.dtype == x_test.dtype == y_test.dtype == np.uint8
    assert y_train[:6].tolist() == [5, 0, 4, 1, 9, 2]
    assert y_test[:6].tolist() == [7, 2, 1, 0, 4, 1]
    assert np.bincount(y_test).tolist() == [
        980,
        1135,
        1032,
        1010,
        982,
        892,
        958,
        1028,
        974,
        1009,
    ]
    assert x_train.max() == 255 and x_train.min() == 0


def test_environment_variable_names_the_folder(
    mnist_dir, no_fallback, monkeypatch, capsys
):
    monkeypatch.setenv(data.ENV_VAR, str(mnist_dir))
    (_, y_train), _ = data.load_mnist(verbose=True)
    assert len(y_train) == 60000
    assert f"IDX files in {mnist_dir}" in capsys.readouterr().out


def test_loading_adds_little_to_reading_and_checking_the_files(mnist_dir, no_fallback):
    # The unavoidable work, timed in the same test so that a busy machine slows both:
    # read, decompress and hash the four files. Loading may add the parsing and
    # checks on top, but not several times as much (a slow parse, a second pass).
    start = time.perf_counter()
    for stem in STEMS:
        raw = gzip.decompress((mnist_dir / f"{stem}.gz").read_bytes())
        hashlib.md5(raw).hexdigest()
    baseline = time.perf_counter() - start
    start = time.perf_counter()
    data.load_mnist(mnist_dir)
    assert time.perf_counter() - start < 3 * baseline + 0.5


def test_uncompressed_files_load_too(mnist_dir, no_fallback, tmp_path):
    for stem in STEMS[2:]:  # the two small test-set files, uncompressed
        (tmp_path / stem).write_bytes(
            gzip.decompress((mnist_dir / f"{stem}.gz").read_bytes())
        )
    copy_files(mnist_dir, tmp_path, STEMS[:2])
    _, (x_test, y_test) = data.load_mnist(tmp_path)
    assert x_test.shape == (10000, 28, 28) and y_test[0] == 7


def test_missing_files_are_named(mnist_dir, no_fallback, tmp_path):
    copy_files(mnist_dir, tmp_path, STEMS[:3])
    with pytest.raises(data.MnistDataError, match="t10k-labels-idx1-ubyte.* missing"):
        data.load_mnist(tmp_path)


def test_truncated_file_is_named_with_a_checksum_error(
    mnist_dir, no_fallback, tmp_path
):
    copy_files(mnist_dir, tmp_path)
    victim = tmp_path / "train-labels-idx1-ubyte.gz"
    victim.write_bytes(victim.read_bytes()[:1000])
    with pytest.raises(data.MnistDataError) as error:
        data.load_mnist(tmp_path)
    assert str(victim) in str(error.value)
    assert "checksum does not match" in str(error.value)


def test_corrupted_byte_is_caught_by_the_md5(mnist_dir, no_fallback, tmp_path):
    copy_files(mnist_dir, tmp_path, STEMS[:3])
    raw = bytearray(
        gzip.decompress((mnist_dir / "t10k-labels-idx1-ubyte.gz").read_bytes())
    )
    raw[100] = (raw[100] + 1) % 10  # a wrong label: still a valid IDX file
    (tmp_path / "t10k-labels-idx1-ubyte").write_bytes(bytes(raw))
    with pytest.raises(
        data.MnistDataError, match="t10k-labels-idx1-ubyte: the checksum"
    ):
        data.load_mnist(tmp_path)


def test_offline_without_data_says_how_to_fix_it(no_fallback, tmp_path):
    with pytest.raises(data.MnistDataError) as error:
        data.load_mnist(tmp_path)  # an empty folder, an empty cache, no network
    message = str(error.value)
    assert "MNIST_DATA_DIR" in message and "could not be downloaded" in message
    assert "Name or service not known" in message
    assert error.value.__cause__ is None and error.value.__suppress_context__


def test_keras_cache_is_used_and_verified(no_fallback, monkeypatch, tmp_path):
    cache = data.keras_cache_file()
    assert cache == tmp_path / "keras-home" / "datasets" / "mnist.npz"
    cache.parent.mkdir(parents=True)
    images, labels = np.zeros((3, 28, 28), np.uint8), np.arange(3, dtype=np.uint8)
    np.savez(
        cache, x_train=images, y_train=labels, x_test=images[:1], y_test=labels[:1]
    )
    with pytest.raises(
        data.MnistDataError, match="mnist.npz: the checksum does not match"
    ):
        data.load_mnist()
    monkeypatch.setattr(
        data, "NPZ_SHA256", hashlib.sha256(cache.read_bytes()).hexdigest()
    )
    (x_train, y_train), (x_test, _) = data.load_mnist()
    assert x_train.shape == (3, 28, 28) and y_train.tolist() == [0, 1, 2]
    assert x_test.shape == (1, 28, 28)


def test_npz_in_the_named_folder(no_fallback, monkeypatch, tmp_path):
    images, labels = np.ones((2, 28, 28), np.uint8), np.array([4, 2], np.uint8)
    np.savez(
        tmp_path / "mnist.npz",
        x_train=images,
        y_train=labels,
        x_test=images,
        y_test=labels,
    )
    digest = hashlib.sha256((tmp_path / "mnist.npz").read_bytes()).hexdigest()
    monkeypatch.setattr(data, "NPZ_SHA256", digest)
    monkeypatch.setenv(data.ENV_VAR, str(tmp_path))
    (_, y_train), _ = data.load_mnist()
    assert y_train.tolist() == [4, 2]


def idx_bytes(array: np.ndarray) -> bytes:
    header = bytes([0, 0, 8, array.ndim]) + np.array(array.shape, ">u4").tobytes()
    return header + array.astype(np.uint8).tobytes()


def test_read_idx_parses_header_and_data(tmp_path):
    array = np.arange(2 * 3 * 4, dtype=np.uint8).reshape(2, 3, 4)
    raw = idx_bytes(array)
    (tmp_path / "a.gz").write_bytes(gzip.compress(raw))
    result = data.read_idx(tmp_path / "a.gz", hashlib.md5(raw).hexdigest())
    assert result.shape == (2, 3, 4) and np.array_equal(result, array)
    assert result.flags.writeable


def test_read_idx_rejects_a_header_that_disagrees_with_the_data(tmp_path):
    raw = idx_bytes(np.zeros((2, 3), np.uint8))[:-1]  # one byte short
    (tmp_path / "b").write_bytes(raw)
    with pytest.raises(data.MnistDataError, match="header says"):
        data.read_idx(tmp_path / "b", hashlib.md5(raw).hexdigest())


def test_mnist_files_lists_what_the_loader_reads_in_its_order(
    mnist_dir, no_fallback, monkeypatch, tmp_path
):
    assert data.mnist_files() == []  # nothing here: the loader would download
    cache = data.keras_cache_file()
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"an archive")
    assert data.mnist_files() == [cache]
    folder = copy_files(mnist_dir, tmp_path / "idx")
    monkeypatch.setenv(data.ENV_VAR, str(folder))
    assert data.mnist_files() == [folder / f"{stem}.gz" for stem in STEMS]
    npz_folder = tmp_path / "npz"
    npz_folder.mkdir()
    (npz_folder / "mnist.npz").write_bytes(b"another archive")
    assert data.mnist_files(npz_folder) == [npz_folder / "mnist.npz"]
    # a folder with some IDX files is what the loader reads (and rejects by name)
    partial = copy_files(mnist_dir, tmp_path / "partial", STEMS[:1])
    assert data.mnist_files(partial) == [partial / f"{STEMS[0]}.gz"]
