"""Files between headless processes (issue 15): send-file, --accept-files, a killed sender resumed.

Every side is the real program: a TCP host, a member receiving with ``--accept-files`` and a
member offering with ``send-file``; then a UDP peer. Files are compared by SHA-256.
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from chatgui.net.files import PART_SUFFIX
from tests.e2e.harness import WAIT, Program

pytestmark = pytest.mark.e2e

MIB = 1024 * 1024


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(4 * MIB):
            digest.update(chunk)
    return digest.hexdigest()


def sparse(path: Path, size: int) -> Path:
    """A file of ``size`` bytes, mostly holes, with a few marked places (so a hole-only file fails)."""
    with open(path, "wb") as file:
        file.truncate(size)
        for where in (0, size // 3, size - 16):
            file.seek(where)
            file.write(b"chatgui-%08d" % where)
    return path


def files(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    made = {
        "empty.bin": folder / "empty.bin",
        "one.bin": folder / "one.bin",
        "mib.bin": folder / "mib.bin",
    }
    made["empty.bin"].write_bytes(b"")
    made["one.bin"].write_bytes(b"\x07")
    made["mib.bin"].write_bytes(os.urandom(MIB))
    made["big.bin"] = sparse(folder / "big.bin", 200 * MIB)
    return made


def tcp_room(chatgui: Callable[..., Program], inbox: Path) -> tuple[Program, int, Program]:
    host = chatgui("host", "--tcp", "--bind", "127.0.0.1", "--port", "0", "--nick", "ann", "--no-history")
    port = host.listening_port()
    bob = chatgui(
        "join", "--tcp", "127.0.0.1", str(port), "--nick", "bob", "--no-history", "--accept-files", str(inbox)
    )
    host.err(r"bob joined")
    return host, port, bob


def test_four_files_between_two_headless_members_arrive_whole(
    chatgui: Callable[..., Program], tmp_path: Path
) -> None:
    sent = files(tmp_path / "out")
    inbox = tmp_path / "in"
    host, port, bob = tcp_room(chatgui, inbox)
    alice = chatgui("send-file", "--tcp", "127.0.0.1", str(port), *map(str, sent.values()), "--nick", "alice")
    landed = {}
    for _ in sent:
        match = bob.err(r"^Received (\S+) from alice \(127\.0\.0\.1:\d+\): saved as (.+)$", timeout=60)
        landed[match[1]] = Path(match[2])
    assert sorted(landed) == sorted(sent)
    for name, path in sent.items():
        assert landed[name] == inbox / name
        assert sha256_of(landed[name]) == sha256_of(path), name
    assert alice.wait_exit(timeout=WAIT) == 0, alice.describe()
    told = [line for line in alice.stderr.lines if line.startswith("Sent ")]
    assert len(told) >= len(sent)
    assert all(re.fullmatch(r"Sent \S+ to bob \(127\.0\.0\.1:\d+\)\.", line) for line in told), told
    assert not [p for p in inbox.iterdir() if p.name.endswith(PART_SUFFIX)]
    bob.send("still here")
    host.out(r"^bob: still here$")


def test_a_udp_peer_receives_a_file_from_send_file(chatgui: Callable[..., Program], tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_bytes(os.urandom(300_000))
    inbox = tmp_path / "in"
    peer = chatgui(
        "host", "--udp", "--bind", "127.0.0.1", "--port", "0", "--no-history", "--accept-files", str(inbox)
    )
    port = peer.listening_port()
    alice = chatgui("send-file", "--udp", "127.0.0.1", str(port), str(source), "--nick", "alice")
    peer.err(r"alice offers notes\.txt \(300,000 bytes\)")
    match = peer.err(r"^Received notes\.txt from alice \(127\.0\.0\.1:\d+\): saved as (.+)$")
    assert sha256_of(Path(match[1])) == sha256_of(source)
    alice.err(r"^Sent notes\.txt to ")
    assert alice.wait_exit() == 0, alice.describe()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGSTOP holds the receiver still")
def test_a_sender_killed_midway_leaves_a_part_that_its_next_offer_resumes(
    chatgui: Callable[..., Program], tmp_path: Path
) -> None:
    big = sparse(tmp_path / "big.bin", 200 * MIB)
    inbox = tmp_path / "in"
    _host, port, bob = tcp_room(chatgui, inbox)
    alice = chatgui("send-file", "--tcp", "127.0.0.1", str(port), str(big), "--nick", "alice")
    bob.err(r"^Receiving big\.bin: ", timeout=30)
    # Hold the receiver still (what is in flight stays in the buffers), then the sender dies.
    os.kill(bob.popen.pid, signal.SIGSTOP)
    try:
        alice.popen.kill()
        alice.wait_exit()
    finally:
        os.kill(bob.popen.pid, signal.SIGCONT)
    bob.err(r"^Receiving big\.bin failed: the connection ended before the end")
    [part] = inbox.iterdir()
    assert part.name.endswith(PART_SUFFIX)
    kept = part.stat().st_size
    assert 0 < kept < big.stat().st_size
    again = chatgui("send-file", "--tcp", "127.0.0.1", str(port), str(big), "--nick", "alice")
    first = bob.err(r"^Receiving big\.bin: ([\d,]+) of", timeout=30)
    assert int(first[1].replace(",", "")) >= kept  # resumed from the part, not from 0
    match = bob.err(r"^Received big\.bin from alice .*: saved as (.+)$", timeout=60)
    assert Path(match[1]) == inbox / "big.bin"
    assert sha256_of(Path(match[1])) == sha256_of(big)
    assert [p.name for p in inbox.iterdir()] == ["big.bin"]
    assert again.wait_exit() == 0, again.describe()


def test_send_file_refuses_a_folder_and_exits_1(chatgui: Callable[..., Program], tmp_path: Path) -> None:
    host = chatgui("host", "--tcp", "--bind", "127.0.0.1", "--port", "0", "--nick", "ann", "--no-history")
    port = host.listening_port()
    alice = chatgui("send-file", "--tcp", "127.0.0.1", str(port), str(tmp_path), "--nick", "alice")
    alice.err(r"cannot be offered")
    alice.close_stdin()
    assert alice.wait_exit() == 1, alice.describe()
