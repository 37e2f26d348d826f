"""A lab run as files: CSV (one row per sequence number per protocol) and JSON.

Every file says what produced it: chatgui's version, the workload, the conditions with the
seed, and the path (``run_metadata``). The CSV carries them as ``# key: value`` comment lines
before its header row (``pandas.read_csv(path, comment="#")`` skips them); the JSON as
top-level fields; the window writes them into a PNG's text chunks and a drawn caption.
They also say which figures were measured and which were modelled: on a path chatgui impairs
itself no TCP packet is really lost, so TCP's losses are chatgui's holds, not the network's.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from chatgui import __version__
from chatgui.lab.model import Arrival, Conditions, LabResult, ProtocolResult
from chatgui.lab.picture import PictureResult

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


def _conditions(c: Conditions) -> str:
    return (
        f"loss={_number(c.loss)}% dup={_number(c.dup)}% reorder={_number(c.reorder)}% "
        f"delay={_number(c.delay_ms)}ms jitter={_number(c.jitter_ms)}ms "
        f"bandwidth={_number(c.bandwidth_kbps)}kbit/s"
    )


REAL_LOSS = (
    "for TCP recovering from real loss, run lab-peer behind a lossy path (README, 'Real loss on "
    "Linux': nft drops packets between two network namespaces) and run the lab against it (--peer)"
)
TCP_MODEL = (
    "conditions applied by chatgui before the socket; a TCP packet 'lost' by them is never really "
    "lost: chatgui holds its message back for a retransmission timeout (>= 200 ms, doubling per "
    "lost resend) as TCP would"
)


def _modelled(c: Conditions, tcp_held: int, udp: tuple[int, int, int], unit: str) -> str:
    if not c.impaired:
        return "nothing: no conditions set"
    lost, duplicated, reordered = udp
    return (
        f"chatgui held back {tcp_held} {unit} as TCP would after losing their packets; "
        f"chatgui dropped {lost} UDP datagrams before the socket, sent {duplicated} twice "
        f"and held back {reordered}"
    )


def run_metadata(result: LabResult) -> list[tuple[str, str]]:
    """What produced ``result``, as (key, value) pairs: version, workload, conditions, seed, path.

    Then which figures were measured, which were modelled (and how many), and where to see
    the real thing.
    """
    w, c = result.workload, result.conditions
    rate = f"{_number(w.rate)}/s" if w.rate > 0 else "unpaced"
    udp = result.udp
    return [
        ("software", f"chatgui {__version__}"),
        ("workload", f"count={w.count} size={w.size}B rate={rate}"),
        ("conditions", _conditions(c)),
        ("seed", str(c.seed)),
        ("path", result.peer or "loopback 127.0.0.1 (in-app pair)"),
        ("tcp_model", TCP_MODEL),
        (
            "measured",
            "sent, delivered, lost, duplicated, out of order, arrival order and times, round trips: "
            "counted from what the receiver got and echoed",
        ),
        (
            "modelled",
            _modelled(
                c,
                result.tcp.injected_lost,
                (udp.injected_lost, udp.injected_duplicated, udp.injected_reordered),
                "messages",
            ),
        ),
        ("real_loss", REAL_LOSS),
    ]


def picture_metadata(result: PictureResult) -> list[tuple[str, str]]:
    """What produced a picture run, as (key, value) pairs, like ``run_metadata``."""
    p, c = result.picture, result.conditions
    rate = f"{_number(result.rate)}/s" if result.rate > 0 else "unpaced"
    udp = result.udp
    return [
        ("software", f"chatgui {__version__}"),
        (
            "picture",
            f"{p.name or 'picture'} {p.width}x{p.height} RGB, {p.rows_per_block} rows per datagram, "
            f"{p.block_count} blocks per protocol, rate={rate}",
        ),
        ("conditions", _conditions(c)),
        ("seed", str(c.seed)),
        ("path", "loopback 127.0.0.1 (in-app pair)"),
        ("tcp_model", TCP_MODEL),
        (
            "measured",
            f"blocks each receiver got and when: TCP {result.tcp.received}/{result.tcp.blocks} "
            f"in {result.tcp.seconds:.3f} s; UDP {udp.received}/{udp.blocks}, "
            f"{len(udp.holes)} holes",
        ),
        (
            "modelled",
            _modelled(
                c,
                result.tcp.injected_lost,
                (udp.injected_lost, udp.injected_duplicated, udp.injected_reordered),
                "blocks",
            ),
        ),
        ("real_loss", REAL_LOSS),
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
