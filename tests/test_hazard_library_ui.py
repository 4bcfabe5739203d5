"""The hazard library in the interface, driven like a user would (offscreen Qt, a real SQLite file): the completer
under a description field, the phrase picker, the management dialog and its form."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLineEdit, QPlainTextEdit, QVBoxLayout

from models.enums import Severity
from models.services import hazard_library as svc
from ui.context import AppContext
from ui.hazard_library import (
    EntryDialog,
    HazardLibraryDialog,
    LibraryCompleter,
    PhrasePicker,
    count_use,
    library_search,
)

pytestmark = pytest.mark.gui

EXTINGUISHER = "灭火器压力不足/过期未检"


@pytest.fixture
def ctx(sqlite_url: str) -> Iterator[AppContext]:
    c = AppContext.open(sqlite_url, actor="测试员")
    with c.session() as s:
        svc.sync_builtin(s)
    yield c
    c.engine.dispose()


def _entries(ctx: AppContext, **kw) -> list[svc.LibraryEntry]:
    with ctx.session() as s:
        return svc.entries(s, **kw)


@pytest.fixture
def form(qtbot) -> QDialog:
    """A dialog with a description field and a notes field, as the hazard form will have them."""
    dlg = QDialog()
    dlg.description = QLineEdit()
    dlg.notes = QPlainTextEdit()
    lay = QVBoxLayout(dlg)
    lay.addWidget(dlg.description)
    lay.addWidget(dlg.notes)
    qtbot.addWidget(dlg)
    dlg.resize(640, 300)
    dlg.show()
    dlg.activateWindow()
    dlg.description.setFocus()
    qtbot.waitUntil(dlg.description.hasFocus)
    return dlg


@pytest.fixture
def completer(ctx, form) -> LibraryCompleter:
    return LibraryCompleter(form.description, library_search(ctx), form)


def _type(qtbot, comp: LibraryCompleter, cjk: str, latin: str = "") -> None:
    comp.editor.setText(cjk)  # QTest cannot type Chinese; the rest is typed key by key
    if latin:
        QTest.keyClicks(comp.editor, latin)
    qtbot.waitUntil(comp.is_open, timeout=2000)


def test_typing_shows_matches_under_the_field_and_keeps_the_focus(qtbot, completer, form) -> None:
    _type(qtbot, completer, "灭火", " gq")  # Chinese and pinyin initials, all words must match
    texts = [e.text for e in completer.entries()]
    assert texts == [EXTINGUISHER]
    assert form.description.text() == "灭火 gq" and form.description.hasFocus()
    popup = completer.popup.geometry()
    field = form.description.mapToGlobal(form.description.rect().bottomLeft())
    assert popup.top() >= field.y() and abs(popup.left() - field.x()) <= 2
    assert completer.current_row() == -1  # nothing chosen until the user moves into the list
    QTest.keyClicks(form.description, "w")  # typing goes on into the field while the list is open
    assert form.description.text() == "灭火 gqw" and form.description.hasFocus()


def test_down_enter_chooses_the_entry_and_closes_the_list(qtbot, completer, form) -> None:
    _type(qtbot, completer, "灭火器")
    shown = completer.entries()
    assert len(shown) >= 3 and all("灭火器" in e.text or "灭火器" in e.basis for e in shown)
    QTest.keyClick(form.description, Qt.Key.Key_Down)
    QTest.keyClick(form.description, Qt.Key.Key_Down)
    QTest.keyClick(form.description, Qt.Key.Key_Up)
    assert completer.current_row() == 0
    QTest.keyClick(form.description, Qt.Key.Key_Down)
    with qtbot.waitSignal(completer.chosen) as got:
        QTest.keyClick(form.description, Qt.Key.Key_Return)
    assert got.args[0] == shown[1]
    assert not completer.is_open() and form.isVisible()  # Enter went to the list, not to the dialog
    assert form.description.text() == shown[1].text and form.description.hasFocus()
    QTest.qWait(250)
    assert not completer.is_open()  # the chosen text does not open the list again
    QTest.keyClick(form.description, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert form.description.text() == "灭火器"  # one undo step brings back what was typed


def test_escape_closes_the_list_only(qtbot, completer, form) -> None:
    _type(qtbot, completer, "配电箱")
    QTest.keyClick(form.description, Qt.Key.Key_Escape)
    assert not completer.is_open()
    assert form.isVisible() and form.description.hasFocus() and form.description.text() == "配电箱"


def test_the_list_closes_when_the_window_moves(qtbot, completer, form) -> None:
    _type(qtbot, completer, "配电箱")
    form.move(form.x() + 40, form.y() + 30)
    qtbot.waitUntil(lambda: not completer.is_open(), timeout=2000)


def test_enter_without_a_choice_passes_through_and_major_entries_show(qtbot, completer, form) -> None:
    _type(qtbot, completer, "特种作业")
    assert any(e.severity == Severity.MAJOR for e in completer.entries())
    with qtbot.waitSignal(form.description.returnPressed):
        QTest.keyClick(form.description, Qt.Key.Key_Return)
    assert not completer.is_open()


def test_a_click_chooses_an_entry(qtbot, completer, form) -> None:
    _type(qtbot, completer, "宿舍")
    shown = completer.entries()
    rect = completer.popup.visualRect(completer.model.index(1, 0))
    with qtbot.waitSignal(completer.chosen) as got:
        QTest.mouseClick(completer.popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert got.args[0] == shown[1] and form.description.text() == shown[1].text
    assert not completer.is_open() and form.description.hasFocus()


def test_too_little_text_or_no_match_shows_nothing(qtbot, completer, form) -> None:
    form.description.setText("m")
    QTest.qWait(250)
    assert not completer.is_open()
    QTest.keyClicks(form.description, "h")
    qtbot.waitUntil(completer.is_open, timeout=2000)
    form.description.setText("没有这样的隐患")
    qtbot.waitUntil(lambda: not completer.is_open(), timeout=2000)


def test_multi_line_field_and_use_count(qtbot, ctx, form) -> None:
    comp = LibraryCompleter(form.notes, library_search(ctx), form)
    comp.chosen.connect(lambda e: count_use(ctx, e))
    form.notes.setFocus()
    qtbot.waitUntil(form.notes.hasFocus)
    form.notes.setPlainText("锁气卸灰")
    qtbot.waitUntil(comp.is_open, timeout=2000)
    with qtbot.waitSignal(comp.chosen):
        QTest.keyClick(form.notes, Qt.Key.Key_Down)
        QTest.keyClick(form.notes, Qt.Key.Key_Tab)
    assert form.notes.toPlainText() == "除尘系统未设置锁气卸灰装置" and form.notes.hasFocus()
    used = next(e for e in _entries(ctx) if e.text == "除尘系统未设置锁气卸灰装置")
    assert used.use_count == 1


def test_ctrl_space_inserts_a_phrase_at_the_cursor(qtbot, ctx, form) -> None:
    picker = PhrasePicker(library_search(ctx, kind="phrase", limit=100), form)
    picker.attach(form.description)
    picker.inserted.connect(lambda e: count_use(ctx, e))
    form.description.setText("检查时")
    form.description.setCursorPosition(2)
    QTest.keyClick(form.description, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert picker.is_open()
    assert form.description.text() == "检查时"  # the key opened the picker, it typed nothing
    assert all(e.kind == "phrase" for e in picker.popup.model.entries)
    assert len(picker.popup.model.entries) == len(_entries(ctx, kind="phrase"))
    picker.popup.filter.setText("仓库")
    assert [e.text for e in picker.popup.model.entries][:2] == ["仓库东侧", "仓库西侧"]
    QTest.keyClick(picker.popup.filter, Qt.Key.Key_Down)
    with qtbot.waitSignal(picker.inserted) as got:
        QTest.keyClick(picker.popup.filter, Qt.Key.Key_Return)
    assert got.args[0].text == "仓库西侧"
    assert form.description.text() == "检查仓库西侧时" and form.description.cursorPosition() == 6
    assert not picker.is_open()
    assert next(e for e in _entries(ctx) if e.text == "仓库西侧").use_count == 1


def test_f4_and_the_button_open_the_picker_for_a_multi_line_field(qtbot, ctx, form) -> None:
    picker = PhrasePicker(library_search(ctx, kind="phrase", limit=100), form)
    button = picker.button(form.notes)
    form.layout().addWidget(button)
    form.notes.setPlainText("现场")
    cursor = form.notes.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    form.notes.setTextCursor(cursor)
    form.notes.setFocus()
    QTest.keyClick(form.notes, Qt.Key.Key_F4)
    assert picker.is_open()
    QTest.keyClick(picker.popup.filter, Qt.Key.Key_Escape)
    assert not picker.is_open() and form.notes.toPlainText() == "现场"
    button.click()
    assert picker.is_open()
    picker.popup.filter.setText("dczg")  # pinyin initials of 当场整改
    assert picker.popup.model.entries[0].text == "已当场整改完毕。"
    rect = picker.popup.list.visualRect(picker.popup.model.index(0, 0))
    QTest.mouseClick(picker.popup.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert form.notes.toPlainText() == "现场已当场整改完毕。"


# ------------------------------------------------------------------ the management dialog


@pytest.fixture
def library(ctx, qtbot) -> HazardLibraryDialog:
    dlg = HazardLibraryDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def _rows(dlg: HazardLibraryDialog) -> list[str]:
    return [dlg.proxy.index(r, 1).data() for r in range(dlg.proxy.rowCount())]


def test_dialog_lists_searches_and_deactivates(qtbot, ctx, library) -> None:
    total = len(_entries(ctx))
    assert library.proxy.rowCount() == total and str(total) in library.count_label.text()
    assert library.proxy.index(0, 0).data() == "隐患"  # hazards first, by category
    library.search.setText("mhq gq")
    qtbot.waitUntil(lambda: _rows(library) == [EXTINGUISHER], timeout=2000)
    assert library.selected().text == EXTINGUISHER
    assert library.active_button.text() == "停用"
    library.active_button.click()
    assert _rows(library) == []
    with ctx.session() as s:
        assert svc.search(s, "灭火 过期") == []  # gone from the completer too
    library.show_inactive.setChecked(True)
    assert _rows(library) == [EXTINGUISHER]
    assert library.proxy.index(0, 7).data() == "已停用" and library.active_button.text() == "重新启用"
    library.active_button.click()
    assert library.proxy.index(0, 7).data() == "启用" and library.changed
    library.kind.set_value("phrase")
    library.search.setText("仓库")
    qtbot.waitUntil(lambda: "仓库东侧" in _rows(library), timeout=2000)
    assert {library.proxy.index(r, 0).data() for r in range(library.proxy.rowCount())} == {"常用语"}


def test_editing_a_builtin_makes_it_the_offices(qtbot, ctx, library, monkeypatch) -> None:
    library.search.setText("配电箱未接地、无警示标识")
    library.reload()
    entry = library.selected()
    assert entry.builtin and library.proxy.index(0, 6).data() == "内置"
    dlg = EntryDialog(ctx, entry.id, entry.kind)
    qtbot.addWidget(dlg)
    assert dlg.builtin_note.isVisibleTo(dlg) and not dlg.kind.isEnabled()
    assert dlg.sectors.values() == () and dlg.severity.value() == Severity.GENERAL
    dlg.text.setPlainText("配电箱未接地")
    dlg.sectors.boxes["机械"].setChecked(True)
    dlg.save()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.saved.text == "配电箱未接地" and dlg.saved.edited_builtin and dlg.saved.sectors == ("机械",)
    monkeypatch.setattr(EntryDialog, "edit", classmethod(lambda cls, *a, **k: dlg.saved))
    library.edit()
    assert _rows(library) == []  # the list still shows what matches the search, and the new text does not
    library.search.setText("配电箱未接地")
    qtbot.waitUntil(lambda: _rows(library) == ["配电箱未接地"], timeout=2000)
    assert library.proxy.index(0, 6).data() == "内置（已改）"
    with ctx.session() as s:
        assert svc.sync_builtin(s) == 0  # the built-in data does not take it back
        assert svc.search(s, "配电箱未接地、无警示标识") == []


def test_new_entries_and_their_messages(qtbot, ctx, library, monkeypatch) -> None:
    def fill(self: EntryDialog) -> int:
        self.text.setPlainText("")
        self.save()  # empty: the message appears under the field and the form stays open
        assert self.result() != QDialog.DialogCode.Accepted
        assert "请填写隐患描述" in self.messages["text"].text() and self.messages["text"].isVisibleTo(self)
        self.text.setPlainText(EXTINGUISHER)
        self.save()
        assert "已有相同的隐患描述" in self.messages["text"].text()
        self.text.setPlainText("叉车超速行驶")
        self.basis.setPlainText("GB 4387-2008")
        self.category.setEditText("作业环境")
        self.severity.set_value(Severity.MAJOR)
        self.save()
        return self.result()

    monkeypatch.setattr(EntryDialog, "exec", fill)
    library.add_hazard_button.click()
    assert library.selected().text == "叉车超速行驶" and library.changed
    saved = library.selected()
    assert saved.severity == Severity.MAJOR and saved.category == "作业环境" and not saved.builtin
    assert library.proxy.index(library.table.currentIndex().row(), 6).data() == "自建"

    def phrase(self: EntryDialog) -> int:
        assert not self.basis.isVisibleTo(self) and not self.sectors.isVisibleTo(self)
        self.text.setPlainText("已责令企业立即整改")
        self.save()
        return self.result()

    monkeypatch.setattr(EntryDialog, "exec", phrase)
    library.add_phrase_button.click()
    assert library.selected().text == "已责令企业立即整改" and library.selected().kind == "phrase"
