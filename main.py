"""Start chatgui: the window with no arguments, the headless commands otherwise.

python main.py                 # the window
python main.py host --tcp      # headless: see ``python main.py --help``
"""

from __future__ import annotations

import sys


def main() -> int:
    """Run the window or a headless command and return the exit status."""
    if len(sys.argv) <= 1:
        # Only the window needs QtWidgets; headless commands never import it (faster start).
        from chatgui.app import run_gui

        return run_gui(sys.argv)
    from chatgui.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
