"""Plumbing for the MNIST course notebooks: one small module per job.

runtime (set-up before TensorFlow is imported), data (loading MNIST, verified),
preprocessing (the steps taught in notebook 01), plots (figures, a package by
topic) and tables (pandas views), checks (checkpoints and claims), progress (one
log line per epoch), analysis (error analysis), models (reuse a saved model or
train it, keyed by its recipe), results (the experiment results committed under
notebooks/results/), drawing (the drawing pad of notebook 08) and lessons (what
later notebooks reuse from earlier ones: generated from the notebooks' cells
tagged ``export`` by ``make export``, never edited by hand). It holds only what the
notebooks import; the tools behind the course's commands live in the repository's
`tools` package, the experiments in `scripts`.

Importing this package imports neither TensorFlow nor Keras.
"""
