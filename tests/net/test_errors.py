"""Every OS error a socket call can raise maps to the problem its sentence explains."""

from __future__ import annotations

import errno
import socket

import pytest

from chatgui.events import Problem
from chatgui.net.errors import format_host_port, problem_from_error, problem_kind


def _winerror(code: int) -> OSError:
    exc = OSError(0, "windows")
    exc.winerror = code  # type: ignore[attr-defined]  # what Windows sets on socket errors
    return exc


@pytest.mark.parametrize(
    ("exc", "binding", "kind"),
    [
        (socket.gaierror(socket.EAI_NONAME, "Name or service not known"), False, Problem.HOST_NOT_FOUND),
        (TimeoutError(), False, Problem.CONNECT_TIMEOUT),
        (OSError(errno.EADDRINUSE, "in use"), True, Problem.PORT_IN_USE),
        (OSError(errno.EACCES, "denied"), True, Problem.PORT_PERMISSION),
        (OSError(errno.EACCES, "denied"), False, Problem.OS_ERROR),  # not a bind: not about ports
        (OSError(errno.EADDRNOTAVAIL, "not here"), True, Problem.ADDRESS_NOT_AVAILABLE),
        (ConnectionRefusedError(errno.ECONNREFUSED, "refused"), False, Problem.CONNECTION_REFUSED),
        (OSError(errno.ENETUNREACH, "no route"), False, Problem.NETWORK_UNREACHABLE),
        (OSError(errno.EHOSTUNREACH, "no host"), False, Problem.NETWORK_UNREACHABLE),
        (ConnectionResetError(errno.ECONNRESET, "reset"), False, Problem.PEER_RESET),
        (BrokenPipeError(errno.EPIPE, "pipe"), False, Problem.PEER_RESET),
        (OSError(errno.ETIMEDOUT, "timed out"), False, Problem.CONNECT_TIMEOUT),
        # Windows reports Winsock numbers; UDP "port unreachable" arrives as WSAECONNRESET.
        (_winerror(10048), True, Problem.PORT_IN_USE),
        (_winerror(10013), True, Problem.PORT_PERMISSION),
        (_winerror(10061), False, Problem.CONNECTION_REFUSED),
        (_winerror(10054), False, Problem.PEER_RESET),
        (_winerror(10060), False, Problem.CONNECT_TIMEOUT),
        (_winerror(10051), False, Problem.NETWORK_UNREACHABLE),
    ],
)
def test_os_errors_map_to_problems(exc: BaseException, binding: bool, kind: Problem) -> None:
    assert problem_kind(exc, binding=binding) is kind


def test_an_unknown_error_keeps_the_os_words() -> None:
    event = problem_from_error(OSError(errno.EMFILE, "Too many open files"), host="::1", port=5)
    assert event.problem is Problem.OS_ERROR
    assert event.detail == "Too many open files"
    assert event.address == "[::1]:5"


@pytest.mark.parametrize(
    ("host", "shown"),
    [
        ("192.168.1.5", "192.168.1.5:50007"),
        ("::1", "[::1]:50007"),
        ("::ffff:10.0.0.7", "10.0.0.7:50007"),
        ("fe80::1%eth0", "[fe80::1%eth0]:50007"),
    ],
)
def test_addresses_read_as_users_write_them(host: str, shown: str) -> None:
    assert format_host_port(host, 50007) == shown
