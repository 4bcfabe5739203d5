"""The 检查表 page driven like a user would (offscreen Qt), on both databases: the list, editing and saving as a new
revision, the old revision read-only, validation, unsaved changes on switching, item keys, new template, retire/
restore and a save refused because somebody else saved first."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QSpinBox, QTableWidgetItem

from models.db import session_scope
from models.enums import VisitKind
from models.services import checklists as svc
from ui import alerts
from ui.checklists_page import CATEGORY, DAYS, ID_ROLE, MAJOR, TEXT, VALUE_ROLE, ChecklistsPage
from ui.context import AppContext

pytestmark = pytest.mark.gui

NAV_WIDTH = 128  # ui/main_window.py: the module list left of the pages


@pytest.fixture
def ctx(db_url, engine, factory) -> Iterator[AppContext]:
    yield AppContext(url=db_url, engine=engine, factory=factory, actor="王科长")


@pytest.fixture
def asked(monkeypatch) -> dict:
    """Message boxes answered by the test: ``asked["answer"]`` for confirm; what was shown is kept."""
    seen: dict = {"answer": True, "confirm": [], "warning": [], "error": []}

    def confirm(_parent, _title, text):  # type: ignore[no-untyped-def]
        seen["confirm"].append(text)
        return seen["answer"]

    monkeypatch.setattr(alerts, "confirm", confirm)
    monkeypatch.setattr(alerts, "warning", lambda _p, _t, text: seen["warning"].append(text))
    monkeypatch.setattr(alerts, "error", lambda _p, _t, text, details="": seen["error"].append(text))
    monkeypatch.setattr(alerts, "info", lambda *_a: None)
    return seen


@pytest.fixture
def page(ctx, qtbot, asked) -> ChecklistsPage:
    p = ChecklistsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1366 - NAV_WIDTH, 700)
    p.show()
    return p


def _lines(p: ChecklistsPage) -> list[str]:
    return [p.list.item(r).text() for r in range(p.list.count())]


def _select(p: ChecklistsPage, code: str) -> None:
    row = next(r for r in range(p.list.count()) if p.list.item(r).data(VALUE_ROLE) == code)
    p.list.setCurrentRow(row)


def _cell(p: ChecklistsPage, r: int, col: int) -> QTableWidgetItem:
    item = p.table.item(r, col)
    assert item is not None
    return item


def test_the_list_shows_the_shipped_templates_with_badges_and_counts(page):
    lines = _lines(page)
    assert len(lines) == 4
    trade = next(x for x in lines if x.startswith("工贸企业重大事故隐患判定标准"))
    assert "第1版" in trade and "17 项" in trade and "部分收录" in trade
    assert any(x.startswith("通用安全检查表") and "40 项" in x for x in lines)
    _select(page, "chemical_major")
    assert page.table.rowCount() == 20
    assert all(_cell(page, r, MAJOR).checkState() == Qt.CheckState.Checked for r in range(20))
    assert _cell(page, 0, TEXT).text() == "危险化学品生产、经营单位主要负责人和安全生产管理人员未依法经考核合格。"
    assert page.name.text() == "化工和危险化学品重大事故隐患判定标准"
    assert page.sectors.text().startswith("危险化学品")
    assert not page.save_button.isEnabled()  # nothing changed yet
    assert "共 20 项，其中重大隐患判定项 20 项" in page.count_label.text()


def test_edit_and_save_makes_a_new_revision_and_the_old_one_opens_read_only(page, ctx, qtbot):
    _select(page, "camphor_entry")
    old_id = page._shown.id
    page.name.setText("樟脑油企业准入检查表（2025）")
    page.table.setCurrentCell(11, TEXT)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Insert)
    assert page.table.rowCount() == 13 and page.table.currentRow() == 12
    _cell(page, 12, TEXT).setText("是否安装视频监控并接入园区平台。")
    _cell(page, 12, MAJOR).setCheckState(Qt.CheckState.Checked)
    assert page.save_button.isEnabled()
    page.note.setText("增加视频监控一项")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page._shown.revision == 2 and page._shown.id != old_id
    assert not page.save_button.isEnabled()
    assert any(x.startswith("樟脑油企业准入检查表（2025）") and "第2版" in x and "13 项" in x for x in _lines(page))
    with session_scope(ctx.factory) as s:
        hist = svc.revisions(s, "camphor_entry")
        assert [(t.revision, t.is_current, t.changed_by, t.change_note) for t in hist] == [
            (2, True, "王科长", "增加视频监控一项"), (1, False, "系统", "载入内置检查表（文件 camphor_entry.toml，第 1 版）")]
        new = svc.template(s, hist[0].id)
        assert new.items[12].text == "是否安装视频监控并接入园区平台。" and new.items[12].is_major_criterion
        assert (new.items[12].deadline_days, new.items[12].section) == (15, "安全管理")  # the section of the row above
        assert len(svc.template(s, old_id).items) == 12

    page.history_button.setChecked(True)
    assert page.history.rowCount() == 2
    assert page.history.item(0, 0).text() == "第2版" and page.history.item(0, 2).text() == "王科长"
    assert page.history.item(1, 4).text().startswith("内置文件")
    page.history.setCurrentCell(1, 0)
    page.open_revision()
    assert page._shown.id == old_id and page.read_only
    assert page.name.isReadOnly() and page.name.text() == "樟脑油企业准入检查表"
    assert not page.save_button.isVisible() and page.open_current_button.isVisible()
    assert "历史版本（只读）" in page.state_label.text()
    page.table.setCurrentCell(0, TEXT)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.keyClick(page.table, Qt.Key.Key_Insert)
    assert page.table.rowCount() == 12
    assert not page.has_unsaved_changes()
    qtbot.mouseClick(page.open_current_button, Qt.MouseButton.LeftButton)
    assert page._shown.revision == 2 and not page.read_only


def test_validation_and_the_change_note_are_shown_and_nothing_is_saved(page, ctx):
    _select(page, "general")
    _cell(page, 2, TEXT).setText("  ")
    page.save()
    assert page.problems.isVisible() and "请填写修改说明" in page.problems.text()
    page.note.setText("清空一项")
    assert page.save() is None
    assert page.problems.text() == "第3项：检查内容不能为空。"
    assert page.table.currentRow() == 2
    page.name.setText("")
    _cell(page, 2, TEXT).setText("恢复的内容")
    page.save()
    assert page.problems.text() == "检查表名称不能为空。"
    with session_scope(ctx.factory) as s:
        assert [t.revision for t in svc.revisions(s, "general")] == [1]


def test_unsaved_changes_are_asked_about_when_switching(page, asked):
    _select(page, "general")
    page.edition.setText("2021（本县）")
    asked["answer"] = False
    _select(page, "chemical_major")
    assert len(asked["confirm"]) == 1 and "通用安全检查表" in asked["confirm"][0]
    assert page._shown.code == "general" and page.edition.text() == "2021（本县）"
    assert page.list.currentItem().data(VALUE_ROLE) == "general"
    asked["answer"] = True
    _select(page, "chemical_major")
    assert page._shown.code == "chemical_major"
    _select(page, "general")
    assert page.edition.text() == "2021" and len(asked["confirm"]) == 2
    page.edition.setText("x")
    page.discard()
    assert page.edition.text() == "2021" and not page.has_unsaved_changes()


def test_item_keys_add_delete_and_move(page, qtbot):
    _select(page, "camphor_entry")
    first, second = _cell(page, 0, TEXT).text(), _cell(page, 1, TEXT).text()
    page.table.setCurrentCell(0, TEXT)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert (_cell(page, 0, TEXT).text(), _cell(page, 1, TEXT).text()) == (second, first)
    assert page.table.currentRow() == 1
    qtbot.keyClick(page.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert _cell(page, 0, TEXT).text() == first and page.table.currentRow() == 0
    assert not page.up_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.table.rowCount() == 11 and _cell(page, 0, TEXT).text() == second
    qtbot.keyClick(page.table, Qt.Key.Key_Insert)
    assert page.table.rowCount() == 12 and page.table.currentRow() == 1 and _cell(page, 1, TEXT).text() == ""
    assert _cell(page, 1, DAYS).data(VALUE_ROLE) == 15
    draft = page.draft()
    assert draft.items[0].text == second and draft.items[1].text == ""
    assert page.has_unsaved_changes()


def test_deadline_and_category_cells_edit_through_their_editors(page, qtbot):
    _select(page, "camphor_entry")
    page.table.setCurrentCell(0, DAYS)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    spin = page.table.findChild(QSpinBox)
    assert spin is not None and spin.value() == 60
    spin.setValue(0)  # — : no deadline
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() == QAbstractItemView.State.NoState)  # the delegate commits queued
    assert _cell(page, 0, DAYS).data(VALUE_ROLE) is None and _cell(page, 0, DAYS).text() == ""
    page.table.setCurrentCell(0, CATEGORY)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    combo = page.table.findChild(QComboBox)
    assert combo is not None and combo.currentData() == "安全管理"
    combo.setCurrentIndex(combo.findData("特种设备"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() == QAbstractItemView.State.NoState)
    item = page.draft().items[0]
    assert (item.deadline_days, item.category) == (None, "特种设备")


def test_new_template_and_retire_restore(page, ctx, qtbot, asked):
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page._shown is None and page.table.rowCount() == 1 and page.list.currentRow() == -1
    assert not page.has_unsaved_changes()
    page.name.setText("汛期专项检查表")
    page.kinds[VisitKind.SPECIAL].setChecked(True)
    _cell(page, 0, TEXT).setText("排水设施是否完好。")
    _cell(page, 0, CATEGORY).setData(VALUE_ROLE, "设备设施")
    saved = page.save()
    assert saved is not None and saved.code == "custom-1" and saved.revision == 1
    assert page.list.currentItem().data(VALUE_ROLE) == "custom-1"
    with session_scope(ctx.factory) as s:
        assert [t.code for t in svc.suggested_for(s, VisitKind.SPECIAL, "人员密集场所")] == ["general", "custom-1"]
        assert [t.code for t in svc.suggested_for(s, VisitKind.REINSPECTION, "人员密集场所")] == ["general"]
        assert svc.template(s, saved.id).items[0].category == "设备设施"

    qtbot.mouseClick(page.retire_button, Qt.MouseButton.LeftButton)
    assert asked["confirm"] and "汛期专项检查表" in asked["confirm"][-1]
    line = page.list.currentItem().text()
    assert "已停用" in line and page.read_only and page.restore_button.isVisible()
    assert "已停用（只读）" in page.state_label.text()
    with session_scope(ctx.factory) as s:
        assert "custom-1" not in [t.code for t in svc.suggested_for(s, VisitKind.SPECIAL, "人员密集场所")]
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert not page.read_only and "已停用" not in page.list.currentItem().text()


def test_a_save_after_somebody_else_saved_is_refused(page, ctx, asked):
    _select(page, "chemical_major")
    with session_scope(ctx.factory) as s:
        d = svc.TemplateDraft.from_data(svc.template(s, page.list.currentItem().data(ID_ROLE)))
        d.edition = "同事改的"
        svc.save_revision(s, page._shown.id, d, actor="李", note="同事")
    page.description.setPlainText("我的修改")
    page.note.setText("我")
    assert page.save() is None
    assert asked["warning"] and "已有更新的版本" in asked["warning"][0]
    with session_scope(ctx.factory) as s:
        assert [(t.revision, t.changed_by) for t in svc.revisions(s, "chemical_major")] == [(2, "李"), (1, "系统")]



def test_ctrl_s_while_a_cell_is_being_edited_saves_what_was_typed(page, ctx, qtbot):
    _select(page, "camphor_entry")
    page.note.setText("改第一项")
    page.table.setCurrentCell(0, TEXT)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = page.table.findChild(QLineEdit)
    assert editor is not None and page.table.state() == QAbstractItemView.State.EditingState
    editor.setText("营业执照是否有效。")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page._shown.revision == 2
    with session_scope(ctx.factory) as s:
        assert svc.template(s, page._shown.id).items[0].text == "营业执照是否有效。"
