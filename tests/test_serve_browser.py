"""The query page of pressgraph serve in headless Chromium: run queries, open the graph view."""

from __future__ import annotations

import pytest

from browser import ARGS, CHROMIUM
from pressgraph.service.server import ServeConfig
from pressgraph.stages.catalogue import resolve_query
from serve_data import NAMES, PEOPLE, expected, make_store, running

pytestmark = pytest.mark.browser

LOCAL_SCHEMES = ("data:", "about:", "blob:")
WATCH_CSP = """document.addEventListener('securitypolicyviolation', (e) => {
  (window.cspViolations = window.cspViolations || []).push(
    [e.effectiveDirective, e.sourceFile || '', e.blockedURI || '']);
});"""
# column-resizer (inside the YASGUI bundle) adds a <style> element; the policy blocks it and
# static/query.css carries its rules instead. Any other violation fails the test.
KNOWN_CSP = ("style-src-elem", "/static/yasgui/yasgui.min.js", "inline")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = make_store(tmp_path_factory.mktemp("page") / "store")
    with running(ServeConfig(str(store), port=0, workers=2, quiet=True)) as started:
        started.store_dir = store
        yield started


@pytest.fixture
def page(server):
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            context.add_init_script(WATCH_CSP)
            context.on("request", lambda request: requests.append(request.url))
            context.on("weberror", lambda error: errors.append(str(error.error)))
            tab = context.new_page()
            tab.goto(server.url + "/")
            tab.wait_for_selector(".tabPanel.active .yasqe .CodeMirror", timeout=20_000)
            yield tab
            violations = tab.evaluate("() => window.cspViolations || []")
            unknown = [v for v in violations if not (v[0] == KNOWN_CSP[0] and
                       v[1].endswith(KNOWN_CSP[1]) and v[2] == KNOWN_CSP[2])]
            assert unknown == []
        finally:
            browser.close()
    outside = [url for url in requests
               if not url.startswith((server.url + "/", *LOCAL_SCHEMES))]
    assert requests and outside == []
    assert errors == []


def run_current_query(page) -> str:
    """Press YASGUI's run button and return the text of the result table once it is drawn."""
    with page.expect_response(lambda response: response.url.endswith("/sparql")) as answer:
        page.click(".tabPanel.active .yasqe_queryButton")
    assert answer.value.status == 200
    page.wait_for_selector(".tabPanel.active .yasr .dataTable tbody tr", timeout=20_000)
    return page.inner_text(".tabPanel.active .yasr .dataTable tbody")


def test_an_example_runs_on_the_page(server, page):
    page.click("button[data-example]:text-is('articles-overview')")
    query = page.evaluate("() => window.pressgraphQuery.getTab().getQuery()")
    assert query == resolve_query("articles-overview")
    table = run_current_query(page)
    rows = expected(server.store_dir, query).rows()
    assert rows and all(row[1] in table for row in rows)  # every headline is shown
    assert page.locator(".tabPanel.active .yasr .dataTable tbody tr").count() == len(rows)


def test_a_typed_query_runs_on_the_page(server, page):
    page.evaluate("(q) => { window.pressgraphQuery.getTab().setQuery(q); }", PEOPLE)
    table = run_current_query(page)
    names = [row[1] for row in expected(server.store_dir, PEOPLE).rows()]
    assert names and all(name in table for name in names)


@pytest.mark.parametrize(("query", "names"), [  # names: a query with a ?name column
    pytest.param(NAMES, PEOPLE, id="construct"),
    pytest.param(resolve_query("cmo-roles"), resolve_query("cmo-roles"), id="select-of-names"),
])
def test_the_view_link_draws_the_result_as_a_graph(server, page, query, names):
    page.evaluate("(q) => { window.pressgraphQuery.getTab().setQuery(q); }", query)
    with page.context.expect_page() as opened:
        page.click("#pg-view")
    view = opened.value
    view.wait_for_function("() => document.body.dataset.stabilized === 'true'", timeout=30_000)
    assert "/view?query=" in view.url
    labels = view.evaluate("() => window.pressgraph.nodes.get().map(n => n.label)")
    result = expected(server.store_dir, names)  # PEOPLE's ?name, or the SELECT's own
    column = result.variables.index("name")
    names = [row[column] for row in result.rows()]
    assert names and set(names) <= set(labels)
