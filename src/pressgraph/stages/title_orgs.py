"""Organization names in the text around a title: comma parts and capitalized runs."""

from __future__ import annotations

import re

ARTICLE = re.compile(r"^(?:(?:presently|currently|now|also|still)\s+)?"
                     r"(?:a|an|the|our|its|his|her|their)\s+", re.I)
ORG_WORD = re.compile(r"^(?:[A-Z0-9@][\w.&'’@-]*|of|and|for|&|de|du|la|le|von|van|the)$")
STOP = {"of", "and", "for", "&", "de", "du", "la", "le", "von", "van", "the"}


def split_commas(text: str) -> list[str]:
    """Split on commas outside parentheses."""
    parts, depth, current = [], 0, []
    for char in text:
        depth += char == "("
        depth -= char == ")" and depth > 0
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def org_prefix(text: str) -> str | None:
    """The leading run of capitalized words ('Widget Stores UK', 'University of Somewhere')."""
    words = ARTICLE.sub("", text.strip()).split()
    taken: list[str] = []
    for word in words:
        bare = word.rstrip(".,;:)")
        if not ORG_WORD.match(bare) or bare.endswith(("'s", "’s")):
            if bare.endswith(("'s", "’s")) and bare[:1].isupper():
                taken.append(bare[:-2])
            break
        taken.append(bare)
        if bare != word:
            break
    while taken and taken[-1] in STOP:
        taken.pop()
    name = " ".join(taken)
    return name if name and name[:1].isupper() or name.startswith("@") else None


def is_org_part(part: str) -> bool:
    """A comma part that names an organization or a division ('Widget Direct')."""
    text = re.sub(r"^(?:in|of|at)\s+the\s+|^the\s+", "", part.strip())
    words = [w for w in text.split() if w.lower() not in STOP]
    if not words or len(words) > 8 or not text[:1].isupper() and not text.startswith("@"):
        return False
    capitals = sum(1 for w in words if w[:1].isupper() or w[:1] in "(@")
    return capitals / len(words) >= 0.6
