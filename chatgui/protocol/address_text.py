"""Addresses as people type and paste them: ``host:port``, ``[v6]:port``, ``v6%iface``, a banner line.

Pure (no socket, no Qt): text in, addresses or one reason out. One address is what a Host
field holds (``192.0.2.2:50007``, ``[fd00::2]:50007``, ``fe80::1%eth0``, ``[fe80::1%eth0]:50007``,
``example.org``); a pasted line ("Others can join at 192.0.2.2:50007 · [fd00::2]:50007 ·
[fe80::1%eth0]:50007 (link-local)", the lines *Copy* copies, a ``discover`` line) gives every
distinct address in it, so the caller can ask which one. Whatever the input, the work is
bounded: only the first :data:`MAX_TEXT_CHARS` characters are read and at most
:data:`MAX_ADDRESSES` addresses are kept.
"""

from __future__ import annotations

import enum
import ipaddress
import re
from dataclasses import dataclass

MAX_TEXT_CHARS = 8192
"""How much of a paste is read (a banner line is well under 1,000 characters)."""
MAX_ADDRESSES = 32
"""The most distinct addresses kept from one paste (a computer rarely has more than ten)."""
MAX_NAME_CHARS = 253
"""The longest host name DNS allows."""
_MAX_LABEL_CHARS = 63
_MAX_SCOPE_CHARS = 64
_MAX_SHOWN = 40
"""How much of a bad piece an error repeats back."""

# Between addresses in a pasted line: white space, the banner's dot, list punctuation and
# brackets of prose (ASCII and the CJK full-width forms a zh banner or sentence uses).
_SEPARATORS = re.compile(r"[\s·•,;|()<>\"'“”‘’，；、（）：。]+")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]{0,15}://")
_SCOPE = re.compile(r"^[\w.@-]+$")
_TRAILING = ".,:;!?"


class AddressProblem(enum.Enum):
    """Why a text gives no address."""

    EMPTY = "empty"
    """Nothing but white space."""
    BAD_PORT = "bad_port"
    """The part after the colon is not a port (detail: that part)."""
    UNBALANCED = "unbalanced"
    """A ``[`` without its ``]``, or the other way round (detail: the text)."""
    NEEDS_BRACKETS = "needs_brackets"
    """An IPv6 address followed by ``:port`` without brackets (detail: the bracketed form)."""
    NOT_AN_ADDRESS = "not_an_address"
    """Neither an IP address nor a host name (detail: the text)."""


@dataclass(frozen=True, slots=True)
class AddressError:
    """Why a text gives no address, and the piece of it concerned (cut to 40 characters)."""

    problem: AddressProblem
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Address:
    """One address as it is connected to.

    Attributes:
        host: An IPv4 or IPv6 literal (IPv6 compressed, with its ``%scope`` when it had one)
            or a host name, never bracketed.
        port: The port written with it, or None when the text named none.
    """

    host: str
    port: int | None = None

    @property
    def ipv6(self) -> bool:
        """Whether the host is an IPv6 literal."""
        return ":" in self.host

    @property
    def literal(self) -> bool:
        """Whether the host is an IP address (not a name to look up)."""
        return self.ipv6 or _ipv4(self.host) is not None

    @property
    def needs_scope(self) -> bool:
        """A link-local IPv6 address (fe80::/10) without the ``%interface`` it only works with."""
        if not self.ipv6 or "%" in self.host:
            return False
        try:
            return ipaddress.IPv6Address(self.host).is_link_local
        except ValueError:
            return False

    def text(self) -> str:
        """As a Host field accepts it: ``host:port``, ``[v6]:port``; the host alone without a port."""
        if self.port is None:
            return self.host
        return f"[{self.host}]:{self.port}" if self.ipv6 else f"{self.host}:{self.port}"


def _cut(text: str) -> str:
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"


def _ipv4(text: str) -> str | None:
    try:
        return str(ipaddress.IPv4Address(text))
    except ValueError:
        return None


def _ipv6(text: str) -> str | None:
    """``text`` as a compressed IPv6 address with its scope kept, or None."""
    address, sep, scope = text.partition("%")
    if sep and not (len(scope) <= _MAX_SCOPE_CHARS and _SCOPE.match(scope)):
        return None
    if ":" not in address or len(address) > 45:
        return None
    try:
        parsed = ipaddress.IPv6Address(address)
    except ValueError:
        return None
    return f"{parsed.compressed}%{scope}" if sep else parsed.compressed


def _port(text: str, lowest: int) -> int | None:
    if not (text.isascii() and text.isdigit()) or len(text) > 5:
        return None
    port = int(text)
    return port if lowest <= port <= 65535 else None


def _name(text: str) -> str | None:
    """``text`` as a host name (letters of any script, digits, ``-`` and ``_``), or None."""
    name = text[:-1] if text.endswith(".") else text
    if not name or len(name) > MAX_NAME_CHARS:
        return None
    labels = name.split(".")
    if all(label.isascii() and label.isdigit() for label in labels):
        return None  # numbers and dots that are no IPv4 address ("300.1.1.1", "50007")
    for label in labels:
        if not label or len(label) > _MAX_LABEL_CHARS or label.startswith("-"):
            return None
        if not all(c.isalnum() or c in "-_" for c in label):
            return None
    return text


