"""Every catalogue query answers on the committed sample graph, with the rows an analyst expects."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from pressgraph.stages.catalogue import list_queries, resolve_query
from pressgraph.stages.store import run_query

SAMPLE = Path(__file__).resolve().parents[1] / "graphs" / "sample.trig"


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(SAMPLE), format=ox.RdfFormat.TRIG)
    return store


def rows(store, name: str) -> list[dict[str, str | None]]:
    result = run_query(store, resolve_query(name))
    return [dict(zip(result.variables, row, strict=True)) for row in result.rows()]


@pytest.mark.parametrize("name", [name for name, _ in list_queries()])
def test_every_catalogue_query_has_rows(store, name):
    assert rows(store, name), f"{name} returned no rows on the sample graph"


def test_cmo_roles_name_people_with_their_organization(store):
    found = {(r["name"], r["organization"]) for r in rows(store, "cmo-roles") if "CMO" in
             (r["roles"] or "")}
    assert ("Leontyne Green Sykes", "IKEA US") in found
    assert ("Matt Jauchius", "Nationwide") in found


def test_predictions_with_a_year(store):
    found = {(r["year"], r["claimant"]) for r in rows(store, "predictions-with-year")}
    assert ("2017", "Gartner") in found


def test_the_duplicate_pair_is_listed_once(store):
    pairs = rows(store, "duplicate-articles")
    assert len(pairs) == 1


def test_quotes_carry_the_speakers_role(store):
    found = {(r["name"], r["roles"]) for r in rows(store, "quotes")}
    assert ("Steve Cannon", "CEO, Mercedes-Benz USA") in found
