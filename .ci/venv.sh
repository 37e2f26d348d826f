# The virtual environment CI and packaging/ci.sh run in; sourced by both, from the repository root.
#
#   source .ci/venv.sh && ci_venv requirements-dev.txt packaging/requirements.txt
#
# Makes .venv-ci/ (gitignored) with `python3 -m venv` — never --system-site-packages, so no
# package or pytest plugin of the system's Python is seen — installs the given requirement
# files with every package pinned by constraints.txt, and checks that everything in it is
# pinned there at that version. pip never runs against the system's Python. The venv is
# made anew when constraints.txt or the Python version changes, or when it holds anything
# unpinned; pip's download cache is kept, so that costs little.

VENV=.venv-ci
PY="$VENV/bin/python"

# Everything in the venv (pip itself aside) must be in constraints.txt at that version.
ci_venv_check() {
    "$PY" - <<'EOF'
import importlib.metadata as md
import re
import sys

def canon(name):
    return re.sub(r"[-_.]+", "-", name).lower()

pins = {}
with open("constraints.txt", encoding="utf-8") as lock:
    for raw in lock:
        line = raw.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            pins[canon(name)] = version.strip()
bad = []
count = 0
for dist in md.distributions():
    name = canon(dist.metadata["Name"])
    if name == "pip":
        continue
    count += 1
    if pins.get(name) != dist.version:
        bad.append(f"{dist.metadata['Name']} {dist.version} (constraints.txt: {pins.get(name, 'not pinned')})")
if sys.prefix == sys.base_prefix:
    bad.append(f"{sys.executable} is not a virtual environment")
if bad:
    print("the CI venv holds what constraints.txt does not pin: " + "; ".join(sorted(bad)), file=sys.stderr)
    sys.exit(1)
print(f"{sys.prefix}: {count} packages, each at its pinned version (Python {sys.version.split()[0]})")
EOF
}

ci_venv() {
    local stamp
    stamp="$(python3 -c 'import sys; print(sys.version.split()[0], sys.base_prefix)') $(sha256sum constraints.txt | cut -d' ' -f1)"
    if [[ -x "$PY" && "$(cat "$VENV/.chatgui-stamp" 2>/dev/null)" != "$stamp" ]]; then
        echo "$VENV was made for another constraints.txt or Python: making it anew"
        rm -rf "$VENV"
    fi
    if [[ ! -x "$PY" ]]; then
        if ! python3 -m venv "$VENV"; then
            echo "python3 -m venv failed: on Debian and Ubuntu, install python3-venv (apt-get install python3-venv)" >&2
            rm -rf "$VENV"
            return 1
        fi
        printf '%s\n' "$stamp" >"$VENV/.chatgui-stamp"
    fi
    local args=()
    for file in "$@"; do
        args+=(-r "$file")
    done
    "$PY" -m pip install -q "${args[@]}" -c constraints.txt </dev/null
    if ! ci_venv_check; then
        echo "making $VENV anew" >&2
        rm -rf "$VENV"
        python3 -m venv "$VENV"
        printf '%s\n' "$stamp" >"$VENV/.chatgui-stamp"
        "$PY" -m pip install -q "${args[@]}" -c constraints.txt </dev/null
        ci_venv_check
    fi
}
