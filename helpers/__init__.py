"""Plumbing for the MNIST course notebooks: one small module per job.

runtime (set-up before TensorFlow is imported), data (loading MNIST, verified),
preprocessing (the steps taught in notebook 01), plots and tables (figures and
pandas views), checks (checkpoints), progress (one log line per epoch). The
modules execute and repository serve the course's own commands (`make run`,
`make outputs`, pointing the notebooks at a fork).

Importing this package imports neither TensorFlow nor Keras.
"""
