"""Nicknames a stranger chooses: cleaned, compared and kept unique, so nobody speaks as someone else.

A nick is compared after NFKC normalisation, case-folding and removing invisible
characters (zero-width, bidi controls, variation selectors), so ``Alice``, ``ａｌｉｃｅ``
and ``ali\u200bce`` are one name. Look-alikes from two scripts in one nick (Latin ``a``
beside Cyrillic ``а``) cannot be folded away; :func:`mixed_script` tells the window to
mark them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection

MAX_NICK_CHARS = 32
"""A cleaned nickname is 1 to this many printable characters."""

_INVISIBLE_RANGES = (
    (0xFE00, 0xFE0F),  # variation selectors
    (0xE0100, 0xE01EF),  # variation selectors supplement
    (0x180B, 0x180F),  # Mongolian free variation selectors and vowel separator
    (0x115F, 0x1160),  # Hangul fillers
    (0x3164, 0x3164),
    (0xFFA0, 0xFFA0),
    (0x2800, 0x2800),  # braille pattern blank
)


def is_invisible(char: str) -> bool:
    """Whether ``char`` draws nothing or only steers layout: format (Cf), variation selectors, fillers."""
    if unicodedata.category(char) == "Cf":  # zero-width, bidi controls, joiners, tags, BOM
        return True
    code = ord(char)
    return any(low <= code <= high for low, high in _INVISIBLE_RANGES)


def clean_nick(raw: str) -> str:
    """A nickname safe to show and compare: NFKC, no invisibles or controls, one line, 32 characters.

    Args:
        raw: the nickname as a peer or a user sent it.

    Returns:
        The cleaned nickname; "" when nothing printable is left.
    """
    text = unicodedata.normalize("NFKC", raw)
    kept: list[str] = []
    for char in text:
        category = unicodedata.category(char)
        if category[0] in "CZ" and not is_invisible(char):
            kept.append(" ")  # controls, separators, unassigned, surrogates: word breaks at most
        elif not is_invisible(char):
            kept.append(char)
    return " ".join("".join(kept).split())[:MAX_NICK_CHARS].rstrip()


def nick_key(nick: str) -> str:
    """What two nicknames are compared by: the cleaned nick, case-folded (and NFKC'd again after folding)."""
    return unicodedata.normalize("NFKC", clean_nick(nick).casefold())


def unique_nick(wanted: str, taken: Collection[str]) -> str:
    """``wanted``, or ``wanted (2)``, ``wanted (3)`` ... whichever is not taken.

    Args:
        wanted: a cleaned, non-empty nickname.
        taken: the :func:`nick_key` of every nickname in use (the host's own included).

    Returns:
        A nickname of at most ``MAX_NICK_CHARS`` characters whose key is not in ``taken``.
    """
    if nick_key(wanted) not in taken:
        return wanted
    number = 2
    while True:
        suffix = f" ({number})"
        candidate = wanted[: MAX_NICK_CHARS - len(suffix)].rstrip() + suffix
        if nick_key(candidate) not in taken:
            return candidate
        number += 1


# Scripts whose letters are confused with each other's; a nick mixing two of them is marked.
_CONFUSABLE_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE")


def _script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    for script in _CONFUSABLE_SCRIPTS:
        if name.startswith(script):
            return script
    return None


def mixed_script(nick: str) -> bool:
    """Whether ``nick`` mixes letters of two confusable scripts (Latin ``a`` with Cyrillic ``а``).

    Such a nick may be made to look like someone else's; the window marks it.
    """
    scripts = {script for char in nick if char.isalpha() and (script := _script(char)) is not None}
    return len(scripts) > 1
