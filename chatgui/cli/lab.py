"""The ``lab`` and ``lab-peer`` headless commands.

Hook them into ``python main.py`` with ``add_lab_commands(subparsers)`` where the parser is
built and ``if args.command in LAB_COMMANDS: return run_lab_command(args)`` where commands
are dispatched. ``python -m chatgui.lab`` runs them on their own.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Sequence
from typing import Any

from chatgui.cli.base import EXIT_FAILED, EXIT_OK
from chatgui.cli.base import tr as _t
from chatgui.lab.engine import parse_peer, run_lab
from chatgui.lab.model import Conditions, LabResult, ProtocolResult, Workload
from chatgui.lab.peer import DEFAULT_LAB_PORT, LabPeer
from chatgui.os_errors import os_error_words

LAB_COMMANDS = ("lab", "lab-peer")


def _non_negative(kind: type[int] | type[float]) -> Any:
    def parse(value: str) -> int | float:
        try:
            number = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(_t("{value} is not a number").format(value=value)) from None
        if number < 0:
            raise argparse.ArgumentTypeError(_t("{value} must not be negative").format(value=value))
        return number

    return parse


def _percent(value: str) -> float:
    number = float(_non_negative(float)(value))
    if number > 100:
        raise argparse.ArgumentTypeError(_t("{value} is not a percentage (0 to 100)").format(value=value))
    return number


def add_lab_commands(subparsers: Any) -> None:
    """Add ``lab`` and ``lab-peer`` to an argparse ``add_subparsers()`` object."""
    lab = subparsers.add_parser(
        "lab", help=_t("run the same numbered messages over TCP and UDP at once and compare")
    )
    positive = _non_negative(int)
    lab.add_argument("--count", type=positive, default=1000, help=_t("messages per protocol"))
    lab.add_argument("--size", type=positive, default=100, help=_t("bytes per message"))
    lab.add_argument(
        "--rate", type=_non_negative(float), default=0.0, help=_t("messages per second (0: fast)")
    )
    lab.add_argument("--loss", type=_percent, default=0.0, help=_t("percent of packets lost"))
    lab.add_argument("--dup", type=_percent, default=0.0, help=_t("percent duplicated"))
    lab.add_argument("--reorder", type=_percent, default=0.0, help=_t("percent reordered"))
    lab.add_argument("--delay", type=_non_negative(float), default=0.0, help=_t("one-way delay, ms"))
    lab.add_argument("--jitter", type=_non_negative(float), default=0.0, help=_t("± jitter, ms"))
    lab.add_argument(
        "--bandwidth", type=_non_negative(float), default=0.0, help=_t("bandwidth cap, kbit/s (0: none)")
    )
    lab.add_argument("--seed", type=int, default=1, help=_t("the same seed repeats a run"))
    lab.add_argument("--peer", default="", help=_t("HOST[:PORT] of a lab-peer (default: this computer)"))
    lab.add_argument("--json", action="store_true", help=_t("print one JSON object"))
    peer = subparsers.add_parser("lab-peer", help=_t("answer lab traffic on TCP and UDP on one port"))
    peer.add_argument("--port", type=positive, default=DEFAULT_LAB_PORT, help=_t("the port for both"))
    peer.add_argument("--bind", default="0.0.0.0", help=_t("the address to listen on"))


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def format_table(result: LabResult) -> str:
    """The results table of ``lab``, one column per protocol."""
    rows: list[tuple[str, str, str]] = []

    def row(label: str, value: Any) -> None:
        rows.append((label, str(value(result.tcp)), str(value(result.udp))))

    row(_t("sent"), lambda p: p.sent)
    row(_t("delivered"), lambda p: p.delivered)
    row(_t("lost"), lambda p: p.lost)
    row(_t("duplicated"), lambda p: p.duplicated)
    row(_t("out of order"), lambda p: p.reordered)
    row(_t("RTT p50 ms"), lambda p: _ms(p.rtt_p50_ms))
    row(_t("RTT p95 ms"), lambda p: _ms(p.rtt_p95_ms))
    row(_t("RTT max ms"), lambda p: _ms(p.rtt_max_ms))
    row(_t("messages/s"), lambda p: f"{p.msgs_per_s:.0f}")
    row(_t("bytes/s"), lambda p: f"{p.bytes_per_s:.0f}")
    row(_t("seconds"), lambda p: f"{p.seconds:.3f}")
    width = max(len(label) for label, _, _ in rows)
    lines = [f"{'':<{width}}  {'TCP':>12}  {'UDP':>12}"]
    lines += [f"{label:<{width}}  {tcp:>12}  {udp:>12}" for label, tcp, udp in rows]
    lines.append(_honesty(result.tcp))
    return "\n".join(lines)


def _honesty(tcp: ProtocolResult) -> str:
    if not (tcp.injected_lost or tcp.injected_reordered or tcp.injected_duplicated):
        return ""
    return _t(
        "TCP cannot lose, duplicate or reorder bytes above the kernel, so its losses here are "
        "modelled: chatgui held back {lost} messages as TCP would after losing their packets "
        "({delay:.0f} ms of timeouts in all) and {reordered} behind a reordered one, with every "
        "later message waiting behind them (head-of-line blocking); its {dup} duplicates cost "
        "nothing. No TCP packet was really lost: to see that, run lab-peer behind a lossy path "
        "(README, 'Real loss on Linux') and use --peer."
    ).format(
        lost=tcp.injected_lost,
        reordered=tcp.injected_reordered,
        delay=tcp.retransmit_delay_ms,
        dup=tcp.injected_duplicated,
    )


def _run_lab(args: argparse.Namespace) -> int:
    workload = Workload(count=args.count, size=args.size, rate=args.rate)
    conditions = Conditions(
        loss=args.loss,
        dup=args.dup,
        reorder=args.reorder,
        delay_ms=args.delay,
        jitter_ms=args.jitter,
        bandwidth_kbps=args.bandwidth,
        seed=args.seed,
    )
    try:
        if args.peer:
            parse_peer(args.peer)
        result = run_lab(workload, conditions, args.peer)
    except (OSError, ValueError) as exc:
        from chatgui.lab.bridge import failure_sentence

        print(failure_sentence(exc, args.peer), file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        print(json.dumps(result.to_json()))
    else:
        print(format_table(result).rstrip("\n"))
    return EXIT_OK


def _run_peer(args: argparse.Namespace) -> int:
    try:
        peer = LabPeer(args.bind, args.port)
    except OSError as exc:
        print(
            _t("Cannot answer lab traffic on {bind} port {port}: {reason}").format(
                bind=args.bind, port=args.port, reason=os_error_words(exc.errno or 0)
            ),
            file=sys.stderr,
        )
        return EXIT_FAILED
    host, port = peer.address
    print(_t("Answering lab traffic on {host} port {port} (TCP and UDP).").format(host=host, port=port))
    sys.stdout.flush()
    stop = threading.Event()

    def on_signal(signum: int, frame: object) -> None:
        stop.set()

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, on_signal)
        signal.signal(signal.SIGTERM, on_signal)
    peer.start()
    try:
        stop.wait()
    finally:
        peer.stop()
    return EXIT_OK


def run_lab_command(args: argparse.Namespace) -> int:
    """Run ``lab`` or ``lab-peer`` as parsed by ``add_lab_commands``; the exit status."""
    if args.command == "lab-peer":
        return _run_peer(args)
    return _run_lab(args)


def main(argv: Sequence[str]) -> int:
    """``python -m chatgui.lab lab …`` / ``lab-peer …`` (until main.py has the hook)."""
    parser = argparse.ArgumentParser(prog="chatgui.lab")
    add_lab_commands(parser.add_subparsers(dest="command", required=True))
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    return run_lab_command(args)
