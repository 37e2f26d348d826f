"""This computer's LAN addresses, so a host can tell the other person what to type."""

from __future__ import annotations

import ipaddress
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import ifaddr


@dataclass(frozen=True, slots=True)
class LocalAddress:
    """One address of one network interface.

    Attributes:
        ip: The address as typed by a user; link-local IPv6 carries its ``%scope``.
        interface: The adapter's friendly name.
        ipv6: Whether it is an IPv6 address.
        link_local: Whether it only works on the local link (fe80::/10, 169.254/16).
    """

    ip: str
    interface: str
    ipv6: bool
    link_local: bool

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


def _to_local_address(adapter: Any, entry: Any) -> LocalAddress | None:
    raw = entry.ip
    text = raw[0] if isinstance(raw, tuple) else str(raw)
    try:
        parsed = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None
    if parsed.is_loopback or parsed.is_unspecified or parsed.is_multicast:
        return None
    name = str(getattr(adapter, "nice_name", "") or getattr(adapter, "name", ""))
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
    return LocalAddress(ip=ip, interface=name, ipv6=ipv6, link_local=link_local)
