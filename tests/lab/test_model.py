"""The lab's pure values: framing reassembly at every split point and the JSON shape."""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chatgui.lab.model import (
    Conditions,
    Fate,
    LabResult,
    ProtocolResult,
    Workload,
    length_prefixed,
    reassemble,
)

MESSAGES = [b"hello", "你好".encode(), b"third one"]


def _splits(stream: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({0, len(stream), *(c % (len(stream) + 1) for c in cuts)})
    return [stream[a:b] for a, b in itertools.pairwise(points)]


@given(st.lists(st.integers(min_value=0, max_value=1000), max_size=12))
def test_newline_framing_reassembles_at_any_split(cuts: list[int]) -> None:
    stream = b"".join(m + b"\n" for m in MESSAGES)
    assert reassemble(_splits(stream, cuts), "newline") == MESSAGES


@given(st.lists(st.integers(min_value=0, max_value=1000), max_size=12))
def test_length_framing_reassembles_at_any_split(cuts: list[int]) -> None:
    stream = b"".join(length_prefixed(m) for m in MESSAGES)
    assert reassemble(_splits(stream, cuts), "length") == MESSAGES


def test_length_framing_with_a_recv_that_splits_the_prefix() -> None:
    stream = b"".join(length_prefixed(m) for m in MESSAGES)
    chunks = [stream[:2], stream[2:11], stream[11:]]
    assert reassemble(chunks, "length") == MESSAGES


def test_no_framing_takes_each_chunk_as_a_message() -> None:
    assert reassemble([b"helloworld", b"", b"x"], "none") == [b"helloworld", b"x"]


def test_unfinished_message_is_not_returned() -> None:
    assert reassemble([b"a\nb"], "newline") == [b"a"]
    assert reassemble([length_prefixed(b"abc")[:-1]], "length") == []


def test_json_shape_has_every_figure_per_protocol() -> None:
    tcp = ProtocolResult.empty("tcp", 3)
    result = LabResult(Workload(count=3), Conditions(loss=5), "", tcp, ProtocolResult.empty("udp", 3))
    shape = json.loads(json.dumps(result.to_json()))
    for key in ("tcp", "udp"):
        part = shape[key]
        assert {"sent", "delivered", "lost", "duplicated", "reordered", "msgs_per_s", "seconds"} <= set(part)
        assert set(part["rtt_ms"]) == {"p50", "p95", "max"}
    assert shape["conditions"]["loss"] == 5
    assert tcp.fates == (Fate.PENDING,) * 3


@pytest.mark.parametrize("conditions", [Conditions(), Conditions(seed=9)])
def test_seed_alone_is_no_impairment(conditions: Conditions) -> None:
    assert not conditions.impaired
    assert Conditions(jitter_ms=1).impaired
