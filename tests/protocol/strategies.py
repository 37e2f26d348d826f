"""Hypothesis strategies for every frame type, shared by the protocol tests."""

from __future__ import annotations

import string

from hypothesis import strategies as st

from chatgui.protocol import (
    MAX_SEQ,
    Ack,
    Bye,
    ErrorFrame,
    Frame,
    Hello,
    Join,
    Leave,
    Msg,
    Ping,
    Pong,
    Roster,
    Welcome,
)
from chatgui.protocol.files import MAX_FILE_SIZE, FileCancel, FileOffer

# Any Unicode (emoji, CJK, newlines, markup), biased towards the characters that break
# naive code.
texts = st.one_of(
    st.text(max_size=40),
    st.text(alphabet='\n\r\t"\\{}<>&/ 你好世界😀\u2028\x00', max_size=40),
    st.sampled_from(["<b>x</b>", "你好", "😀👍🏽", "line\nbreak", "", " \r\n", '{"v":1}']),
)
# Fields bounded at 64 UTF-8 bytes (peer, app): 16 characters of at most 4 bytes each.
shorts = st.one_of(st.text(max_size=16), st.sampled_from(["", "a1b2c3d4e5f60718", "你好😀"]))
timestamps = st.floats(allow_nan=False, allow_infinity=False)
seqs = st.integers(min_value=1, max_value=MAX_SEQ)

# File frames: every field within its bound and of its form.
_WORD = string.ascii_letters + string.digits + "_-"
offer_ids = st.text(alphabet=_WORD, min_size=1, max_size=32)
tokens = st.text(alphabet=_WORD, min_size=32, max_size=64)
digests = st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)
thumbs = st.one_of(
    st.just(b""),
    st.tuples(st.sampled_from([b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"]), st.binary(max_size=64)).map(b"".join),
)
file_offers = st.builds(
    FileOffer,
    peer=shorts,
    id=offer_ids,
    name=texts,
    size=st.integers(min_value=0, max_value=MAX_FILE_SIZE),
    sha256=digests,
    mime=shorts,
    port=st.integers(min_value=1, max_value=65535),
    token=tokens,
    addr=st.one_of(st.just(""), st.ip_addresses().map(str)),
    nick=texts,
    thumb=thumbs,
)
file_cancels = st.builds(FileCancel, peer=shorts, id=offer_ids)

frames: st.SearchStrategy[Frame] = st.one_of(
    st.builds(Hello, nick=texts, peer=shorts, app=shorts),
    st.builds(Msg, peer=shorts, seq=seqs, ts=timestamps, nick=texts, text=texts),
    st.builds(Ack, peer=shorts, seq=seqs, ts=timestamps, also=st.lists(seqs, max_size=8).map(tuple)),
    st.builds(Roster, nicks=st.lists(texts, max_size=5).map(tuple)),
    st.builds(Join, nick=texts),
    st.builds(Leave, nick=texts),
    st.builds(Welcome, nick=texts, room=shorts, name=texts),
    st.builds(Ping, ts=timestamps),
    st.builds(Pong, ts=timestamps),
    st.builds(Bye, reason=texts),
    st.builds(ErrorFrame, reason=texts),
    file_offers,
    file_cancels,
)
