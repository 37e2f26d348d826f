"""The system keychain, for "Remember passphrase": one small interface, the real one on ``keyring``.

A passphrase is never written to QSettings; when the user asks to remember it, it goes to the
operating system's keychain (Windows Credential Manager, macOS Keychain, Secret Service) under
the service "chatgui" and a key naming the room. Tests pass a fake with the same methods.
"""

from __future__ import annotations

import contextlib
from typing import Protocol

SERVICE = "chatgui"


class KeychainLike(Protocol):
    """Where remembered passphrases are kept (``key`` names the room, e.g. "tcp:192.168.1.5:50007")."""

    def usable(self) -> bool:
        """Whether a real keychain is there to keep secrets in."""
        ...

    def get(self, key: str) -> str | None:
        """The passphrase remembered for ``key`` (None: none, or the keychain would not say)."""
        ...

    def set(self, key: str, passphrase: str) -> str:
        """Remember ``passphrase`` for ``key``; "" on success, else the keychain's own words."""
        ...

    def delete(self, key: str) -> None:
        """Forget what is remembered for ``key`` (nothing happens when nothing is)."""
        ...


class SystemKeychain:
    """The ``keyring`` package's backend, loaded on first use (importing it takes ~0.1 s)."""

    def __init__(self) -> None:
        self._usable: bool | None = None

    def usable(self) -> bool:
        """True when keyring found a backend that keeps secrets (not the fail/null one)."""
        if self._usable is None:
            try:
                import keyring  # here, not at the top: a window that never asks pays nothing

                backend = keyring.get_keyring()
                priority = float(getattr(backend, "priority", 0))
            except Exception:  # a broken keychain set-up means "no keychain", never a crash
                priority = 0.0
            self._usable = priority > 0
        return self._usable

    def get(self, key: str) -> str | None:
        """The passphrase remembered for ``key``, or None."""
        if not self.usable():
            return None
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(SERVICE, key)
        except KeyringError:
            return None  # locked or refused: the user types it, as without a keychain

    def set(self, key: str, passphrase: str) -> str:
        """Store ``passphrase`` for ``key``; "" on success, else why not."""
        if not self.usable():
            return "no keychain"
        import keyring
        from keyring.errors import KeyringError

        try:
            keyring.set_password(SERVICE, key, passphrase)
        except KeyringError as exc:
            return str(exc) or type(exc).__name__
        return ""

    def delete(self, key: str) -> None:
        """Forget the passphrase for ``key``."""
        if not self.usable():
            return
        import keyring
        from keyring.errors import KeyringError

        # Nothing was stored (PasswordDeleteError), or the keychain refused: nothing more to do.
        with contextlib.suppress(KeyringError):
            keyring.delete_password(SERVICE, key)
