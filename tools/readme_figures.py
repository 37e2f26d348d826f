r"""README's figures, rendered from the results files the benches and the build wrote.

Every figure README quotes from a bench or a build sits between markers::

    <!-- figures:throughput -->
    ... rendered from bench/results/throughput*.json ...
    <!-- /figures -->

and is rendered here from ``bench/results/*.json`` (written by ``--save PATH``, see
``bench/record.py``), with the date, the machine and its load average. Usage::

    python3 tools/readme_figures.py                 # rewrite README's figure passages
    python3 tools/readme_figures.py --check         # exit 1 naming each passage that differs
    python3 tools/readme_figures.py --run throughput history load build   # measure anew, then rewrite

``--run`` runs the commands in ``RUNS`` (each with ``--save``), one after the other, so
re-measuring is one command; commit the results files with the README they produced.
``tests/test_readme_figures.py`` runs ``--check``: a hand-edited figure, or a results file
without the README it renders, fails the suite.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import shlex
import statistics
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
RESULTS = ROOT / "bench" / "results"
WIDTH = 84  # README's prose lines wrap near here
PASSAGE = re.compile(r"<!-- figures:(?P<name>[a-z0-9-]+) -->\n(?P<body>.*?)<!-- /figures -->", re.DOTALL)

Record = dict[str, Any]

# What each results file is measured with; `--run NAME` runs a group in this order.
RUNS: dict[str, list[str]] = {
    "throughput": [
        "bench/throughput.py --count 200000 --repeat 5 --history --json",
        "bench/throughput.py --count 200000 --repeat 5 --json",
        "bench/throughput.py --count 1000000 --repeat 1 --only tcp --history --json",
    ],
    "history": ["bench/history.py --rows 1000000 --json"],
    "load": [
        "bench/load.py --members 200 --messages 20 --json",
        "bench/load.py --members 400 --messages 10 --json",
        "bench/load.py --members 50 --messages 200 --json",
    ],
    "build": ["packaging/build.py"],
}
SAVES: dict[str, list[str]] = {
    "throughput": ["throughput.json", "throughput-no-history.json", "throughput-1m.json"],
    "history": ["history.json"],
    "load": ["load-200x20.json", "load-400x10.json", "load-50x200.json"],
    "build": ["build.json"],
}


# --------------------------------------------------------------------------- words


def _wrap(text: str) -> str:
    """One paragraph, wrapped like README's prose (never inside a word or at a hyphen)."""
    return textwrap.fill(" ".join(text.split()), WIDTH, break_long_words=False, break_on_hyphens=False)


def _int(value: float) -> str:
    return f"{round(value):,}"


def machine(record: Record) -> str:
    """``a 2-core Debian GNU/Linux 12 VM, Intel Xeon Processor @ 2.80GHz, 25.3 GB RAM, Python 3.11.7``."""
    m = record["machine"]
    kind = "VM" if m.get("virtual") else "computer"
    system = re.sub(r"\s*\(.*\)$", "", str(m["os"]))  # "Debian GNU/Linux 12 (bookworm)": no nested brackets
    cpu = re.sub(r"\((R|TM)\)", "", str(m.get("cpu") or ""))
    ram = f"{m['ram_gb']} GB RAM" if m.get("ram_gb") else ""
    parts = [f"a {m['cores']}-core {system} {kind}", cpu, ram, f"Python {m['python']}"]
    return ", ".join(part for part in parts if part)


def when(record: Record) -> str:
    """``2026-11-29 21:12 UTC, load average 1.12 at the start, 2.30 at the end`` (1-minute figures)."""
    date = str(record["date"]).replace("T", " ")[:16] + " UTC"
    start = record.get("load_avg_start") or []
    end = record.get("load_avg_end") or []
    if not start:
        return date
    at_end = f", {end[0]:.2f} at the end" if end else ""
    return f"{date}, load average {start[0]:.2f} at the start{at_end}"


