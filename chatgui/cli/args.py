"""The command line of ``python main.py``: the argparse parser and the session it asks for."""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Callable
from pathlib import Path

from chatgui.cli.argparse_words import output_help
from chatgui.cli.base import tr as _t
from chatgui.cli.files import add_accept_files, add_send_file
from chatgui.cli.lab import add_lab_commands
from chatgui.cli.passphrase import PASSPHRASE_ENV, add_passphrase_options
from chatgui.events import DEFAULT_MULTICAST_GROUP, SessionConfig
from chatgui.protocol.raw import ENCODINGS, LINE_ENDINGS

DEFAULT_PORT = 50007


def default_nick() -> str:
    """The OS user name, or "me" when the system cannot tell."""
    try:
        return getpass.getuser() or "me"
    except (KeyError, OSError, ImportError):
        return "me"


def _port(lowest: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        try:
            port = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(_t("{value} is not a number").format(value=value)) from None
        if not lowest <= port <= 65535:
            raise argparse.ArgumentTypeError(
                _t("{port} is not a port: use a number from {lowest} to 65535").format(
                    port=port, lowest=lowest
                )
            )
        return port

    return parse


def _positive_seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_t("{value} is not a number").format(value=value)) from None
    if not 0 < seconds <= 3600:
        raise argparse.ArgumentTypeError(
            _t("{value} is not a time: use seconds from 0.1 to 3600").format(value=value)
        )
    return seconds


def _ttl(value: str) -> int:
    try:
        ttl = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_t("{value} is not a number").format(value=value)) from None
    if not 1 <= ttl <= 255:
        raise argparse.ArgumentTypeError(_t("{ttl} is not a TTL: use a number from 1 to 255").format(ttl=ttl))
    return ttl


MAX_MEMBERS_CAP = 400
"""The most members a host may allow: the roster of a full room must fit in one 64 KiB line."""


