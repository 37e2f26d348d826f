"""Who is present in a UDP broadcast or multicast room: a bounded table of the members heard from.

Pure bookkeeping: no socket, no clock (time comes in as ``now``), no event. ``udp_presence``
sends and reads the presence ``hello`` frames and turns what this table answers into events.

One entry per source address. In the group roles every chatgui instance sends from a port of
its own (``udp_group``), so one address is one member; the peer id and nick it claims are
kept with it and updated in place (a new session that got the same port, a new nick). So a
stranger's socket spraying hellos with new peer ids is one entry, however many ids it makes up.

Every byte from the network is hostile, and the table is bounded twice:

- ``per_host`` entries per host address: the sockets one computer may open are many, but a
  stranger without root cannot send from another computer's address; so one computer cannot
  fill the table, and the members on the others are all listed;
- ``capacity`` entries in all: a hello that would go over either bound is refused and counted.
  Nobody listed is ever pushed out to make room (a spray could otherwise hide real members
  as long as it lasts); members already listed stay listed while they keep saying hello, and
  the sprayed entries go once the spray stops, ``silence`` seconds later.

A member that says goodbye (``bye``) is no longer listed, but its entry stays until its
silence is over: a hello from it within that time lists it again without a second "joined"
(a stranger alternating bye and hello gets one "joined" and one "left", then roster changes).
"""

from __future__ import annotations

import enum
from collections.abc import Hashable
from dataclasses import dataclass

MAX_MEMBERS = 1024
"""Members (source addresses) a presence table holds at most."""
MAX_PER_HOST = 32
"""Members one host address may have in the table (several chatgui instances on one computer)."""


class Heard(enum.Enum):
    """What a presence hello changed."""

    JOINED = "joined"  # someone new: tell the user
    RETURNED = "returned"  # listed again after a goodbye within its silence: the roster changes
    CHANGED = "changed"  # a listed member's name (or peer id) changed: the roster changes
    SAME = "same"  # a listed member is still here: nothing to tell
    REFUSED = "refused"  # over a bound: not listed (counted)


@dataclass(slots=True)
class Member:
    """One source address heard from: the name it is listed under, since when it is silent."""

    host: str
    peer: str
    name: str
    address: str  # "host:port" as shown to the user
    heard: float
    listed: bool = True  # False after a goodbye, until its silence is over


class PresenceTable:
    """The members of a room heard from, bounded per host and in all.

    Args:
        silence: Seconds without a hello after which a member is gone.
        capacity: Entries at most (``MAX_MEMBERS``).
        per_host: Entries at most per host address (``MAX_PER_HOST``).
    """

    def __init__(self, silence: float, capacity: int = MAX_MEMBERS, per_host: int = MAX_PER_HOST) -> None:
        self.silence = silence
        self.capacity = capacity
        self.per_host = per_host
        self.refused = 0
        """Hellos refused for a bound, since the start."""
        self._members: dict[Hashable, Member] = {}  # in order of arrival
        self._hosts: dict[str, int] = {}

    def __contains__(self, key: Hashable) -> bool:
        return key in self._members

    def __len__(self) -> int:
        return len(self._members)

    def heard(self, key: Hashable, host: str, peer: str, name: str, address: str, now: float) -> Heard:
        """A hello from ``key`` (the source address) claiming ``peer`` and shown as ``name``."""
        member = self._members.get(key)
        if member is None:
            if len(self._members) >= self.capacity or self._hosts.get(host, 0) >= self.per_host:
                self.refused += 1
                return Heard.REFUSED
            self._members[key] = Member(host, peer, name, address, now)
            self._hosts[host] = self._hosts.get(host, 0) + 1
            return Heard.JOINED
        member.heard = now
        if not member.listed:
            member.listed, member.peer, member.name = True, peer, name
            return Heard.RETURNED
        if member.name != name or member.peer != peer:
            member.peer, member.name = peer, name
            return Heard.CHANGED
        return Heard.SAME

    def said_goodbye(self, key: Hashable) -> Member | None:
        """``key`` said goodbye: the member it was, if it was listed (no longer, from now)."""
        member = self._members.get(key)
        if member is None or not member.listed:
            return None
        member.listed = False
        return member

    def expire(self, now: float) -> list[Member]:
        """Forget everyone silent for over ``silence`` seconds; return those who were listed."""
        gone = [key for key, member in self._members.items() if now - member.heard > self.silence]
        left: list[Member] = []
        for key in gone:
            member = self._members.pop(key)
            count = self._hosts[member.host] - 1
            if count:
                self._hosts[member.host] = count
            else:
                del self._hosts[member.host]
            if member.listed:
                left.append(member)
        return left

    def names(self) -> tuple[str, ...]:
        """The names of the members listed, in the order they arrived."""
        return tuple(m.name for m in self._members.values() if m.listed)

    def listed(self) -> list[Hashable]:
        """The source addresses of the members listed (whom our own presence goes to)."""
        return [key for key, member in self._members.items() if member.listed]
