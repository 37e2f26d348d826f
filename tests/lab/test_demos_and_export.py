"""Boundaries, lifecycles and export, on real loopback sockets."""

from __future__ import annotations

import csv
import errno
import io
import json

import pytest

from chatgui import __version__
from chatgui.lab.demos import run_boundaries, run_lifecycle, run_nobody_listens
from chatgui.lab.engine import run_lab
from chatgui.lab.export import CSV_HEADER, run_metadata, to_csv, to_json_text
from chatgui.lab.model import Conditions, Framing, Workload, length_prefixed, reassemble

THREE = [b"one\n", "二\n".encode(), b"three\n"]


@pytest.mark.parametrize("nodelay", [True, False])
def test_three_quick_tcp_writes_arrive_as_fewer_recvs(nodelay: bool) -> None:
    calls = run_boundaries(THREE, "tcp", nodelay=nodelay)
    sends = [c.data for c in calls if c.side == "send"]
    recvs = [c.data for c in calls if c.side == "recv"]
    assert sends == THREE
    assert len(recvs) < 3
    assert b"".join(recvs) == b"".join(THREE)


def test_a_large_tcp_write_is_split_by_recv_size() -> None:
    calls = run_boundaries([b"x" * 3000], "tcp")
    assert [len(c.data) for c in calls if c.side == "recv"] == [1024, 1024, 952]


def test_three_datagrams_arrive_as_three() -> None:
    calls = run_boundaries(THREE, "udp")
    assert [c.data for c in calls if c.side == "recv"] == THREE


@pytest.mark.parametrize("framing", ["newline", "length"])
def test_each_framing_reassembles_the_three_tcp_messages(framing: Framing) -> None:
    messages = [m.rstrip(b"\n") for m in THREE]
    wire = [m + b"\n" for m in messages] if framing == "newline" else [length_prefixed(m) for m in messages]
    recvs = [c.data for c in run_boundaries(wire, "tcp") if c.side == "recv"]
    assert reassemble(recvs, framing) == messages


def test_no_framing_on_tcp_gets_the_messages_merged() -> None:
    recvs = [c.data for c in run_boundaries(THREE, "tcp") if c.side == "recv"]
    assert reassemble(recvs, "none") != THREE


def test_lifecycle_records_tcp_handshake_and_fin_and_udp_datagrams() -> None:
    steps = run_lifecycle()
    tcp = [(s.side, s.what) for s in steps if s.protocol == "tcp"]
    udp = [s.what for s in steps if s.protocol == "udp"]
    assert ("client", "connect") in tcp
    assert ("server", "accept") in tcp
    assert tcp.index(("client", "fin")) < tcp.index(("server", "close"))
    assert "connect" not in udp
    assert "sendto" in udp
    assert "recvfrom" in udp
    assert [s.t for s in steps] == sorted(s.t for s in steps)


def test_nobody_listens_tcp_refused_udp_sent() -> None:
    steps = run_nobody_listens()
    assert [s.what for s in steps if s.protocol == "tcp"] == ["refused"]
    udp = [s.what for s in steps if s.protocol == "udp"]
    assert udp[:2] == ["sendto", "nothing"]
    # A connected UDP socket: Linux reports the ICMP port unreachable on the next call.
    assert udp[-1] == "error"


def test_csv_has_a_row_per_seq_per_protocol_and_json_every_arrival() -> None:
    result = run_lab(Workload(count=20), Conditions(loss=20, seed=2))
    text = to_csv(result)
    rows = list(csv.DictReader(line for line in io.StringIO(text) if not line.startswith("#")))
    assert len(rows) == 40
    udp_lost = [r for r in rows if r["protocol"] == "udp" and r["fate"] == "lost"]
    assert len(udp_lost) == result.udp.lost
    assert all(r["arrival_index"] == "" for r in udp_lost)
    shape = json.loads(to_json_text(result))
    assert len(shape["udp"]["arrivals"]) == len(result.udp.arrivals)
    assert shape["tcp"]["lost"] == 0


def test_exports_say_which_version_conditions_and_seed_made_them() -> None:
    conditions = Conditions(loss=12.5, delay_ms=3, seed=4242)
    result = run_lab(Workload(count=10, rate=2000), conditions)
    comments = [line for line in to_csv(result).splitlines() if line.startswith("# ")]
    text = "\n".join(comments)
    assert f"chatgui {__version__}" in text
    assert "seed: 4242" in text
    assert "loss=12.5%" in text
    assert "delay=3ms" in text
    assert "rate=2000/s" in text
    assert to_csv(result).splitlines()[len(comments)] == ",".join(CSV_HEADER)
    meta = json.loads(to_json_text(result))["metadata"]
    assert meta["seed"] == "4242"
    assert meta["software"] == f"chatgui {__version__}"
    # Which figures were measured, which modelled (with the counts), and where the real thing is.
    assert "counted from what the receiver got" in meta["measured"]
    held = f"chatgui held back {result.tcp.injected_lost} messages as TCP would after losing their packets"
    assert held in meta["modelled"]
    assert f"dropped {result.udp.injected_lost} UDP datagrams" in meta["modelled"]
    assert "never really lost" in meta["tcp_model"]
    assert "lab-peer" in meta["real_loss"]
    assert "# modelled: chatgui held back" in text
    clean = dict(run_metadata(run_lab(Workload(count=5), Conditions())))
    assert clean["modelled"] == "nothing: no conditions set"


def test_reading_as_bytes_arrive_with_a_small_recv_splits_a_message() -> None:
    # 拆包: "你好，世界\n" is 16 bytes; recv(8) returns it in two halves, each write read alone.
    writes = [b"hello\n", "你好，世界\n".encode(), b"bye\n"]
    calls = run_boundaries(writes, "tcp", recv_size=8, as_they_arrive=True)
    recvs = [c.data for c in calls if c.side == "recv"]
    assert recvs == [b"hello\n", writes[1][:8], writes[1][8:], b"bye\n"]
    assert [c.side for c in calls] == ["send", "recv", "send", "recv", "recv", "send", "recv"]
    assert reassemble(recvs, "newline") == [w.rstrip(b"\n") for w in writes]


def test_reading_after_all_arrived_with_a_small_recv_merges_and_splits() -> None:
    writes = [b"hello\n", "你好，世界\n".encode(), b"bye\n"]
    recvs = [c.data for c in run_boundaries(writes, "tcp", recv_size=8) if c.side == "recv"]
    joined = b"".join(writes)
    assert recvs == [joined[i : i + 8] for i in range(0, len(joined), 8)]


def test_lifecycle_details_are_data_for_the_window_to_word() -> None:
    steps = run_lifecycle(b"hello")
    tcp = [s for s in steps if s.protocol == "tcp"]
    assert tcp[0].detail == "listening"
    assert tcp[0].address.startswith("127.0.0.1:")
    sends = [s for s in tcp if s.what == "send"]
    assert sends[0].detail == "bytes"
    assert sends[0].nbytes == 5
    assert any(s.detail == "peer_closed" and s.nbytes == 0 for s in tcp)
    assert steps[-1].detail == "no_close_handshake"
    refused = run_nobody_listens()[0]
    assert refused.detail == "os_error"
    assert refused.errno == errno.ECONNREFUSED
