"""The words the user reads about a reachability check: what it found, and what to try next.

Beside ``sentences`` (problems and connection events), with the same rules: plain text,
translated (context "Checks") before the facts are filled in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from chatgui.events import CheckFinished, CheckOutcome
from chatgui.os_errors import os_error_words
from chatgui.sentences import _fill
from chatgui.sentences_address import join_host_port

# The translation contexts these sentences always had (the catalogue keeps them).
_PROBLEMS = "Problems"
_CHECKS = "Checks"


def _milliseconds(seconds: float) -> str:
    """A round-trip time as people read it: "3", "0.4" (below 1 ms), "1,204"."""
    ms = seconds * 1000
    if ms < 1:
        return f"{ms:.1f}"
    return f"{round(ms):,}"


def describe_check(event: CheckFinished) -> str:
    """One translated sentence explaining what a reachability check found.

    Args:
        event: the result of ``Backend.check``.

    Returns:
        A plain-text sentence: the outcome, what it means, and what to try next.
    """
    asked = join_host_port(event.host, event.port)
    where = event.address or asked
    outcome = event.outcome
    if outcome is CheckOutcome.WORKS:
        if event.mode == "udp":
            return _fill(
                _CHECKS,
                "{address} works: a chatgui peer answered in {ms} ms.",
                address=where,
                ms=_milliseconds(event.rtt),
            )
        return _fill(
            _CHECKS,
            "{address} works: a program accepted the connection in {ms} ms.",
            address=where,
            ms=_milliseconds(event.rtt),
        )
    if outcome is CheckOutcome.NOT_FOUND:
        if not event.host.strip():
            return _fill(_CHECKS, "Type the other computer's address first, then check it.")
        return _fill(
            _CHECKS,
            "{host} could not be found: check the spelling, or use the IP address shown on the host.",
            host=event.host,
        )
    if outcome is CheckOutcome.REFUSED:
        if event.mode == "udp":
            return _fill(
                _CHECKS,
                "Nothing is listening at {address}: the computer answered that no program uses UDP "
                "port {port} — check the port and that chatgui is running there.",
                address=where,
                port=event.port,
            )
        return _fill(
            _CHECKS,
            "Nothing is listening at {address}: the computer is there, but no program accepts "
            "connections on port {port} — check the port and that the other side is hosting.",
            address=where,
            port=event.port,
        )
    if outcome is CheckOutcome.TIMED_OUT:
        return _fill(
            _CHECKS,
            "No answer from {address} in 3 s: the address may be wrong, or a firewall drops the connection.",
            address=where,
        )
    if outcome is CheckOutcome.UNREACHABLE:
        return _fill(
            _CHECKS,
            "{address} cannot be reached from this computer: no route to that network — check that "
            "both computers are on the same network (Wi-Fi or cable).",
            address=where,
        )
    if outcome is CheckOutcome.NO_ANSWER:
        return _fill(
            _CHECKS,
            "Sent a probe to {address}, no chatgui answered: UDP gets no reply unless a chatgui peer "
            "runs there (a firewall may also drop it).",
            address=where,
        )
    # CheckOutcome.ERROR, and any outcome added later.
    if not 1 <= event.port <= 65535:
        return _fill(
            _CHECKS,
            "{port} is not a valid port — use a number from 1 to 65535.",
            port=event.port,
        )
    return _fill(
        _CHECKS,
        "Checking {address} failed: {detail}.",
        address=where,
        detail=(
            os_error_words(event.code)
            if event.code
            else event.detail or QCoreApplication.translate(_PROBLEMS, "unknown error")
        ),
    )
