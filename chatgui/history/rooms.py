"""Which room a history row belongs to: room keys, the room identities hosts tell, room names.

Plain Python and ``sqlite3`` on a connection the caller owns (``chatgui.history.store``).

A row is stored under the key the session had when it was shown: the address typed
("tcp:127.0.0.1:50041") until the host says which room it is (the welcome's ``room``), then
the room's identity ("room:<id>"). :func:`link` records that an address key is that room and
moves its rows there, so a room reached as ``127.0.0.1``, ``[::1]`` or ``192.0.2.2`` is one
history; reads gather a room's rows under its identity and every address linked to it.
"""

from __future__ import annotations

import ipaddress
import sqlite3
from dataclasses import dataclass

from chatgui.events import SessionConfig

IDENTITY_PREFIX = "room:"
MAX_NAME_CHARS = 256  # a room name kept in the file (the wire allows 256 bytes)

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS room_aliases (address TEXT PRIMARY KEY, room TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS room_aliases_room ON room_aliases (room)",
    "CREATE TABLE IF NOT EXISTS room_names (room TEXT PRIMARY KEY, name TEXT NOT NULL)",
)
# Columns added after version 0.1 wrote its files: (name, declaration). ALTER TABLE fills
# old rows with the default.
ADDED_COLUMNS = (
    ("receipt", "INTEGER NOT NULL DEFAULT 0"),
    ("rtt", "REAL NOT NULL DEFAULT 0"),
    ("ref", "TEXT NOT NULL DEFAULT ''"),
)


@dataclass(frozen=True, slots=True)
class RoomSummary:
    """One room that has history, for the list of rooms you have been in.

    Attributes:
        key: The room's key (its identity when a host told one, else the address key).
        name: The room's name as its host called it ("" = never told).
        last_ts: Unix time of its newest row.
        count: How many rows it holds.
        addresses: The address keys it was reached by (oldest link first), for a room
            without a name.
    """

    key: str
    name: str
    last_ts: float
    count: int
    addresses: tuple[str, ...] = ()


def identity_key(room_id: str) -> str:
    """The room key of the room a host identified as ``room_id``."""
    return IDENTITY_PREFIX + room_id


def _host_part(host: str) -> str:
    """A host as a stable key part: names lower-cased, IPv6 literals compressed in brackets."""
    host = host.strip()
    try:
        address = ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return host.lower().rstrip(".")
    if address.version == 6:
        scope = host.strip("[]").partition("%")[2]
        return f"[{address.compressed}{'%' + scope if scope else ''}]"
    return address.compressed


def room_key(config: SessionConfig) -> str:
    """The key history rows of this session are stored under; the same for the same room every run.

    Args:
        config: The session's settings (nickname, encoding and raw mode do not matter).

    Returns:
        "room:ID" when hosting a TCP room with an identity, "tcp-host:PORT" when hosting
        without one, "tcp:HOST:PORT" when joined (until the host tells its room: see
        :func:`link`), "udp:LOCALPORT>HOST:PORT" or "udp:LOCALPORT" for a UDP peer,
        "broadcast:PORT", "multicast:GROUP:PORT". IPv6 hosts are written in brackets
        ("tcp:[::1]:5000").
    """
    if config.role == "host":
        if config.mode == "udp":  # a UDP "host" is a peer that answers whoever writes
            return f"udp:{config.local_port or config.port}"
        if config.room_id:
            return identity_key(config.room_id)
        return f"tcp-host:{config.port}"
    if config.role == "join":
        return f"tcp:{_host_part(config.host)}:{config.port}"
    if config.role == "broadcast":
        return f"broadcast:{config.port}"
    if config.role == "multicast":
        return f"multicast:{_host_part(config.group)}:{config.port}"
    if config.host:
        return f"udp:{config.local_port}>{_host_part(config.host)}:{config.port}"
    return f"udp:{config.local_port}"


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the room tables and add the columns a file of version 0.1 lacks (idempotent)."""
    for statement in SCHEMA:
        conn.execute(statement)
    have = {row[1] for row in conn.execute("PRAGMA table_info(messages)")}
    for name, declaration in ADDED_COLUMNS:
        if name not in have:
            conn.execute(f"ALTER TABLE messages ADD COLUMN {name} {declaration}")
    conn.execute("CREATE INDEX IF NOT EXISTS messages_ref ON messages (ref) WHERE ref != ''")


def canonical(conn: sqlite3.Connection, key: str) -> str:
    """The room ``key`` belongs to: its identity when it was linked to one, else ``key`` itself."""
    found = conn.execute("SELECT room FROM room_aliases WHERE address = ?", (key,)).fetchone()
    return str(found[0]) if found else key


def members(conn: sqlite3.Connection, key: str) -> list[str]:
    """Every key whose rows are ``key``'s room: the room itself and the addresses linked to it."""
    room = canonical(conn, key)
    linked = [str(a) for (a,) in conn.execute("SELECT address FROM room_aliases WHERE room = ?", (room,))]
    return [room, *linked]


