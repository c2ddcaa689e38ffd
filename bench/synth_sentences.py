"""The sentences of a synthetic article (bench/synth_graph.py): the text they build, and the
claims and second mentions they hold, in the full BBC build's proportions.

Of the BBC build's claims (`python bench/graph_stats.py STORE`): the kinds as counted there, a
claimant for 63% (a person for 46%, an organization for 17%), quantities for a third (two in
42% of those), a year for one prediction in nine; 17.2 mention spans an article for the 9.4
people and organizations it names.
"""

from __future__ import annotations

import random

from pressgraph.namespace import CLAIM_KINDS
from pressgraph.records import Claim, Mention, Quantity, Span

VERBS = {"Statistic": "reported", "Prediction": "predicted", "Finding": "found",
         "Quote": "said", "Assertion": "argued"}
# the full BBC build's claims: how many of each kind (in CLAIM_KINDS' order), and the shares
# with a claimant (a person or an organization), with quantities (and with two), and of
# predictions naming a year
KIND_COUNTS = {"Statistic": 3520, "Prediction": 1367, "Finding": 658, "Quote": 5104,
               "Assertion": 5553}
BY_PERSON, BY_ORGANIZATION = 0.46, 0.17  # the rest (37%) have no findable source
WITH_QUANTITY, WITH_TWO_QUANTITIES = 0.32, 0.42
PREDICTION_WITH_YEAR = 0.107
AGAIN = 0.9  # the BBC build has 17.2 mention spans an article for 9.4 entities named


class Text:
    """An article text built sentence by sentence, with the span of each part."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def add(self, text: str) -> Span:
        span = Span(self.size, self.size + len(text))
        self.parts.append(text)
        self.size += len(text)
        return span

    def __str__(self) -> str:
        return "".join(self.parts)


def named_again(text: Text, person: str, org: str) -> list[Mention]:
    """A sentence naming a person and an organization again: their second mention spans."""
    text.add("Later ")
    person_span = text.add(person)
    text.add(" visited ")
    org_span = text.add(org)
    text.add(".\n")
    return [Mention(person, "PERSON", person_span), Mention(org, "ORG", org_span)]


def claim(rng: random.Random, text: Text, sources: tuple[str, str], lead: str) -> Claim:
    """A claim added to the text as a sentence (its text is set by `_exact`), attributed to
    the sentence's person or organization or to no one, in the BBC build's proportions."""
    kind = rng.choices(CLAIM_KINDS, weights=[KIND_COUNTS[k] for k in CLAIM_KINDS])[0]
    text.add(lead.format(VERBS[kind]))
    number, year = rng.randint(2, 95), rng.randint(2005, 2009)
    unit = f"unit {rng.randint(1, 10**6)}"  # texts differ: claims of no one merge by text
    quantities: tuple[Quantity, ...] = ()
    if rng.random() < WITH_QUANTITY:
        quantities = (Quantity(f"{number}%", "percent", "sales", str(number)),
                      Quantity(f"${number * 3}m", "USD", "sales", str(number * 3_000_000)))
        quantities = quantities if rng.random() < WITH_TWO_QUANTITIES else quantities[:1]
        said = f"sales at {unit} rose {number}% to ${number * 3}m"
    else:
        said = f"demand at {unit} stays strong"
    horizon = None
    if kind == "Prediction" and rng.random() < PREDICTION_WITH_YEAR:
        horizon, said = str(year), f"{said} by {year}"  # the year the sentence names
    span = text.add(said)
    text.add(".\n")
    chance = rng.random()
    claimant, label = ((sources[0], "PERSON") if chance < BY_PERSON else
                       (sources[1], "ORG") if chance < BY_PERSON + BY_ORGANIZATION else
                       (None, None))
    return Claim("", kind, claimant, label, span, cue=VERBS[kind], quantities=quantities,
                 horizon=horizon, origin="rule:reporting-verb")


def exact(claim: Claim, text: str) -> Claim:
    """The claim with its text exactly as its span reads."""
    return Claim(text[claim.span.begin:claim.span.end], claim.kind, claim.claimant,
                 claim.claimant_label, claim.span, claim.cue, claim.quantities, claim.horizon,
                 claim.origin, claim.confidence)

