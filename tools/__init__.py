"""The commands that build, run and check the course, kept apart from `helpers`.

The rule: ``tools`` holds the commands that build, run and check the course; the
commands that measure something (the experiments) live in ``scripts``.

execute runs the notebooks in fresh kernels (``make run``, ``make outputs``); export
copies their cells tagged ``export`` into ``helpers/lessons`` (``make export``);
student makes the class copies (``make student``); repository points the notebooks'
badges and install cells at a repository (forks, ``make release-check``);
traceability lists the prose numbers that trace to nothing checked; lock resolves
constraints.txt (``make lock``); colab installs and checks Google Colab's versions
(``make test-colab``); site builds the web site (``make site``). They need nbformat, nbclient and nbconvert, which
the ``test`` extra installs; learners on Colab install only `helpers`, which needs
none of them. Run them from the repository's root: ``python -m tools.execute ...``.
"""

from pathlib import Path

#: The repository's root folder: the one definition that tools, tests and scripts use.
ROOT = Path(__file__).resolve().parent.parent
