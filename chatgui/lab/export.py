"""A lab run as files: CSV (one row per sequence number per protocol) and JSON.

Every file says what produced it: chatgui's version, the workload, the conditions with the
seed, and the path (``run_metadata``). The CSV carries them as ``# key: value`` comment lines
before its header row (``pandas.read_csv(path, comment="#")`` skips them); the JSON as
top-level fields; the window writes them into a PNG's text chunks and a drawn caption.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from chatgui import __version__
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


def _number(value: float) -> str:
    return f"{value:g}"


def run_metadata(result: LabResult) -> list[tuple[str, str]]:
    """What produced ``result``, as (key, value) pairs: version, workload, conditions, seed, path."""
    w, c = result.workload, result.conditions
    rate = f"{_number(w.rate)}/s" if w.rate > 0 else "unpaced"
    return [
        ("software", f"chatgui {__version__}"),
        ("workload", f"count={w.count} size={w.size}B rate={rate}"),
        (
            "conditions",
            f"loss={_number(c.loss)}% dup={_number(c.dup)}% reorder={_number(c.reorder)}% "
            f"delay={_number(c.delay_ms)}ms jitter={_number(c.jitter_ms)}ms "
            f"bandwidth={_number(c.bandwidth_kbps)}kbit/s",
        ),
        ("seed", str(c.seed)),
        ("path", result.peer or "loopback 127.0.0.1 (in-app pair)"),
        (
            "tcp_model",
            "impairment applied by chatgui before the socket; a lost TCP packet is held back "
            "for a retransmission timeout (>= 200 ms, doubling per lost resend)",
        ),
    ]


def to_csv(result: LabResult) -> str:
    """One row per sequence number per protocol: its fate and its first arrival (index, t, RTT).

    The run's metadata comes first, one ``# key: value`` comment line each.
    """
    out = io.StringIO()
    for key, value in run_metadata(result):
        out.write(f"# {key}: {value}\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for part in (result.tcp, result.udp):
        writer.writerows(_rows(part))
    return out.getvalue()


def to_json_text(result: LabResult) -> str:
    """The run's figures and every arrival, as pretty JSON text."""
    shape = result.to_json()
    shape["metadata"] = dict(run_metadata(result))
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
