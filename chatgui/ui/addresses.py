"""This computer's addresses, so a host can tell the other person what to type.

Pure: reads ``ifaddr`` adapters (tests pass their own) and classifies each address by who
can reach it: others on the network, computers on the same link only, or this computer only.
"""

from __future__ import annotations

import enum
import ipaddress
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import ifaddr


class Reach(enum.Enum):
    """Who can use an address to reach this computer."""

    NETWORK = "network"  # private or global: other computers on the LAN (or beyond) can use it
    SAME_LINK = "same_link"  # link-local: only computers on the same cable / Wi-Fi, with the %scope
    THIS_COMPUTER = "this_computer"  # loopback: only programs on this computer


@dataclass(frozen=True, slots=True)
class LocalAddress:
    """One address of one network interface.

    Attributes:
        ip: The address as typed by a user; link-local IPv6 carries its ``%scope``.
        interface: The adapter's friendly name.
        ipv6: Whether it is an IPv6 address.
        link_local: Whether it only works on the local link (fe80::/10, 169.254/16).
        loopback: Whether it only works on this computer (127/8, ::1).
    """

    ip: str
    interface: str
    ipv6: bool
    link_local: bool
    loopback: bool = False

    @property
    def reach(self) -> Reach:
        """Who can use this address: the network, the same link only, or this computer only."""
        if self.loopback:
            return Reach.THIS_COMPUTER
        if self.link_local:
            return Reach.SAME_LINK
        return Reach.NETWORK

    def with_port(self, port: int) -> str:
        """The address as ``host:port`` (``[v6]:port`` for IPv6)."""
        return f"[{self.ip}]:{port}" if self.ipv6 else f"{self.ip}:{port}"


def lan_addresses(adapters: Iterable[Any] | None = None) -> list[LocalAddress]:
    """List this computer's non-loopback addresses, IPv4 first, link-local last.

    Args:
        adapters: ``ifaddr`` adapters to read; ``None`` asks the OS (tests pass their own).

    Returns:
        The addresses, without duplicates, in the order a user should try them.
    """
    if adapters is None:
        adapters = ifaddr.get_adapters()
    found: list[LocalAddress] = []
    seen: set[str] = set()
    for adapter in adapters:
        for entry in adapter.ips:
            address = _to_local_address(adapter, entry)
            if address is not None and address.ip not in seen:
                seen.add(address.ip)
                found.append(address)
    found.sort(key=lambda a: (a.link_local, a.ipv6))
    return found


def listened_families(listening: Sequence[str]) -> frozenset[int]:
    """The IP versions (4, 6) a socket bound as ``listening`` says receives.

    Args:
        listening: The bound addresses as ``Listening`` reports them: "0.0.0.0:50007" (IPv4
            only), "[::]:50007" (IPv6 only), both for a dual-stack socket; a specific address
            counts for its family.

    Returns:
        The versions; both when ``listening`` is empty (nothing is known: list everything).
    """
    families = {6 if text.startswith("[") else 4 for text in listening}
    return frozenset(families) if families else frozenset({4, 6})


def interface_addresses(adapters: Iterable[Any] | None = None) -> list[tuple[str, list[LocalAddress]]]:
    """List every address of every interface, loopback included, grouped per interface.

    Args:
        adapters: ``ifaddr`` adapters to read; ``None`` asks the OS.

    Returns:
        ``(interface, addresses)`` pairs: interfaces others can reach first (loopback-only
        ones last), and in each, addresses in the order a user should try them (network
        before link-local, IPv4 before IPv6).
    """
    if adapters is None:
        adapters = ifaddr.get_adapters()
    groups: list[tuple[str, list[LocalAddress]]] = []
    for adapter in adapters:
        seen: set[str] = set()
        addresses: list[LocalAddress] = []
        for entry in adapter.ips:
            address = _to_local_address(adapter, entry, keep_loopback=True)
            if address is not None and address.ip not in seen:
                seen.add(address.ip)
                addresses.append(address)
        if addresses:
            addresses.sort(key=lambda a: (_REACH_ORDER[a.reach], a.ipv6))
            groups.append((_adapter_name(adapter), addresses))
    groups.sort(key=lambda group: min(_REACH_ORDER[a.reach] for a in group[1]))
    return groups


@dataclass(frozen=True, slots=True)
class BroadcastInterface:
    """An interface that can send IPv4 broadcasts.

    Attributes:
        name: The interface name the backend takes ("eth0").
        ip: Its IPv4 address.
        broadcast: The subnet's broadcast address.
        loopback: Whether only this computer hears these broadcasts.
    """

    name: str
    ip: str
    broadcast: str
    loopback: bool


def broadcast_interfaces(adapters: Iterable[Any] | None = None) -> list[BroadcastInterface]:
    """List the interfaces with an IPv4 broadcast address, network ones first.

    Args:
        adapters: ``ifaddr`` adapters to read; ``None`` asks the OS.

    Returns:
        One entry per interface (its first IPv4 address with a subnet of 2 hosts or more).
    """
    if adapters is None:
        adapters = ifaddr.get_adapters()
    found: list[BroadcastInterface] = []
    for adapter in adapters:
        for entry in adapter.ips:
            if isinstance(entry.ip, tuple):
                continue
            try:
                network = ipaddress.IPv4Interface(f"{entry.ip}/{entry.network_prefix}").network
            except ValueError:
                continue
            # /31 and /32 have no broadcast address (RFC 3021 point-to-point links).
            if network.prefixlen > 30:
                continue
            name = str(getattr(adapter, "name", "") or _adapter_name(adapter))
            found.append(
                BroadcastInterface(
                    name=name,
                    ip=str(entry.ip),
                    broadcast=str(network.broadcast_address),
                    loopback=network.is_loopback,
                )
            )
            break
    found.sort(key=lambda i: i.loopback)
    return found


def interface_names(adapters: Iterable[Any] | None = None) -> list[str]:
    """The names of the interfaces that have an address (multicast can be joined on them).

    Args:
        adapters: ``ifaddr`` adapters to read; ``None`` asks the OS.

    Returns:
        Names as the backend takes them, in the OS's order.
    """
    if adapters is None:
        adapters = ifaddr.get_adapters()
    return [str(getattr(a, "name", "") or _adapter_name(a)) for a in adapters if a.ips]


_REACH_ORDER = {Reach.NETWORK: 0, Reach.SAME_LINK: 1, Reach.THIS_COMPUTER: 2}


def _adapter_name(adapter: Any) -> str:
    return str(getattr(adapter, "nice_name", "") or getattr(adapter, "name", ""))


def _to_local_address(adapter: Any, entry: Any, *, keep_loopback: bool = False) -> LocalAddress | None:
    raw = entry.ip
    text = raw[0] if isinstance(raw, tuple) else str(raw)
    try:
        parsed = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None
    if parsed.is_unspecified or parsed.is_multicast or (parsed.is_loopback and not keep_loopback):
        return None
    name = _adapter_name(adapter)
    ipv6 = parsed.version == 6
    link_local = parsed.is_link_local
    ip = str(parsed)
    if ipv6 and link_local:
        # A link-local address is useless without its zone: Windows names it by number,
        # POSIX by interface name.
        scope_id = raw[2] if isinstance(raw, tuple) and len(raw) > 2 else 0
        zone = str(scope_id) if sys.platform == "win32" else str(getattr(adapter, "name", "") or scope_id)
        if zone and zone != "0":
            ip = f"{ip}%{zone}"
    return LocalAddress(ip=ip, interface=name, ipv6=ipv6, link_local=link_local, loopback=parsed.is_loopback)
