#!/bin/sh
# Refresh chatgui_zh_CN.ts and chatgui_zh_TW.ts from the code (pyside6-lupdate -no-obsolete plus
# the literals given to the project's translation helpers); see update.py.
set -eu
exec python3 "$(dirname "$0")/update.py" "$@"
