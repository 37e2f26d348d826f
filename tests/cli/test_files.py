"""``send-file`` and ``--accept-files`` on the command line, and the lines files print (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatgui.cli.args import build_parser, config_from_args
from chatgui.cli.files import FileLines, send_file_config
from chatgui.events import FileOffered, FileWithdrawn, TransferFinished, TransferProgress


def test_send_file_takes_a_mode_host_port_and_paths() -> None:
    args = build_parser().parse_args(["send-file", "--tcp", "127.0.0.1", "50007", "a.png", "b.pdf"])
    assert args.paths == [Path("a.png"), Path("b.pdf")]
    config = send_file_config(args, "alice", "")
    assert (config.mode, config.role, config.host, config.port, config.nick) == (
        "tcp",
        "join",
        "127.0.0.1",
        50007,
        "alice",
    )
    udp = send_file_config(build_parser().parse_args(["send-file", "--udp", "::1", "9", "x"]), "a", "")
    assert (udp.mode, udp.role, udp.host, udp.port) == ("udp", "peer", "::1", 9)


@pytest.mark.parametrize(
    "argv",
    [
        ["send-file", "127.0.0.1", "50007", "a.png"],  # no mode
        ["send-file", "--tcp", "127.0.0.1", "50007"],  # no file
        ["send-file", "--tcp", "127.0.0.1", "0", "a.png"],  # no port to write to
    ],
)
def test_send_file_usage_errors(argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(argv)


@pytest.mark.parametrize("command", [["host", "--tcp"], ["join", "--tcp", "127.0.0.1", "50007"]])
def test_accept_files_reaches_the_session(command: list[str], tmp_path: Path) -> None:
    args = build_parser().parse_args([*command, "--accept-files", str(tmp_path)])
    args.host = getattr(args, "host", "")
    assert config_from_args(args).accept_files == str(tmp_path)
    assert config_from_args(build_parser().parse_args(command)).accept_files == ""


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_is_printed_at_most_once_a_second_per_transfer() -> None:
    clock = Clock()
    lines = FileLines(clock)
    offer = FileOffered("o1", "alice", "127.0.0.1:5", "photo.png", 2048, "ab" * 32)
    assert lines.line(offer) == "alice offers photo.png (2,048 bytes)."
    first = lines.line(TransferProgress("o1", "receive", "127.0.0.1", 1024, 2048, 1048576.0))
    assert first == "Receiving photo.png: 1,024 of 2,048 bytes (50%, 1.0 MiB/s)"
    clock.now += 0.5
    assert lines.line(TransferProgress("o1", "receive", "127.0.0.1", 1500, 2048)) is None
    assert lines.line(TransferProgress("o2", "receive", "127.0.0.1", 1, 2)) is not None  # another transfer
    clock.now += 0.6
    assert lines.line(TransferProgress("o1", "receive", "127.0.0.1", 2000, 2048)) is not None
    done = TransferFinished("o1", "receive", "127.0.0.1", "ok", path="/in/photo.png")
    assert lines.line(done) == "Received photo.png from alice (127.0.0.1): saved as /in/photo.png"
    assert lines.line(FileWithdrawn("o1")) == "photo.png is no longer offered."


def test_risky_offers_and_failed_transfers_say_so() -> None:
    lines = FileLines(Clock())
    risky = FileOffered("o1", "mallory", "", "setup.exe", 10, "ab" * 32, risky=True)
    assert "open it only if you trust mallory" in (lines.line(risky) or "")
    vanished = lines.line(TransferFinished("o1", "receive", "x", "vanished"))
    assert vanished is not None
    assert vanished.startswith("Receiving setup.exe failed: the connection ended")
    own = FileOffered("o2", "", "", "a.txt", 1, "ab" * 32, own=True)
    assert lines.line(own) == "Offering a.txt (1 bytes) to the room."
    assert lines.line(TransferFinished("o2", "send", "bob (127.0.0.1:4)", "sent")) == (
        "Sent a.txt to bob (127.0.0.1:4)."
    )
    cut = lines.line(TransferFinished("o2", "send", "bob (127.0.0.1:4)", "cancelled"))
    assert cut == "Sending a.txt to bob (127.0.0.1:4) stopped: cancelled."
    assert lines.line(TransferFinished("o3", "prepare", "", "unreadable")) is None  # its problem says why
