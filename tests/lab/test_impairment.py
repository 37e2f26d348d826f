"""The impairment shim alone (pure, seeded): what each protocol experiences."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chatgui.lab.impairment import MAX_RETRANSMISSIONS, MIN_RTO_S, Impairment, Release
from chatgui.lab.model import Conditions

conditions = st.builds(
    Conditions,
    loss=st.floats(0, 60),
    dup=st.floats(0, 60),
    reorder=st.floats(0, 60),
    delay_ms=st.floats(0, 50),
    jitter_ms=st.floats(0, 50),
    bandwidth_kbps=st.sampled_from([0.0, 100.0, 10000.0]),
    seed=st.integers(0, 2**32),
)


def _releases(cond: Conditions, protocol: str, count: int = 200) -> list[Release]:
    shim = Impairment(cond, protocol)
    out: list[Release] = []
    for seq in range(1, count + 1):
        out += shim.offer(seq, 100, seq * 0.001)
    return out + shim.flush(count * 0.001 + 1)


def _wire_order(releases: list[Release]) -> list[int]:
    return [r.seq for _, _, r in sorted((r.at, i, r) for i, r in enumerate(releases))]


@given(conditions)
def test_tcp_delivers_every_message_once_and_in_order(cond: Conditions) -> None:
    assert _wire_order(_releases(cond, "tcp")) == list(range(1, 201))


@given(conditions)
def test_same_seed_same_run(cond: Conditions) -> None:
    assert _releases(cond, "udp") == _releases(cond, "udp")
    assert _releases(cond, "tcp") == _releases(cond, "tcp")


@given(conditions)
def test_udp_copies_match_what_was_injected(cond: Conditions) -> None:
    shim = Impairment(cond, "udp")
    releases: list[Release] = []
    for seq in range(1, 201):
        releases += shim.offer(seq, 100, 0.0)
    releases += shim.flush(0.0)
    seqs = [r.seq for r in releases]
    assert len(set(seqs)) == 200 - shim.injected.lost
    assert sum(1 for s in set(seqs) if seqs.count(s) > 1) == shim.injected.duplicated
    assert len({r.seq for r in releases if r.late}) == shim.injected.reordered


def test_tcp_backs_off_while_a_segments_retransmissions_are_lost_too() -> None:
    # Every try is lost: each segment waits 0.2 + 0.4 + ... until the lab stops doubling.
    shim = Impairment(Conditions(loss=100), "tcp")
    backoff = sum(MIN_RTO_S * 2**k for k in range(MAX_RETRANSMISSIONS))
    times = [shim.offer(seq, 100, 0.0)[0].at for seq in range(1, 4)]
    # Losses of different segments do not compound: each pays its own backoff, in parallel.
    assert times == pytest.approx([backoff] * 3)
    assert shim.injected.lost == 3
    assert shim.injected.retransmit_delay_s == pytest.approx(3 * backoff)


def test_tcp_with_rare_loss_pays_about_one_timeout_per_lost_segment() -> None:
    shim = Impairment(Conditions(loss=1, seed=3), "tcp")
    for seq in range(1, 5001):
        shim.offer(seq, 100, 0.0)
    assert shim.injected.lost > 20
    # A retransmission is itself lost only 1% of the time: the mean wait is barely above 200 ms.
    mean_wait = shim.injected.retransmit_delay_s / shim.injected.lost
    assert MIN_RTO_S - 1e-9 <= mean_wait < 1.1 * MIN_RTO_S


def test_bandwidth_cap_paces_packets() -> None:
    shim = Impairment(Conditions(bandwidth_kbps=8), "udp")  # 1000 bytes per second
    times = [shim.offer(seq, 100, 0.0)[0].at for seq in range(1, 4)]
    assert times == [0.1, 0.2, 0.30000000000000004]
