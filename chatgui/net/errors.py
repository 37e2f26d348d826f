"""OS errors to ``Problem`` kinds, in one place; and addresses as the user reads them."""

from __future__ import annotations

import errno
import ipaddress
import socket
from dataclasses import replace
from typing import Any

from chatgui.events import Problem, ProblemOccurred, Severity
from chatgui.net.interfaces import link_local_zones

# Windows reports Winsock numbers (WSAE*); Python's errno module on Windows maps the
# POSIX names to them, but listing them keeps the mapping right whatever the platform.
_WSAEACCES = 10013
_WSAEADDRINUSE = 10048
_WSAEADDRNOTAVAIL = 10049
_WSAENETUNREACH = 10051
_WSAECONNABORTED = 10053
_WSAECONNRESET = 10054
_WSAETIMEDOUT = 10060
_WSAECONNREFUSED = 10061
_WSAEHOSTUNREACH = 10065

_IN_USE = {errno.EADDRINUSE, _WSAEADDRINUSE}
_ACCESS = {errno.EACCES, errno.EPERM, _WSAEACCES}
_NOT_AVAILABLE = {errno.EADDRNOTAVAIL, _WSAEADDRNOTAVAIL}
_REFUSED = {errno.ECONNREFUSED, _WSAECONNREFUSED}
_UNREACHABLE = {errno.ENETUNREACH, errno.EHOSTUNREACH, _WSAENETUNREACH, _WSAEHOSTUNREACH}
_RESET = {errno.ECONNRESET, errno.EPIPE, errno.ECONNABORTED, _WSAECONNRESET, _WSAECONNABORTED}
_TIMEOUT = {errno.ETIMEDOUT, _WSAETIMEDOUT}
_WSAEINVAL = 10022
_INVALID = {errno.EINVAL, _WSAEINVAL}


def needs_scope(host: str) -> bool:
    """Whether ``host`` is a link-local IPv6 address (fe80::/10) without the ``%zone`` it needs."""
    if "%" in host or ":" not in host:
        return False
    try:
        return ipaddress.IPv6Address(host.strip("[]")).is_link_local
    except ValueError:
        return False


def scope_problem(host: str, port: int = 0) -> ProblemOccurred:
    """The problem of a link-local ``host`` without its zone, naming this computer's interfaces."""
    return ProblemOccurred(
        Problem.SCOPE_NEEDED, host=host, port=port, detail=", ".join(link_local_zones()), fatal=True
    )


def problem_kind(exc: BaseException, *, binding: bool = False) -> Problem:
    """The ``Problem`` an exception from a socket call stands for.

    Args:
        exc: what the socket call raised.
        binding: the call was ``bind``/``listen`` (EACCES then means a privileged port).
    """
    if isinstance(exc, socket.gaierror):
        return Problem.HOST_NOT_FOUND
    if isinstance(exc, TimeoutError):
        return Problem.CONNECT_TIMEOUT
    code = getattr(exc, "winerror", None) or getattr(exc, "errno", None)
    if code in _IN_USE:
        return Problem.PORT_IN_USE
    if code in _ACCESS and binding:
        return Problem.PORT_PERMISSION
    if code in _NOT_AVAILABLE:
        return Problem.ADDRESS_NOT_AVAILABLE
    if code in _REFUSED:
        return Problem.CONNECTION_REFUSED
    if code in _UNREACHABLE:
        return Problem.NETWORK_UNREACHABLE
    if code in _RESET:
        return Problem.PEER_RESET
    if code in _TIMEOUT:
        return Problem.CONNECT_TIMEOUT
    return Problem.OS_ERROR


def problem_from_error(
    exc: BaseException,
    *,
    host: str = "",
    port: int = 0,
    binding: bool = False,
    severity: Severity = Severity.ERROR,
    fatal: bool = False,
) -> ProblemOccurred:
    """A ``ProblemOccurred`` event for ``exc`` with the facts its sentence needs."""
    kind = problem_kind(exc, binding=binding)
    detail = ""
    code = 0
    if kind is Problem.OS_ERROR:
        # The number is told in the user's words (chatgui.os_errors); the OS's English words
        # only when there is no number.
        code = int(getattr(exc, "winerror", None) or getattr(exc, "errno", None) or 0)
        if not code:
            detail = (getattr(exc, "strerror", None) or str(exc) or type(exc).__name__).strip()
        if code in _INVALID and needs_scope(host):
            return replace(scope_problem(host, port), severity=severity, fatal=fatal)
    return ProblemOccurred(
        kind,
        severity,
        host=host,
        port=port,
        address=format_host_port(host, port) if host else "",
        detail=detail,
        fatal=fatal,
        code=code,
    )


def unmap_host(host: str) -> str:
    """``::ffff:1.2.3.4`` → ``1.2.3.4``; anything else unchanged (scope ids kept)."""
    if host.startswith("::ffff:") and "." in host:
        try:
            mapped = ipaddress.IPv6Address(host).ipv4_mapped
        except ValueError:
            return host
        if mapped is not None:
            return str(mapped)
    return host


def format_host_port(host: str, port: int) -> str:
    """``host:port`` as the user reads it: ``[v6]:port``, IPv4-mapped shown as IPv4."""
    host = unmap_host(host)
    if ":" in host:
        return f"[{host}]:{port}"
    return f"{host}:{port}"


def format_sockaddr(sockaddr: Any) -> str:
    """A socket address tuple (v4 or v6) as ``host:port``."""
    return format_host_port(str(sockaddr[0]), int(sockaddr[1]))
