"""Room for many connections: the soft open-file limit raised to the hard one at start.

Many systems start programs with a soft limit of 1,024 descriptors while allowing far
more; a host with a few hundred members, their history and the window's own files can
reach it. Raising the soft limit needs no privilege (the hard limit stays as it is).
"""

from __future__ import annotations

import contextlib
import sys

SANE_MAX_OPEN_FILES = 65536
"""The soft limit asked for when the hard limit is unlimited (no select() needs more)."""
MACOS_OPEN_MAX = 10240


def raise_open_file_limit() -> tuple[int, int]:
    """Raise the soft ``RLIMIT_NOFILE`` to the hard limit (at most ``SANE_MAX_OPEN_FILES`` if unlimited).

    Never raises: where there is no such limit (Windows) or the OS refuses, nothing changes.

    Returns:
        The ``(soft, hard)`` limits in force afterwards; ``(-1, -1)`` where they cannot be read.
    """
    if sys.platform == "win32":
        return (-1, -1)
    try:
        import resource
    except ImportError:  # a Python without the module (not POSIX)
        return (-1, -1)
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (OSError, ValueError):
        return (-1, -1)
    wanted = SANE_MAX_OPEN_FILES if hard == resource.RLIM_INFINITY else hard
    if soft != resource.RLIM_INFINITY and soft < wanted:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
        except (OSError, ValueError):
            # macOS refuses more than OPEN_MAX (10,240) even when the hard limit says unlimited.
            fallback = min(wanted, MACOS_OPEN_MAX)
            if fallback > soft:
                with contextlib.suppress(OSError, ValueError):
                    resource.setrlimit(resource.RLIMIT_NOFILE, (fallback, hard))
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    return (soft, hard)
