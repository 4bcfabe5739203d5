"""The English interface: every message of tijian_en.ts is translated, and a real window shows the English.

A new self.tr() string reaches the .ts through ``python tools/update_translations.py`` as "unfinished"; this test
then fails until it is translated (Qt Linguist, or by hand in the XML)."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTranslator

from models.enums import RiskLevel
from models.services import enterprises as svc
from tests import factories as f
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.registry_columns import COLUMNS

TS = Path(__file__).resolve().parent.parent / "resources" / "translations" / "tijian_en.ts"
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"

# What a translation must keep from its source: %1 … / %n, {name} placeholders, the accelerator letter (&N), and
# keyboard hints such as Ctrl+F.
_PLACEHOLDER = re.compile(r"%(?:\d+|n)|\{\w*\}")
_ACCELERATOR = re.compile(r"&(?!&)(\w)")
_SHORTCUT = re.compile(r"\b(?:Ctrl|Alt|Shift)\+\w+")
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _messages() -> list[tuple[str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [(ctx.findtext("name") or "", msg) for ctx in root.iter("context") for msg in ctx.iter("message")]


def _label(context: str, msg: ET.Element) -> str:
    return f"{context}: {msg.findtext('source')!r}"


def test_every_message_is_translated():
    messages = _messages()
    assert len(messages) > 200, "tijian_en.ts looks truncated"
    problems = []
    for context, msg in messages:
        tr = msg.find("translation")
        kind = tr.get("type") if tr is not None else "missing"
        if kind in ("vanished", "obsolete"):  # kept by lupdate without -no-obsolete; never shown
            continue
        if kind is not None:
            problems.append(f"{_label(context, msg)} is {kind}")
            continue
        source = msg.findtext("source") or ""
        if msg.get("numerus") == "yes":
            forms = [n.text or "" for n in tr.findall("numerusform")]
            if len(forms) != 2 or not all(x.strip() for x in forms):
                problems.append(f"{_label(context, msg)} needs the two English plural forms, has {forms!r}")
            texts = forms
        else:
            if not (tr.text or "").strip():
                problems.append(f"{_label(context, msg)} has an empty translation")
            texts = [tr.text or ""]
        for text in texts:
            if sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(text)):
                problems.append(f"{_label(context, msg)}: placeholders differ in {text!r}")
            if {m.lower() for m in _ACCELERATOR.findall(source)} - {m.lower() for m in _ACCELERATOR.findall(text)}:
                problems.append(f"{_label(context, msg)}: accelerator lost in {text!r}")
            if set(_SHORTCUT.findall(source)) - set(_SHORTCUT.findall(text)):
                problems.append(f"{_label(context, msg)}: keyboard hint lost in {text!r}")
            if _CJK.search(text):
                problems.append(f"{_label(context, msg)}: Chinese left in {text!r}")
    assert not problems, "tijian_en.ts is not finished:\n" + "\n".join(problems)


@pytest.fixture
def english(qapp, tmp_path):
    """The English .qm, built from the committed .ts, installed for one test (other tests see Chinese)."""
    assert LRELEASE.exists(), f"{LRELEASE} not found (PySide6-Essentials provides it)"
    qm = tmp_path / "tijian_en.qm"
    out = subprocess.run([str(LRELEASE), str(TS), "-qm", str(qm)], capture_output=True, text=True, check=True)
    assert "0 unfinished" in out.stdout, out.stdout
    translator = QTranslator()
    assert translator.load(str(qm)), f"could not load {qm}"
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


@pytest.mark.gui
def test_main_window_speaks_english(english, sqlite_url, qtbot, tmp_path):
    ctx = AppContext.open(sqlite_url, actor="test")
    with ctx.session() as s:
        town = f.town(s, "归义镇", 0)
        svc.create(s, f.enterprise_input(town, 1, risk_level=RiskLevel.RED, is_high_risk=True), ctx.actor)
    try:
        w = MainWindow(ctx, QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(w)
        assert w.nav.item(0).text() == "Enterprises"
        lst = w.registry.list
        placeholder = lst.search.placeholderText()
        assert placeholder.startswith("Search:") and "Ctrl+F" in placeholder and not _CJK.search(placeholder)
        assert lst.count_label.text() == "1 enterprise"  # numerus form
        assert lst.new_button.text() == "&New"
        model = lst.model
        uscc_column = next(i for i, (key, _h) in enumerate(COLUMNS) if key == "uscc")
        high_risk_column = next(i for i, (key, _h) in enumerate(COLUMNS) if key == "is_high_risk")
        assert model.headerData(uscc_column, Qt.Orientation.Horizontal) == "USCC"
        assert model.index(0, high_risk_column).data() == "Yes", (
            '("EnterpriseTableModel", "是") is missing from tijian_en.ts: lupdate does not see translate() called '
            "through a local alias (tr = QCoreApplication.translate)")
        lst.table.selectRow(0)
        page = w.registry.open_archive(lst.selected_id())
        assert page is not None and page.edit_button.text() == "Edit archive"
        assert "High-risk enterprise" in page.badges.text() and "Red (major risk)" in page.badges.text()
    finally:
        ctx.engine.dispose()
