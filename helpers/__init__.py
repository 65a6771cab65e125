"""Plumbing for the MNIST course notebooks: one small module per job.

runtime (set-up before TensorFlow is imported), data (loading MNIST, verified),
preprocessing (the steps taught in notebook 01), plots and tables (figures and
pandas views), checks (checkpoints), progress (one log line per epoch), analysis
(error analysis), models (reuse a saved model or train it) and results (the
experiment results committed under notebooks/results/). It holds only what
the notebooks import; the tools behind `make run` and `make outputs` live in the
repository's `tools` package.

Importing this package imports neither TensorFlow nor Keras.
"""
