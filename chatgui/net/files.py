"""File transfers' data connections (issue 15): the one place the backend imports them from.

- ``FileServer``: the sender's side. It listens on a port of its own and serves offered
  files (``offer``/``withdraw``) to receivers that present the offer's token.
- ``fetch``: the receiver's side. It downloads one offer to a part file, resumes an
  interrupted one, verifies the SHA-256 and renames the file to a free name.
- ``hash_file``: size and SHA-256 of a file about to be offered (run it off the GUI thread).
- ``room_file_key``: a private room's file key from its passphrase (scrypt: once per
  session, off the GUI thread and the worker loop). Given as ``key`` to ``FileServer`` and
  ``fetch``, it seals the whole data connection (``protocol/file_seal.py``).

Every one runs in threads of its own and reports through callbacks from those threads;
the chat's selectors loop never waits on a file. The wire is ``protocol/file_stream.py``.
"""

from __future__ import annotations

from chatgui.net.files_common import (
    PART_SUFFIX,
    FetchResult,
    ServeResult,
    ServerLimits,
    TransferCancelled,
    hash_file,
    part_path,
    remove_part,
)
from chatgui.net.files_fetch import Fetch, fetch
from chatgui.net.files_server import FileServer
from chatgui.protocol.file_seal import room_file_key

__all__ = [
    "PART_SUFFIX",
    "Fetch",
    "FetchResult",
    "FileServer",
    "ServeResult",
    "ServerLimits",
    "TransferCancelled",
    "fetch",
    "hash_file",
    "part_path",
    "remove_part",
    "room_file_key",
]
