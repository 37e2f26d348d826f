"""Carry the trace function of ``threading`` into code that runs in threads Qt started.

Python's ``threading`` installs the function given to ``threading.settrace`` in every thread
it starts; coverage.py counts lines through it. A ``QThread`` is started by Qt, so code that
only runs in the socket worker or the history reader counted as never run (issue 14:
``net/udp_group.py`` at 0%). Setting the trace once at the thread's start is not enough:
PySide6 calls into Python from a thread Python did not start with a fresh Python thread
state each time, so the trace set in one slot is gone in the next. ``traced`` sets it at
every entry instead. Without a tracer (the app as users run it, the frozen bundle) it costs
one call. A leaf: it imports nothing of chatgui and no Qt.
"""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Callable
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")


def traced(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Wrap an entry point that Qt calls in a QThread so the thread's tracer sees it.

    Use it on the worker's ``run`` and on slots of a worker moved into a QThread, under
    ``@Slot``. The trace function ``threading`` would have given the thread is set before
    ``function``'s first line, unless the thread already has one (the main thread, a
    ``threading.Thread``) or none is set at all.

    Args:
        function: The entry point.

    Returns:
        The same function, setting the trace first.
    """

    @functools.wraps(function)
    def entry(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        trace = threading.gettrace()
        if trace is not None and sys.gettrace() is None:
            # Coverage cannot count this line: its tracer starts in this thread right here.
            sys.settrace(trace)  # pragma: no cover  (tests/test_tracing.py shows it runs)
        return function(*args, **kwargs)

    return entry
