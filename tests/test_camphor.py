"""Camphor-oil entry check (樟脑油准入) on both databases: the verdict and what it does to the firm (entry status,
enterprise status, both histories), its validation, corrections on the same check, the register's order, filters
and totals, and the Excel export read back."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import openpyxl
import pytest
from sqlalchemy import func, select

from models.db import session_scope
from models.entities import (
    ChecklistItem,
    ChecklistResult,
    ChecklistTemplate,
    Enterprise,
    EnterpriseStatusChange,
    EntryStatusChange,
    Visit,
    VisitStop,
)
from models.enums import EnterpriseStatus, EntryStatus, Outcome, VisitKind, VisitStatus
from models.services import camphor, scheduling
from models.services import enterprises as ent_svc
from models.services import experts as experts_svc
from models.services.errors import ServiceError, ValidationFailed
from tests import factories as f

HALT_DAY = date(2022, 5, 20)
HALT_REASON = "2022年5月 停产停业决定"
DAY1, DAY2, DAY3 = date(2022, 7, 5), date(2022, 8, 9), date(2022, 9, 14)


@pytest.fixture
def world(factory):
    """Two towns, an expert whose field covers 樟脑油, camphor-oil firms halted in May 2022, and a chemical firm."""
    w: dict = {"factory": factory}
    with session_scope(factory) as s:
        spec = experts_svc.add_specialty(s, "樟脑油/林产化工", ["樟脑油"])
        w["expert"] = experts_svc.create(s, experts_svc.ExpertInput(name="李林化", phone="13800138000",
                                                                    specialty_ids=[spec]))
        w["guiyi"] = f.town(s, "归义镇")
        w["baishui"] = f.town(s, "白水镇", 1)

        def firm(n: int, name: str, town: uuid.UUID, halted: bool = True) -> uuid.UUID:
            eid = ent_svc.create(s, f.enterprise_input(town, n, name=name, sector="樟脑油",
                                                       address=f"{name}厂区"), "测试员")
            if halted:
                ent = s.get(Enterprise, eid)
                ent_svc.update(s, eid, ent_svc.EnterpriseInput(**{**_input(ent), "status": EnterpriseStatus.HALTED,
                                                                  "status_reason": "樟脑油企业统一暂时停产停业"}),
                               ent.version, "测试员")
                camphor.set_initial_status(s, eid, EntryStatus.NOT_CHECKED, reason=HALT_REASON, on=HALT_DAY,
                                           actor="测试员")
            for change in s.get(Enterprise, eid).status_changes:  # 建档 in March, the halt in May 2022
                change.changed_at = datetime(2022, 5, 20, 2) if change.old_status else datetime(2022, 3, 1)
            return eid

        w["changle"] = firm(1, "长乐樟脑油厂", w["guiyi"])
        w["baishui_firm"] = firm(2, "白水樟脑油厂", w["baishui"])
        w["anle"] = firm(3, "安乐林产化工厂", w["guiyi"])
        w["dongfang"] = firm(4, "东方樟脑油厂", w["baishui"])
        w["never"] = firm(5, "新建樟脑油厂", w["guiyi"], halted=False)  # never halted nor checked
        w["chem"] = ent_svc.create(s, f.enterprise_input(w["guiyi"], 6, name="归义化工有限公司"))
    return w


def _input(ent: Enterprise) -> dict:
    return {k: getattr(ent, k) for k in ("name", "uscc", "sector", "town_id", "village_id", "address", "risk_level",
                                         "is_high_risk", "in_park", "status", "legal_rep", "legal_rep_phone",
                                         "safety_manager", "safety_manager_phone", "employees", "main_products",
                                         "established_on", "notes")}


def entry_visit(w, day: date, *firms: uuid.UUID, kind: str = VisitKind.CAMPHOR_ENTRY) -> dict[uuid.UUID, uuid.UUID]:
    """A visit planned through the scheduling service; firm id → stop id."""
    with session_scope(w["factory"]) as s:
        vid = scheduling.create_visit(s, scheduling.VisitInput(
            kind=kind, day=day, enterprise_ids=list(firms), expert_ids=[w["expert"]], purpose="樟脑油企业准入检查",
            overrides={"same_firm": "复查由原检查专家核对整改情况"}),
            "测试员")
        return {st.enterprise_id: st.id for st in s.get(Visit, vid).stops}


def verdict(w, stop_id: uuid.UUID, code: str, reasons: str = "", **kw) -> None:  # type: ignore[no-untyped-def]
    with session_scope(w["factory"]) as s:
        camphor.record_verdict(s, stop_id, code, reasons, actor="王专家", **kw)


def firm_state(w, eid: uuid.UUID) -> tuple[str | None, str]:
    with session_scope(w["factory"]) as s:
        ent = s.get(Enterprise, eid)
        return ent.entry_status, ent.status


def status_lines(w, eid: uuid.UUID) -> list[tuple[str | None, str, str]]:
    with session_scope(w["factory"]) as s:
        q = (select(EnterpriseStatusChange).where(EnterpriseStatusChange.enterprise_id == eid)
             .order_by(EnterpriseStatusChange.changed_at))
        return [(c.old_status, c.new_status, c.reason) for c in s.scalars(q)]


def events(w, eid: uuid.UUID) -> list[camphor.EntryEvent]:
    with session_scope(w["factory"]) as s:
        return camphor.history(s, eid)


def chain(evts: list[camphor.EntryEvent]) -> list[tuple[str | None, str]]:
    return [(e.old_status, e.new_status) for e in evts]


# ================================================================================================ verdicts


def test_admitted_after_the_halt_reopens_the_firm(world):
    stop = entry_visit(world, DAY1, world["changle"])[world["changle"]]
    verdict(world, stop, EntryStatus.ADMITTED, "三同时手续齐全，各项符合要求。")
    assert firm_state(world, world["changle"]) == (EntryStatus.ADMITTED, EnterpriseStatus.NORMAL)
    old, new, reason = status_lines(world, world["changle"])[-1]
    assert (old, new) == (EnterpriseStatus.HALTED, EnterpriseStatus.NORMAL)
    assert reason == "樟脑油准入检查（2022-07-05）结论：准予准入。三同时手续齐全，各项符合要求。"
    evts = events(world, world["changle"])
    assert chain(evts) == [(None, EntryStatus.NOT_CHECKED), (EntryStatus.NOT_CHECKED, EntryStatus.ADMITTED)]
    assert evts[0].reason == HALT_REASON and evts[0].stop_id is None and evts[0].on == HALT_DAY
    assert evts[1].stop_id == stop and evts[1].visit_day == DAY1 and evts[1].on == DAY1
    assert evts[1].changed_by == "王专家"
    with session_scope(world["factory"]) as s:
        st = s.get(VisitStop, stop)
        assert (st.entry_verdict, st.entry_reasons) == (EntryStatus.ADMITTED, "三同时手续齐全，各项符合要求。")


def test_admitted_needs_no_reasons(world):
    stop = entry_visit(world, DAY1, world["changle"])[world["changle"]]
    verdict(world, stop, EntryStatus.ADMITTED, "  ")
    assert events(world, world["changle"])[-1].reason == ""
    assert status_lines(world, world["changle"])[-1][2] == "樟脑油准入检查（2022-07-05）结论：准予准入"


def test_refused_shuts_the_firm(world):
    stop = entry_visit(world, DAY1, world["baishui_firm"])[world["baishui_firm"]]
    verdict(world, stop, EntryStatus.REFUSED, "蒸馏车间与住宅防火间距不足，不具备安全生产条件。",
            halt_ref="汨应急停字〔2022〕5号", evidence="无整改材料")
    assert firm_state(world, world["baishui_firm"]) == (EntryStatus.REFUSED, EnterpriseStatus.CLOSED)
    assert status_lines(world, world["baishui_firm"])[-1][:2] == (EnterpriseStatus.HALTED, EnterpriseStatus.CLOSED)
    assert chain(events(world, world["baishui_firm"]))[-1] == (EntryStatus.NOT_CHECKED, EntryStatus.REFUSED)
    with session_scope(world["factory"]) as s:
        st = s.get(VisitStop, stop)
        assert (st.entry_halt_ref, st.entry_evidence) == ("汨应急停字〔2022〕5号", "无整改材料")


def test_recheck_keeps_a_halted_firm_halted_and_halts_a_running_one(world):
    stops = entry_visit(world, DAY1, world["changle"], world["never"])
    before = status_lines(world, world["changle"])
    verdict(world, stops[world["changle"]], EntryStatus.RECHECK, "储油间缺阻火器。")
    assert firm_state(world, world["changle"]) == (EntryStatus.RECHECK, EnterpriseStatus.HALTED)
    assert status_lines(world, world["changle"]) == before  # no enterprise-status line: nothing changed

    verdict(world, stops[world["never"]], EntryStatus.RECHECK, "防雷检测报告缺失。")
    assert firm_state(world, world["never"]) == (EntryStatus.RECHECK, EnterpriseStatus.HALTED)
    assert status_lines(world, world["never"])[-1][:2] == (EnterpriseStatus.NORMAL, EnterpriseStatus.HALTED)
    assert chain(events(world, world["never"])) == [(EntryStatus.NOT_CHECKED, EntryStatus.RECHECK)]


@pytest.mark.parametrize("code", [EntryStatus.RECHECK, EntryStatus.REFUSED])
def test_recheck_and_refusal_need_reasons(world, code):
    stop = entry_visit(world, DAY1, world["changle"])[world["changle"]]
    with pytest.raises(ValidationFailed) as exc:
        verdict(world, stop, code, " ")
    assert [e.field for e in exc.value.errors] == ["reasons"]
    assert "须写明理由" in str(exc.value)
    assert firm_state(world, world["changle"]) == (EntryStatus.NOT_CHECKED, EnterpriseStatus.HALTED)
    assert len(events(world, world["changle"])) == 1


def test_unknown_verdict_is_refused(world):
    stop = entry_visit(world, DAY1, world["changle"])[world["changle"]]
    for code in ("ok", EntryStatus.NOT_CHECKED):
        with pytest.raises(ValidationFailed) as exc:
            verdict(world, stop, code, "理由")
        assert exc.value.errors[0].field == "verdict"
        assert "准予准入、整改后复查或不予准入（关停）" in str(exc.value)


def test_only_a_camphor_entry_visit_gives_a_verdict(world):
    stop = entry_visit(world, DAY1, world["changle"], kind=VisitKind.INSPECTION_EXPERT)[world["changle"]]
    with pytest.raises(ValidationFailed) as exc:
        verdict(world, stop, EntryStatus.ADMITTED)
    assert str(exc.value) == "只有“樟脑油准入检查”才能作出准入结论，这次检查是“检查+专家”。"
    assert firm_state(world, world["changle"]) == (EntryStatus.NOT_CHECKED, EnterpriseStatus.HALTED)


def test_no_verdict_on_a_cancelled_visit_nor_for_another_sector_nor_a_missing_stop(world):
    stop = entry_visit(world, DAY1, world["changle"])[world["changle"]]
    with session_scope(world["factory"]) as s:
        s.get(VisitStop, stop).visit.status = VisitStatus.CANCELLED
    with pytest.raises(ValidationFailed, match="这次检查已取消"):
        verdict(world, stop, EntryStatus.ADMITTED)

    with session_scope(world["factory"]) as s:  # a chemical firm put on an entry visit directly
        v = Visit(kind=VisitKind.CAMPHOR_ENTRY, day=DAY2, status=VisitStatus.IN_PROGRESS)
        s.add(v)
        s.flush()
        st = VisitStop(visit_id=v.id, enterprise_id=world["chem"])
        s.add(st)
        s.flush()
        chem_stop = st.id
    with pytest.raises(ValidationFailed, match="不是樟脑油企业"):
        verdict(world, chem_stop, EntryStatus.ADMITTED)
    assert firm_state(world, world["chem"]) == (None, EnterpriseStatus.NORMAL)

    with pytest.raises(ServiceError, match="已不存在"):
        verdict(world, uuid.uuid4(), EntryStatus.ADMITTED)


def test_correcting_the_verdict_of_a_check_replaces_it_and_restores(world):
    eid = world["changle"]
    stop = entry_visit(world, DAY1, eid)[eid]
    original = status_lines(world, eid)
    verdict(world, stop, EntryStatus.REFUSED, "未落实三同时。")
    assert firm_state(world, eid) == (EntryStatus.REFUSED, EnterpriseStatus.CLOSED)

    verdict(world, stop, EntryStatus.ADMITTED, "复核：三同时手续已补齐。")  # the experts correct it
    assert firm_state(world, eid) == (EntryStatus.ADMITTED, EnterpriseStatus.NORMAL)
    assert chain(events(world, eid)) == [(None, EntryStatus.NOT_CHECKED), (EntryStatus.NOT_CHECKED,
                                                                            EntryStatus.ADMITTED)]
    assert events(world, eid)[-1].reason == "复核：三同时手续已补齐。"
    lines = status_lines(world, eid)
    assert lines[:-1] == original and len(lines) == len(original) + 1  # rewritten, not a second line
    assert lines[-1][:2] == (EnterpriseStatus.HALTED, EnterpriseStatus.NORMAL) and "复核" in lines[-1][2]

    verdict(world, stop, EntryStatus.RECHECK, "储油间缺阻火器。")  # back to what the firm was: halted
    assert firm_state(world, eid) == (EntryStatus.RECHECK, EnterpriseStatus.HALTED)
    assert status_lines(world, eid) == original
    assert chain(events(world, eid))[-1] == (EntryStatus.NOT_CHECKED, EntryStatus.RECHECK)

    verdict(world, stop, EntryStatus.REFUSED, "复核：仍未落实三同时。")
    assert firm_state(world, eid) == (EntryStatus.REFUSED, EnterpriseStatus.CLOSED)
    assert status_lines(world, eid)[-1][:2] == (EnterpriseStatus.HALTED, EnterpriseStatus.CLOSED)
    with session_scope(world["factory"]) as s:
        assert s.scalar(select(func.count()).select_from(EntryStatusChange)
                        .where(EntryStatusChange.stop_id == stop)) == 1


def test_the_verdict_set_on_the_stop_beforehand_is_recorded_as_new(world):
    """The inspection screen writes stop.entry_verdict while the check goes on and records it on finishing."""
    eid = world["dongfang"]
    stop = entry_visit(world, DAY1, eid)[eid]
    with session_scope(world["factory"]) as s:
        st = s.get(VisitStop, stop)
        st.entry_verdict, st.entry_reasons = EntryStatus.REFUSED, "不具备安全生产条件。"
    verdict(world, stop, EntryStatus.REFUSED, "不具备安全生产条件。")
    assert chain(events(world, eid)) == [(None, EntryStatus.NOT_CHECKED), (EntryStatus.NOT_CHECKED,
                                                                            EntryStatus.REFUSED)]
    assert firm_state(world, eid) == (EntryStatus.REFUSED, EnterpriseStatus.CLOSED)


def test_a_second_check_continues_the_history_and_an_old_correction_keeps_the_present(world):
    eid = world["changle"]
    first = entry_visit(world, DAY1, eid)[eid]
    verdict(world, first, EntryStatus.RECHECK, "储油间缺阻火器。")
    second = entry_visit(world, DAY2, eid)[eid]
    verdict(world, second, EntryStatus.ADMITTED, "整改完成。")
    assert chain(events(world, eid)) == [(None, EntryStatus.NOT_CHECKED), (EntryStatus.NOT_CHECKED, EntryStatus.RECHECK),
                                         (EntryStatus.RECHECK, EntryStatus.ADMITTED)]
    assert firm_state(world, eid) == (EntryStatus.ADMITTED, EnterpriseStatus.NORMAL)

    verdict(world, first, EntryStatus.REFUSED, "更正：首次检查结论为不予准入。")  # an old check corrected
    assert chain(events(world, eid)) == [(None, EntryStatus.NOT_CHECKED), (EntryStatus.NOT_CHECKED, EntryStatus.REFUSED),
                                         (EntryStatus.REFUSED, EntryStatus.ADMITTED)]
    assert firm_state(world, eid) == (EntryStatus.ADMITTED, EnterpriseStatus.NORMAL)  # the later check stands


def test_a_check_recorded_late_slots_into_its_place(world):
    eid = world["anle"]
    stops_late = entry_visit(world, DAY3, eid)[eid]
    stops_early = entry_visit(world, DAY1, eid)[eid]
    verdict(world, stops_late, EntryStatus.ADMITTED, "")
    verdict(world, stops_early, EntryStatus.RECHECK, "防爆电气不符合要求。")  # the earlier check, written later
    evts = events(world, eid)
    assert [e.on for e in evts] == [HALT_DAY, DAY1, DAY3]
    assert chain(evts)[1:] == [(EntryStatus.NOT_CHECKED, EntryStatus.RECHECK), (EntryStatus.RECHECK, EntryStatus.ADMITTED)]
    assert firm_state(world, eid) == (EntryStatus.ADMITTED, EnterpriseStatus.NORMAL)


def test_the_verdict_day_defaults_to_the_check_day_and_can_be_given(world):
    eid = world["changle"]
    stop = entry_visit(world, DAY1, eid)[eid]
    verdict(world, stop, EntryStatus.RECHECK, "缺材料。", on=DAY2)
    e = events(world, eid)[-1]
    assert (e.on, e.visit_day) == (DAY2, DAY1)


def test_set_initial_status_validates(world):
    with session_scope(world["factory"]) as s:
        with pytest.raises(ValidationFailed, match="不是樟脑油企业"):
            camphor.set_initial_status(s, world["chem"], EntryStatus.NOT_CHECKED, reason="x", on=HALT_DAY, actor="")
        with pytest.raises(ValidationFailed) as exc:
            camphor.set_initial_status(s, world["never"], "paused", reason=" ", on=HALT_DAY, actor="")
        assert [e.field for e in exc.value.errors] == ["status", "reason"]
        camphor.set_initial_status(s, world["never"], EntryStatus.REFUSED, reason="2021年书面认定不予准入",
                                   on=date(2021, 12, 1), actor="测试员")
    assert firm_state(world, world["never"]) == (EntryStatus.REFUSED, EnterpriseStatus.NORMAL)  # entry status only
    assert chain(events(world, world["never"])) == [(None, EntryStatus.REFUSED)]


def test_checks_without_a_history_line_still_count(world):
    """Data written before the history existed (the demo's 2022 checks): a verdict on the stop and the status."""
    eid = world["dongfang"]
    stop = entry_visit(world, DAY1, eid)[eid]
    with session_scope(world["factory"]) as s:
        st = s.get(VisitStop, stop)
        st.entry_verdict, st.entry_reasons = EntryStatus.REFUSED, "未落实三同时。"
        s.get(Enterprise, eid).entry_status = EntryStatus.REFUSED
    evts = events(world, eid)
    assert chain(evts) == [(None, EntryStatus.NOT_CHECKED), (EntryStatus.NOT_CHECKED, EntryStatus.REFUSED)]
    assert evts[-1].stop_id == stop and evts[-1].reason == "未落实三同时。"
    with session_scope(world["factory"]) as s:
        row = next(r for r in camphor.register(s) if r.enterprise_id == eid)
    assert (row.checks, row.last_check_on, row.last_reasons) == (1, DAY1, "未落实三同时。")

    later = entry_visit(world, DAY3, eid)[eid]  # a new check on top of it chains from the refusal
    verdict(world, later, EntryStatus.ADMITTED, "")
    assert chain(events(world, eid))[-1] == (EntryStatus.REFUSED, EntryStatus.ADMITTED)
    assert firm_state(world, eid) == (EntryStatus.ADMITTED, EnterpriseStatus.NORMAL)


# ================================================================================================ register


def _template(s, n: int = 12) -> list[uuid.UUID]:  # type: ignore[no-untyped-def]
    t = ChecklistTemplate(code="camphor_entry", name="樟脑油企业准入检查表", revision=1,
                          items=[ChecklistItem(seq=i, text=f"第{i}项") for i in range(1, n + 1)])
    s.add(t)
    s.flush()
    return [it.id for it in t.items]


@pytest.fixture
def checked(world):
    """长乐 admitted after a recheck, 白水 and 东方 refused, 安乐 recheck, 新建 never checked; results on 白水."""
    w = world
    first = entry_visit(w, DAY1, w["changle"], w["baishui_firm"], w["anle"])
    verdict(w, first[w["changle"]], EntryStatus.RECHECK, "储油间缺阻火器。")
    verdict(w, first[w["baishui_firm"]], EntryStatus.REFUSED, "未落实三同时。",
            halt_ref="汨应急停字〔2022〕5号", evidence="整改报告一份")
    verdict(w, first[w["anle"]], EntryStatus.RECHECK, "防爆电气不符合要求。")
    second = entry_visit(w, DAY2, w["changle"], w["dongfang"])
    verdict(w, second[w["changle"]], EntryStatus.ADMITTED, "整改完成。")
    verdict(w, second[w["dongfang"]], EntryStatus.REFUSED, "蒸馏车间与住宅防火间距不足。")
    with session_scope(w["factory"]) as s:
        items = _template(s)
        outcomes = [Outcome.FAIL] * 3 + [Outcome.PASS] * 8 + [Outcome.NOT_APPLICABLE]
        for item, outcome in zip(items, outcomes, strict=True):
            s.add(ChecklistResult(stop_id=first[w["baishui_firm"]], item_id=item, outcome=outcome,
                                  note="缺阻火器" if item == items[0] else ""))
    w["first"], w["second"] = first, second
    return w


def names(rows: list[camphor.CamphorRow]) -> list[str]:
    return [r.name for r in rows]


def test_register_lists_every_camphor_firm_in_order(checked):
    with session_scope(checked["factory"]) as s:
        rows = camphor.register(s)
    # refused (白水 < 东方 in pinyin), recheck, not checked, admitted; the chemical firm is not listed
    assert names(rows) == ["白水樟脑油厂", "东方樟脑油厂", "安乐林产化工厂", "新建樟脑油厂", "长乐樟脑油厂"]
    assert [r.entry_status for r in rows] == [EntryStatus.REFUSED, EntryStatus.REFUSED, EntryStatus.RECHECK,
                                              EntryStatus.NOT_CHECKED, EntryStatus.ADMITTED]
    baishui, dongfang, anle, new, changle = rows
    assert (baishui.town, baishui.address, baishui.enterprise_status) == ("白水镇", "白水樟脑油厂厂区",
                                                                          EnterpriseStatus.CLOSED)
    assert (baishui.checks, baishui.last_check_on, baishui.failed_items) == (1, DAY1, 3)
    assert baishui.last_reasons == "未落实三同时。"
    assert (dongfang.failed_items, dongfang.last_check_on) == (0, DAY2)
    assert (new.checks, new.last_check_on, new.last_reasons, new.history) == (0, None, "", ())
    assert (changle.checks, changle.last_check_on, changle.last_reasons) == (2, DAY2, "整改完成。")
    assert chain(list(changle.history)) == [(None, EntryStatus.NOT_CHECKED), (EntryStatus.NOT_CHECKED,
                                                                              EntryStatus.RECHECK),
                                            (EntryStatus.RECHECK, EntryStatus.ADMITTED)]
    assert [e.visit_day for e in changle.history] == [None, DAY1, DAY2]


def test_register_filters(checked):
    with session_scope(checked["factory"]) as s:
        assert names(camphor.register(s, status=EntryStatus.REFUSED)) == ["白水樟脑油厂", "东方樟脑油厂"]
        assert names(camphor.register(s, status=EntryStatus.NOT_CHECKED)) == ["新建樟脑油厂"]
        assert names(camphor.register(s, status=EntryStatus.ADMITTED)) == ["长乐樟脑油厂"]
        assert names(camphor.register(s, town_id=checked["baishui"])) == ["白水樟脑油厂", "东方樟脑油厂"]
        assert names(camphor.register(s, text="dfzny")) == ["东方樟脑油厂"]  # pinyin initials
        assert names(camphor.register(s, text="樟脑油 长乐")) == ["长乐樟脑油厂"]
        assert names(camphor.register(s, status=EntryStatus.RECHECK, town_id=checked["baishui"])) == []
        assert camphor.register(s, text="归义化工") == []  # not a camphor-oil firm


def test_totals(checked):
    with session_scope(checked["factory"]) as s:
        assert camphor.totals(s) == {"firms": 5, "checked": 4, "admitted": 1, "recheck": 1, "refused": 2,
                                     "not_checked": 1}


def test_last_check_gives_the_halt_decision_evidence_and_items(checked):
    with session_scope(checked["factory"]) as s:
        lc = camphor.last_check(s, checked["baishui_firm"])
        assert lc is not None
        assert (lc.visit_day, lc.verdict, lc.halt_ref, lc.evidence) == (DAY1, EntryStatus.REFUSED,
                                                                         "汨应急停字〔2022〕5号", "整改报告一份")
        assert [i.seq for i in lc.failed] == [1, 2, 3] and lc.failed[0].note == "缺阻火器"
        assert len(lc.items) == 12 and lc.items[-1].outcome == Outcome.NOT_APPLICABLE
        assert camphor.last_check(s, checked["never"]) is None
        assert camphor.last_check(s, checked["changle"]).visit_day == DAY2


def test_export_reads_back(checked, tmp_path):
    with session_scope(checked["factory"]) as s:
        rows = camphor.register(s)
    path = tmp_path / "樟脑油企业名册.xlsx"
    assert camphor.export_register(rows, path) == 5
    wb = openpyxl.load_workbook(path)
    main = list(wb["樟脑油企业名册"].iter_rows(values_only=True))
    assert main[0] == camphor.EXPORT_HEADERS
    assert [r[1] for r in main[1:]] == names(rows)
    first = main[1]
    assert first[:3] == (1, "白水樟脑油厂", "白水镇")
    assert first[6:8] == ("不予准入（关停）", "关闭取缔")
    assert first[8].date() == DAY1 and first[9:12] == (1, 3, "未落实三同时。")
    assert first[12].splitlines() == ["2022-05-20 — → 未检查：2022年5月 停产停业决定",
                                      "2022-07-05 未检查 → 不予准入（关停）：未落实三同时。（检查 2022-07-05）"]
    never = main[4]
    assert never[1] == "新建樟脑油厂" and never[6] == "未检查" and never[8] is None and never[12] is None
    hist = list(wb["准入历程"].iter_rows(values_only=True))
    assert hist[0] == camphor.HISTORY_HEADERS
    assert len(hist) - 1 == sum(len(r.history) for r in rows)
    changle = [h for h in hist[1:] if h[0] == "长乐樟脑油厂"]
    assert [(h[2], h[3]) for h in changle] == [(None, "未检查"), ("未检查", "整改后复查"), ("整改后复查", "准予准入")]
    assert changle[-1][5].date() == DAY2 and changle[-1][6] == "王专家"


def test_export_to_a_missing_folder_says_so(checked, tmp_path):
    with pytest.raises(ServiceError, match="不存在"):
        camphor.export_register([], tmp_path / "无此文件夹" / "x.xlsx")
