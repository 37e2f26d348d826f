"""This computer's interfaces as the broadcast and multicast roles need them (read through ifaddr).

The functions take the adapters as an argument (``None`` asks the OS), so tests can hand
them a made-up computer.
"""

from __future__ import annotations

import ipaddress
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import ifaddr


@dataclass(frozen=True, slots=True)
class BroadcastTarget:
    """Where broadcasts of one interface go.

    Attributes:
        interface: The interface's name ("eth0").
        ip: Its IPv4 address.
        broadcast: The broadcast address of its subnet.
    """

    interface: str
    ip: str
    broadcast: str


def _adapters(adapters: Iterable[Any] | None) -> list[Any]:
    return list(ifaddr.get_adapters() if adapters is None else adapters)


def _names(adapter: Any) -> tuple[str, ...]:
    """The names an adapter answers to: its system name, and on Windows its friendly name too."""
    return tuple(str(n) for n in (getattr(adapter, "name", ""), getattr(adapter, "nice_name", "")) if n)


def broadcast_address(ip: str, prefix: int) -> str | None:
    """The broadcast address of the IPv4 subnet ``ip``/``prefix``.

    Args:
        ip: An IPv4 address.
        prefix: The subnet's prefix length.

    Returns:
        The broadcast address, or None when there is none: /31 and /32 subnets
        (point-to-point links, VPNs) and anything that is not an IPv4 address.
    """
    try:
        network = ipaddress.IPv4Interface(f"{ip}/{prefix}").network
    except ValueError:
        return None
    if network.prefixlen > 30:
        return None
    return str(network.broadcast_address)


def _adapter_broadcast(adapter: Any) -> BroadcastTarget | None:
    for entry in adapter.ips:
        if isinstance(entry.ip, tuple):
            continue  # IPv6 has no broadcast
        broadcast = broadcast_address(str(entry.ip), int(entry.network_prefix))
        if broadcast is not None:
            return BroadcastTarget(_names(adapter)[0] if _names(adapter) else "", str(entry.ip), broadcast)
    return None


def find_broadcast(interface: str, adapters: Iterable[Any] | None = None) -> BroadcastTarget | None:
    """The broadcast target of ``interface``, or of the first network interface that has one.

    Args:
        interface: An interface name; "" chooses the first interface that is not loopback
            and has an IPv4 broadcast address.
        adapters: ``ifaddr`` adapters; None asks the OS.

    Returns:
        The target, or None when the named interface (or, for "", every interface) has no
        IPv4 broadcast address.
    """
    for adapter in _adapters(adapters):
        target = _adapter_broadcast(adapter)
        if target is None:
            continue
        if interface:
            if interface in _names(adapter):
                return target
        elif not ipaddress.IPv4Address(target.ip).is_loopback:
            return target
    return None


def interface_ipv4(interface: str, adapters: Iterable[Any] | None = None) -> str | None:
    """The first IPv4 address of ``interface`` (None if it has none or does not exist)."""
    for adapter in _adapters(adapters):
        if interface in _names(adapter):
            for entry in adapter.ips:
                if not isinstance(entry.ip, tuple):
                    return str(entry.ip)
    return None


def interface_index(interface: str, adapters: Iterable[Any] | None = None) -> int | None:
    """The OS's index of ``interface`` (what IPv6 multicast and scope ids need), None if unknown."""
    for adapter in _adapters(adapters):
        if interface in _names(adapter):
            index = getattr(adapter, "index", None)
            if index is not None:
                return int(index)
    return None


def local_hosts(adapters: Iterable[Any] | None = None) -> frozenset[str]:
    """Every address of this computer, as ``recvfrom`` shows a sender (IPv6 without its scope)."""
    hosts = {"127.0.0.1", "::1"}
    for adapter in _adapters(adapters):
        for entry in adapter.ips:
            hosts.add(str(entry.ip[0] if isinstance(entry.ip, tuple) else entry.ip))
    return frozenset(hosts)


def link_local_zones(adapters: Iterable[Any] | None = None) -> list[str]:
    """The interfaces with an IPv6 link-local address: the ``%zone`` a fe80:: address needs.

    Names as the OS takes them after ``%`` ("eth0"; on Windows the interface's number).
    """
    zones: list[str] = []
    for adapter in _adapters(adapters):
        for entry in adapter.ips:
            if not isinstance(entry.ip, tuple):
                continue
            try:
                link_local = ipaddress.IPv6Address(str(entry.ip[0]).split("%", 1)[0]).is_link_local
            except ValueError:
                continue
            if not link_local:
                continue
            names = _names(adapter)
            scope = entry.ip[2] if len(entry.ip) > 2 else 0
            zone = str(scope) if sys.platform == "win32" or not names else names[0]
            if zone and zone != "0" and zone not in zones:
                zones.append(zone)
    return zones
