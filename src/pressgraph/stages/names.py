"""Within one article: one canonical name per person or organization."""

from __future__ import annotations

import re

HONORIFICS = ("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady")
HONORIFIC = re.compile(r"^(?:" + "|".join(w.capitalize() for w in HONORIFICS) + r")\.?\s+")


def bare(name: str) -> str:
    """A name without honorific, possessive, '@' or surrounding punctuation."""
    name = re.sub(r"\s+", " ", name).strip(" .,;:'\"“”‘’()[]")
    name = re.sub(r"(?:'s|’s)$", "", name)
    return HONORIFIC.sub("", name).lstrip("@").strip()


def _shortens(short: str, full: str) -> bool:
    """'Paribas' of 'BNP Paribas', 'Bank' of 'Bank of Harwick', 'HA' of 'Harwick Air'."""
    words = full.split()
    if len(words) < 2 or short == full:
        return False
    initials = "".join(w[0] for w in words if w[:1].isupper())
    return (short == words[-1] or (short == words[0] and " of " in full)
            or (short.isupper() and len(short) >= 2 and short == initials))


class NameBook:
    """Collects the names an article uses and maps short forms to the full name."""

    def __init__(self) -> None:
        self.people: dict[str, str] = {}
        self.orgs: dict[str, str] = {}
        self.written: dict[str, str] = {}

    def add_person(self, name: str, single: bool = False) -> None:
        """Record a full name (or, with `single`, a one-word name such as a byline's)."""
        name = bare(name)
        if name and (single or len(name.split()) >= 2):
            self.people.setdefault(name.casefold(), name)

    def add_org(self, name: str) -> None:
        name = bare(name)
        if name:
            self.orgs.setdefault(name.casefold(), name)

    def alias(self, short: str, full: str) -> None:
        """An acronym or short form defined in the text ('Northwind Air (NA)')."""
        self.orgs[bare(short).casefold()] = bare(full)
        self.written[bare(short).casefold()] = bare(short)

    def org_aliases(self) -> tuple[tuple[str, str], ...]:
        """(short form as written, full name) of every organization's other name."""
        return tuple(sorted((self.written.get(k, k), v) for k, v in self.orgs.items()
                            if k != v.casefold()))

    def person(self, name: str) -> str | None:
        """The full name a mention stands for: itself, or the one full name it shortens."""
        name = bare(name)
        if not name:
            return None
        if name.casefold() in self.people:
            return self.people[name.casefold()]
        if len(name.split()) == 1:
            matches = {full for full in self.people.values()
                       if name in full.split()[-1:] or name == full.split()[0]}
            if len(matches) == 1:
                return matches.pop()
        return name

    def org(self, name: str) -> str | None:
        """The full name an organization's mention stands for: itself, a defined short form's
        full name, or the one longer name whose first or last word it is ('Paribas')."""
        name = bare(name)
        if not name:
            return None
        if name.casefold() in self.orgs and self.orgs[name.casefold()].casefold() != \
                name.casefold():
            return self.orgs[name.casefold()]
        if len(name.split()) == 1:
            longer = {full for full in self.orgs.values() if _shortens(name, full)}
            if len(longer) == 1:
                return longer.pop()
        return self.orgs.get(name.casefold(), name)

    def is_person(self, name: str) -> bool:
        """Whether a name (perhaps a first name or surname alone) names a known person."""
        found = self.person(name)
        return found is not None and found.casefold() in self.people
