"""A private room's passphrase on the command line: from a file or the environment, never an option.

The file is read as untrusted input: only the start of its first line (a bounded read), and
anything unusable (unreadable, not UTF-8, empty, too long) is a sentence for the user.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from pathlib import Path

from chatgui.cli.base import tr as _t
from chatgui.protocol.secure import MAX_PASSPHRASE_CHARS

PASSPHRASE_ENV = "CHATGUI_PASSPHRASE"
"""The environment variable a private room's passphrase may come from (never an option)."""
_PASSPHRASE_FILE_READ = 64 * 1024  # bytes read at most for the first line


class PassphraseUnusable(ValueError):
    """The passphrase asked for cannot be used; ``str()`` is the sentence for the user."""


class _RefusePassphrase(argparse.Action):
    """``--passphrase``: a usage error that says where a passphrase goes instead."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        parser.error(
            _t(
                "a passphrase is never given on the command line (other users of this computer "
                "could read it in the process list): use --passphrase-file PATH or the "
                "environment variable {env}"
            ).format(env=PASSPHRASE_ENV)
        )


def add_passphrase_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--passphrase-file`` to a ``host``/``join`` parser, and refuse ``--passphrase``."""
    parser.add_argument(
        "--passphrase-file",
        metavar="PATH",
        type=Path,
        help=_t(
            "a private room: read its passphrase from the first line of PATH (or set the "
            "environment variable %(env)s); everything sent is then encrypted and only people "
            "with the same passphrase can join. There is no option taking the passphrase itself: "
            "other users of this computer could read it in the process list"
        )
        % {"env": PASSPHRASE_ENV},
    )
    # Without this, argparse would take "--passphrase SECRET" as an abbreviation of
    # --passphrase-file and the secret would sit in the process list anyway.
    parser.add_argument("--passphrase", nargs="?", action=_RefusePassphrase, help=argparse.SUPPRESS)


def passphrase_from_args(args: argparse.Namespace, environ: Mapping[str, str] = os.environ) -> str:
    """The private room's passphrase a ``host``/``join`` asks for ("" = an open room).

    ``--passphrase-file``: the first line of the file without its line ending (UTF-8, a BOM
    is dropped); else ``CHATGUI_PASSPHRASE`` when set and not blank.

    Raises:
        PassphraseUnusable: the file cannot be read, is empty, is not UTF-8, or the passphrase
            is too long; its message is the sentence for the user.
    """
    path: Path | None = getattr(args, "passphrase_file", None)
    cut = False
    if path is None:
        passphrase = environ.get(PASSPHRASE_ENV, "")
        source = PASSPHRASE_ENV
        if not passphrase.strip():
            return ""
        try:
            passphrase.encode("utf-8")  # undecodable bytes in the environment arrive as lone surrogates
        except UnicodeEncodeError:
            raise PassphraseUnusable(
                _t("the passphrase in {source} is not UTF-8 text").format(source=source)
            ) from None
    else:
        source = str(path)
        try:
            with path.open("rb") as file:
                first = file.readline(_PASSPHRASE_FILE_READ)
                # A first line this long was cut (maybe inside a character): too long, whatever it says.
                cut = len(first) == _PASSPHRASE_FILE_READ and not first.endswith(b"\n")
        except OSError as exc:
            raise PassphraseUnusable(
                _t("cannot read the passphrase file {path}: {reason}").format(
                    path=path, reason=exc.strerror or type(exc).__name__
                )
            ) from None
        try:
            passphrase = "" if cut else first.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise PassphraseUnusable(
                _t("the passphrase file {path} is not UTF-8 text").format(path=path)
            ) from None
        passphrase = passphrase.removesuffix("\n").removesuffix("\r")
        if not passphrase.strip() and not cut:
            raise PassphraseUnusable(
                _t("the passphrase file {path} is empty: put the passphrase on its first line").format(
                    path=path
                )
            )
    if cut or len(passphrase) > MAX_PASSPHRASE_CHARS:
        raise PassphraseUnusable(
            _t("the passphrase in {source} is longer than {limit} characters").format(
                source=source, limit=MAX_PASSPHRASE_CHARS
            )
        )
    return passphrase
