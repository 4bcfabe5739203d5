"""The 检查排期 page on the demo data set (offscreen Qt, SQLite): calendars, filters, drag-to-move, cancel, outputs."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pdfplumber
import pytest
from PySide6.QtCore import QModelIndex, Qt

from models.enums import VisitKind, VisitStatus
from models.services import demo, scheduling
from models.services.scheduling import CheckResult, Finding, ScheduleRefused, VisitFilter, VisitInput
from ui import alerts
from ui.context import AppContext
from ui.schedule_page import (
    DAY_ROLE,
    ID_ROLE,
    MIME,
    TODAY_ROLE,
    VISITS_ROLE,
    DayVisitsModel,
    MonthModel,
    ReasonDialog,
    SchedulePage,
    VisitListModel,
    WeekModel,
    decode_visit,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def ctx(sqlite_url):
    c = AppContext.open(sqlite_url, actor="测试员")
    demo.generate(c.factory, "seed", 0)
    yield c
    c.engine.dispose()


@pytest.fixture
def page(ctx, qtbot):
    p = SchedulePage(ctx)
    qtbot.addWidget(p)
    p.resize(1238, 720)
    p.show()
    return p


@pytest.fixture
def shown(monkeypatch):
    """Collects the message boxes the page would show."""
    seen: list[tuple[str, str]] = []
    for name in ("warning", "info", "error"):
        monkeypatch.setattr(alerts, name, lambda parent, title, text, *a, _n=name: seen.append((_n, text)))
    return seen


def reasons(monkeypatch, *answers: str | None) -> list[tuple[str, str]]:
    """Answers ReasonDialog.ask in order; returns the (title, label) it was asked with."""
    asked: list[tuple[str, str]] = []
    queue = list(answers)

    def ask(cls, parent, title, label):
        asked.append((title, label))
        return queue.pop(0) if queue else None

    monkeypatch.setattr(ReasonDialog, "ask", classmethod(ask))
    return asked


def planned(ctx) -> list[scheduling.VisitRow]:
    today = date.today()
    with ctx.session() as s:
        return [v for v in scheduling.visits_between(s, today, today + timedelta(days=15))
                if v.status in (VisitStatus.PLANNED, VisitStatus.SCHEDULED)]


def stored(ctx, visit_id) -> scheduling.VisitRecord:
    with ctx.session() as s:
        return scheduling.get_visit(s, visit_id)


def free_day(ctx, start: date) -> date:
    """A weekday from ``start`` on with no visit at all."""
    day = start
    with ctx.session() as s:
        while day.weekday() >= 5 or scheduling.visits_between(s, day, day):
            day += timedelta(days=1)
    return day


def crafted_twin(ctx, booked: scheduling.VisitRow, part: str = "full") -> uuid.UUID:
    """A 复查 on a free day far ahead whose team includes ``booked``'s people (so moving it onto ``booked``'s day
    double-books them)."""
    rec = stored(ctx, booked.id)
    people = rec.data.officer_ids or rec.data.observer_ids
    data = VisitInput(kind=VisitKind.REINSPECTION, day=free_day(ctx, date.today() + timedelta(days=60)),
                      part_of_day=part, enterprise_ids=rec.data.enterprise_ids[:1],
                      officer_ids=rec.data.officer_ids, expert_ids=rec.data.expert_ids,
                      observer_ids=rec.data.observer_ids, purpose="整改复查")
    assert people or rec.data.expert_ids
    with ctx.session() as s:
        try:
            return scheduling.create_visit(s, data, "测试员")
        except ScheduleRefused as e:
            assert not e.result.blocks, e.result.message()
            data.overrides = {w.code: "测试" for w in e.result.warnings}
    with ctx.session() as s:
        return scheduling.create_visit(s, data, "测试员")


def test_models_pass_qt_model_tester(ctx, qtmodeltester):
    rows = planned(ctx)
    assert rows
    month = MonthModel()
    month.set_month(rows[0].day)
    month.set_visits(rows)
    qtmodeltester.check(month)
    week = WeekModel()
    week.set_week(rows[0].day)
    week.set_visits(rows)
    qtmodeltester.check(week)
    lst = VisitListModel()
    lst.set_rows(rows)
    qtmodeltester.check(lst)
    day = DayVisitsModel()
    day.set_rows(rows[:3])
    qtmodeltester.check(day)
    empty = MonthModel()
    qtmodeltester.check(empty)


def test_month_view_shows_the_planned_visits_on_their_days(ctx, page):
    rows = planned(ctx)
    assert rows, "the demo plans visits in the next two weeks"
    for v in rows:
        page.show_day(v.day)
        assert page.period_label.text() == f"{v.day.year}年{v.day.month}月"
        index = page.month_model.index_of_day(v.day)
        assert index.data(DAY_ROLE) == v.day
        assert v.id in [x.id for x in index.data(VISITS_ROLE)]
        text = index.data(Qt.ItemDataRole.DisplayRole)
        assert text.splitlines()[0] in (str(v.day.day), f"{v.day.month}月{v.day.day}日")
        assert index.data(Qt.ItemDataRole.ToolTipRole) and v.firms[0] in index.data(Qt.ItemDataRole.ToolTipRole)
    page.go_today()
    today = page.month_model.index_of_day(date.today())
    assert today.data(TODAY_ROLE) is True and today.data(Qt.ItemDataRole.FontRole).bold()
    other = page.month_model.index_of_day(date.today() + timedelta(days=1 if date.today().day < 20 else -1))
    assert other.data(TODAY_ROLE) is False and other.data(Qt.ItemDataRole.FontRole) is None


def test_week_view_puts_visits_on_their_half_day(ctx, page):
    v = planned(ctx)[0]
    page.day = v.day
    page.set_mode(SchedulePage.WEEK)
    assert page.stack.currentWidget() is page.week_view
    col = v.day.weekday()
    am, pm = page.week_model.index(0, col), page.week_model.index(1, col)
    ids_am = [x.id for x in am.data(VISITS_ROLE)]
    ids_pm = [x.id for x in pm.data(VISITS_ROLE)]
    assert (v.id in ids_am) == (v.part in ("am", "full"))
    assert (v.id in ids_pm) == (v.part in ("pm", "full"))
    page.step(1)
    assert page.range()[0] == v.day - timedelta(days=v.day.weekday()) + timedelta(days=7)


def test_list_view_rows_match_visits_between(ctx, page):
    page.set_mode(SchedulePage.LIST)
    start, end = page.range()
    with ctx.session() as s:
        expected = scheduling.visits_between(s, start, end, VisitFilter())
    assert [r.id for r in page.list_model.rows] == [r.id for r in expected]
    assert page.list_model.columnCount() == 8
    page.step(-1)  # last month: a full month of demo visits
    start, end = page.range()
    with ctx.session() as s:
        expected = scheduling.visits_between(s, start, end, VisitFilter())
    assert len(expected) > 0
    m = page.list_model
    assert [m.data(m.index(r, 0), ID_ROLE) for r in range(m.rowCount())] == [r.id for r in expected]
    first = expected[0]
    assert m.data(m.index(0, 0)) == first.day.isoformat()
    assert m.data(m.index(0, 4)) == "、".join(first.firms)
    assert m.headerData(6, Qt.Orientation.Horizontal) == "执法人员"


def test_filters_narrow_by_kind_and_person(ctx, page):
    page.set_mode(SchedulePage.LIST)
    page.step(-1)
    everything = list(page.rows)
    kinds = {r.kind for r in everything}
    assert len(kinds) > 1
    kind = sorted(kinds)[0]
    assert page.kind.set_value(kind)
    assert page.rows and {r.kind for r in page.rows} == {kind} and len(page.rows) < len(everything)

    page.clear_filters()
    assert len(page.rows) == len(everything)
    with_expert = next(r for r in everything if r.experts)
    expert_id = stored(ctx, with_expert.id).data.expert_ids[0]
    assert page.person.set_value(("expert", expert_id))
    name = page.person.currentText().split("（")[0]
    assert page.rows and all(name in r.experts for r in page.rows)
    assert len(page.rows) < len(everything)
    start, end = page.range()
    with ctx.session() as s:
        expected = scheduling.visits_between(s, start, end, VisitFilter(person_id=expert_id))
    assert [r.id for r in page.rows] == [r.id for r in expected]


def test_refused_move_leaves_the_visit_where_it_was(ctx, page, monkeypatch, shown):
    booked = next(v for v in planned(ctx) if v.officers or v.observers)
    twin = crafted_twin(ctx, booked)
    before = stored(ctx, twin)
    asked = reasons(monkeypatch, "企业要求改期")
    assert page.move_visit_to(twin, booked.day) is False
    assert len(asked) == 1 and booked.day.isoformat() in asked[0][1]
    assert shown and shown[-1][0] == "warning" and "重复安排" in shown[-1][1]
    after = stored(ctx, twin)
    assert after.data.day == before.data.day and after.version == before.version
    with ctx.session() as s:
        assert [h.action for h in scheduling.history(s, twin)] == ["create"]


def test_drop_moves_the_visit_with_the_reason_in_history(ctx, page, qtbot, monkeypatch, shown):
    booked = next(v for v in planned(ctx) if v.officers or v.observers)
    twin = crafted_twin(ctx, booked)
    old_day = stored(ctx, twin).data.day
    page.show_day(old_day)
    model = page.month_model
    source = model.index_of_day(old_day)
    assert source.flags() & Qt.ItemFlag.ItemIsDragEnabled
    mime = model.mimeData([source])
    assert mime.hasFormat(MIME) and decode_visit(mime) == (twin, stored(ctx, twin).version)
    new_day = free_day(ctx, old_day + timedelta(days=1))
    if new_day > model.end:
        new_day = old_day - timedelta(days=1)
    target = model.index_of_day(new_day)
    assert target.isValid()
    asked = reasons(monkeypatch, "专家时间冲突，顺延")
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    qtbot.waitUntil(lambda: stored(ctx, twin).data.day == new_day, timeout=3000)
    assert not shown, shown
    assert len(asked) == 1
    with ctx.session() as s:
        move = scheduling.history(s, twin)[-1]
    assert (move.action, move.old_day, move.new_day, move.reason) == ("move", old_day, new_day, "专家时间冲突，顺延")
    assert move.actor == "测试员"
    assert twin in [v.id for v in page.month_model.index_of_day(new_day).data(VISITS_ROLE)]


def test_week_view_drop_on_the_other_half_day_changes_the_half_day(ctx, page, qtbot, monkeypatch, shown):
    booked = next(v for v in planned(ctx) if v.officers or v.observers)
    twin = crafted_twin(ctx, booked, part="am")
    day = stored(ctx, twin).data.day
    page.day = day
    page.set_mode(SchedulePage.WEEK)
    model = page.week_model
    source, target = model.index(0, day.weekday()), model.index(1, day.weekday())
    assert [v.id for v in source.data(VISITS_ROLE)] == [twin] and not target.data(VISITS_ROLE)
    mime = model.mimeData([source])
    reasons(monkeypatch, "上午另有会议")
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    qtbot.waitUntil(lambda: stored(ctx, twin).data.part_of_day == "pm", timeout=3000)
    assert stored(ctx, twin).data.day == day and not shown
    assert [v.id for v in page.week_model.index(1, day.weekday()).data(VISITS_ROLE)] == [twin]


def test_warnings_ask_for_override_reasons_then_retry(ctx, page, monkeypatch, shown):
    v = planned(ctx)[0]
    calls: list[dict] = []
    real = scheduling.move_visit

    def move(session, visit_id, new_day, reason, expected_version, actor="", part_of_day=None, overrides=None):
        calls.append(dict(overrides or {}))
        if not overrides:
            raise ScheduleRefused(CheckResult(warnings=[Finding("monthly_load", "某专家", "月度工作量：本月已满")]))
        return real(session, visit_id, new_day, reason, expected_version, actor, part_of_day, overrides)

    monkeypatch.setattr(scheduling, "move_visit", move)
    asked = reasons(monkeypatch, "改期", "本月只此一次")
    target = free_day(ctx, date.today() + timedelta(days=90))
    assert page.move_visit_to(v.id, target) is True
    assert calls == [{}, {"monthly_load": "本月只此一次"}]
    assert "月度工作量：本月已满" in asked[1][1]
    assert stored(ctx, v.id).data.day == target and not shown


def test_stale_version_is_reported_and_refreshed(ctx, page, monkeypatch, shown):
    v = planned(ctx)[0]
    reasons(monkeypatch, "改期")
    assert page.move_visit_to(v.id, v.day + timedelta(days=1), version=v.version + 7) is False
    assert shown and shown[-1][0] == "warning"
    assert stored(ctx, v.id).data.day == v.day


def test_cancel_with_reason(ctx, page, monkeypatch, shown):
    v = planned(ctx)[0]
    page.show_day(v.day)
    assert page.select_visit(v.id)
    assert page.selected_visit_id() == v.id
    reasons(monkeypatch, None)  # the user gave up
    assert page.cancel_selected() is False
    assert stored(ctx, v.id).data.status != VisitStatus.CANCELLED
    asked = reasons(monkeypatch, "企业停产检修")
    assert page.cancel_selected() is True
    assert asked and stored(ctx, v.id).data.status == VisitStatus.CANCELLED
    with ctx.session() as s:
        last = scheduling.history(s, v.id)[-1]
    assert (last.action, last.reason) == ("cancel", "企业停产检修")
    assert not shown
    row = next(r for r in page.rows if r.id == v.id)
    assert row.status == VisitStatus.CANCELLED


def test_dispatch_pdf_of_a_day(ctx, page, tmp_path, shown):
    v = planned(ctx)[0]
    page.show_day(v.day)
    path = tmp_path / "派工单.pdf"
    assert page.write_dispatch(str(path)) is True
    with pdfplumber.open(path) as doc:
        text = "".join(p.extract_text() or "" for p in doc.pages)
    assert v.firms[0] in text.replace("\n", "")
    empty = free_day(ctx, date.today() + timedelta(days=200))
    assert page.write_dispatch(str(tmp_path / "none.pdf"), day=empty) is False
    assert shown and shown[-1][0] == "info" and not (tmp_path / "none.pdf").exists()


def test_calendar_of_a_person(ctx, page, tmp_path):
    v = next(r for r in planned(ctx) if r.experts)
    expert_id = stored(ctx, v.id).data.expert_ids[0]
    path = tmp_path / "expert.ics"
    assert page.write_ics(str(path), "expert", expert_id) is True
    text = path.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in text


def test_editor_opens_on_the_selected_day_and_on_double_click(ctx, page, monkeypatch):
    mod = pytest.importorskip("ui.visit_dialog", reason="ui.visit_dialog (the visit editor) is built separately")
    calls: list[dict] = []

    def edit(cls, parent, c, visit_id=None, day=None):
        calls.append({"visit_id": visit_id, "day": day})
        return None

    monkeypatch.setattr(mod.VisitDialog, "edit", classmethod(edit))
    v = planned(ctx)[0]
    page.show_day(v.day)
    page.new_button.click()
    assert calls[-1] == {"visit_id": None, "day": v.day}
    page._cell_double_clicked(page.month_model.index_of_day(v.day))
    assert calls[-1]["visit_id"] in [x.id for x in page.month_model.index_of_day(v.day).data(VISITS_ROLE)]
