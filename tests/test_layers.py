"""The layer rules of DESIGN.md "Layout", read from the source (no import happens).

Every ``chatgui/**/*.py`` is parsed; an import counts wherever it is written: at the top,
inside a function, under ``TYPE_CHECKING``, or as ``importlib.import_module("...")`` with a
literal name. The rules:

- no import circles among chatgui modules (a package's ``__init__`` importing its own
  submodules is its face, not a circle);
- ``chatgui/protocol`` and the shared event vocabulary import no Qt, sockets, selectors or
  threads, and ``chatgui/protocol`` imports nothing of chatgui outside itself;
- PySide6 is imported only by the Qt side (``QT_SIDE``);
- nothing outside ``chatgui/ui`` imports ``chatgui.ui``.

The checker first proves it can fail, on a small made-up tree with one of each offence.
"""

from __future__ import annotations

import ast
import fnmatch
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

QT = ("PySide6", "shiboken6")
PURE_FORBIDDEN = (*QT, "socket", "selectors", "threading")
"""What the pure layers (protocol/ and the event vocabulary) may not import."""
PURE = (
    "chatgui/protocol/*",
    # The Qt-free event vocabulary shared by net, ui, cli and history.
    "chatgui/events.py",
)
QT_SIDE = (
    "chatgui/ui/*",
    "chatgui/i18n.py",
    # The words users read, translated (QCoreApplication.translate).
    "chatgui/sentences.py",
    "chatgui/sentences_checks.py",
    "chatgui/sentences_address.py",
    "chatgui/sentences_files.py",
    "chatgui/os_errors.py",
    # Every setting's key and parsing, over QSettings.
    "chatgui/settings.py",
    # The CLI's app start.
    "chatgui/cli/*",
    # The Qt facades over Qt-free parts.
    "chatgui/*/bridge.py",
    "chatgui/net/backend.py",
)
"""The files that may import PySide6 (``fnmatch`` patterns: ``*`` spans folders too)."""

ALLOWED = {
    # --startup-time measures the real window's first paint, so it builds the window.
    ("chatgui/cli/startup_time.py", "chatgui.ui"): "the startup clock starts the real window",
}
"""Named exceptions to the layer rules: (file, forbidden prefix) -> why it is allowed for now."""


@dataclass(frozen=True, slots=True)
class Module:
    """One source file: its dotted name, its path (``chatgui/x/y.py``) and what it imports."""

    name: str
    path: str
    imports: frozenset[str]


def _module_name(path: str) -> str:
    name = path.removesuffix(".py").replace("/", ".")
    return name.removesuffix(".__init__")


def _imported(path: str, source: str) -> frozenset[str]:
    """Every dotted name ``source`` imports, relative imports made absolute."""
    name = _module_name(path)
    package = name if path.endswith("__init__.py") else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source, filename=path)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value)
    return frozenset(found)


def parse_modules(sources: Mapping[str, str]) -> dict[str, Module]:
    """The modules of ``sources`` ({path relative to the root: its text}), by dotted name."""
    modules = {}
    for path, source in sources.items():
        module = Module(_module_name(path), path, _imported(path, source))
        modules[module.name] = module
    return modules


def read_tree(root: Path = ROOT) -> dict[str, Module]:
    """Every module under ``root/chatgui``."""
    sources = {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted((root / "chatgui").rglob("*.py"))
    }
    return parse_modules(sources)


