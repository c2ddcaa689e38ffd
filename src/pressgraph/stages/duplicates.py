"""Find near-duplicate articles: the same story scraped twice with different trimmings.

Exact hashes miss them (another title line, other bullets, an embed, comments), so compare
the sets of word 5-gram shingles of the cleaned bodies and link pairs whose Jaccard
similarity, or containment of the smaller in the larger, passes a threshold.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Iterable

SHINGLE = 5
COMMON = 50  # a shingle shared by more articles than this is boilerplate, not evidence
WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> frozenset[int]:
    """The hashed word n-grams of a text, case-folded."""
    words = WORD.findall(text.casefold())
    grams = (" ".join(words[i:i + size]) for i in range(max(len(words) - size + 1, 1)))
    return frozenset(zlib.crc32(gram.encode("utf-8")) for gram in grams if gram)


def similarity(a: frozenset[int], b: frozenset[int]) -> float:
    """The larger of Jaccard similarity and containment of the smaller set."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return max(shared / len(a | b), shared / min(len(a), len(b)) * 0.9)


def find_duplicates(
    bodies: Iterable[tuple[str, str]], threshold: float = 0.5
) -> list[tuple[str, str, float]]:
    """Pairs (stem_a, stem_b, similarity) of near-duplicate articles, stem_a < stem_b, sorted.

    Args:
        bodies: (stem, cleaned body text) per article.
        threshold: the similarity from which two articles are copies.
    """
    sets: dict[str, frozenset[int]] = {}
    index: dict[int, list[str]] = defaultdict(list)
    for stem, text in bodies:
        sets[stem] = shingles(text)
        for gram in sets[stem]:
            index[gram].append(stem)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for stems in index.values():
        if 1 < len(stems) <= COMMON:
            for i, a in enumerate(stems):
                for b in stems[i + 1:]:
                    shared[(min(a, b), max(a, b))] += 1
    pairs = []
    for (a, b), count in shared.items():
        if count >= 3:
            score = similarity(sets[a], sets[b])
            if score >= threshold:
                pairs.append((a, b, round(score, 3)))
    return sorted(pairs)


def alternates(pairs: list[tuple[str, str, float]]) -> dict[str, tuple[str, ...]]:
    """Each article's copies, both ways."""
    links: dict[str, set[str]] = defaultdict(set)
    for a, b, _ in pairs:
        links[a].add(b)
        links[b].add(a)
    return {stem: tuple(sorted(others)) for stem, others in links.items()}
