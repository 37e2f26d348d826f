"""Refresh the Qt Linguist sources (``chatgui_<lang>.ts``) from every ``chatgui/**/*.py``.

``pyside6-lupdate`` finds ``self.tr("...")`` and ``QCoreApplication.translate("Ctx", "...")``,
but not the literals handed to the project's small translation helpers (``_fill(_PROBLEMS,
"...")`` in ``sentences.py``, ``_t("...")`` from ``cli.base.tr``, module ``_tr`` functions, a
nested ``tr`` in ``ui/lab/panels.py``): it either misses them or files them under an empty
context the app never asks for. So this script runs lupdate, then reads the sources with
``ast`` to find every function that forwards a parameter to ``QCoreApplication.translate`` and
every call of such a helper with a string literal, and merges both into one catalogue.
Translations already in the ``.ts`` files are kept; new messages are marked unfinished; messages
no longer in the code are dropped (lupdate's ``-no-obsolete``).

Usage: ``python3 resources/translations/update.py`` (or ``update.sh``), then translate the
messages marked ``type="unfinished"`` (Qt Linguist, or any editor).
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANGUAGES = ("zh_CN", "zh_TW")

Key = tuple[str, str]  # (context, source)

# ``tr = window.tr`` in a function that builds part of a window: ``tr`` then translates in the
# context of the object's class at run time, which the annotation (``QMainWindow``) does not
# name. (file, parameter) -> the class whose ``tr`` it is.
BOUND_TR_CONTEXTS = {("chatgui/ui/window_menus.py", "window"): "MainWindow"}


@dataclass(frozen=True)
class Helper:
    """A function that forwards one of its parameters to ``QCoreApplication.translate``."""

    text_index: int  # position of the source-text parameter
    context: str | None  # a fixed context, or None when the context is a parameter too
    context_index: int = -1


def _is_translate(func: ast.expr) -> bool:
    if isinstance(func, ast.Attribute) and func.attr == "translate":
        return isinstance(func.value, ast.Name) and func.value.id in {"QCoreApplication", "QApplication"}
    return False


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "text"`` assignments (contexts are often named like this)."""
    found: dict[str, str] = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = node.value.value
    return found


def _string(node: ast.expr, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def _helpers(tree: ast.Module, constants: dict[str, str]) -> dict[str, Helper]:
    """Every function (at any depth) that passes a parameter as the text of a translate call."""
    helpers: dict[str, Helper] = {}
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef):
            continue
        params = [arg.arg for arg in func.args.args]
        for call in ast.walk(func):
            if not (isinstance(call, ast.Call) and _is_translate(call.func) and len(call.args) >= 2):
                continue
            ctx_node, text_node = call.args[0], call.args[1]
            if not (isinstance(text_node, ast.Name) and text_node.id in params):
                continue
            text_index = params.index(text_node.id)
            if isinstance(ctx_node, ast.Name) and ctx_node.id in params:
                helpers[func.name] = Helper(text_index, None, params.index(ctx_node.id))
            else:
                context = _string(ctx_node, constants)
                if context is not None:
                    helpers[func.name] = Helper(text_index, context)
    return helpers


