"""Fixed: events and sectors ('Global Summit', 'Transportation Industry') were organizations."""

import pytest
from mention_names import orgs

pytestmark = pytest.mark.slow


def test_summit_and_industry_are_no_organizations(facts_of):
    text = ("Brandex will talk about it at the Bright Future Global Summit, a meeting for the "
            "Shipping Industry held in Oslo.\n")
    found = orgs(facts_of(text))
    assert not any(name.endswith(("Summit", "Industry")) for name in found)
