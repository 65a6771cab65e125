"""Reuse a model saved by an earlier notebook, or train it here, from one recipe.

Each notebook runs on its own: one that needs, say, the final convnet of notebook 04
imports notebook 04's own training function from its lesson module
(``from helpers.lessons import nb04``) and hands it to `load_or_train`, which reuses
the saved file when it exists and otherwise trains and saves. The file's name
carries a hash of the source code that builds and trains the model (`saved_path`),
so a changed recipe trains anew instead of loading a model it no longer describes.
Import it after ``runtime.setup()``, like Keras itself.
"""

from __future__ import annotations

import hashlib
import inspect
import time
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keras

#: Where the notebooks keep their trained models, relative to the notebooks' folder.
SAVED_MODELS = Path("saved_models")


def _code_names(code: types.CodeType) -> Iterator[str]:
    """The global names a function's code uses, nested functions included."""
    yield from code.co_names
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            yield from _code_names(constant)


def _recipe_parts(value: Any, module: str, seen: set[int]) -> Iterator[str]:
    """Text that changes whenever ``value``'s definition changes: a function's own
    source and defaults, then what it uses from its module, depth first."""
    if inspect.isfunction(value):
        if id(value) in seen:  # each function once: recursion, shared helpers
            return
        seen.add(id(value))
        yield inspect.getsource(value)
        yield repr(value.__defaults__) + repr(value.__kwdefaults__)
        for name in dict.fromkeys(_code_names(value.__code__)):
            if name in value.__globals__:
                used = value.__globals__[name]
                if inspect.isfunction(used) and used.__module__ != module:
                    continue  # a library's function (helpers, Keras), not the recipe's
                if inspect.isfunction(used) or isinstance(
                    used, int | float | str | bool | tuple | list | dict | type(None)
                ):
                    yield f"{name}:"
                    yield from _recipe_parts(used, module, seen)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield repr(key)
            yield from _recipe_parts(item, module, seen)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _recipe_parts(item, module, seen)
    else:
        yield repr(value)


def recipe_hash(train: Callable[..., Any]) -> str:
    """Ten hex digits that change when the source of ``train`` changes, or that of
    a function or constant it uses from its own module (a notebook's cells, or the
    lesson module exported from them), but not with where the code is written.

    Example: ``recipe_hash(nb04.train_final)``
    """
    parts = _recipe_parts(train, train.__module__, set())
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:10]


def saved_path(name: str, train: Callable[..., Any]) -> Path:
    """``saved_models/<name>-<recipe_hash(train)>.keras``: where the model that
    ``train`` makes is kept. Notebook 04 saves its convnet there; notebooks 05, 06
    and 08, given the same function, look there.

    Example: ``saved_path("convnet", train_final)``
    """
    return SAVED_MODELS / f"{name}-{recipe_hash(train)}.keras"


def load_or_train(path: str | Path, train: Callable[[], keras.Model]) -> keras.Model:
    """Load the ``.keras`` file at ``path`` if present; otherwise call ``train()``,
    save its model there and return it. Says which happened, in one line.

    Example: ``convnet = load_or_train(nb04.saved_path(), nb04.train_final)``
    """
    path = Path(path)
    if path.suffix != ".keras":
        raise ValueError(f"expected a .keras file, got {path}")
    if path.is_file():
        model = keras.models.load_model(path)
        print(f"Reusing {path} (saved earlier); delete it to train afresh.")
        return model
    start = time.perf_counter()
    model = train()
    if not isinstance(model, keras.Model):
        raise TypeError(
            f"train() must return a Keras model, got {type(model).__name__}"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    model.save(path)
    print(f"Trained in {time.perf_counter() - start:.0f} s and saved to {path}.")
    return model
