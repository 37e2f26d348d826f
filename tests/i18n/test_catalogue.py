"""The ``.ts`` sources: complete, current with the code, and faithful to each message's facts."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.i18n.conftest import TRANSLATIONS, load_update_script

LANGUAGES = ("zh_CN", "zh_TW")
# Everything a translation must carry over unchanged: str.format fields ("{port}",
# "{delay:.0f}"), argparse's "%(default)s", Qt's "%n" and "%1".
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)s|%n|%\d")
# Words Chinese tutorials keep in English; a zh_TW text must not use the mainland term.
MAINLAND_TERMS = ("端口", "网络", "網絡", "服務器", "消息", "默認", "文件", "計算機", "組播")


def messages(language: str) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TRANSLATIONS / f"chatgui_{language}.ts").getroot()
    assert root.get("language") == language
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def translation_text(message: ET.Element) -> str:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return translation.findtext("numerusform") or ""
    return translation.text or ""


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language: str) -> None:
    unfinished = [
        f"{context}: {source!r}"
        for context, source, message in messages(language)
        if message.find("translation") is None
        or message.find("translation").get("type") is not None  # type: ignore[union-attr]
        or not translation_text(message).strip()
    ]
    assert not unfinished, f"untranslated in chatgui_{language}.ts:\n" + "\n".join(unfinished)


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language: str) -> None:
    broken = []
    for context, source, message in messages(language):
        text = translation_text(message)
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            broken.append(f"{context}: {source!r} -> {text!r}")
    assert not broken, "placeholders differ:\n" + "\n".join(broken)


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_protocol_names(language: str) -> None:
    # TCP, UDP and IPv6 are what the user types and reads in every tutorial: never translated.
    lost = []
    for context, source, message in messages(language):
        text = translation_text(message)
        for name in ("TCP", "UDP", "IPv4", "IPv6", "chatgui", "nc", "socat"):
            if re.search(rf"\b{name}\b", source) and not re.search(rf"\b{name}\b", text):
                lost.append(f"{context}: {name} missing in {text!r}")
    assert not lost, "\n".join(lost)


def test_traditional_chinese_uses_taiwan_terms() -> None:
    mainland = [
        f"{source!r} -> {translation_text(message)!r}"
        for _, source, message in messages("zh_TW")
        if any(term in translation_text(message) for term in MAINLAND_TERMS)
    ]
    assert not mainland, "zh_TW uses mainland terms:\n" + "\n".join(mainland)


def test_both_languages_translate_the_same_messages() -> None:
    def keys(language: str) -> set[tuple[str, str]]:
        return {(context, source) for context, source, _ in messages(language)}

    assert keys("zh_CN") == keys("zh_TW")


def test_ts_files_hold_every_message_of_the_code() -> None:
    # What lupdate finds plus the literals handed to the project's helpers (sentences'
    # _fill, the CLI's tr, module _tr functions): a string added to the code without
    # running resources/translations/update.sh shows up here, by name.
    update = load_update_script()
    wanted = set(update.catalogue())
    for language in LANGUAGES:
        have = {(context, source) for context, source, _ in messages(language)}
        missing = sorted(wanted - have)
        assert not missing, (
            f"chatgui_{language}.ts lacks {len(missing)} message(s) the code uses; run "
            "resources/translations/update.sh and translate them:\n"
            + "\n".join(f"{context}: {source!r}" for context, source in missing)
        )


def test_helper_literals_are_found_with_their_contexts(tmp_path: Path) -> None:
    update = load_update_script()
    found = update.catalogue()
    # One of each helper lupdate alone cannot see.
    for key in [
        ("Problems", "Not connected — host a room or join one before sending."),  # sentences._fill
        ("Events", "{nick} joined."),
        ("cli", "use TCP"),  # cli.base.tr imported as _t
        ("startup", "startup: {ms} ms"),  # a module-level _tr
    ]:
        assert key in found, key
    assert all(context for context, _ in found), "a message without context is never looked up"


def test_update_keeps_translations_and_marks_new_messages(tmp_path: Path) -> None:
    update = load_update_script()
    ts = tmp_path / "chatgui_zh_CN.ts"
    catalogue = {("Ctx", "Hello"): "", ("Ctx", "%n new"): update.NUMERUS}
    assert update.write_ts(ts, "zh_CN", catalogue, {}) == 2
    done = {("Ctx", "Hello"): "你好", ("Ctx", "%n new"): "%n 条新"}
    assert update.write_ts(ts, "zh_CN", catalogue, done) == 0
    assert update.read_ts(ts) == done
    catalogue[("Ctx", "Bye")] = ""
    assert update.write_ts(ts, "zh_CN", catalogue, update.read_ts(ts)) == 1
    assert update.read_ts(ts) == done
