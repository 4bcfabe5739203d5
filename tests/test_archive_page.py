"""The archive page (一企一档) driven like a user would, on a real SQLite file (offscreen Qt): layout at 1366×768,
licences and contacts added, edited and deleted through their dialogs, the status history."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QScrollArea, QTableWidget

from models.entities import Enterprise
from models.enums import EnterpriseStatus
from models.services import enterprises as svc
from tests import factories as f
from ui import alerts
from ui.archive_page import ArchivePage, ContactDialog, LicenceDialog
from ui.context import AppContext
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui

NAV_WIDTH = 128  # ui/main_window.py: the module list left of the pages



@pytest.fixture
def ctx(sqlite_url):
    c = AppContext.open(sqlite_url, actor="测试员")
    with c.session() as s:
        c.town_id = f.town(s)
    yield c
    c.engine.dispose()


def _enterprise(ctx: AppContext, **overrides) -> object:  # type: ignore[no-untyped-def]
    with ctx.session() as s:
        return svc.create(s, f.enterprise_input(ctx.town_id, 1, **overrides), ctx.actor)


@pytest.fixture
def eid(ctx):
    return _enterprise(ctx)


@pytest.fixture
def page(ctx, eid, qtbot):
    p = ArchivePage(ctx, eid)
    qtbot.addWidget(p)
    p.resize(1100, 650)
    p.show()
    return p


def _texts(table: QTableWidget, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def _ok(qtbot, dlg: QDialog) -> None:
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


@contextmanager
def answering(action: Callable[[QDialog], None]) -> Iterator[None]:
    """Run ``action`` on the modal dialog that the block opens (a real ``exec()``). If the action fails or leaves
    the dialog open, the dialog is rejected so the test does not hang, and the failure is raised afterwards."""
    seen: list[QDialog] = []
    problems: list[BaseException | str] = []
    tries = [0]
    block_done = [False]

    def run() -> None:
        if block_done[0]:  # the block ended without a dialog: do not touch a later test's dialogs
            return
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, QDialog):
            tries[0] += 1
            if tries[0] < 200:  # not open yet (events processed before exec): look again shortly
                QTimer.singleShot(10, run)
            return
        seen.append(dlg)
        try:
            action(dlg)
        except BaseException as exc:  # noqa: BLE001 - re-raised below, after the dialog is closed
            problems.append(exc)
        if dlg.isVisible():
            problems.append("the dialog was left open")
            dlg.reject()

    QTimer.singleShot(0, run)
    try:
        yield
    finally:
        block_done[0] = True
    assert seen, "no dialog was opened"
    for p in problems:
        if isinstance(p, BaseException):
            raise p
        pytest.fail(p)


# ------------------------------------------------------------------------------------------------ layout


def test_long_name_and_notes_fit_1366x768(ctx, qtbot, tmp_path):
    name = "汨罗市" + "很长的企业名称" * 13 + "有限责任公司"
    assert len(name) == 100  # the longest name the service accepts
    notes = "\n".join(f"第{i + 1}行：整改情况记录" for i in range(60))
    eid = _enterprise(ctx, name=name, notes=notes)

    page = ArchivePage(ctx, eid)
    qtbot.addWidget(page)
    assert page.minimumSizeHint().width() <= 1366 - NAV_WIDTH
    assert page.title.text() == name and page.title.toolTip() == name  # the registry's tab shows it shortened
    (notes_label,) = [w for w in page.basic.findChildren(QLabel) if w.text() == notes]
    scroll = notes_label.parent()
    while scroll is not None and not isinstance(scroll, QScrollArea):
        scroll = scroll.parent()
    assert isinstance(scroll, QScrollArea) and scroll.widgetResizable()

    w = MainWindow(ctx, QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    shown = w.registry.open_archive(eid)
    assert shown is not None
    qtbot.waitUntil(lambda: shown.isVisible())
    assert (w.width(), w.height()) == (1366, 768)
    right = shown.edit_button.mapTo(w, shown.edit_button.rect().bottomRight())
    assert 0 < right.x() < w.width() and 0 < right.y() < w.height()  # 编辑档案 is on screen, not cut off
    assert not shown.edit_button.visibleRegion().isEmpty()
    w.grab().save(str(tmp_path / "archive_1366x768.png"))


# ------------------------------------------------------------------------------------------------ licences


def test_add_licence_through_the_dialog(page, ctx, eid, qtbot):
    page.tabs.setCurrentIndex(1)

    def fill(dlg: QDialog) -> None:
        assert isinstance(dlg, LicenceDialog) and dlg.windowTitle() == "添加证照"
        dlg.kind.setText("安全生产许可证")  # QTest cannot type Chinese; an input method sets the text
        qtbot.keyClicks(dlg.number, "WH-2024-001")
        dlg.issuer.setText("岳阳市应急管理局")
        dlg.valid_from.set_value(date(2024, 1, 1))
        dlg.valid_until.set_value(date(2027, 1, 1))
        _ok(qtbot, dlg)

    with answering(fill):
        qtbot.mouseClick(page.licence_buttons.add, Qt.MouseButton.LeftButton)

    assert _texts(page.licences, 0) == ["安全生产许可证"]
    assert [page.licences.item(0, c).text() for c in range(5)] == [
        "安全生产许可证", "WH-2024-001", "岳阳市应急管理局", "2024-01-01", "2027-01-01"]
    assert page.licences.currentRow() == 0 and page.licence_buttons.edit.isEnabled()  # the new row is selected
    with ctx.session() as s:
        assert [x.number for x in svc.archive(s, eid).licences] == ["WH-2024-001"]


def test_invalid_licence_keeps_the_dialog_open_with_the_messages(page, ctx, eid, qtbot):
    page.tabs.setCurrentIndex(1)

    def fill(dlg: QDialog) -> None:
        assert isinstance(dlg, LicenceDialog)
        assert (dlg.kind.maxLength(), dlg.number.maxLength(), dlg.issuer.maxLength()) == (40, 60, 60)
        dlg.number.setText("WH-2024-002")
        dlg.issuer.setText("岳阳市应急管理局")
        dlg.valid_from.set_value(date(2025, 1, 1))
        dlg.valid_until.set_value(date(2024, 1, 1))
        _ok(qtbot, dlg)
        assert dlg.isVisible() and dlg.saved_id is None
        assert dlg.messages["kind"].isVisible() and dlg.messages["kind"].text() == "证照名称不能为空。"
        assert dlg.messages["valid_until"].text() == "有效期止不能早于有效期起。"
        assert not dlg.messages["number"].isVisible()
        assert dlg.kind.property("invalid") is True and dlg.number.property("invalid") is False
        assert dlg.messages["kind"].property("role") == "error"
        with ctx.session() as s:
            assert svc.archive(s, eid).licences == []
        # Nothing typed was lost: correct the two fields and save.
        assert dlg.number.text() == "WH-2024-002" and dlg.issuer.text() == "岳阳市应急管理局"
        dlg.kind.setText("营业执照")
        dlg.valid_until.set_value(date(2030, 1, 1))
        _ok(qtbot, dlg)
        assert not dlg.isVisible() and dlg.result() == QDialog.DialogCode.Accepted

    with answering(fill):
        page.add_licence()

    with ctx.session() as s:
        (row,) = svc.archive(s, eid).licences
    assert (row.kind, row.number, row.valid_until) == ("营业执照", "WH-2024-002", date(2030, 1, 1))
    assert _texts(page.licences, 0) == ["营业执照"]


def test_licence_fields_cannot_exceed_their_columns(ctx, eid, qtbot):
    dlg = LicenceDialog(ctx, eid)
    qtbot.addWidget(dlg)
    dlg.kind.setText("证" * 50)
    assert len(dlg.kind.text()) == 40
    c = ContactDialog(ctx, eid)
    qtbot.addWidget(c)
    assert (c.name.maxLength(), c.role.maxLength(), c.phone.maxLength()) == (40, 40, 20)


def test_edit_licence_prefilled_with_enter(page, ctx, eid, qtbot):
    with ctx.session() as s:
        lid = svc.save_licence(s, eid, svc.LicenceInput(kind="营业执照", number="N1", notes="副本"), actor=ctx.actor)
    page.reload()
    page.tabs.setCurrentIndex(1)
    page.licences.setFocus()
    page.licences.selectRow(0)

    def change(dlg: QDialog) -> None:
        assert isinstance(dlg, LicenceDialog) and dlg.windowTitle() == "编辑证照"
        assert (dlg.kind.text(), dlg.number.text(), dlg.notes.text()) == ("营业执照", "N1", "副本")
        dlg.number.setText("N2")
        _ok(qtbot, dlg)

    with answering(change):
        qtbot.keyClick(page.licences, Qt.Key.Key_Return)

    with ctx.session() as s:
        assert [(x.id, x.number, x.notes) for x in svc.archive(s, eid).licences] == [(lid, "N2", "副本")]
    assert _texts(page.licences, 1) == ["N2"]


def test_licence_deleted_meanwhile_is_reported_and_the_page_reloads(page, ctx, eid, qtbot, monkeypatch):
    with ctx.session() as s:
        lid = svc.save_licence(s, eid, svc.LicenceInput(kind="营业执照"), actor=ctx.actor)
    page.reload()
    page.tabs.setCurrentIndex(1)
    page.licences.selectRow(0)
    shown: list[str] = []
    monkeypatch.setattr(alerts, "warning", lambda parent, title, text: shown.append(text))

    def other_user_deletes_it_then_ok(dlg: QDialog) -> None:
        dlg.number.setText("N9")
        with ctx.session() as s:
            svc.delete_licence(s, lid, "另一位用户")
        _ok(qtbot, dlg)

    with answering(other_user_deletes_it_then_ok):
        qtbot.mouseClick(page.licence_buttons.edit, Qt.MouseButton.LeftButton)

    assert len(shown) == 1 and "证照记录已不存在" in shown[0] and "未保存" in shown[0]
    assert page.licences.rowCount() == 0 and not page.licence_buttons.edit.isEnabled()


# ------------------------------------------------------------------------------------------------ contacts


def test_edit_existing_contact_by_double_click(page, ctx, eid, qtbot):
    with ctx.session() as s:
        cid = svc.save_contact(s, eid, svc.ContactInput(name="李四", role="安全员", phone="13800138000",
                                                        notes="夜班"), actor=ctx.actor)
        svc.save_contact(s, eid, svc.ContactInput(name="王五"), actor=ctx.actor)
    page.reload()
    page.tabs.setCurrentIndex(2)
    assert _texts(page.contacts, 0) == ["李四", "王五"]

    def change(dlg: QDialog) -> None:
        assert isinstance(dlg, ContactDialog) and dlg.windowTitle() == "编辑联系人"
        assert (dlg.name.text(), dlg.role.text(), dlg.phone.text(), dlg.notes.text()) == (
            "李四", "安全员", "13800138000", "夜班")
        dlg.role.setText("安全总监")
        dlg.phone.setText("１３９－０００１－２３４５")
        _ok(qtbot, dlg)

    rect = page.contacts.visualItemRect(page.contacts.item(0, 1))
    qtbot.mouseClick(page.contacts.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with answering(change):
        qtbot.mouseDClick(page.contacts.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    with ctx.session() as s:
        contacts = svc.archive(s, eid).contacts
    assert contacts[0] == svc.ContactRow(cid, "李四", "安全总监", "13900012345", "夜班")
    assert len(contacts) == 2
    assert [page.contacts.item(0, c).text() for c in range(4)] == ["李四", "安全总监", "13900012345", "夜班"]


def test_bad_phone_keeps_the_contact_dialog_open(ctx, eid, qtbot):
    dlg = ContactDialog(ctx, eid)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.name.setText("赵六")
    dlg.phone.setText("12345")
    _ok(qtbot, dlg)
    assert dlg.isVisible() and dlg.saved_id is None
    message = dlg.messages["phone"]
    assert "格式不正确" in message.text() and dlg.phone.property("invalid") is True
    assert message.height() >= message.heightForWidth(message.width())  # wrapped over two lines, not clipped
    assert message.geometry().top() >= dlg.phone.geometry().bottom()  # under the field, not over it
    with ctx.session() as s:
        assert svc.archive(s, eid).contacts == []


def test_edit_button_and_enter_open_the_selected_contact(page, ctx, eid, qtbot, monkeypatch):
    with ctx.session() as s:
        cid = svc.save_contact(s, eid, svc.ContactInput(name="李四"), actor=ctx.actor)
    page.reload()
    page.tabs.setCurrentIndex(2)
    calls = []
    monkeypatch.setattr(ContactDialog, "edit", staticmethod(lambda *a: calls.append(a[2:]) or None))
    assert not page.contact_buttons.edit.isEnabled()  # nothing selected yet
    page.contacts.selectRow(0)
    assert page.contact_buttons.edit.isEnabled()
    qtbot.mouseClick(page.contact_buttons.edit, Qt.MouseButton.LeftButton)
    page.contacts.setFocus()
    qtbot.keyClick(page.contacts, Qt.Key.Key_Return)
    qtbot.mouseClick(page.contact_buttons.add, Qt.MouseButton.LeftButton)
    assert calls == [(eid, cid), (eid, cid), (eid,)]


def test_contact_added_after_the_enterprise_was_deleted(page, ctx, eid, qtbot, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(alerts, "warning", lambda parent, title, text: shown.append(text))

    def enterprise_deleted_then_ok(dlg: QDialog) -> None:
        dlg.name.setText("李四")
        with ctx.session() as s:
            s.delete(s.get(Enterprise, eid))
        _ok(qtbot, dlg)

    with answering(enterprise_deleted_then_ok):
        page.add_contact()

    assert len(shown) == 1 and "企业档案已不存在" in shown[0]
    assert "已不存在" in page.title.text()
    assert not page.edit_button.isEnabled() and not page.contact_buttons.add.isEnabled()


def test_delete_contact_asks_first(page, ctx, eid, qtbot, monkeypatch):
    with ctx.session() as s:
        svc.save_contact(s, eid, svc.ContactInput(name="李四"), actor=ctx.actor)
        keep = svc.save_contact(s, eid, svc.ContactInput(name="王五"), actor=ctx.actor)
        svc.save_licence(s, eid, svc.LicenceInput(kind="营业执照"), actor=ctx.actor)
    page.reload()
    page.tabs.setCurrentIndex(2)
    page.contacts.selectRow(0)
    asked = []
    monkeypatch.setattr(alerts, "confirm", lambda parent, title, text: asked.append(title) or False)
    qtbot.mouseClick(page.contact_buttons.delete, Qt.MouseButton.LeftButton)
    assert asked == ["删除联系人"] and _texts(page.contacts, 0) == ["李四", "王五"]

    monkeypatch.setattr(alerts, "confirm", lambda parent, title, text: True)
    qtbot.mouseClick(page.contact_buttons.delete, Qt.MouseButton.LeftButton)
    assert _texts(page.contacts, 0) == ["王五"]
    # 王五 moved up into the deleted row: it must not be selected, or a second click would delete it too.
    assert not page.contact_buttons.delete.isEnabled()
    qtbot.mouseClick(page.contact_buttons.delete, Qt.MouseButton.LeftButton)
    with ctx.session() as s:
        assert [c.id for c in svc.archive(s, eid).contacts] == [keep]
    page.contacts.selectRow(0)
    qtbot.mouseClick(page.contact_buttons.delete, Qt.MouseButton.LeftButton)
    assert page.contacts.rowCount() == 0

    page.tabs.setCurrentIndex(1)
    page.licences.selectRow(0)
    qtbot.mouseClick(page.licence_buttons.delete, Qt.MouseButton.LeftButton)
    assert page.licences.rowCount() == 0
    with ctx.session() as s:
        a = svc.archive(s, eid)
    assert a.contacts == [] and a.licences == []


# ------------------------------------------------------------------------------------------------ history


def test_status_history_lists_newest_first(ctx, eid, qtbot):
    for status, reason in ((EnterpriseStatus.RECTIFYING, "重大隐患停产整顿"), (EnterpriseStatus.NORMAL, "整改验收合格")):
        with ctx.session() as s:
            a = svc.archive(s, eid)
            data = a.data
            data.status, data.status_reason = status, reason
            svc.update(s, eid, data, a.version, ctx.actor)
    page = ArchivePage(ctx, eid)
    qtbot.addWidget(page)
    assert _texts(page.history, 3) == ["整改验收合格", "重大隐患停产整顿", "建档"]
    assert _texts(page.history, 2) == ["正常", "停产整顿", "正常"]
    assert page.history.item(2, 1).text() == "—"
    assert _texts(page.history, 4) == ["测试员"] * 3


def test_archive_lists_the_visits_that_had_the_firm_on_their_route(sqlite_url, qtbot):
    from sqlalchemy import func, select

    from models.entities import Visit, VisitStop
    from models.services import demo

    c = AppContext.open(sqlite_url, actor="测试员")
    demo.generate(c.factory, "seed", 0)
    with c.session() as s:
        firm, n = s.execute(select(VisitStop.enterprise_id, func.count()).group_by(VisitStop.enterprise_id)
                            .order_by(func.count().desc())).first()
        days = sorted((d for (d,) in s.execute(select(Visit.day).join(VisitStop, VisitStop.visit_id == Visit.id)
                                                  .where(VisitStop.enterprise_id == firm))), reverse=True)
    page = ArchivePage(c, firm)
    qtbot.addWidget(page)
    assert page.visits.rowCount() == n >= 1
    assert [page.visits.item(r, 0).text()[:10] for r in range(n)] == [d.isoformat() for d in days]  # newest first
    assert all(page.visits.item(r, 4).text() for r in range(n))  # officers named on every visit
    c.engine.dispose()
