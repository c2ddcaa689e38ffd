"""Resolution rules beyond equal keys: spelling variants, lone surnames, the user's rules.

Each rule takes the current (label, name) -> (key, why) map and returns the entries it changes.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from pressgraph.namespace import slug
from pressgraph.stages.merges import MergeRules

Keys = dict[tuple[str, str], tuple[str, str]]


def joined_by_spelling(keys: Keys, seen: Counter) -> Keys:
    """Organizations whose keys differ only in spaces or hyphens ('TimeWarner', 'Time Warner')."""
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for (label, name), (key, _) in keys.items():
        if label == "ORG":
            groups[key.replace("-", "")][key] += seen[(label, name)] + 1
    changed = {}
    for (label, name), (key, _) in keys.items():
        variants = groups.get(key.replace("-", "")) if label == "ORG" else None
        if variants and len(variants) > 1:
            main = sorted(variants.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            if main != key:
                changed[(label, name)] = (main, "same name but for spaces or hyphens")
    return changed


def joined_by_surname(keys: Keys) -> Keys:
    """A person named by one word only, when exactly one full name in the corpus ends in it."""
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    for (label, name), (key, _) in keys.items():
        if label == "PERSON" and len(name.split()) >= 2:
            full_by_surname[slug(name.split()[-1])].add(key)
    changed = {}
    for label, name in keys:
        if label == "PERSON" and len(name.split()) == 1:
            matches = full_by_surname.get(slug(name), set())
            if len(matches) == 1:
                changed[(label, name)] = (next(iter(matches)), "one full name has this surname")
    return changed


def apply_rules(keys: Keys, rules: MergeRules) -> Keys:
    """The user's pinned merges, then the forbidden ones split off again."""
    changed: Keys = {}
    by_name = {(label, name.casefold()): (label, name) for label, name in keys}
    for label, a, b in rules.same:
        first, second = by_name.get((label, a.casefold())), by_name.get((label, b.casefold()))
        if first and second:
            changed[second] = (keys[first][0], "pinned in the merges file")
    current = {**keys, **changed}
    for label, a, b in sorted(rules.different):
        first, second = by_name.get((label, a)), by_name.get((label, b))
        if first and second and current[first][0] == current[second][0]:
            apart = slug(second[1])
            if apart == current[first][0]:
                apart += "-apart"
            changed[second] = current[second] = (apart, "kept apart by the merges file")
    return changed
