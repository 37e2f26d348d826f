"""A LAN of three hosts on this machine: network namespaces joined by a bridge.

::

    ns <prefix>-a  veth "lan-a" 10.213.0.1/24 ─┐
    ns <prefix>-b  veth "lan-b" 10.213.0.2/24 ─┼─ bridge "br0" in ns <prefix>-br
    ns <prefix>-c  veth "lan-c" 10.213.0.3/24 ─┘

Every link is created inside a namespace (never in the root namespace), the bridge
lives in its own namespace and has no address, and the hosts have no route but their
/24, link-local IPv6 and multicast on their veth: there is no way out, so no traffic
leaves the namespaces. Deleting the namespaces deletes every link (a veth dies with
either end). Namespace names carry the pid of the test run, so parallel runs do not
collide and leftovers of a dead run can be recognised and removed.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

NAME_PREFIX = "cglan"  # every namespace this module makes starts with it: cglan<pid>-<tag>-<host>
SUBNET = "10.213.0"  # a private /24 that exists only inside the namespaces
T = TypeVar("T")
READY_TIMEOUT = 15.0  # upper bound for the links and IPv6 addresses to come up; a healthy run takes < 1 s


class LanError(RuntimeError):
    """An ``ip`` command failed while building or inspecting the LAN."""


def ip(arguments: str, netns: str | None = None, check: bool = True) -> str:
    """Run ``ip [-n NETNS] ARGUMENTS`` (split on spaces) and return its stdout.

    Raises LanError with ip's own words when it fails (unless ``check`` is false).
    """
    command = ["ip", *(("-n", netns) if netns else ()), *arguments.split()]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=30)
    if check and done.returncode != 0:
        raise LanError(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


def in_netns(netns: str, *args: str) -> list[str]:
    """The argv that runs ``args`` inside namespace ``netns``."""
    return ["ip", "netns", "exec", netns, *args]


def sysctl(netns: str, key: str, value: str) -> None:
    """Set a sysctl of one namespace (``/proc/sys/net`` is per namespace)."""
    done = subprocess.run(
        in_netns(netns, "sysctl", "-qw", f"{key}={value}"),
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    if done.returncode != 0:
        raise LanError(f"sysctl {key}={value} in {netns} failed: {done.stderr.strip()}")


def missing_requirement() -> str | None:
    """Why this machine cannot build the LAN (a reason to skip), or None if it can."""
    # The real cause first: as a user, sysctl and ip live in /usr/sbin, off PATH, and would be
    # named missing while what is missing is root.
    if os.name != "posix" or not os.path.isdir("/proc/sys/net"):
        return "needs Linux network namespaces"
    if os.geteuid() != 0:
        return "needs root (ip netns add, veth pairs and nft rules are root's)"
    search = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"])
    if shutil.which("ip", path=search) is None:
        return "needs iproute2 (ip)"
    if shutil.which("sysctl", path=search) is None:
        return "needs procps (sysctl)"
    return None


def namespaces() -> list[str]:
    """Names of every network namespace ``ip netns`` knows."""
    return [line.split()[0] for line in ip("netns list").splitlines() if line.strip()]


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_namespace(name: str) -> None:
    """Kill what still runs in namespace ``name`` (only ours: it is ours by name), then delete it.

    ``ip netns del`` only drops the name; a process left inside would keep the
    namespace and its links alive, so those processes are ended first by pid.
    """
    pids = ip(f"netns pids {name}", check=False).split()
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, ValueError):
            os.kill(int(pid), 9)
    ip(f"netns del {name}", check=False)


def remove_leftovers() -> list[str]:
    """Delete namespaces left by earlier runs whose process is gone; return their names."""
    pattern = re.compile(rf"^{NAME_PREFIX}(\d+)-")
    removed = []
    for name in namespaces():
        match = pattern.match(name)
        if match and not _pid_alive(int(match[1])):
            remove_namespace(name)
            removed.append(name)
    return removed


@dataclass(frozen=True)
class Host:
    """One computer of the LAN: a namespace with one veth on the bridge."""

    label: str  # "a", "b", "c"
    netns: str
    interface: str  # the veth's name inside the namespace, e.g. "lan-a"
    ipv4: str
    link_local: str = ""  # fe80::… without a scope; filled once DAD is over

    def link_local_from(self, other: Host) -> str:
        """This host's link-local address as ``other`` writes it: scoped to ``other``'s interface."""
        return f"{self.link_local}%{other.interface}"

    def command(self, *args: str) -> list[str]:
        """The argv that runs ``args`` on this host."""
        return in_netns(self.netns, *args)


@dataclass
class Lan:
    """The three hosts and the namespace holding the bridge."""

    prefix: str
    bridge_netns: str
    hosts: dict[str, Host] = field(default_factory=dict)

    @property
    def namespaces(self) -> list[str]:
        """Every namespace of this LAN, the bridge's last."""
        return [host.netns for host in self.hosts.values()] + [self.bridge_netns]

    def remove(self) -> None:
        """Delete every namespace (and with them every link) of this LAN."""
        for name in self.namespaces:
            remove_namespace(name)


