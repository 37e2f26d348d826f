"""A private room on the command line: --passphrase-file or CHATGUI_PASSPHRASE, never an option."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from chatgui.cli.args import build_parser, config_from_args, usage_problem
from chatgui.cli.main import main
from chatgui.cli.passphrase import PASSPHRASE_ENV, PassphraseUnusable, passphrase_from_args
from chatgui.protocol.secure import MAX_PASSPHRASE_CHARS

ROOT = Path(__file__).resolve().parents[2]


def _args(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(list(argv))


def _file(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "passphrase"
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"maple-river-candle-orbit\n", "maple-river-candle-orbit"),
        (b"maple-river-candle-orbit\r\nsecond line\n", "maple-river-candle-orbit"),
        (b"no line ending", "no line ending"),
        (b"  spaces kept  \n", "  spaces kept  "),
        ("\ufeff口令 密码\n".encode(), "口令 密码"),  # a BOM from Notepad is not part of it
    ],
)
def test_the_first_line_of_the_file_without_its_line_ending(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    args = _args("host", "--tcp", "--passphrase-file", str(_file(tmp_path, content)))
    passphrase = passphrase_from_args(args, {})
    assert passphrase == expected
    config = config_from_args(args, passphrase)
    assert config.passphrase == expected
    assert expected not in repr(config)


@pytest.mark.parametrize(
    "argv",
    [
        ("host", "--udp", "--port", "0"),
        ("host", "--udp", "--broadcast"),
        ("host", "--udp", "--multicast", "239.255.50.7"),
        ("join", "--tcp", "127.0.0.1", "50007"),
        ("join", "--udp", "127.0.0.1", "50007"),
    ],
)
def test_every_role_takes_the_environment_variable(argv: tuple[str, ...]) -> None:
    args = _args(*argv)
    passphrase = passphrase_from_args(args, {PASSPHRASE_ENV: "maple-river"})
    assert passphrase == "maple-river"
    assert config_from_args(args, passphrase).passphrase == "maple-river"


def test_no_passphrase_is_an_open_room() -> None:
    args = _args("join", "--tcp", "127.0.0.1", "50007")
    assert passphrase_from_args(args, {}) == ""
    assert passphrase_from_args(args, {PASSPHRASE_ENV: "  "}) == ""
    assert config_from_args(args).passphrase == ""


def test_the_file_wins_over_the_environment(tmp_path: Path) -> None:
    args = _args("join", "--tcp", "127.0.0.1", "1", "--passphrase-file", str(_file(tmp_path, b"from file\n")))
    assert passphrase_from_args(args, {PASSPHRASE_ENV: "from env"}) == "from file"


def test_there_is_no_option_taking_the_passphrase_itself(capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["host", "--tcp"], ["join", "--tcp", "127.0.0.1", "1"]):
        for option in (["--passphrase", "secret"], ["--passphrase=secret"], ["--pass", "secret"]):
            with pytest.raises(SystemExit) as exited:
                build_parser().parse_args([*command, *option])
            assert exited.value.code == 2
            err = capsys.readouterr().err
            assert "secret" not in err
            if option[0].startswith("--passphrase"):
                assert "never given on the command line" in err
            else:  # an abbreviation is ambiguous: never taken as the file
                assert "ambiguous option" in err
    host_help = build_parser()._subparsers._group_actions[0].choices["host"].format_help()  # type: ignore[union-attr]
    assert "--passphrase-file" in host_help
    assert PASSPHRASE_ENV in host_help
    assert "--passphrase " not in host_help


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "is empty"),
        (b"\n", "is empty"),
        (b"   \r\nsecret on line two\n", "is empty"),
        (b"\xff\xfe not utf-8\n", "not UTF-8"),
        (("x" * (MAX_PASSPHRASE_CHARS + 1)).encode(), f"longer than {MAX_PASSPHRASE_CHARS}"),
        # Only the first 64 KiB are read, here cut inside a character: too long, not "not UTF-8".
        (("口" * 100_000).encode(), f"longer than {MAX_PASSPHRASE_CHARS}"),
        (b"\xff" * 100_000 + b"\n", f"longer than {MAX_PASSPHRASE_CHARS}"),
    ],
)
def test_an_unusable_file_says_why(tmp_path: Path, content: bytes, words: str) -> None:
    args = _args("host", "--tcp", "--passphrase-file", str(_file(tmp_path, content)))
    with pytest.raises(PassphraseUnusable, match=words):
        passphrase_from_args(args, {})


def test_a_passphrase_of_the_longest_length_is_taken(tmp_path: Path) -> None:
    longest = "x" * MAX_PASSPHRASE_CHARS
    args = _args("host", "--tcp", "--passphrase-file", str(_file(tmp_path, longest.encode())))
    assert passphrase_from_args(args, {}) == longest
    with pytest.raises(PassphraseUnusable, match=PASSPHRASE_ENV):
        passphrase_from_args(_args("host", "--tcp"), {PASSPHRASE_ENV: longest + "x"})


def test_a_missing_file_and_a_folder_cannot_be_read(tmp_path: Path) -> None:
    for path in (tmp_path / "missing", tmp_path):
        args = _args("join", "--tcp", "127.0.0.1", "1", "--passphrase-file", str(path))
        with pytest.raises(PassphraseUnusable, match="cannot read the passphrase file"):
            passphrase_from_args(args, {})


def test_raw_with_a_passphrase_is_a_usage_problem() -> None:
    for argv in (("host", "--tcp", "--raw"), ("join", "--udp", "--raw", "127.0.0.1", "1")):
        args = _args(*argv)
        assert "--raw cannot be used in a private room" in usage_problem(args, "secret")
        assert usage_problem(args, "") == ""


def test_main_exits_2_with_the_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, "secret")
    with pytest.raises(SystemExit) as exited:
        main(["host", "--tcp", "--raw", "--port", "0", "--no-announce", "--no-history"])
    assert exited.value.code == 2
    assert "--raw cannot be used in a private room" in capsys.readouterr().err
    monkeypatch.delenv(PASSPHRASE_ENV)
    empty = _file(tmp_path, b"\n")
    with pytest.raises(SystemExit) as exited:
        main(["join", "--tcp", "127.0.0.1", "1", "--passphrase-file", str(empty), "--no-history"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "is empty" in err
    assert str(empty) in err


def test_the_real_program_refuses_an_unreadable_file_with_status_2(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "host",
            "--tcp",
            "--port",
            "0",
            "--passphrase-file",
            str(missing),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 2
    assert f"cannot read the passphrase file {missing}" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_environment_variable_that_is_not_utf8_says_so() -> None:
    args = _args("host", "--tcp")
    with pytest.raises(PassphraseUnusable, match="CHATGUI_PASSPHRASE is not UTF-8 text"):
        passphrase_from_args(args, {PASSPHRASE_ENV: "caf\udce9"})  # how os.environ carries b"caf\xe9"


def test_the_real_program_refuses_a_non_utf8_environment_passphrase_with_status_2() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    environb = {k.encode(): v.encode("utf-8", "surrogateescape") for k, v in env.items()}
    environb[b"CHATGUI_PASSPHRASE"] = b"caf\xe9 latin-1"
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "host", "--tcp", "--port", "0", "--no-announce"],
        capture_output=True,
        timeout=60,
        check=False,
        cwd=ROOT,
        env=environb,  # type: ignore[arg-type]  # bytes keys and values are what this test is about
    )
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2, err
    assert "CHATGUI_PASSPHRASE is not UTF-8 text" in err
    assert "Traceback" not in err
