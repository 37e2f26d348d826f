"""Lab runs on real loopback sockets: what the lab reports is what the shim injected."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chatgui.lab.engine import LabRun, parse_peer, run_lab
from chatgui.lab.model import Conditions, Fate, LabResult, Workload
from chatgui.lab.peer import LabPeer

real_runs = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_clean_run_delivers_everything_in_order() -> None:
    result = run_lab(Workload(count=500, size=100), Conditions())
    for part in (result.tcp, result.udp):
        assert (part.sent, part.delivered, part.lost, part.duplicated, part.reordered) == (500, 500, 0, 0, 0)
        assert set(part.fates) == {Fate.DELIVERED}
        assert part.done
        assert part.rtt_p50_ms is not None
        assert part.rtt_max_ms is not None
        assert 0 < part.rtt_p50_ms <= part.rtt_max_ms
        assert part.msgs_per_s > 0
        assert [a.index for a in part.arrivals] == list(range(500))


@real_runs
@given(
    loss=st.floats(0, 30),
    dup=st.floats(0, 40),
    reorder=st.floats(0, 40),
    seed=st.integers(0, 1000),
)
def test_udp_reports_exactly_what_was_injected(loss: float, dup: float, reorder: float, seed: int) -> None:
    cond = Conditions(loss=loss, dup=dup, reorder=reorder, seed=seed)
    udp = run_lab(Workload(count=40), cond).udp
    assert udp.lost == udp.injected_lost
    assert udp.duplicated == udp.injected_duplicated
    assert udp.reordered == udp.injected_reordered
    assert udp.sent == 40
    assert udp.fates.count(Fate.LOST) == udp.lost


@real_runs
@given(
    loss=st.floats(0, 25),
    dup=st.floats(0, 100),
    reorder=st.floats(0, 100),
    delay=st.floats(0, 5),
    jitter=st.floats(0, 5),
    seed=st.integers(0, 1000),
)
def test_tcp_never_loses_or_reorders(
    loss: float, dup: float, reorder: float, delay: float, jitter: float, seed: int
) -> None:
    cond = Conditions(loss=loss, dup=dup, reorder=reorder, delay_ms=delay, jitter_ms=jitter, seed=seed)
    tcp = run_lab(Workload(count=30), cond).tcp
    assert (tcp.delivered, tcp.lost, tcp.duplicated, tcp.reordered) == (30, 0, 0, 0)
    assert [a.seq for a in tcp.arrivals] == list(range(1, 31))


def test_tcp_pays_for_loss_in_time() -> None:
    result = run_lab(Workload(count=20), Conditions(loss=20, seed=3))
    assert result.tcp.injected_lost > 0
    assert result.tcp.lost == 0
    assert result.tcp.rtt_max_ms is not None
    assert result.tcp.rtt_max_ms >= 200  # at least one retransmission timeout
    assert result.udp.lost == result.udp.injected_lost > 0


def test_same_seed_same_fates() -> None:
    cond = Conditions(loss=8, dup=10, reorder=10, seed=42)
    first = run_lab(Workload(count=40), cond)
    again = run_lab(Workload(count=40), cond)
    assert first.udp.fates == again.udp.fates


def test_rate_and_delay_shape_the_run() -> None:
    result = run_lab(Workload(count=10, rate=100), Conditions(delay_ms=20))
    assert result.udp.rtt_p50_ms is not None
    assert result.udp.rtt_p50_ms >= 20
    assert result.tcp.seconds >= 0.09  # ten messages at 100/s span 90 ms at least


def test_progress_comes_live_then_the_end() -> None:
    seen: list[LabResult] = []
    run = LabRun(Workload(count=30, rate=100), Conditions(), on_progress=seen.append, progress_interval=0.05)
    run.start()
    final = run.wait(30)
    assert final is not None
    assert final.done
    assert seen
    assert not seen[0].done
    assert Fate.PENDING in seen[0].udp.fates


def test_cancel_stops_without_a_result() -> None:
    finished: list[LabResult] = []
    run = LabRun(Workload(count=1000, rate=10), Conditions(), on_finished=finished.append)
    run.start()
    run.cancel()
    assert run.wait(10) is None
    assert not run.running
    assert not finished


def test_against_a_lab_peer() -> None:
    peer = LabPeer("127.0.0.1", 0)
    peer.start()
    try:
        host, port = peer.address
        result = run_lab(Workload(count=200), Conditions(), f"{host}:{port}")
    finally:
        peer.stop()
    assert result.peer == f"{host}:{port}"
    assert result.tcp.delivered == result.udp.delivered == 200


def test_nobody_listening_fails_the_run() -> None:
    peer = LabPeer("127.0.0.1", 0)
    host, port = peer.address
    peer.stop()
    errors: list[Exception] = []
    run = LabRun(Workload(count=5), Conditions(), f"{host}:{port}", on_failed=errors.append)
    run.start()
    assert run.wait(10) is None
    assert isinstance(errors[0], ConnectionRefusedError)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("example.lan", ("example.lan", 50008)),
        ("10.0.0.2:6000", ("10.0.0.2", 6000)),
        ("[::1]:7000", ("::1", 7000)),
        ("::1", ("::1", 50008)),
    ],
)
def test_parse_peer(text: str, expected: tuple[str, int]) -> None:
    assert parse_peer(text) == expected


@pytest.mark.parametrize("text", ["", "host:0", "host:x", "host:70000"])
def test_parse_peer_refuses(text: str) -> None:
    with pytest.raises(ValueError, match=r"."):
        parse_peer(text)
