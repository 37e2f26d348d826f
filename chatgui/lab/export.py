"""A lab run as files: CSV (one row per sequence number per protocol) and JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from chatgui.lab.model import Arrival, LabResult, ProtocolResult

CSV_HEADER = ("protocol", "seq", "fate", "arrival_index", "t", "rtt_ms")


def _rows(part: ProtocolResult) -> list[tuple[object, ...]]:
    first: dict[int, Arrival] = {}
    for arrival in part.arrivals:
        first.setdefault(arrival.seq, arrival)
    rows: list[tuple[object, ...]] = []
    for seq, fate in enumerate(part.fates, start=1):
        found = first.get(seq)
        if found is None:
            rows.append((part.protocol, seq, fate.value, "", "", ""))
        else:
            rtt = "" if found.rtt_ms is None else f"{found.rtt_ms:.3f}"
            rows.append((part.protocol, seq, fate.value, found.index, f"{found.t:.6f}", rtt))
    return rows


def to_csv(result: LabResult) -> str:
    """One row per sequence number per protocol: its fate and its first arrival (index, t, RTT)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for part in (result.tcp, result.udp):
        writer.writerows(_rows(part))
    return out.getvalue()


def to_json_text(result: LabResult) -> str:
    """The run's figures and every arrival, as pretty JSON text."""
    shape = result.to_json()
    for name, part in (("tcp", result.tcp), ("udp", result.udp)):
        figures = shape[name]
        assert isinstance(figures, dict)
        figures["fates"] = [fate.value for fate in part.fates]
        figures["arrivals"] = [[a.seq, a.index, round(a.t, 6), a.rtt_ms] for a in part.arrivals]
    return json.dumps(shape, indent=2, ensure_ascii=False) + "\n"


def save_csv(result: LabResult, path: Path) -> None:
    """Write ``to_csv`` to ``path`` (UTF-8)."""
    path.write_text(to_csv(result), encoding="utf-8")


def save_json(result: LabResult, path: Path) -> None:
    """Write ``to_json_text`` to ``path`` (UTF-8)."""
    path.write_text(to_json_text(result), encoding="utf-8")
