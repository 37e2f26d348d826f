"""What the socket worker tells the window: frozen events, safe to hand across threads.

The worker never formats a user-visible sentence (that needs ``tr()`` in the GUI
thread): problems travel as a ``Problem`` kind plus the facts needed to explain
them; ``chatgui.sentences`` turns them into words.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Literal

Mode = Literal["tcp", "udp"]
Role = Literal["host", "join", "peer", "broadcast", "multicast"]
DEFAULT_MULTICAST_GROUP = "239.255.50.7"


@dataclass(frozen=True, slots=True)
class SessionConfig:
    """Everything needed to start one session.

    TCP host: listens on ``bind``:``port`` (``bind`` "" = every interface, IPv4 and IPv6).
    TCP join: connects to ``host``:``port``.
    UDP peer: binds ``bind``:``local_port`` (0 = any free port) and sends to ``host``:``port``;
    with ``host`` empty it answers whoever has written to it.
    UDP broadcast: binds ``port`` and sends to the broadcast address of ``interface``
    (a name such as "eth0"; "" = the first interface that has one), with SO_BROADCAST.
    UDP multicast: joins ``group`` (IPv4 or IPv6) on ``interface`` ("" = the system's
    choice), binds ``port``, sends to ``group``:``port`` with ``ttl`` as TTL / hop limit.
    """

    mode: Mode
    role: Role
    nick: str
    host: str = ""
    port: int = 50007
    bind: str = ""
    local_port: int = 0
    raw: bool = False
    line_ending: str = "\n"  # raw mode only: "", "\n" or "\r\n"
    encoding: str = "utf-8"  # raw text in and out: "utf-8", "gb18030", "gbk", "big5"
    echo: bool = False  # host: send every received message back to its sender
    connect_timeout: float = 5.0
    receipt_timeout: float = 2.0
    group: str = DEFAULT_MULTICAST_GROUP  # multicast role only
    ttl: int = 1  # multicast role only: 1 = this network segment
    interface: str = ""  # broadcast / multicast role: an interface name, "" = choose
    # Trust limits (README "Limits"): what one peer may cost, and how long silence is allowed.
    max_members: int = 256  # TCP host: members (connections) at most; one more is refused
    hello_timeout: float = 30.0  # TCP host: closes a connection with no hello and no line by then
    keepalive: float = 5.0  # TCP: a ping after this much quiet, both ways
    dead_after: float = 15.0  # TCP: a peer silent this long (pings unanswered) is given up
    output_budget: int = 64 * 1024 * 1024  # TCP host: queued outgoing bytes for all members
    reconnect: bool = False  # TCP join: on losing the host, try again with back-off (1, 2, 4 ... 30 s)
    # UDP broadcast / multicast: a presence hello to every member this often (0 = none); a member
    # not heard from for three of these is gone.
    presence_interval: float = 5.0
    # A private room: "" = none. Never shown (repr=False): it must not reach a log or a traceback.
    passphrase: str = field(default="", repr=False)
    # TCP host: told to every member in its welcome, so their history of this room is one
    # however they reached it ("" = not told).
    room_id: str = ""
    room_name: str = ""
    # Files (issue 15): offers of more bytes are not shown (a problem says who offered what);
    # ``accept_files`` (headless ``--accept-files DIR``) fetches every offer into that folder.
    max_file_bytes: int = 2 * 1024**3
    accept_files: str = ""


class SessionState(enum.Enum):
    """Where a session is in its life."""

    IDLE = "idle"  # nothing running
    STARTING = "starting"  # resolving, binding, connecting
    ACTIVE = "active"  # listening / connected / bound: messages can be sent
    STOPPING = "stopping"


class Problem(enum.Enum):
    """Everything that can go wrong, each explained by ``chatgui.sentences``."""

    PORT_IN_USE = "port_in_use"  # port
    PORT_PERMISSION = "port_permission"  # port
    ADDRESS_NOT_AVAILABLE = "address_not_available"  # host
    CONNECTION_REFUSED = "connection_refused"  # host, port
    HOST_NOT_FOUND = "host_not_found"  # host
    CONNECT_TIMEOUT = "connect_timeout"  # host, port
    NETWORK_UNREACHABLE = "network_unreachable"  # host
    HOST_CLOSED = "host_closed"  # address: the host we joined went away
    PEER_RESET = "peer_reset"  # address: connection reset
    PEER_TOO_SLOW = "peer_too_slow"  # address, limit: it stopped reading; we closed it (bounded buffer)
    LINE_TOO_LONG = "line_too_long"  # address, limit: the peer sent a line over the limit; closed
    REMOTE_REFUSED = "remote_refused"  # address, detail: the peer sent an ``error`` frame
    TEXT_TOO_LONG = "text_too_long"  # size, limit: refused before sending
    DATAGRAM_TOO_LARGE = "datagram_too_large"  # size, limit: refused before sending
    DATAGRAM_FRAGMENTED = "datagram_fragmented"  # size: sent, with a warning
    NOBODY_LISTENING = "nobody_listening"  # address: UDP port unreachable
    NOT_ENCODABLE = "not_encodable"  # encoding: raw text cannot be written in it
    NO_DESTINATION = "no_destination"  # UDP with no host and nobody heard from yet
    NOT_CONNECTED = "not_connected"  # send while no session is active
    INVALID_PORT = "invalid_port"  # port
    NO_BROADCAST_INTERFACE = "no_broadcast_interface"  # detail: interface name ("" = none at all)
    MULTICAST_UNAVAILABLE = "multicast_unavailable"  # host (the group), detail: the OS's words
    INVALID_GROUP = "invalid_group"  # host: not a multicast address
    ROOM_FULL = "room_full"  # limit, address: host: refused a member over --max-members; join: told so
    OUT_OF_DESCRIPTORS = "out_of_descriptors"  # host: the OS has no file descriptors left; accepting paused
    ACCEPTING_AGAIN = "accepting_again"  # host: descriptors are free again; new members can join (info)
    HELLO_TIMEOUT = "hello_timeout"  # address, limit (seconds): said nothing in time; closed
    OUTPUT_BUDGET = "output_budget"  # address, limit: cut because all members' queued output was too much
    BAD_FRAME = "bad_frame"  # address, detail (field), size, limit: a frame field over its bound
    NICK_INVALID = "nick_invalid"  # address: a nickname with no printable character; refused
    HOST_SILENT = "host_silent"  # address, limit (seconds): the host stopped answering
    MEMBER_SILENT = "member_silent"  # address, detail (nick), limit (seconds): a member stopped answering
    RECONNECT_GAVE_UP = "reconnect_gave_up"  # messages typed while reconnecting could not be sent
    PASSPHRASE_MISMATCH = "passphrase_mismatch"  # address: the handshake's keys differ (wrong passphrase)
    ROOM_PRIVATE = "room_private"  # address: host: refused a client without the passphrase; join: told so
    ROOM_NOT_PRIVATE = "room_not_private"  # address: we have a passphrase, the room has none
    UNREADABLE = "unreadable"  # address, size (count): sealed messages that did not open (tampered, replayed)
    GUESSES_SLOWED = "guesses_slowed"  # address, limit (seconds): repeated wrong passphrases: answers delayed
    HANDSHAKE_TIMEOUT = "handshake_timeout"  # address, limit (seconds): the private-room handshake stalled
    SCOPE_NEEDED = "scope_needed"  # host (fe80::… without %zone), detail: our interfaces, ", "-joined
    FILE_UNREADABLE = "file_unreadable"  # detail (path), code: not a regular file, or it cannot be read
    FILE_TOO_LARGE = "file_too_large"  # detail (path), size, limit: our file is over the room's limit
    FILE_OFFER_TOO_LARGE = "file_offer_too_large"  # address, detail (nick), size, limit: not shown
    FILES_NEED_CHATGUI = "files_need_chatgui"  # raw mode: files go only between chatgui apps
    OS_ERROR = "os_error"  # code: the OS's error number (0: none; then detail, the words we have)


class Severity(enum.Enum):
    """How a problem is shown."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class ProblemOccurred:
    """Something went wrong; ``fatal`` means the session ended because of it."""

    problem: Problem
    severity: Severity = Severity.ERROR
    host: str = ""
    port: int = 0
    address: str = ""  # "host:port" as shown to the user ("[v6]:port" for IPv6)
    size: int = 0
    limit: int = 0
    detail: str = ""
    encoding: str = ""
    fatal: bool = False
    code: int = 0  # the OS's error number (errno or Winsock), 0 when none: told in words, not strerror


