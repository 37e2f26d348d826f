"""``SystemKeychain`` over the real ``keyring`` package, with backends of our own (never the user's)."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import KeyringLocked, PasswordDeleteError

from chatgui.ui.keychain import SERVICE, SystemKeychain

ROOM = "tcp:192.168.1.5:50007"


class MemoryKeyring(KeyringBackend):
    """A keychain that keeps secrets in a dict; ``locked`` makes it refuse like a locked one."""

    priority = 1  # above 0: keyring and SystemKeychain take it for a real keychain
    # Defining a backend registers it with keyring; this keeps its own discovery from choosing
    # it as the machine's keychain for the rest of the run (only the fixture sets it).
    viable = False

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}
        self.locked = False

    def _refuse_if_locked(self) -> None:
        if self.locked:
            raise KeyringLocked("the keychain is locked")

    def get_password(self, service: str, username: str) -> str | None:
        self._refuse_if_locked()
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._refuse_if_locked()
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._refuse_if_locked()
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError("nothing stored")


@pytest.fixture
def memory() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def test_a_passphrase_is_kept_under_the_service_and_room_then_forgotten(memory: MemoryKeyring) -> None:
    chain = SystemKeychain()
    assert chain.usable()
    assert chain.get(ROOM) is None
    assert chain.set(ROOM, "correct horse") == ""
    assert memory.secrets == {(SERVICE, ROOM): "correct horse"}
    assert chain.get(ROOM) == "correct horse"
    chain.delete(ROOM)
    assert chain.get(ROOM) is None
    chain.delete(ROOM)  # nothing stored: nothing happens


def test_a_locked_keychain_means_typing_the_passphrase_and_its_words_are_shown(memory: MemoryKeyring) -> None:
    chain = SystemKeychain()
    memory.secrets[(SERVICE, ROOM)] = "kept"
    memory.locked = True
    assert chain.get(ROOM) is None
    assert chain.set(ROOM, "new") == "the keychain is locked"
    chain.delete(ROOM)  # refused: no exception reaches the window
    assert memory.secrets == {(SERVICE, ROOM): "kept"}


def test_no_keychain_keeps_nothing_and_says_so() -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        chain = SystemKeychain()
        assert not chain.usable()
        assert chain.get(ROOM) is None
        assert chain.set(ROOM, "secret") == "no keychain"
        chain.delete(ROOM)
    finally:
        keyring.set_keyring(before)


def test_a_broken_keychain_setup_is_no_keychain_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> KeyringBackend:
        raise RuntimeError("dbus exploded")

    monkeypatch.setattr(keyring, "get_keyring", broken)
    assert not SystemKeychain().usable()
