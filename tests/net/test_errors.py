"""Every OS error a socket call can raise maps to the problem its sentence explains."""

from __future__ import annotations

import errno
import socket

import pytest

from chatgui.events import Problem
from chatgui.net.errors import format_host_port, problem_from_error, problem_kind
from chatgui.net.interfaces import link_local_zones


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


def test_any_other_error_keeps_its_number_not_the_os_english() -> None:
    event = problem_from_error(OSError(errno.EMFILE, "Too many open files"), host="::1", port=5)
    assert event.problem is Problem.OS_ERROR
    assert (event.code, event.detail) == (errno.EMFILE, "")
    assert event.address == "[::1]:5"
    windows = problem_from_error(_winerror(10047))
    assert (windows.code, windows.detail) == (10047, "")


def test_an_error_without_a_number_keeps_its_words() -> None:
    event = problem_from_error(OSError("something odd"))
    assert (event.problem, event.code, event.detail) == (Problem.OS_ERROR, 0, "something odd")


def test_invalid_argument_for_a_link_local_address_asks_for_its_interface() -> None:
    event = problem_from_error(OSError(errno.EINVAL, "Invalid argument"), host="fe80::1", port=50007)
    assert event.problem is Problem.SCOPE_NEEDED
    assert (event.host, event.port) == ("fe80::1", 50007)
    assert event.detail == ", ".join(link_local_zones())
    # With its zone, or for any other address, it stays an OS error (said in words).
    for host in ("fe80::1%eth0", "fd00::2", "192.0.2.2", ""):
        other = problem_from_error(OSError(errno.EINVAL, "Invalid argument"), host=host)
        assert (other.problem, other.code) == (Problem.OS_ERROR, errno.EINVAL), host


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
