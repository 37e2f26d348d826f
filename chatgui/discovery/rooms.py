"""What discovery finds and announces: a room, as a frozen value safe to hand across threads."""

from __future__ import annotations

from dataclasses import dataclass

SERVICE_TCP = "_chatgui._tcp.local."
SERVICE_UDP = "_chatgui._udp.local."


@dataclass(frozen=True, slots=True)
class Room:
    """A chatgui room announced on the LAN.

    Attributes:
        key: The DNS-SD service instance name (unique on the network; identifies the room).
        nick: The host's nickname (TXT ``nick``).
        name: The room's name (TXT ``room``), shown to people.
        mode: "tcp" or "udp" (TXT ``mode``; also the service type).
        addresses: Every address the host announced, best first (IPv4 before IPv6,
            link-local IPv6 with its ``%scope``), as plain strings without port.
        port: The port to join.
        version: The host's chatgui version (TXT ``app``).
        secure: A private room (TXT ``secure=1``): joining takes its passphrase. Only a
            hint for the list (anyone can announce anything); the handshake is what decides.
    """

    key: str
    nick: str
    name: str
    mode: str
    addresses: tuple[str, ...]
    port: int
    version: str = ""
    secure: bool = False

    @property
    def host(self) -> str:
        """The address to connect to ("" if none was announced)."""
        return self.addresses[0] if self.addresses else ""
