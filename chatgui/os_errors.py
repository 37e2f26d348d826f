"""The OS's error numbers in the user's words: a translated phrase per ``errno``, never the OS's English.

``strerror`` is English whatever the window's language ("Invalid argument", "Address family
not supported by protocol"), and says nothing about what to do. The worker reports the
number (``ProblemOccurred.code``, ``CheckFinished.code``); this module says it in words,
matching POSIX and Winsock numbers alike. An unknown number is said as "error 1234".
Phrases are translated in context "OsErrors" and fit after a colon in a sentence.
"""

from __future__ import annotations

import errno
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

_CONTEXT = "OsErrors"

# Winsock's numbers (WSAE*): Windows reports these, whatever Python's errno module says.
_WSA = {
    "EINTR": 10004,
    "EACCES": 10013,
    "EINVAL": 10022,
    "EMFILE": 10024,
    "EWOULDBLOCK": 10035,
    "EMSGSIZE": 10040,
    "ENOPROTOOPT": 10042,
    "EPROTONOSUPPORT": 10043,
    "EOPNOTSUPP": 10045,
    "EPFNOSUPPORT": 10046,
    "EAFNOSUPPORT": 10047,
    "EADDRINUSE": 10048,
    "EADDRNOTAVAIL": 10049,
    "ENETDOWN": 10050,
    "ENETUNREACH": 10051,
    "ECONNABORTED": 10053,
    "ECONNRESET": 10054,
    "ENOBUFS": 10055,
    "ENOTCONN": 10057,
    "ETIMEDOUT": 10060,
    "ECONNREFUSED": 10061,
    "EHOSTDOWN": 10064,
    "EHOSTUNREACH": 10065,
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _codes(*names: str) -> frozenset[int]:
    codes = {getattr(errno, name) for name in names if hasattr(errno, name)}
    codes.update(_WSA[name] for name in names if name in _WSA)
    return frozenset(codes)


EINVAL_CODES = _codes("EINVAL")
"""The numbers meaning "invalid argument" (what a link-local address without scope gets)."""

# (numbers, phrase): translated when asked (the language may change while the app runs).
_PHRASES: tuple[tuple[frozenset[int], Callable[[], str]], ...] = (
    (
        EINVAL_CODES,
        lambda: _tr(
            "the system did not accept this address or setting (a link-local IPv6 address such "
            "as fe80::1 also needs the name of its network interface, e.g. fe80::1%eth0)"
        ),
    ),
    (
        _codes("EAFNOSUPPORT", "EPFNOSUPPORT", "EPROTONOSUPPORT"),
        lambda: _tr("this computer cannot use this kind of address (IPv6 may be switched off)"),
    ),
    (_codes("ENETDOWN", "ENONET"), lambda: _tr("the network is down on this computer")),
    (
        _codes("ENETUNREACH", "EHOSTUNREACH"),
        lambda: _tr("there is no route from this computer to that network"),
    ),
    (_codes("EHOSTDOWN"), lambda: _tr("the other computer is switched off or not on the network")),
    (
        _codes("EADDRNOTAVAIL"),
        lambda: _tr("this address does not belong to this computer or cannot be used here"),
    ),
    (_codes("EADDRINUSE"), lambda: _tr("the port is already in use on this computer")),
    (_codes("ECONNREFUSED"), lambda: _tr("nobody is listening there")),
    (_codes("ECONNRESET", "ECONNABORTED", "EPIPE"), lambda: _tr("the connection was cut")),
    (_codes("ETIMEDOUT"), lambda: _tr("there was no answer in time")),
    (_codes("ENODEV", "ENXIO"), lambda: _tr("there is no such network interface")),
    (_codes("ENOBUFS", "ENOMEM"), lambda: _tr("the system ran out of memory for the network")),
    (_codes("EMFILE", "ENFILE"), lambda: _tr("too many connections and files are open")),
    (_codes("EMSGSIZE"), lambda: _tr("the message is too large for the network")),
    (
        _codes("EAGAIN", "EWOULDBLOCK"),
        lambda: _tr("the send buffer is full, so the message was dropped"),
    ),
    (
        _codes("EACCES", "EPERM"),
        lambda: _tr("the system did not allow it (a firewall, or a missing permission)"),
    ),
    (_codes("ENOPROTOOPT", "EOPNOTSUPP"), lambda: _tr("this system does not support that network option")),
    (_codes("ENOTCONN"), lambda: _tr("the connection is not open")),
    (_codes("EINTR"), lambda: _tr("the operation was interrupted")),
)


def known(code: int) -> bool:
    """Whether ``code`` has a phrase of its own (otherwise :func:`os_error_words` says its number)."""
    return any(code in codes for codes, _ in _PHRASES)


def os_error_words(code: int) -> str:
    """What OS error number ``code`` means, as a translated phrase ("error 1234" when unknown)."""
    for codes, phrase in _PHRASES:
        if code in codes:
            return phrase()
    return _tr("error {code}").format(code=code)