def _whole(lowest: int, highest: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(_t("{value} is not a number").format(value=value)) from None
        if not lowest <= number <= highest:
            raise argparse.ArgumentTypeError(
                _t("{value} is out of range: use a number from {lowest} to {highest}").format(
                    value=number, lowest=lowest, highest=highest
                )
            )
        return number

    return parse


def _add_liveness(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--keepalive",
        type=_positive_seconds,
        default=5.0,
        metavar="SECONDS",
        help=_t("TCP: send a ping after this many seconds of quiet (default: %(default)s)"),
    )
    parser.add_argument(
        "--dead-after",
        type=_positive_seconds,
        default=15.0,
        metavar="SECONDS",
        help=_t(
            "TCP: give up on the other side after this many seconds without an answer (default: %(default)s)"
        ),
    )


def _add_common(parser: argparse.ArgumentParser) -> None:
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--tcp", dest="mode", action="store_const", const="tcp", help=_t("use TCP"))
    mode.add_argument("--udp", dest="mode", action="store_const", const="udp", help=_t("use UDP"))
    parser.add_argument(
        "--nick",
        default=default_nick(),
        help=_t("your nickname (default: your user name, here %(default)s)"),
    )
    parser.add_argument(
        "--raw",
        action="store_true",
        help=_t(
            "raw mode: send each stdin line as plain bytes in --encoding with --line-ending, no JSON "
            "(to talk to nc, socat and tutorial socket scripts)"
        ),
    )
    parser.add_argument(
        "--line-ending",
        choices=list(LINE_ENDINGS),
        default="lf",
        help=_t("raw mode: what ends each line sent (default: %(default)s)"),
    )
    parser.add_argument(
        "--encoding",
        type=str.lower,
        choices=list(ENCODINGS),
        default="utf-8",
        help=_t("encoding of raw text sent and received (default: %(default)s)"),
    )
    add_passphrase_options(parser)
    keep = parser.add_mutually_exclusive_group()
    keep.add_argument(
        "--history",
        metavar="PATH",
        type=Path,
        help=_t(
            "the SQLite file to keep this session's messages in (default: the window's history, "
            "so the window shows this room's messages when it opens the room)"
        ),
    )
    keep.add_argument("--no-history", action="store_true", help=_t("keep no history of this session"))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python main.py``, with examples in every ``--help``."""
    parser = argparse.ArgumentParser(
        prog="main.py",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_t(
            "chatgui: chat over TCP or UDP on a LAN. With no arguments, opens the window;\n"
            "the commands below run without a window."
        ),
        epilog=_t(
            "examples:\n"
            "  python main.py                                  # the window\n"
            "  python main.py host --tcp --port 50007          # host a room\n"
            "  python main.py join --tcp 192.168.1.5 50007     # join it from another computer\n"
            "  python main.py host --udp --port 50007          # a UDP peer answering whoever writes\n"
            "  python main.py join --udp 192.168.1.5 50007     # a UDP peer writing to it\n"
            "  python main.py host --tcp --raw --echo          # a tutorial-style echo server\n"
            "  python main.py discover                         # the rooms announced on this network\n"
            "  python main.py host --udp --broadcast           # everyone in broadcast mode on the subnet\n"
            "  python main.py host --udp --multicast 239.255.50.7  # everyone in that group\n"
            "  python main.py --self-test                      # TCP and UDP on this computer\n\n"
            "Run 'python main.py host --help', 'python main.py join --help' or\n"
            "'python main.py discover --help' for details."
        ),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_t("exchange messages over TCP and UDP on 127.0.0.1 inside this process; exit 0 if all works"),
    )
    commands = parser.add_subparsers(
        dest="command", metavar="{host,join,send-file,discover,lab,lab-peer}", title=_t("commands")
    )

    host = commands.add_parser(
        "host",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        help=_t("host a TCP room, or be a UDP peer that answers whoever writes to it"),
        description=_t(
            "Host a room. --tcp: listen on --bind:--port, accept many people, relay every message "
            "to the others.\n--udp: bind --port and answer whoever writes (what you type goes to "
            "everyone heard from).\nWith --port 0 the system chooses a free port; it is printed on "
            'stderr ("Listening on port N").\n'
            "The room is announced on the local network (multicast DNS) so that others find it\n"
            "with 'python main.py discover' or in the window's room list; --no-announce keeps it quiet.\n"
            "--udp --broadcast: send to the broadcast address of --interface and receive on --port.\n"
            "--udp --multicast GROUP: join GROUP, send to it and receive from it on --port (--ttl N).\n"
            "With a passphrase (--passphrase-file PATH or CHATGUI_PASSPHRASE) the room is private:\n"
            "everything is encrypted, it is announced with a lock (never the passphrase), and only\n"
            "people with the same passphrase can join.\n\n"
        )
        + output_help(),
        epilog=_t(
            "examples:\n"
            "  python main.py host --tcp                       # port 50007, every interface\n"
            "  python main.py host --tcp --port 0 --nick ann   # any free port\n"
            "  python main.py host --udp --bind 127.0.0.1 --port 9999\n"
            "  python main.py host --tcp --raw --echo          # echo server for nc / tutorial clients\n"
            "  python main.py host --tcp --raw --encoding gbk  # talk to a GBK program\n"
            "  python main.py host --tcp --room 'Lab 3'        # announced as 'Lab 3'\n"
            "  python main.py host --tcp --passphrase-file ~/.lab3-passphrase  # a private room\n"
            "  python main.py host --udp --broadcast --interface eth0\n"
            "  python main.py host --udp --multicast 239.255.50.7 --ttl 1\n"
            "  python main.py host --udp --multicast ff12::50:7 --interface eth0"
        ),
    )
    _add_common(host)
    add_accept_files(host)
    host.add_argument(
        "--port",
        type=_port(0),
        default=DEFAULT_PORT,
        help=_t("port to listen on (default: %(default)s; 0 = any free port)"),
    )
    host.add_argument(
        "--bind",
        default="",
        metavar="ADDR",
        help=_t("address to listen on (default: every interface, IPv4 and IPv6)"),
    )
    host.add_argument(
        "--echo",
        action="store_true",
        help=_t("send every received message back to its sender (raw stays raw), like tutorial echo servers"),
    )

    host.add_argument(
        "--max-members",
        type=_whole(1, MAX_MEMBERS_CAP),
        default=256,
        metavar="N",
        help=_t(
            "TCP: the most connections at once; one more is told the room is full (default: %(default)s)"
        ),
    )
    host.add_argument(
        "--hello-timeout",
        type=_positive_seconds,
        default=30.0,
        metavar="SECONDS",
        help=_t(
            "TCP: close a connection that has neither introduced itself nor sent a line by then "
            "(default: %(default)s)"
        ),
    )
    host.add_argument(
        "--output-budget",
        type=_whole(1, 4096),
        default=64,
        metavar="MIB",
        help=_t(
            "TCP: the most output waiting for all members together, in MiB; past it the slowest "
            "members are disconnected first (default: %(default)s)"
        ),
    )
    _add_liveness(host)

    host.add_argument(
        "--room",
        metavar="NAME",
        help=_t("the room's name announced on the network (default: \"NICK's room\")"),
    )
    host.add_argument(
        "--no-announce",
        dest="announce",
        action="store_false",
        help=_t("do not announce the room on the network (others can still join by address)"),
    )
    group = host.add_mutually_exclusive_group()
    group.add_argument(
        "--broadcast",
        action="store_true",
        help=_t("UDP: send to the broadcast address of --interface; receive broadcasts on --port"),
    )
    group.add_argument(
        "--multicast",
        metavar="GROUP",
        help=_t("UDP: join the multicast GROUP (IPv4 or IPv6, e.g. %(example)s), send to it, receive from it")
        % {"example": DEFAULT_MULTICAST_GROUP},
    )
    host.add_argument(
        "--ttl",
        type=_ttl,
        metavar="N",
        help=_t("multicast: how many routers a message may cross (default: 1, this network only)"),
    )
    host.add_argument(
        "--interface",
        default="",
        metavar="NAME",
        help=_t(
            "broadcast/multicast: the network interface to use, e.g. eth0 (default: the system's choice)"
        ),
    )

    join = commands.add_parser(
        "join",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        help=_t("join a TCP room, or write to a UDP peer"),
        description=_t(
            "Join a room. --tcp: connect to HOST:PORT (5 s timeout). --udp: send each line as one "
            "datagram to HOST:PORT\nand receive from anyone on --local-port.\n\n"
        )
        + output_help(),
        epilog=_t(
            "examples:\n"
            "  python main.py join --tcp 192.168.1.5 50007 --nick bob\n"
            "  CHATGUI_PASSPHRASE='maple-river-candle-orbit' python main.py join --tcp 192.168.1.5 50007\n"
            "  python main.py join --udp ::1 50007 --local-port 50008\n"
            "  python main.py join --tcp [fd00::2]:50007       # as the host's window shows it\n"
            "  python main.py join --tcp --raw 127.0.0.1 65432  # a tutorial echo server"
        ),
    )
    _add_common(join)
    join.add_argument(
        "host", metavar="HOST", help=_t("name or address of the other side, or HOST:PORT, [v6]:PORT")
    )
    join.add_argument("port", metavar="PORT", type=_port(1), nargs="?", help=_t("its port"))
    join.add_argument(
        "--local-port",
        type=_port(0),
        default=0,
        metavar="N",
        help=_t("UDP only: the local port to receive on (default: 0 = any free port)"),
    )
    join.add_argument(
        "--reconnect",
        action="store_true",
        help=_t(
            "TCP: when the host goes away or stops answering, join again after 1, 2, 4 ... 30 s "
            "until it is back (Ctrl+C to give up); lines typed meanwhile are sent once back"
        ),
    )
    _add_liveness(join)
    add_accept_files(join)

    discover = commands.add_parser(
        "discover",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        help=_t("list the chatgui rooms announced on this network"),
        description=_t(
            "Listen for rooms announced on the local network (multicast DNS) for --timeout seconds,\n"
            "then print one line per room: NICK  MODE  HOST  PORT  ROOM.\n"
            "Exit status 0 (also when none is found: then a note on stderr), 1 when multicast does\n"
            "not work on this computer. Announcements do not cross routers."
        ),
        epilog=_t(
            "examples:\n"
            "  python main.py discover\n"
            "  python main.py discover --timeout 10\n"
            "  python main.py join --tcp HOST PORT             # then join one of them"
        ),
    )
    discover.add_argument(
        "--timeout",
        type=_positive_seconds,
        default=3.0,
        metavar="SECONDS",
        help=_t("how long to listen (default: %(default)s)"),
    )
    add_lab_commands(commands)
    add_send_file(commands, _port)
    return parser


def usage_problem(args: argparse.Namespace, passphrase: str = "") -> str:
    """What is wrong with a parsed ``host``/``join`` command line that argparse cannot tell ("" = nothing)."""
    if passphrase and getattr(args, "raw", False):
        return _t(
            "--raw cannot be used in a private room: raw text is sent as typed, which anyone on the "
            "network can read. Leave out --raw, or the passphrase (--passphrase-file, {env})"
        ).format(env=PASSPHRASE_ENV)
    if args.command != "host":
        return ""
    if (args.broadcast or args.multicast) and args.mode != "udp":
        return _t("--broadcast and --multicast need --udp")
    if args.ttl is not None and not args.multicast:
        return _t("--ttl applies to --multicast only")
    if args.interface and not (args.broadcast or args.multicast):
        return _t("--interface applies to --broadcast and --multicast only")
    return ""


def announced_room(args: argparse.Namespace) -> str | None:
    """The room name a ``host`` command announces on the network, or None when it announces nothing."""
    if args.command != "host" or not args.announce or args.broadcast or args.multicast:
        return None
    room = args.room if args.room and args.room.strip() else _t("{nick}'s room").format(nick=args.nick)
    return room


def history_path(args: argparse.Namespace) -> Path | None:
    """The history file a parsed ``host`` or ``join`` command line records in, or None for none."""
    if args.no_history:
        return None
    if args.history is not None:
        return Path(args.history)
    from chatgui.history.bridge import app_data_folder  # asks Qt where the data folder is
    from chatgui.history.store import default_path

    return default_path(app_data_folder())


def config_from_args(args: argparse.Namespace, passphrase: str = "") -> SessionConfig:
    """The session a parsed ``host`` or ``join`` command line asks for.

    ``passphrase`` (from :func:`passphrase_from_args`) makes it a private room.
    """
    common = {
        "passphrase": passphrase,
        "nick": args.nick,
        "raw": args.raw,
        "line_ending": LINE_ENDINGS[args.line_ending],
        "encoding": args.encoding,
        "accept_files": str(args.accept_files or ""),
    }
    if args.command == "host":
        if args.broadcast:
            return SessionConfig(
                mode="udp",
                role="broadcast",
                bind=args.bind,
                port=args.port,
                local_port=args.port,
                interface=args.interface,
                **common,
            )
        if args.multicast:
            return SessionConfig(
                mode="udp",
                role="multicast",
                bind=args.bind,
                port=args.port,
                local_port=args.port,
                group=args.multicast,
                ttl=args.ttl if args.ttl is not None else 1,
                interface=args.interface,
                **common,
            )
        if args.mode == "tcp":
            return SessionConfig(
                mode="tcp",
                role="host",
                bind=args.bind,
                port=args.port,
                echo=args.echo,
                max_members=args.max_members,
                hello_timeout=args.hello_timeout,
                output_budget=args.output_budget * 1024 * 1024,
                keepalive=args.keepalive,
                dead_after=args.dead_after,
                **common,
            )
        return SessionConfig(
            mode="udp",
            role="peer",
            host="",
            bind=args.bind,
            local_port=args.port,
            port=args.port,
            echo=args.echo,
            **common,
        )
    if args.mode == "tcp":
        return SessionConfig(
            mode="tcp",
            role="join",
            host=args.host,
            port=args.port,
            reconnect=args.reconnect,
            keepalive=args.keepalive,
            dead_after=args.dead_after,
            **common,
        )
    return SessionConfig(
        mode="udp", role="peer", host=args.host, port=args.port, local_port=args.local_port, **common
    )
