"""What a chatgui room looks like in DNS-SD, and which addresses and interfaces it uses; pure.

TXT records, instance names, a resolved service turned into a ``Room``, addresses best
first, this computer's addresses and the ``CHATGUI_DISCOVERY_INTERFACES`` choice. No
zeroconf and no threads: ``mdns.py`` runs those and calls these.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Callable, Iterable, Mapping

import ifaddr

from chatgui import __version__
from chatgui.discovery.rooms import SERVICE_TCP, SERVICE_UDP, Room
from chatgui.protocol.names import clean_nick
from chatgui.protocol.printable import one_line

INTERFACES_ENV = "CHATGUI_DISCOVERY_INTERFACES"
_MAX_LABEL = 63  # bytes in one DNS label: the instance name must fit

MAX_ROOM_CHARS = 64
"""A room's name as shown: at most this many characters."""


def _text(value: bytes | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return value


def txt_records(
    nick: str, room: str, mode: str, version: str = __version__, *, secure: bool = False
) -> dict[str, str]:
    """The TXT records a room is announced with; a private room adds ``secure=1``.

    The passphrase itself is never announced: ``secure`` only says that one is needed.
    """
    records = {"nick": nick, "room": room, "mode": mode, "app": version}
    if secure:
        records["secure"] = "1"
    return records


def instance_name(room: str, tag: str) -> str:
    """A DNS-SD instance name for ``room``, unique by ``tag``: "ann's room (a1b2)".

    The room part is shortened (on a character boundary) so the whole name fits one DNS
    label of 63 bytes; dots are allowed in instance names and kept.
    """
    suffix = f" ({tag})"
    budget = _MAX_LABEL - len(suffix.encode())
    base = room.strip() or "chatgui"
    while len(base.encode()) > budget:
        base = base[:-1]
    return base.rstrip() + suffix


def _scope_name(index: int) -> str:
    try:
        return socket.if_indextoname(index)
    except (OSError, ValueError):
        return str(index)


def order_addresses(
    addresses: Iterable[str], scope_name: Callable[[int], str] = _scope_name
) -> tuple[str, ...]:
    """Addresses best first: IPv4, then global IPv6, then link-local IPv6, loopback last.

    IPv4-mapped IPv6 addresses become plain IPv4; a numeric ``%scope`` becomes the interface
    name when the system knows it (``fe80::1%eth0``); duplicates and unparsable entries go.
    Within one class the given order is kept.

    Args:
        addresses: textual addresses, IPv6 possibly with ``%scope``.
        scope_name: turns an interface index into its name.

    Returns:
        The ordered addresses.
    """
    ranked: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    for position, text in enumerate(addresses):
        plain, _, scope = text.partition("%")
        try:
            address = ipaddress.ip_address(plain)
        except ValueError:
            continue
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address, scope = address.ipv4_mapped, ""
        if address.version == 4:
            rank = 0
        elif address.is_link_local:
            rank = 2
        else:
            rank = 1
        if address.is_loopback:
            rank += 3
        shown = str(address)
        if address.version == 6 and address.is_link_local and scope:
            shown += "%" + (scope_name(int(scope)) if scope.isdigit() else scope)
        if shown not in seen:
            seen.add(shown)
            ranked.append((rank, position, shown))
    return tuple(shown for _, _, shown in sorted(ranked))


def room_from_service(
    service_type: str,
    name: str,
    port: int | None,
    properties: Mapping[bytes, bytes | None],
    addresses: Iterable[str],
    scope_name: Callable[[int], str] = _scope_name,
) -> Room | None:
    """The ``Room`` a resolved service describes, or None if it is not a usable chatgui room.

    The mode comes from the service type (the TXT ``mode`` is informative only), and a
    missing TXT ``room`` falls back to the instance name.
    """
    if service_type == SERVICE_TCP:
        mode = "tcp"
    elif service_type == SERVICE_UDP:
        mode = "udp"
    else:
        return None
    if not port:
        return None
    txt = {_text(key).lower(): _text(value) for key, value in properties.items()}
    instance = name.removesuffix("." + service_type)
    return Room(
        key=name,
        nick=clean_nick(txt.get("nick", "")),
        # A stranger's words: one line, no controls, a bounded length (a DNS TXT value is <= 255 bytes).
        name=one_line(txt.get("room") or instance)[:MAX_ROOM_CHARS],
        mode=mode,
        addresses=order_addresses(addresses, scope_name),
        port=port,
        version=txt.get("app", ""),
        secure=txt.get("secure", "").strip() == "1",
    )


def local_addresses(adapters: Iterable[ifaddr.Adapter] | None = None) -> list[str]:
    """Every address of this computer others may reach, best first; loopback only if nothing else.

    Link-local IPv6 addresses carry no scope (the scope is the receiver's interface, which
    the receiver adds).
    """
    found: list[str] = []
    for adapter in ifaddr.get_adapters() if adapters is None else adapters:
        for ip in adapter.ips:
            found.append(ip.ip if isinstance(ip.ip, str) else ip.ip[0])
    ordered = order_addresses(found, scope_name=str)
    others = [text for text in ordered if not ipaddress.ip_address(text).is_loopback]
    return others or list(ordered)


def interfaces_from_environment() -> list[str] | None:
    """The interface addresses ``CHATGUI_DISCOVERY_INTERFACES`` asks for (None: all; [] = off)."""
    value = os.environ.get(INTERFACES_ENV, "").strip()
    if not value:
        return None
    if value.lower() == "off":
        return []
    return [part.strip() for part in value.split(",") if part.strip()]
