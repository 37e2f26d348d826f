"""Headless commands: host a room, join one, list rooms, or check the machine, on the window's backend.

``python main.py host …`` and ``python main.py join …`` read lines on stdin and send them;
every received message is printed on stdout as ``SENDER: TEXT``; connection events and
problems go to stderr as the same sentences the window shows. Only ``QCoreApplication`` is
used here (never QtWidgets), so these commands start fast and run without a display.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from chatgui import i18n
from chatgui.cli.argparse_words import speak_argparse
from chatgui.cli.args import (
    announced_room,
    build_parser,
    config_from_args,
    default_nick,
    history_path,
    usage_problem,
)
from chatgui.cli.base import EXIT_USAGE, application, utf8_streams
from chatgui.cli.base import tr as _t
from chatgui.cli.discover import run_discover
from chatgui.cli.files import send_file_config
from chatgui.cli.lab import LAB_COMMANDS, run_lab_command
from chatgui.cli.passphrase import PassphraseUnusable, passphrase_from_args
from chatgui.cli.selftest import run_self_test
from chatgui.cli.session import run_session
from chatgui.cli.target import settle_target
from chatgui.net.fdlimit import raise_open_file_limit


def main(argv: Sequence[str]) -> int:
    """Run a headless command.

    Args:
        argv: the command line without the program name (``sys.argv[1:]``).

    Returns:
        The exit status: 0 on a normal end, 1 on a failure (explained on stderr), 2 for usage.
    """
    utf8_streams()
    # The terminal's language, as the window follows the system's (LC_ALL, LC_MESSAGES, LANG):
    # learners run these commands in a Chinese terminal beside tutorial scripts.
    # (English needs no translator, and no QCoreApplication made before the command needs one.)
    if i18n.system_language() != i18n.ENGLISH:
        i18n.install_translator(application(), i18n.SYSTEM)
        speak_argparse()
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:  # --help, or a usage error already printed by argparse
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.self_test:
        if args.command:
            parser.error(_t("--self-test takes no command"))
        return run_self_test()
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if args.command == "discover":
        return run_discover(args.timeout)
    if args.command in LAB_COMMANDS:
        return run_lab_command(args)
    try:
        passphrase = passphrase_from_args(args)
    except PassphraseUnusable as exc:
        parser.error(str(exc))  # exits with status 2 after printing the usage
    if args.command == "send-file":
        config = send_file_config(args, args.nick or default_nick(), passphrase)
        return run_session(config, None, None, send_files=args.paths)
    problem = usage_problem(args, passphrase) or settle_target(args)
    if problem:
        parser.error(problem)  # exits with status 2 after printing the usage
    if args.command == "join" and args.mode == "tcp" and args.local_port:
        print(_t("--local-port applies to UDP only; it is ignored with --tcp."), file=sys.stderr)
    raise_open_file_limit()  # a host with many members needs more than the usual 1,024 files
    return run_session(config_from_args(args, passphrase), announced_room(args), history_path(args))