def link(conn: sqlite3.Connection, address: str, identity: str, name: str = "") -> None:
    """Record that ``address`` is the room ``identity`` and move its rows there (one transaction).

    Rows of another identity the address was linked to before stay with that room (a new
    host now answers at the old address: the old room's history is not this one's).

    Args:
        conn: A connection in autocommit mode (this opens its own transaction).
        address: The key the session started under ("tcp:127.0.0.1:50041").
        identity: The room's key (:func:`identity_key`).
        name: The room's name as its host told it ("" = keep what is known).
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        if address != identity:
            conn.execute(
                "INSERT OR REPLACE INTO room_aliases (address, room) VALUES (?, ?)", (address, identity)
            )
            conn.execute("UPDATE messages SET room = ? WHERE room = ?", (identity, address))
        conn.execute("DELETE FROM room_aliases WHERE address = ?", (identity,))  # never a loop
        if name:
            set_name(conn, identity, name)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def set_name(conn: sqlite3.Connection, room: str, name: str) -> None:
    """Remember ``room``'s name (cut to ``MAX_NAME_CHARS``)."""
    conn.execute(
        "INSERT OR REPLACE INTO room_names (room, name) VALUES (?, ?)", (room, name[:MAX_NAME_CHARS])
    )


def forget(conn: sqlite3.Connection, room: str | None) -> None:
    """Forget ``room``'s links and name (None: every room's)."""
    if room is None:
        conn.execute("DELETE FROM room_aliases")
        conn.execute("DELETE FROM room_names")
        return
    conn.execute("DELETE FROM room_aliases WHERE room = ? OR address = ?", (room, room))
    conn.execute("DELETE FROM room_names WHERE room = ?", (room,))


def summaries(conn: sqlite3.Connection) -> list[RoomSummary]:
    """Every room that has history, the most recently active first."""
    aliases = {
        str(a): str(r) for a, r in conn.execute("SELECT address, room FROM room_aliases ORDER BY rowid")
    }
    names = {str(r): str(n) for r, n in conn.execute("SELECT room, name FROM room_names")}
    totals: dict[str, tuple[float, int]] = {}
    for key, last_ts, count in conn.execute("SELECT room, max(ts), count(*) FROM messages GROUP BY room"):
        room = aliases.get(key, key)
        before = totals.get(room, (0.0, 0))
        totals[room] = (max(before[0], float(last_ts)), before[1] + int(count))
    linked: dict[str, list[str]] = {}
    for address, room in aliases.items():
        linked.setdefault(room, []).append(address)
    found = [
        RoomSummary(room, names.get(room, ""), last_ts, count, tuple(linked.get(room, ())))
        for room, (last_ts, count) in totals.items()
    ]
    found.sort(key=lambda s: (-s.last_ts, s.key))
    return found
