"""The 专家库 page driven like a user would, on a real SQLite file with the demo county (offscreen Qt)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from models.db import make_engine, make_session_factory
from models.enums import PersonStatus
from models.services import demo
from models.services import experts as svc
from models.services.settings import DEFAULTS as settings_defaults
from ui import alerts
from ui.context import AppContext
from ui.experts_page import (
    AssessmentDialog,
    ExpertDialog,
    ExpertsPage,
    ExpertTableModel,
    RecusalDialog,
    SpecialtiesDialog,
    UnavailabilityDialog,
)

pytestmark = pytest.mark.gui

NAV_WIDTH = 128  # ui/main_window.py: the module list left of the pages


@pytest.fixture(scope="module")
def demo_file(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed-scale demo county, generated once for this module."""
    path = tmp_path_factory.mktemp("experts_demo") / "demo.sqlite3"
    shutil.copyfile(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    demo.generate(make_session_factory(engine), "seed", 0)
    with engine.connect() as c:
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def ctx(demo_file: Path, tmp_path: Path) -> Iterator[AppContext]:
    target = tmp_path / "tijian.sqlite3"
    shutil.copyfile(demo_file, target)
    c = AppContext.open(f"sqlite:///{target}", actor="测试员")
    yield c
    c.engine.dispose()


@pytest.fixture
def page(ctx, qtbot) -> ExpertsPage:
    p = ExpertsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1366 - NAV_WIDTH, 700)
    p.show()
    return p


def _names(p: ExpertsPage) -> list[str]:
    m = p.model
    return [m.data(m.index(r, 0)) for r in range(m.rowCount())]


@contextmanager
def answering(action: Callable[[QDialog], None]) -> Iterator[None]:
    """Run ``action`` on the modal dialog the block opens (a real ``exec()``); a dialog left open is rejected so the
    test does not hang, and the failure is raised afterwards."""
    seen: list[QDialog] = []
    problems: list[BaseException | str] = []
    tries = [0]
    done = [False]

    def run() -> None:
        if done[0]:
            return
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, QDialog):
            tries[0] += 1
            if tries[0] < 200:
                QTimer.singleShot(10, run)
            return
        seen.append(dlg)
        try:
            action(dlg)
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            problems.append(exc)
        if dlg.isVisible():
            problems.append("the dialog was left open")
            dlg.reject()

    QTimer.singleShot(0, run)
    try:
        yield
    finally:
        done[0] = True
    assert seen, "no dialog was opened"
    for p in problems:
        if isinstance(p, BaseException):
            raise p
        pytest.fail(p)


def test_models_pass_qt_model_tester(ctx, qtmodeltester):
    model = ExpertTableModel(ctx)
    model.refresh()
    assert model.rowCount() == demo.N_EXPERTS
    qtmodeltester.check(model)
    model.set_filter(svc.ExpertFilter(text="没有这个人"))
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_list_shows_the_demo_pool_and_search_narrows(page, ctx, qtbot):
    assert page.model.rowCount() == 14
    assert "14" in page.count_label.text()
    with ctx.session() as s:
        rows = svc.search(s)
        fire = next(sp for sp in svc.specialties(s) if sp.name == "消防")
    target = rows[3]
    page.search.setText(target.phone)
    assert _names(page) == [target.name]
    page.search.clear()
    assert page.model.rowCount() == 14
    page.search.setText("楚天")  # 岳阳楚天消防技术服务有限公司
    assert page.model.rowCount() >= 1
    assert all("楚天" in r.employer for r in page.model._rows)
    page.search.clear()
    page.specialty.set_value(fire.id)
    assert 1 <= page.model.rowCount() == fire.experts
    assert all("消防" in r.specialties for r in page.model._rows)
    page.specialty.set_value(None)
    page.group.set_value("危化组")
    assert page.model.rowCount() >= 1 and all(r.group_name == "危化组" for r in page.model._rows)
    page.status.set_value(PersonStatus.DISMISSED)
    assert page.model.rowCount() == 0
    assert not page.edit_button.isEnabled()


