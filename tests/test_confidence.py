"""--min-confidence: facts below the threshold leave the store a query or view sees."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from pressgraph.errors import PressgraphError
from pressgraph.query_commands import run_query_command
from pressgraph.stages.confidence import confident_store

FIXTURE = Path(__file__).parent / "data" / "fixture.trig"
CLAIMS = "SELECT ?c WHERE { ?c a <https://schema.org/Claim> }"
LINKS = "SELECT ?p WHERE { ?p <http://www.w3.org/ns/org#memberOf> ?o }"
MENTIONS = "SELECT DISTINCT ?d ?e WHERE { ?d <https://schema.org/mentions> ?e }"


@pytest.fixture(scope="module")
def store():
    loaded = ox.Store()
    loaded.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    return loaded


def count(store, query):
    return len(list(store.query(query, use_default_graph_as_union=True)))


def test_zero_keeps_everything(store):
    assert len(confident_store(store, 0)) == len(store)


def test_claims_below_the_threshold_go_with_their_quantities(store):
    kept = confident_store(store, 0.75)
    assert count(store, CLAIMS) > 0 and count(kept, CLAIMS) == 0
    assert count(kept, "SELECT ?q WHERE { ?q a <https://schema.org/QuantitativeValue> }") == 0
    assert count(kept, LINKS) == count(store, LINKS)


def test_memberships_take_their_shortcuts_and_mentions_go_with_their_spans(store):
    kept = confident_store(store, 0.85)
    assert count(kept, "SELECT ?m WHERE { ?m a <http://www.w3.org/ns/org#Membership> }") == 0
    assert count(kept, LINKS) == 0
    assert count(kept, MENTIONS) == count(store, MENTIONS)
    assert count(confident_store(store, 0.95), MENTIONS) < count(store, MENTIONS)


def test_query_command_rejects_a_threshold_outside_zero_to_one(tmp_path):
    with pytest.raises(PressgraphError, match="KG031"):
        run_query_command(CLAIMS, "csv", str(tmp_path), False, min_confidence=1.5)


def test_query_command_rejects_a_remote_store():
    with pytest.raises(PressgraphError, match="embedded store"):
        run_query_command(CLAIMS, "csv", "http://127.0.0.1:9/sparql", False, min_confidence=0.5)
