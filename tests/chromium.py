"""Debian's Chromium for the browser tests (drawing pad, site), driven by Playwright.

``CHROMIUM`` is its path, or None where it is not installed (.ci/run installs it
where it can); ``FLAGS`` keep it headless-friendly and off this machine's closed
network (no background connections, no component updates).
"""

from __future__ import annotations

import shutil

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
