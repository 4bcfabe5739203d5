"""The hazard ledger: the in-memory index answers exactly as plain SQL does (demo county, SQLite and PostgreSQL),
overdue and escalation are right on the day before, of and after the deadline, reminders pick the right hazards."""

from __future__ import annotations

import itertools
import shutil
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from models.db import make_engine, make_session_factory, session_scope
from models.entities import Expert, Hazard, Town, Village
from models.enums import HazardStatus, Severity, VisitKind
from models.services import demo, enterprises, ledger
from models.services import settings as settings_svc
from models.services.ledger import LedgerFilter, LedgerIndex
from models.text import search_key
from tests import factories as f
from tests.conftest import _fresh_pg

TODAY = date(2026, 11, 20)  # the demo data is generated relative to this day


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def demo_url(request: pytest.FixtureRequest, sqlite_template: Path,
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seed demo county (578 hazards), generated once per module and database; the tests only read it."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("ledger_demo") / "demo.sqlite3"
        shutil.copyfile(sqlite_template, path)
        url = f"sqlite:///{path}"
        engine = make_engine(url)
        demo.generate(make_session_factory(engine), "seed", 0, today=TODAY)
        engine.dispose()
        yield url
        return
    fresh = _fresh_pg(request.getfixturevalue("pg_template"))  # conftest's: skips (or fails in CI) without PG
    url = next(fresh)
    engine = make_engine(url)
    demo.generate(make_session_factory(engine), "seed", 0, today=TODAY)
    engine.dispose()
    try:
        yield url
    finally:
        fresh.close()  # drops the database


@pytest.fixture(scope="module")
def demo_factory(demo_url: str):  # type: ignore[no-untyped-def]
    engine = make_engine(demo_url)
    yield make_session_factory(engine)
    engine.dispose()


@pytest.fixture(scope="module")
def index(demo_factory) -> LedgerIndex:  # type: ignore[no-untyped-def]
    idx = LedgerIndex()
    with session_scope(demo_factory) as s:
        idx.refresh(s, TODAY)
    return idx


def _filters(s) -> list[LedgerFilter]:  # type: ignore[no-untyped-def]
    towns = s.execute(select(Town.id).order_by(Town.sort_order)).scalars().all()
    village = s.execute(select(Village.id).where(Village.town_id == towns[1])).scalars().first()
    hz = s.execute(select(Hazard).order_by(Hazard.found_on.desc(), Hazard.id).limit(1)).scalar_one()
    expert = s.execute(select(Hazard.found_by_expert_id).where(Hazard.found_by_expert_id.is_not(None))
                       .group_by(Hazard.found_by_expert_id)
                       .order_by(Hazard.found_by_expert_id)).scalars().first()
    mid = TODAY - timedelta(days=120)
    return [
        LedgerFilter(),
        LedgerFilter(status=ledger.OPEN),
        LedgerFilter(status=HazardStatus.CLOSED),
        LedgerFilter(status=HazardStatus.IN_PROGRESS),
        LedgerFilter(overdue=True),
        LedgerFilter(overdue=False),
        LedgerFilter(severity=Severity.MAJOR),
        LedgerFilter(severity=Severity.MAJOR, status=ledger.OPEN),
        LedgerFilter(town_id=towns[0]),
        LedgerFilter(town_id=towns[1], village_id=village),
        LedgerFilter(enterprise_id=hz.enterprise_id),
        LedgerFilter(sector="危险化学品"),
        LedgerFilter(sector="樟脑油", status=HazardStatus.CLOSED),
        LedgerFilter(expert_id=expert),
        LedgerFilter(visit_kind=VisitKind.ENFORCEMENT_EXPERT),
        LedgerFilter(visit_kind=VisitKind.CAMPHOR_ENTRY, overdue=False),
        LedgerFilter(found_from=mid),
        LedgerFilter(found_to=mid, found_from=mid - timedelta(days=60)),
        LedgerFilter(deadline_from=TODAY - timedelta(days=10), deadline_to=TODAY + timedelta(days=10)),
        LedgerFilter(deadline_to=TODAY),
        LedgerFilter(escalation_min=1),
        LedgerFilter(escalation_min=2),
        LedgerFilter(escalation_min=3, town_id=towns[0]),
        LedgerFilter(escalation_min=4),
        LedgerFilter(escalation_min=0, status=ledger.OPEN),
        LedgerFilter(text="消防"),
        LedgerFilter(text="汨罗市"),  # the firms' names, not the hazards' words
        LedgerFilter(text="灭火器 消防"),
        LedgerFilter(text="AQGL"),  # upper case finds pinyin initials
        LedgerFilter(text="100%_"),  # LIKE wildcards are searched as text
        LedgerFilter(text="第", status=ledger.OPEN, severity=Severity.GENERAL),
        LedgerFilter(town_id=towns[0], text="化工", overdue=False, found_from=mid),
    ]


def test_index_totals_and_rows_match_plain_sql_for_many_filters(demo_factory, index):
    with session_scope(demo_factory) as s:
        assert ledger.count_sql(s, None, TODAY).found == demo.SEED_HAZARDS == len(index)
        nonempty = 0
        for flt in _filters(s):
            ids = index.ids(flt)
            want = ledger.count_sql(s, flt, TODAY)
            assert index.totals(ids) == want, flt
            rows = ledger.rows_sql(s, flt, TODAY)
            assert [r.id for r in rows] == [index.hazard_id(i) for i in ids], flt
            nonempty += bool(ids)
        assert nonempty >= 25  # the filters really pick something
    every = index.totals(index.ids())
    assert every.found == every.closed + every.open and every.overdue > 0 and every.major_open >= 0
    assert every.rectification_rate == pytest.approx(every.closed / every.found)


def test_every_sort_key_gives_the_same_order_in_memory_and_through_sql(demo_factory, index):
    flt = LedgerFilter(found_from=TODAY - timedelta(days=60))
    with session_scope(demo_factory) as s:
        for key, desc in itertools.product(ledger.SORT_KEYS, (False, True)):
            want = [r.id for r in ledger.rows_sql(s, flt, TODAY, key, desc)]
            assert [index.hazard_id(i) for i in index.ids(flt, key, desc)] == want, (key, desc)
        first = ledger.first_rows(s, TODAY, 40)
    assert [r.id for r in first] == [index.hazard_id(i) for i in index.ids()[:40]]
    assert first[0].found_on == max(r.found_on for r in first)  # newest first by default


def test_index_rows_carry_the_display_values(demo_factory, index):
    ids = index.ids(LedgerFilter(overdue=True), "escalation", True)
    row = index.row(ids[0])
    with session_scope(demo_factory) as s:
        sql = ledger.rows_sql(s, LedgerFilter(enterprise_id=row.enterprise_id), TODAY)
    full = next(r for r in sql if r.id == row.id)
    assert full._replace(basis="", measure="", responsible_person="", location="") == row
    assert row.overdue and row.days_overdue == (TODAY - row.deadline).days > 0 and row.escalation >= 1
    assert row.enterprise and row.town and row.finder and full.basis and full.responsible_person
    levels = [index.row(i).escalation for i in ids]
    assert levels == sorted(levels, reverse=True)  # most escalated first


# ------------------------------------------------------------------ small data, both databases


def _firm(s, n: int = 1, name: str | None = None) -> uuid.UUID:  # type: ignore[no-untyped-def]
    t = s.execute(select(Town.id)).scalars().first() or f.town(s)
    data = f.enterprise_input(t, n, **({"name": name} if name else {}))
    return enterprises.create(s, data)


def _hazard(s, firm: uuid.UUID, deadline: date | None, status: str = HazardStatus.PENDING,  # type: ignore[no-untyped-def]
            description: str = "灭火器过期未检", found_on: date | None = None, **extra) -> uuid.UUID:
    h = Hazard(enterprise_id=firm, description=description, found_on=found_on or TODAY - timedelta(days=30),
               deadline=deadline, original_deadline=deadline, status=status,
               closed_on=TODAY if status == HazardStatus.CLOSED else None,
               search_text=search_key(description), **extra)
    s.add(h)
    s.flush()
    return h.id


@pytest.mark.parametrize("offset, overdue, level", [(-1, False, 0), (0, False, 1), (1, True, 1), (2, True, 1),
                                                    (3, True, 2), (6, True, 2), (7, True, 3), (30, True, 3)])
def test_overdue_and_escalation_on_the_days_around_the_deadline(factory, offset, overdue, level):
    deadline = date(2026, 3, 10)
    day = deadline + timedelta(days=offset)
    with session_scope(factory) as s:
        firm = _firm(s)
        hid = _hazard(s, firm, deadline)
        _hazard(s, firm, deadline, HazardStatus.CLOSED)  # closed: never overdue
        _hazard(s, firm, None)  # no deadline: never overdue
    index = LedgerIndex()
    with session_scope(factory) as s:
        index.refresh(s, day)
        row = index.row(index.position_of(hid))
        assert (row.overdue, row.escalation, row.days_overdue) == (overdue, level, offset)
        t = ledger.count_sql(s, None, day)
        assert (t.found, t.closed, t.overdue) == (3, 1, int(overdue))
        assert index.totals(index.ids()) == t
        assert len(index.ids(LedgerFilter(overdue=True))) == int(overdue)
        assert len(index.ids(LedgerFilter(overdue=False))) == 3 - int(overdue)
        for k in range(0, 5):
            want = ledger.count_sql(s, LedgerFilter(escalation_min=k), day).found
            assert len(index.ids(LedgerFilter(escalation_min=k))) == want == (3 if k == 0 else int(level >= k))
        (sql_row,) = [r for r in ledger.rows_sql(s, LedgerFilter(), day) if r.id == hid]
        assert (sql_row.overdue, sql_row.escalation) == (overdue, level)


def test_a_new_day_and_changed_thresholds_change_what_is_derived(factory):
    deadline = date(2026, 3, 10)
    with session_scope(factory) as s:
        hid = _hazard(s, _firm(s), deadline)
    index = LedgerIndex()
    with session_scope(factory) as s:
        index.refresh(s, deadline)
        assert index.row(index.position_of(hid)).escalation == 1
        assert index.refresh(s, deadline + timedelta(days=5))  # nothing reloaded, but derived anew
        assert index.row(index.position_of(hid)).escalation == 2
        settings_svc.put(s, "escalation_days", [0, 2, 4])
    index.invalidate()
    with session_scope(factory) as s:
        index.refresh(s, deadline + timedelta(days=5))
        assert index.row(index.position_of(hid)).escalation == 3
        assert ledger.count_sql(s, LedgerFilter(escalation_min=3), deadline + timedelta(days=5)).found == 1


def test_sorting_by_escalation_puts_the_most_overdue_first_and_closed_last(factory):
    with session_scope(factory) as s:
        firm = _firm(s)
        late = {d: _hazard(s, firm, TODAY - timedelta(days=d), description=f"隐患{d}") for d in (1, 9, 4, 0, -5)}
        closed = _hazard(s, firm, TODAY - timedelta(days=20), HazardStatus.CLOSED)
    index = LedgerIndex()
    with session_scope(factory) as s:
        index.refresh(s, TODAY)
        got = [index.hazard_id(i) for i in index.ids(None, "escalation", True)]
        assert got == [late[9], late[4], late[1], late[0], late[-5], closed]
        assert [r.id for r in ledger.rows_sql(s, None, TODAY, "escalation", True)] == got
        assert [index.hazard_id(i) for i in index.ids(None, "overdue_days", False)] == got[::-1]


def test_text_search_covers_the_hazard_and_its_firm_and_needs_every_word(factory):
    with session_scope(factory) as s:
        a = _firm(s, 1, "汨罗市金凤化工有限公司")
        b = _firm(s, 2, "汨罗市银河食品厂")
        h1 = _hazard(s, a, TODAY, description="配电箱未接地")
        h2 = _hazard(s, b, TODAY, description="配电箱门损坏")
        h3 = _hazard(s, b, TODAY, description="消防通道堵塞")
    index = LedgerIndex()
    with session_scope(factory) as s:
        index.refresh(s, TODAY)
        cases = {"配电箱": {h1, h2}, "金凤": {h1}, "银河 配电": {h2}, "pdx": {h1, h2}, "jf": {h1},
                 "食品 消防": {h3}, "配电 消防": set(), "": {h1, h2, h3}}
        for text, want in cases.items():
            flt = LedgerFilter(text=text)
            assert {index.hazard_id(i) for i in index.ids(flt)} == want, text
            assert {r.id for r in ledger.rows_sql(s, flt, TODAY)} == want, text


def test_changes_are_seen_after_max_age_and_at_once_after_invalidate(factory):
    with session_scope(factory) as s:
        firm = _firm(s)
        hid = _hazard(s, firm, TODAY + timedelta(days=3))
    index = LedgerIndex(max_age=3600)
    with session_scope(factory) as s:
        index.refresh(s, TODAY)
    with session_scope(factory) as s:  # another user closes it and records a new one
        s.get(Hazard, hid).status = HazardStatus.CLOSED
        _hazard(s, firm, TODAY - timedelta(days=1))
    with session_scope(factory) as s:
        assert not index.refresh(s, TODAY)  # asked too recently: the old state
        assert index.totals(index.ids()).found == 1
        index.invalidate()
        assert index.refresh(s, TODAY)
        t = index.totals(index.ids())
        assert (t.found, t.closed, t.overdue) == (2, 1, 1)
    with session_scope(factory) as s:  # the firm is renamed: the ledger shows the new name
        from models.entities import Enterprise

        s.get(Enterprise, firm).name = "汨罗市新名称有限公司"
    index.invalidate()
    with session_scope(factory) as s:
        index.refresh(s, TODAY)
    assert {index.row(i).enterprise for i in index.ids()} == {"汨罗市新名称有限公司"}


def test_finder_is_the_expert_or_else_the_officer(factory):
    from models.entities import Officer

    with session_scope(factory) as s:
        firm = _firm(s)
        x = Expert(name="王专家")
        o = Officer(name="李执法")
        s.add_all([x, o])
        s.flush()
        hx = _hazard(s, firm, TODAY, found_by_expert_id=x.id)
        ho = _hazard(s, firm, TODAY, found_by_officer_id=o.id)
        expert_id = x.id
    index = LedgerIndex()
    with session_scope(factory) as s:
        index.refresh(s, TODAY)
        assert index.row(index.position_of(hx)).finder == "王专家"
        assert index.row(index.position_of(ho)).finder == "李执法"
        assert [index.hazard_id(i) for i in index.ids(LedgerFilter(expert_id=expert_id))] == [hx]
        assert ledger.experts(s) == [(expert_id, "王专家")]


def test_reminders_list_due_soon_and_overdue_open_hazards(factory):
    with session_scope(factory) as s:
        firm = _firm(s)
        soon = [_hazard(s, firm, TODAY + timedelta(days=d), description=f"将到期{d}") for d in (3, 0, 1)]
        _hazard(s, firm, TODAY + timedelta(days=4))  # beyond reminder_days_before (3)
        late = [_hazard(s, firm, TODAY - timedelta(days=d), description=f"逾期{d}") for d in (2, 10, 1)]
        _hazard(s, firm, TODAY - timedelta(days=5), HazardStatus.CLOSED)
        _hazard(s, firm, TODAY - timedelta(days=5), HazardStatus.AWAITING_REVIEW, description="待复查也算")
    with session_scope(factory) as s:
        due, over = ledger.due_soon_and_overdue(s, TODAY)
        assert [r.id for r in due] == [soon[1], soon[2], soon[0]]  # soonest first
        assert [r.description for r in over] == ["逾期10", "待复查也算", "逾期2", "逾期1"]  # most overdue first
        assert [r.escalation for r in over] == [3, 2, 1, 1]
        settings_svc.put(s, "reminder_days_after", 3)
        settings_svc.put(s, "reminder_days_before", 0)
    with session_scope(factory) as s:
        due, over = ledger.due_soon_and_overdue(s, TODAY)
        assert [r.id for r in due] == [soon[1]]
        assert [r.description for r in over] == ["逾期10", "待复查也算"]
        assert late  # (the others stay in the ledger)


def test_firm_stamp_changes_with_the_firms_hazards_only(factory):
    with session_scope(factory) as s:
        a, b = _firm(s, 1), _firm(s, 2)
        hid = _hazard(s, a, TODAY)
    with session_scope(factory) as s:
        before_a, before_b = ledger.firm_stamp(s, a), ledger.firm_stamp(s, b)
        s.get(Hazard, hid).review_note = "已复查"
    with session_scope(factory) as s:
        assert ledger.firm_stamp(s, a) != before_a
        assert ledger.firm_stamp(s, b) == before_b


def test_an_empty_ledger(factory):
    index = LedgerIndex()
    with session_scope(factory) as s:
        index.refresh(s, TODAY)
        assert index.ids() == [] and index.totals([]) == ledger.LedgerTotals() == ledger.count_sql(s, None, TODAY)
        assert ledger.rows_sql(s, LedgerFilter(text="x"), TODAY) == [] and ledger.first_rows(s, TODAY) == []
        assert ledger.due_soon_and_overdue(s, TODAY) == ([], [])
