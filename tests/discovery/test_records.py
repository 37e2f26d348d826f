"""Pure conversions: TXT records and resolved services to ``Room``, addresses best first, names."""

from __future__ import annotations

import ifaddr
import pytest

from chatgui import __version__
from chatgui.discovery.records import (
    instance_name,
    interfaces_from_environment,
    local_addresses,
    order_addresses,
    room_from_service,
    txt_records,
)
from chatgui.discovery.rooms import SERVICE_TCP, SERVICE_UDP, Room


def _names(index: int) -> str:
    return {2: "eth0"}.get(index, str(index))


def test_txt_records_carry_nick_room_mode_and_version() -> None:
    assert txt_records("ann", "ann's room", "tcp") == {
        "nick": "ann",
        "room": "ann's room",
        "mode": "tcp",
        "app": __version__,
    }


def test_addresses_ipv4_then_global_ipv6_then_link_local_then_loopback() -> None:
    given = ["fe80::1%2", "::1", "2001:db8::5", "127.0.0.1", "fd00::2", "192.0.2.7", "10.0.0.1"]
    assert order_addresses(given, _names) == (
        "192.0.2.7",
        "10.0.0.1",
        "2001:db8::5",
        "fd00::2",
        "fe80::1%eth0",
        "127.0.0.1",
        "::1",
    )


def test_addresses_mapped_ipv4_is_plain_and_duplicates_and_junk_go() -> None:
    given = ["::ffff:192.0.2.7", "192.0.2.7", "not an address", "fe80::1", "fe80::1%7"]
    assert order_addresses(given, _names) == ("192.0.2.7", "fe80::1", "fe80::1%7")


def test_room_from_a_resolved_tcp_service() -> None:
    properties = {b"nick": b"ann", b"room": "ann's 房间".encode(), b"mode": b"tcp", b"app": b"0.1.0"}
    room = room_from_service(
        SERVICE_TCP,
        "ann's 房间 (a1b2)." + SERVICE_TCP,
        50007,
        properties,
        ["fe80::1%2", "192.0.2.7"],
        _names,
    )
    assert room == Room(
        key="ann's 房间 (a1b2)." + SERVICE_TCP,
        nick="ann",
        name="ann's 房间",
        mode="tcp",
        addresses=("192.0.2.7", "fe80::1%eth0"),
        port=50007,
        version="0.1.0",
    )
    assert room.host == "192.0.2.7"


def test_room_mode_comes_from_the_type_and_missing_txt_falls_back() -> None:
    room = room_from_service(SERVICE_UDP, "bob (ffff)." + SERVICE_UDP, 9, {b"mode": b"tcp", b"x": None}, [])
    assert room is not None
    assert (room.mode, room.name, room.nick, room.version, room.host) == ("udp", "bob (ffff)", "", "", "")


@pytest.mark.parametrize(
    ("service_type", "port"), [("_http._tcp.local.", 80), (SERVICE_TCP, 0), (SERVICE_TCP, None)]
)
def test_not_a_usable_room(service_type: str, port: int | None) -> None:
    assert room_from_service(service_type, "x." + service_type, port, {}, ["192.0.2.1"]) is None


def test_instance_name_fits_one_dns_label_on_a_character_boundary() -> None:
    assert instance_name("ann's room", "a1b2") == "ann's room (a1b2)"
    assert instance_name("  ", "a1b2") == "chatgui (a1b2)"
    long = instance_name("房" * 40, "a1b2")
    assert len(long.encode()) <= 63
    assert long.endswith("房 (a1b2)")


def _adapter(name: str, *ips: str | tuple[str, int, int]) -> ifaddr.Adapter:
    return ifaddr.Adapter(name, name, [ifaddr.IP(ip, 8, name) for ip in ips])


def test_local_addresses_skip_loopback_when_there_is_a_lan() -> None:
    adapters = [
        _adapter("lo", "127.0.0.1", ("::1", 0, 0)),
        _adapter("eth0", ("fe80::fc:ff:fe00:1", 0, 2), "192.0.2.2", ("fd00::2", 0, 0)),
    ]
    assert local_addresses(adapters) == ["192.0.2.2", "fd00::2", "fe80::fc:ff:fe00:1"]


def test_local_addresses_are_loopback_when_nothing_else_exists() -> None:
    assert local_addresses([_adapter("lo", "127.0.0.1", ("::1", 0, 0))]) == ["127.0.0.1", "::1"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", None),
        ("off", []),
        ("OFF", []),
        ("127.0.0.1", ["127.0.0.1"]),
        (" 127.0.0.1, ::1 ,", ["127.0.0.1", "::1"]),
    ],
)
def test_interfaces_from_environment(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: list[str] | None
) -> None:
    monkeypatch.setenv("CHATGUI_DISCOVERY_INTERFACES", value)
    assert interfaces_from_environment() == expected


def test_a_private_room_is_announced_with_secure_1_and_nothing_of_its_passphrase() -> None:
    records = txt_records("ann", "Lab 3", "tcp", secure=True)
    assert records["secure"] == "1"
    assert set(records) == {"nick", "room", "mode", "app", "secure"}
    assert "secure" not in txt_records("ann", "Lab 3", "tcp")


@pytest.mark.parametrize(
    ("value", "secure"),
    [(b"1", True), (b" 1 ", True), (b"0", False), (b"", False), (None, False), (b"yes", False)],
)
def test_secure_txt_becomes_the_rooms_lock(value: bytes | None, secure: bool) -> None:
    properties: dict[bytes, bytes | None] = {b"nick": b"ann", b"room": b"Lab 3", b"SECURE": value}
    room = room_from_service(SERVICE_TCP, "Lab 3 (a1b2)." + SERVICE_TCP, 50007, properties, ["192.0.2.7"])
    assert room is not None
    assert room.secure is secure


def test_secure_round_trip_from_records_to_room() -> None:
    for secure in (True, False):
        records = txt_records("ann", "Lab 3", "udp", secure=secure)
        properties: dict[bytes, bytes | None] = {k.encode(): v.encode() for k, v in records.items()}
        room = room_from_service(SERVICE_UDP, "Lab 3 (a1b2)." + SERVICE_UDP, 50007, properties, [])
        assert room is not None
        assert room.secure is secure
