"""The lab as users run it: ``main.py lab`` and ``main.py lab-peer`` as real processes."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.e2e.harness import Program

pytestmark = pytest.mark.e2e


def test_lab_on_this_computer_prints_one_json_object(chatgui: Callable[..., Program]) -> None:
    program = chatgui("lab", "--count", "300", "--loss", "10", "--seed", "2", "--json")
    line = program.out(r"^\{")
    assert program.wait_exit() == 0
    result = json.loads(line.string)
    tcp, udp = result["tcp"], result["udp"]
    for side in (tcp, udp):
        assert side["sent"] == 300
        assert set(side["rtt_ms"]) == {"p50", "p95", "max"}
        assert {"delivered", "lost", "duplicated", "reordered", "msgs_per_s", "seconds"} <= set(side)
    # TCP pays for loss in time, never in messages; UDP loses them.
    assert (tcp["delivered"], tcp["lost"], tcp["reordered"]) == (300, 0, 0)
    assert udp["lost"] > 0
    assert udp["delivered"] + udp["lost"] == 300


def test_lab_against_a_lab_peer_process(chatgui: Callable[..., Program]) -> None:
    peer = chatgui("lab-peer", "--port", "0", "--bind", "127.0.0.1")
    port = int(peer.out(r"Answering lab traffic on 127\.0\.0\.1 port (\d+)")[1])
    lab = chatgui("lab", "--peer", f"127.0.0.1:{port}", "--count", "200", "--json")
    line = lab.out(r"^\{")
    assert lab.wait_exit() == 0
    result = json.loads(line.string)
    assert result["tcp"]["delivered"] == 200
    assert result["udp"]["delivered"] + result["udp"]["lost"] == 200
    peer.interrupt()
    assert peer.wait_exit() == 0
