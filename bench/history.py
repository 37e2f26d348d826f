r"""The history file at size: writing rows, building the search index, searching, opening a room.

One run builds a history file of ``--rows`` rows (seeded text, English and Chinese mixed,
several rooms, one of them reached under two keys as a room linked to its address is)
through the real ``HistoryWriter`` (the window's writer thread), then measures on it, with
a ``HistoryDB`` as the window's reader thread uses it:

* ``insert_rows_per_s``: rows submitted in batches of 4,096 (as the window submits a
  shown batch) until ``flush()`` says they are committed;
* ``index_rows_per_s`` / ``index_build_s``: the writer indexing them once rows stop coming
  (what happens after a flood, and when a file of an older version is opened);
* ``search_ms_p50`` / ``search_ms_max``: ``HistoryDB.search`` over a fixed set of queries of
  three or more characters (rare, common, absent, upper case, Chinese), each ``--repeat``
  times, in the biggest room; ``short_search_ms_*`` the same for 1–2 character queries;
* the baselines of the same run on the same file: ``like_*`` a plain
  ``text LIKE '%q%' ESCAPE '\'`` scan, ``casefold_*`` the scan the store did before the index
  (``instr(py_lower(text), q)``, Python's casefold per row), and ``*_ratio`` = baseline ÷ index;
* ``recent_page_ms``: ``HistoryDB.recent(room, 500)``, the page a room opens with, in the
  biggest room and in a small one (``recent_small_page_ms``), beside ``recent_in_page_ms``,
  the single ``room IN (...)`` query the store used before;
* ``file_mb``: the file (and its WAL) once checkpointed.

Every search's rows are compared with the casefold scan's: ``results_match`` says whether all
agreed. Run with ``PYTHONPATH`` set to an older checkout to measure that one (the figures it
cannot produce are left out).

Usage: ``python3 bench/history.py [--rows 200000] [--repeat 3] [--json] [--keep DIR]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from record import Recorder  # bench/record.py: a sibling of this script

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path and "PYTHONPATH" not in os.environ:
    sys.path.insert(0, str(REPO_ROOT))

from chatgui.history.store import HistoryDB, HistoryRow  # noqa: E402
from chatgui.history.writer import HistoryWriter  # noqa: E402

BATCH = 4096
PAGE = 500
LIMIT = 1000  # HistoryDB.search's default
IDENTITY = "room:bench-big"
ADDRESS = "tcp:127.0.0.1:50041"  # linked to IDENTITY before any row: the room has two keys
ROOMS = ((IDENTITY, 0.80), ("room:bench-team", 0.15), ("tcp:[::1]:5000", 0.04), ("udp:6000", 0.01))
SMALL_ROOM = "udp:6000"
RARE_EVERY = 97_003  # every this many rows carries the rare English word
RARE_CJK_EVERY = 101_009  # ... and the rare Chinese word

QUERIES = ("xylophone", "meeting", "the", "MEETING", "Straße", "qzxwvk", "服务器", "麒麟座", "我们的")
SHORT_QUERIES = ("a", "ok", "麟", "zq", "%")

ENGLISH = (  # noqa: SIM905 - a word list reads best as words
    "the and you that was for are with his they this have from one had word but not what all "
    "were when your can said there use each which she how their will other about out many "
    "then them these some her would make like him into time has look two more write see "
    "number way could people than first water been call who its now find long down day did "
    "get come made may part hello meeting server packet socket window tomorrow lunch coffee "
    "build release test ok lol Please Thanks Sorry Great STRASSE news update merge branch "
    "deploy review ticket"
).split()
CHINESE = (  # noqa: SIM905 - a word list reads best as words
    "我们 你好 服务器 今天 明天 会议 谢谢 没有 问题 可以 时间 什么 现在 已经 因为 所以 但是 "
    "这个 那个 知道 工作 朋友 中午 吃饭 咖啡 发布 测试 代码 网络 数据 消息 房间 口令 连接 断开"
).split()


def _texts(rows: int, seed: int) -> list[str]:
    """``rows`` chat lines: about 70% English, 25% Chinese, 5% both; rare words planted."""
    rng = random.Random(seed)
    pseudo = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(4, 9))) for _ in range(3000)]
    words = ENGLISH * 10 + pseudo
    texts: list[str] = []
    for n in range(rows):
        pick = rng.random()
        if pick < 0.70:
            text = " ".join(rng.choices(words, k=rng.randint(3, 14)))
        elif pick < 0.95:
            text = "".join(rng.choices(CHINESE, k=rng.randint(2, 12)))
        else:
            text = " ".join(rng.choices(words, k=3)) + "".join(rng.choices(CHINESE, k=3))
        if n % RARE_EVERY == RARE_EVERY // 2:
            text += " xylophone"
        if n % RARE_CJK_EVERY == RARE_CJK_EVERY // 3:
            text += "麒麟座"
        texts.append(text)
    return texts


def _rooms_of(rows: int, seed: int) -> list[str]:
    rng = random.Random(seed + 1)
    keys = [key for key, _ in ROOMS]
    weights = [share for _, share in ROOMS]
    chosen = rng.choices(keys, weights, k=rows)
    # Some of the big room's rows were written under its address before the host said
    # which room it was (link() moves them; rows still come under both keys afterwards).
    return [ADDRESS if key == IDENTITY and n % 50 == 0 else key for n, key in enumerate(chosen)]


def build(path: Path, rows: int, seed: int) -> dict[str, Any]:
    """Write the file through the real writer; time the inserts and the index build."""
    texts = _texts(rows, seed)
    rooms = _rooms_of(rows, seed)
    db = HistoryDB(path)
    db.link(ADDRESS, IDENTITY, "Bench room")
    db.close()
    indexed = threading.Event()
    progress: list[tuple[int, int]] = []

    def on_index(done: int, total: int) -> None:
        progress.append((done, total))
        if done >= total:
            indexed.set()

    try:
        writer = HistoryWriter(path, on_index_progress=on_index)
        has_index = True
    except TypeError:  # an older checkout: no search index
        writer = HistoryWriter(path)
        has_index = False
    ts0 = 1.7e9
    started = time.perf_counter()
    for start in range(0, rows, BATCH):
        writer.submit(
            [
                HistoryRow(0, rooms[n], ts0 + n, "other", "ann", texts[n])
                for n in range(start, min(rows, start + BATCH))
            ]
        )
    if not writer.flush(timeout=600.0):
        raise SystemExit("the writer did not commit the rows within 600 s")
    inserted = time.perf_counter()
    figures: dict[str, Any] = {"insert_rows_per_s": round(rows / (inserted - started))}
    if has_index:
        if not indexed.wait(timeout=3600.0):
            raise SystemExit("the index was not built within an hour")
        built = time.perf_counter()
        # The writer starts once rows have stopped for its idle time (0.25 s): not counted.
        building = built - inserted - 0.25
        figures["index_build_s"] = round(building, 2)
        figures["index_rows_per_s"] = round(progress[-1][1] / building) if building > 0 else None
    writer.close()
    return figures


def _timed(call: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = call()
    return (time.perf_counter() - started) * 1000.0, result


def _stats(prefix: str, times: list[float]) -> dict[str, float]:
    return {f"{prefix}_ms_p50": round(statistics.median(times), 2), f"{prefix}_ms_max": round(max(times), 2)}


def measure(path: Path, repeat: int) -> dict[str, Any]:
    """Search and open rooms on the built file, beside the scans of the same run."""
    db = HistoryDB(path)
    conn: sqlite3.Connection = db._conn
    keys = [IDENTITY, ADDRESS]
    marks = ", ".join("?" * len(keys))
    cols = "id, room, ts, kind, sender, text, receipt, rtt, ref"

    def like(query: str) -> list[Any]:
        pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return conn.execute(
            f"SELECT {cols} FROM messages WHERE room IN ({marks}) AND text LIKE ? ESCAPE '\\'"
            " ORDER BY id DESC LIMIT ?",
            (*keys, pattern, LIMIT),
        ).fetchall()

    def casefold(query: str) -> list[int]:
        found = conn.execute(
            f"SELECT id FROM messages WHERE room IN ({marks}) AND instr(py_lower(text), ?) > 0"
            " ORDER BY id DESC LIMIT ?",
            (*keys, query.casefold(), LIMIT),
        ).fetchall()
        return sorted(row_id for (row_id,) in found)

    figures: dict[str, Any] = {}
    match = True
    hits: dict[str, int] = {}
    for name, queries in (("search", QUERIES), ("short_search", SHORT_QUERIES)):
        times: list[float] = []
        like_times: list[float] = []
        fold_times: list[float] = []
        for query in queries:
            for _ in range(repeat):
                elapsed, rows = _timed(lambda q=query: db.search(IDENTITY, q, LIMIT))
                times.append(elapsed)
                like_times.append(_timed(lambda q=query: like(q))[0])
                fold_elapsed, expected = _timed(lambda q=query: casefold(q))
                fold_times.append(fold_elapsed)
            hits[query] = len(rows)
            match = match and [row.id for row in rows] == expected
        figures.update(_stats(name, times))
        figures.update(_stats(f"like_{name}", like_times))
        figures.update(_stats(f"casefold_{name}", fold_times))
        figures[f"{name}_like_ratio"] = round(
            figures[f"like_{name}_ms_p50"] / max(figures[f"{name}_ms_p50"], 1e-3), 1
        )
        figures[f"{name}_casefold_ratio"] = round(
            figures[f"casefold_{name}_ms_p50"] / max(figures[f"{name}_ms_p50"], 1e-3), 1
        )
    figures["results_match"] = match
    figures["hits"] = hits

    def in_page(room_keys: list[str]) -> list[Any]:
        in_marks = ", ".join("?" * len(room_keys))
        return conn.execute(
            f"SELECT {cols} FROM messages WHERE room IN ({in_marks}) AND id < ? ORDER BY id DESC LIMIT ?",
            (*room_keys, 2**63 - 1, PAGE),
        ).fetchall()

    for name, room, room_keys in (
        ("recent", IDENTITY, keys),
        ("recent_small", SMALL_ROOM, [SMALL_ROOM, ADDRESS]),
    ):
        page_times = [_timed(lambda r=room: db.recent(r, PAGE))[0] for _ in range(max(repeat, 5))]
        in_times = [_timed(lambda k=room_keys: in_page(k))[0] for _ in range(max(repeat, 5))]
        figures[f"{name}_page_ms"] = round(statistics.median(page_times), 2)
        figures[f"{name}_in_page_ms"] = round(statistics.median(in_times), 2)
    db.close()
    with sqlite3.connect(path) as check:
        check.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    figures["file_mb"] = round(sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6, 1)
    return figures


def main(argv: list[str] | None = None) -> int:
    """Build, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3, help="times each query is run (medians)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument("--keep", type=Path, help="build the file in this folder and leave it there")
    parser.add_argument(
        "--save", type=Path, metavar="PATH", help="also write figures, date, machine and load to PATH (JSON)"
    )
    args = parser.parse_args(argv)
    recorder = Recorder("history", args.save, argv)  # the date and the load before the run
    with tempfile.TemporaryDirectory(prefix="chatgui-bench-history-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "history.sqlite3"
        for stale in folder.glob("history.sqlite3*"):
            stale.unlink()
        figures: dict[str, Any] = {"rows": args.rows, "repeat": args.repeat, "seed": args.seed}
        figures.update(build(path, args.rows, args.seed))
        figures.update(measure(path, args.repeat))
    figures["sqlite"] = sqlite3.sqlite_version
    figures["python"] = platform.python_version()
    figures["machine"] = f"{platform.machine()}, {os.cpu_count()} cores"
    figures["load_avg"] = [round(x, 2) for x in os.getloadavg()]
    if args.json:
        print(json.dumps(figures))
    else:
        width = max(len(key) for key in figures)
        for key, value in figures.items():
            print(f"{key:<{width}}  {value}")
    recorder.save(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
