"""The words a file transfer is shown with: sizes, speeds, time left, and a sentence per outcome.

Pure functions of the facts (no widget, no state); every sentence goes through the
"Transfers" translation context. Names and nicks are shown as the caller passes them: plain
text, already cleaned (``safe_name``) or marked (``shown_sender``).
"""

from __future__ import annotations

import errno

from PySide6.QtCore import QCoreApplication

from chatgui.os_errors import os_error_words

_DISK_FULL = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
_PICTURE_MIMES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})
_PICTURE_SUFFIXES = frozenset({"png", "jpg", "jpeg", "gif", "webp"})


def _tr(text: str) -> str:
    return QCoreApplication.translate("Transfers", text)


def is_picture(name: str, mime: str = "") -> bool:
    """Whether a file is shown as a picture (PNG, JPEG, GIF, WebP) by its type or its name."""
    if mime.lower() in _PICTURE_MIMES:
        return True
    return name.rpartition(".")[2].lower() in _PICTURE_SUFFIXES and "." in name


def _scaled(size: int, whole_from: float) -> str:
    if size < 1000:
        return _tr("{n} bytes").format(n=size) if size != 1 else _tr("1 byte")
    value = float(size)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1000
        if value < 999.5 or unit == "TB":
            figure = f"{value:.1f}" if round(value, 1) < whole_from else f"{value:.0f}"
            return _tr("{figure} {unit}").format(figure=figure, unit=unit)
    raise AssertionError("unreachable")  # pragma: no cover


def human_size(size: int) -> str:
    """``size`` bytes as people read it: "512 bytes", "12.3 MB", "200 MB", "1.5 GB" (powers of 1000)."""
    return _scaled(size, 100)


def human_rate(rate: float) -> str:
    """Bytes per second as "45 MB/s" or "2.5 MB/s"."""
    return _tr("{size}/s").format(size=_scaled(int(max(0.0, rate)), 10))


def time_left(seconds: float) -> str:
    """A time to wait as "4 s left", "3 min left", "1 h 5 min left"."""
    whole = max(1, int(seconds + 0.5))
    if whole < 60:
        return _tr("{s} s left").format(s=whole)
    minutes = (whole + 30) // 60
    if minutes < 60:
        return _tr("{m} min left").format(m=minutes)
    return _tr("{h} h {m} min left").format(h=minutes // 60, m=minutes % 60)


def progress_line(done: int, total: int, rate: float) -> str:
    """The progress as "12.3 MB of 200 MB · 45 MB/s · 4 s left" (speed and time left once known)."""
    parts = [_tr("{done} of {total}").format(done=human_size(done), total=human_size(total))]
    if rate > 0 and done < total:
        parts.append(human_rate(rate))
        parts.append(time_left((total - done) / rate))
    return " · ".join(parts)


def kind_words(name: str, mime: str) -> str:
    """What kind of file this is, in a word or two ("PNG picture", "PDF file", "File")."""
    suffix = name.rpartition(".")[2] if "." in name.strip(".") else ""
    if is_picture(name, mime):
        shown = (suffix or mime.rpartition("/")[2]).upper()
        return _tr("{kind} picture").format(kind=shown.replace("JPG", "JPEG"))
    if suffix and len(suffix) <= 8 and suffix.isalnum():
        return _tr("{kind} file").format(kind=suffix.upper())
    return _tr("File")


def refused_sentence(nick: str, reason: str) -> str:
    """Why the sender's computer refused our fetch (its ``reason`` word)."""
    if reason == "busy":
        return _tr(
            "{nick}'s computer is sending this file to many people at once; Save again in a moment."
        ).format(nick=nick)
    if reason == "cancelled":
        return _tr("{nick} stopped sending this file; nothing was saved.").format(nick=nick)
    if reason == "key":
        return _tr(
            "{nick}'s computer could not read the request: your passphrase may differ from theirs. "
            "Nothing was saved."
        ).format(nick=nick)
    if reason == "offset":
        return _tr(
            "The part already received does not match {nick}'s file; it was set aside — Save again to "
            "start over."
        ).format(nick=nick)
    return _tr("{nick}'s computer no longer offers this file; nothing was saved.").format(nick=nick)


def receive_failure(outcome: str, nick: str, folder: str, reason: str = "", code: int = 0) -> str:
    """The sentence for a receive that ended with ``outcome`` (anything but "ok")."""
    if outcome == "hash":
        return _tr("The file did not arrive intact; nothing was saved. Save again to try once more.")
    if outcome == "cancelled":
        return _tr("Cancelled; nothing was saved. Save again to resume.")
    if outcome == "vanished":
        return _tr("The sender went away; Save again to resume.").format(nick=nick)
    if outcome == "disk":
        if code in _DISK_FULL:
            return _tr(
                "No room left on the disk of {folder}: free some space, then Save again to resume."
            ).format(folder=folder)
        return _tr("Could not write to {folder} ({why}): choose another folder with Save as…").format(
            folder=folder, why=os_error_words(code) if code else _tr("the folder cannot be written")
        )
    if outcome == "refused":
        return refused_sentence(nick, reason)
    if outcome == "unreachable":
        return _tr(
            "Could not connect to {nick}'s computer (a firewall?). Files go directly between the two "
            "computers: ask {nick} to let chatgui accept connections in their firewall, or to be on "
            "the same network as you, then Save again."
        ).format(nick=nick)
    if outcome == "changed":
        return _tr(
            "{nick} changed the file after offering it; nothing was saved. Ask them to offer it again."
        ).format(nick=nick)
    if outcome == "in-progress":
        return _tr("This file is already being saved.")
    if outcome == "too-large":
        return _tr("The file is larger than this room allows; nothing was saved.")
    if outcome == "protocol":
        return _tr(
            "{nick}'s computer answered something chatgui does not understand; nothing was saved."
        ).format(nick=nick)
    return _tr("The file could not be received; nothing was saved.")


def send_line(peer: str, done: int, total: int, rate: float, outcome: str) -> str:
    """One receiver's line under our own offer: its progress, or how it ended."""
    if not outcome:
        return _tr("{peer}: {progress}").format(peer=peer, progress=progress_line(done, total, rate))
    if outcome in ("sent", "ok"):
        return _tr("{peer}: has it all").format(peer=peer)
    if outcome == "cancelled":
        return _tr("{peer}: stopped").format(peer=peer)
    if outcome == "vanished":
        return _tr("{peer}: went away before the end").format(peer=peer)
    if outcome == "changed":
        return _tr("{peer}: not sent — the file changed on this computer; offer it again").format(peer=peer)
    if outcome == "unreadable":
        return _tr("{peer}: not sent — the file can no longer be read").format(peer=peer)
    return _tr("{peer}: stopped ({outcome})").format(peer=peer, outcome=outcome)


def prepare_failure(outcome: str, code: int = 0) -> str:
    """Why our own file could not be offered (read and hashed before offering)."""
    if outcome == "too-large":
        return _tr("This file is larger than this room allows; it was not offered.")
    if outcome == "unreadable":
        if code:
            return _tr("This file could not be read ({why}); it was not offered.").format(
                why=os_error_words(code)
            )
        return _tr("This file could not be read; it was not offered.")
    if outcome == "cancelled":
        return _tr("Not offered.")
    return _tr("This file could not be offered.")
