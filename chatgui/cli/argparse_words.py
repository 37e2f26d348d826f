"""argparse's own words and the output paragraph of ``host``/``join --help``, in the user's language.

argparse words its messages ("usage:", "options", "error:") through the standard library's
gettext, which knows none of chatgui's translations; :func:`speak_argparse` makes it ask the
installed Qt translation instead (context "cli"), so a Chinese terminal sees a Chinese
``--help`` and Chinese usage errors from start to end.
"""

from __future__ import annotations

import argparse

from chatgui.cli.base import tr as _t


def output_help() -> str:
    """What ``host`` and ``join`` print, read and return (a paragraph of their ``--help``)."""
    return _t(
        "Lines typed on stdin are sent (they wait until the session is up). Each received message\n"
        'is printed on stdout as one line "SENDER: TEXT" (SENDER is the nickname, or host:port for\n'
        "raw text); a message of several lines is printed as several lines with the same prefix, and\n"
        "control, bidi and invisible characters are shown escaped (\\x1b, \\u202e), on stderr too.\n"
        "Connection events and problems go to stderr.\n"
        "End of input (Ctrl+D, or Ctrl+Z Enter on Windows), Ctrl+C or SIGTERM ends the session: exit\n"
        "status 0. It is 1 when the session cannot start (port in use, connection refused, name not\n"
        "found ...) or when the host you joined goes away (unless --reconnect), and 2 for a wrong\n"
        "command line."
    )


def _argparse_words() -> dict[str, str]:
    return {
        "usage: ": _t("usage: "),
        "positional arguments": _t("positional arguments"),
        "options": _t("options"),
        "show this help message and exit": _t("show this help message and exit"),
        "%(prog)s: error: %(message)s\n": _t("%(prog)s: error: %(message)s\n"),
        "argument %(argument_name)s: %(message)s": _t("argument %(argument_name)s: %(message)s"),
        "the following arguments are required: %s": _t("the following arguments are required: %s"),
        "one of the arguments %s is required": _t("one of the arguments %s is required"),
        "not allowed with argument %s": _t("not allowed with argument %s"),
        "unrecognized arguments: %s": _t("unrecognized arguments: %s"),
        "expected one argument": _t("expected one argument"),
        "invalid choice: %(value)r (choose from %(choices)s)": _t(
            "invalid choice: %(value)r (choose from %(choices)s)"
        ),
        "invalid %(type)s value: %(value)r": _t("invalid %(type)s value: %(value)r"),
        "ambiguous option: %(option)s could match %(matches)s": _t(
            "ambiguous option: %(option)s could match %(matches)s"
        ),
    }


def _translated(text: str) -> str:
    return _argparse_words().get(text, text)


def speak_argparse() -> None:
    """Make argparse's own messages follow the installed translation (call before parsing)."""
    argparse._ = _translated  # type: ignore[attr-defined]  # argparse looks its gettext up by this name
