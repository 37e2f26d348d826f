"""The ``discover`` table: aligned columns (wide characters count twice), peer text made printable."""

from __future__ import annotations

from chatgui.cli.discover import display_width, format_rooms
from chatgui.discovery.rooms import Room


def _room(nick: str, name: str, mode: str, addresses: tuple[str, ...], port: int) -> Room:
    return Room(
        key=f"{name} (x)._chatgui._{mode}.local.",
        nick=nick,
        name=name,
        mode=mode,
        addresses=addresses,
        port=port,
    )


def test_columns_line_up_with_chinese_nicks() -> None:
    lines = format_rooms(
        [
            _room("zed", "zed's room", "tcp", ("192.0.2.7", "fe80::1%eth0"), 50007),
            _room("安娜", "实验室", "udp", ("fd00::2",), 9),
        ]
    )
    assert lines == [
        "zed   TCP  192.0.2.7  50007  zed's room",
        "安娜  UDP  fd00::2    9      实验室",
    ]
    assert display_width("安娜") == 4


def test_control_characters_and_missing_fields() -> None:
    (line,) = format_rooms([_room("", "a\x1b[2Jb", "tcp", (), 1)])
    assert line == "-  TCP  -  1  a\\x1b[2Jb"


def test_no_rooms_no_lines() -> None:
    assert format_rooms([]) == []
