"""The visit editor (检查安排) and the expert rating dialog, driven with qtbot on the demo county (offscreen Qt)."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from models.db import make_engine, make_session_factory
from models.enums import VisitKind, VisitStatus
from models.services import demo, scheduling
from models.services import experts as experts_svc
from models.services import officers as officers_svc
from ui import alerts
from ui.context import AppContext
from ui.visit_dialog import ID_ROLE, RateExpertsDialog, VisitDialog

pytestmark = pytest.mark.gui

DAY = date.today() + timedelta(days=45)  # past the demo's planned visits: nobody is booked yet


@pytest.fixture(scope="module")
def demo_file(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("visit_demo") / "demo.sqlite3"
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


def _dialog(qtbot, ctx: AppContext, visit_id: uuid.UUID | None = None, day: date | None = DAY) -> VisitDialog:
    dlg = VisitDialog(ctx, visit_id, day)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def _items(lst) -> list:
    return [lst.item(i) for i in range(lst.count())]


def _add_firm(dlg: VisitDialog, qtbot, text: str, sector: str) -> uuid.UUID:
    """Type in the firm search, pick the first firm of ``sector`` and press Enter."""
    dlg.tabs.setCurrentIndex(1)
    dlg.firm_search.setText(text)
    dlg.run_search()
    rows = [i for i in _items(dlg.firm_results) if i.data(ID_ROLE + 1).sector == sector]
    assert rows, f"no {sector} firm matches {text}"
    dlg.firm_results.setCurrentItem(rows[0])
    dlg._search_timer.stop()
    qtbot.keyClick(dlg.firm_search, Qt.Key.Key_Return)
    return rows[0].data(ID_ROLE)


def _valid_officers(ctx: AppContext, day: date) -> list[uuid.UUID]:
    with ctx.session() as s:
        return [o.id for o in officers_svc.officers(s, today=day)
                if o.active and officers_svc.valid_for_enforcement(s, o.id, day) is None]


def _covering_experts(ctx: AppContext, sector: str) -> set[uuid.UUID]:
    with ctx.session() as s:
        fields = {sp.name for sp in experts_svc.specialties(s) if sector in sp.sectors}
        return {e.id for e in experts_svc.search(s) if fields & set(e.specialties)}


def test_enforcement_visit_needs_two_officers_then_saves(ctx, qtbot):
    dlg = _dialog(qtbot, ctx)
    dlg.kind.set_value(VisitKind.ENFORCEMENT_EXPERT)
    firm = _add_firm(dlg, qtbot, "化工", "危险化学品")
    assert dlg.route_ids() == [firm]
    officers = _valid_officers(ctx, DAY)
    assert len(officers) >= 2
    assert dlg.set_checked(dlg.officers, officers[0])
    qtbot.waitUntil(lambda: dlg._result is not None and
                    any(b.code == "officer_count" for b in dlg._result.blocks), timeout=2000)
    assert not dlg.save_button.isEnabled()
    assert any(b.code == "expert_required" for b in dlg._result.blocks)
    shown = [w for w in dlg.rules_body.findChildren(QLabel) if w.property("role") == "error"]
    assert any("执法人数" in w.text() for w in shown)

    # a second officer and a recommended expert whose field covers the firm
    dlg.set_checked(dlg.officers, officers[1])
    covering = _covering_experts(ctx, "危险化学品")
    dlg.recheck()
    pick = next(i for i in _items(dlg.recommendations) if not i.data(ID_ROLE + 1) and i.data(ID_ROLE) in covering)
    dlg.recommendations.setCurrentItem(pick)
    assert dlg.add_expert_button.isEnabled()
    qtbot.mouseClick(dlg.add_expert_button, Qt.MouseButton.LeftButton)
    expert = pick.data(ID_ROLE)
    dlg.recheck()
    assert dlg._result.blocks == []
    for edit in dlg.override_edits.values():  # a demo expert may have seen the firm lately
        edit.setText("轮换人手不足")
    assert dlg.save_button.isEnabled()
    dlg.purpose.setText("危险化学品执法检查")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    with ctx.session() as s:
        rec = scheduling.get_visit(s, dlg.saved_id)
    assert rec.data.kind == VisitKind.ENFORCEMENT_EXPERT
    assert rec.data.day == DAY
    assert rec.data.enterprise_ids == [firm]
    assert rec.data.officer_ids == officers[:2]
    assert rec.data.expert_ids == [expert]
    assert rec.data.purpose == "危险化学品执法检查"


def test_warning_needs_a_reason_which_is_stored(ctx, qtbot):
    officers = _valid_officers(ctx, DAY)
    covering = sorted(_covering_experts(ctx, "危险化学品"), key=str)
    dlg = _dialog(qtbot, ctx)
    dlg.kind.set_value(VisitKind.REINSPECTION)
    firm = _add_firm(dlg, qtbot, "化工", "危险化学品")
    expert = covering[0]
    with ctx.session() as s:  # the same expert at the same firm a week earlier: same_firm warning
        scheduling.create_visit(s, scheduling.VisitInput(
            kind=VisitKind.REINSPECTION, day=DAY - timedelta(days=7), enterprise_ids=[firm],
            officer_ids=officers[:1], expert_ids=[expert]), "测试员")
    dlg.set_checked(dlg.officers, officers[0])
    dlg.set_checked(dlg.experts, expert)
    dlg.recheck()
    assert dlg._result.blocks == []
    assert [w.code for w in dlg._result.warnings] == ["same_firm"]
    assert not dlg.save_button.isEnabled()
    edit = dlg.override_edits["same_firm"]
    assert edit.property("invalid") is True
    edit.setText("企业申请原专家复查")  # QTest.keyClicks cannot type CJK
    assert dlg.save_button.isEnabled()
    edit.clear()
    assert not dlg.save_button.isEnabled()
    edit.setText("企业申请原专家复查")
    dlg.save()
    assert dlg.result() == QDialog.DialogCode.Accepted
    with ctx.session() as s:
        rec = scheduling.get_visit(s, dlg.saved_id)
    assert rec.data.overrides == {"same_firm": "企业申请原专家复查"}
    assert rec.data.expert_ids == [expert]


def test_recommendation_lists_covering_experts_first(ctx, qtbot):
    dlg = _dialog(qtbot, ctx)
    assert dlg.recommendations.count() == 0
    _add_firm(dlg, qtbot, "化工", "危险化学品")
    dlg.recheck()
    items = _items(dlg.recommendations)
    assert items
    covering = _covering_experts(ctx, "危险化学品")
    available = [i.data(ID_ROLE) for i in items if not i.data(ID_ROLE + 1)]
    flags = [e in covering for e in available]
    assert flags[0]
    assert flags == sorted(flags, reverse=True), "an expert without a matching field ranks above one with it"
    assert " — " in items[0].text() and "专业对口" in items[0].text()
    blocked = [i for i in items if i.data(ID_ROLE + 1)]
    for i in blocked:
        assert i.data(ID_ROLE + 1) in i.text()


def _future_visit(ctx: AppContext) -> scheduling.VisitRow:
    with ctx.session() as s:
        rows = scheduling.visits_between(s, date.today(), date.today() + timedelta(days=60))
    return next(r for r in rows if r.status == VisitStatus.PLANNED)


def test_editing_a_demo_visit_round_trips(ctx, qtbot):
    row = _future_visit(ctx)
    with ctx.session() as s:
        before = scheduling.get_visit(s, row.id)
    dlg = _dialog(qtbot, ctx, row.id, None)
    assert dlg.form_data() == before.data
    assert [dlg.status.itemData(i) for i in range(dlg.status.count())] == [VisitStatus.PLANNED,
                                                                           VisitStatus.SCHEDULED]
    dlg.recheck()
    assert dlg.save_button.isEnabled(), dlg._result
    dlg.purpose.setText("调整后的检查目的")
    dlg.status.set_value(VisitStatus.SCHEDULED)
    dlg.save()
    assert dlg.result() == QDialog.DialogCode.Accepted
    with ctx.session() as s:
        after = scheduling.get_visit(s, row.id)
    assert after.data.purpose == "调整后的检查目的"
    assert after.data.status == VisitStatus.SCHEDULED
    assert after.data.enterprise_ids == before.data.enterprise_ids
    assert after.data.officer_ids == before.data.officer_ids
    assert after.data.expert_ids == before.data.expert_ids
    assert after.version > before.version


def test_concurrent_edit_offers_reload(ctx, qtbot, monkeypatch):
    row = _future_visit(ctx)
    dlg = _dialog(qtbot, ctx, row.id, None)
    with ctx.session() as s:  # somebody else saves first
        rec = scheduling.get_visit(s, row.id)
        rec.data.purpose = "别人改的"
        scheduling.update_visit(s, row.id, rec.data, rec.version, "别人")
    asked: list[str] = []
    monkeypatch.setattr(alerts, "confirm", lambda parent, title, text: asked.append(text) or True)
    dlg.purpose.setText("我改的")
    dlg.recheck()
    dlg.save()
    assert asked and dlg.result() != QDialog.DialogCode.Accepted
    assert dlg.purpose.text() == "别人改的"  # reloaded


def test_done_visit_is_read_only_and_rating_stores(ctx, qtbot):
    with ctx.session() as s:
        rows = scheduling.visits_between(s, date.today() - timedelta(days=365), date.today())
    row = next(r for r in rows if r.status == VisitStatus.DONE and r.experts)
    dlg = _dialog(qtbot, ctx, row.id, None)
    dlg.recheck()
    assert not dlg.save_button.isEnabled()
    assert dlg.rate_button.isVisible()

    rate = RateExpertsDialog(ctx, row.id)
    qtbot.addWidget(rate)
    assert len(rate.ratings) == len(row.experts)
    for n, (_eid, spin, edit) in enumerate(rate.ratings):
        spin.setValue(5 - n % 5)
        edit.setText(f"评价{n}")
    rate.save()
    assert rate.result() == QDialog.DialogCode.Accepted
    with ctx.session() as s:
        for n, (eid, _spin, _edit) in enumerate(rate.ratings):
            wf = experts_svc.work_file(s, eid, row.day.year)
            wv = next(v for v in wf.visits if v.visit_id == row.id)
            assert (wv.rating, wv.remark) == (5 - n % 5, f"评价{n}")
    again = RateExpertsDialog(ctx, row.id)  # opens with the stored ratings
    qtbot.addWidget(again)
    assert [(s.value(), e.text()) for _i, s, e in again.ratings] == \
        [(5 - n % 5, f"评价{n}") for n in range(len(again.ratings))]


def test_rating_refused_for_an_open_visit(ctx, qtbot):
    row = _future_visit(ctx)
    rate = RateExpertsDialog(ctx, row.id)
    qtbot.addWidget(rate)
    assert not rate.save_button.isEnabled()
    assert rate.errors.text()
