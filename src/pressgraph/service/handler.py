"""The request handler of `pressgraph serve`: its routes and the answers to them.

`Handler` sends them, with their errors and CORS headers, through `responses.ResponseHandler`.
Routes: `/sparql` (GET, POST: the SPARQL 1.1 Protocol; with no query, the service
description), `/` (the query page), `/view` (the HTML view of a query's result) and
`/static/...` (the page's scripts and styles).
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from pressgraph.errors import Errors, PressgraphError, RequestError
from pressgraph.service.description import service_description
from pressgraph.service.negotiate import check_accept, content_type, media_type_for, render
from pressgraph.service.page import PAGE_POLICY, VIEW_POLICY, query_page, static_file
from pressgraph.service.protocol import SparqlRequest, read_body, read_request
from pressgraph.service.responses import ResponseHandler
from pressgraph.service.worker import Answer, Job, memory_words
from pressgraph.stages.remote import one_line


class Handler(ResponseHandler):
    """Answers one connection's requests (HTTP/1.1, so a client may send several)."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's method names
        """Answer a GET."""
        self._dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802
        """Answer a POST."""
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        """Route the request; every refusal or failure becomes a one-line error answer."""
        try:
            url = urlsplit(self.path)
            if url.path == "/sparql":
                self._endpoint(self._sparql_request(method, url.query))
            elif url.path == "/view":
                self._view(self._sparql_request(method, url.query))
            elif method != "GET" and (url.path == "/" or url.path.startswith("/static/")):
                self._error(405, Errors.KG045.format(why=f"a {method} of {url.path}",
                                                     fix="Read this page with GET."),
                            {"Allow": "GET"})
            elif url.path == "/":
                config = self.server.config
                page = query_page(self.server.url + "/sparql", config.timeout, config.max_rows)
                self._send(200, page, "text/html; charset=utf-8",
                           {"Content-Security-Policy": PAGE_POLICY})
            elif url.path.startswith("/static/") and (found := static_file(unquote(url.path[8:]))):
                self._send(200, found[0], found[1], {"Cache-Control": "max-age=3600"})
            elif url.path == "/favicon.ico":
                self._send(204, b"", None)
            else:
                self._error(404, Errors.KG045.format(why=f"no page at {url.path[:80]}",
                                                     fix="The endpoint is /sparql, the page /."))
        except RequestError as err:
            self._error(err.status, str(err))
        except PressgraphError as err:
            self._error(500, str(err))
        except Exception as err:  # noqa: BLE001 - answer with one line, never a traceback
            why = f"{type(err).__name__}: {one_line(err)}"
            self.log_message("internal error: %s", why)
            memory = memory_words(self.server.config.memory_mb)
            self._error(500, Errors.KG046.format(why=why, memory=memory))

    def _sparql_request(self, method: str, url_query: str) -> SparqlRequest:
        """The protocol request of a GET or POST (the body is read only for a POST)."""
        body = read_body(self.headers, self.rfile) if method == "POST" else None
        return read_request(method, url_query, self.headers.get("Content-Type"), body)

    def _endpoint(self, request: SparqlRequest) -> None:
        """Answer a query with its result, or a request with no query with the description."""
        accept = self.headers.get("Accept")
        if request.query is None:
            media = media_type_for("graph", accept)
            body = render(service_description(self.server.url + "/sparql"), media)
            self._send(200, body, content_type(media), {"Vary": "Accept"})
            return
        check_accept(accept)
        answer = self._run("query", request)
        media = media_type_for(answer.result.form, accept)
        self._send(200, render(answer.result, media), content_type(media),
                   {"Vary": "Accept", **self._truncation(answer)})

    def _view(self, request: SparqlRequest) -> None:
        """Answer with the HTML view of the query's result."""
        if request.query is None:
            raise RequestError(Errors.KG045.format(
                why="/view without a query", fix="Send /view?query=CONSTRUCT... or SELECT..."), 400)
        answer = self._run("view", request)
        self._send(200, answer.html.encode("utf-8"), "text/html; charset=utf-8",
                   {"Content-Security-Policy": VIEW_POLICY, **self._truncation(answer)})

    def _run(self, kind: str, request: SparqlRequest) -> Answer:
        """Run the query in the worker pool; raise its refusal or failure as a RequestError."""
        config = self.server.config
        answer = self.server.pool.run(Job(kind, request.query, config.max_rows,
                                          request.default_graphs, request.named_graphs))
        if answer.status != 200:
            raise RequestError(answer.message, answer.status)
        return answer

    def _truncation(self, answer: Answer) -> dict[str, str]:
        """The header that says a result was cut at the row limit (none if it was not)."""
        return {"X-SPARQL-MaxRows": str(self.server.config.max_rows)} if answer.truncated else {}
