"""tools.site: the start page, the Kaggle launch link, the built site, and the site in a browser."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest
from chromium import CHROMIUM, FLAGS

from tools import ROOT, site

README = """# The course

Opening paragraph, [00](notebooks/00_start_here.ipynb).

## The notebooks

A table.

## Teaching with this course

**Time.** Run it before class.

## Other ways to run the course

Colab.
"""


def test_the_start_page_is_the_readmes_opening_and_teaching_section():
    page = site.start_page(README, ["notebooks/00_a", "notebooks/01_b"], status=False)
    assert page.startswith(
        "# The course\n\nOpening paragraph, [00](notebooks/00_start_here)"
    )
    assert "## Teaching with this course\n\n**Time.** Run it before class." in page
    assert "A table." not in page and "Colab." not in page
    toctree = page.split("```{toctree}", 1)[1].split("```", 1)[0]
    assert toctree.strip().splitlines()[-2:] == ["notebooks/00_a", "notebooks/01_b"]
    assert "run/index.html" not in page


def test_the_start_page_links_the_status_table_when_make_run_left_one():
    page = site.start_page(README, ["notebooks/00_a"], status=True)
    assert '<a href="run/index.html">' in page


def test_kaggle_link_is_the_badges_address():
    link = site.kaggle_link("https://github.com/o/r", "notebooks/02_dense_network")
    assert link == (
        "https://kaggle.com/kernels/welcome?src="
        "https://github.com/o/r/blob/main/notebooks/02_dense_network.ipynb"
    )


def test_figure_alt_reads_the_key_myst_nb_reads():
    assert site.figure_alt({"metadata": {"mystnb": {"image": {"alt": "A"}}}}) == "A"
    assert site.figure_alt({"metadata": {}}) is None


def test_copy_status_takes_the_table_and_its_pages(tmp_path):
    build, output = tmp_path / "build", tmp_path / "site"
    assert not site.copy_status(build, output)
    build.mkdir()
    (build / "index.html").write_text("<table></table>")
    (build / "02_dense_network.html").write_text("<html></html>")
    assert site.copy_status(build, output)
    assert sorted(p.name for p in (output / "run").iterdir()) == [
        "02_dense_network.html",
        "index.html",
    ]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The site, built once from the stored notebooks (about 10 s; no network)."""
    output = tmp_path_factory.mktemp("site") / "site"
    warnings = site.build(output)
    assert warnings == [], warnings
    return output


def test_every_notebook_has_a_page_with_launch_and_download_links(built):
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    for notebook in notebooks:
        page = (built / "notebooks" / f"{notebook.stem}.html").read_text()
        assert "colab.research.google.com/github/" in page
        assert f"blob/main/notebooks/{notebook.name}" in page
        assert "kaggle.com/kernels/welcome?src=" in page
        assert f"_sources/notebooks/{notebook.name}" in page  # the download
    index = (built / "index.html").read_text()
    assert "Teaching with this course" in index
    positions = [index.index(f'href="notebooks/{n.stem}.html"') for n in notebooks]
    assert positions == sorted(positions)  # navigation in course order


def test_every_figure_on_the_site_has_its_alternative_text(built):
    figures = 0
    for page in sorted((built / "notebooks").glob("*.html")):
        for tag in re.findall(r"<img [^>]*>", page.read_text()):
            source = re.search(r'src="([^"]*)"', tag)[1]
            alt = re.search(r'alt="([^"]*)"', tag)
            assert alt is not None and alt[1].strip(), (page.name, tag[:120])
            # myst-nb's default alt text is the file's own path
            assert alt[1] != source, (page.name, "no alternative text", source)
            figures += "_images/" in source
    assert figures >= 60


def test_the_search_index_knows_the_course(built):
    index = (built / "searchindex.js").read_text()
    assert "dropout" in index and (built / "search.html").is_file()


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_the_site_in_a_browser_start_page_figure_and_search(built):
    """Screenshots in build/site-screenshots/: the start page, notebook 04 at a
    figure, and the search page's results for "dropout"."""
    sync_api = pytest.importorskip("playwright.sync_api")
    shots = ROOT / "build" / "site-screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(
        http.server.SimpleHTTPRequestHandler, directory=str(built)
    )
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            # outside addresses (badges, fonts) are refused at once, not waited for
            page.route(
                re.compile(r"^(?!http://127\.0\.0\.1)"), lambda route: route.abort()
            )
            page.goto(f"{base}/index.html")
            nav = page.locator("nav.bd-links a.reference.internal")
            assert nav.count() >= 9 and "Start here" in nav.first.inner_text()
            page.screenshot(path=str(shots / "start.png"))

            page.goto(f"{base}/notebooks/04_convnet.html")
            figure = page.locator("img[src*='_images/']").first
            figure.scroll_into_view_if_needed()
            assert figure.evaluate("img => img.naturalWidth") > 0
            assert len(figure.get_attribute("alt")) > 20
            page.get_by_role("button", name=re.compile("Launch")).first.click()
            kaggle = page.locator("a[href*='kaggle.com/kernels/welcome']").first
            assert kaggle.is_visible()
            page.screenshot(path=str(shots / "notebook.png"))

            page.goto(f"{base}/search.html?q=dropout")
            results = page.locator("#search-results ul.search li")
            sync_api.expect(results.first).to_be_visible(timeout=20_000)
            titles = results.all_inner_texts()
            assert any("Dropout" in t for t in titles), titles
            page.screenshot(path=str(shots / "search.png"))
            browser.close()
    finally:
        server.shutdown()
