"""The company a company title with no organization stated ('the co-chairman') is at."""

from __future__ import annotations

import re

from spacy.tokens import Span

from pressgraph.stages.coref import salient_org

CORPORATE_CODES = {"CEO", "CFO", "COO", "CTO", "CMO", "CIO", "CINO", "CDO", "CDAO", "EVP", "SVP",
                   "VP"}
CORPORATE_WORDS = re.compile(r"\b(?:co-)?chair(?:man|woman)?\b|\bboard\b|\bfounder\b|"
                             r"\bnon-executive\b|\b(?:executive|managing) director\b", re.I)


def with_context_company(rows: list[tuple], orgs: list[Span]) -> list[tuple]:
    """A company title with no organization stated ('the co-chairman') is at the company the
    story is about: the organization named most often before it, if named at least twice."""
    out = []
    for row in rows:
        if row[3] is None and _corporate(row[1], row[2]):
            company = salient_org(orgs, row[5])
            if company is not None and sum(o.text == company.text for o in orgs) >= 2:
                row = (*row[:3], company.text, None, *row[5:7], row[7] + "+context-company",
                       round(row[8] - 0.15, 2), *row[9:])
        out.append(row)
    return out


def _corporate(title: str, codes: tuple[str, ...]) -> bool:
    """A title that only a company gives: chief officers, vice presidents, chairmen."""
    return bool(set(codes) & CORPORATE_CODES) or CORPORATE_WORDS.search(title) is not None
