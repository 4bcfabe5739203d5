"""Scheduling a re-inspection (ui/reinspection_dialog.py) and recording it (ui/reinspection_page.py) like an officer
on a laptop: keyboard first, each finding confirmed then stored at once (real SQLite file, offscreen Qt)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from models.db import make_engine, make_session_factory, session_scope
from models.entities import Hazard, HazardPhoto, ReinspectionItem, Visit
from models.enums import HazardStatus, ReinspectionOutcome, VisitKind, VisitStatus
from models.services import rectification as svc
from tests.test_rectification import DUE, build
from ui import alerts
from ui.context import AppContext
from ui.reinspection_dialog import ReinspectionDialog
from ui.reinspection_page import DeadlineDialog, ReinspectionPage

pytestmark = pytest.mark.gui
TODAY = date.today()


@pytest.fixture
def boxes(monkeypatch):  # type: ignore[no-untyped-def]
    """Message boxes answered from ``answers`` (True/False, in order); what was asked is kept."""
    state: dict = {"asked": [], "answers": [], "warned": []}

    def confirm(_p, _t, text):  # type: ignore[no-untyped-def]
        state["asked"].append(text)
        return state["answers"].pop(0)

    monkeypatch.setattr(alerts, "confirm", confirm)
    monkeypatch.setattr(alerts, "warning", lambda _p, _t, text: state["warned"].append(text))
    return state


@pytest.fixture
def world(sqlite_url: str):  # type: ignore[no-untyped-def]
    engine = make_engine(sqlite_url)
    factory = make_session_factory(engine)
    with session_scope(factory) as s:
        w = build(s)
    ctx = AppContext(url=sqlite_url, engine=engine, factory=factory, actor="办公室")
    yield ctx, w
    engine.dispose()


def show(qtbot, widget):  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


# ------------------------------------------------------------------------------------------------ the dialog


def test_dialog_lists_open_hazards_overdue_first_and_suggests_the_day(qtbot, world):
    ctx, w = world
    general, second, major = w["hazards"]
    with ctx.session() as s:  # the second one got more time: not overdue any more
        svc.request_extension(s, second, DUE + timedelta(days=30), "设备未到货", actor="李安全", on=DUE)
        svc.decide_extension(s, second, True, "", officer_id=w["officers"][0], actor="办公室", on=DUE)
    today = DUE + timedelta(days=4)  # a Saturday
    dlg = show(qtbot, ReinspectionDialog(ctx, w["firm"], [major], today=today))
    order = [dlg.hazards.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(dlg.hazards.count())]
    assert order == [general, second, major]
    assert dlg.hazards.item(0).text().startswith("【逾期 4 天】")
    assert dlg.hazard_ids() == [major]
    assert dlg.day_value() == major_suggestion(ctx, major, today)
    dlg.hazards.item(0).setCheckState(Qt.CheckState.Checked)  # the day follows the choice …
    assert dlg.day_value() == today + timedelta(days=2)  # … not in the past, not on a Sunday
    assert "2026-06-16" in dlg.day_hint.text()
    dlg.day.setDate(dlg.day.date().addDays(3))  # … until the user sets it
    dlg.hazards.item(1).setCheckState(Qt.CheckState.Checked)
    assert dlg.day_value() == today + timedelta(days=5)


def major_suggestion(ctx, hid, today):  # type: ignore[no-untyped-def]
    with ctx.session() as s:
        return svc.suggested_reinspection_day(s, [hid], today=today)


def test_dialog_creates_the_visit_or_shows_why_not(qtbot, world):
    ctx, w = world
    general = w["hazards"][0]
    dlg = show(qtbot, ReinspectionDialog(ctx, w["firm"], [general], today=DUE))
    invalid = [dlg.officers.item(i) for i in range(dlg.officers.count())
               if not dlg.officers.item(i).flags() & Qt.ItemFlag.ItemIsEnabled]
    assert len(invalid) == 1 and "到期" in invalid[0].text()  # the expired certificate: shown, not choosable
    dlg.set_checked(dlg.officers, w["officers"][:1])
    dlg.save()
    assert dlg.visit_id is None and "至少2名" in dlg.problems.text()
    assert dlg.officers.property("invalid") is True
    dlg.set_checked(dlg.officers, w["officers"])
    dlg.save()
    assert dlg.visit_id is not None and dlg.result() == ReinspectionDialog.DialogCode.Accepted
    with ctx.session() as s:
        v = s.get(Visit, dlg.visit_id)
        assert (v.kind, v.status) == (VisitKind.REINSPECTION, VisitStatus.SCHEDULED)
        assert s.execute(select(ReinspectionItem.hazard_id)).scalars().all() == [general]


# ------------------------------------------------------------------------------------------------ the page


@pytest.fixture
def visit(world):  # type: ignore[no-untyped-def]
    ctx, w = world
    with ctx.session() as s:
        s.execute(Hazard.__table__.update().values(deadline=TODAY - timedelta(days=3),
                                                   original_deadline=TODAY - timedelta(days=3),
                                                   found_on=TODAY - timedelta(days=20)))
        vid = svc.schedule_reinspection(s, w["firm"], w["hazards"], TODAY, officer_ids=w["officers"],
                                        actor="办公室")
    return ctx, w, vid


def page_for(qtbot, ctx, vid) -> ReinspectionPage:  # type: ignore[no-untyped-def]
    page = ReinspectionPage(ctx)
    page.resize(1200, 720)
    show(qtbot, page)
    assert page.open_visit(vid)
    return page


def key(qtbot, k) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), k)


def hazard(ctx, hid) -> Hazard:  # type: ignore[no-untyped-def]
    with ctx.session() as s:
        h = s.get(Hazard, hid)
        s.expunge(h)
        return h


def test_a_whole_reinspection_with_the_keyboard(qtbot, visit, boxes, monkeypatch):
    ctx, w, vid = visit
    general, second, major = w["hazards"]
    page = page_for(qtbot, ctx, vid)
    assert QApplication.focusWidget() is page.table and page.table.currentRow() == 0
    assert page.recorder.currentText().startswith("执法11")
    assert "逾期 3 天" in page.table.item(0, 3).text()

    # Enter writes the note, Esc goes back to the list, 1 + yes closes the first hazard and moves on.
    key(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.note
    page.note.setPlainText("灭火器已全部更换")
    key(qtbot, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is page.table
    boxes["answers"] = [True]
    key(qtbot, Qt.Key.Key_1)
    assert "已整改" in boxes["asked"][0]
    h = hazard(ctx, general)
    assert (h.status, h.closed_on, h.closed_by) == (HazardStatus.CLOSED, TODAY, "执法11")
    assert "灭火器已全部更换" in h.review_note
    assert page.table.currentRow() == 1 and page.table.item(0, 4).text() == "已整改"

    # 2 asks the new deadline; cancelling stores nothing.
    asked = []
    monkeypatch.setattr(DeadlineDialog, "ask", classmethod(lambda cls, p, text, lo, default: asked.append(
        (lo, default)) or None))
    key(qtbot, Qt.Key.Key_2)
    assert asked == [(TODAY + timedelta(days=1), TODAY + timedelta(days=15))]
    assert hazard(ctx, second).status == HazardStatus.PENDING
    monkeypatch.setattr(DeadlineDialog, "ask", classmethod(lambda cls, p, text, lo, default: TODAY + timedelta(10)))
    key(qtbot, Qt.Key.Key_2)
    h = hazard(ctx, second)
    assert (h.status, h.deadline) == (HazardStatus.IN_PROGRESS, TODAY + timedelta(days=10))
    assert page.table.item(1, 4).text() == f"部分整改，限 {(TODAY + timedelta(days=10)).isoformat()}"

    # 3: “no” stores nothing, “yes” records 未整改 (escalation); then every hazard is decided.
    assert page.table.currentRow() == 2
    boxes["answers"] = [False, True]
    with qtbot.waitSignal(page.finished, timeout=2000) as done:
        key(qtbot, Qt.Key.Key_3)
        assert hazard(ctx, major).escalation == 0
        key(qtbot, Qt.Key.Key_3)
    assert done.args == [vid]
    h = hazard(ctx, major)
    assert (h.status, h.escalation) == (HazardStatus.PENDING, 1)
    with ctx.session() as s:
        assert s.get(Visit, vid).status == VisitStatus.DONE
    assert "已记录 3 / 3 项" in page.progress.text()


def test_a_recorded_finding_cannot_be_changed_but_its_note_can(qtbot, visit, boxes):
    ctx, w, vid = visit
    general = w["hazards"][0]
    page = page_for(qtbot, ctx, vid)
    boxes["answers"] = [True]
    key(qtbot, Qt.Key.Key_1)
    page.table.setCurrentCell(0, 1)
    page.table.setFocus()
    assert not page.outcome_buttons[ReinspectionOutcome.PARTIAL].isEnabled()
    key(qtbot, Qt.Key.Key_3)
    assert "不能更改" in page.state.text() and boxes["asked"] == [boxes["asked"][0]]  # nothing more asked
    assert hazard(ctx, general).status == HazardStatus.CLOSED
    page.note.setFocus()
    page.note.setPlainText("补记：共更换8具")
    page.table.setCurrentCell(1, 1)  # leaving the hazard stores the note
    with ctx.session() as s:
        note = s.execute(select(ReinspectionItem.note).where(ReinspectionItem.hazard_id == general)).scalar()
    assert note == "补记：共更换8具"


def test_a_major_hazard_recorded_without_an_officer_waits_for_one(qtbot, visit, boxes):
    ctx, w, vid = visit
    major = w["hazards"][2]
    page = page_for(qtbot, ctx, vid)
    page.recorder.clear()  # nobody chosen (e.g. the page opened by the office)
    page.table.setCurrentCell(2, 1)
    page.table.setFocus()
    boxes["answers"] = [True]
    key(qtbot, Qt.Key.Key_1)
    assert "等待执法人员销号" in boxes["asked"][0]
    h = hazard(ctx, major)
    assert h.status == HazardStatus.AWAITING_REVIEW and h.closed_on is None


def test_evidence_photo_stored_for_the_current_hazard(qtbot, visit, boxes, tmp_path):
    ctx, w, vid = visit
    second = w["hazards"][1]
    path = tmp_path / "现场.jpg"
    Image.new("RGB", (800, 600), "blue").save(path)
    page = page_for(qtbot, ctx, vid)
    page.table.setCurrentCell(1, 1)
    page.evidence.filesChosen.emit([str(path)])
    assert len(page.evidence.ids()) == 1
    with ctx.session() as s:
        rows = s.execute(select(HazardPhoto.hazard_id, HazardPhoto.kind)).all()
        assert [tuple(r) for r in rows] == [(second, "evidence")]
        assert s.execute(select(func.count()).select_from(Visit)).scalar() == 2  # nothing else created


def test_a_visit_that_is_no_reinspection_is_refused(qtbot, world, boxes):
    ctx, w = world
    with ctx.session() as s:
        vid = s.execute(select(Hazard.visit_id)).scalar()
    page = ReinspectionPage(ctx)
    qtbot.addWidget(page)
    assert not page.open_visit(vid)
    assert "不是复查" in boxes["warned"][0]
