"""The presence table alone: who is listed, who is gone, and its bounds (no socket, time as ``now``)."""

from __future__ import annotations

from chatgui.net.presence import MAX_MEMBERS, MAX_PER_HOST, Heard, PresenceTable


def _addr(host: str, port: int) -> tuple[str, int]:
    return (host, port)


def test_members_are_listed_in_order_of_arrival_and_refreshed() -> None:
    table = PresenceTable(silence=15.0)
    assert table.heard(_addr("10.0.0.1", 1), "10.0.0.1", "p1", "alice", "10.0.0.1:1", 0.0) is Heard.JOINED
    assert table.heard(_addr("10.0.0.2", 2), "10.0.0.2", "p2", "bob", "10.0.0.2:2", 1.0) is Heard.JOINED
    assert table.heard(_addr("10.0.0.1", 1), "10.0.0.1", "p1", "alice", "10.0.0.1:1", 10.0) is Heard.SAME
    assert table.names() == ("alice", "bob")
    assert table.listed() == [("10.0.0.1", 1), ("10.0.0.2", 2)]
    # bob was last heard at 1.0: gone just after 16.0; alice (heard at 10.0) stays.
    assert table.expire(16.0) == []
    gone = table.expire(16.01)
    assert [m.name for m in gone] == ["bob"]
    assert table.names() == ("alice",)
    assert len(table) == 1


def test_a_new_nick_or_peer_id_from_the_same_address_is_one_member_changed() -> None:
    table = PresenceTable(silence=15.0)
    key = _addr("10.0.0.1", 1)
    table.heard(key, "10.0.0.1", "p1", "alice", "10.0.0.1:1", 0.0)
    assert table.heard(key, "10.0.0.1", "p1", "alicia", "10.0.0.1:1", 1.0) is Heard.CHANGED
    assert table.heard(key, "10.0.0.1", "p9", "alicia", "10.0.0.1:1", 2.0) is Heard.CHANGED
    for n in range(100):  # a stranger's socket making up ids: still one entry
        table.heard(key, "10.0.0.1", f"x{n}", f"s{n}", "10.0.0.1:1", 3.0)
    assert len(table) == 1
    assert table.names() == ("s99",)


def test_a_goodbye_unlists_and_a_hello_within_the_silence_lists_again_quietly() -> None:
    table = PresenceTable(silence=15.0)
    key = _addr("10.0.0.1", 1)
    table.heard(key, "10.0.0.1", "p1", "alice", "10.0.0.1:1", 0.0)
    left = table.said_goodbye(key)
    assert left is not None
    assert left.name == "alice"
    assert table.said_goodbye(key) is None  # told once
    assert table.said_goodbye(_addr("10.0.0.9", 9)) is None  # a stranger's bye is nobody's
    assert table.names() == ()
    assert table.listed() == []
    assert table.heard(key, "10.0.0.1", "p1", "alice", "10.0.0.1:1", 1.0) is Heard.RETURNED
    assert table.names() == ("alice",)
    # Gone after its goodbye and silent: removed without being told twice.
    table.said_goodbye(key)
    assert table.expire(100.0) == []
    assert len(table) == 0
    assert table.heard(key, "10.0.0.1", "p1", "alice", "10.0.0.1:1", 101.0) is Heard.JOINED


def test_one_host_gets_at_most_its_share() -> None:
    table = PresenceTable(silence=15.0)
    for port in range(MAX_PER_HOST):
        assert table.heard(_addr("10.0.0.66", port), "10.0.0.66", "p", "s", "x", 0.0) is Heard.JOINED
    assert table.heard(_addr("10.0.0.66", 9999), "10.0.0.66", "p", "s", "x", 0.0) is Heard.REFUSED
    assert table.refused == 1
    # Another computer is not affected, and the share is back once the spray is gone.
    assert table.heard(_addr("10.0.0.1", 1), "10.0.0.1", "p", "alice", "x", 0.0) is Heard.JOINED
    table.heard(_addr("10.0.0.1", 1), "10.0.0.1", "p", "alice", "x", 10.0)
    assert len(table.expire(16.0)) == MAX_PER_HOST
    assert table.heard(_addr("10.0.0.66", 9999), "10.0.0.66", "p", "s", "x", 16.0) is Heard.JOINED


def test_the_table_is_bounded_and_nobody_listed_is_pushed_out() -> None:
    table = PresenceTable(silence=15.0)
    real = _addr("10.0.0.1", 1)
    table.heard(real, "10.0.0.1", "p", "alice", "x", 0.0)
    sprayed = [(f"10.1.{n // MAX_PER_HOST}.{n % MAX_PER_HOST}", n) for n in range(MAX_MEMBERS)]
    outcomes = [table.heard(a, a[0], "p", "s", "x", 1.0) for a in sprayed]
    # Just over the bound: the last one of the spray is refused, alice stays.
    assert outcomes.count(Heard.JOINED) == MAX_MEMBERS - 1
    assert outcomes[-1] is Heard.REFUSED
    assert len(table) == MAX_MEMBERS
    assert table.names()[0] == "alice"
    newcomer = _addr("10.0.0.2", 2)
    assert table.heard(newcomer, "10.0.0.2", "p", "bob", "x", 2.0) is Heard.REFUSED
    # alice keeps saying hello; the spray stops: room again, and bob is listed at his next hello.
    table.heard(real, "10.0.0.1", "p", "alice", "x", 10.0)
    assert len(table.expire(16.01)) == MAX_MEMBERS - 1
    assert table.heard(newcomer, "10.0.0.2", "p", "bob", "x", 17.0) is Heard.JOINED
    assert table.names() == ("alice", "bob")
