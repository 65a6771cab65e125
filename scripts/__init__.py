"""The experiments: the commands that measure something, and their shared layer.

The rule: ``scripts`` holds the commands that measure something (``make
experiments``, ``make bench``), while the commands that build, run and check the
course live in ``tools``. dropout_study, convnet_changes and challenge write the
seed spreads notebooks 03, 04 and 07 plot, bench times recipes to an accuracy,
arithmetics records the notebooks' claims under each CPU arithmetic; experiments
is what they share (data splits, the loop over seeds, results files with their
header). Each imports what it trains from `helpers.lessons`; run them as modules
from the repository's root: ``python -m scripts.dropout_study ...``.
"""
