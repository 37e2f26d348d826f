"""The words the user reads about files (issue 15): why one is not offered, how a transfer ended.

Beside ``sentences`` with the same rules: plain text, translated before the facts are filled
in (context "Files"), numbers with thousands separators. ``sentences.describe`` sends the file
problems here; the window and the headless commands take ``transfer_outcome`` for a
``TransferFinished`` that did not end well.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from chatgui.events import Problem, ProblemOccurred, TransferFinished
from chatgui.os_errors import os_error_words

_FILES = "Files"

FILE_PROBLEMS = frozenset(
    {
        Problem.FILE_UNREADABLE,
        Problem.FILE_TOO_LARGE,
        Problem.FILE_OFFER_TOO_LARGE,
        Problem.FILES_NEED_CHATGUI,
    }
)
"""The problems ``file_problem`` explains."""


def _fill(source: str, **facts: object) -> str:
    translated = QCoreApplication.translate(_FILES, source)
    try:
        return translated.format(**facts)
    except (KeyError, IndexError, ValueError):
        return source.format(**facts)  # a broken translation must not hide the sentence


def _number(value: int) -> str:
    return f"{value:,}"


def file_problem(event: ProblemOccurred) -> str:
    """One translated sentence for a problem in ``FILE_PROBLEMS``."""
    kind = event.problem
    if kind is Problem.FILE_TOO_LARGE:
        return _fill(
            "{path} is {size} bytes, over this room's limit of {limit} bytes — it is not offered.",
            path=event.detail,
            size=_number(event.size),
            limit=_number(event.limit),
        )
    if kind is Problem.FILE_OFFER_TOO_LARGE:
        return _fill(
            "{nick} ({address}) offered a file of {size} bytes, over your limit of {limit} bytes — "
            "it is not shown.",
            nick=event.detail,
            address=event.address,
            size=_number(event.size),
            limit=_number(event.limit),
        )
    if kind is Problem.FILES_NEED_CHATGUI:
        return _fill("Files go only between chatgui apps — turn raw mode off to send one.")
    if event.code:
        return _fill(
            "{path} cannot be offered: {reason} — choose a file you can open.",
            path=event.detail,
            reason=os_error_words(event.code),
        )
    return _fill("{path} cannot be offered: it is not a file — choose a file.", path=event.detail)


def transfer_outcome(event: TransferFinished) -> str:
    """Why a transfer did not end well, in a few words (for "ok" and "sent": that it did)."""
    outcome = event.outcome
    if outcome in ("ok", "sent"):
        return _fill("done")
    if outcome == "hash":
        return _fill("the file arrived changed (its SHA-256 differs) — it was deleted; try again")
    if outcome == "cancelled":
        return _fill("cancelled")
    if outcome == "vanished":
        return _fill("the connection ended before the end — a new offer of the same file resumes it")
    if outcome == "disk":
        words = os_error_words(event.code) if event.code else _fill("the disk refused it")
        return _fill("it cannot be written: {reason}", reason=words)
    if outcome == "refused":
        if event.reason == "busy":
            return _fill("the sender is busy with other transfers — try again in a moment")
        if event.reason in ("cancelled", "unknown"):
            return _fill("the offer is no longer there")
        return _fill("the sender refused ({reason})", reason=event.reason)
    if outcome == "unreachable":
        if event.code:
            return _fill(
                "the sender's computer cannot be reached: {reason} — a firewall may block its file port",
                reason=os_error_words(event.code),
            )
        return _fill("the sender's computer did not answer — a firewall may block its file port")
    if outcome == "changed":
        return _fill("the file changed on the sender's disk since it was offered")
    if outcome == "in-progress":
        return _fill("the same file is already being received into that folder")
    if outcome == "too-large":
        return _fill("over the room's limit")
    if outcome == "unreadable":
        return _fill("it cannot be read")
    return _fill("the other side broke the protocol")
