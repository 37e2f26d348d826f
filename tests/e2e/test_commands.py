"""The headless commands as a user meets them: help, self-test, and failures that exit non-zero."""

from __future__ import annotations

import socket
import sys
from collections.abc import Callable

import pytest

from tests.e2e.harness import Program

pytestmark = pytest.mark.e2e


def test_help_lists_the_commands(chatgui: Callable[..., Program]) -> None:
    program = chatgui("--help")
    assert program.wait_exit() == 0
    text = "\n".join(program.stdout.lines)
    for word in ("host", "join", "discover", "--broadcast", "--multicast", "--self-test", "examples:"):
        assert word in text


@pytest.mark.parametrize(
    ("command", "words"),
    [
        (
            "host",
            [
                "--tcp",
                "--udp",
                "--port",
                "--bind",
                "--nick",
                "--raw",
                "--line-ending",
                "--echo",
                "--encoding",
                "--room",
                "--no-announce",
                "--broadcast",
                "--multicast",
                "--ttl",
                "--interface",
            ],
        ),
        (
            "join",
            [
                "--tcp",
                "--udp",
                "HOST",
                "PORT",
                "--nick",
                "--raw",
                "--local-port",
                "--encoding",
                "SENDER: TEXT",
            ],
        ),
    ],
)
def test_command_help_describes_every_option(
    chatgui: Callable[..., Program], command: str, words: list[str]
) -> None:
    program = chatgui(command, "--help")
    assert program.wait_exit() == 0
    text = "\n".join(program.stdout.lines)
    for word in [*words, "--encoding", "examples:"]:
        assert word in text


def test_discover_help_describes_its_output(chatgui: Callable[..., Program]) -> None:
    program = chatgui("discover", "--help")
    assert program.wait_exit() == 0
    text = "\n".join(program.stdout.lines)
    for word in ("--timeout", "NICK  MODE  HOST  PORT  ROOM", "examples:"):
        assert word in text


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["host", "--tcp", "--broadcast"], "--broadcast and --multicast need --udp"),
        (["host", "--udp", "--ttl", "2"], "--ttl applies to --multicast only"),
        (["host", "--udp", "--interface", "eth0"], "--interface applies to"),
        (["host", "--udp", "--broadcast", "--multicast", "239.1.2.3"], "not allowed with"),
        (["host", "--udp", "--multicast", "239.1.2.3", "--ttl", "0"], "0 is not a TTL"),
        (["discover", "--timeout", "0"], "0 is not a time"),
    ],
)
def test_wrong_role_options_exit_2(chatgui: Callable[..., Program], args: list[str], words: str) -> None:
    program = chatgui(*args)
    assert program.wait_exit() == 2
    assert any(words in line for line in program.stderr.lines), program.describe()


def test_wrong_command_line_exits_2(chatgui: Callable[..., Program]) -> None:
    program = chatgui("join", "--tcp", "127.0.0.1", "not-a-port")
    assert program.wait_exit() == 2
    assert any("not-a-port" in line for line in program.stderr.lines)


def test_self_test_passes(chatgui: Callable[..., Program]) -> None:
    program = chatgui("--self-test")
    assert program.wait_exit(30) == 0, program.describe()
    text = "\n".join(program.stdout.lines)
    assert "TCP" in text
    assert "UDP" in text
    assert "self-test passed" in text


def test_port_in_use_exits_1_with_a_sentence(chatgui: Callable[..., Program]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        program = chatgui("host", "--tcp", "--bind", "127.0.0.1", "--port", str(port))
        program.err(rf"Port {port} is already in use on this computer — choose another port")
        assert program.wait_exit() == 1


def test_udp_port_in_use_exits_1_with_a_sentence(chatgui: Callable[..., Program]) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        program = chatgui("host", "--udp", "--bind", "127.0.0.1", "--port", str(port))
        program.err(rf"Port {port} is already in use")
        assert program.wait_exit() == 1


def test_join_refused_exits_1_with_a_sentence(chatgui: Callable[..., Program]) -> None:
    # Bound but not listening: the kernel answers a connect with a reset, i.e. "refused".
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
        program = chatgui("join", "--tcp", "127.0.0.1", str(port))
        program.err(rf"Nobody is listening at 127\.0\.0\.1:{port} — check the address")
        assert program.wait_exit() == 1


def test_join_unknown_host_exits_1_with_a_sentence(chatgui: Callable[..., Program]) -> None:
    program = chatgui("join", "--tcp", "no-such-host.invalid", "50007")
    program.err(r"The name no-such-host\.invalid could not be found")
    assert program.wait_exit() == 1


def test_headless_commands_never_import_qtwidgets(spawn: Callable[..., Program]) -> None:
    # Run a whole host session (it ends at once: no input) and report what was imported.
    script = (
        "import runpy, sys\n"
        "sys.argv = ['main.py', 'host', '--tcp', '--bind', '127.0.0.1', '--port', '0']\n"
        "try:\n"
        "    runpy.run_path('main.py', run_name='__main__')\n"
        "except SystemExit as exc:\n"
        "    print('exit', exc.code)\n"
        "print('QtWidgets imported:', 'PySide6.QtWidgets' in sys.modules)\n"
    )
    program = spawn(sys.executable, "-c", script)
    program.close_stdin()
    assert program.wait_exit() == 0
    program.out(r"^exit 0$")
    program.out(r"^QtWidgets imported: False$")


def test_udp_to_a_closed_port_is_a_warning_not_an_end(chatgui: Callable[..., Program]) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    program = chatgui("join", "--udp", "--raw", "127.0.0.1", str(port))
    program.send("anyone?")
    program.err(rf"Nobody is listening at 127\.0\.0\.1:{port} \(the other computer answered")
    program.send("still here")  # the session goes on after the warning
    program.close_stdin()
    assert program.wait_exit() == 0, program.describe()


def test_no_arguments_opens_the_window(spawn: Callable[..., Program]) -> None:
    # The window itself is the gui tier's; here: main.py hands run_gui its argv and returns its status.
    script = (
        "import runpy, sys\n"
        "import chatgui.ui.app\n"
        "chatgui.ui.app.run_gui = lambda argv: print('run_gui', argv) or 7\n"
        "sys.argv = ['main.py']\n"
        "runpy.run_path('main.py', run_name='__main__')\n"
    )
    program = spawn(sys.executable, "-c", script)
    assert program.wait_exit() == 7
    program.out(r"^run_gui \['main\.py'\]$")
