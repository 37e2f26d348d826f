"""A room's history as plain text, CSV or JSON (UTF-8, times in ISO 8601 with the UTC offset).

Plain Python. Every writer streams (rows may come from ``HistoryDB.iter_room``) into a
temporary file beside the target and renames it at the end, so a failed export never
leaves half a file under the user's chosen name.

- Text: one line per row, ``2026-11-21T12:00:00+01:00  ann: hello``; a system row has no
  sender; the further lines of a message of several lines are indented by four spaces.
- CSV: header ``time,kind,sender,text``, RFC 4180 quoting (CRLF between records, newlines
  inside a quoted field kept), UTF-8 with a byte-order mark: Excel, the spreadsheet most
  users double-click a CSV into, reads a file without one as the local ANSI code page and
  garbles Chinese; LibreOffice, Numbers, pandas and Python's ``utf-8-sig`` all accept it.
- JSON: a list of objects ``{"time", "kind", "sender", "text"}``, non-ASCII written as is.

Times carry milliseconds and the local UTC offset at that moment; parsing one back gives
the same instant to within a millisecond.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from chatgui.history.store import KINDS, HistoryRow

FORMATS = ("txt", "csv", "json")
CSV_HEADER = ("time", "kind", "sender", "text")


@dataclass(frozen=True, slots=True)
class CsvLabels:
    """The words a CSV export is written in: its header and its kind column (the reader's language).

    Attributes:
        header: The four column titles (time, kind, sender, text).
        kinds: Each stored kind ("own", "other" ...) as the reader calls it.
    """

    header: tuple[str, str, str, str] = CSV_HEADER
    kinds: dict[str, str] = field(default_factory=lambda: {kind: kind for kind in KINDS})


def iso_time(ts: float, timespec: str = "milliseconds") -> str:
    """``ts`` (unix seconds) as local ISO 8601 with its UTC offset ("2026-11-21T12:00:00.000+01:00").

    Args:
        ts: Unix time in seconds.
        timespec: ``datetime.isoformat``'s precision ("seconds", "milliseconds" ...).

    Returns:
        The time text.
    """
    return datetime.fromtimestamp(ts).astimezone().isoformat(timespec=timespec)


def parse_iso_time(text: str) -> float:
    """The unix time of an ISO 8601 time with an offset (as :func:`iso_time` writes).

    Args:
        text: The time text.

    Returns:
        Unix seconds.

    Raises:
        ValueError: It is not an ISO 8601 time with an offset.
    """
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"{text!r} has no UTC offset")
    return moment.timestamp()


def _atomic_write(path: Path, write: Callable[[IO[str]], None], encoding: str, newline: str | None) -> None:
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with temporary.open("w", encoding=encoding, newline=newline) as stream:
            write(stream)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def export_text(rows: Iterable[HistoryRow], path: Path) -> int:
    """Write ``rows`` as readable text lines.

    Args:
        rows: The rows, oldest first.
        path: The file to write (replaced when it exists).

    Returns:
        How many rows were written.
    """
    count = 0

    def write(stream: IO[str]) -> None:
        nonlocal count
        for row in rows:
            head = f"{iso_time(row.ts, 'seconds')}  "
            if row.sender:
                head += f"{row.sender}: "
            stream.write(head + row.text.replace("\r\n", "\n").replace("\n", "\n    ") + "\n")
            count += 1

    _atomic_write(path, write, "utf-8", "\n")
    return count


# A spreadsheet runs a cell that starts with one of these as a formula: a peer could plant
# =HYPERLINK(...) in an export. Such cells get a leading apostrophe, which spreadsheets show
# as text and hide; a text that already starts with an apostrophe gets one more, so
# _uncell(_cell(t)) == t for every t.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _uncell(text: str) -> str:
    return text[1:] if text.startswith("'") else text


def export_csv(rows: Iterable[HistoryRow], path: Path, labels: CsvLabels | None = None) -> int:
    """Write ``rows`` as CSV (see the module's notes on quoting and the byte-order mark).

    Args:
        rows: The rows, oldest first.
        path: The file to write (replaced when it exists).
        labels: The header and kind names in the reader's language (None: English).

    Returns:
        How many rows were written.
    """
    count = 0
    words = labels if labels is not None else CsvLabels()

    def write(stream: IO[str]) -> None:
        nonlocal count
        writer = csv.writer(stream, lineterminator="\r\n")  # RFC 4180: CRLF between records
        writer.writerow(words.header)
        kinds = words.kinds
        for row in rows:
            kind = kinds.get(row.kind, row.kind)
            writer.writerow((iso_time(row.ts), kind, _cell(row.sender), _cell(row.text)))
            count += 1

    _atomic_write(path, write, "utf-8-sig", "")
    return count


def export_json(rows: Iterable[HistoryRow], path: Path) -> int:
    """Write ``rows`` as a JSON list of objects, one per line for readable diffs.

    Args:
        rows: The rows, oldest first.
        path: The file to write (replaced when it exists).

    Returns:
        How many rows were written.
    """
    count = 0

    def write(stream: IO[str]) -> None:
        nonlocal count
        stream.write("[")
        for row in rows:
            item = {"time": iso_time(row.ts), "kind": row.kind, "sender": row.sender, "text": row.text}
            stream.write(("\n  " if count == 0 else ",\n  ") + json.dumps(item, ensure_ascii=False))
            count += 1
        stream.write("\n]\n" if count else "]\n")

    _atomic_write(path, write, "utf-8", "\n")
    return count


EXPORTERS: dict[str, Callable[[Iterable[HistoryRow], Path], int]] = {
    "txt": export_text,
    "csv": export_csv,
    "json": export_json,
}


def _checked_row(room: str, time_text: Any, kind: Any, sender: Any, text: Any) -> HistoryRow:
    if not all(isinstance(value, str) for value in (time_text, kind, sender, text)):
        raise ValueError("every field must be text")
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    return HistoryRow(0, room, parse_iso_time(time_text), kind, sender, text)


def parse_csv(path: Path, room: str = "", labels: CsvLabels | None = None) -> list[HistoryRow]:
    """Read a file written by :func:`export_csv`.

    Args:
        path: The CSV file.
        room: The room key to give the rows (the file does not hold it).
        labels: The words it was written in (None: English).

    Returns:
        The rows (``id`` 0).

    Raises:
        ValueError: The file is not such an export.
    """
    with Path(path).open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream)
        words = labels if labels is not None else CsvLabels()
        stored = {shown: kind for kind, shown in words.kinds.items()}
        header = next(reader, None)
        if header is None or tuple(header) != words.header:
            raise ValueError(f"not a chatgui history CSV: header {header!r}")
        rows = []
        for record in reader:
            if len(record) != len(CSV_HEADER):
                raise ValueError(f"record of {len(record)} fields: {record!r}")
            stamp, kind, sender, text = record
            rows.append(_checked_row(room, stamp, stored.get(kind, kind), _uncell(sender), _uncell(text)))
        return rows


def parse_json(path: Path, room: str = "") -> list[HistoryRow]:
    """Read a file written by :func:`export_json`.

    Args:
        path: The JSON file.
        room: The room key to give the rows (the file does not hold it).

    Returns:
        The rows (``id`` 0).

    Raises:
        ValueError: The file is not such an export.
    """
    with Path(path).open(encoding="utf-8") as stream:
        data = json.load(stream)
    if not isinstance(data, list):
        raise ValueError("not a chatgui history JSON: not a list")
    rows = []
    for item in data:
        if not isinstance(item, dict):
            raise ValueError(f"not an object: {item!r}")
        rows.append(
            _checked_row(room, item.get("time"), item.get("kind"), item.get("sender"), item.get("text"))
        )
    return rows


# Characters no file name may hold on Windows, macOS or Linux (and "/" everywhere).
_NOT_IN_NAMES = set('<>:"/\\|?*')
_RESERVED_NAMES = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{n}" for n in range(10)),
    *(f"lpt{n}" for n in range(10)),
}
MAX_NAME_CHARS = 80


def export_file_name(room_name: str, fmt: str, day: str, fallback: str = "chatgui-history") -> str:
    """A file name for exporting the room called ``room_name``, safe on every system.

    Args:
        room_name: The room's name (may hold anything a host typed).
        fmt: The format, used as extension ("txt", "csv", "json").
        day: The date suffix ("2026-11-21").
        fallback: The stem when nothing of the name is left.

    Returns:
        "<name> <day>.<fmt>": characters Windows, macOS or Linux refuse and control
        characters become "_", leading and trailing dots and spaces go, a reserved
        Windows device name gets a "_" before it, and the name is cut to ``MAX_NAME_CHARS``.
    """
    cleaned = "".join("_" if c in _NOT_IN_NAMES or not c.isprintable() else c for c in room_name)
    stem = " ".join(cleaned.split())[:MAX_NAME_CHARS].strip(" .")
    if not stem.strip("_"):
        stem = fallback
    if stem.split(".", 1)[0].casefold() in _RESERVED_NAMES:
        stem = "_" + stem
    return f"{stem} {day}.{fmt}"