def test_dialog_refuses_bad_input_then_saves(ctx, qtbot):
    dlg = ExpertDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.phone.setText("12345")
    dlg.term_start.set_value(date(2026, 1, 1))
    dlg.term_end.set_value(date(2025, 1, 1))
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and dlg.saved_id is None
    for name in ("name", "phone", "term_end", "specialty_ids"):
        assert dlg.fields[name].property("invalid") is True, name
        assert dlg.messages[name].isVisible(), name
    assert dlg.messages["name"].text() == "姓名不能为空。"
    assert dlg.messages["specialty_ids"].text() == "请至少选择一个专业领域。"
    assert dlg.messages["term_end"].property("role") == "error"

    dlg.name.setText("欧阳明")
    dlg.phone.setText("139 0730 0001")
    dlg.term_end.set_value(date(2028, 12, 31))
    dlg.check_specialties(["消防", "电气"])
    dlg.group.setEditText("综合组")
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted and dlg.saved_id is not None
    with ctx.session() as s:
        rec = svc.get(s, dlg.saved_id)
    assert rec.data.phone == "13907300001" and set(rec.specialties) == {"消防", "电气"}
    assert rec.data.group_name == "综合组"


def test_new_and_edit_through_the_page(page, ctx, qtbot, monkeypatch):
    def fill(dlg: QDialog) -> None:
        assert isinstance(dlg, ExpertDialog)
        dlg.name.setText("欧阳明")
        dlg.check_specialties(["非煤矿山"])
        qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    with answering(fill):
        page.new_button.click()
    assert page.model.rowCount() == 15
    assert page.model.row_at(page.table.currentIndex().row()).name == "欧阳明"

    def suspend(dlg: QDialog) -> None:
        dlg.status.set_value(PersonStatus.SUSPENDED)
        dlg.reason.setText("长期出差")
        qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    with answering(suspend):
        page.status_button.click()
    assert page.model.row_at(page.table.currentIndex().row()).status == PersonStatus.SUSPENDED
    assert "不可派" in page.detail_title.text()


def test_add_and_end_a_recusal_through_the_ui(page, ctx, qtbot, monkeypatch):
    page.table.selectRow(2)
    expert = page.model.row_at(2)
    assert page.recusal_tab.table.rowCount() == 0
    firm_name: list[str] = []

    def refuse_then_fill(dlg: QDialog) -> None:
        assert isinstance(dlg, RecusalDialog)
        dlg.firm_search.setText("没有这家企业")
        assert dlg.firm.value() is None
        dlg.reason.set_value("其他利害关系")
        qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        assert dlg.isVisible()
        assert dlg.fields["enterprise_id"].property("invalid") is True
        assert "具体情况" in dlg.messages["detail"].text()
        dlg.firm_search.setText("化工")
        assert dlg.firm.value() is not None
        firm_name.append(dlg.firm.currentText().split("（")[0])
        dlg.reason.set_value(settings_defaults["expert_recusal_reasons"][2])
        assert dlg.until.value() is not None  # proposed from the paid-service look-back years
        qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    with answering(refuse_then_fill):
        page.recusal_tab.buttons[0].click()
    t = page.recusal_tab.table
    assert t.rowCount() == 1
    assert t.item(0, 0).text() == firm_name[0] and t.item(0, 4).text() == "有效"
    with ctx.session() as s:
        rec = svc.recusals(s, expert.id)[0]
        assert svc.is_recused(s, expert.id, rec.enterprise_id, date.today()) is not None

    monkeypatch.setattr(alerts, "confirm", lambda *a, **k: True)
    t.selectRow(0)
    page.recusal_tab.buttons[1].click()  # 结束回避: ends today
    assert t.item(0, 3).text() == date.today().isoformat()
    with ctx.session() as s:
        assert svc.is_recused(s, expert.id, rec.enterprise_id, date.today()) is not None  # still today
        assert svc.is_recused(s, expert.id, rec.enterprise_id, date.fromordinal(date.today().toordinal() + 1)) is None


def test_page_fits_1366x768(page, qtbot, tmp_path):
    assert page.minimumSizeHint().width() <= 1366 - NAV_WIDTH
    assert page.minimumSizeHint().height() <= 768 - 60
    for i in range(page.tabs.count()):
        page.tabs.setCurrentIndex(i)
        qtbot.wait(1)
        assert page.grab().save(str(tmp_path / f"experts_{i}.png"))


