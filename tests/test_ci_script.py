"""CI runs in its own pinned virtual environment and runs what the README says (issue 14).

Fast and offline: these read .ci/run, the requirement files, constraints.txt and the README.
Each check is a function that returns what it finds wrong, first shown to find a planted fault.
"""

from __future__ import annotations

import re
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
REQUIREMENT_FILES = ("requirements.txt", "requirements-dev.txt", "packaging/requirements.txt")
CI_SCRIPTS = (".ci/run", ".ci/venv.sh", "packaging/ci.sh")
INSTALLERS = (*CI_SCRIPTS, ".github/workflows/release.yml")


def read(relative: str) -> str:
    return (ROOT / relative).read_text(encoding="utf-8")


def pins(constraints: str) -> dict[str, str]:
    """Name → version of every ``name==version`` line of a constraints file."""
    found = {}
    for raw in constraints.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            req = Requirement(line)
            (spec,) = req.specifier
            assert spec.operator == "==", line
            found[canonicalize_name(req.name)] = spec.version
    return found


def unpinned(requirements: str, constraints: str) -> list[str]:
    """The requirements whose package the constraints file does not pin to a version they allow."""
    locked = pins(constraints)
    wrong = []
    for raw in requirements.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        req = Requirement(line)
        version = locked.get(canonicalize_name(req.name))
        if version is None or not req.specifier.contains(version, prereleases=True):
            wrong.append(f"{line} (constraints.txt: {version or 'no pin'})")
    return wrong


def breaks_system_packages(script: str) -> list[str]:
    """Lines of a shell script that let pip change the system's Python or bypass the venv."""
    bad = []
    for line in script.splitlines():
        code = line.split("#", 1)[0] if not line.lstrip().startswith("#") else ""
        words = ("PIP_BREAK_SYSTEM_PACKAGES", "--break-system-packages", "--system-site-packages")
        if any(word in code for word in words) or re.search(r"\bpython3?\s+-m\s+pip\b", code):
            bad.append(line.strip())
    return bad


def installs_unconstrained(script: str) -> list[str]:
    """The ``pip install`` lines of a script that do not pass ``-c constraints.txt``."""
    return [
        line.strip()
        for line in script.splitlines()
        if re.search(r"\bpip install\b", line.split("#", 1)[0]) and "-c constraints.txt" not in line
    ]


def fenced_block_after(readme: str, heading: str) -> list[str]:
    """The lines of the first ``` block under a ``## heading``."""
    section = readme.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    block = section.split("```", 2)[1]
    return [line for line in block.splitlines()[1:] if line.strip()]


def quoted_in_ci_run(run: str) -> list[str]:
    """The README commands .ci/run's header quotes (the ``#   `` lines after its marker)."""
    header = run.split("# The README's test commands", 1)[1].split("\nset ", 1)[0]
    return [line[len("#   ") :] for line in header.splitlines() if line.startswith("#   ")]


def pytest_command_of_ci_run(run: str) -> str:
    """The command .ci/run runs the suite with, its venv spelled as the README's ``.venv``."""
    (line,) = [
        line
        for line in run.splitlines()
        if re.search(r"-m pytest\b.*</dev/null", line) and "tests/" not in line and not line.startswith("#")
    ]
    command = line.split("<", 1)[0].strip()
    return command.replace('"$VENV/bin/python"', ".venv/bin/python")


def readme_test_commands_differ(readme: str, run: str) -> list[str]:
    """Where the README's "Run the tests" commands and .ci/run part ways."""
    linux = fenced_block_after(readme, "Run the tests")
    wrong = []
    if linux != quoted_in_ci_run(run):
        wrong.append(f"README {linux} vs .ci/run's header {quoted_in_ci_run(run)}")
    if pytest_command_of_ci_run(run) not in linux:
        wrong.append(f".ci/run runs {pytest_command_of_ci_run(run)!r}, not in README {linux}")
    return wrong


# The checks, first against planted faults.


def test_a_requirement_without_a_pin_is_found() -> None:
    lock = "pytest==9.0.3\nruff==0.17.6  # a comment\n"
    assert unpinned("pytest==9.0.3\nruff==0.17.6\n", lock) == []
    assert unpinned("pytest==9.0.3\nmypy==2.4.1\n", lock) == ["mypy==2.4.1 (constraints.txt: no pin)"]
    assert unpinned("pytest==9.0.2\n", lock) == ["pytest==9.0.2 (constraints.txt: 9.0.3)"]
    assert unpinned("PySide6_Essentials==6.11.3\n", "pyside6-essentials==6.11.3\n") == []


def test_breaking_system_packages_is_found() -> None:
    assert breaks_system_packages('"$PY" -m pip install -r x.txt\n# PIP_BREAK_SYSTEM_PACKAGES: gone\n') == []
    assert breaks_system_packages("export PIP_BREAK_SYSTEM_PACKAGES=1\n") == [
        "export PIP_BREAK_SYSTEM_PACKAGES=1"
    ]
    assert breaks_system_packages("python3 -m pip install -r requirements.txt\n") != []
    assert breaks_system_packages("python3 -m venv --system-site-packages .venv-ci\n") != []


def test_an_install_without_the_constraints_is_found() -> None:
    assert installs_unconstrained('"$PY" -m pip install -r a.txt -c constraints.txt\n# pip install x\n') == []
    assert installs_unconstrained("  run: python -m pip install -r requirements.txt\n") == [
        "run: python -m pip install -r requirements.txt"
    ]


def test_a_readme_command_that_differs_is_found() -> None:
    run = read(".ci/run")
    readme = read("README.md")
    assert readme_test_commands_differ(readme, run) == []
    changed = readme.replace(".venv/bin/python -m pytest", ".venv/bin/python -m pytest -x", 1)
    assert len(readme_test_commands_differ(changed, run)) == 2
    runs = '"$VENV/bin/python" -m pytest --cov'
    changed_run = run.replace(runs, runs.replace("pytest", "pytest -q"), 1)
    assert len(readme_test_commands_differ(readme, changed_run)) == 1


# The checks, against the project.


def test_every_requirement_is_pinned_by_the_lock() -> None:
    lock = read("constraints.txt")
    for name in REQUIREMENT_FILES:
        assert unpinned(read(name), lock) == [], name


def test_ci_never_changes_the_systems_python() -> None:
    for name in CI_SCRIPTS:
        assert breaks_system_packages(read(name)) == [], name


def test_every_install_is_pinned_by_the_lock() -> None:
    for name in INSTALLERS:
        assert installs_unconstrained(read(name)) == [], name


def test_the_readme_test_command_is_what_ci_runs() -> None:
    assert readme_test_commands_differ(read("README.md"), read(".ci/run")) == []
