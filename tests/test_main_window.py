"""Links between modules: a page asks, the window shows the other module (real window, real SQLite file)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSettings

from models.db import make_engine, make_session_factory, session_scope
from models.enums import Outcome
from models.services import enterprises
from models.services import inspection as svc
from tests import factories as f
from ui.context import AppContext
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, sqlite_url, tmp_path):  # type: ignore[no-untyped-def]
    engine = make_engine(sqlite_url)
    factory = make_session_factory(engine)
    with session_scope(factory) as s:
        firm = enterprises.create(s, f.enterprise_input(f.town(s), 1))
        tid = f.template(s, n_items=2)
        vid, sid = f.visit_with_stop(s, firm, templates=(tid,), day=date.today() - timedelta(days=40))
        item = svc.open_inspection(s, sid).items[0].item_id
        hid = svc.set_outcome(s, sid, item, Outcome.FAIL).hazard_created
    ctx = AppContext(url=sqlite_url, engine=engine, factory=factory, actor="办公室")
    w = MainWindow(ctx, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    yield w, {"firm": firm, "visit": vid, "stop": sid, "hazard": hid}
    engine.dispose()


def current_key(w: MainWindow) -> str:
    return w._modules[w.nav.currentRow()][0]


def test_schedule_asks_for_the_record_and_the_inspection_module_shows_it(window):
    w, ids = window
    w.record_visit(ids["visit"])
    assert current_key(w) == "inspection"
    page = w.page("inspection").page
    assert page.data is not None and page.data.stop_id == ids["stop"]


def test_an_archive_opens_a_hazard_and_the_ledger_refreshes(window, monkeypatch):
    from ui.hazard_dialog import HazardDialog

    w, ids = window
    opened = []
    monkeypatch.setattr(HazardDialog, "show_hazard",
                        classmethod(lambda cls, parent, ctx, hid: opened.append(hid) or True))
    ledger = w.page("ledger")
    reloads = []
    monkeypatch.setattr(ledger, "hazard_changed", lambda hid=None: reloads.append(hid))
    archive = w.open_archive(ids["firm"]) or w.page("registry").archive_pages()[0]
    archive.openHazard.emit(ids["hazard"])
    assert opened == [ids["hazard"]] and reloads == [ids["hazard"]]


def test_reminders_at_start_list_the_overdue_hazard(window, monkeypatch):
    from ui import reminders

    w, ids = window
    shown = []
    real = reminders.RemindersPanel.show_if_due

    def spy(cls, parent, ctx, today=None):  # type: ignore[no-untyped-def]
        panel = real(parent, ctx, today)
        shown.append(panel)
        return panel

    monkeypatch.setattr(reminders.RemindersPanel, "show_if_due", classmethod(spy))
    w.show_reminders()
    (panel,) = shown
    assert panel is not None  # the hazard found 40 days ago is overdue
    panel.close()


def test_a_reinspection_visit_opens_the_reinspection_screen(window):
    from datetime import date as _date

    from models.entities import Officer, VisitStop
    from models.services import rectification

    w, ids = window
    ctx = w._ctx
    with ctx.session() as s:
        officers = []
        for n in range(2):
            o = Officer(name=f"执法员{n}", certificate_no=f"4306000{n}", certificate_expiry=_date(2030, 1, 1))
            s.add(o)
            s.flush()
            officers.append(o.id)
        day = _date.today()
        vid = rectification.schedule_reinspection(s, ids["firm"], [ids["hazard"]], day, officer_ids=officers,
                                                  actor="办公室")
        stop = s.query(VisitStop).filter_by(visit_id=vid).one().id
    w.open_stop(stop)
    module = w.page("inspection")
    assert module.right.currentWidget() is module.review
    assert module.review.data is not None and len(module.review.data.items) == 1
