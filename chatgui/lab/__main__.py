"""``python -m chatgui.lab lab …`` and ``python -m chatgui.lab lab-peer …``."""

import sys

from chatgui.cli.lab import main

sys.exit(main(sys.argv[1:]))
