"""The headless commands speak the terminal's language, as the window speaks the system's (issue 14)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.harness import program_env
from tests.i18n.test_window_language import english_words

ROOT = Path(__file__).resolve().parents[2]
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def _run(locale: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in program_env().items() if key not in LOCALE_VARIABLES}
    env.update(locale)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _qt_locale_warning(line: str) -> bool:
    return line.startswith(
        (
            "Detected locale",
            "Qt depends on a UTF-8 locale",
            "If this causes problems, reconfigure your locale",
            "for more information.",
        )
    )


CHINESE = [
    pytest.param({"LANG": "zh_CN.UTF-8"}, "用法：", "选项", id="LANG=zh_CN"),
    pytest.param({"LANG": "C.UTF-8", "LC_ALL": "zh_TW.UTF-8"}, "用法：", "選項", id="LC_ALL=zh_TW"),
    pytest.param({"LANG": "C.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "用法：", "选项", id="LC_MESSAGES=zh_CN"),
]


@pytest.mark.parametrize(("locale", "usage", "options"), CHINESE)
def test_help_is_in_the_terminals_language_argparse_words_included(
    locale: dict[str, str], usage: str, options: str
) -> None:
    done = _run(locale, "join", "--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(usage)
    assert f"\n{options}:" in done.stdout or f"\n{options}：" in done.stdout
    for english in ("usage:", "options:", "show this help", "Lines typed on stdin", "positional arguments"):
        assert english not in done.stdout


@pytest.mark.parametrize(("locale", "usage", "options"), CHINESE)
def test_errors_and_sentences_are_in_the_terminals_language(
    locale: dict[str, str], usage: str, options: str
) -> None:
    wrong = _run(locale, "join", "--tcp", "127.0.0.1", "0")  # a usage error: argparse's and ours
    assert wrong.returncode == 2
    last = wrong.stderr.strip().splitlines()[-1]
    assert "error" not in last, last
    assert "argument" not in last, last
    assert english_words(last.replace("main.py join", ""), {"PORT"}) == [], last
    refused = _run(locale, "join", "--tcp", "127.0.0.1", "1", "--no-history")  # nobody listens on port 1
    assert refused.returncode == 1
    # Qt's own start-up warning when LC_ALL names a locale this machine has not generated
    # ('Detected locale "C" with character encoding …', 'Qt depends on a UTF-8 locale …') is Qt's.
    sentences = [
        line for line in refused.stderr.splitlines() if line.strip() and not _qt_locale_warning(line)
    ]
    assert sentences
    for line in sentences:
        assert english_words(line, set()) == [], line


def test_an_english_terminal_gets_english() -> None:
    done = _run({"LANG": "C.UTF-8"}, "join", "--help")
    assert done.stdout.startswith("usage: ")
    assert "Lines typed on stdin" in done.stdout
