"""The on-site inspection screen driven like an expert on a laptop: keyboard only, autosave, finishing
(real SQLite file, offscreen Qt)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from models.db import make_engine, make_session_factory, session_scope
from models.entities import Expert, Hazard, VisitStop
from models.enums import HazardStatus, Outcome, Severity
from models.services import enterprises
from models.services import inspection as svc
from tests import factories as f
from ui.context import AppContext
from ui.inspection_page import FinishDialog, InspectionPage

pytestmark = pytest.mark.gui
DAY = date(2026, 6, 10)


@pytest.fixture
def world(sqlite_url: str):  # type: ignore[no-untyped-def]
    engine = make_engine(sqlite_url)
    factory = make_session_factory(engine)
    with session_scope(factory) as s:
        town = f.town(s)
        firm = enterprises.create(s, f.enterprise_input(town, 1, safety_manager="李安全"))
        tid = f.template(s, n_items=4, major=(2,))
        expert = Expert(name="张专家")
        s.add(expert)
        s.flush()
        vid, sid = f.visit_with_stop(s, firm, templates=(tid,), day=DAY, expert_ids=(expert.id,))
        ids = {"stop": sid, "visit": vid, "expert": expert.id}
    ctx = AppContext(url=sqlite_url, engine=engine, factory=factory, actor="办公室")
    yield ctx, ids
    engine.dispose()


def page_for(qtbot, ctx, stop_id) -> InspectionPage:  # type: ignore[no-untyped-def]
    page = InspectionPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitExposed(page)
    page.windowHandle().requestActivate()
    qtbot.waitUntil(page.isActiveWindow)
    assert page.open_stop(stop_id)
    return page


def key(qtbot, page, k, mod=Qt.KeyboardModifier.NoModifier):  # type: ignore[no-untyped-def]
    target = QApplication.focusWidget() or page
    qtbot.keyClick(target, k, mod)


def stored(ctx, stop_id):  # type: ignore[no-untyped-def]
    with ctx.session() as s:
        return svc.open_inspection(s, stop_id)


def test_a_whole_inspection_recorded_with_the_keyboard_only(qtbot, world, monkeypatch):
    ctx, ids = world
    page = page_for(qtbot, ctx, ids["stop"])
    assert QApplication.focusWidget() is page.view
    assert page.recorder.currentText().startswith("张专家")

    # 1 符合, 2 不符合 (the major criterion), 3 不适用, 1 符合 — each moves on to the next item.
    for k in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_1):
        key(qtbot, page, k)
    data = stored(ctx, ids["stop"])
    assert [i.outcome for i in data.items] == [Outcome.PASS, Outcome.FAIL, Outcome.NOT_APPLICABLE, Outcome.PASS]
    (hazard,) = data.hazards
    assert hazard.severity == Severity.MAJOR and hazard.found_by_expert_id == ids["expert"]

    # Back to the failed item, Enter writes a note, Esc returns to the list.
    page.view.setFocus()
    for _ in range(2):
        key(qtbot, page, Qt.Key.Key_Up)
    key(qtbot, page, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.note
    qtbot.keyClicks(page.note, "3 extinguishers expired")
    key(qtbot, page, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is page.view
    assert stored(ctx, ids["stop"]).items[1].note == "3 extinguishers expired"  # stored on leaving the field

    # Ctrl+H: to the item's hazard; Tab through its fields.
    key(qtbot, page, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.h_description
    key(qtbot, page, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.h_location
    qtbot.keyClicks(page.h_location, "Store B2")
    key(qtbot, page, Qt.Key.Key_Tab)

    # Ctrl+N: a hazard outside the checklist, typed field by field.
    key(qtbot, page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.h_description
    qtbot.keyClicks(page.h_description, "Exit blocked")
    for _ in range(5):  # location, category, severity, basis, measure
        key(qtbot, page, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.h_measure
    qtbot.keyClicks(page.h_measure, "Clear the exit")
    key(qtbot, page, Qt.Key.Key_Tab)

    data = stored(ctx, ids["stop"])
    first, second = data.hazards
    assert first.location == "Store B2"
    assert (second.description, second.measure, second.seq) == ("Exit blocked", "Clear the exit", 2)
    assert second.deadline == DAY + timedelta(days=15) and second.responsible_person == "李安全"

    # Ctrl+Enter: the summary, confirmed → the firm is done and the record locked.
    seen = []
    monkeypatch.setattr(FinishDialog, "ask", classmethod(lambda cls, parent, result, firm: seen.append(result) or True))
    key(qtbot, page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (summary,) = seen
    assert (summary.passed, summary.failed, summary.not_applicable, summary.hazards_major,
            summary.hazards_general) == (2, 1, 1, 1, 1)
    with ctx.session() as s:
        assert s.get(VisitStop, ids["stop"]).done
    assert page.h_description.isReadOnly() and not page.finish_button.isEnabled()
    assert "已完成" in page.title.text()


def test_text_is_saved_without_leaving_the_field_and_reopening_shows_it(qtbot, world):
    ctx, ids = world
    page = page_for(qtbot, ctx, ids["stop"])
    page.new_hazard()
    page.h_description.setPlainText("配电箱未接地")  # still in the field: the pause saves it
    qtbot.waitUntil(lambda: stored(ctx, ids["stop"]).hazards[0].description == "配电箱未接地", timeout=2000)

    again = page_for(qtbot, ctx, ids["stop"])
    again.tabs.setCurrentIndex(1)
    assert again.h_description.toPlainText() == "配电箱未接地"
    assert again.hazard_list.count() == 1


def test_finishing_is_refused_until_required_fields_are_filled(qtbot, world, monkeypatch):
    ctx, ids = world
    page = page_for(qtbot, ctx, ids["stop"])
    page.set_outcome(0, Outcome.PASS)
    asked = []
    monkeypatch.setattr(FinishDialog, "ask", classmethod(lambda cls, p, result, firm: asked.append(result) or False))
    page.finish()
    assert "还有 3 个检查项未判定" in asked[0].problems[0]
    with ctx.session() as s:
        assert not s.get(VisitStop, ids["stop"]).done

    page.unchecked_na.click()
    assert all(i.outcome for i in stored(ctx, ids["stop"]).items)


def test_withdrawn_fail_and_a_bad_deadline_are_explained(qtbot, world):
    ctx, ids = world
    page = page_for(qtbot, ctx, ids["stop"])
    page.set_outcome(0, Outcome.FAIL)
    page.set_outcome(0, Outcome.PASS)
    assert stored(ctx, ids["stop"]).hazards == ()  # untouched hazard removed with its 不符合
    page.set_outcome(1, Outcome.FAIL)
    page.go_to_item_hazard()
    page.h_deadline.set_value(DAY - timedelta(days=3))
    page.h_deadline.editingFinished.emit()
    assert "不能早于发现日期" in page.state.text()
    assert page.h_deadline.property("invalid") is True
    assert stored(ctx, ids["stop"]).hazards[0].deadline != DAY - timedelta(days=3)


def test_rectified_on_site_needs_an_after_photo_then_closes(qtbot, world, tmp_path, monkeypatch):
    from PIL import Image

    ctx, ids = world
    page = page_for(qtbot, ctx, ids["stop"])
    page.unchecked_na.click()
    page.new_hazard()
    page.h_description.setPlainText("安全出口堆放杂物")
    page.h_on_site.setChecked(True)  # stored at once
    assert page.h_after.isEnabled()
    photo = tmp_path / "after.jpg"
    Image.new("RGB", (640, 480), (30, 120, 200)).save(photo)
    page.h_after.filesChosen.emit([str(photo)])
    data = stored(ctx, ids["stop"])
    assert len(data.hazards[0].after_photo_ids) == 1 and data.hazards[0].photo_ids == ()

    asked = []
    monkeypatch.setattr(FinishDialog, "ask",
                        classmethod(lambda cls, p, result, firm: asked.append(result) or not result.problems))
    page.finish()
    assert asked[0].problems == (), asked[0].problems
    with ctx.session() as s:
        h = s.execute(select(Hazard)).scalar_one()
        assert h.status == HazardStatus.CLOSED and h.closed_on == DAY


def test_choosing_checklists_for_the_visit(qtbot, world, monkeypatch):
    from ui.inspection_page import ChecklistChooser

    ctx, ids = world
    with ctx.session() as s:
        extra = f.template(s, name="有限空间专项检查表", code_="t-space", n_items=2)
    page = page_for(qtbot, ctx, ids["stop"])
    offered = []

    def choose(cls, parent, templates, chosen):  # type: ignore[no-untyped-def]
        offered.append((sorted(t.name for t in templates), len(chosen)))
        return [t.id for t in templates]

    monkeypatch.setattr(ChecklistChooser, "choose", classmethod(choose))
    page.choose_checklists()
    assert offered == [(["有限空间专项检查表", "通用安全检查表"], 1)]
    assert page.model.rowCount() == 6
    assert extra in {t.id for t in stored(ctx, ids["stop"]).templates}


def test_photos_and_finder_stay_shown_after_adding_photos(qtbot, world, tmp_path):
    """Adding photos reloads the inspection: the selected hazard's form shows them and who found it."""
    from PIL import Image

    ctx, ids = world
    page = page_for(qtbot, ctx, ids["stop"])
    page.new_hazard()
    paths = []
    for n in range(2):
        p = tmp_path / f"p{n}.jpg"
        Image.new("RGB", (800, 600), (40 * n, 90, 160)).save(p)
        paths.append(str(p))
    page.h_photos.filesChosen.emit(paths)
    assert len(page.h_photos.ids()) == 2
    assert page.h_found_by.value() == ids["expert"]
    page.set_outcome(0, Outcome.PASS)  # a keypress on the checklist keeps the hazard form as it is
    assert len(page.h_photos.ids()) == 2 and page.h_found_by.value() == ids["expert"]