def when_span(records: list[Record]) -> str:
    """When a series of runs began and the load from the first one's start to the last one's end."""
    first, last = records[0], records[-1]
    if len(records) == 1:
        return when(first)
    date = str(first["date"]).replace("T", " ")[:16] + " UTC"
    start = first.get("load_avg_start") or []
    end = last.get("load_avg_end") or []
    if not (start and end):
        return f"{len(records)} runs from {date}"
    return (
        f"{len(records)} runs from {date}, load average {start[0]:.2f} at the start of the first, "
        f"{end[0]:.2f} at the end of the last"
    )


def source(record: Record) -> str:
    """Nothing for figures measured by the recorded run, else where they come from."""
    text = record.get("source", "this run")
    return "" if text == "this run" else f"; {text}"


# --------------------------------------------------------------------------- passages


def render_build(records: dict[str, Record]) -> str:
    """README "Download and install": the Linux build's sizes and launch time against their budgets."""
    r = records["build.json"]
    f = r["figures"]
    runs = f["startup_runs_ms"]

    def over(value: float, budget: float) -> str:
        return ", **over** in this run" if value > budget else ""

    return _wrap(
        f"The {f['version']} Linux build, as `packaging/build.py` printed it ({machine(r)}; "
        f"{when(r)}{source(r)}): tar.gz {f['tar_gz_mb']:.1f} MB (budget {f['tar_gz_budget_mb']:g} MB"
        f"{over(f['tar_gz_mb'], f['tar_gz_budget_mb'])}), .deb {f['deb_mb']:.1f} MB "
        f"({f['deb_installed_mb']:.1f} MB installed; budget {f['deb_installed_budget_mb']:g} MB"
        f"{over(f['deb_installed_mb'], f['deb_installed_budget_mb'])}); the window appears "
        f"{f['startup_median_ms'] / 1000:.2f} s after launch (median of {len(runs)} runs of "
        f"`chatgui --startup-time`: {min(runs):.0f}–{max(runs):.0f} ms; budget "
        f"{f['startup_budget_ms'] / 1000:g} s{over(f['startup_median_ms'], f['startup_budget_ms'])})."
    )


