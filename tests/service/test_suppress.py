"""Inline suppression comments: which stretches of a draft they silence."""

from __future__ import annotations

from service.suppress import find_suppressions


def test_disable_until_enable() -> None:
    text = "a 1\n<!-- tradecheck-disable -->\nb 2\nc 3\n<!-- tradecheck-enable -->\nd 4\n"
    found = find_suppressions(text)
    assert not found.covers(text.index("1"))
    assert found.covers(text.index("2")) and found.covers(text.index("3"))
    assert not found.covers(text.index("4"))


def test_disable_without_enable_runs_to_the_end() -> None:
    text = "a 1 <!--tradecheck-disable--> b 2\nc 3"
    found = find_suppressions(text)
    assert not found.covers(text.index("1"))
    assert found.covers(text.index("2")) and found.covers(text.index("3"))


def test_ignore_next_line_silences_only_that_line() -> None:
    text = "a 1\n<!-- tradecheck-ignore-next-line -->\nb 2\nc 3\n"
    found = find_suppressions(text)
    assert [found.covers(text.index(n)) for n in "123"] == [False, True, False]


def test_ignore_on_the_last_line_silences_nothing() -> None:
    assert not find_suppressions("x 1 <!-- tradecheck-ignore-next-line -->")


def test_other_comments_and_near_misses_do_nothing() -> None:
    for text in ("<!-- tradecheck -->\n5", "<!-- tradecheck-disabled -->\n5", "tradecheck-disable\n5", "<!-- x -->\n5"):
        assert not find_suppressions(text), text


def test_repeated_and_overlapping_directives_merge() -> None:
    text = (
        "<!-- tradecheck-disable -->\n1\n<!-- tradecheck-disable -->\n2\n<!-- tradecheck-ignore-next-line -->\n3\n"
        "<!-- tradecheck-enable -->\n4\n<!-- tradecheck-enable -->\n5\n"
    )
    found = find_suppressions(text)
    assert [found.covers(text.index(n)) for n in "12345"] == [True, True, True, False, False]
    assert len(found.ranges) == 1
