"""Near-duplicate detection: the same story with other trimmings is found, others are not."""

from __future__ import annotations

from pressgraph.stages.duplicates import alternates, find_duplicates

STORY = ("The central bank kept interest rates on hold for a third month as inflation eased and "
         "growth slowed across the region, its governor told reporters on Thursday. Analysts had "
         "expected the decision, which leaves the main rate at four per cent, and markets barely "
         "moved. The bank said it would watch wage growth closely before acting again.")
OTHER = ("Shares in the carmaker fell sharply after it warned that profits would miss forecasts "
         "because of weaker demand in Europe and rising costs for steel and energy this year.")


def test_a_copy_with_another_title_and_comments_is_a_duplicate():
    copy = "Rates On Hold Again\n\n" + STORY.replace(". ", ".\n • ") + "\nGreat article! Reply"
    pairs = find_duplicates([("a", STORY), ("b", copy), ("c", OTHER)])
    assert [(a, b) for a, b, _ in pairs] == [("a", "b")]
    assert alternates(pairs) == {"a": ("b",), "b": ("a",)}


def test_different_stories_are_not_duplicates():
    assert find_duplicates([("a", STORY), ("c", OTHER)]) == []
