"""Helpers of the regression tests: the names and positions an article's facts give."""


def people(facts) -> set[str]:
    return {m.name for m in facts.mentions if m.label == "PERSON"}


def orgs(facts) -> set[str]:
    return {m.name for m in facts.mentions if m.label == "ORG"}


def positions(facts) -> set[tuple]:
    return {(p.person, p.title, p.organization) for p in facts.positions}