def _link_local(netns: str, interface: str) -> str | None:
    """The interface's fe80:: address once it is usable (not tentative), else None."""
    for line in ip(f"-6 -o addr show dev {interface} scope link", netns=netns).splitlines():
        match = re.search(r"inet6 (fe80::[0-9a-f:]+)/64", line)
        if match and "tentative" not in line:
            return match[1]
    return None


def _port_forwarding(netns: str, port: str) -> bool:
    return "state forwarding" in ip(f"-d link show dev {port}", netns=netns)


def _wait(condition_name: str, probe: Callable[[], T | None], deadline: float) -> T:
    """Poll ``probe()`` until it returns something truthy; the deadline is only an upper bound."""
    delay = 0.005
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise LanError(f"{condition_name} not ready in {READY_TIMEOUT} s")
        # Polling the kernel's state (there is no event to wait on from here); short and bounded.
        time.sleep(delay)  # sleep-ok: polling kernel state with no event to wait on, bounded by deadline
        delay = min(delay * 2, 0.1)


def build_lan(labels: tuple[str, ...] = ("a", "b", "c"), tag: str = "lan") -> Lan:
    """Create the namespaces, the bridge and one veth per host, and wait until all is up.

    ``tag`` tells apart several LANs of one process. On any failure, whatever was created
    is removed before the error propagates.
    """
    prefix = f"{NAME_PREFIX}{os.getpid()}-{tag}"
    lan = Lan(prefix=prefix, bridge_netns=f"{prefix}-br")
    try:
        ip(f"netns add {lan.bridge_netns}")
        # The bridge needs no IPv6 of its own: it only switches frames between the hosts.
        sysctl(lan.bridge_netns, "net.ipv6.conf.all.disable_ipv6", "1")
        sysctl(lan.bridge_netns, "net.ipv6.conf.default.disable_ipv6", "1")
        # No STP delay; no IGMP/MLD snooping, so multicast is flooded to every port like a
        # plain unmanaged switch does (without a querier, snooping can drop groups).
        ip("link add br0 type bridge stp_state 0 forward_delay 0 mcast_snooping 0", netns=lan.bridge_netns)
        ip("link set br0 up", netns=lan.bridge_netns)
        for number, label in enumerate(labels, start=1):
            netns = f"{prefix}-{label}"
            interface = f"lan-{label}"
            port = f"port-{label}"
            ip(f"netns add {netns}")
            lan.hosts[label] = Host(label, netns, interface, f"{SUBNET}.{number}")
            # The link-local address is usable at once instead of after ~1-2 s of DAD (the
            # LAN is ours: no duplicate can exist). Set before the veth exists, so it inherits it.
            sysctl(netns, "net.ipv6.conf.default.accept_dad", "0")
            sysctl(netns, "net.ipv6.conf.all.accept_dad", "0")
            ip(f"link add {interface} type veth peer name {port} netns {lan.bridge_netns}", netns=netns)
            ip(f"link set {port} master br0 up", netns=lan.bridge_netns)
            ip("link set lo up", netns=netns)
            # `brd +`: a broadcast address, as DHCP gives every real LAN host (iproute2 sets none).
            ip(f"addr add {SUBNET}.{number}/24 brd + dev {interface}", netns=netns)
            ip(f"link set {interface} multicast on up", netns=netns)
            # Multicast sends need a route when the socket names no interface; a real host
            # uses its default route, these have none (so nothing can be routed out).
            ip(f"route add 224.0.0.0/4 dev {interface}", netns=netns)
        deadline = time.monotonic() + READY_TIMEOUT
        for label, host in list(lan.hosts.items()):
            _wait(
                f"bridge port port-{label}",
                functools.partial(_port_forwarding, lan.bridge_netns, f"port-{label}"),
                deadline,
            )
            address = _wait(
                f"IPv6 link-local address of {host.interface}",
                functools.partial(_link_local, host.netns, host.interface),
                deadline,
            )
            lan.hosts[label] = Host(host.label, host.netns, host.interface, host.ipv4, address)
    except BaseException:
        lan.remove()
        raise
    return lan


@contextlib.contextmanager
def lan_of_three(tag: str = "lan") -> Iterator[Lan]:
    """Build the LAN, yield it, and remove it whatever happens inside."""
    remove_leftovers()
    lan = build_lan(tag=tag)
    try:
        yield lan
    finally:
        lan.remove()
