"""Fixed: 'the co-chairman ... will become chief executive' lost its company and its tenure."""

import pytest

pytestmark = pytest.mark.slow


def test_company_title_without_organization_is_at_the_story_company(facts_of):
    text = ("Harbor Foods Inc is to merge its two boards. Shares in Harbor Foods Inc rose 2%. "
            "Under the plans, Peter Walsh, the co-chairman, will become group chief executive.\n")
    found = {(p.title, p.organization, p.status) for p in facts_of(text).positions
             if p.person == "Peter Walsh"}
    assert ("co-chairman", "Harbor Foods Inc", None) in found
    assert ("group chief executive", "Harbor Foods Inc", "incoming") in found


def test_a_government_title_gets_no_company(facts_of):
    text = ("Harbor Foods Inc cut jobs. Harbor Foods Inc blamed costs. Chancellor Peter Walsh "
            "said the economy was strong.\n")
    found = {(p.title, p.organization) for p in facts_of(text).positions}
    assert ("Chancellor", None) in found