def _known_target(name: str, modules: Mapping[str, Module]) -> str | None:
    """The module an imported name lands in (``chatgui.net.session.Session`` -> its module)."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def import_graph(modules: Mapping[str, Module]) -> dict[str, set[str]]:
    """Which chatgui modules each one imports (a package's face onto its own parts left out)."""
    graph: dict[str, set[str]] = {}
    for name, module in modules.items():
        face = module.path.endswith("__init__.py")
        targets = set()
        for imported in module.imports:
            target = _known_target(imported, modules)
            if target is None or target == name or (face and target.startswith(name + ".")):
                continue
            targets.add(target)
        graph[name] = targets
    return graph


def circles(graph: Mapping[str, set[str]]) -> list[tuple[str, ...]]:
    """The import circles: strongly connected sets of more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[tuple[str, ...]] = []

    def visit(start: str) -> None:
        # Iterative, so a long chain of imports cannot hit the recursion limit.
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    members = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        members.append(member)
                        if member == node:
                            break
                    if len(members) > 1:
                        found.append(tuple(sorted(members)))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return sorted(found)


def _matches(path: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatchcase(path, pattern) for pattern in patterns)


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def layer_violations(modules: Mapping[str, Module]) -> list[tuple[str, str, str]]:
    """Every breach of the layer rules, as (file, imported name, rule) sorted."""
    found: set[tuple[str, str, str]] = set()
    for module in modules.values():
        path = module.path
        for imported in module.imports:
            if _matches(path, PURE) and any(_under(imported, banned) for banned in PURE_FORBIDDEN):
                found.add((path, imported, "a pure layer imports Qt, sockets, selectors or threads"))
            if (
                path.startswith("chatgui/protocol/")
                and _under(imported, "chatgui")
                and not _under(imported, "chatgui.protocol")
            ):
                found.add((path, imported, "protocol/ imports chatgui outside protocol/"))
            if path == "chatgui/events.py" and _under(imported, "chatgui"):
                found.add((path, imported, "the event vocabulary imports chatgui"))
            if any(_under(imported, qt) for qt in QT) and not _matches(path, QT_SIDE):
                found.add((path, imported, "PySide6 outside the Qt side"))
            if _under(imported, "chatgui.ui") and not path.startswith("chatgui/ui/"):
                found.add((path, imported, "chatgui.ui imported from outside ui/"))
    # ``from a.b import c`` is recorded as a.b and a.b.c: the shorter name says it once.
    return sorted(
        (path, name, rule)
        for path, name, rule in found
        if not any(p == path and r == rule and name.startswith(n + ".") for p, n, r in found)
    )


def _excused(violation: tuple[str, str, str]) -> bool:
    path, imported, _rule = violation
    return any(path == file and _under(imported, prefix) for file, prefix in ALLOWED)


# -- the checker can fail -----------------------------------------------------------------

MADE_UP = {
    "chatgui/__init__.py": "",
    "chatgui/protocol/__init__.py": "from chatgui.protocol import frames\n",
    "chatgui/protocol/frames.py": (
        "from typing import TYPE_CHECKING\n"
        "from PySide6.QtCore import QObject\n"
        "if TYPE_CHECKING:\n"
        "    from chatgui.net.session import Session\n"
    ),
    "chatgui/net/__init__.py": "",
    "chatgui/net/session.py": "def start():\n    from ..protocol.frames import QObject\n",
    "chatgui/events.py": "import socket\n",
    "chatgui/history/paths.py": "from PySide6 import QtCore\n",
    "chatgui/history/bridge.py": "from PySide6 import QtCore\nimport chatgui.ui.window\n",
    "chatgui/ui/__init__.py": "",
    "chatgui/ui/window.py": "import PySide6.QtWidgets\nfrom chatgui.net import session\n",
}


def test_the_checker_reports_a_circle_and_qt_in_protocol() -> None:
    modules = parse_modules(MADE_UP)
    # A circle through an import under TYPE_CHECKING and one inside a function (relative).
    assert circles(import_graph(modules)) == [("chatgui.net.session", "chatgui.protocol.frames")]
    assert layer_violations(modules) == [
        ("chatgui/events.py", "socket", "a pure layer imports Qt, sockets, selectors or threads"),
        ("chatgui/history/bridge.py", "chatgui.ui.window", "chatgui.ui imported from outside ui/"),
        ("chatgui/history/paths.py", "PySide6", "PySide6 outside the Qt side"),
        ("chatgui/protocol/frames.py", "PySide6.QtCore", "PySide6 outside the Qt side"),
        (
            "chatgui/protocol/frames.py",
            "PySide6.QtCore",
            "a pure layer imports Qt, sockets, selectors or threads",
        ),
        ("chatgui/protocol/frames.py", "chatgui.net.session", "protocol/ imports chatgui outside protocol/"),
    ]


def test_the_checker_sees_a_long_circle_and_import_module() -> None:
    sources = {f"chatgui/m{i}.py": f"import chatgui.m{i + 1}\n" for i in range(3000)}
    sources["chatgui/m3000.py"] = "import importlib\nimportlib.import_module('chatgui.m0')\n"
    found = circles(import_graph(parse_modules(sources)))
    assert len(found) == 1
    assert len(found[0]) == 3001


def test_the_vocabulary_imports_nothing_of_net() -> None:
    made_up = {
        "chatgui/__init__.py": "",
        "chatgui/events.py": "import threading\nfrom chatgui.net import loop\n",
        "chatgui/net/__init__.py": "",
        "chatgui/net/loop.py": "",
    }
    assert [v[:2] for v in layer_violations(parse_modules(made_up))] == [
        ("chatgui/events.py", "chatgui.net"),
        ("chatgui/events.py", "threading"),
    ]


# -- the tree as it is --------------------------------------------------------------------


@pytest.fixture(scope="module")
def tree() -> dict[str, Module]:
    return read_tree()


def test_the_tree_is_read_whole(tree: dict[str, Module]) -> None:
    assert {"chatgui.protocol.frames", "chatgui.net.session", "chatgui.ui.main_window"} <= set(tree)
    assert "chatgui.net.endpoint" in import_graph(tree)["chatgui.net.session"]


def test_the_layers_hold(tree: dict[str, Module]) -> None:
    offences = [v for v in layer_violations(tree) if not _excused(v)]
    assert offences == [], "\n".join(f"{path}: imports {name} ({rule})" for path, name, rule in offences)


def test_every_named_exception_is_still_needed(tree: dict[str, Module]) -> None:
    used = {
        (file, prefix)
        for file, prefix in ALLOWED
        if any(path == file and _under(name, prefix) for path, name, _rule in layer_violations(tree))
    }
    assert set(ALLOWED) - used == set(), "no longer needed: remove it from ALLOWED"


def test_no_import_circles(tree: dict[str, Module]) -> None:
    found = circles(import_graph(tree))
    assert found == [], "\n".join("circle: " + " <-> ".join(c) for c in found)


MAX_MODULE_LINES = 500
"""Past this a module holds more than one idea: split it (issue 10)."""


def long_modules(root: Path) -> list[tuple[str, int]]:
    """Every ``.py`` file under ``root`` over ``MAX_MODULE_LINES`` lines, with its count."""
    found = []
    for path in sorted(root.rglob("*.py")):
        count = len(path.read_text(encoding="utf-8").splitlines())
        if count > MAX_MODULE_LINES:
            found.append((path.relative_to(root.parent).as_posix(), count))
    return found


def test_the_line_count_check_can_fail(tmp_path: Path) -> None:
    package = tmp_path / "chatgui"
    package.mkdir()
    (package / "short.py").write_text("x = 1\n" * MAX_MODULE_LINES, encoding="utf-8")
    (package / "long.py").write_text("x = 1\n" * (MAX_MODULE_LINES + 1), encoding="utf-8")
    assert long_modules(package) == [("chatgui/long.py", MAX_MODULE_LINES + 1)]


def test_no_module_in_chatgui_is_over_500_lines() -> None:
    assert long_modules(ROOT / "chatgui") == []
