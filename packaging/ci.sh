#!/usr/bin/env bash
# Build the Linux installers and prove them on this machine (issue 5).
#
#   bash packaging/ci.sh
#
# 1. installs its tools (apt-get; pip into .venv-ci like .ci/run; idempotent), 2. builds with
# packaging/build.py (which prints the budgets), 3. runs the frozen binary's --self-test and --startup-time
# offscreen and on a real X server (Xvfb, xcb), 4. lintian, desktop-file-validate,
# appstreamcli validate, 5. installs the .deb with apt-get into a clean Debian bookworm
# chroot made by mmdebstrap (tarball cached in /var/cache/chatgui-ci), runs chatgui there,
# purges it and compares the file lists, 6. parses the NSIS script with makensis, 7. builds the
# Windows bundle and installer under Wine and proves them (packaging/build.py --windows-under-wine:
# frozen self-test, window, silent install and uninstall; see packaging/windows/wine_build.py).
# Needs root (apt-get, chroot, mounts) and no stdin; prints its duration at the end.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DEBIAN_FRONTEND=noninteractive
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 PIP_ROOT_USER_ACTION=ignore

START=$SECONDS
step() { printf '\n==== packaging: %s (t=%ds) ====\n' "$1" "$((SECONDS - START))"; }

CACHE=/var/cache/chatgui-ci
SUITE=bookworm
CHROOT_TAR="$CACHE/$SUITE-apt.tar"
TOOLS=(
    dpkg-dev binutils                        # dpkg-shlibdeps, objdump for build.py
    libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0 libxcb-util1
    xvfb xauth                               # the real X server test
    lintian desktop-file-utils appstream     # package and metadata checks
    mmdebstrap                               # the clean system for the install test
    nsis                                     # makensis parses the Windows installer script
    wine wine64 gcc-mingw-w64-x86-64-win32   # the Windows build under Wine, its test-only DLL stubs
    osslsigncode xdotool imagemagick         # CPython's signatures; the Windows window's screenshot
    python3-venv                             # .venv-ci (.ci/venv.sh)
)

