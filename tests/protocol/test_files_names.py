"""Names to save a received file under: whatever a sender wrote, nothing outside the folder or hidden."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from chatgui.protocol import is_risky, safe_name, unique_name
from chatgui.protocol.files import MIN_NAME_BYTES
from chatgui.protocol.printable import needs_escape

FAST = settings(max_examples=500, deadline=None)
RESERVED = {"con", "prn", "aux", "nul", "conin$", "conout$"} | {
    f"{port}{digit}" for port in ("com", "lpt") for digit in "123456789¹²³"
}


@pytest.mark.parametrize(
    ("raw", "saved"),
    [
        # The list.
        ("../../x", "x"),
        ("C:\\x", "x"),
        ("CON.txt", "_CON.txt"),
        ("a\u202etxt.exe", "atxt.exe"),  # shown as "aexe.txt" with the override
        ("a" * 300, "a" * 200),
        ("", "file"),
        # The task's.
        ("con", "_con"),
        ("LPT9.tar.gz", "_LPT9.tar.gz"),
        ("\u200b", "file"),
        (".bashrc", "bashrc"),
        ("...", "file"),
        ("name. ", "name"),
        ("😀" * 100, "😀" * 50),  # 200 bytes of four-byte characters
        ("a\x00b.txt", "ab.txt"),
        # And more of the same kind.
        ("..", "file"),
        ("/", "file"),
        ("dir/", "file"),
        ("..\\..\\Windows\\System32\\evil.dll", "evil.dll"),
        ("/etc/passwd", "passwd"),
        ("C:x.txt", "Cx.txt"),
        ("\\\\server\\share\\f.txt", "f.txt"),
        ("report:Zone.Identifier", "reportZone.Identifier"),  # no alternate data stream
        ('a<b>c:"d|e?f*.txt', "a_b_c_d_e_f_.txt"),
        ("nul.tar.gz", "_nul.tar.gz"),
        ("Com1", "_Com1"),
        ("COM¹.txt", "_COM¹.txt"),
        ("con .txt", "_con .txt"),
        ("com10.txt", "com10.txt"),  # not a device
        ("console.txt", "console.txt"),
        (" .. x .. ", "x"),
        ("a\r\nb\tc", "abc"),
        ("\x1b[31mred.txt", "[31mred.txt"),
        ("e\u0301.txt", "\u00e9.txt"),  # NFC
        ("e\u200b\u0301", "\u00e9"),  # composed once the invisible is gone
        ("x" * 300 + ".txt", "x" * 196 + ".txt"),  # the extension survives the cut
        ("y" * 300 + ".tar.gz", "y" * 193 + ".tar.gz"),
        ("好" * 100 + ".png", "好" * 65 + ".png"),  # cut at a character, never inside one
        ("photo (2).png", "photo (2).png"),
        ("a..b.txt", "a..b.txt"),  # no ".." component, only two dots in a name
        ("\u202e\u2066\u2067\u2068\u2069\u200e\u200f\ufeff", "file"),
        ("\ud800x.txt", "x.txt"),  # a lone surrogate (JSON can carry one)
    ],
)
def test_hostile_names_are_saved_safely(raw: str, saved: str) -> None:
    assert safe_name(raw) == saved
    assert safe_name(saved) == saved


def test_a_longer_or_shorter_limit_is_kept() -> None:
    assert safe_name("a" * 2000, max_bytes=255) == "a" * 255
    assert safe_name("b" * 100 + ".jpeg", max_bytes=MIN_NAME_BYTES) == "b" * 27 + ".jpeg"
    assert (
        safe_name("c." + "d" * 100, max_bytes=MIN_NAME_BYTES) == "c." + "d" * 30
    )  # too long for an extension
    with pytest.raises(ValueError, match="max_bytes"):
        safe_name("x", max_bytes=MIN_NAME_BYTES - 1)


def test_a_device_name_cut_from_a_longer_one_still_gets_its_prefix() -> None:
    assert safe_name("CON" + "😀" * 20 + ".txt", max_bytes=MIN_NAME_BYTES) == "CON" + "😀" * 6 + ".txt"
    assert safe_name("con." + "x" * 100, max_bytes=MIN_NAME_BYTES) == "_con." + "x" * 27
    assert safe_name("con" + ". " * 40, max_bytes=MIN_NAME_BYTES) == "_con"


# Characters that break naive code, mixed with anything.
hostile = st.one_of(
    st.text(max_size=300),
    st.text(alphabet='./\\: <>"|?*\x00\x1b\u202e\u200b\u0301e😀好CONLPTcom1$¹', max_size=60),
    st.lists(
        st.sampled_from(
            ["..", ".", "CON", "lpt9", "nul", "/", "\\", "C:", " ", ".tar", ".gz", "😀" * 20, "\u202e"]
        ),
        max_size=12,
    ).map("".join),
)


@FAST
@given(hostile, st.integers(min_value=MIN_NAME_BYTES, max_value=300))
@example("CON" + "😀" * 10, MIN_NAME_BYTES)
@example("con" + ". " * 40, MIN_NAME_BYTES)
def test_a_saved_name_is_always_one_plain_component_within_its_limit(raw: str, max_bytes: int) -> None:
    name = safe_name(raw, max_bytes=max_bytes)
    assert name
    assert len(name.encode("utf-8")) <= max_bytes
    assert not set(name) & set('/\\<>:"|?*')
    assert name not in (".", "..")
    assert name == name.strip()  # Windows would trim it
    assert name == name.strip(".")  # not hidden, and Windows would trim it
    assert not any(needs_escape(char) for char in name)
    assert name.split(".", 1)[0].rstrip(" ").casefold() not in RESERVED
    assert unicodedata.is_normalized("NFC", name)
    assert safe_name(name, max_bytes=max_bytes) == name


@pytest.mark.parametrize(
    ("name", "risky"),
    [
        ("setup.exe", True),
        ("SETUP.EXE", True),
        ("invoice.pdf.exe", True),  # a hidden extension
        ("invoice.pdf      .exe", True),
        ("a\u202etxt.exe", True),  # looks like "aexe.txt"
        ("a.exe.", True),  # Windows drops the trailing dot
        ("a.exe ", True),
        ("a.ex\u200be", True),  # an invisible cannot hide it
        ("run.sh", True),
        ("tool.py", True),
        ("x.ps1", True),
        ("x.lnk", True),
        ("x.desktop", True),
        ("x.docm", True),
        ("photo.png", False),
        ("notes.txt", False),
        ("archive.tar.gz", False),
        ("a.exe.pdf", False),
        ("exe", False),
        (".exe", False),  # saved as "exe"
        ("", False),
    ],
)
def test_executables_and_scripts_are_risky(name: str, risky: bool) -> None:
    assert is_risky(name) is risky


@pytest.mark.parametrize(
    ("taken", "wanted", "chosen"),
    [
        (set(), "photo.png", "photo.png"),
        ({"photo.png"}, "photo.png", "photo (2).png"),
        ({"photo.png", "photo (2).png"}, "photo.png", "photo (3).png"),
        ({"PHOTO.PNG"}, "photo.png", "photo (2).png"),  # Windows and macOS ignore case
        ({"cafe\u0301.txt"}, "caf\u00e9.txt", "caf\u00e9 (2).txt"),  # macOS stores decomposed names
        ({"a.tar.gz"}, "a.tar.gz", "a (2).tar.gz"),
        ({"README"}, "README", "README (2)"),
        ({"other.txt"}, "photo.png", "photo.png"),
    ],
)
def test_a_taken_name_gets_a_number(taken: set[str], wanted: str, chosen: str) -> None:
    assert unique_name(taken, wanted) == chosen


def test_a_numbered_name_stays_within_the_limit() -> None:
    wanted = safe_name("z" * 300 + ".png")
    assert len(wanted) == 200
    chosen = unique_name({wanted}, wanted)
    assert chosen == "z" * 192 + " (2).png"
    assert len(chosen.encode()) == 200


@FAST
@given(
    hostile, st.lists(st.text(max_size=20), max_size=5), st.integers(min_value=MIN_NAME_BYTES, max_value=300)
)
def test_a_unique_name_is_free_safe_and_within_the_limit(raw: str, others: list[str], max_bytes: int) -> None:
    wanted = safe_name(raw, max_bytes=max_bytes)
    taken = {wanted, *others, *(unique_name({wanted}, wanted, max_bytes=max_bytes) for _ in range(1))}
    chosen = unique_name(taken, wanted, max_bytes=max_bytes)
    assert chosen.casefold() not in {name.casefold() for name in taken}
    assert len(chosen.encode("utf-8")) <= max_bytes
    assert safe_name(chosen, max_bytes=max_bytes) == chosen
