"""Helpers of the regression tests: the names an article's mentions give."""


def people(facts) -> set[str]:
    return {m.name for m in facts.mentions if m.label == "PERSON"}


def orgs(facts) -> set[str]:
    return {m.name for m in facts.mentions if m.label == "ORG"}
