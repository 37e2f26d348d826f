"""The fakes the window tests use are checked by mypy against the interfaces the real parts meet.

``pyproject.toml`` lists this file in ``[tool.mypy] files``: a fake that drifts from
``chatgui.ui.interfaces`` fails the type check, not a test far away.
"""

from __future__ import annotations

from chatgui.ui.interfaces import BackendLike, DiscoveryLike, HistoryLike, NotifierLike
from tests.ui.conftest import FakeBackend, FakeDiscovery, FakeHistory, FakeNotifier


def fake_backend() -> BackendLike:
    """A fake backend, typed as what the window takes."""
    return FakeBackend()


def fake_discovery() -> DiscoveryLike:
    """A fake discovery, typed as what the window takes."""
    return FakeDiscovery()


def fake_history() -> HistoryLike:
    """A fake history, typed as what the window takes."""
    return FakeHistory()


def fake_notifier() -> NotifierLike:
    """A fake notifier, typed as what the window takes."""
    return FakeNotifier()


def test_the_fakes_are_made_as_the_interfaces_say(qapp: object) -> None:
    """Each factory builds its fake (mypy checks the types; this runs them once)."""
    for make in (fake_backend, fake_discovery, fake_history, fake_notifier):
        assert make() is not None