@dataclass(frozen=True, slots=True)
class StateChanged:
    """The session moved to ``state``."""

    state: SessionState


@dataclass(frozen=True, slots=True)
class Listening:
    """TCP host listening or UDP socket bound; ``addresses`` are the bound "host:port" strings.

    The broadcast and multicast roles also say where every message goes: ``destination``
    ("192.168.1.255:50007", "239.255.50.7:50007") and the ``interface`` used ("eth0";
    "" when the system chooses).
    """

    addresses: tuple[str, ...]
    port: int
    destination: str = ""
    interface: str = ""


@dataclass(frozen=True, slots=True)
class Connected:
    """TCP join connected to ``remote`` from ``local``."""

    remote: str
    local: str


@dataclass(frozen=True, slots=True)
class ChatReceived:
    """A chat message from someone else (``sender`` is "host:port" it came from)."""

    nick: str
    text: str
    sender: str
    peer: str = ""
    seq: int = 0
    ts: float = 0.0


@dataclass(frozen=True, slots=True)
class RawReceived:
    """Bytes that were not a chatgui frame, decoded with the session's encoding."""

    sender: str
    text: str
    data: bytes = b""


@dataclass(frozen=True, slots=True)
class ChatSent:
    """Our own message went out; ``expects_receipt`` says whether a receipt may follow."""

    msg_id: int
    nick: str
    text: str
    expects_receipt: bool
    raw: bool = False
    destinations: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class ReceiptReceived:
    """A receipt (``ack``) for our message ``msg_id`` came back after ``rtt`` seconds."""

    msg_id: int
    rtt: float


