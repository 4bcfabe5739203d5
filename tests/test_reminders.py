"""The start-up reminders panel: what it lists, in which order, opening a hazard, and 今天不再提示."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt

from models.entities import Hazard
from models.enums import HazardStatus
from models.services import enterprises
from models.text import search_key
from tests import factories as f
from ui.context import AppContext
from ui.reminders import DISMISSED_KEY, RemindersPanel

TODAY = date.today()


@pytest.fixture
def ctx(sqlite_url: str) -> Iterator[AppContext]:
    QSettings().remove(DISMISSED_KEY)
    c = AppContext.open(sqlite_url, actor="测试员")
    yield c
    c.engine.dispose()
    QSettings().remove(DISMISSED_KEY)


_made = iter(range(1, 1000))


def _add(ctx: AppContext, days_to_deadline: int, status: str = HazardStatus.PENDING, text: str = "") -> object:
    n = next(_made)
    with ctx.session() as s:
        firm = enterprises.create(s, f.enterprise_input(f.town(s, f"测试{n}镇"), n))
        deadline = TODAY + timedelta(days=days_to_deadline)
        h = Hazard(enterprise_id=firm, description=text or f"隐患{days_to_deadline}", found_on=TODAY - timedelta(40),
                   deadline=deadline, original_deadline=deadline, status=status, search_text=search_key(text))
        s.add(h)
        s.flush()
        return h.id


def _shown(panel: RemindersPanel, tree) -> list[str]:  # type: ignore[no-untyped-def]
    return [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())]


def test_nothing_due_shows_nothing(ctx, qtbot):
    _add(ctx, 10)
    _add(ctx, -5, HazardStatus.CLOSED)
    assert RemindersPanel.show_if_due(None, ctx) is None


def test_panel_lists_overdue_and_due_soon_and_opens_a_hazard(ctx, qtbot):
    late = _add(ctx, -8)
    _add(ctx, -1)
    soon = _add(ctx, 2)
    _add(ctx, 0)
    _add(ctx, 9)  # not yet
    _add(ctx, -3, HazardStatus.CLOSED)
    panel = RemindersPanel.show_if_due(None, ctx)
    assert panel is not None and panel.isVisible() and not panel.isModal()
    qtbot.addWidget(panel)
    assert _shown(panel, panel.late_list) == ["隐患-8", "隐患-1"]  # most overdue first
    assert _shown(panel, panel.soon_list) == ["隐患0", "隐患2"]  # soonest first
    assert panel.late_list.topLevelItem(0).text(5) == "逾期7天以上"
    assert panel.late_list.topLevelItem(0).text(4) == "逾期 8 天"
    assert panel.soon_list.topLevelItem(0).text(4) == "今天到期"
    assert panel.soon_list.topLevelItem(0).text(5) == "到期"
    panel.late_list.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # sortable by the day count, not its text
    assert _shown(panel, panel.late_list) == ["隐患-1", "隐患-8"]
    panel.late_list.setFocus()
    panel.late_list.setCurrentItem(panel.late_list.topLevelItem(1))
    with qtbot.waitSignal(panel.openHazard, timeout=1000) as got:
        qtbot.keyClick(panel.late_list, Qt.Key.Key_Return)
    assert got.args == [late]
    assert set(panel.hazard_ids()) >= {late, soon}
    panel.grab().save("/tmp/reminders_test.png")


def test_not_again_today(ctx, qtbot):
    _add(ctx, -2)
    panel = RemindersPanel.show_if_due(None, ctx)
    assert panel is not None
    panel.dismiss.setChecked(True)
    panel.close()
    assert QSettings().value(DISMISSED_KEY) == TODAY.isoformat()
    assert RemindersPanel.show_if_due(None, ctx) is None
    assert RemindersPanel.show_if_due(None, ctx, TODAY + timedelta(days=1)) is not None  # tomorrow again


def test_closing_without_the_tick_asks_again(ctx, qtbot):
    _add(ctx, -2)
    panel = RemindersPanel.show_if_due(None, ctx)
    assert panel is not None
    panel.close()
    again = RemindersPanel.show_if_due(None, ctx)
    assert again is not None
    qtbot.addWidget(again)
