"""``join``'s HOST as people were told it: ``127.0.0.1:50041``, ``[::1]:50041``, ``fe80::1%eth0``.

The port may come with the host (as the window's banner shows addresses) or as PORT after
it, as before; the window's Host field reads HOST the same way
(``chatgui.protocol.address_text``).
"""

from __future__ import annotations

import argparse

from chatgui.cli.base import tr as _t
from chatgui.net.interfaces import link_local_zones
from chatgui.protocol.address_text import AddressError, read_addresses
from chatgui.sentences_address import address_error_sentence, scope_sentence


def settle_target(args: argparse.Namespace) -> str:
    """Split a port written with ``join``'s HOST into ``args.port``; why not ("" = done).

    Args:
        args: A parsed command line; only ``join`` is looked at. ``args.host`` becomes the
            bare host (no brackets), ``args.port`` the port.

    Returns:
        The usage problem to print ("" when HOST and PORT name one address and one port).
    """
    if args.command != "join":
        return ""
    found = read_addresses(args.host)
    if isinstance(found, AddressError):
        return address_error_sentence(found)
    if len(found) > 1:
        return _t("HOST names several addresses ({addresses}) — give one").format(
            addresses=", ".join(a.text() for a in found)
        )
    address = found[0]
    if address.port is not None and args.port is not None and address.port != args.port:
        return _t("{address} says port {port}, and PORT says {other} — give the port once").format(
            address=address.text(), port=address.port, other=args.port
        )
    port = address.port if address.port is not None else args.port
    if port is None:
        return _t("give the port: HOST PORT, or HOST:PORT ([v6]:PORT for IPv6)")
    if address.needs_scope:
        return scope_sentence(address.host, link_local_zones())
    args.host, args.port = address.host, port
    return ""
