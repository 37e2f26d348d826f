"""The line limit holds however the bytes are cut into reads (the framer skips measuring safe reads)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chatgui.protocol import LineFramer, LineTooLong, RawText


@settings(max_examples=400, deadline=None)
@given(st.lists(st.integers(0, 40), min_size=1, max_size=12), st.integers(1, 30), st.data())
def test_a_line_over_the_limit_is_refused_in_any_reads(
    lengths: list[int], max_line: int, data: st.DataObject
) -> None:
    stream = b"".join(b"x" * n + b"\n" for n in lengths)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(stream)), max_size=6)))
    chunks = [stream[a:b] for a, b in zip([0, *cuts], [*cuts, len(stream)], strict=True)]
    framer = LineFramer(max_line=max_line)
    refused = False
    for chunk in chunks:
        if not chunk:
            continue
        try:
            framer.receive_data(chunk, 0.0)
        except LineTooLong:
            refused = True
            break
    long_at = next((i for i, n in enumerate(lengths) if n > max_line), None)
    assert refused == (long_at is not None)
    lines = [e for e in framer.next_events(0.0) if isinstance(e, RawText)]
    if long_at is not None:
        assert [len(e.data) for e in lines] == lengths[:long_at]  # every line before the long one
    else:
        assert [len(e.data) for e in lines] == lengths
