"""Every problem and connection event has a sentence that names the facts it was given."""

from __future__ import annotations

import pytest

from chatgui.events import (
    Connected,
    Listening,
    PeerJoined,
    PeerLeft,
    Problem,
    ProblemOccurred,
    RosterChanged,
    SessionEnded,
    SessionState,
    StateChanged,
)
from chatgui.sentences import describe, describe_event, join_host_port

# The facts each kind carries (events.py documents them beside each Problem member),
# with values unlikely to appear in a sentence by accident.
FACTS: dict[Problem, dict[str, object]] = {
    Problem.PORT_IN_USE: {"port": 50123},
    Problem.PORT_PERMISSION: {"port": 50123},
    Problem.ADDRESS_NOT_AVAILABLE: {"host": "10.9.8.7"},
    Problem.CONNECTION_REFUSED: {"host": "192.168.1.5", "port": 50007},
    Problem.HOST_NOT_FOUND: {"host": "nowhere.invalid"},
    Problem.CONNECT_TIMEOUT: {"host": "10.0.0.7", "port": 50007},
    Problem.NETWORK_UNREACHABLE: {"host": "172.31.9.9"},
    Problem.HOST_CLOSED: {"address": "10.1.2.3:4567"},
    Problem.PEER_RESET: {"address": "10.1.2.3:4567"},
    Problem.PEER_TOO_SLOW: {"address": "10.1.2.3:4567", "limit": 4194304},
    Problem.LINE_TOO_LONG: {"address": "10.1.2.3:4567", "limit": 65536},
    Problem.REMOTE_REFUSED: {"address": "10.1.2.3:4567", "detail": "line too long zzq"},
    Problem.TEXT_TOO_LONG: {"size": 20001, "limit": 16384},
    Problem.DATAGRAM_TOO_LARGE: {"size": 70001, "limit": 65507},
    Problem.DATAGRAM_FRAGMENTED: {"size": 3001},
    Problem.NOBODY_LISTENING: {"address": "127.0.0.1:40999"},
    Problem.NOT_ENCODABLE: {"encoding": "gbk"},
    Problem.NO_DESTINATION: {},
    Problem.NOT_CONNECTED: {},
    Problem.INVALID_PORT: {"port": 70000},
    Problem.NO_BROADCAST_INTERFACE: {"detail": "zzq-eth9"},
    Problem.MULTICAST_UNAVAILABLE: {"host": "239.1.2.3", "detail": "No such device zzq"},
    Problem.INVALID_GROUP: {"host": "10.20.30.40"},
    Problem.OS_ERROR: {"detail": "Too many open files zzq"},
    Problem.SCOPE_NEEDED: {"host": "fe80::1234", "detail": "zzq0"},
    Problem.ROOM_FULL: {"address": "10.1.2.3:4567", "limit": 257},
    Problem.OUT_OF_DESCRIPTORS: {},
    Problem.ACCEPTING_AGAIN: {},
    Problem.HELLO_TIMEOUT: {"address": "10.1.2.3:4567", "limit": 31},
    Problem.OUTPUT_BUDGET: {"address": "10.1.2.3:4567", "limit": 67108864},
    Problem.BAD_FRAME: {"address": "10.1.2.3:4567", "detail": "peerzzq", "size": 65001, "limit": 64},
    Problem.NICK_INVALID: {"address": "10.1.2.3:4567"},
    Problem.HOST_SILENT: {"address": "10.1.2.3:4567", "limit": 17},
    Problem.MEMBER_SILENT: {"address": "10.1.2.3:4567", "detail": "zzqnick", "limit": 17},
    Problem.RECONNECT_GAVE_UP: {"size": 123},
    Problem.PASSPHRASE_MISMATCH: {"address": "10.1.2.3:4567"},
    Problem.ROOM_PRIVATE: {"address": "10.1.2.3:4567"},
    Problem.ROOM_NOT_PRIVATE: {"address": "10.1.2.3:4567"},
    Problem.UNREADABLE: {"address": "10.1.2.3:4567", "size": 3},
    Problem.GUESSES_SLOWED: {"address": "10.1.2.3:4567", "limit": 17},
    Problem.HANDSHAKE_TIMEOUT: {"address": "10.1.2.3:4567", "limit": 17},
    Problem.FILE_UNREADABLE: {"detail": "/tmp/zzq.bin"},
    Problem.FILE_TOO_LARGE: {"detail": "/tmp/zzq.iso", "size": 3000000001, "limit": 2147483648},
    Problem.FILE_OFFER_TOO_LARGE: {
        "address": "10.1.2.3:4567",
        "detail": "zzqnick",
        "size": 3000000001,
        "limit": 2147483648,
    },
    Problem.FILES_NEED_CHATGUI: {},
}


