"""Sphinx settings of the course's web site (``make site``; see tools/site.py).

The pages are the notebooks as committed, with their stored outputs: myst-nb runs
nothing. The theme is sphinx-book-theme, whose assets come inside its PyPI package,
so the build needs no network. tools.site assembles the source folder (the
notebooks and a start page made from the README) and is also the Sphinx extension
that adds Kaggle beside Colab in each page's launch menu.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tools.repository import repository_url  # noqa: E402

project = "Deep learning with Keras on MNIST"
html_title = project
author = "the course's authors"
extensions = ["myst_nb", "tools.site"]
root_doc = "index"
exclude_patterns = ["_build", "**/.ipynb_checkpoints"]
nb_execution_mode = "off"  # the stored outputs, exactly as committed and tested
myst_heading_anchors = 3
suppress_warnings = ["mystnb.unknown_mime_type"]  # widget state: shown as its text

html_theme = "sphinx_book_theme"
html_theme_options = {
    "repository_url": repository_url(ROOT),
    "repository_branch": "main",
    "path_to_docs": "",
    "use_repository_button": True,
    "use_download_button": True,
    "launch_buttons": {"colab_url": "https://colab.research.google.com"},
    "show_toc_level": 2,
}
html_show_sourcelink = False
html_copy_source = True  # the download button offers each page's .ipynb
