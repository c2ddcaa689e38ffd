"""Score one article's rows (from the evaluation queries) against its gold annotation."""

from __future__ import annotations

from dataclasses import dataclass, field

from pressgraph.evaluation.gold import GoldArticle
from pressgraph.evaluation.matching import Match, match
from pressgraph.evaluation.names import (
    matches_any,
    norm,
    same_claim,
    same_name,
    same_person,
    same_title,
)

ROLE_CODES = {"CEO", "CMO", "CIO", "CINO", "CTO", "CDO", "CDAO", "CFO", "COO", "EVP", "SVP", "VP",
              "PRESIDENT", "DIRECTOR", "HEAD"}


@dataclass
class ArticleScore:
    """Each measure's match for one article, and its claims' attribution counts."""

    matches: dict[str, Match] = field(default_factory=dict)
    attribution: Match = field(default_factory=Match)
    wrong_claimants: list[tuple[str, str, str]] = field(default_factory=list)
    kinds: tuple[int, int] = (0, 0)  # found gold claims, of which with the gold kind
    duplicate: tuple[int, int] = (0, 0)  # gold duplicate pairs, of which detected


def score_article(gold: GoldArticle, rows: dict[str, list[dict]],
                  copies_of: dict[str, set[str]]) -> ArticleScore:
    """Match people, organizations, positions, roles, claims and attribution.

    Args:
        gold: the annotation.
        rows: the article's rows per query (articles, people, organizations, positions, claims).
        copies_of: file name -> file names the graph says are copies of it.
    """
    result = ArticleScore()
    authors = sorted({r["author"] for r in rows["articles"] if r.get("author")})
    result.matches["authors"] = match(authors, list(gold.authors), same_name)
    people = sorted({r["name"] for r in rows["people"] if r.get("name")})
    result.matches["people"] = match(people, [p["name"] for p in gold.people], same_person,
                                     list(gold.commenters))
    result.matches["organizations"] = _organizations(gold, rows["organizations"])
    result.matches["positions"], result.matches["roles"] = _positions(gold, rows["positions"])
    _claims(gold, rows["claims"], result)
    if gold.duplicate_of:
        found = gold.duplicate_of in copies_of.get(gold.file, set()) or gold.file in copies_of.get(
            gold.duplicate_of, set())
        result.duplicate = (1, int(found))
    return result


def _organizations(gold: GoldArticle, rows: list[dict]) -> Match:
    names = sorted({r["name"] for r in rows if r.get("name")})
    kept = [o for o in gold.organizations if not o.get("boilerplate")]
    optional = [o for o in gold.organizations if o.get("boilerplate")]
    return match(names, kept, lambda n, o: matches_any(n, [o["name"], *(o.get("aliases") or [])]),
                 optional)


def _org_equal(aliases: dict[str, list[str]]):
    folded = {norm(name): names for name, names in aliases.items()}

    def equal(predicted: str | None, gold: str | None) -> bool:
        if not gold:
            return not predicted
        return bool(predicted) and matches_any(predicted, folded.get(norm(gold), [gold]))
    return equal


def position_matcher(gold: GoldArticle):
    """Whether a positions row (name, title, org, role) states a gold (name, position)."""
    org_equal = _org_equal(gold.aliases())

    def same_position(row: dict, item: tuple[str, dict]) -> bool:
        name, position = item
        role = (row.get("role") or "").upper()
        return (same_person(row["name"], name) and org_equal(row.get("org"),
                                                             position.get("organization"))
                and (same_title(row.get("title"), position.get("title"))
                     or (bool(position.get("role")) and role == position["role"])))
    return same_position


def claimant_matcher(gold: GoldArticle):
    """Whether a claim row's claimant is the gold claim's (both none counts as right)."""
    aliases = {norm(name): names for name, names in gold.aliases().items()}

    def same_claimant(row: dict, claim: dict) -> bool:
        want, got = claim.get("attributed_to"), row.get("attributedTo")
        if not want or not got:
            return not want and not got
        return same_person(got, want) or matches_any(got, aliases.get(norm(want), [want]))
    return same_claimant


def _positions(gold: GoldArticle, rows: list[dict]) -> tuple[Match, Match]:
    org_equal = _org_equal(gold.aliases())
    predicted = [r for r in rows if r.get("name")]
    wanted = gold.positions()
    same_position = position_matcher(gold)

    def same_role(row: dict, item: tuple[str, dict]) -> bool:
        name, position = item
        return (same_person(row["name"], name) and (row.get("role") or "").upper() ==
                position["role"] and org_equal(row.get("org"), position.get("organization")))

    roles = [r for r in predicted if (r.get("role") or "").upper() in ROLE_CODES]
    return (match(predicted, wanted, same_position),
            match(roles, [(n, p) for n, p in wanted if p.get("role")], same_role))


def _claims(gold: GoldArticle, rows: list[dict], result: ArticleScore) -> None:
    predicted = [r for r in rows if r.get("text")]
    claims = list(gold.claims)
    result.matches["claims"] = match(predicted, claims, lambda r, c: same_claim(r["text"],
                                                                                c["text"]))
    aliases = {norm(name): names for name, names in gold.aliases().items()}
    hits = given = wanted = found = right_kind = 0
    for claim in claims:
        want = claim.get("attributed_to")
        wanted += bool(want)
        candidates = [r for r in predicted if same_claim(r["text"], claim["text"])]
        kinds = {norm(r.get("kind")) for r in candidates}
        if candidates:
            found += 1
            right_kind += norm(claim.get("kind")) in kinds
        names = [r["attributedTo"] for r in candidates if r.get("attributedTo")]
        if not names:
            continue
        given += 1
        if want and any(same_person(n, want) or matches_any(n, aliases.get(norm(want), [want]))
                        for n in names):
            hits += 1
        else:
            result.wrong_claimants.append((claim["text"], want or "(none)", " | ".join(names)))
    result.attribution = Match(matched=hits, predictions=given, found=hits, gold=wanted)
    result.kinds = (found, right_kind)
