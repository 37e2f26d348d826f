"""The room's file frames: every field bounded on receipt, read back exactly as sent, never a crash."""

from __future__ import annotations

import base64
import json
import string
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chatgui.protocol import (
    MAX_FILE_SIZE,
    MAX_LINE_BYTES,
    MAX_UDP_PAYLOAD_V4,
    BadFrame,
    FileCancel,
    FileFieldInvalid,
    FileOffer,
    IgnoredFrame,
    LocalProtocolError,
    encode_datagram,
    encode_frame,
    new_offer_id,
    new_token,
    parse_frame,
)
from chatgui.protocol.files import (
    MAX_ADDR_BYTES,
    MAX_FILE_ID_CHARS,
    MAX_FILE_NAME_BYTES,
    MAX_MIME_BYTES,
    MAX_THUMB_BYTES,
    MAX_THUMB_CHARS,
    MAX_TOKEN_CHARS,
    MIN_TOKEN_CHARS,
)
from chatgui.protocol.frames import MAX_NICK_BYTES, MAX_PEER_BYTES, frame_from_object
from chatgui.protocol.lines import encode_line
from tests.protocol.strategies import file_cancels, file_offers

FAST = settings(max_examples=300, deadline=None)
PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"
DIGEST = "0123456789abcdef" * 4
TOKEN = "T" * MIN_TOKEN_CHARS
OFFER = {
    "v": 1,
    "type": "file-offer",
    "peer": "p1",
    "id": "offer-1",
    "name": "photo.png",
    "size": 1234,
    "sha256": DIGEST,
    "mime": "image/png",
    "port": 40000,
    "token": TOKEN,
}
FIELDS = [key for key in OFFER if key not in ("v", "type")]
PLAIN = FileOffer("p1", "offer-1", "photo.png", 1234, DIGEST, "image/png", 40000, TOKEN)


def offer(**fields: Any) -> bytes:
    """A file-offer line's bytes with ``fields`` changed (None removes a field)."""
    obj = {**OFFER, **fields}
    return json.dumps({k: v for k, v in obj.items() if v is not None}, ensure_ascii=False).encode()


def _fields(frame: FileOffer) -> dict[str, Any]:
    return {name: getattr(frame, name) for name in frame.__slots__}


def cancel(**fields: Any) -> bytes:
    return json.dumps({"v": 1, "type": "file-cancel", "peer": "p1", "id": "offer-1", **fields}).encode()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


# -- the contract's wire form ----------------------------------------------------------


def test_an_offer_reads_as_the_contract_says_and_writes_back_the_same_bytes() -> None:
    assert parse_frame(offer()) == PLAIN
    assert encode_frame(PLAIN) == offer().replace(b", ", b",").replace(b": ", b":")


def test_optional_fields_travel_only_when_set() -> None:
    full = FileOffer(**{**_fields(PLAIN), "addr": "192.0.2.7", "nick": "bob", "thumb": PNG + b"x"})
    wire = json.loads(encode_frame(full))
    assert (wire["addr"], wire["nick"], wire["thumb"]) == ("192.0.2.7", "bob", b64(PNG + b"x"))
    assert parse_frame(encode_frame(full)) == full
    bare = json.loads(encode_frame(PLAIN))
    assert not {"addr", "nick", "thumb"} & bare.keys()


def test_a_cancel_reads_and_writes() -> None:
    assert parse_frame(cancel()) == FileCancel("p1", "offer-1")
    assert (
        encode_frame(FileCancel("p1", "offer-1"))
        == b'{"v":1,"type":"file-cancel","peer":"p1","id":"offer-1"}'
    )


def test_unknown_fields_are_ignored_and_other_versions_are_not_frames() -> None:
    assert parse_frame(offer(extra={"nested": [1, 2]}, resume=True)) == PLAIN
    assert parse_frame(offer(v=2)) is None
    assert parse_frame(cancel(v=2)) is None


def test_a_file_type_this_version_does_not_know_is_still_ignored() -> None:
    assert parse_frame(offer(type="file-answer")) == IgnoredFrame("file-answer")
    assert parse_frame(offer(type="file")) == IgnoredFrame("file")


