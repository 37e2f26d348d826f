"""A real network: two namespaces on a veth pair, nft dropping 20% of packets into the peer's.

Needs root, ``ip`` and ``nft`` (CI runs as root); skipped with the reason otherwise. The
lab runs with no in-app impairment: what it reports is what the kernel did. The addresses
live only inside the two namespaces (a /30 nobody routes), and teardown always deletes
both namespaces, which removes the veth pair and the nft table with them.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DROP_PERCENT = 20
PEER_ADDRESS = "10.254.87.2"
LAB_ADDRESS = "10.254.87.1"
PORT = 50008


def _missing() -> str:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "needs root to create network namespaces"
    for tool in ("ip", "nft"):
        if shutil.which(tool) is None:
            return f"needs the '{tool}' command (Debian: iproute2, nftables)"
    return ""


pytestmark = pytest.mark.skipif(bool(_missing()), reason=_missing() or "ok")


@dataclass
class Pair:
    lab: str
    peer: str


def _ip(*args: str) -> None:
    subprocess.run(["ip", *args], check=True, capture_output=True, timeout=20)


@pytest.fixture
def namespaces() -> Iterator[Pair]:
    tag = secrets.token_hex(3)
    pair = Pair(lab=f"cglab-a-{tag}", peer=f"cglab-b-{tag}")
    veth_a, veth_b = f"cgla{tag}", f"cglb{tag}"
    try:
        try:
            _ip("netns", "add", pair.lab)
            _ip("netns", "add", pair.peer)
        except subprocess.CalledProcessError as exc:
            pytest.skip(f"cannot create network namespaces here: {exc.stderr.decode().strip()}")
        veth = ("type", "veth", "peer", "name", veth_b, "netns", pair.peer)
        _ip("link", "add", veth_a, "netns", pair.lab, *veth)
        for ns, veth, address in ((pair.lab, veth_a, LAB_ADDRESS), (pair.peer, veth_b, PEER_ADDRESS)):
            _ip("-n", ns, "addr", "add", f"{address}/30", "dev", veth)
            _ip("-n", ns, "link", "set", veth, "up")
            _ip("-n", ns, "link", "set", "lo", "up")
        yield pair
    finally:
        for ns in (pair.lab, pair.peer):
            subprocess.run(["ip", "netns", "del", ns], capture_output=True, timeout=20, check=False)


def _in(ns: str, *argv: str) -> list[str]:
    return ["ip", "netns", "exec", ns, *argv]


def _drop_into(ns: str, percent: int) -> None:
    script = (
        "add table inet lab\n"
        "add chain inet lab input { type filter hook input priority 0; policy accept; }\n"
        f"add rule inet lab input numgen random mod 100 < {percent} drop\n"
    )
    subprocess.run(_in(ns, "nft", "-f", "-"), input=script.encode(), check=True, timeout=20)


def test_kernel_loss_hits_udp_and_costs_tcp_only_time(namespaces: Pair) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    peer = subprocess.Popen(
        _in(namespaces.peer, sys.executable, "-m", "chatgui.lab", "lab-peer", "--bind", PEER_ADDRESS),
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert peer.stdout is not None
        # The peer says so once it is bound: only then can the run start.
        ready = peer.stdout.readline().decode()
        assert "Answering lab traffic" in ready, peer.stderr.read().decode() if peer.stderr else ready
        _drop_into(namespaces.peer, DROP_PERCENT)
        run = subprocess.run(
            _in(
                namespaces.lab,
                sys.executable,
                "-m",
                "chatgui.lab",
                "lab",
                "--peer",
                f"{PEER_ADDRESS}:{PORT}",
                "--count",
                "1000",
                "--json",
            ),
            cwd=ROOT,
            env=env,
            capture_output=True,
            timeout=120,
            check=False,
        )
    finally:
        peer.terminate()
        peer.communicate(timeout=10)  # reaps it and closes its pipes
    assert run.returncode == 0, run.stderr.decode()
    shape = json.loads(run.stdout)
    udp, tcp = shape["udp"], shape["tcp"]
    udp_loss = 100.0 * udp["lost"] / udp["sent"]
    assert abs(udp_loss - DROP_PERCENT) <= 5, shape
    assert udp["injected"]["lost"] == 0
    assert (tcp["sent"], tcp["delivered"], tcp["lost"], tcp["reordered"]) == (1000, 1000, 0, 0)
