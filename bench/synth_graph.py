"""Generate a synthetic graph with the real model's shape, for the SPARQL benchmark.

Invented articles become `ArticleFacts` records (people, organizations, positions, claims with
quantities, near-duplicate pairs, every span pointing at its text), and go through exactly what
`pipeline.build` does after extraction: the resolver, `article_quads` and the streaming TriG
writer. So the graph has the build's shape by construction: named graphs per article, entity
triples restated in every article naming them, NIF spans, memberships, claims, vocabulary.

Its counts follow the full BBC build (2,167 articles; `python bench/graph_stats.py STORE`
prints them for any store): per article about 9 people and organizations named (17 mention
spans), 0.7 positions and 7.5 claims of each kind in the BBC build's proportions (a third
quotes, one in twelve a prediction, of which one in nine names a year), 63% of them with a
claimant and a third with quantities; people and organizations drawn with Zipf-like
reuse from pools large enough that the most named entity is in about one article in twelve
(185 of 2,167 in the BBC build), so cross-article joins weigh what they weigh there.

    python bench/synth_graph.py --triples 1000000 --out /tmp/synthetic.trig
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from synth_sentences import AGAIN, Text, claim, exact, named_again

from pressgraph.namespace import Iris
from pressgraph.records import (
    ArticleFacts,
    Mention,
    Position,
    RawArticle,
    Span,
)
from pressgraph.stages.graph_writer import GraphWriter
from pressgraph.stages.resolve import Resolver
from pressgraph.stages.to_rdf import article_quads
from pressgraph.stages.vocabulary import build_quads, vocabulary_quads

QUADS_PER_ARTICLE = 340  # the full BBC build: 735k quads for 2,165 articles
FIRST = ("Anna", "Ben", "Carla", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas",
         "Keiko", "Liam", "Maya", "Nils", "Olga", "Pavel", "Rosa", "Sami", "Tara", "Uwe")
INITIALS = "ABCDEFGHJKLMNPRSTVW"
LAST = ("Abbott", "Brandt", "Castell", "Dorsey", "Ekwueme", "Falk", "Gruber", "Hollis",
        "Iqbal", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov",
        "Quist", "Rahman", "Sorensen", "Tanaka", "Ulloa", "Varga", "Whitley", "Zeller")
ONSETS = ("Al", "Bor", "Cal", "Dra", "El", "Fen", "Gal", "Hal", "Ir", "Jor", "Kal", "Lor", "Mar",
          "Nor", "Or", "Par", "Quin", "Ros", "Sal", "Tor", "Ul", "Var", "Wen", "Xan", "Yor", "Zel")
CODAS = ("a", "en", "ex", "ia", "on", "or", "um", "is", "ar", "et", "ine", "ova", "ux", "ara",
         "ell", "ora", "iq", "ent", "ast", "yn")
KINDS = ("Holdings", "Bank", "Motors", "Foods", "Telecom", "Energy", "Airlines", "Retail")
SUFFIXES = ("plc", "Inc", "Group", "")
ZIPF = 2.4  # the skew of reuse: the first of 9,000 people is drawn 2.2% of the time
TITLES = (("chief executive", ("CEO",)), ("chief marketing officer", ("CMO",)),
          ("finance director", ("CFO",)), ("chairman", ("PRESIDENT",)),
          ("head of technology", ("HEAD",)), ("chief information officer", ("CIO",)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=Path("synthetic.trig"))
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    start = time.perf_counter()
    articles, quads = write_graph(args.triples, args.out, args.seed)
    sys.stdout.write(f"{articles} articles, {quads:,} quads -> {args.out} "
                     f"in {time.perf_counter() - start:.1f} s\n")


def write_graph(triples: int, out: Path, seed: int = 7) -> tuple[int, int]:
    """Write a synthetic build of about `triples` quads to `out`; articles and quads written."""
    rng = random.Random(seed)
    people = [f"{a} {m}. {b}" for a in FIRST for m in INITIALS for b in LAST]
    orgs = [" ".join(filter(None, (a + b, k, x)))
            for a in ONSETS for b in CODAS for k in KINDS for x in SUFFIXES]
    rng.shuffle(people)
    rng.shuffle(orgs)
    count = max(1, triples // QUADS_PER_ARTICLE)
    facts = [_article(i, rng, people, orgs, count) for i in range(count)]
    resolver = Resolver()
    for item in facts:
        resolver.add(item)
    iris, writer = Iris("https://pressgraph.example/id/"), GraphWriter()
    writer.add(vocabulary_quads(iris))
    writer.add(build_quads(iris, {"version": "synthetic", "model": "synthetic",
                                  "articles": str(count), "time": "",
                                  "stems": " ".join(f.raw.stem for f in facts)}))
    for item in facts:
        writer.add(article_quads(item, iris, resolver))
    return count, writer.write(out)


def _zipf(rng: random.Random, pool: list[str]) -> str:
    """A name from the pool, the first ones far more often."""
    return pool[int(len(pool) * rng.random() ** ZIPF)]


def _article(index: int, rng: random.Random, people: list[str], orgs: list[str],
             count: int) -> ArticleFacts:
    """One invented article's facts; every fifth pair of articles is a near-duplicate."""
    text, mentions, positions, claims = Text(), [], [], []
    text.add(f"Markets report {index}\n\n")
    for _ in range(rng.randint(3, 6)):
        person, org = _zipf(rng, people), _zipf(rng, orgs)
        title, roles = rng.choice(TITLES)
        start = text.size
        person_span = text.add(person)
        text.add(", ")
        text.add(title)
        text.add(" of ")
        org_span = text.add(org)
        sentence = Span(start, text.size)
        mentions += [Mention(person, "PERSON", person_span), Mention(org, "ORG", org_span)]
        if rng.random() < AGAIN:
            mentions += named_again(text, person, org)
        if rng.random() < 0.15:
            positions.append(Position(person, title, roles, org, sentence, "rule:appositive"))
        claims.append(claim(rng, text, (person, org), ", {} that "))
        while rng.random() < 0.4:  # 1.67 claims per speaker, as the BBC build's 7.5 an article
            claims.append(claim(rng, text, (person, org), "They also {} that "))
    raw = RawArticle(source=f"synthetic/{index:06d}.txt", stem=f"{index:06d}", text=str(text),
                     title=f"Markets report {index}")
    claims = [exact(c, raw.text) for c in claims]
    twin = index ^ 1 if index % 10 < 2 and (index ^ 1) < count else None
    return ArticleFacts(raw=raw, title=raw.title, authors=(), date="2005-01-01", publisher=None,
                        mentions=tuple(mentions), positions=tuple(positions),
                        claims=tuple(claims), alternates=(f"{twin:06d}",) if twin else ())


if __name__ == "__main__":
    main()
