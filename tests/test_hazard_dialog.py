"""The hazard window (ui/hazard_dialog.py) on a real SQLite file, offscreen: what it shows, the steps of the loop
through its small dialogs, refusals shown without saving, the plan of a major hazard, evidence photos."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from sqlalchemy import select

from models.db import make_engine, make_session_factory, session_scope
from models.entities import Hazard, HazardPhoto
from models.enums import REMEDIATION_PLAN_PARTS, HazardStatus, ReinspectionOutcome
from models.services import rectification as svc
from tests.test_rectification import DUE, FOUND, build, photo
from ui import alerts
from ui.context import AppContext
from ui.hazard_dialog import EVENT_MARKS, PLAN_MARKS, ActionDialog, HazardDialog

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def boxes(monkeypatch):  # type: ignore[no-untyped-def]
    """No real message box: what would have been asked or said is kept; questions are answered “no”."""
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(alerts, "confirm", lambda _p, _t, text: said.append(("confirm", text)) or False)
    monkeypatch.setattr(alerts, "warning", lambda _p, _t, text: said.append(("warning", text)))
    monkeypatch.setattr(alerts, "error", lambda _p, _t, text, details="": said.append(("error", text)))
    return said


@pytest.fixture
def world(sqlite_url: str):  # type: ignore[no-untyped-def]
    engine = make_engine(sqlite_url)
    factory = make_session_factory(engine)
    with session_scope(factory) as s:
        w = build(s)
    ctx = AppContext(url=sqlite_url, engine=engine, factory=factory, actor="办公室")
    yield ctx, w
    engine.dispose()


def dialog(qtbot, ctx, hid, today=DUE + timedelta(days=2)) -> HazardDialog:  # type: ignore[no-untyped-def]
    d = HazardDialog(ctx, hid, today=today)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    d.windowHandle().requestActivate()
    qtbot.waitUntil(d.isActiveWindow)
    return d


def stored(ctx, hid) -> Hazard:  # type: ignore[no-untyped-def]
    with ctx.session() as s:
        h = s.get(Hazard, hid)
        s.expunge(h)
        return h


def answering(monkeypatch, fill):  # type: ignore[no-untyped-def]
    """ActionDialog.run fills the real step dialog with ``fill(dialog)`` and presses 确定; the dialogs seen are kept."""
    seen: list[ActionDialog] = []
    visible_after: list[bool] = []

    def run(cls, dlg: ActionDialog) -> bool:  # type: ignore[no-untyped-def]
        seen.append(dlg)
        dlg.show()  # as exec() would, without its event loop
        fill(dlg)
        dlg.submit()
        accepted = dlg.result() == ActionDialog.DialogCode.Accepted
        visible_after.append(dlg.isVisible())
        return accepted

    monkeypatch.setattr(ActionDialog, "run", classmethod(run))
    return seen


def test_shows_the_hazard_its_state_and_what_can_be_done(qtbot, world):
    ctx, w = world
    d = dialog(qtbot, ctx, w["hazards"][0])
    assert d.title.text() == "灭火器过期0"
    assert d.badges["status"].text() == "待整改"
    assert d.badges["overdue"].text() == "逾期 2 天"
    assert d.badges["overdue"].property("role") == "error"
    assert d.info["deadline"].text().startswith(DUE.isoformat())
    assert not d.tabs.isTabVisible(2)  # no remediation plan for a general hazard
    enabled = {k for k, b in d.buttons.items() if b.isEnabled()}
    assert enabled == {"report_progress", "submit_for_review", "schedule_reinspection"}  # past the deadline
    assert d.history.rowCount() == 1 and d.history.item(0, 1).text() == "发现隐患"
    before = dialog(qtbot, ctx, w["hazards"][0], today=DUE - timedelta(days=1))
    assert before.badges["overdue"].text() == "还有 1 天" and before.buttons["request_extension"].isEnabled()
    assert dialog(qtbot, ctx, w["hazards"][0], today=DUE).badges["overdue"].text() == "今天到期"


def test_report_progress_through_its_dialog(qtbot, world, monkeypatch):
    ctx, w = world
    hid = w["hazards"][0]
    d = dialog(qtbot, ctx, hid)
    seen = answering(monkeypatch, lambda dlg: dlg.note.setPlainText("已购买灭火器8具"))
    qtbot.mouseClick(d.buttons["report_progress"], Qt.MouseButton.LeftButton)
    assert seen and seen[0].result() == ActionDialog.DialogCode.Accepted
    h = stored(ctx, hid)
    assert (h.status, h.progress_note) == (HazardStatus.IN_PROGRESS, "已购买灭火器8具")
    assert d.changed and d.badges["status"].text() == "整改中"
    assert d.history.item(0, 1).text() == "报告整改进展" and d.history.item(0, 2).text() == "待整改 → 整改中"
    assert d.info["progress"].text() == "已购买灭火器8具"


def test_a_refused_step_stays_open_with_the_message_and_saves_nothing(qtbot, world, monkeypatch):
    ctx, w = world
    hid = w["hazards"][0]
    d = dialog(qtbot, ctx, hid)
    seen = answering(monkeypatch, lambda dlg: dlg.note.setPlainText("  "))
    d.report_progress()
    dlg = seen[0]
    assert dlg.result() != ActionDialog.DialogCode.Accepted
    assert dlg.problems.isVisible() and "请填写整改进展" in dlg.problems.text()
    assert dlg.note.property("invalid") is True
    assert stored(ctx, hid).status == HazardStatus.PENDING and not d.changed


def test_extension_requested_then_approved_by_a_valid_officer(qtbot, world, monkeypatch):
    ctx, w = world
    hid = w["hazards"][0]
    d = dialog(qtbot, ctx, hid, today=DUE - timedelta(days=3))
    answering(monkeypatch, lambda dlg: (dlg.day.setDate(dlg.day.date().addDays(5)),
                                        dlg.reason.setPlainText("灭火器厂家缺货")))
    d.request_extension()
    assert stored(ctx, hid).extension_pending
    assert d.badges["extension"].isVisible() and d.buttons["decide_extension"].isEnabled()
    assert "灭火器厂家缺货" in d.info["extension"].text()

    def approve(dlg: ActionDialog) -> None:
        combo = dlg.officer
        names = [combo.itemText(i) for i in range(combo.count())]
        expired = next(i for i, t in enumerate(names) if "执法13" in t)
        assert not combo.model().item(expired).isEnabled()  # shown with its reason, not choosable
        assert "到期" in names[expired]
        assert dlg.approve_yes.isChecked()

    answering(monkeypatch, approve)
    d.decide_extension()
    h = stored(ctx, hid)
    assert (h.deadline, h.original_deadline, h.extension_pending) == (DUE + timedelta(days=20), DUE, False)
    assert "原定 " + DUE.isoformat() in d.info["deadline"].text()
    assert not d.badges["extension"].isVisible()


def test_major_hazard_plan_saved_with_ctrl_s_and_a_concurrent_save_is_refused(qtbot, world, boxes):
    ctx, w = world
    major = w["hazards"][2]
    d = dialog(qtbot, ctx, major)
    assert d.tabs.isTabVisible(2)
    assert [d.plan_fields[k] for k in REMEDIATION_PLAN_PARTS] == list(d.plan_fields.values())
    d.tabs.setCurrentIndex(2)
    d.plan_fields["goal"].setPlainText("消除粉尘爆炸隐患")
    d.plan_fields["goal"].setFocus()
    qtbot.keyClick(d.plan_fields["goal"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with ctx.session() as s:
        assert s.get(Hazard, major).remediation_plan["goal"] == "消除粉尘爆炸隐患"
    assert "已保存" in d.plan_state.text()
    with ctx.session() as s:  # somebody else saves the hazard meanwhile
        svc.set_supervised(s, major, True, actor="乙", reason="挂牌")
    d.plan_fields["funds"].setPlainText("20万元")
    d.save_plan()
    assert "其他用户" in d.plan_state.text() and d.plan_state.property("role") == "error"
    with ctx.session() as s:
        assert s.get(Hazard, major).remediation_plan["funds"] == ""
    d.reject()  # leaving with the unsaved part asks first
    assert boxes == [("confirm", "整改方案有未保存的修改，保存吗？")]


def test_closing_a_major_hazard_after_its_reinspection_leaves_a_read_only_window(qtbot, world, monkeypatch):
    ctx, w = world
    major = w["hazards"][2]
    day = DUE + timedelta(days=3)
    with ctx.session() as s:
        vid = svc.schedule_reinspection(s, w["firm"], [major], day, officer_ids=w["officers"], actor="办公室")
        svc.record_reinspection(s, vid, major, ReinspectionOutcome.RECTIFIED, actor="专家", on=day)
    d = dialog(qtbot, ctx, major, today=day)
    assert d.buttons["close"].isEnabled()

    def choose(dlg: ActionDialog) -> None:
        assert dlg.officer.itemData(0) is not None  # a major hazard: no 办公室 choice
        dlg.officer.setCurrentIndex(1)

    answering(monkeypatch, choose)
    d.close_hazard()
    h = stored(ctx, major)
    assert (h.status, h.closed_on, h.closed_by) == (HazardStatus.CLOSED, day, "执法12")
    assert d.badges["status"].text() == "已销号" and not d.badges["overdue"].isVisible()
    assert not any(b.isEnabled() for b in d.buttons.values())
    assert d.strips["evidence"].read_only and d.plan_fields["goal"].isReadOnly()


def test_evidence_photos_added_from_a_file(qtbot, world, tmp_path):
    ctx, w = world
    hid = w["hazards"][0]
    path = tmp_path / "整改后.jpg"
    Image.new("RGB", (640, 480), "green").save(path)
    d = dialog(qtbot, ctx, hid)
    assert not d.buttons["close"].isEnabled()
    d.strips["evidence"].filesChosen.emit([str(path)])
    assert d.strips["evidence"].ids() and d.buttons["close"].isEnabled()
    assert d.strips["before"].read_only
    with ctx.session() as s:
        kinds = s.execute(select(HazardPhoto.kind).where(HazardPhoto.hazard_id == hid)).scalars().all()
    assert kinds == ["evidence"]
    assert d.history.item(0, 1).text() == "补充整改证据"


def test_schedule_button_opens_the_reinspection_dialog_for_this_hazard(qtbot, world, monkeypatch):
    ctx, w = world
    hid = w["hazards"][0]
    calls = []

    def schedule(cls, parent, ctx_, firm, ids):  # type: ignore[no-untyped-def]
        calls.append((firm, list(ids)))
        with ctx_.session() as s:
            return svc.schedule_reinspection(s, firm, ids, DUE + timedelta(days=3), officer_ids=w["officers"],
                                             actor="办公室")

    from ui.reinspection_dialog import ReinspectionDialog

    monkeypatch.setattr(ReinspectionDialog, "schedule", classmethod(schedule))
    d = dialog(qtbot, ctx, hid)
    qtbot.mouseClick(d.buttons["schedule_reinspection"], Qt.MouseButton.LeftButton)
    assert calls == [(w["firm"], [hid])]
    assert not d.buttons["schedule_reinspection"].isEnabled()
    assert (DUE + timedelta(days=3)).isoformat() in d.info["reinspection"].text()


def test_every_label_is_marked_for_translation():
    assert list(svc.EVENT_LABELS.values()) == EVENT_MARKS
    assert list(REMEDIATION_PLAN_PARTS.values()) == PLAN_MARKS


def test_closed_hazard_from_evidence_photo(qtbot, world, monkeypatch):
    ctx, w = world
    hid = w["hazards"][1]
    with ctx.session() as s:
        svc.add_evidence(s, hid, [photo(s)], actor="李安全")
    d = dialog(qtbot, ctx, hid, today=FOUND + timedelta(days=5))
    answering(monkeypatch, lambda dlg: dlg.officer.setCurrentIndex(0))  # （办公室）
    d.close_hazard()
    h = stored(ctx, hid)
    assert (h.status, h.closed_by, h.closed_on) == (HazardStatus.CLOSED, "办公室", FOUND + timedelta(days=5))