def render_load(records: dict[str, Record]) -> str:
    """README "Limits": a room under load, one table row per results file."""
    rows = [records[name] for name in SAVES["load"]]
    first = rows[0]
    intro = _wrap(
        f"**Measured** with `python3 bench/load.py --json` (a real `host --tcp` process; every "
        f"member a socket in one driver process; each delivery checked per sender; medians of "
        f"{first['figures']['repeat']} on {machine(first)}, {when_span(rows)}{source(first)}, beside a "
        f"minimal raw-socket relay doing the same fan-out in the same run):"
    )
    table = [
        "| members × messages | deliveries | host msg/s | raw relay msg/s | ratio "
        "| lost / dup / reordered | host peak RSS |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        f = r["figures"]
        deliveries = f["members"] * (f["members"] - 1) * f["messages"]
        table.append(
            f"| {f['members']} × {f['messages']} | {deliveries:,} | {_int(f['msgs_per_s'])} "
            f"| {_int(f['raw_msgs_per_s'])} | {f['ratio']:.2f}× "
            f"| {f['lost']} / {f['duplicated']} / {f['reordered']} | {f['host_peak_rss_mb']:.1f} MB |"
        )
    return intro + "\n\n" + "\n".join(table)


def _lateness(f: dict[str, Any], proto: str) -> str:
    return (
        f"p50 {f[f'{proto}_lateness_p50_ms']:.1f} ms, p99 {f[f'{proto}_lateness_p99_ms']:.1f} ms, "
        f"max {f[f'{proto}_lateness_max_ms']:.1f} ms"
    )


def _pct(value: float) -> str:
    return f"{round(value, 1):g}%"


def _met(ok: bool) -> str:
    return "met" if ok else "**not** met"


def render_throughput(records: dict[str, Record]) -> str:
    """README "Benchmark": into the window beside a raw socket, without history, the 1M flood, the aims."""
    r = records["throughput.json"]
    f = r["figures"]
    plain = records["throughput-no-history.json"]["figures"]
    million = records["throughput-1m.json"]
    m = million["figures"]
    intro = _wrap(
        f"Figures on {machine(r)}, PySide6 {f['pyside6']}, loopback, {f['count']:,} messages of "
        f"{f['message_bytes']} bytes, history on as the app has it by default, median of {f['repeat']}, "
        f"{when(r)}{source(r)}; the sender process takes one of the {r['machine']['cores']} cores:"
    )
    table = "\n".join(
        [
            "| | into the window | raw socket | ratio | loss (raw loss) | GUI timer lateness |",
            "| --- | --- | --- | --- | --- | --- |",
            f"| TCP | {_int(f['tcp_msgs_per_s'])} msg/s | {_int(f['tcp_raw_msgs_per_s'])} msg/s "
            f"| {f['tcp_ratio']:.2f}× | {_pct(f['tcp_loss_pct'])} | {_lateness(f, 'tcp')} |",
            f"| UDP | {_int(f['udp_msgs_per_s'])} msg/s | {_int(f['udp_raw_msgs_per_s'])} msg/s "
            f"| {f['udp_ratio']:.2f}× | {_pct(f['udp_loss_pct'])} ({_pct(f['udp_raw_loss_pct'])}) "
            f"| {_lateness(f, 'udp')} |",
        ]
    )
    complete = (
        "leaves every message in the history file"
        if m.get("tcp_history_complete")
        else f"leaves {m.get('tcp_history_rows', 0):,} of {m['count']:,} messages in the history file"
    )
    udp_gap = f["udp_loss_pct"] - f["udp_raw_loss_pct"]
    rates = [rep[name]["msgs_per_s"] for rep in f["runs"] for name in ("tcp",) if name in rep]
    raw = [
        rep["tcp_raw"]["msgs_per_s"]
        for rec in (r, records["throughput-no-history.json"], million)
        for rep in rec["figures"]["runs"]
        if "tcp_raw" in rep
    ]
    spread = 50.0 * (max(rates) - min(rates)) / statistics.median(rates) if rates else 0.0
    more = _wrap(
        f"The same code without history ({when(records['throughput-no-history.json'])}): TCP "
        f"{_int(plain['tcp_msgs_per_s'])} msg/s ({plain['tcp_ratio']:.2f}× of "
        f"{_int(plain['tcp_raw_msgs_per_s'])}), UDP {_int(plain['udp_msgs_per_s'])} msg/s. A "
        f"{m['count']:,}-message TCP flood with history ({when(million)}) runs at "
        f"{_int(m['tcp_msgs_per_s'])} msg/s, peaks at {m['tcp_peak_rss_mb']:.0f} MB and {complete}. "
        f"The aims of issue 13 — TCP ≥ 0.4× raw, UDP loss within 5 points of the raw receiver's, "
        f"lateness p99 < 25 ms — against the table: {f['tcp_ratio']:.2f}× ({_met(f['tcp_ratio'] >= 0.4)}), "
        f"{udp_gap:.1f} points ({_met(udp_gap <= 5.0)}), {f['lateness_p99_ms']:.1f} ms "
        f"({_met(f['lateness_p99_ms'] < 25.0)}). Across the table's repetitions the window's TCP rate "
        f"varied by ±{spread:.0f}% and the raw TCP baseline of these runs between "
        f"{min(raw) / 1e6:.2f} and {max(raw) / 1e6:.2f} million messages a second, so compare ratios of "
        f"one run, not figures of two days."
    )
    return intro + "\n\n" + table + "\n\n" + more + _lean_bound(f)


def _lean_bound(f: dict[str, Any]) -> str:
    """What a lean Python receiver that parses and stores every message reached in the same run."""
    if "tcp_raw_store_msgs_per_s" not in f or "tcp_cpu_us_per_msg" not in f:
        return ""
    budget = f["tcp_raw_cpu_us_per_msg"] / 0.4
    text = _wrap(
        f"Beside them, in the same runs, a lean receiver that only parses each message (orjson) and "
        f"stores its row (SQLite, the history's table, one `executemany` per read round) — no "
        f"validation, no events, no window — reached TCP {_int(f['tcp_raw_store_msgs_per_s'])} msg/s "
        f"({f['tcp_raw_store_ratio']:.2f}× raw) and UDP {_int(f['udp_raw_store_msgs_per_s'])} msg/s "
        f"({f['udp_raw_store_ratio']:.2f}× raw, {_pct(f['udp_raw_store_loss_pct'])} lost); the window "
        f"reached {f['tcp_store_ratio']:.2f}× and {f['udp_store_ratio']:.2f}× of it. CPU time per "
        f"message (every thread of the receiving process): TCP raw {f['tcp_raw_cpu_us_per_msg']:.2f} µs, "
        f"lean {f['tcp_raw_store_cpu_us_per_msg']:.2f} µs, the app {f['tcp_cpu_us_per_msg']:.2f} µs; "
        f"UDP raw {f['udp_raw_cpu_us_per_msg']:.2f} µs, lean {f['udp_raw_store_cpu_us_per_msg']:.2f} µs, "
        f"the app {f['udp_cpu_us_per_msg']:.2f} µs. With the sender on the other core, 0.4× of raw "
        f"TCP leaves {budget:.1f} µs of CPU per message for everything — less than the lean receiver "
        f"spends only parsing and storing."
    )
    return "\n\n" + text


def render_history(records: dict[str, Record]) -> str:
    """README "Benchmark": search and the last page of a million-row history file, and what indexing costs."""
    r = records["history.json"]
    f = r["figures"]
    intro = _wrap(
        f"`bench/history.py --json --rows {f['rows']}` builds a history file of {f['rows']:,} rows "
        f"(seeded English and Chinese text, several rooms) through the real writer and times search "
        f"and the last page against plain scans in the same run ({when(r)}, {machine(r)}{source(r)}):"
    )
    table = "\n".join(
        [
            f"| {f['rows']:,} rows | median | max |",
            "| --- | --- | --- |",
            f"| search, 3+ characters (FTS5 trigram index) | {f['search_ms_p50']:.1f} ms "
            f"| {f['search_ms_max']:.1f} ms |",
            f"| the same queries as a `LIKE` scan | {_int(f['like_search_ms_p50'])} ms | |",
            f"| search, 1–2 characters (scan of the folded copy) | {f['short_search_ms_p50']:.1f} ms "
            f"| {f['short_search_ms_max']:.0f} ms |",
            f"| last page of a big room | {f['recent_page_ms']:.1f} ms | |",
        ]
    )
    per_million = f["index_build_s"] * 1e6 / f["rows"]
    after = _wrap(
        f"Indexing costs about {1e6 / f['index_rows_per_s']:.0f} µs a row against "
        f"{1e6 / f['insert_rows_per_s']:.0f} µs to store it, so the writer indexes new rows when they "
        f"stop coming (about {per_million:.0f} s per million, said in the status line); until then search "
        f"scans the unindexed newest rows, so results are always complete. The file of "
        f"{f['rows']:,} rows is {f['file_mb']:.0f} MB with its index."
    )
    return intro + "\n\n" + table + "\n\n" + after


@dataclass(frozen=True, slots=True)
class Passage:
    """One marked passage of README: the results files it is rendered from, and how."""

    files: tuple[str, ...]
    render: Callable[[dict[str, Record]], str]


PASSAGES: dict[str, Passage] = {
    "build": Passage(tuple(SAVES["build"]), render_build),
    "load": Passage(tuple(SAVES["load"]), render_load),
    "throughput": Passage(tuple(SAVES["throughput"]), render_throughput),
    "history": Passage(tuple(SAVES["history"]), render_history),
}


# --------------------------------------------------------------------------- README


class FiguresError(Exception):
    """README's markers or the results files are not what the passages need."""


def _records(results: Path, files: tuple[str, ...]) -> dict[str, Record]:
    records = {}
    for name in files:
        path = results / name
        try:
            records[name] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise FiguresError(f"{path}: cannot read it ({exc}); measure it with --run") from exc
    return records


def render(readme: str, results: Path) -> tuple[str, list[str]]:
    """README with every passage rendered anew, and the names of the passages that changed."""
    found = [m["name"] for m in PASSAGE.finditer(readme)]
    unknown = sorted(set(found) - PASSAGES.keys())
    missing = sorted(PASSAGES.keys() - set(found))
    twice = sorted({n for n in found if found.count(n) > 1})
    if unknown or missing or twice:
        raise FiguresError(
            f"README's figure markers: unknown {unknown or 'none'}, missing {missing or 'none'}, "
            f"more than once {twice or 'none'}"
        )
    changed: list[str] = []

    def one(match: re.Match[str]) -> str:
        passage = PASSAGES[match["name"]]
        try:
            body = passage.render(_records(results, passage.files)) + "\n"
        except (KeyError, TypeError, ValueError) as exc:  # a bench that renamed or dropped a figure
            raise FiguresError(
                f"passage {match['name']}: {', '.join(passage.files)} lack a figure it needs ({exc!r})"
            ) from exc
        if body != match["body"]:
            changed.append(match["name"])
        return f"<!-- figures:{match['name']} -->\n{body}<!-- /figures -->"

    return PASSAGE.sub(one, readme), changed


def run(groups: list[str], results: Path) -> None:
    """Measure anew: each group's commands, one after the other, each saving its results file."""
    for group in groups:
        for command, save in zip(RUNS[group], SAVES[group], strict=True):
            target = results / save
            shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
            argv = [sys.executable, *shlex.split(command), "--save", str(shown)]
            (results / save).unlink(missing_ok=True)  # so a failed run cannot leave old figures
            print("+", " ".join(argv[1:]), file=sys.stderr, flush=True)
            # Not check=True: build.py saves its figures, then exits 1 when one is over budget.
            subprocess.run(argv, cwd=ROOT, check=False, stdout=sys.stderr)
            if not (results / save).exists():
                raise FiguresError(f"{command} wrote no {results / save}")


def main(argv: list[str] | None = None) -> int:
    """Rewrite (or check) README's figure passages; 1 when ``--check`` finds one out of date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a passage differs")
    parser.add_argument("--run", nargs="+", choices=sorted(RUNS), default=[], help="measure these anew first")
    parser.add_argument("--readme", type=Path, default=README, help=argparse.SUPPRESS)
    parser.add_argument("--results", type=Path, default=RESULTS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.check and args.run:
        parser.error("--check measures nothing: it cannot go with --run")
    try:
        run(args.run, args.results)
        # Read after the runs: README edited while they took their minutes keeps its edits.
        text = args.readme.read_text(encoding="utf-8")
        new, changed = render(text, args.results)
    except FiguresError as exc:
        print(f"readme_figures: {exc}", file=sys.stderr)
        return 1
    if args.check:
        if not changed:
            return 0
        diff = difflib.unified_diff(
            text.splitlines(keepends=True), new.splitlines(keepends=True), "README.md", "rendered"
        )
        sys.stderr.writelines(diff)
        print(
            f"readme_figures: README's passage(s) {', '.join(changed)} differ from bench/results/: "
            "run `python3 tools/readme_figures.py` and commit README with the results files",
            file=sys.stderr,
        )
        return 1
    if new != text:
        args.readme.write_text(new, encoding="utf-8")
    print(f"README: {', '.join(changed) or 'no passage'} rewritten", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
