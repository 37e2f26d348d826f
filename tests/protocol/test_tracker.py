"""Sequence tracking: the tracker's counts equal what a seeded fake network did."""

from __future__ import annotations

import random

import pytest

from chatgui.protocol import Arrival, ReceiveTracker, SenderStats, SendTracker


def lossy_network(count: int, rng: random.Random) -> list[int]:
    """Numbered datagrams 1..count through a network that drops, duplicates and reorders."""
    delivered: list[int] = []
    held: list[tuple[int, int]] = []  # (release after this many more sends, seq)
    for seq in range(1, count + 1):
        roll = rng.random()
        if roll < 0.10:
            pass  # dropped
        elif roll < 0.20:
            held.append((rng.randint(1, 30), seq))  # overtaken by the next few
        else:
            delivered.append(seq)
            if rng.random() < 0.05:
                delivered.append(seq)  # duplicated
        still_held = []
        for wait, late in held:
            if wait <= 0:
                delivered.append(late)
            else:
                still_held.append((wait - 1, late))
        held = still_held
    delivered += [late for _, late in held]
    return delivered


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_counts_equal_what_the_network_did(seed: int) -> None:
    delivered = lossy_network(5000, random.Random(seed))
    tracker = ReceiveTracker()
    arrivals = [tracker.on_msg("peer", seq) for seq in delivered]

    # What the network did, worked out directly from the delivery order.
    seen: set[int] = set()
    highest = duplicated = reordered = 0
    expected: list[Arrival] = []
    for seq in delivered:
        if seq in seen:
            duplicated += 1
            expected.append(Arrival.DUPLICATE)
        elif seq < highest:
            reordered += 1
            expected.append(Arrival.LATE)
        else:
            expected.append(Arrival.NEW)
        seen.add(seq)
        highest = max(highest, seq)
    lost = sum(1 for seq in range(1, highest + 1) if seq not in seen)

    assert arrivals == expected
    assert tracker.stats("peer") == SenderStats(
        received=len(seen), highest=highest, lost=lost, duplicated=duplicated, reordered=reordered
    )
    assert lost > 100
    assert duplicated > 100
    assert reordered > 100


def test_gap_filled_from_both_ends_and_the_middle() -> None:
    tracker = ReceiveTracker()
    assert tracker.on_msg("p", 1) == Arrival.NEW
    assert tracker.on_msg("p", 7) == Arrival.NEW  # gap 2..6
    assert tracker.stats("p").lost == 5
    assert [tracker.on_msg("p", seq) for seq in (2, 6, 4, 3, 5)] == [Arrival.LATE] * 5
    assert tracker.stats("p") == SenderStats(received=7, highest=7, lost=0, duplicated=0, reordered=5)
    assert tracker.on_msg("p", 4) == Arrival.DUPLICATE
    assert tracker.on_msg("p", 7) == Arrival.DUPLICATE


def test_arrival_before_any_gap_is_a_duplicate() -> None:
    tracker = ReceiveTracker()
    tracker.on_msg("p", 5)
    tracker.on_msg("p", 10)
    assert tracker.on_msg("p", 5) == Arrival.DUPLICATE


def test_oldest_gaps_are_forgotten_and_stay_lost() -> None:
    tracker = ReceiveTracker(max_gaps=2)
    for seq in (2, 4, 6, 8):  # gaps 1, 3, 5, 7: the first two are forgotten
        tracker.on_msg("p", seq)
    assert tracker.stats("p").lost == 4
    assert tracker.on_msg("p", 1) == Arrival.DUPLICATE  # too old to tell
    assert tracker.on_msg("p", 3) == Arrival.DUPLICATE
    assert tracker.on_msg("p", 5) == Arrival.LATE
    assert tracker.stats("p") == SenderStats(received=5, highest=8, lost=3, duplicated=2, reordered=1)