def bound_tr_messages(path: Path, tree: ast.Module) -> dict[Key, str]:
    """Literals given to ``tr`` after ``tr = param.tr`` (a widget's own ``tr`` in a helper)."""
    where = path.relative_to(ROOT).as_posix()
    found: dict[Key, str] = {}
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef):
            continue
        annotations = {arg.arg: arg.annotation for arg in func.args.args}
        aliases: dict[str, str] = {}
        for node in ast.walk(func):
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == "tr"
                and isinstance(node.value.value, ast.Name)
                and node.value.value.id in annotations
            ):
                param = node.value.value.id
                annotation = annotations[param]
                context = BOUND_TR_CONTEXTS.get((where, param))
                if context is None and isinstance(annotation, ast.Name):
                    context = annotation.id
                for target in node.targets:
                    if isinstance(target, ast.Name) and context:
                        aliases[target.id] = context
        for call in ast.walk(func):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.args):
                continue
            text = _string(call.args[0], {})
            if call.func.id in aliases and text is not None:
                found.setdefault((aliases[call.func.id], text), where)
    return found


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def helper_messages(sources: list[Path]) -> dict[Key, str]:
    """Messages passed as literals to the project's translation helpers, with their file."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in sources}
    constants = {path: _constants(tree) for path, tree in trees.items()}
    helpers = {_module_name(path): _helpers(tree, constants[path]) for path, tree in trees.items()}
    found: dict[Key, str] = {}
    for path, tree in trees.items():
        found.update(bound_tr_messages(path, tree))
        visible = dict(helpers[_module_name(path)])
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in helpers:
                for alias in node.names:
                    helper = helpers[node.module].get(alias.name)
                    if helper is not None:
                        visible[alias.asname or alias.name] = helper
        for call in ast.walk(tree):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)):
                continue
            helper = visible.get(call.func.id)
            if helper is None or len(call.args) <= helper.text_index:
                continue
            text = _string(call.args[helper.text_index], {})
            context = helper.context
            if context is None and len(call.args) > helper.context_index:
                context = _string(call.args[helper.context_index], constants[path])
            if text is not None and context:
                found.setdefault((context, text), path.relative_to(ROOT).as_posix())
    return found


def lupdate_messages(sources: list[Path]) -> dict[Key, str]:
    """What ``pyside6-lupdate`` itself finds (empty contexts dropped: nothing asks for them)."""
    lupdate = shutil.which("pyside6-lupdate")
    if lupdate is None:
        raise SystemExit("pyside6-lupdate is not installed (it comes with PySide6)")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "all.ts"
        subprocess.run(
            [lupdate, *map(str, sources), "-ts", str(out), "-no-obsolete", "-locations", "none", "-silent"],
            check=True,
            cwd=ROOT,
        )
        found: dict[Key, str] = {}
        for context in ET.parse(out).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                if name:
                    # A numerus message ("%n unread message(s)") is marked in its location.
                    found[(name, message.findtext("source") or "")] = (
                        NUMERUS if message.get("numerus") == "yes" else ""
                    )
        return found


NUMERUS = "numerus"  # stands in for a location: lupdate's locations are not kept


def python_sources() -> list[Path]:
    """Every Python file of the app."""
    return sorted((ROOT / "chatgui").rglob("*.py"))


def catalogue() -> dict[Key, str]:
    """Every translatable message of the app, mapped to a file that uses it (when known)."""
    sources = python_sources()
    found = lupdate_messages(sources)
    for key, where in helper_messages(sources).items():
        if found.get(key) != NUMERUS:
            found[key] = where
    return found


def read_ts(path: Path) -> dict[Key, str]:
    """The finished translations of a ``.ts`` file."""
    if not path.exists():
        return {}
    done: dict[Key, str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") is not None:
                continue
            # Chinese has one plural form, so a numerus message has one numerusform.
            numerus = message.get("numerus") == "yes"
            text = translation.findtext("numerusform") if numerus else translation.text
            if text:
                done[(name, message.findtext("source") or "")] = text
    return done


def write_ts(path: Path, language: str, messages: dict[Key, str], done: dict[Key, str]) -> int:
    """Write the catalogue sorted by context and source; return how many are unfinished."""
    root = ET.Element("TS", version="2.1", language=language)
    unfinished = 0
    by_context: dict[str, list[str]] = {}
    for context, source in messages:
        by_context.setdefault(context, []).append(source)
    for context_name in sorted(by_context):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        for source in sorted(by_context[context_name]):
            message = ET.SubElement(context, "message")
            where = messages[(context_name, source)]
            if where == NUMERUS:
                message.set("numerus", "yes")
            elif where:
                ET.SubElement(message, "location", filename=f"../../{where}")
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            text = done.get((context_name, source))
            if text is None:
                translation.set("type", "unfinished")
                unfinished += 1
            target = ET.SubElement(translation, "numerusform") if where == NUMERUS else translation
            target.text = text
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return unfinished


def main() -> int:
    """Refresh every language's ``.ts`` file and say what is left to translate."""
    messages = catalogue()
    for language in LANGUAGES:
        path = HERE / f"chatgui_{language}.ts"
        unfinished = write_ts(path, language, messages, read_ts(path))
        print(f"{path.name}: {len(messages)} messages, {unfinished} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
