"""Nicknames: cleaned, compared and kept unique, so nobody speaks under someone else's name."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chatgui.protocol.names import (
    MAX_NICK_CHARS,
    clean_nick,
    is_invisible,
    mixed_script,
    nick_key,
    unique_nick,
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("alice", "alice"),
        ("  ali   ce  ", "ali ce"),
        ("ali\u200bce", "alice"),  # zero-width space
        ("\u202eecila", "ecila"),  # right-to-left override
        ("ali\ufe0fce", "alice"),  # variation selector
        ("ali\U000e0100ce", "alice"),  # variation selector supplement
        ("ａｌｉｃｅ", "alice"),  # fullwidth, NFKC
        ("a\nb\tc\x1b[31m", "a b c [31m"),  # controls break words, never lines
        ("\x00\x07\u200d", ""),
        ("ㅤ", ""),  # a Hangul filler looks like nothing
        ("x" * 40, "x" * MAX_NICK_CHARS),
        ("a" * 31 + " b", "a" * 31),  # cut, then no trailing space
        ("小红", "小红"),
    ],
)
def test_clean_nick(raw: str, clean: str) -> None:
    assert clean_nick(raw) == clean


@given(st.text())
def test_a_clean_nick_is_one_printable_line_and_cleaning_again_changes_nothing(raw: str) -> None:
    nick = clean_nick(raw)
    assert len(nick) <= MAX_NICK_CHARS
    assert nick == nick.strip()
    assert all(ch.isprintable() or ch == " " for ch in nick), repr(nick)
    assert not any(is_invisible(ch) for ch in nick)
    assert clean_nick(nick) == nick


@pytest.mark.parametrize(
    "other",
    ["alice", "Alice", "ALICE", "ali\u200bce", "ａｌｉｃｅ", " alice ", "ALİCE".lower()[:0] + "alice"],
)
def test_the_same_name_written_differently_has_one_key(other: str) -> None:
    assert nick_key(other) == nick_key("alice")


def test_look_alikes_from_another_script_are_another_name_but_marked() -> None:
    cyrillic = "\u0430lice"  # Cyrillic а
    assert nick_key(cyrillic) != nick_key("alice")
    assert mixed_script(cyrillic)
    assert not mixed_script("alice")
    assert not mixed_script("Алиса")  # all Cyrillic
    assert not mixed_script("小红 bob")  # Han is not confused with Latin
    assert not mixed_script("bob 42")


def test_unique_nick_adds_the_first_free_number() -> None:
    taken = {nick_key("alice")}
    assert unique_nick("bob", taken) == "bob"
    assert unique_nick("Alice", taken) == "Alice (2)"
    taken |= {nick_key("alice (2)"), nick_key("Alice (3)")}
    assert unique_nick("alice", taken) == "alice (4)"


def test_a_unique_nick_stays_within_the_length() -> None:
    long = "y" * MAX_NICK_CHARS
    result = unique_nick(long, {nick_key(long)})
    assert result == "y" * (MAX_NICK_CHARS - 4) + " (2)"
    assert len(result) == MAX_NICK_CHARS
