"""The query page (YASGUI with the catalogue's queries as examples) and the static files.

YASGUI is bundled in `static/yasgui/` (see its README.md), so the page loads nothing from
elsewhere; its Content-Security-Policy allows 'self' only. The /view page is pressgraph's
own HTML view, which inlines its scripts: its policy allows inline code and no network at all.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from pressgraph.stages.catalogue import list_queries, resolve_query
from pressgraph.stages.view_html import script_json

PACKAGE = Path(__file__).resolve().parent.parent
STATIC = PACKAGE / "static"
TEMPLATES = PACKAGE / "templates"
STATIC_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
PAGE_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
               "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
               "form-action 'self'; frame-ancestors 'none'")
VIEW_POLICY = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
               "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def examples() -> list[dict[str, str]]:
    """The catalogue's queries as {name, description, query}, sorted by name."""
    return [{"name": name, "description": description, "query": resolve_query(name)}
            for name, description in list_queries()]


@lru_cache(maxsize=4)
def query_page(endpoint: str, timeout: float, max_rows: int) -> bytes:
    """The query page's HTML.

    Args:
        endpoint: the endpoint's URL, shown on the page (the page itself queries `sparql`
            relative to its own address).
        timeout: the query timeout in seconds, shown on the page.
        max_rows: the row limit, shown on the page.
    """
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      keep_trailing_newline=True)
    found = examples()
    html = env.get_template("query.html").render(
        title="pressgraph SPARQL endpoint", endpoint=endpoint, timeout=f"{timeout:g}",
        max_rows=max_rows, examples=found, examples_json=script_json(found))
    return html.encode("utf-8")


def static_file(path: str) -> tuple[bytes, str] | None:
    """The bytes and Content-Type of a file under static/, or None if there is no such file.

    Args:
        path: the part of the URL after `/static/`; only .js and .css files inside static/
            are served (no `..`, no other files).
    """
    try:
        target = (STATIC / path).resolve()
        found = target.is_file()
    except (OSError, ValueError):
        return None
    if STATIC not in target.parents or target.suffix not in STATIC_TYPES or not found:
        return None
    return target.read_bytes(), STATIC_TYPES[target.suffix]
