"""Headless Chromium (Debian's, driven by Playwright) for the view's browser tests and screenshot.

Playwright's own browser downloads are never used: `playwright install` is not needed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")
VIEWPORT = {"width": 1400, "height": 860}


@dataclass
class PageLog:
    """What a page did besides drawing: requests, dialogs, errors."""

    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def external_requests(self) -> list[str]:
        """Every request to something other than the local file and inline data."""
        return [url for url in self.requests if not url.startswith(LOCAL_SCHEMES)]


@contextmanager
def open_view(html_path: Path, viewport: dict | None = None) -> Iterator[tuple[object, PageLog]]:
    """Open a view page from disk and wait until its layout has stabilized.

    Yields:
        (page, log): the Playwright page and what it requested, alerted and threw.
    """
    from playwright.sync_api import sync_playwright

    log = PageLog()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport=viewport or VIEWPORT)
            page.on("request", lambda request: log.requests.append(request.url))
            page.on("dialog", lambda dialog: (log.dialogs.append(dialog.message),
                                              dialog.dismiss()))
            page.on("pageerror", lambda error: log.errors.append(str(error)))
            page.goto(Path(html_path).resolve().as_uri())
            page.wait_for_function("() => document.body.dataset.stabilized === 'true'",
                                   timeout=30_000)
            yield page, log
        finally:
            browser.close()


def node_point(page, node_id: str) -> dict:
    """The page coordinates of a node's centre (from vis-network's canvas position)."""
    return page.evaluate(
        """(id) => {
            const net = window.pressgraph.network;
            const dom = net.canvasToDOM(net.getPositions([id])[id]);
            const box = document.getElementById('mynetwork').getBoundingClientRect();
            return {x: box.left + dom.x, y: box.top + dom.y};
        }""",
        node_id,
    )


def click_node(page, node_id: str) -> None:
    """Click a node on the canvas, as a user would."""
    point = node_point(page, node_id)
    page.mouse.click(point["x"], point["y"])


def screenshot(html_path: Path, png_path: Path, select: str | None = None) -> Path:
    """Save a PNG of a view page, optionally with one node clicked to fill the side panel.

    Args:
        html_path: the view page.
        png_path: where to write the PNG.
        select: a node IRI to click first, or None to click the claim with most evidence.
    """
    with open_view(html_path) as (page, _):
        target = select or page.evaluate(
            """() => {
                const nodes = window.pressgraph.nodes.get();
                const pick = nodes.filter(n => n.ptype === 'claim')[0] || nodes[0];
                return pick ? pick.id : null;
            }"""
        )
        if target:
            click_node(page, target)
        Path(png_path).parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(png_path))
    return Path(png_path)