def test_specialties_dialog_adds_and_refuses_deleting_one_in_use(ctx, qtbot, monkeypatch):
    monkeypatch.setattr(alerts, "confirm", lambda *a, **k: True)
    dlg = SpecialtiesDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.list.count() == len(demo.SPECIALTIES)
    dlg.list.setCurrentRow(0)  # 危险化学品, held by experts
    dlg.delete_button.click()
    assert dlg.message.isVisible() and "不能删除" in dlg.message.text()
    dlg.name.setText("应急救援")
    for i in range(dlg.sectors.count()):
        item = dlg.sectors.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.text() == "危险化学品" else Qt.CheckState.Unchecked)
    dlg.add_button.click()
    assert not dlg.message.isVisible() and dlg.changed
    assert dlg.current().name == "应急救援" and dlg.current().sectors == ("危险化学品",)
    dlg.name.setText("消防")
    dlg.rename_button.click()
    assert "已存在" in dlg.message.text() and dlg.name.property("invalid") is True
    dlg.delete_button.click()  # unused: deleted
    with ctx.session() as s:
        assert "应急救援" not in {sp.name for sp in svc.specialties(s)}


def test_leave_and_grade_through_the_ui(page, ctx, qtbot, monkeypatch):
    page.table.selectRow(0)
    expert = page.model.row_at(0)

    def leave(dlg: QDialog) -> None:
        assert isinstance(dlg, UnavailabilityDialog)
        dlg.start.setDate(dlg.start.date().addDays(5))  # end before start: refused
        qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        assert dlg.isVisible() and "结束日期不能早于开始日期" in dlg.messages["end"].text()
        dlg.end.setDate(dlg.start.date().addDays(2))
        dlg.reason.setText("年休假")
        qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    with answering(leave):
        page.leave_tab.buttons[0].click()
    assert page.leave_tab.table.rowCount() == 1 and page.leave_tab.table.item(0, 2).text() == "年休假"

    def grade(dlg: QDialog) -> None:
        assert isinstance(dlg, AssessmentDialog)
        dlg.year.setValue(2025)
        dlg.grade.set_value("优秀")
        qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    with answering(grade):
        page.grade_tab.buttons[0].click()

    def again(dlg: QDialog) -> None:
        dlg.year.setValue(2025)
        qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        assert dlg.isVisible() and "每年只能有一个考核等次" in dlg.messages["year"].text()
        dlg.reject()

    with answering(again):
        page.grade_tab.buttons[0].click()
    assert page.grade_tab.table.rowCount() == 1
    page.work_tab.year.set_value(2025)
    assert "2025" in page.work_tab.figures["grade"].text()
    with ctx.session() as s:
        assert [a.grade for a in svc.assessments(s, expert.id)] == ["优秀"]


def test_dialog_conflict_offers_the_latest_version(ctx, qtbot, monkeypatch):
    with ctx.session() as s:
        row = svc.search(s)[0]
    dlg = ExpertDialog(ctx, row.id)
    qtbot.addWidget(dlg)
    with ctx.session() as s:  # another user saves meanwhile
        rec = svc.get(s, row.id)
        rec.data.title = "正高级工程师"
        svc.update(s, row.id, rec.data, rec.version, "另一用户")
    asked: list[str] = []
    monkeypatch.setattr(alerts, "confirm", lambda _p, _t, text: asked.append(text) or True)
    dlg.employer.setText("新单位")
    dlg.save()
    assert asked and "其他用户修改" in asked[0]
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert dlg.title.text() == "正高级工程师" and dlg.employer.text() == row.employer  # reloaded
    dlg.employer.setText("新单位")
    dlg.save()
    assert dlg.result() == QDialog.DialogCode.Accepted
    with ctx.session() as s:
        assert svc.get(s, row.id).data.employer == "新单位"


def test_page_state_round_trip(page, tmp_path):
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    page.splitter.setSizes([200, 400])
    page.save_state(settings)
    page.splitter.setSizes([400, 200])
    page.restore_state(settings)
    assert page.splitter.sizes()[0] < page.splitter.sizes()[1]
