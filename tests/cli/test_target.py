"""``join`` takes HOST as the host's window shows it: HOST:PORT, [v6]:PORT, or HOST PORT as before."""

from __future__ import annotations

import argparse

import pytest

from chatgui.cli.args import build_parser, config_from_args
from chatgui.cli.target import settle_target


def _args(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(list(argv))


@pytest.mark.parametrize(
    ("argv", "host", "port"),
    [
        (("127.0.0.1", "50041"), "127.0.0.1", 50041),  # as before
        (("::1", "50041"), "::1", 50041),
        (("127.0.0.1:50041",), "127.0.0.1", 50041),
        (("[::1]:50041",), "::1", 50041),
        (("[::1]:50041", "50041"), "::1", 50041),  # said twice, the same
        (("[fe80::1%eth0]:50041",), "fe80::1%eth0", 50041),
        (("fe80::1%eth0", "50041"), "fe80::1%eth0", 50041),
        (("localhost:50041",), "localhost", 50041),
        (("no-such-host.invalid", "50007"), "no-such-host.invalid", 50007),
    ],
)
@pytest.mark.parametrize("mode", ["--tcp", "--udp"])
def test_join_reads_host_and_port(argv: tuple[str, ...], host: str, port: int, mode: str) -> None:
    args = _args("join", mode, *argv)
    assert settle_target(args) == ""
    config = config_from_args(args)
    assert (config.host, config.port) == (host, port)


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("127.0.0.1",), "give the port"),
        (("127.0.0.1:5", "6"), "give the port once"),
        (("127.0.0.1:0",), "“0” is not a port"),
        (("127.0.0.1:65536",), "“65536” is not a port"),
        (("[::1",), "bracket"),
        (("::1:50041",), "[::1]:50041"),
        (("192.0.2.2:1 · [fd00::2]:1",), "several addresses (192.0.2.2:1, [fd00::2]:1)"),
        (("fe80::1", "5"), "fe80::1 is a link-local address"),
    ],
)
def test_join_says_what_is_wrong_with_host(argv: tuple[str, ...], words: str) -> None:
    problem = settle_target(_args("join", "--tcp", *argv))
    assert words in problem


def test_host_commands_are_not_touched() -> None:
    args = _args("host", "--tcp", "--bind", "127.0.0.1")
    assert settle_target(args) == ""
