"""Name resolution off the loop thread: ``getaddrinfo`` for endpoints and the reachability check.

Plain Python (no Qt). Numeric addresses resolve at once; names go to a short-lived thread
whose answer comes back through the loop.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from functools import partial
from typing import Any

from chatgui.net.loop import Loop

AddrInfo = tuple[Any, ...]  # one getaddrinfo entry: (family, type, proto, canonname, sockaddr)
Resolved = Callable[[list[AddrInfo] | OSError], None]


def wildcard_addrinfos(socktype: int, port: int) -> list[AddrInfo]:
    """Every interface: a dual-stack ``::`` first where IPv6 exists, then ``0.0.0.0``."""
    infos: list[AddrInfo] = []
    if socket.has_ipv6:
        infos.append((socket.AF_INET6, socktype, 0, "", ("::", port, 0, 0)))
    infos.append((socket.AF_INET, socktype, 0, "", ("0.0.0.0", port)))
    return infos


def resolve(
    loop: Loop, host: str, port: int, socktype: int, on_done: Resolved, *, passive: bool = False
) -> None:
    """``getaddrinfo`` without blocking ``loop``: ``on_done`` runs in the loop with the result.

    Numeric addresses are resolved at once. Names go to a short-lived daemon thread, so
    a slow DNS server never blocks the loop or ``stop()``; a name that cannot even be
    encoded (a label over 63 characters) fails at once, with no query sent.
    """
    flags = socket.AI_PASSIVE if passive else 0
    try:
        infos = socket.getaddrinfo(host, port, 0, socktype, 0, flags | socket.AI_NUMERICHOST)
    except socket.gaierror:
        pass  # not a literal address: a name to look up
    except UnicodeError as exc:  # not even a valid name (e.g. a label over 63 characters)
        on_done(socket.gaierror(socket.EAI_NONAME, str(exc)))
        return
    else:
        on_done(list(infos))
        return

    def lookup() -> None:
        result: list[AddrInfo] | OSError
        try:
            result = list(socket.getaddrinfo(host, port, 0, socktype, 0, flags))
        except OSError as exc:
            result = exc
        except UnicodeError as exc:  # e.g. a label over 63 characters
            result = socket.gaierror(socket.EAI_NONAME, str(exc))
        loop.submit_threadsafe(partial(on_done, result))

    threading.Thread(target=lookup, name="chatgui-resolve", daemon=True).start()