def shown(value: object) -> list[str]:
    """The ways a fact may be written in a sentence (numbers with or without separators)."""
    if isinstance(value, int):
        return [str(value), f"{value:,}"]
    return [str(value)]


def test_every_problem_kind_is_covered_here() -> None:
    assert set(FACTS) == set(Problem)


@pytest.mark.parametrize("kind", list(Problem), ids=lambda p: p.value)
def test_problem_sentence_names_its_facts(kind: Problem) -> None:
    sentence = describe(ProblemOccurred(kind, **FACTS[kind]))  # type: ignore[arg-type]
    assert sentence.strip()
    assert "{" not in sentence
    assert "}" not in sentence
    # What happened, then what to do next.
    assert "—" in sentence
    for name, value in FACTS[kind].items():
        if name == "port" and "host" in FACTS[kind]:
            continue  # checked as part of the address below
        assert any(text in sentence for text in shown(value)), (name, sentence)
    if "host" in FACTS[kind] and "port" in FACTS[kind]:
        assert f"{FACTS[kind]['host']}:{FACTS[kind]['port']}" in sentence


@pytest.mark.parametrize("kind", list(Problem), ids=lambda p: p.value)
def test_problem_sentence_without_facts_has_no_placeholders(kind: Problem) -> None:
    sentence = describe(ProblemOccurred(kind))
    assert sentence.strip()
    assert "{" not in sentence


def test_sentences_differ_between_kinds() -> None:
    sentences = {describe(ProblemOccurred(kind, **FACTS[kind])) for kind in Problem}  # type: ignore[arg-type]
    assert len(sentences) == len(Problem)


def test_low_port_permission_says_administrator() -> None:
    sentence = describe(ProblemOccurred(Problem.PORT_PERMISSION, port=80))
    assert "80" in sentence
    assert "administrator" in sentence
    assert "1024 or more" in sentence


def test_ipv6_address_is_bracketed() -> None:
    sentence = describe(ProblemOccurred(Problem.CONNECTION_REFUSED, host="fe80::1%eth0", port=50007))
    assert "[fe80::1%eth0]:50007" in sentence


def test_address_is_preferred_over_host() -> None:
    sentence = describe(
        ProblemOccurred(Problem.CONNECT_TIMEOUT, host="example.test", port=1, address="192.0.2.1:1")
    )
    assert "192.0.2.1:1" in sentence


def test_os_error_with_address_names_both() -> None:
    sentence = describe(ProblemOccurred(Problem.OS_ERROR, address="10.1.1.1:9", detail="Bad thing"))
    assert "10.1.1.1:9" in sentence
    assert "Bad thing" in sentence


def test_braces_in_peer_detail_are_kept_literally() -> None:
    sentence = describe(ProblemOccurred(Problem.REMOTE_REFUSED, address="a:1", detail="{port} <b>x</b>"))
    assert "{port} <b>x</b>" in sentence


