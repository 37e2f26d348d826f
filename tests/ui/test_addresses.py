"""Address enumeration and classification: who can use each address, broadcast interfaces (pure)."""

from __future__ import annotations

import ipaddress
import sys

import ifaddr

from chatgui.ui.addresses import (
    BroadcastInterface,
    LocalAddress,
    Reach,
    broadcast_interfaces,
    interface_addresses,
    interface_names,
    lan_addresses,
)


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


def _two_interfaces() -> list[ifaddr.Adapter]:
    return [
        _adapter("lo", ifaddr.IP("127.0.0.1", 8, "lo"), ifaddr.IP(("::1", 0, 0), 128, "lo")),
        _adapter(
            "eth0",
            ifaddr.IP(("fe80::1", 0, 4), 64, "eth0"),
            ifaddr.IP(("2001:db8::5", 0, 0), 64, "eth0"),
            ifaddr.IP("192.168.1.5", 24, "eth0"),
            ifaddr.IP("169.254.3.4", 16, "eth0"),
        ),
    ]


def test_every_address_per_interface_says_who_can_use_it() -> None:
    groups = interface_addresses(_two_interfaces())
    zone = "4" if sys.platform == "win32" else "eth0"
    # Interfaces others can reach first; loopback (this computer only) last.
    assert [name for name, _ in groups] == ["eth0", "lo"]
    eth0 = [(a.ip, a.reach) for a in groups[0][1]]
    assert eth0 == [
        ("192.168.1.5", Reach.NETWORK),
        ("2001:db8::5", Reach.NETWORK),
        ("169.254.3.4", Reach.SAME_LINK),
        (f"fe80::1%{zone}", Reach.SAME_LINK),
    ]
    lo = [(a.ip, a.reach) for a in groups[1][1]]
    assert lo == [("127.0.0.1", Reach.THIS_COMPUTER), ("::1", Reach.THIS_COMPUTER)]
    assert groups[1][1][1].with_port(1) == "[::1]:1"


def test_private_and_global_addresses_are_usable_by_others() -> None:
    for ip in ("10.1.2.3", "172.16.0.1", "192.168.0.9", "203.0.113.4", "fd00::2", "2001:db8::1"):
        found = interface_addresses([_adapter("x", ifaddr.IP(ip, 24, "x"))])
        assert found[0][1][0].reach is Reach.NETWORK, ip


def test_lan_list_keeps_leaving_loopback_out() -> None:
    assert all(a.reach is not Reach.THIS_COMPUTER for a in lan_addresses(_two_interfaces()))


def test_broadcast_interfaces_compute_the_subnet_broadcast_address() -> None:
    adapters = [
        *_two_interfaces(),
        _adapter("ptp0", ifaddr.IP("10.9.9.1", 32, "ptp0")),
        _adapter("wlan0", ifaddr.IP(("fe80::2", 0, 5), 64, "wlan0"), ifaddr.IP("10.0.0.7", 20, "wlan0")),
    ]
    found = broadcast_interfaces(adapters)
    assert found == [
        BroadcastInterface("eth0", "192.168.1.5", "192.168.1.255", loopback=False),
        BroadcastInterface("wlan0", "10.0.0.7", "10.0.15.255", loopback=False),
        BroadcastInterface("lo", "127.0.0.1", "127.255.255.255", loopback=True),
    ]
    assert interface_names(adapters) == ["lo", "eth0", "ptp0", "wlan0"]
