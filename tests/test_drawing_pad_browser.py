"""The drawing pad of notebook 08 in a real browser.

JupyterLab is started on localhost with a small notebook that shows a DrawingPad
whose reader is a softmax regression trained there on MNIST; headless Chromium
(Debian's package, driven by Playwright with ``executable_path``, no browser download)
opens it, runs it, draws a vertical stroke with the mouse, presses "Read it" and reads
the answer from the page. A screenshot is left in build/drawing_pad.png.
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from chromium import CHROMIUM
from chromium import FLAGS as CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="Chromium is not installed (Debian: apt-get install chromium; "
        ".ci/run installs it where it can)",
    ),
]

# The notebook the browser runs: the pad, with a real (if simple) model behind it.
PAD_NOTEBOOK = """
import numpy as np
from helpers import runtime

runtime.setup(seed=1)
import keras
from helpers import data, preprocessing
from helpers.drawing import DrawingPad

(x_train, y_train), _ = data.load_mnist()
model = keras.Sequential(
    [keras.Input(shape=(784,)), keras.layers.Dense(10, activation="softmax")]
)
model.compile(optimizer="rmsprop", loss="categorical_crossentropy")
model.fit(
    preprocessing.flatten_and_scale(x_train),
    preprocessing.one_hot(y_train),
    epochs=2,
    batch_size=128,
    verbose=0,
)


def read(drawing):
    image = drawing.reshape(28, 10, 28, 10).mean(axis=(1, 3))  # 280 -> 28
    image = image / image.max()
    return image, model.predict(image.reshape(1, 784), verbose=0)[0]


DrawingPad(read)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def lab(tmp_path):
    """JupyterLab serving tmp_path, with pad.ipynb in it; yields its base URL and token."""
    if (
        not os.environ.get("MNIST_DATA_DIR")
        and not (Path.home() / ".keras" / "datasets" / "mnist.npz").is_file()
    ):
        pytest.skip("MNIST is not on this machine (set MNIST_DATA_DIR)")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(PAD_NOTEBOOK)])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, tmp_path / "pad.ipynb")
    port, token = free_port(), secrets.token_hex(16)
    env = dict(
        os.environ,
        TF_CPP_MIN_LOG_LEVEL="3",
        JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
        JUPYTERLAB_SETTINGS_DIR=str(tmp_path / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces"),
    )
    log = (tmp_path / "lab.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            f"--port={port}",
            "--ServerApp.ip=127.0.0.1",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={tmp_path}",
            "--allow-root",  # CI runs as root; harmless otherwise
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        "JupyterLab did not start:\n"
                        + (tmp_path / "lab.log").read_text()
                    )
                time.sleep(0.5)
        yield base, token
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        log.close()


def test_a_stroke_drawn_in_the_browser_is_read_by_python(lab, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    base, token = lab
    screenshot = ROOT / "build" / "drawing_pad.png"
    screenshot.parent.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        try:
            page.goto(f"{base}/lab/tree/pad.ipynb?token={token}")
            page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=60_000)
            page.get_by_text(re.compile(r"\| Idle")).first.wait_for(timeout=60_000)
            prompt = page.locator(".jp-InputArea-prompt").first
            for _attempt in range(3):  # Run > Run All Cells, until the cell starts
                page.get_by_role("menuitem", name="Run", exact=True).click()
                page.locator('li[data-command="runmenu:run-all"]').click()
                try:
                    sync_api.expect(prompt).not_to_have_text(
                        re.compile(r"^\[\s*\]:$"), timeout=10_000
                    )
                    break
                except AssertionError:
                    page.keyboard.press("Escape")

            pad = page.locator('canvas[data-testid="pad"]')
            pad.wait_for(timeout=180_000)  # Python starts, trains, shows the pad
            pad.scroll_into_view_if_needed()
            box = pad.bounding_box()
            x = box["x"] + box["width"] / 2
            page.mouse.move(x, box["y"] + 0.18 * box["height"])
            page.mouse.down()
            for step in range(1, 21):  # a vertical stroke down the middle: a 1
                page.mouse.move(x, box["y"] + (0.18 + 0.64 * step / 20) * box["height"])
            page.mouse.up()
            page.locator('button[data-testid="read"]').click()

            status = page.locator('[data-testid="status"]')
            sync_api.expect(status).to_contain_text("I read a", timeout=60_000)
            answer = status.inner_text()
            bars = page.locator('[data-testid="bars"] > div')
            assert bars.count() == 10
            page.screenshot(path=str(screenshot))
        except Exception:
            page.screenshot(path=str(screenshot))
            print((tmp_path / "lab.log").read_text()[-3000:])
            raise
        finally:
            browser.close()
    print(f"the page says: {answer!r}; screenshot: {screenshot}")
    assert answer.startswith("I read a 1 ("), answer