@dataclass(frozen=True, slots=True)
class ReceiptMissing:
    """No receipt for our message ``msg_id`` within the receipt timeout.

    ``not_sent``: it never left this computer (typed while reconnecting, then cancelled or
    over what may wait).
    """

    msg_id: int
    not_sent: bool = False


@dataclass(frozen=True, slots=True)
class PeerJoined:
    """Someone joined the room (``address`` empty when only the host knows it)."""

    nick: str
    address: str = ""


@dataclass(frozen=True, slots=True)
class PeerLeft:
    """Someone left the room (``silent``: a UDP group member not heard from for that many seconds)."""

    nick: str
    address: str = ""
    silent: float = 0.0


@dataclass(frozen=True, slots=True)
class RosterChanged:
    """Who is in the room now (host included)."""

    nicks: tuple[str, ...]


class CheckOutcome(enum.Enum):
    """What a reachability check found (``Backend.check``)."""

    WORKS = "works"  # TCP: a connection was accepted; UDP: a chatgui peer answered
    NOT_FOUND = "not_found"  # the name does not resolve
    REFUSED = "refused"  # TCP: nothing listens there; UDP: the OS said port unreachable
    TIMED_OUT = "timed_out"  # no answer at all: a firewall, or a wrong address
    UNREACHABLE = "unreachable"  # no route to that network from this computer
    NO_ANSWER = "no_answer"  # UDP: sent, nothing came back (not a chatgui peer, or dropped)
    ERROR = "error"  # anything else; ``detail`` has the OS's words


