"""LAN address enumeration: loopback skipped, IPv6 link-local carries its zone, IPv4 first."""

from __future__ import annotations

import ipaddress
import sys

import ifaddr

from chatgui.ui.addresses import LocalAddress, lan_addresses


def _adapter(name: str, *ips: ifaddr.IP) -> ifaddr.Adapter:
    return ifaddr.Adapter(name, name, list(ips))


def test_skips_loopback_and_orders_ipv4_first_link_local_last() -> None:
    adapters = [
        _adapter("lo", ifaddr.IP("127.0.0.1", 8, "lo"), ifaddr.IP(("::1", 0, 0), 128, "lo")),
        _adapter(
            "eth0",
            ifaddr.IP(("fe80::1", 0, 4), 64, "eth0"),
            ifaddr.IP(("fd00::2", 0, 0), 64, "eth0"),
            ifaddr.IP("192.168.1.5", 24, "eth0"),
            ifaddr.IP("169.254.3.4", 16, "eth0"),
        ),
    ]
    found = lan_addresses(adapters)
    zone = "4" if sys.platform == "win32" else "eth0"
    assert [a.ip for a in found] == ["192.168.1.5", "fd00::2", "169.254.3.4", f"fe80::1%{zone}"]
    assert [a.link_local for a in found] == [False, False, True, True]
    assert found[-1].with_port(50007) == f"[fe80::1%{zone}]:50007"
    assert found[0].with_port(50007) == "192.168.1.5:50007"


def test_duplicates_once() -> None:
    adapters = [_adapter("a", ifaddr.IP("10.0.0.2", 8, "a")), _adapter("b", ifaddr.IP("10.0.0.2", 8, "b"))]
    assert lan_addresses(adapters) == [LocalAddress("10.0.0.2", "a", ipv6=False, link_local=False)]


def test_this_computer_has_no_loopback_in_the_list() -> None:
    for address in lan_addresses():
        parsed = ipaddress.ip_address(address.ip.split("%", 1)[0])
        assert not parsed.is_loopback
