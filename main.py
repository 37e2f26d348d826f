"""Start chatgui: the window with no arguments, the headless commands otherwise.

python main.py                 # the window
python main.py host --tcp      # headless: see ``python main.py --help``
python main.py --startup-time  # print launch-to-window-painted time and exit
"""

from __future__ import annotations

import time

# As early as possible: `--startup-time` measures from here where /proc cannot tell it more.
STARTED = time.perf_counter()

import sys  # noqa: E402 (after the clock on purpose)


def main() -> int:
    """Run the window or a headless command and return the exit status."""
    if sys.argv[1:] == ["--startup-time"]:
        from chatgui.cli.startup_time import run_startup_time

        return run_startup_time(sys.argv[:1], STARTED)
    if len(sys.argv) <= 1:
        # Only the window needs QtWidgets; headless commands never import it (faster start).
        from chatgui.ui.app import run_gui

        return run_gui(sys.argv)
    from chatgui.cli.main import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
