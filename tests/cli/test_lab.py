"""The lab and lab-peer commands, called as main.py will call them."""

from __future__ import annotations

import argparse
import json

import pytest

from chatgui.cli.lab import add_lab_commands, main, run_lab_command
from chatgui.lab.peer import LabPeer


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_lab_commands(parser.add_subparsers(dest="command"))
    return parser.parse_args(list(argv))


def test_lab_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_lab_command(_parse("lab", "--count", "100", "--loss", "10", "--json")) == 0
    shape = json.loads(capsys.readouterr().out)
    for name in ("tcp", "udp"):
        part = shape[name]
        assert part["sent"] == 100
        assert set(part["rtt_ms"]) == {"p50", "p95", "max"}
        assert {"delivered", "lost", "duplicated", "reordered", "msgs_per_s", "seconds"} <= set(part)
    assert shape["tcp"]["lost"] == 0
    assert shape["udp"]["lost"] == shape["udp"]["injected"]["lost"]


def test_lab_table_says_what_tcp_paid(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lab", "--count", "50", "--loss", "10", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert "TCP" in out
    assert "UDP" in out
    assert "head-of-line" in out
    assert "modelled: chatgui held back" in out  # the model is not stated as the network's doing
    assert "were resent" not in out
    assert "Real loss on Linux" in out


def test_lab_against_a_peer_that_is_not_there(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lab", "--count", "5", "--peer", "127.0.0.1:1"]) == 1
    assert "lab-peer" in capsys.readouterr().err


def test_bad_numbers_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lab", "--loss", "120"]) == 2
    assert "percentage" in capsys.readouterr().err


def test_lab_peer_port_in_use(capsys: pytest.CaptureFixture[str]) -> None:
    busy = LabPeer("127.0.0.1", 0)
    try:
        assert main(["lab-peer", "--bind", "127.0.0.1", "--port", str(busy.address[1])]) == 1
    finally:
        busy.stop()
    assert "Cannot answer lab traffic" in capsys.readouterr().err
