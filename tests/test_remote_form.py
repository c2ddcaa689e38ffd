"""Deciding a query's form for a remote endpoint never runs it here (no SERVICE call)."""

from __future__ import annotations

import socket

import pytest

from pressgraph.errors import PressgraphError
from pressgraph.stages.remote import query_form


@pytest.mark.parametrize(("query", "form"), [
    ("SELECT * WHERE { ?s ?p ?o }", "select"),
    ("ASK { ?s ?p ?o }", "ask"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "graph"),
    ("DESCRIBE <https://pressgraph.example/id/org/x>", "graph"),
])
def test_form(query, form):
    assert query_form(query) == form


def test_a_service_clause_is_not_called():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        listener.settimeout(0.5)
        port = listener.getsockname()[1]
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        assert query_form(query) == "select"
        with pytest.raises(socket.timeout):
            listener.accept()


def test_a_syntax_error_is_kg009():
    with pytest.raises(PressgraphError, match="KG009"):
        query_form("SELEC * WHERE { ?s ?p ?o }")
