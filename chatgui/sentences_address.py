"""The words the user reads about an address typed or pasted: why it is none, what to add.

Beside ``sentences`` (problems and connection events), with the same rules: plain text,
translated before the facts are filled in. The window's Host field and the headless
``join`` say the same sentences (context "Addresses"; the link-local one is a problem of
its own and keeps context "Problems").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from chatgui.protocol.address_text import AddressError, AddressProblem

_ADDRESSES = "Addresses"
_PROBLEMS = "Problems"
_EXAMPLE_ZONE = "eth0"
"""The interface named in the example when this computer has none with a link-local address."""


def _fill(context: str, source: str, **facts: object) -> str:
    translated = QCoreApplication.translate(context, source)
    try:
        return translated.format(**facts)
    except (KeyError, IndexError, ValueError):
        return source.format(**facts)  # a broken translation must not hide the sentence


def join_host_port(host: str, port: int) -> str:
    """Show ``host`` and ``port`` the way the user types them: "[v6]:port" for IPv6 literals.

    Args:
        host: a name or an address literal.
        port: the port; 0 means "no port to show".

    Returns:
        "host:port", "[addr]:port" for IPv6, or just the host when ``port`` is 0.
    """
    if not port:
        return host
    if ":" in host and not host.startswith("["):
        return f"[{host}]:{port}"
    return f"{host}:{port}"


def scope_sentence(host: str, zones: list[str]) -> str:
    """Why a link-local IPv6 ``host`` (fe80::…) without ``%interface`` cannot be used, and what to add.

    Args:
        host: The address as typed, without its zone.
        zones: This computer's interfaces with a link-local address ("eth0", "wlan0").

    Returns:
        E.g. "fe80::1 is a link-local address: it only works together with the network
        interface it is reached through — add %eth0 or %wlan0: fe80::1%eth0."
    """
    host = host.strip("[]")
    if not zones:
        return _fill(
            _PROBLEMS,
            "{host} is a link-local address: it only works together with the network interface "
            "it is reached through, and this computer has none with a link-local address — "
            "connect to the same network, or use another of the host's addresses.",
            host=host,
        )
    if len(zones) == 1:
        return _fill(
            _PROBLEMS,
            "{host} is a link-local address: it only works together with the network interface "
            "it is reached through — add %{zone}: {example}.",
            host=host,
            zone=zones[0],
            example=f"{host}%{zones[0]}",
        )
    shown = zones[:4]
    listed = _fill(
        _PROBLEMS,
        "{first} or {last}",
        first=_fill(_PROBLEMS, ", ").join(f"%{z}" for z in shown[:-1]),
        last=f"%{shown[-1]}",
    )
    return _fill(
        _PROBLEMS,
        "{host} is a link-local address: it only works together with the network interface "
        "it is reached through — add {zones}: {example}.",
        host=host,
        zones=listed,
        example=f"{host}%{shown[0]}",
    )


def address_error_sentence(error: AddressError) -> str:
    """Why the typed or pasted text gives no address, and what to type instead.

    Args:
        error: What :func:`chatgui.protocol.address_text.read_addresses` found.

    Returns:
        A plain-text sentence naming the piece concerned.
    """
    problem = error.problem
    if problem is AddressProblem.EMPTY:
        return _fill(_ADDRESSES, "Type the other computer's address, e.g. 192.168.1.5:50007.")
    if problem is AddressProblem.BAD_PORT:
        return _fill(
            _ADDRESSES,
            "“{port}” is not a port — after the colon, type a number from 1 to 65535, e.g. "
            "192.168.1.5:50007.",
            port=error.detail,
        )
    if problem is AddressProblem.UNBALANCED:
        return _fill(
            _ADDRESSES,
            "“{text}” has a bracket without its partner — write IPv6 addresses with a port as "
            "[fd00::2]:50007.",
            text=error.detail,
        )
    if problem is AddressProblem.NEEDS_BRACKETS:
        return _fill(
            _ADDRESSES,
            "An IPv6 address with a port needs brackets, so the port is not read as part of "
            "the address — type {suggestion}.",
            suggestion=error.detail,
        )
    return _fill(
        _ADDRESSES,
        "“{text}” is not an address — type a name or an IP address, with the port after a "
        "colon: 192.168.1.5:50007, [fd00::2]:50007 or my-pc.local:50007.",
        text=error.detail,
    )
