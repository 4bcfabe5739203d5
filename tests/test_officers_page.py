"""The officers and supervisors pages on the demo data set (offscreen Qt, SQLite)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from models.services import demo
from models.services import officers as svc
from ui import alerts
from ui.context import AppContext
from ui.officers_page import (
    ID_ROLE,
    LeaveDialog,
    OfficerDialog,
    OfficersPage,
    OfficerTableModel,
    SupervisorDialog,
    SupervisorsPage,
    SupervisorTableModel,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def ctx(sqlite_url):
    c = AppContext.open(sqlite_url, actor="测试员")
    demo.generate(c.factory, "seed", 0)
    yield c
    c.engine.dispose()


def column(model, col: int) -> list[str]:
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def test_models_pass_qt_model_tester(ctx, qtmodeltester):
    with ctx.session() as s:
        officers = svc.officers(s)
        supervisors = svc.supervisors(s)
    m = OfficerTableModel()
    m.set_rows(officers)
    qtmodeltester.check(m)
    m.sort(OfficerTableModel.STATE_COLUMN, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(m)
    m2 = SupervisorTableModel()
    m2.set_rows(supervisors)
    qtmodeltester.check(m2)
    m2.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(m2)


def test_officers_list_banner_and_filters(ctx, qtbot):
    page = OfficersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 15
    assert "15" in page.count_label.text()
    assert page.department.count() == 1 + 9
    # the demo makes three certificates run out within 30 days
    assert page.banner.isVisible()
    text = page.banner_text.text()
    assert text.startswith("3 名执法人员的执法证将在30天内到期：")
    with ctx.session() as s:
        expiring = svc.expiring_certificates(s, date.today(), 30)
    assert len(expiring) == 3 and all(r.name in text for r in expiring)
    states = column(page.model, OfficerTableModel.STATE_COLUMN)
    assert sum(s.startswith("即将到期") for s in states) == 3
    marked = [r for r in range(15)
              if page.model.data(page.model.index(r, OfficerTableModel.STATE_COLUMN), Qt.ItemDataRole.DecorationRole)]
    assert len(marked) == 3

    page.banner_button.click()
    assert page.model.rowCount() == 3
    page.clear_filters()
    page.department.set_value("汨罗市应急管理局")
    assert page.model.rowCount() == 5
    page.clear_filters()
    page.search.setText(expiring[0].certificate_no)
    assert column(page.model, 0) == [expiring[0].name]


def test_deactivate_and_reactivate_from_the_list(ctx, qtbot, monkeypatch):
    page = OfficersPage(ctx)
    qtbot.addWidget(page)
    monkeypatch.setattr(alerts, "confirm", lambda *a: True)
    page.table.selectRow(0)
    name = page.selected_row().name
    assert page.toggle_button.text() == "停用"
    page.toggle_button.click()
    assert page.model.rowCount() == 14  # the default filter shows active people
    page.active.set_value(False)
    assert column(page.model, 0) == [name]
    page.table.selectRow(0)
    assert page.toggle_button.text() == "启用"
    page.toggle_button.click()
    assert page.model.rowCount() == 0


def test_officer_dialog_refuses_bad_input_then_saves(ctx, qtbot):
    dlg = OfficerDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    with ctx.session() as s:
        taken = svc.officers(s)[0].certificate_no
    dlg.name.setText("")
    dlg.certificate_no.setText("湘0601")
    dlg.phone.setText("12345")
    dlg.save()
    assert dlg.isVisible() and dlg.result() != QDialog.DialogCode.Accepted
    for key in ("name", "department", "certificate_no", "phone"):
        assert dlg.fields[key].property("invalid") is True, key
        assert dlg.error_labels[key].isVisible(), key
        assert dlg.error_labels[key].property("role") == "error"
    assert "数字和字母" in dlg.error_labels["certificate_no"].text()
    assert "同时填写有效期" in dlg.error_labels["certificate_expiry"].text()

    dlg.name.setText("新来的")
    dlg.department.setEditText("汨罗市应急管理局")
    dlg.certificate_no.setText(taken)
    dlg.certificate_expiry.set_value(date.today() + timedelta(days=365))
    dlg.phone.setText("13800138000")
    dlg.save()
    assert dlg.isVisible() and "不能重复" in dlg.error_labels["certificate_no"].text()
    assert dlg.fields["name"].property("invalid") is False and not dlg.error_labels["name"].isVisible()
    assert not dlg.error_labels["certificate_expiry"].isVisible()

    dlg.certificate_no.setText("4306012399")
    dlg.save()
    assert dlg.result() == QDialog.DialogCode.Accepted and dlg.saved_id is not None
    with ctx.session() as s:
        assert svc.officer(s, dlg.saved_id).data.name == "新来的"


def test_new_and_edit_buttons_use_the_dialog_entry(ctx, qtbot, monkeypatch):
    page = OfficersPage(ctx)
    qtbot.addWidget(page)
    with ctx.session() as s:
        new_id = svc.create_officer(s, svc.OfficerInput("新同事", "汨罗市林业局"))
    monkeypatch.setattr(OfficerDialog, "edit", classmethod(lambda cls, parent, c, officer_id=None: new_id))
    page.new_button.click()
    assert page.model.rowCount() == 16
    assert page.table.currentIndex().data(ID_ROLE) == new_id
    assert page.selected_row().cert_state == svc.CERT_MISSING


def test_edit_dialog_reports_a_concurrent_edit(ctx, qtbot, monkeypatch):
    with ctx.session() as s:
        row = svc.officers(s)[0]
    dlg = OfficerDialog(ctx, row.id)
    qtbot.addWidget(dlg)
    assert dlg.name.text() == row.name
    with ctx.session() as s:
        rec = svc.officer(s, row.id)
        svc.update_officer(s, row.id, rec.data.__class__(**{**rec.data.__dict__, "phone": "0730-5212345"}),
                           rec.version)
    asked = []
    monkeypatch.setattr(alerts, "confirm", lambda parent, title, text: asked.append(text) or True)
    dlg.phone.setText("13900139000")
    dlg.save()
    assert asked and "其他用户修改" in asked[0]
    assert dlg.phone.text() == "0730-5212345"  # reloaded
    dlg.save()
    assert dlg.result() == QDialog.DialogCode.Accepted


def test_supervisors_page_and_dialog(ctx, qtbot, monkeypatch):
    page = SupervisorsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 10
    assert set(column(page.model, 1)) == {"汨罗市人大代表", "汨罗市政协委员"}

    dlg = SupervisorDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.phone.setText("abc")
    dlg.save()
    assert dlg.isVisible()
    assert dlg.fields["name"].property("invalid") is True and dlg.error_labels["phone"].isVisible()
    dlg.name.setText("刘芳")
    dlg.affiliation.setEditText("汨罗市政协委员")
    dlg.phone.setText("13700137000")
    dlg.save()
    assert dlg.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(SupervisorDialog, "edit",
                        classmethod(lambda cls, parent, c, supervisor_id=None: dlg.saved_id))
    page.new_button.click()
    assert page.model.rowCount() == 11 and page.selected_row().name == "刘芳"


def test_pages_fit_the_small_screen(ctx, qtbot):
    for cls in (OfficersPage, SupervisorsPage):
        page = cls(ctx)
        qtbot.addWidget(page)
        assert page.minimumSizeHint().width() <= 1366 - 128 - 20
        assert page.minimumSizeHint().height() <= 768 - 80
    dlg = OfficerDialog(ctx)
    qtbot.addWidget(dlg)
    assert dlg.sizeHint().width() <= 1366 and dlg.sizeHint().height() <= 700


def test_leave_dialog_adds_refuses_overlap_and_deletes(ctx, qtbot, monkeypatch):
    with ctx.session() as s:
        row = svc.officers(s)[0]
    dlg = LeaveDialog(ctx, row.id)
    qtbot.addWidget(dlg)
    dlg.show()
    day = date.today() + timedelta(days=10)
    dlg.start.set_value(day)
    dlg.end.set_value(day - timedelta(days=1))
    dlg.add()
    assert dlg.error.isVisible() and dlg.end.property("invalid") is True and dlg.table.rowCount() == 0
    dlg.end.set_value(day + timedelta(days=2))
    dlg.reason.setText("年休假")
    dlg.add()
    assert dlg.table.rowCount() == 1 and not dlg.error.isVisible() and dlg.changed
    dlg.start.set_value(day + timedelta(days=2))
    dlg.end.set_value(day + timedelta(days=5))
    dlg.add()
    assert "时间重叠" in dlg.error.text() and dlg.table.rowCount() == 1
    with ctx.session() as s:
        assert "请假（年休假）" in svc.valid_for_enforcement(s, row.id, day + timedelta(days=1))
    monkeypatch.setattr(alerts, "confirm", lambda *a: True)
    dlg.table.selectRow(0)
    dlg.delete_selected()
    assert dlg.table.rowCount() == 0