def parse_address(text: str, *, lowest_port: int = 1) -> Address | AddressError:
    """Read one address: ``host``, ``host:port``, ``v6``, ``v6%scope``, ``[v6]:port``, ``[v6%scope]:port``.

    A ``scheme://`` in front and a path behind are dropped (``tcp://host:50007/``).

    Args:
        text: One piece of text, without white space around it.
        lowest_port: The smallest port accepted (1 to connect; 0 where "any" makes sense).

    Returns:
        The address, or why the text is none.
    """
    piece = text.strip()[:MAX_TEXT_CHARS]
    if not piece:
        return AddressError(AddressProblem.EMPTY)
    scheme = _SCHEME.match(piece)
    if scheme:
        piece = piece[scheme.end() :].split("/", 1)[0]
    shown = _cut(piece)
    if piece.startswith("["):
        close = piece.find("]")
        if close < 0 or "[" in piece[1:] or "]" in piece[close + 1 :]:
            return AddressError(AddressProblem.UNBALANCED, shown)
        inner, rest = piece[1:close], piece[close + 1 :]
        host = _ipv6(inner)
        if host is None:
            return AddressError(AddressProblem.NOT_AN_ADDRESS, shown)
        if not rest:
            return Address(host)
        if not rest.startswith(":"):
            return AddressError(AddressProblem.NOT_AN_ADDRESS, shown)
        port = _port(rest[1:], lowest_port)
        if port is None:
            return AddressError(AddressProblem.BAD_PORT, _cut(rest[1:]))
        return Address(host, port)
    if "[" in piece or "]" in piece:
        return AddressError(AddressProblem.UNBALANCED, shown)
    colons = piece.count(":")
    if colons >= 2:
        host = _ipv6(piece)
        if host is not None:
            return Address(host)
        head, _, tail = piece.rpartition(":")
        bracketed = _ipv6(head)
        if bracketed is not None and tail.isascii() and tail.isdigit():
            return AddressError(AddressProblem.NEEDS_BRACKETS, _cut(f"[{bracketed}]:{tail}"))
        return AddressError(AddressProblem.NOT_AN_ADDRESS, shown)
    host_text, sep, port_text = piece.partition(":")
    port = None
    if sep:
        port = _port(port_text, lowest_port)
        if port is None:
            return AddressError(AddressProblem.BAD_PORT, _cut(port_text))
    host = _ipv4(host_text) or _name(host_text)
    if host is None:
        return AddressError(AddressProblem.NOT_AN_ADDRESS, shown)
    return Address(host, port)


def _looks_like_address(piece: str) -> bool:
    return any(c in piece for c in ":[]%") or any(c.isdigit() for c in piece)


def read_addresses(text: str, *, lowest_port: int = 1) -> tuple[Address, ...] | AddressError:
    """Every distinct address in what was typed or pasted, in order.

    One piece (no white space or list punctuation) is read as :func:`parse_address` reads
    it, so a bare name counts. In a longer text (a banner line, a sentence, a ``discover``
    line) only IP addresses and ``name:port`` count, so its words are not taken for host
    names; an IP address directly followed by a number takes it as its port ("192.0.2.2
    50007"). An address named both with and without a port counts once, with it.

    Args:
        text: What the field holds, or what was pasted.
        lowest_port: The smallest port accepted (1 to connect; 0 where "any" makes sense).

    Returns:
        One or more addresses (at most :data:`MAX_ADDRESSES`), or why there is none.
    """
    pieces = [p for p in _SEPARATORS.split(text[:MAX_TEXT_CHARS]) if p]
    if not pieces:
        return AddressError(AddressProblem.EMPTY)
    if len(pieces) == 1:
        one = parse_address(pieces[0], lowest_port=lowest_port)
        return (one,) if isinstance(one, Address) else one
    found: dict[tuple[str, int | None], Address] = {}
    first_error: AddressError | None = None
    index = 0
    while index < len(pieces) and len(found) < MAX_ADDRESSES:
        piece = pieces[index].rstrip(_TRAILING) or pieces[index]
        index += 1
        parsed = parse_address(piece, lowest_port=lowest_port)
        if isinstance(parsed, AddressError):
            if first_error is None and _looks_like_address(piece):
                first_error = parsed
            continue
        if not parsed.literal and parsed.port is None:
            continue  # a word of the sentence around the addresses
        if parsed.port is None and parsed.literal and index < len(pieces):
            port = _port(pieces[index].rstrip(_TRAILING), lowest_port)
            if port is not None:
                parsed = Address(parsed.host, port)
                index += 1
        found.setdefault((parsed.host.lower(), parsed.port), parsed)
    with_port = {host for host, port in found if port is not None}
    kept = tuple(a for (host, port), a in found.items() if port is not None or host not in with_port)
    if kept:
        return kept
    return first_error or AddressError(AddressProblem.NOT_AN_ADDRESS, _cut(text.strip()))
