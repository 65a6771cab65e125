"""The maintainers' tools behind the course's commands, kept apart from `helpers`.

execute runs the notebooks in fresh kernels (``make run``, ``make outputs``);
repository points the notebooks' badges and install cells at a repository (forks,
``make release-check``); experiments holds what the experiment scripts share (the
notebook cells tagged ``recipe``, results files with their header). They need
nbformat, nbclient and nbconvert, which the ``test`` extra installs; learners on Colab install only `helpers`, which needs none
of them. Run them from the repository's root: ``python -m tools.execute ...``.
"""

from pathlib import Path

#: The repository's root folder: the one definition that tools, tests and scripts use.
ROOT = Path(__file__).resolve().parent.parent
