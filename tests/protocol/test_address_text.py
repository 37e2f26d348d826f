"""Addresses as people type and paste them: every form the Host field takes, and hostile text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chatgui.protocol.address_text import (
    MAX_ADDRESSES,
    Address,
    AddressError,
    AddressProblem,
    parse_address,
    read_addresses,
)


@pytest.mark.parametrize(
    ("text", "host", "port"),
    [
        ("127.0.0.1:50041", "127.0.0.1", 50041),
        ("  127.0.0.1:50041  ", "127.0.0.1", 50041),
        ("[::1]:50041", "::1", 50041),
        ("[::1]", "::1", None),
        ("::1", "::1", None),
        ("[FD00:0:0::2]:50007", "fd00::2", 50007),
        ("fe80::1%eth0", "fe80::1%eth0", None),
        ("[fe80::1%eth0]:50007", "fe80::1%eth0", 50007),
        ("[fe80::1%12]:50007", "fe80::1%12", 50007),
        ("192.0.2.2", "192.0.2.2", None),
        ("localhost", "localhost", None),
        ("localhost:1", "localhost", 1),
        ("my-pc.local:65535", "my-pc.local", 65535),
        ("example.org.", "example.org.", None),
        ("例子.测试:50007", "例子.测试", 50007),
        ("tcp://192.0.2.2:50007/", "192.0.2.2", 50007),
        ("udp://[::1]:9", "::1", 9),
        ("192.0.2.2:00080", "192.0.2.2", 80),
    ],
)
def test_one_address(text: str, host: str, port: int | None) -> None:
    assert read_addresses(text) == (Address(host, port),)
    assert parse_address(text) == Address(host, port)


@pytest.mark.parametrize(
    ("text", "problem", "detail"),
    [
        ("", AddressProblem.EMPTY, ""),
        ("   \n\t ", AddressProblem.EMPTY, ""),
        ("host:0", AddressProblem.BAD_PORT, "0"),
        ("host:65536", AddressProblem.BAD_PORT, "65536"),
        ("host:-1", AddressProblem.BAD_PORT, "-1"),
        ("host:+80", AddressProblem.BAD_PORT, "+80"),
        ("host:", AddressProblem.BAD_PORT, ""),
        ("host:８０", AddressProblem.BAD_PORT, "８０"),  # full-width digits are not a port
        ("[::1]:0", AddressProblem.BAD_PORT, "0"),
        ("[::1]:99999", AddressProblem.BAD_PORT, "99999"),
        ("[::1]:123456789012345678901234567890", AddressProblem.BAD_PORT, "123456789012345678901234567890"),
        ("[::1", AddressProblem.UNBALANCED, "[::1"),
        ("::1]", AddressProblem.UNBALANCED, "::1]"),
        ("[[::1]]:5", AddressProblem.UNBALANCED, "[[::1]]:5"),
        ("[::1]]:5", AddressProblem.UNBALANCED, "[::1]]:5"),
        ("][", AddressProblem.UNBALANCED, "]["),
        ("::1:50041", AddressProblem.NEEDS_BRACKETS, "[::1]:50041"),
        ("fe80::1%eth0:50007", AddressProblem.NEEDS_BRACKETS, "[fe80::1%eth0]:50007"),
        ("[192.0.2.2]:5", AddressProblem.NOT_AN_ADDRESS, "[192.0.2.2]:5"),
        ("[fe80::1%]:5", AddressProblem.NOT_AN_ADDRESS, "[fe80::1%]:5"),
        ("[fe80::1%a b]:5", AddressProblem.UNBALANCED, ""),  # split at the space: two pieces
        ("[::1]x", AddressProblem.NOT_AN_ADDRESS, "[::1]x"),
        ("1.2.3", AddressProblem.NOT_AN_ADDRESS, "1.2.3"),
        ("300.1.1.1", AddressProblem.NOT_AN_ADDRESS, "300.1.1.1"),
        ("50007", AddressProblem.NOT_AN_ADDRESS, "50007"),
        ("-rf", AddressProblem.NOT_AN_ADDRESS, "-rf"),
        ("a..b", AddressProblem.NOT_AN_ADDRESS, "a..b"),
        ("$$$", AddressProblem.NOT_AN_ADDRESS, "$$$"),
        ("gg::1", AddressProblem.NOT_AN_ADDRESS, "gg::1"),
        (":50007", AddressProblem.NOT_AN_ADDRESS, ":50007"),
        ("a" * 64 + ".example", AddressProblem.NOT_AN_ADDRESS, "a" * 39 + "…"),
    ],
)
def test_what_is_not_an_address_says_why(text: str, problem: AddressProblem, detail: str) -> None:
    result = read_addresses(text)
    assert isinstance(result, AddressError)
    assert result.problem is problem
    if detail:
        assert result.detail == detail


def test_port_zero_where_any_port_makes_sense() -> None:
    assert read_addresses("0.0.0.0:0", lowest_port=0) == (Address("0.0.0.0", 0),)
    assert isinstance(read_addresses("0.0.0.0:0"), AddressError)


def test_link_local_without_scope_is_marked() -> None:
    assert Address("fe80::1").needs_scope
    assert Address("FE80::abcd").needs_scope is True
    assert not Address("fe80::1%eth0").needs_scope
    assert not Address("fd00::2").needs_scope
    assert not Address("169.254.1.1").needs_scope  # IPv4 link-local needs no scope
    assert not Address("fe80.example").needs_scope


@pytest.mark.parametrize(
    ("address", "text"),
    [
        (Address("192.0.2.2", 50007), "192.0.2.2:50007"),
        (Address("fd00::2", 50007), "[fd00::2]:50007"),
        (Address("fe80::1%eth0", 50007), "[fe80::1%eth0]:50007"),
        (Address("fe80::1%eth0"), "fe80::1%eth0"),
        (Address("example.org"), "example.org"),
    ],
)
def test_text_is_what_the_field_takes_back(address: Address, text: str) -> None:
    assert address.text() == text
    assert read_addresses(text) == (address,)


BANNER = "Others can join at 192.0.2.2:50007 · [fd00::2]:50007 · [fe80::1%eth0]:50007 (link-local)"


def test_a_pasted_banner_line_gives_every_address() -> None:
    assert read_addresses(BANNER) == (
        Address("192.0.2.2", 50007),
        Address("fd00::2", 50007),
        Address("fe80::1%eth0", 50007),
    )


def test_what_copy_copied_before_gives_every_address() -> None:
    copied = "192.0.2.2:50007\n[fd00::2]:50007\n[fe80::1%eth0]:50007"
    assert len(read_addresses(copied)) == 3  # type: ignore[arg-type]


def test_a_chinese_banner_line() -> None:
    line = "其他人可以加入：192.0.2.2:50007 · [fd00::2]:50007（仅本链路）。"
    assert read_addresses(line) == (Address("192.0.2.2", 50007), Address("fd00::2", 50007))


def test_the_same_address_twice_is_one() -> None:
    assert read_addresses("192.0.2.2:50007, 192.0.2.2:50007 and [FD00::2]:1 [fd00::2]:1") == (
        Address("192.0.2.2", 50007),
        Address("fd00::2", 1),
    )


def test_an_address_with_and_without_its_port_is_one() -> None:
    assert read_addresses("join 192.0.2.2 at 192.0.2.2:50007") == (Address("192.0.2.2", 50007),)


def test_an_ip_followed_by_a_number_takes_it_as_port() -> None:
    assert read_addresses("192.0.2.2 50007") == (Address("192.0.2.2", 50007),)
    discover_line = "ann  tcp  192.0.2.2  50007  Ann's room"
    assert read_addresses(discover_line) == (Address("192.0.2.2", 50007),)
    # A word followed by a number is not an address ("Port 50007").
    assert isinstance(read_addresses("Port 50007"), AddressError)


def test_words_around_are_not_host_names() -> None:
    assert read_addresses("please join localhost:50041 now.") == (Address("localhost", 50041),)
    result = read_addresses("please join me")
    assert isinstance(result, AddressError)
    assert result.problem is AddressProblem.NOT_AN_ADDRESS


def test_in_a_sentence_a_broken_address_is_the_reason() -> None:
    result = read_addresses("join at 192.0.2.2:70000 please")
    assert result == AddressError(AddressProblem.BAD_PORT, "70000")


def test_a_huge_paste_is_bounded() -> None:
    many = " · ".join(f"10.0.{i // 256}.{i % 256}:50007" for i in range(100_000))
    result = read_addresses(many)
    assert isinstance(result, tuple)
    assert 1 <= len(result) <= MAX_ADDRESSES
    assert result[0] == Address("10.0.0.0", 50007)
    garbage = read_addresses("[" * 5_000_000)
    assert isinstance(garbage, AddressError)
    assert len(garbage.detail) <= 40
    assert isinstance(read_addresses("x" * 5_000_000), AddressError)
    assert isinstance(parse_address("a:" * 1_000_000), AddressError)


@given(st.text(max_size=300))
@settings(max_examples=400)
def test_any_text_gives_addresses_or_a_reason(text: str) -> None:
    result = read_addresses(text)
    if isinstance(result, AddressError):
        assert len(result.detail) <= 40
        return
    assert 1 <= len(result) <= MAX_ADDRESSES
    for address in result:
        assert address.port is None or 1 <= address.port <= 65535
        assert read_addresses(address.text()) == (address,)


@given(
    st.one_of(
        st.ip_addresses(v=4).map(str),
        st.ip_addresses(v=6).map(lambda a: a.compressed),
    ),
    st.integers(1, 65535),
)
def test_every_ip_and_port_round_trips(host: str, port: int) -> None:
    address = Address(host, port)
    assert read_addresses(address.text()) == (address,)
    assert read_addresses(f"Others can join at {address.text()} (link-local)") == (address,)


def test_white_space_alone_is_empty() -> None:
    assert parse_address("  \t ") == AddressError(AddressProblem.EMPTY)


def test_an_address_made_by_hand_that_is_no_ipv6_needs_no_scope() -> None:
    # Address is public: one built from text that looks like IPv6 but is not still answers.
    assert not Address("fe80:zz::1").needs_scope
    assert Address("fe80::1").needs_scope