@pytest.mark.parametrize(
    ("event", "facts"),
    [
        (Listening(addresses=("0.0.0.0:50123", "[::]:50123"), port=50123), ["50123", "[::]:50123"]),
        (
            Listening(("0.0.0.0:50123",), 50123, destination="10.9.255.255:50123", interface="zzq0"),
            ["50123", "10.9.255.255:50123", "zzq0"],
        ),
        (Listening(("[::]:50123",), 50123, destination="[ff02::1:7]:50123"), ["[ff02::1:7]:50123"]),
        (Connected(remote="127.0.0.1:50007", local="127.0.0.1:40000"), ["127.0.0.1:50007"]),
        (PeerJoined(nick="阿明", address="10.0.0.2:3333"), ["阿明", "10.0.0.2:3333"]),
        (PeerJoined(nick="bob"), ["bob"]),
        (PeerLeft(nick="carol", address="10.0.0.3:4444"), ["carol", "10.0.0.3:4444"]),
        (PeerLeft(nick="carol"), ["carol"]),
        (
            PeerLeft("carol", "10.0.0.3:4444", silent=15.0),
            ["carol (10.0.0.3:4444)", "not heard from for 15 s"],
        ),
        (PeerLeft("carol", "10.0.0.3:4444", silent=0.6000000000000001), ["for 0.6 s"]),
        (PeerJoined(nick="", address="127.0.0.1:51086"), ["127.0.0.1:51086 connected", "plain text"]),
        (PeerLeft(nick="", address="127.0.0.1:51086"), ["127.0.0.1:51086 disconnected"]),
        (PeerJoined(nick=""), ["plain-text", "connected"]),
        (PeerLeft(nick=""), ["plain-text", "disconnected"]),
        (RosterChanged(nicks=("ann", "bob")), ["ann, bob"]),
        (RosterChanged(nicks=()), []),
        (SessionEnded(by_user=True), []),
        (SessionEnded(by_user=False), []),
        (ProblemOccurred(Problem.PORT_IN_USE, port=50123), ["50123"]),
    ],
)
def test_event_sentence_names_its_facts(event: object, facts: list[str]) -> None:
    sentence = describe_event(event)
    assert sentence
    assert "{" not in sentence
    for fact in facts:
        assert fact in sentence


def test_session_end_sentences_differ() -> None:
    assert describe_event(SessionEnded(by_user=True)) != describe_event(SessionEnded(by_user=False))


def test_other_events_have_no_status_sentence() -> None:
    assert describe_event(StateChanged(SessionState.ACTIVE)) is None
    assert describe_event("not an event") is None


@pytest.mark.parametrize(
    ("host", "port", "expected"),
    [("127.0.0.1", 5, "127.0.0.1:5"), ("::1", 5, "[::1]:5"), ("[::1]", 5, "[::1]:5"), ("h", 0, "h")],
)
def test_join_host_port(host: str, port: int, expected: str) -> None:
    assert join_host_port(host, port) == expected


def test_a_file_that_cannot_be_read_says_why_in_words() -> None:
    sentence = describe(ProblemOccurred(Problem.FILE_UNREADABLE, detail="/tmp/a.bin", code=13))
    assert "/tmp/a.bin" in sentence
    assert "13" not in sentence  # the number is told in words
    assert sentence != describe(ProblemOccurred(Problem.FILE_UNREADABLE, detail="/tmp/a.bin"))


def test_a_malformed_field_within_its_size_is_not_called_over_its_limit() -> None:
    # A file offer's thumbnail that is no PNG or JPEG is refused at a size under its limit.
    malformed = ProblemOccurred(
        Problem.BAD_FRAME, address="10.1.2.3:4567", detail="thumb", size=80, limit=12288
    )
    text = describe(malformed)
    assert "“thumb” is malformed" in text
    assert "over the limit" not in text
    over = ProblemOccurred(
        Problem.BAD_FRAME, address="10.1.2.3:4567", detail="thumb", size=12289, limit=12288
    )
    assert "over the limit of 12,288" in describe(over)
