"""Tenure of a title: held no more ('former'), being left, or being taken up."""

from __future__ import annotations

import re

TENURE = re.compile(r"^(former|ex-|ex |one-time|onetime|outgoing|departing|retiring|"
                    r"incoming|new|newly appointed|newly named)\s*", re.I)
TENURE_WORDS = {"former": "former", "ex": "former", "one-time": "former", "onetime": "former",
                "outgoing": "outgoing", "departing": "outgoing", "retiring": "outgoing",
                "incoming": "incoming", "new": "incoming", "newly appointed": "incoming",
                "newly named": "incoming"}
LEAVING = re.compile(r"^[\s,]*who (?:is|was) (?:stepping down|leaving|retiring|resigning|"
                     r"quitting|to step down|to leave|to retire)", re.I)
TAKING = re.compile(r"^[\s,]*who (?:will|is to|is set to) (?:take over|join|become|succeed)",
                    re.I)


def tenure(title: str, after: str = "") -> str | None:
    """Whether a title is held no more ('former'), being left, or being taken up.

    Args:
        title: the title as written ("former chief executive").
        after: the text right after the person's name and title ("who is stepping down").
    """
    match = TENURE.match(title.strip())
    if match:
        return TENURE_WORDS[match.group(1).casefold().rstrip("- ")]
    if LEAVING.match(after):
        return "outgoing"
    if TAKING.match(after):
        return "incoming"
    if re.search(r"[\s-](?:designate|elect)$", title.strip(), re.I):
        return "incoming"
    return None
