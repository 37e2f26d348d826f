r"""The lab's frames: a numbered message and its echo, one line each (pure).

A lab message is ``LAB1 <run> <seq> <ts> <padding>\n`` padded to the workload's size: one
line on TCP, one datagram on UDP. Its echo is ``ECHO <run> <seq> <index> <ts>\n``: the
receiver's arrival index (0-based, every copy counted) and the sender's timestamp copied
back, so the sender gets the arrival order and the round trip from echoes alone, whether
the receiver is in this process or a ``lab-peer`` on another computer.
"""

from __future__ import annotations

from dataclasses import dataclass

LAB_MAGIC = b"LAB1"
ECHO_MAGIC = b"ECHO"
MAX_LINE = 65536  # a lab line longer than this is not lab traffic


@dataclass(frozen=True, slots=True)
class LabFrame:
    """A parsed lab message or echo (``index`` is -1 for a message)."""

    run: int
    seq: int
    ts: float
    index: int = -1


def _header(run: int, seq: int, ts: float) -> bytes:
    return b"%s %08x %d %.6f " % (LAB_MAGIC, run, seq, ts)


def min_frame_size(seq: int) -> int:
    """The smallest frame that can carry ``seq`` (a smaller workload size is raised to it)."""
    return len(_header(0xFFFFFFFF, seq, 99999.999999)) + 1


def encode_message(run: int, seq: int, ts: float, size: int) -> bytes:
    """The lab message ``seq`` of run ``run`` sent at ``ts``, ``size`` bytes if it fits."""
    header = _header(run, seq, ts)
    return header + b"." * max(0, size - len(header) - 1) + b"\n"


def encode_echo(frame: LabFrame, index: int) -> bytes:
    """The echo of ``frame``, the ``index``-th lab message the receiver got."""
    return b"%s %08x %d %d %.6f\n" % (ECHO_MAGIC, frame.run, frame.seq, index, frame.ts)


def parse(line: bytes) -> LabFrame | None:
    """A lab message or echo, or None for anything else (never raises)."""
    parts = line.split(b" ", 5)
    try:
        if parts[0] == LAB_MAGIC and len(parts) >= 4:
            return LabFrame(int(parts[1], 16), int(parts[2]), float(parts[3]))
        if parts[0] == ECHO_MAGIC and len(parts) >= 5:
            return LabFrame(int(parts[1], 16), int(parts[2]), float(parts[4]), int(parts[3]))
    except ValueError:
        return None
    return None
