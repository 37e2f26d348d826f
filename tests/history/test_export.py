"""Export to text, CSV and JSON, and the round trip back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chatgui.history.export import (
    CsvLabels,
    export_csv,
    export_file_name,
    export_json,
    export_text,
    iso_time,
    parse_csv,
    parse_iso_time,
    parse_json,
)
from chatgui.history.store import KINDS, HistoryRow

ROWS = [
    HistoryRow(0, "r", 1_795_000_000.125, "other", "ann", 'hello, "world"'),
    HistoryRow(0, "r", 1_795_000_001.5, "own", "我", "你好\nsecond line\r\nthird"),
    HistoryRow(0, "r", 1_795_000_002.0, "raw", "127.0.0.1:5000", "=1+1 <b>x</b> ; tab\there"),
    HistoryRow(0, "r", 1_795_000_003.999, "system", "", "bob joined."),
    HistoryRow(0, "r", 1_795_000_004.0, "error", "", ""),
]


def _same(got: list[HistoryRow], want: list[HistoryRow]) -> None:
    assert [(r.kind, r.sender, r.text) for r in got] == [(r.kind, r.sender, r.text) for r in want]
    for mine, theirs in zip(got, want, strict=True):
        assert abs(theirs.ts - mine.ts) < 0.001  # milliseconds are kept


@pytest.mark.parametrize(("export", "parse"), [(export_csv, parse_csv), (export_json, parse_json)])
def test_round_trip(tmp_path: Path, export, parse) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "out"
    assert export(ROWS, path) == len(ROWS)
    got = parse(path, room="r")
    _same(got, ROWS)
    assert all(row.room == "r" and row.id == 0 for row in got)


def test_csv_is_rfc4180_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    export_csv(ROWS[:2], path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbftime,kind,sender,text\r\n")
    assert b'"hello, ""world"""' in data
    assert "你好\nsecond line\r\nthird".encode() in data  # inside quotes, as is


def test_json_times_are_iso_8601_with_offset(tmp_path: Path) -> None:
    path = tmp_path / "h.json"
    export_json(ROWS, path)
    text = path.read_text(encoding="utf-8")
    assert "你好" in text  # not \\u escapes
    times = re.findall(r'"time": "([^"]+)"', text)
    assert len(times) == len(ROWS)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d", t) for t in times)
    assert parse_iso_time(times[0]) == pytest.approx(ROWS[0].ts, abs=0.001)


def test_text_lines(tmp_path: Path) -> None:
    path = tmp_path / "h.txt"
    assert export_text(ROWS, path) == len(ROWS)
    lines = path.read_text(encoding="utf-8").split("\n")
    stamp = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d"
    assert re.fullmatch(stamp + r'  ann: hello, "world"', lines[0])
    assert re.fullmatch(stamp + r"  我: 你好", lines[1])
    assert lines[2:4] == ["    second line", "    third"]
    assert re.fullmatch(stamp + r"  bob joined\.", lines[5])
    assert parse_iso_time(lines[0].split("  ")[0]) == int(ROWS[0].ts)


def test_an_export_that_fails_leaves_nothing(tmp_path: Path) -> None:
    def rows():  # type: ignore[no-untyped-def]
        yield ROWS[0]
        raise OSError("disk full")

    path = tmp_path / "h.csv"
    with pytest.raises(OSError, match="disk full"):
        export_csv(rows(), path)
    assert list(tmp_path.iterdir()) == []


def test_parsers_refuse_other_files(tmp_path: Path) -> None:
    path = tmp_path / "x"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="header"):
        parse_csv(path)
    path.write_text('{"time": 1}', encoding="utf-8")
    with pytest.raises(ValueError, match="not a list"):
        parse_json(path)
    path.write_text('[{"time": "2026-01-01T00:00:00", "kind": "own", "sender": "", "text": ""}]')
    with pytest.raises(ValueError, match="offset"):
        parse_json(path)


def test_iso_time_carries_the_offset() -> None:
    assert parse_iso_time(iso_time(1_795_000_000.5)) == 1_795_000_000.5


_texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(0, 4_000_000_000), st.sampled_from(KINDS), _texts, _texts),
        max_size=8,
    )
)
def test_any_text_round_trips(tmp_path_factory: pytest.TempPathFactory, items) -> None:  # type: ignore[no-untyped-def]
    rows = [HistoryRow(0, "", ts, kind, sender, text) for ts, kind, sender, text in items]
    folder = tmp_path_factory.mktemp("rt")
    for export, parse in ((export_csv, parse_csv), (export_json, parse_json)):
        export(rows, folder / "out")
        _same(parse(folder / "out"), rows)


def test_csv_cells_cannot_become_spreadsheet_formulas(tmp_path: Path) -> None:
    planted = ['=HYPERLINK("http://x","click")', "+1", "-2", "@SUM(A1)", "'quoted", "fine"]
    rows = [HistoryRow(0, "r", 1_795_000_000.0, "other", text, text) for text in planted]
    export_csv(rows, tmp_path / "out.csv")
    content = (tmp_path / "out.csv").read_bytes().decode("utf-8-sig")
    for text in planted[:-1]:
        assert f"'{text}".replace('"', '""') in content  # shown as text by spreadsheets
    assert ",other,fine,fine\r\n" in content  # ordinary text is left alone
    _same(parse_csv(tmp_path / "out.csv"), rows)


ZH_LABELS = CsvLabels(
    ("时间", "类型", "发送者", "内容"),
    {"own": "我发出的", "other": "收到的", "raw": "原始文本", "system": "系统", "error": "错误"},
)


def test_a_csv_in_the_readers_language_has_its_header_and_kinds_and_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "zh.csv"
    assert export_csv(ROWS, path, ZH_LABELS) == len(ROWS)
    lines = path.read_bytes().decode("utf-8-sig").split("\r\n")
    assert lines[0] == "时间,类型,发送者,内容"
    assert lines[1].split(",")[1] == "收到的"
    assert "other" not in path.read_text(encoding="utf-8-sig")
    assert [(r.kind, r.sender, r.text) for r in parse_csv(path, "r", ZH_LABELS)] == [
        (r.kind, r.sender, r.text) for r in ROWS
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ann's room", "Ann's room 2026-11-21.csv"),
        ('a/b\\c:d*e?f"g<h>i|j', "a_b_c_d_e_f_g_h_i_j 2026-11-21.csv"),
        ("  ..hidden. ", "hidden 2026-11-21.csv"),
        ("line\nbreak\x00\u202e", "line_break__ 2026-11-21.csv"),
        ("CON", "_CON 2026-11-21.csv"),
        ("nul.txt", "_nul.txt 2026-11-21.csv"),
        ("", "chatgui-history 2026-11-21.csv"),
        ("///", "chatgui-history 2026-11-21.csv"),
        ("房间 " + "好" * 200, "房间 " + "好" * 77 + " 2026-11-21.csv"),
    ],
)
def test_the_export_file_is_named_after_the_room_safely_on_every_system(name: str, expected: str) -> None:
    assert export_file_name(name, "csv", "2026-11-21") == expected
