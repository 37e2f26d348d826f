"""OS errors reach the user as words of their language, by number, never as the OS's English."""

from __future__ import annotations

import errno
import os

import pytest

from chatgui.events import CheckFinished, CheckOutcome, Problem, ProblemOccurred
from chatgui.os_errors import known, os_error_words
from chatgui.sentences import describe
from chatgui.sentences_address import scope_sentence
from chatgui.sentences_checks import describe_check

# The raw strings issue 12 saw in the window, by the numbers behind them.
SEEN = {
    errno.EINVAL: "Invalid argument",
    errno.ENETUNREACH: "Network is unreachable",
    errno.EADDRNOTAVAIL: "Cannot assign requested address",
    errno.EAFNOSUPPORT: "Address family not supported",
    errno.ENODEV: "No such device",
    errno.EMFILE: "Too many open files",
    errno.EAGAIN: "Resource temporarily unavailable",
}


@pytest.mark.parametrize("code", sorted(SEEN))
def test_known_numbers_have_words_of_their_own(code: int) -> None:
    words = os_error_words(code)
    assert known(code)
    assert words.strip()
    assert SEEN[code] not in words
    assert os.strerror(code) not in words


def test_winsock_numbers_are_known_too() -> None:
    assert os_error_words(10047) == os_error_words(errno.EAFNOSUPPORT)  # WSAEAFNOSUPPORT
    assert os_error_words(10022) == os_error_words(errno.EINVAL)  # WSAEINVAL


def test_an_unknown_number_is_said_with_its_number() -> None:
    assert not known(98765)
    assert "98765" in os_error_words(98765)


@pytest.mark.parametrize("code", sorted(SEEN))
def test_problem_sentences_use_the_number_not_the_os_words(code: int) -> None:
    for event in (
        ProblemOccurred(Problem.OS_ERROR, code=code),
        ProblemOccurred(Problem.OS_ERROR, host="192.0.2.9", port=5, code=code),
        ProblemOccurred(Problem.MULTICAST_UNAVAILABLE, host="239.1.2.3", detail="zzq0", code=code),
    ):
        sentence = describe(event)
        assert os_error_words(code) in sentence
        assert os.strerror(code) not in sentence
    multicast = describe(
        ProblemOccurred(Problem.MULTICAST_UNAVAILABLE, host="239.1.2.3", detail="zzq0", code=code)
    )
    assert "zzq0" in multicast


def test_unknown_number_in_a_problem_sentence() -> None:
    sentence = describe(ProblemOccurred(Problem.OS_ERROR, address="192.0.2.9:5", code=98765))
    assert "98765" in sentence
    assert "192.0.2.9:5" in sentence


def test_a_check_error_is_said_in_words() -> None:
    event = CheckFinished(
        "tcp", "192.0.2.9", 5, CheckOutcome.ERROR, detail="Invalid argument", code=errno.EINVAL
    )
    sentence = describe_check(event)
    assert os_error_words(errno.EINVAL) in sentence
    assert "Invalid argument" not in sentence


@pytest.mark.parametrize(
    ("zones", "wanted"),
    [
        (["eth0"], ["add %eth0: fe80::1%eth0"]),
        (["eth0", "wlan0"], ["%eth0 or %wlan0", "fe80::1%eth0"]),
        (["a", "b", "c", "d", "e"], ["%a, %b, %c or %d", "fe80::1%a"]),
        ([], ["link-local", "fe80::1"]),
    ],
)
def test_link_local_without_scope_names_the_interfaces(zones: list[str], wanted: list[str]) -> None:
    sentence = scope_sentence("fe80::1", zones)
    for text in wanted:
        assert text in sentence, sentence
    assert "Invalid argument" not in sentence
    assert (
        describe(ProblemOccurred(Problem.SCOPE_NEEDED, host="fe80::1", detail=", ".join(zones))) == sentence
    )
