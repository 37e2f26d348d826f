"""Who is muted in which room, kept in the settings between runs.

A person is remembered by the room's key (the history's: ``room:ID`` once a TCP host told
its room's identity, else the address it was reached at) and the :func:`nick_key` of the
name as shown, so ``Alice`` and ``ａｌｉｃｅ`` are one muted person. Everything is kept as one
JSON value (room keys hold ``:`` and ``/``, which ``QSettings`` keys would split on). The file
is read defensively: whatever is not a list of strings under a string is forgotten. The
lists are bounded, so muting cannot grow the settings without limit.
"""

from __future__ import annotations

import functools
import json

from PySide6.QtCore import QSettings

from chatgui import settings as settings_keys
from chatgui.protocol.names import nick_key

MAX_ROOMS = 256
"""Rooms remembered at most (the least recently changed is forgotten first)."""
MAX_PER_ROOM = 1024
"""People muted in one room at most (the earliest muted is forgotten first)."""
MAX_KEY_CHARS = 512
"""A room key or a nick key longer than this is not a key chatgui makes: not kept."""


@functools.lru_cache(maxsize=4096)
def person_key(name: str) -> str:
    """What a sender's name is muted by: its :func:`nick_key` (cached: asked once per row)."""
    return nick_key(name)


class MuteList:
    """The muted people of every room, read from and written to ``settings``.

    Args:
        settings: Where the lists persist (tests pass a temporary ini file).
    """

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings
        self._rooms: dict[str, list[str]] = _parse(settings.value(settings_keys.MUTED_PEOPLE))

    def muted(self, room: str) -> frozenset[str]:
        """The person keys muted in ``room``."""
        return frozenset(self._rooms.get(room, ()))

    def is_muted(self, room: str, name: str) -> bool:
        """Whether the sender shown as ``name`` is muted in ``room``."""
        return person_key(name) in self._rooms.get(room, ())

    def set_muted(self, room: str, name: str, muted: bool) -> bool:
        """Mute (or unmute) the sender shown as ``name`` in ``room``; whether anything changed."""
        key = person_key(name)
        if not room or not key or len(room) > MAX_KEY_CHARS or len(key) > MAX_KEY_CHARS:
            return False
        people = self._rooms.pop(room, [])
        changed = (key in people) != muted
        if muted and changed:
            people.append(key)
            del people[:-MAX_PER_ROOM]
        elif not muted and changed:
            people.remove(key)
        if people:
            self._rooms[room] = people  # last: the most recently changed room
        while len(self._rooms) > MAX_ROOMS:
            del self._rooms[next(iter(self._rooms))]
        if changed:
            self._settings.setValue(settings_keys.MUTED_PEOPLE, json.dumps(self._rooms, ensure_ascii=False))
        return changed


def _parse(value: object) -> dict[str, list[str]]:
    """The stored lists; anything malformed is dropped, the bounds applied."""
    if not isinstance(value, str):
        return {}
    try:
        data = json.loads(value)
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    rooms: dict[str, list[str]] = {}
    for room, people in list(data.items())[-MAX_ROOMS:]:
        if not isinstance(room, str) or not room or len(room) > MAX_KEY_CHARS or not isinstance(people, list):
            continue
        kept = [p for p in people if isinstance(p, str) and p and len(p) <= MAX_KEY_CHARS]
        if kept:
            rooms[room] = list(dict.fromkeys(kept))[-MAX_PER_ROOM:]
    return rooms
