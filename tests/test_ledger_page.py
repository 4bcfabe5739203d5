"""The 隐患台账 page and the archive's ledger driven like a user would, on the demo county (offscreen Qt)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from models.db import make_engine, make_session_factory
from models.entities import Hazard
from models.enums import HazardStatus
from models.services import demo, ledger
from models.services.ledger import LedgerFilter
from ui import alerts
from ui.context import AppContext
from ui.ledger_page import ESCALATION_COLUMN, ESCALATION_ROLE, SORT_COLUMN, EnterpriseLedger, LedgerPage, ledger_index


@pytest.fixture(scope="module")
def demo_file(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed demo county (578 hazards, relative to today), generated once for this module."""
    path = tmp_path_factory.mktemp("ledger_page_demo") / "demo.sqlite3"
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
def page(ctx, qtbot) -> Iterator[LedgerPage]:
    p = LedgerPage(ctx)
    qtbot.addWidget(p)
    p.resize(1240, 700)
    p.show()
    qtbot.waitUntil(lambda: p.live, timeout=20000)
    yield p
    p.wait_loaded()


def _column(p: LedgerPage, key: str) -> list[str]:
    m, c = p.model, SORT_COLUMN[key]
    return [m.data(m.index(r, c)) for r in range(m.rowCount())]


def test_first_screen_then_the_whole_ledger_with_totals(ctx, qtbot):
    p = LedgerPage(ctx)
    qtbot.addWidget(p)
    p.show()
    # before the index arrives: the newest rows and the totals of everything
    assert 0 < p.model.rowCount() <= 100
    assert p.totals_label.text().startswith(f"发现 {demo.SEED_HAZARDS} · 已销号 ")
    qtbot.waitUntil(lambda: p.live, timeout=20000)
    assert p.model.rowCount() == demo.SEED_HAZARDS
    assert p.count_label.text() == f"显示 {demo.SEED_HAZARDS} 条"
    with ctx.session() as s:
        t = ledger.count_sql(s, None, date.today())
    assert p.totals_label.text() == (f"发现 {t.found} · 已销号 {t.closed} · 整改率 {t.rectification_rate * 100:.1f}% · "
                                     f"逾期 {t.overdue} · 重大未销号 {t.major_open}")
    dates = _column(p, "found_on")
    assert dates == sorted(dates, reverse=True)  # newest first
    assert _column(p, "ledger")[:3] == ["1", "2", "3"]
    p.grab().save(str(Path(ctx.url.removeprefix("sqlite:///")).with_name("ledger.png")))
    p.wait_loaded()


def test_filters_change_rows_and_totals(page: LedgerPage, ctx, qtbot):
    page.status.set_value(ledger.OPEN)
    with ctx.session() as s:
        want = ledger.count_sql(s, LedgerFilter(status=ledger.OPEN), date.today())
    assert page.model.rowCount() == want.found < demo.SEED_HAZARDS
    assert page.totals_label.text().startswith(f"发现 {want.found} · 已销号 0 · 整改率 0.0%")
    page.overdue.setCurrentIndex(1)  # 仅逾期
    assert all("逾期" in s for s in _column(page, "status"))
    assert page.model.rowCount() == want.overdue
    page.clear_filters()
    assert page.model.rowCount() == demo.SEED_HAZARDS

    page.search.setText("灭火器")  # applied 120 ms after the last keystroke
    assert page.model.rowCount() == demo.SEED_HAZARDS
    qtbot.waitUntil(lambda: page.model.rowCount() < demo.SEED_HAZARDS, timeout=2000)
    assert page.model.rowCount() > 0
    assert all("灭火器" in d for d in _column(page, "description"))

    page.search.clear()
    page.town.setCurrentIndex(1)
    town = page.town.currentText()
    qtbot.waitUntil(lambda: page.model.rowCount() < demo.SEED_HAZARDS, timeout=2000)
    assert set(_column(page, "town")) == {town}
    assert page.village.isEnabled()


def test_sorting_by_the_escalation_column(page: LedgerPage):
    page.status.set_value(ledger.OPEN)
    page.table.sortByColumn(ESCALATION_COLUMN, Qt.SortOrder.DescendingOrder)
    m = page.model
    levels = [m.data(m.index(r, ESCALATION_COLUMN), ESCALATION_ROLE) for r in range(m.rowCount())]
    assert levels == sorted(levels, reverse=True) and levels[0] >= 1
    assert m.data(m.index(0, ESCALATION_COLUMN)) in ("到期", "逾期3天以上", "逾期7天以上")
    assert m.data(m.index(0, ESCALATION_COLUMN), Qt.ItemDataRole.DecorationRole) is not None
    assert "天" in m.data(m.index(0, ESCALATION_COLUMN), Qt.ItemDataRole.ToolTipRole)


def test_enter_opens_the_hazard_and_ctrl_e_the_firm(page: LedgerPage, qtbot):
    page.table.setFocus()
    page.table.selectRow(2)
    want = page.model.id_at(2)
    with qtbot.waitSignal(page.openHazard, timeout=1000) as got:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert got.args == [want]
    with qtbot.waitSignal(page.openEnterprise, timeout=1000) as firm:
        qtbot.keyClick(page.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert firm.args == [page.model.row_at(2).enterprise_id]


def test_export_writes_the_filtered_ledger_in_view_order(page: LedgerPage, tmp_path: Path, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(alerts, "info", lambda _p, _t, text: told.append(text))
    page.status.set_value(ledger.OPEN)
    path = tmp_path / "台账.xlsx"
    assert page.export_file(str(path)) == page.model.rowCount()
    assert told and str(path) in told[0]
    ws = openpyxl.load_workbook(path, read_only=True)["隐患台账"]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert [r[2] for r in rows] == _column(page, "description")
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))


def test_another_users_change_shows_after_the_recheck(page: LedgerPage, ctx, qtbot):
    page.status.set_value(HazardStatus.CLOSED)
    before = page.model.rowCount()
    with ctx.session() as s:  # someone closes an open hazard
        h = s.execute(select(Hazard).where(Hazard.status == HazardStatus.PENDING).limit(1)).scalar_one()
        h.status, h.closed_on = HazardStatus.CLOSED, date.today()
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=20000)
    assert ledger_index(ctx) is page._index  # one index per window


def test_enterprise_ledger_is_the_firms_own_and_follows_changes(ctx, qtbot):
    with ctx.session() as s:
        h = s.execute(select(Hazard).where(Hazard.status != HazardStatus.CLOSED).limit(1)).scalar_one()
        firm = h.enterprise_id
        n = ledger.count_sql(s, LedgerFilter(enterprise_id=firm), date.today()).found
    w = EnterpriseLedger(ctx, firm)
    qtbot.addWidget(w)
    w.resize(1000, 400)
    w.show()
    assert w.model.rowCount() == n and w.table.isColumnHidden(SORT_COLUMN["enterprise"])
    assert w.refresh_if_changed() is False
    with ctx.session() as s:
        s.get(Hazard, h.id).deadline = date.today() - timedelta(days=9)
    assert w.refresh_if_changed() is True
    row = w.model.row_of(h.id)
    assert w.model.data(w.model.index(row, ESCALATION_COLUMN)) == "逾期7天以上"
    w.overdue.set_value(True)
    assert h.id in [w.model.id_at(r) for r in range(w.model.rowCount())]
    w.table.setFocus()
    w.table.selectRow(w.model.row_of(h.id))
    with qtbot.waitSignal(w.openHazard, timeout=1000) as got:
        qtbot.keyClick(w.table, Qt.Key.Key_Return)
    assert got.args == [h.id]