step "tools"
missing=()
for pkg in "${TOOLS[@]}"; do
    [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" == "install ok installed" ]] || missing+=("$pkg")
done
if ((${#missing[@]})); then
    echo "installing: ${missing[*]}"
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
else
    echo "all ${#TOOLS[@]} present"
fi
# The same virtual environment as .ci/run (.venv-ci, pinned by constraints.txt; made here when
# this script runs alone); pip never touches the system's Python.
# shellcheck source=.ci/venv.sh
source .ci/venv.sh
ci_venv requirements.txt packaging/requirements.txt

step "build (bundle, tar.gz, .deb, budgets)"
"$PY" packaging/build.py </dev/null
VERSION="$("$PY" -c 'import chatgui; print(chatgui.__version__)')"
DEB="dist/chatgui_${VERSION}_amd64.deb"
TARBALL="dist/chatgui-${VERSION}-linux-x86_64.tar.gz"
ls -l "$DEB" "$TARBALL"

step "frozen --self-test, offscreen"
QT_QPA_PLATFORM=offscreen dist/chatgui/chatgui --self-test </dev/null

step "frozen --self-test and window on a real X server (Xvfb, xcb)"
# --self-test is headless (QCoreApplication); --startup-time opens and paints the real
# window, which is what loads the xcb platform plugin and its bundled libraries.
xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" env QT_QPA_PLATFORM=xcb \
    sh -c 'dist/chatgui/chatgui --self-test && dist/chatgui/chatgui --startup-time' </dev/null

step "the tar.gz runs from wherever it is unpacked"
UNPACK="$(mktemp -d)"
tar -xzf "$TARBALL" -C "$UNPACK"
QT_QPA_PLATFORM=offscreen "$UNPACK/chatgui-$VERSION/chatgui" --startup-time </dev/null
rm -rf "$UNPACK"

step "lintian, desktop-file-validate, appstreamcli validate"
lintian --tag-display-limit 0 --fail-on error,warning "$DEB"
echo "lintian: clean (overrides are commented in packaging/linux/lintian-overrides)"
EXTRACT="$(mktemp -d)"
dpkg-deb -x "$DEB" "$EXTRACT"
desktop-file-validate "$EXTRACT"/usr/share/applications/*.desktop
appstreamcli validate --no-net "$EXTRACT"/usr/share/metainfo/*.metainfo.xml
rm -rf "$EXTRACT"

step "install into a clean Debian $SUITE (mmdebstrap chroot), run, purge"
mkdir -p "$CACHE"
if [[ ! -s "$CHROOT_TAR" ]]; then
    mmdebstrap --variant=apt --format=tar "$SUITE" "$CHROOT_TAR.part" \
        "deb http://deb.debian.org/debian $SUITE main" \
        "deb http://deb.debian.org/debian-security $SUITE-security main"
    mv "$CHROOT_TAR.part" "$CHROOT_TAR"
fi
CHROOT="$(mktemp -d /tmp/chatgui-chroot.XXXXXX)"
cleanup_chroot() {
    for m in dev/pts dev proc; do umount -l "$CHROOT/$m" 2>/dev/null || true; done
    rm -rf --one-file-system "$CHROOT"
    rm -f "$CHROOT.before" "$CHROOT.after"
}
trap cleanup_chroot EXIT
tar -xf "$CHROOT_TAR" -C "$CHROOT"
mount -t proc proc "$CHROOT/proc"
mount --rbind /dev "$CHROOT/dev"
cp /etc/resolv.conf "$CHROOT/etc/resolv.conf"
cp "$DEB" "$CHROOT/tmp/"
in_chroot() { chroot "$CHROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@" </dev/null; }
# What a user's system holds, minus what the package manager and the run itself churn.
snapshot() {
    in_chroot find / -xdev \( -path /proc -o -path /dev -o -path /tmp -o -path /root \
        -o -path /var/cache -o -path /var/log -o -path /var/lib/apt -o -path /var/lib/dpkg \) -prune \
        -o -print | sort
}
in_chroot apt-get update -q
snapshot >"$CHROOT.before"
in_chroot apt-get install -y -q --no-install-recommends "/tmp/$(basename "$DEB")"
in_chroot sh -c 'command -v chatgui && ls /usr/share/applications /usr/share/metainfo'
in_chroot env QT_QPA_PLATFORM=offscreen chatgui --self-test
in_chroot env QT_QPA_PLATFORM=offscreen chatgui --startup-time
in_chroot apt-get purge -y -q --autoremove chatgui
snapshot >"$CHROOT.after"
if ! diff -u "$CHROOT.before" "$CHROOT.after"; then
    echo "FAILED: files left behind (or removed) by install + purge, above" >&2
    exit 1
fi
echo "purge left nothing behind ($(wc -l <"$CHROOT.before") paths compared)"
rm -f "$CHROOT.before" "$CHROOT.after"

step "NSIS script parses (makensis, dummy bundle)"
DUMMY="$(mktemp -d)"
mkdir -p "$DUMMY/bundle/_internal"
printf 'MZ' >"$DUMMY/bundle/chatgui.exe"
printf 'x' >"$DUMMY/bundle/_internal/base_library.zip"
makensis -V2 -DVERSION="$VERSION" -DBUNDLE="$DUMMY/bundle" -DICON="$ROOT/build/icons/chatgui.ico" \
    -DOUTFILE="$DUMMY/chatgui-check-installer.exe" -WX packaging/windows/chatgui.nsi
ls -l "$DUMMY/chatgui-check-installer.exe"
rm -rf "$DUMMY"

step "Windows bundle and installer under Wine (pinned inputs cached in ~/.cache/chatgui-wine)"
WINE_START=$SECONDS
"$PY" packaging/build.py --windows-under-wine </dev/null
ls -l "dist/chatgui-${VERSION}-windows-x64-setup.exe" dist/windows-under-wine.png
echo "the Windows build under Wine took $((SECONDS - WINE_START)) s"

step "done: packaging/ci.sh took $((SECONDS - START)) s"
