"""The reachability check's sentences: each outcome its own, naming its facts."""

from __future__ import annotations

import pytest

from chatgui.events import CheckFinished, CheckOutcome
from chatgui.sentences_checks import describe_check

# What each check outcome's sentence must name, and a word saying what it means.
CHECKS: list[tuple[CheckFinished, list[str]]] = [
    (
        CheckFinished("tcp", "zzq.lan", 50007, CheckOutcome.WORKS, "192.168.1.5:50007", 0.0031),
        ["192.168.1.5:50007 works", "3 ms"],
    ),
    (
        CheckFinished("udp", "192.168.1.5", 50007, CheckOutcome.WORKS, "192.168.1.5:50007", 0.0004),
        ["192.168.1.5:50007 works", "chatgui peer", "0.4 ms"],
    ),
    (
        CheckFinished("tcp", "192.168.1.5", 50123, CheckOutcome.REFUSED, "192.168.1.5:50123"),
        ["Nothing is listening at 192.168.1.5:50123", "computer is there", "port 50123"],
    ),
    (
        CheckFinished("udp", "192.168.1.5", 50123, CheckOutcome.REFUSED, "192.168.1.5:50123"),
        ["Nothing is listening at 192.168.1.5:50123", "UDP port 50123"],
    ),
    (
        CheckFinished("tcp", "10.0.0.7", 50007, CheckOutcome.TIMED_OUT, "10.0.0.7:50007"),
        ["No answer from 10.0.0.7:50007 in 3 s", "firewall"],
    ),
    (
        CheckFinished("tcp", "nowhere.invalid", 50007, CheckOutcome.NOT_FOUND),
        ["nowhere.invalid could not be found", "spelling"],
    ),
    (CheckFinished("tcp", "", 50007, CheckOutcome.NOT_FOUND), ["address first"]),
    (
        CheckFinished("tcp", "172.31.9.9", 50007, CheckOutcome.UNREACHABLE, "172.31.9.9:50007"),
        ["172.31.9.9:50007 cannot be reached", "same network"],
    ),
    (
        CheckFinished("udp", "fe80::1%eth0", 50007, CheckOutcome.NO_ANSWER, "[fe80::1%eth0]:50007"),
        ["Sent a probe to [fe80::1%eth0]:50007", "no chatgui answered", "firewall"],
    ),
    (
        CheckFinished("tcp", "10.1.1.1", 9, CheckOutcome.ERROR, "10.1.1.1:9", detail="Too many zzq"),
        ["10.1.1.1:9", "Too many zzq"],
    ),
    (CheckFinished("tcp", "10.1.1.1", 70000, CheckOutcome.ERROR), ["70000 is not a valid port"]),
]


@pytest.mark.parametrize(("event", "facts"), CHECKS)
def test_check_sentence_names_its_facts(event: CheckFinished, facts: list[str]) -> None:
    sentence = describe_check(event)
    assert "{" not in sentence
    for fact in facts:
        assert fact in sentence, (fact, sentence)


def test_every_check_outcome_has_its_own_sentence() -> None:
    assert {event.outcome for event, _ in CHECKS} == set(CheckOutcome)
    assert len({describe_check(event) for event, _ in CHECKS}) == len(CHECKS)


def test_check_without_a_resolved_address_names_what_was_asked() -> None:
    sentence = describe_check(CheckFinished("tcp", "::1", 5, CheckOutcome.TIMED_OUT))
    assert "[::1]:5" in sentence