@dataclass(frozen=True, slots=True)
class CheckFinished:
    """The result of ``Backend.check(mode, host, port)``; ``address`` is what the name resolved to."""

    mode: Mode
    host: str
    port: int
    outcome: CheckOutcome
    address: str = ""
    rtt: float = 0.0
    detail: str = ""
    code: int = 0  # the OS's error number behind an ERROR outcome (0: none)


@dataclass(frozen=True, slots=True)
class NickAssigned:
    """The host knows us under ``nick`` (``requested`` was taken or needed cleaning)."""

    nick: str
    requested: str


@dataclass(frozen=True, slots=True)
class RoomIdentified:
    """The TCP host told us its room's stable identity ``room`` and the room's ``name`` ("" = none)."""

    room: str
    name: str


@dataclass(frozen=True, slots=True)
class RoomCode:
    """A private TCP room's code for ``address``: the same on both ends unless someone is in between."""

    address: str
    code: str


@dataclass(frozen=True, slots=True)
class Reconnecting:
    """The connection to ``address`` was lost; attempt ``attempt`` starts in ``delay`` seconds."""

    address: str
    attempt: int
    delay: float


@dataclass(frozen=True, slots=True)
class Reconnected:
    """Back in the room at ``address`` after ``attempt`` attempts."""

    address: str
    attempt: int


@dataclass(frozen=True, slots=True)
class FileOffered:
    """Someone in the room offers a file (``own``: our offer, now in the room).

    ``name`` is already cleaned (``protocol.files.safe_name``); ``risky`` says it is an
    executable or a script; ``thumb`` is the offer's small picture (PNG or JPEG, untrusted:
    decode it off the GUI thread with a cap), empty when none.
    """

    offer_id: str
    nick: str
    sender: str  # "host:port" of the peer it came from ("" for our own)
    name: str
    size: int
    sha256: str
    mime: str = ""
    thumb: bytes = b""
    own: bool = False
    risky: bool = False


@dataclass(frozen=True, slots=True)
class FileWithdrawn:
    """The offer ``offer_id`` was withdrawn by its sender (or the sender left the room)."""

    offer_id: str


@dataclass(frozen=True, slots=True)
class TransferProgress:
    """How far one transfer is: ``direction`` "send" (one receiver, ``peer``), "receive" or "prepare".

    "prepare" is our own file being read and hashed before it is offered (``peer`` empty).
    ``rate`` is bytes per second, smoothed; at most about ten of these a second per transfer.
    """

    offer_id: str
    direction: str
    peer: str
    done: int
    total: int
    rate: float = 0.0


@dataclass(frozen=True, slots=True)
class TransferFinished:
    """A transfer ended, well or not (``outcome``).

    "ok": received, ``path`` is the file; "sent": one receiver (``peer``) has it all; else why
    not: "hash", "cancelled", "vanished", "disk", "refused", "unreachable", "changed",
    "protocol", "in-progress", "too-large", "unreadable". ``reason`` is the other side's word
    for a refusal; ``code`` the OS's error number (0: none).
    """

    offer_id: str
    direction: str
    peer: str
    outcome: str
    path: str = ""
    reason: str = ""
    code: int = 0


@dataclass(frozen=True, slots=True)
class SessionEnded:
    """The session is over (stopped by us, or by a fatal problem reported just before)."""

    by_user: bool


Event = (
    ProblemOccurred
    | StateChanged
    | Listening
    | Connected
    | ChatReceived
    | RawReceived
    | ChatSent
    | ReceiptReceived
    | ReceiptMissing
    | PeerJoined
    | PeerLeft
    | RosterChanged
    | SessionEnded
    | CheckFinished
    | NickAssigned
    | Reconnecting
    | Reconnected
    | RoomCode
    | RoomIdentified
    | FileOffered
    | FileWithdrawn
    | TransferProgress
    | TransferFinished
)