@FAST
@given(st.one_of(file_offers, file_cancels))
def test_what_is_sent_is_read_back_exactly(frame: FileOffer | FileCancel) -> None:
    assert parse_frame(encode_frame(frame)) == frame
    assert parse_frame(encode_line(frame)) == frame  # framing itself: the shared strategies in test_lines.py


def test_fresh_ids_and_tokens_are_valid_and_differ() -> None:
    ids = {new_offer_id() for _ in range(100)}
    tokens = {new_token() for _ in range(100)}
    assert len(ids) == len(tokens) == 100
    for offer_id in ids:
        assert 1 <= len(offer_id) <= MAX_FILE_ID_CHARS
    for token in tokens:
        assert MIN_TOKEN_CHARS <= len(token) <= MAX_TOKEN_CHARS
        assert parse_frame(offer(id=min(ids), token=token)) == FileOffer(
            "p1", min(ids), "photo.png", 1234, DIGEST, "image/png", 40000, token
        )


# -- every bound: at it, and one over ----------------------------------------------------


def filled(limit: int) -> str:
    """``limit`` UTF-8 bytes of 3-byte characters (and ASCII for the rest), so bytes and characters differ."""
    return "好" * (limit // 3) + "x" * (limit % 3)


@pytest.mark.parametrize(
    ("field", "limit"),
    [
        ("peer", MAX_PEER_BYTES),
        ("name", MAX_FILE_NAME_BYTES),
        ("mime", MAX_MIME_BYTES),
        ("nick", MAX_NICK_BYTES),
    ],
)
def test_a_text_field_at_its_bound_is_read_and_one_byte_over_is_a_bad_frame(field: str, limit: int) -> None:
    at = filled(limit)
    read = parse_frame(offer(**{field: at}))
    assert isinstance(read, FileOffer)
    assert getattr(read, field) == at
    assert parse_frame(offer(**{field: at + "x"})) == BadFrame("file-offer", field, limit + 1, limit)
    with pytest.raises(FileFieldInvalid) as refused:
        encode_frame(FileOffer(**{**_fields(PLAIN), field: at + "x"}))
    assert (refused.value.type, refused.value.field) == ("file-offer", field)


def test_a_cancels_peer_is_bounded_too() -> None:
    at = filled(MAX_PEER_BYTES)
    assert parse_frame(cancel(peer=at)) == FileCancel(at, "offer-1")
    over = at + "x"
    assert parse_frame(cancel(peer=over)) == BadFrame(
        "file-cancel", "peer", MAX_PEER_BYTES + 1, MAX_PEER_BYTES
    )


@pytest.mark.parametrize("kind", ["file-offer", "file-cancel"])
def test_an_id_is_1_to_32_word_characters(kind: str) -> None:
    read = cancel if kind == "file-cancel" else offer
    longest = "a" * MAX_FILE_ID_CHARS
    assert getattr(parse_frame(read(id=longest)), "id", None) == longest
    assert getattr(parse_frame(read(id="-")), "id", None) == "-"
    assert parse_frame(read(id=longest + "a")) == BadFrame(
        kind, "id", MAX_FILE_ID_CHARS + 1, MAX_FILE_ID_CHARS
    )
    for bad in ["", "a/b", "../x", "a b", "é", "a\n", 7, None, ["a"]]:
        assert parse_frame(read(id=bad)) is None, bad


def test_a_token_is_32_to_64_word_characters() -> None:
    for good in ["a" * MIN_TOKEN_CHARS, "Z_-9" * (MAX_TOKEN_CHARS // 4)]:
        assert getattr(parse_frame(offer(token=good)), "token", None) == good
    over = "a" * (MAX_TOKEN_CHARS + 1)
    assert parse_frame(offer(token=over)) == BadFrame(
        "file-offer", "token", MAX_TOKEN_CHARS + 1, MAX_TOKEN_CHARS
    )
    for bad in ["a" * (MIN_TOKEN_CHARS - 1), "a" * 31 + "+", "a" * 31 + "=", 12345, None]:
        assert parse_frame(offer(token=bad)) is None, bad


def test_a_size_is_a_whole_number_from_0_to_2_to_the_53() -> None:
    for good in [0, 1, MAX_FILE_SIZE]:
        assert getattr(parse_frame(offer(size=good)), "size", None) == good
    for bad in [-1, MAX_FILE_SIZE + 1, 10**400, 1.0, 1e3, True, "1", None]:
        assert parse_frame(offer(size=bad)) is None, bad


def test_a_port_is_1_to_65535() -> None:
    for good in [1, 65535]:
        assert getattr(parse_frame(offer(port=good)), "port", None) == good
    for bad in [0, 65536, -1, 80.0, False, "80", None]:
        assert parse_frame(offer(port=bad)) is None, bad


def test_a_digest_is_64_lowercase_hex_digits() -> None:
    for bad in [DIGEST.upper(), DIGEST[:-1], DIGEST[:-1] + "g", " " + DIGEST[1:], 0, None]:
        assert parse_frame(offer(sha256=bad)) is None, bad
    over = DIGEST + "0"
    assert parse_frame(offer(sha256=over)) == BadFrame("file-offer", "sha256", 65, 64)


def test_required_text_fields_must_be_text() -> None:
    for field in ["peer", "name", "mime"]:
        assert parse_frame(offer(**{field: None})) is None
        assert parse_frame(offer(**{field: 5})) is None


def test_an_empty_name_and_an_unknown_type_are_allowed() -> None:
    assert parse_frame(offer(name="", mime="")) == FileOffer(**{**_fields(PLAIN), "name": "", "mime": ""})


def test_addr_is_an_ip_address_or_nothing() -> None:
    for good in ["127.0.0.1", "::1", "fe80::1%eth0", "fe80::1%" + "x" * (MAX_ADDR_BYTES - 8)]:
        assert getattr(parse_frame(offer(addr=good)), "addr", None) == good
    # Never a name a receiver would resolve (and connect to): such an addr is dropped.
    for ignored in ["evil.example", "127.0.0.1:80", "", "localhost", 7, ["::1"]]:
        assert parse_frame(offer(addr=ignored)) == PLAIN, ignored
    over = "fe80::1%" + "x" * (MAX_ADDR_BYTES - 7)
    assert parse_frame(offer(addr=over)) == BadFrame("file-offer", "addr", MAX_ADDR_BYTES + 1, MAX_ADDR_BYTES)
    with pytest.raises(FileFieldInvalid) as refused:
        encode_frame(FileOffer(**{**_fields(PLAIN), "addr": "evil.example"}))
    assert refused.value.field == "addr"


def test_a_nick_that_is_not_text_is_ignored() -> None:
    assert parse_frame(offer(nick=["mallory"])) == PLAIN


# -- the thumbnail: a small PNG or JPEG, or the frame is refused -------------------------


def test_a_thumb_at_its_bound_is_read_and_one_over_is_a_bad_frame() -> None:
    largest = PNG + b"\0" * (MAX_THUMB_BYTES - len(PNG))
    at = b64(largest)
    assert len(at) == MAX_THUMB_CHARS
    assert getattr(parse_frame(offer(thumb=at)), "thumb", None) == largest
    just_over = at + "A"  # one character more: refused before decoding
    assert parse_frame(offer(thumb=just_over)) == BadFrame(
        "file-offer", "thumb", MAX_THUMB_CHARS + 1, MAX_THUMB_CHARS
    )
    one_byte_more = b64(largest + b"\0")
    assert parse_frame(offer(thumb=one_byte_more)) == BadFrame(
        "file-offer", "thumb", len(one_byte_more), MAX_THUMB_CHARS
    )
    with pytest.raises(FileFieldInvalid):
        encode_frame(FileOffer(**{**_fields(PLAIN), "thumb": largest + b"\0"}))


@pytest.mark.parametrize(
    "thumb",
    [
        pytest.param("not base64!", id="not-base64"),
        pytest.param(b64(PNG)[:-1], id="bad-padding"),
        pytest.param(b64(PNG) + "\n", id="a-line-break"),
        pytest.param("好好好好", id="not-ascii"),
        pytest.param("\ud800AAA", id="a-lone-surrogate"),
        pytest.param(b64(b"GIF89a" + b"\0" * 10), id="a-gif"),
        pytest.param(b64(b"<svg onload=alert(1)>"), id="an-svg"),
        pytest.param(b64(PNG[:-1]), id="a-png-cut-short"),
    ],
)
def test_a_thumb_that_is_not_a_png_or_jpeg_in_base64_is_a_bad_frame(thumb: str) -> None:
    wire = offer().replace(b"}", b', "thumb": ' + json.dumps(thumb).encode() + b"}")
    assert parse_frame(wire) == BadFrame("file-offer", "thumb", len(thumb), MAX_THUMB_CHARS)


def test_a_thumb_that_is_not_text_or_empty_is_no_thumb() -> None:
    for none in ["", 5, None, [b64(PNG)], {"png": b64(PNG)}]:
        assert parse_frame(offer(thumb=none)) == PLAIN, none
    assert getattr(parse_frame(offer(thumb=b64(JPEG))), "thumb", None) == JPEG


def test_sending_a_thumb_that_is_no_picture_is_refused() -> None:
    with pytest.raises(FileFieldInvalid) as refused:
        encode_frame(FileOffer(**{**_fields(PLAIN), "thumb": b"GIF89a"}))
    assert isinstance(refused.value, LocalProtocolError)
    assert refused.value.field == "thumb"
    assert "thumb" in str(refused.value)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", ""),
        ("id", "a/b"),
        ("token", "short"),
        ("sha256", "x"),
        ("size", -1),
        ("port", 0),
        ("port", 70000),
    ],
)
def test_sending_a_field_out_of_its_form_is_refused(field: str, value: object) -> None:
    with pytest.raises(FileFieldInvalid) as refused:
        encode_frame(FileOffer(**{**_fields(PLAIN), field: value}))
    assert refused.value.field == field
    with pytest.raises(FileFieldInvalid):
        encode_frame(FileCancel("p", "a b"))


# -- the largest offer still travels ----------------------------------------------------


def test_the_largest_offer_fits_a_line_and_a_datagram() -> None:
    """What a host relays fits what a member accepts, whatever the escapes cost."""
    controls = "\x01" * MAX_FILE_NAME_BYTES  # six bytes each in JSON
    largest = FileOffer(
        peer="\x01" * MAX_PEER_BYTES,
        id="a" * MAX_FILE_ID_CHARS,
        name=controls,
        size=MAX_FILE_SIZE,
        sha256=DIGEST,
        mime="\x01" * MAX_MIME_BYTES,
        port=65535,
        token="t" * MAX_TOKEN_CHARS,
        addr="fe80::1%" + "x" * (MAX_ADDR_BYTES - 8),
        nick="\x01" * MAX_NICK_BYTES,
        thumb=PNG + b"\0" * (MAX_THUMB_BYTES - len(PNG)),
    )
    line = encode_line(largest)
    assert len(line) < MAX_LINE_BYTES
    assert parse_frame(line) == largest
    assert len(encode_datagram(largest)) <= MAX_UDP_PAYLOAD_V4


# -- hostile objects --------------------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)  # JSON has no infinity
    | st.text(max_size=80)
    | st.text(alphabet=string.ascii_letters + string.digits + "_-+/=", max_size=80),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@FAST
@given(
    st.sampled_from(["file-offer", "file-cancel"]),
    st.dictionaries(st.sampled_from([*FIELDS, "addr", "nick", "thumb", "other"]), json_values, max_size=6),
)
def test_any_json_object_is_a_valid_frame_a_bad_frame_or_none_never_an_exception(
    kind: str, changes: dict[str, Any]
) -> None:
    obj = {**OFFER, "type": kind, **changes}
    result = frame_from_object(obj)
    assert result is None or isinstance(result, FileOffer | FileCancel | BadFrame)
    if isinstance(result, BadFrame):
        assert result.type == kind
        assert result.field in obj
    elif result is not None:
        assert parse_frame(encode_frame(result)) == result  # whatever is read is a frame we could send
    payload = json.dumps(obj).encode()
    assert parse_frame(payload) == result


@FAST
@given(st.binary(max_size=400))
def test_garbage_after_a_file_type_never_raises(tail: bytes) -> None:
    for kind in (b"file-offer", b"file-cancel"):
        result = parse_frame(b'{"v":1,"type":"' + kind + b'",' + tail)
        assert result is None or isinstance(result, FileOffer | FileCancel | BadFrame)
