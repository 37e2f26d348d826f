"""README's bench and build figures are the ones in bench/results/, rendered by tools/readme_figures.py.

A hand-edited figure, or a results file committed without the README it renders, fails here.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _script(path: Path, name: str) -> ModuleType:
    """tools/ and bench/ are folders of scripts, not packages: load one without touching sys.path."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


figures = _script(ROOT / "tools" / "readme_figures.py", "chatgui_tools_readme_figures")
record = _script(ROOT / "bench" / "record.py", "chatgui_bench_record")


def _passage_bodies(text: str) -> dict[str, re.Match[str]]:
    return {m["name"]: m for m in figures.PASSAGE.finditer(text)}


def test_readme_figures_are_the_results_files_rendered() -> None:
    result = subprocess.run(
        [sys.executable, "tools/readme_figures.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_passage_is_in_readme_once_with_a_date_and_a_machine() -> None:
    bodies = _passage_bodies(ROOT.joinpath("README.md").read_text(encoding="utf-8"))
    assert sorted(bodies) == sorted(figures.PASSAGES)
    for name, match in bodies.items():
        body = " ".join(match["body"].split())  # as the paragraph reads, wherever its lines wrap
        assert re.search(r"20\d\d-\d\d-\d\d \d\d:\d\d UTC", body), name
        assert re.search(r"\d+-core .+ (VM|computer), .+, Python 3\.\d+", body), name
        assert re.search(r"load average \d+\.\d\d at the start", body), name


@pytest.mark.parametrize("name", sorted(figures.PASSAGES))
def test_a_changed_digit_in_a_passage_fails_the_check_naming_it(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    match = _passage_bodies(text)[name]
    # The first digit of the passage's second half: a figure, not the date of its first line.
    middle = (match.start("body") + match.end("body")) // 2
    at = next(i for i in range(middle, match.end("body")) if text[i].isdigit())
    edited = text[:at] + str((int(text[at]) + 1) % 10) + text[at + 1 :]
    readme = tmp_path / "README.md"
    readme.write_text(edited, encoding="utf-8")

    assert figures.main(["--check", "--readme", str(readme)]) == 1
    complaint = capsys.readouterr().err.splitlines()[-1]
    assert f"passage(s) {name} differ" in complaint
    assert readme.read_text(encoding="utf-8") == edited  # --check changes nothing

    # Rewriting puts the rendered figure back; then the check passes.
    assert figures.main(["--readme", str(readme)]) == 0
    assert readme.read_text(encoding="utf-8") == text
    assert figures.main(["--check", "--readme", str(readme)]) == 0


def test_a_new_results_file_without_its_readme_fails_the_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = tmp_path / "results"
    shutil.copytree(ROOT / "bench" / "results", results)
    path = results / "load-400x10.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["figures"]["msgs_per_s"] += 1
    path.write_text(json.dumps(data), encoding="utf-8")

    assert figures.main(["--check", "--results", str(results)]) == 1
    assert "passage(s) load differ" in capsys.readouterr().err


def test_a_missing_marker_or_file_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    readme = tmp_path / "README.md"
    readme.write_text(text.replace("<!-- figures:history -->", "", 1), encoding="utf-8")
    assert figures.main(["--check", "--readme", str(readme)]) == 1
    assert "missing ['history']" in capsys.readouterr().err

    results = tmp_path / "results"
    shutil.copytree(ROOT / "bench" / "results", results)
    (results / "build.json").unlink()
    assert figures.main(["--check", "--results", str(results)]) == 1
    err = capsys.readouterr().err
    assert "build.json: cannot read it" in err

    # A bench that renames a figure: the passage and the figure are named, no traceback.
    path = results / "history.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["figures"]["search_ms_p50"]
    path.write_text(json.dumps(data), encoding="utf-8")
    shutil.copy(ROOT / "bench" / "results" / "build.json", results)
    assert figures.main(["--check", "--results", str(results)]) == 1
    err = capsys.readouterr().err
    assert "passage history:" in err
    assert "'search_ms_p50'" in err


def test_a_results_file_says_when_where_and_under_what_load(tmp_path: Path) -> None:
    path = tmp_path / "out" / "bench.json"
    recorder = record.Recorder("bench", path, ["--count", "5"])
    recorder.save({"msgs_per_s": 12})
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["name"] == "bench"
    assert saved["command"].endswith("--count 5")
    assert re.fullmatch(r"20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ", saved["date"])
    assert saved["figures"] == {"msgs_per_s": 12}
    assert saved["source"] == "this run"
    assert len(saved["load_avg_start"]) == 3
    machine = saved["machine"]
    assert machine["cores"] >= 1
    assert machine["cpu"]
    assert machine["os"]
    assert machine["python"].count(".") == 2

    # No --save: nothing is written.
    record.Recorder("bench", None).save({"msgs_per_s": 1})
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["bench.json", "out"]


def test_readme_edited_while_the_runs_take_their_minutes_keeps_its_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    results, readme = tmp_path / "results", tmp_path / "README.md"
    shutil.copytree(ROOT / "bench" / "results", results)
    shutil.copy(ROOT / "README.md", readme)
    # A stand-in for a bench: it saves the results file it is given, and meanwhile someone edits README.
    bench = tmp_path / "bench.py"
    measured = json.loads((results / "history.json").read_text(encoding="utf-8"))
    measured["figures"]["search_ms_p50"] += 1  # new figures: README's passage is rewritten
    (tmp_path / "measured.json").write_text(json.dumps(measured), encoding="utf-8")
    bench.write_text(
        "import shutil, sys\n"
        f"shutil.copy({str(tmp_path / 'measured.json')!r}, sys.argv[-1])\n"
        f"open({str(readme)!r}, 'a', encoding='utf-8').write('\\nAn edit made during the run.\\n')\n",
        encoding="utf-8",
    )
    monkeypatch.setitem(figures.RUNS, "history", [str(bench)])

    assert figures.main(["--run", "history", "--readme", str(readme), "--results", str(results)]) == 0
    text = readme.read_text(encoding="utf-8")
    assert text.endswith("An edit made during the run.\n")
    rendered = _passage_bodies(text)["history"]["body"]
    assert f"{measured['figures']['search_ms_p50']:.1f} ms" in rendered