def test_splitting_a_gap_respects_the_bound() -> None:
    tracker = ReceiveTracker(max_gaps=1)
    tracker.on_msg("p", 10)  # gap 1..9
    assert tracker.on_msg("p", 5) == Arrival.LATE  # splits it; 1..4 is forgotten
    assert tracker.on_msg("p", 3) == Arrival.DUPLICATE
    assert tracker.on_msg("p", 7) == Arrival.LATE
    stats = tracker.stats("p")
    assert stats.received + stats.lost == stats.highest


def test_huge_jump_costs_one_gap_entry() -> None:
    tracker = ReceiveTracker()
    tracker.on_msg("p", 2**53)
    assert tracker.stats("p").lost == 2**53 - 1


def test_senders_are_bounded_least_recently_seen_first() -> None:
    tracker = ReceiveTracker(max_senders=2)
    tracker.on_msg("a", 1)
    tracker.on_msg("b", 1)
    tracker.on_msg("a", 2)  # "a" is now the most recent
    tracker.on_msg("c", 1)
    assert tracker.peers() == ["a", "c"]
    assert tracker.stats("b") == SenderStats()


def test_tracker_bounds_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        ReceiveTracker(max_gaps=0)
    with pytest.raises(ValueError, match="at least 1"):
        SendTracker(max_pending=0)


def test_rtt_from_receipts() -> None:
    tracker = SendTracker(receipt_timeout=2.0)
    tracker.sent(1, 10.0)
    tracker.sent(2, 10.5)
    assert tracker.pending_count() == 2
    assert tracker.acked(2, 10.75) == 0.25
    assert tracker.acked(2, 10.8) is None  # a duplicate receipt
    assert tracker.acked(99, 10.8) is None  # never sent
    assert tracker.acked(1, 9.0) == 0.0  # a clock that went back gives no negative RTT
    assert tracker.rtt_samples() == [0.25, 0.0]
    assert tracker.pending_count() == 0


def test_expiry_once_in_order() -> None:
    tracker = SendTracker(receipt_timeout=2.0)
    assert tracker.next_deadline() is None
    tracker.sent(1, 0.0)
    tracker.sent(2, 0.5)
    tracker.sent(3, 1.0)
    assert tracker.next_deadline() == 2.0
    assert tracker.expired(1.9) == []
    assert tracker.expired(2.5) == [1, 2]
    assert tracker.expired(2.5) == []
    assert tracker.next_deadline() == 3.0
    assert tracker.acked(1, 2.6) is None  # already reported missing
    assert tracker.acked(3, 2.6) == 1.6
    assert tracker.expired(100.0) == []


def test_resending_a_seq_restarts_its_wait() -> None:
    tracker = SendTracker(receipt_timeout=2.0)
    tracker.sent(1, 0.0)
    tracker.sent(2, 1.0)
    tracker.sent(1, 1.5)
    assert tracker.expired(3.0) == [2]
    assert tracker.expired(3.5) == [1]


def test_pending_is_bounded_and_the_oldest_expire_first() -> None:
    tracker = SendTracker(receipt_timeout=2.0, max_pending=2)
    for seq in range(1, 5):
        tracker.sent(seq, 0.25 * seq)
    assert tracker.pending_count() == 4
    assert tracker.next_deadline() == 0.25  # overdue: expired() should run at once
    assert tracker.expired(1.0) == [1, 2]
    assert tracker.pending_count() == 2
    assert tracker.next_deadline() == 2.75


def test_rtt_percentiles() -> None:
    tracker = SendTracker(max_samples=100)
    assert tracker.rtt_percentile(50) is None
    for seq in range(1, 102):
        tracker.sent(seq, 0.0)
        tracker.acked(seq, seq / 1000)
    assert len(tracker.rtt_samples()) == 100  # the oldest sample fell out
    assert tracker.rtt_percentile(0) == 0.002
    assert tracker.rtt_percentile(50) == pytest.approx(0.052, abs=0.001)
    assert tracker.rtt_percentile(100) == 0.101
    assert tracker.rtt_percentile(150) == 0.101
