"""The rectification loop (models/services/rectification.py) on SQLite and PostgreSQL: the state machine step by
step, extensions, re-inspections, who may close, major hazards, history, audit and optimistic locking."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from models.db import session_scope
from models.entities import AuditEntry, Hazard, HazardPhoto, Photo, RectificationEvent, ReinspectionItem, Visit
from models.enums import HazardStatus, ReinspectionOutcome, Severity, VisitKind, VisitStatus
from models.services import enterprises
from models.services import inspection as insp
from models.services import officers as officers_svc
from models.services import rectification as svc
from models.services.errors import ConcurrentEdit, NotFound, ServiceError, ValidationFailed
from tests import factories as f

FOUND = date(2026, 6, 1)  # the inspection day; general hazards are due 15 days later, major ones 90
DUE = FOUND + timedelta(days=15)
ACTOR = "办公室"


# ------------------------------------------------------------------------------------------------ builders


def add_officer(s, n: int, expiry: date | None = date(2030, 1, 1)) -> uuid.UUID:  # type: ignore[no-untyped-def]
    return officers_svc.create_officer(s, officers_svc.OfficerInput(
        name=f"执法{n}", department="执法大队", certificate_no=f"4306{n:05d}", certificate_expiry=expiry), "测试")


def build(s, n_general: int = 2, n_major: int = 1, firm_no: int = 1):  # type: ignore[no-untyped-def]
    """A firm inspected on FOUND with general then major hazards, three officers (the third's certificate expired)."""
    town = f.town(s, name=f"归义镇{firm_no}")
    firm = enterprises.create(s, f.enterprise_input(town, firm_no, safety_manager="李安全"))
    _vid, stop = f.visit_with_stop(s, firm, day=FOUND)
    hazards = [insp.add_hazard(s, stop, description=f"灭火器过期{k}", measure="更换灭火器", actor="张专家")
               for k in range(n_general)]
    hazards += [insp.add_hazard(s, stop, description=f"粉尘除尘系统未泄爆{k}", severity=Severity.MAJOR,
                                measure="加装泄爆装置", actor="张专家") for k in range(n_major)]
    officers = [add_officer(s, firm_no * 10 + k) for k in (1, 2)]
    expired = add_officer(s, firm_no * 10 + 3, expiry=date(2026, 1, 1))
    return {"firm": firm, "stop": stop, "hazards": hazards, "officers": officers, "expired": expired}


def hazard(s, hid) -> Hazard:  # type: ignore[no-untyped-def]
    s.expire_all()
    return s.get(Hazard, hid)


def events(s, hid) -> list[RectificationEvent]:  # type: ignore[no-untyped-def]
    return list(s.execute(select(RectificationEvent).where(RectificationEvent.hazard_id == hid)
                          .order_by(RectificationEvent.at)).scalars())


def photo(s, n: int = 0) -> uuid.UUID:  # type: ignore[no-untyped-def]
    p = Photo(sha256=f"{n:064d}", data=b"jpeg", thumb=b"", width=1, height=1)
    s.add(p)
    s.flush()
    return p.id


def reinspect(s, w, hids, day=DUE + timedelta(days=3)) -> uuid.UUID:  # type: ignore[no-untyped-def]
    return svc.schedule_reinspection(s, w["firm"], hids, day, officer_ids=w["officers"], actor=ACTOR)


@pytest.fixture
def w(session):  # type: ignore[no-untyped-def]
    return {**build(session), "s": session}


# ------------------------------------------------------------------------------------------------ the firm's reports


def test_progress_then_submit_with_who_when_why_and_audit(w):
    s, hid = w["s"], w["hazards"][0]
    v1 = svc.report_progress(s, hid, "已购买新灭火器", actor="李安全")
    h = hazard(s, hid)
    assert h.status == HazardStatus.IN_PROGRESS and h.progress_note == "已购买新灭火器" and h.version == v1
    svc.report_progress(s, hid, "已更换一半", actor="李安全")  # news without a change of state
    svc.submit_for_review(s, hid, "全部更换完毕", actor="李安全")
    h = hazard(s, hid)
    assert h.status == HazardStatus.AWAITING_REVIEW
    kinds = [(e.kind, e.from_status, e.to_status, e.reason, e.actor) for e in events(s, hid)]
    assert kinds == [
        ("found", None, "pending", "现场检查发现", "张专家"),
        ("progress", "pending", "in_progress", "已购买新灭火器", "李安全"),
        ("progress", "in_progress", "in_progress", "已更换一半", "李安全"),
        ("submitted", "in_progress", "awaiting_review", "全部更换完毕", "李安全"),
    ]
    actions = s.execute(select(AuditEntry.action).where(AuditEntry.entity_id == hid)
                        .order_by(AuditEntry.at)).scalars().all()
    assert actions == ["progress", "progress", "submit"]
    detail = svc.hazard_detail(s, hid, today=FOUND)
    assert [r.label for r in detail.history][-1] == "报告整改完成，申请复查"
    assert detail.history[0].visit_day == FOUND


def test_impossible_steps_are_refused_naming_both_states(w):
    s, hid = w["s"], w["hazards"][0]
    with pytest.raises(ValidationFailed, match="请填写整改进展"):
        svc.report_progress(s, hid, "  ", actor="李安全")
    svc.submit_for_review(s, hid, "", actor="李安全")
    with pytest.raises(ServiceError, match="“待复查”不能变为“整改中”"):
        svc.report_progress(s, hid, "还在改", actor="李安全")
    with pytest.raises(ServiceError, match="已是“待复查”"):
        svc.submit_for_review(s, hid, "", actor="李安全")
    with pytest.raises(ServiceError, match="待复查"):
        svc.request_extension(s, hid, DUE + timedelta(days=5), "资金未到位", actor="李安全", on=FOUND)
    assert len(events(s, hid)) == 2  # found, submitted: nothing written by the refusals


def test_a_stale_form_is_refused_and_nothing_written(w):
    s, hid = w["s"], w["hazards"][0]
    version = hazard(s, hid).version
    svc.report_progress(s, hid, "已购买新灭火器", actor="李安全", expected_version=version)
    with pytest.raises(ConcurrentEdit, match="其他用户修改"):
        svc.submit_for_review(s, hid, "完成", actor="李安全", expected_version=version)
    assert hazard(s, hid).status == HazardStatus.IN_PROGRESS


# ------------------------------------------------------------------------------------------------ overdue


def test_overdue_on_the_day_before_of_and_after_the_deadline(w):
    s, hid = w["s"], w["hazards"][0]
    before, on, after = (svc.hazard_detail(s, hid, today=DUE + timedelta(days=d)) for d in (-1, 0, 1))
    assert (before.overdue, on.overdue, after.overdue) == (False, False, True)
    assert (before.days_overdue, on.days_overdue, after.days_overdue) == (-1, 0, 1)
    assert (before.escalation_level, on.escalation_level, after.escalation_level) == (0, 1, 1)
    assert svc.hazard_detail(s, hid, today=DUE + timedelta(days=7)).escalation_level == 3
    assert hazard(s, hid).deadline == DUE  # nothing stored by asking


# ------------------------------------------------------------------------------------------------ extensions


def test_extension_request_rules(w):
    s, hid = w["s"], w["hazards"][0]
    with pytest.raises(ValidationFailed) as err:
        svc.request_extension(s, hid, DUE, "", actor="李安全", on=DUE - timedelta(days=3))
    assert {e.field for e in err.value.errors} == {"new_deadline", "reason"}
    with pytest.raises(ServiceError, match="已过，不能再申请延期"):
        svc.request_extension(s, hid, DUE + timedelta(days=10), "设备未到货", actor="李安全",
                              on=DUE + timedelta(days=1))
    svc.request_extension(s, hid, DUE + timedelta(days=10), "设备未到货", actor="李安全", on=DUE - timedelta(days=3))
    with pytest.raises(ServiceError, match="已有一份延期申请"):
        svc.request_extension(s, hid, DUE + timedelta(days=20), "再延", actor="李安全", on=DUE - timedelta(days=2))
    d = svc.hazard_detail(s, hid, today=DUE - timedelta(days=2))
    assert d.extension_pending and d.pending_extension == (DUE + timedelta(days=10), "设备未到货")
    assert "decide_extension" in d.allowed_actions and "request_extension" not in d.allowed_actions


def test_extension_decided_only_by_an_officer_with_a_valid_certificate(w):
    s, hid = w["s"], w["hazards"][0]
    svc.request_extension(s, hid, DUE + timedelta(days=10), "设备未到货", actor="李安全", on=DUE - timedelta(days=3))
    with pytest.raises(ValidationFailed, match="执法证已于2026-01-01到期"):
        svc.decide_extension(s, hid, True, "", officer_id=w["expired"], actor=ACTOR, on=DUE)
    with pytest.raises(ValidationFailed, match="请选择执法人员"):
        svc.decide_extension(s, hid, True, "", officer_id=None, actor=ACTOR, on=DUE)
    with pytest.raises(ValidationFailed, match="不同意延期时请写明理由"):
        svc.decide_extension(s, hid, False, " ", officer_id=w["officers"][0], actor=ACTOR, on=DUE)
    svc.decide_extension(s, hid, True, "", officer_id=w["officers"][0], actor=ACTOR, on=DUE)
    h = hazard(s, hid)
    assert (h.deadline, h.original_deadline, h.extension_pending) == (DUE + timedelta(days=10), DUE, False)
    last = events(s, hid)[-1]
    assert (last.kind, last.actor, last.new_deadline, last.reason) == (
        "extension_approved", "执法11", DUE + timedelta(days=10), "同意延期")
    assert not svc.hazard_detail(s, hid, today=DUE + timedelta(days=1)).overdue
    # A second request, refused: the deadline stays.
    svc.request_extension(s, hid, DUE + timedelta(days=30), "仍未到货", actor="李安全", on=DUE + timedelta(days=5))
    svc.decide_extension(s, hid, False, "理由不属不可抗力", officer_id=w["officers"][1], actor=ACTOR, on=DUE)
    h = hazard(s, hid)
    assert (h.deadline, h.original_deadline, h.extension_pending) == (DUE + timedelta(days=10), DUE, False)
    with pytest.raises(ServiceError, match="没有待审批的延期申请"):
        svc.decide_extension(s, hid, True, "", officer_id=w["officers"][0], actor=ACTOR, on=DUE)


# ------------------------------------------------------------------------------------------------ re-inspection


def test_schedule_a_reinspection_visit_with_its_items(w):
    s = w["s"]
    general, second, major = w["hazards"]
    day = svc.suggested_reinspection_day(s, [general, major], today=FOUND)
    assert day == DUE + timedelta(days=1)  # the day after the earliest deadline (a Wednesday)
    assert svc.suggested_reinspection_day(s, [general], today=DUE + timedelta(days=20)) == DUE + timedelta(days=20)
    vid = reinspect(s, w, [major, general], day)
    v = s.get(Visit, vid)
    assert (v.kind, v.day, v.status) == (VisitKind.REINSPECTION, day, VisitStatus.SCHEDULED)
    data = svc.reinspection(s, vid)
    assert [i.hazard_id for i in data.items] == [major, general]  # the order chosen
    assert [m.name for m in data.officers] == ["执法11", "执法12"]
    assert all(i.outcome is None for i in data.items)
    assert events(s, general)[-1].kind == "reinspection_scheduled"
    d = svc.hazard_detail(s, general, today=FOUND)
    assert d.scheduled_reinspection == (vid, day) and "schedule_reinspection" not in d.allowed_actions
    rows = svc.open_hazards(s, w["firm"], today=FOUND)
    assert {r.id: r.scheduled_on for r in rows} == {general: day, second: None, major: day}
    with pytest.raises(ValidationFailed, match="已安排在"):
        reinspect(s, w, [general, second], day + timedelta(days=1))


def test_a_reinspection_needs_two_valid_officers_and_open_hazards_of_the_firm(w):
    s = w["s"]
    general = w["hazards"][0]
    with pytest.raises(ValidationFailed, match="至少2名持有效执法证"):
        svc.schedule_reinspection(s, w["firm"], [general], DUE, officer_ids=[w["officers"][0], w["expired"]],
                                  actor=ACTOR)
    other = build(s, 1, 0, firm_no=2)
    with pytest.raises(ValidationFailed, match="不属于"):
        reinspect(s, w, [general, other["hazards"][0]])
    with pytest.raises(ValidationFailed, match="不能早于"):
        reinspect(s, w, [general], FOUND - timedelta(days=1))
    with pytest.raises(ValidationFailed, match="至少选择一项"):
        reinspect(s, w, [])
    assert s.execute(select(func.count()).select_from(Visit).where(Visit.kind == VisitKind.REINSPECTION)).scalar() == 0


def test_open_hazards_overdue_first(w):
    s = w["s"]
    general, second, major = w["hazards"]
    svc.request_extension(s, second, DUE + timedelta(days=30), "设备未到货", actor="李安全", on=DUE)
    svc.decide_extension(s, second, True, "", officer_id=w["officers"][0], actor=ACTOR, on=DUE)
    rows = svc.open_hazards(s, w["firm"], today=DUE + timedelta(days=4))
    assert [r.id for r in rows] == [general, second, major]
    assert [r.overdue for r in rows] == [True, False, False]
    assert rows[0].escalation_level == 2


def test_reinspection_outcomes(w):
    s = w["s"]
    general, second, major = w["hazards"]
    svc.submit_for_review(s, second, "", actor="李安全")
    day = DUE + timedelta(days=3)
    vid = reinspect(s, w, [general, second, major], day)
    o1 = w["officers"][0]
    with pytest.raises(ServiceError, match="还没到"):
        svc.record_reinspection(s, vid, general, ReinspectionOutcome.RECTIFIED, officer_id=o1, actor="执法11",
                                on=day - timedelta(days=1))
    svc.record_reinspection(s, vid, general, ReinspectionOutcome.RECTIFIED, note="已全部更换", officer_id=o1,
                            actor="执法11", on=day)
    h = hazard(s, general)
    assert (h.status, h.closed_on, h.closed_by, h.reviewed_on) == (HazardStatus.CLOSED, day, "执法11", day)
    assert h.review_note == f"{day.isoformat()}复查：已整改。已全部更换"
    assert s.get(Visit, vid).status == VisitStatus.IN_PROGRESS
    with pytest.raises(ServiceError, match="不能更改"):
        svc.record_reinspection(s, vid, general, ReinspectionOutcome.PARTIAL, new_deadline=day + timedelta(days=5),
                                officer_id=o1, actor="执法11", on=day)

    with pytest.raises(ValidationFailed, match="部分整改须确定新的整改期限"):
        svc.record_reinspection(s, vid, second, ReinspectionOutcome.PARTIAL, officer_id=o1, actor="执法11", on=day)
    with pytest.raises(ValidationFailed, match="应晚于复查日期"):
        svc.record_reinspection(s, vid, second, ReinspectionOutcome.PARTIAL, new_deadline=day, officer_id=o1,
                                actor="执法11", on=day)
    svc.record_reinspection(s, vid, second, ReinspectionOutcome.PARTIAL, new_deadline=day + timedelta(days=10),
                            officer_id=o1, actor="执法11", on=day)
    h = hazard(s, second)
    assert (h.status, h.deadline, h.original_deadline) == (
        HazardStatus.IN_PROGRESS, day + timedelta(days=10), DUE)

    svc.record_reinspection(s, vid, major, ReinspectionOutcome.NOT_RECTIFIED, note="未加装", officer_id=o1,
                            actor="执法11", on=day)
    h = hazard(s, major)
    assert (h.status, h.escalation, h.deadline) == (HazardStatus.PENDING, 1, FOUND + timedelta(days=90))
    assert "未整改。未加装" in h.review_note
    data = svc.reinspection(s, vid)
    assert [i.outcome for i in data.items] == ["rectified", "partial", "not_rectified"]
    assert data.item(second).new_deadline == day + timedelta(days=10)
    v = s.get(Visit, vid)
    assert v.status == VisitStatus.DONE and v.stops[0].done  # every hazard decided
    with pytest.raises(NotFound):
        svc.record_reinspection(s, vid, uuid.uuid4(), ReinspectionOutcome.RECTIFIED,
                                actor="执法11", on=day)


def test_not_rectified_twice_escalates_twice_and_stays_overdue(w):
    s = w["s"]
    general = w["hazards"][0]
    for n, day in enumerate((DUE + timedelta(days=2), DUE + timedelta(days=12)), start=1):
        vid = reinspect(s, w, [general], day)
        svc.record_reinspection(s, vid, general, ReinspectionOutcome.NOT_RECTIFIED, officer_id=w["officers"][0],
                                actor="执法11", on=day)
        assert hazard(s, general).escalation == n
    d = svc.hazard_detail(s, general, today=DUE + timedelta(days=12))
    assert d.overdue and d.days_overdue == 12 and d.escalation == 2 and d.escalation_level == 3


# ------------------------------------------------------------------------------------------------ closing


def test_general_hazard_closes_with_evidence_or_after_reinspection_never_twice(w):
    s = w["s"]
    general, second, _major = w["hazards"]
    with pytest.raises(ServiceError, match="须有复查记录（已整改）或整改证据"):
        svc.close(s, general, actor=ACTOR, reason="企业报告已整改", on=DUE)
    assert "close" not in svc.hazard_detail(s, general, today=DUE).allowed_actions
    assert svc.add_evidence(s, general, [photo(s, 1), photo(s, 2)], actor="李安全") == 2
    assert svc.hazard_detail(s, general, today=DUE).evidence_photo_ids
    assert "close" in svc.hazard_detail(s, general, today=DUE).allowed_actions
    with pytest.raises(ValidationFailed, match="请填写销号说明"):
        svc.close(s, general, actor=ACTOR, reason="", on=DUE)
    svc.close(s, general, actor=ACTOR, reason="企业提交整改照片，经审核合格", on=DUE)
    h = hazard(s, general)
    assert (h.status, h.closed_on, h.closed_by) == (HazardStatus.CLOSED, DUE, ACTOR)
    with pytest.raises(ServiceError, match="不能重复销号"):
        svc.close(s, general, actor=ACTOR, reason="again", on=DUE)
    with pytest.raises(ServiceError, match="“已销号”不能变为“整改中”"):
        svc.report_progress(s, general, "x", actor="李安全")
    with pytest.raises(ServiceError, match="销号"):
        svc.add_evidence(s, general, [photo(s, 3)], actor="李安全")
    closing = [e for e in events(s, general) if e.to_status == HazardStatus.CLOSED]
    assert len(closing) == 1
    assert svc.hazard_detail(s, general, today=DUE).allowed_actions == ()
    # after a re-inspection found it rectified, the office may close one that an officer did not
    vid = reinspect(s, w, [second])
    svc.record_reinspection(s, vid, second, ReinspectionOutcome.RECTIFIED, actor="专家", on=DUE + timedelta(days=3))
    assert hazard(s, second).closed_by == "专家"


def test_major_hazard_closes_only_by_a_valid_officer_after_a_reinspection(w):
    s = w["s"]
    major = w["hazards"][2]
    svc.add_evidence(s, major, [photo(s, 1)], actor="李安全")
    with pytest.raises(ServiceError, match="须经执法人员现场复查"):
        svc.close(s, major, actor=ACTOR, officer_id=w["officers"][0], reason="照片显示已整改", on=DUE)
    day = DUE + timedelta(days=3)
    vid = reinspect(s, w, [major], day)
    # recorded 已整改 by someone with an expired certificate: the finding is kept, the hazard waits for an officer
    svc.record_reinspection(s, vid, major, ReinspectionOutcome.RECTIFIED, officer_id=w["expired"], actor="执法13",
                            on=day)
    h = hazard(s, major)
    assert h.status == HazardStatus.AWAITING_REVIEW and h.closed_on is None
    assert "close" in svc.hazard_detail(s, major, today=day).allowed_actions
    with pytest.raises(ServiceError, match="只能由持有效执法证的执法人员销号"):
        svc.close(s, major, actor=ACTOR, reason="复查合格", on=day)
    with pytest.raises(ServiceError, match="到期"):
        svc.close(s, major, actor=ACTOR, officer_id=w["expired"], reason="复查合格", on=day)
    svc.close(s, major, actor=ACTOR, officer_id=w["officers"][1], reason="复查合格，予以销号", on=day)
    h = hazard(s, major)
    assert (h.status, h.closed_on, h.closed_by) == (HazardStatus.CLOSED, day, "执法12")


def test_closing_withdraws_a_pending_extension(w):
    s = w["s"]
    general = w["hazards"][0]
    svc.request_extension(s, general, DUE + timedelta(days=10), "设备未到货", actor="李安全", on=DUE)
    vid = reinspect(s, w, [general], DUE)
    svc.record_reinspection(s, vid, general, ReinspectionOutcome.RECTIFIED, officer_id=w["officers"][0],
                            actor="执法11", on=DUE)
    h = hazard(s, general)
    assert not h.extension_pending and h.deadline == DUE
    ext = [e.kind for e in events(s, general) if e.kind in svc.EXTENSION_KINDS]
    assert ext == ["extension_requested", "extension_withdrawn"]


def test_two_clerks_closing_at_once_close_once(factory):
    with session_scope(factory) as s:
        w = build(s)
        hid = w["hazards"][0]
        svc.add_evidence(s, hid, [photo(s)], actor="李安全")
    first, second = factory(), factory()
    try:
        seen = [first.get(Hazard, hid), second.get(Hazard, hid)]  # both clerks have it open
        assert [h.status for h in seen] == [HazardStatus.PENDING, HazardStatus.PENDING]
        svc.close(first, hid, actor="甲", reason="照片合格", on=DUE)
        first.commit()
        with pytest.raises(ConcurrentEdit):
            svc.close(second, hid, actor="乙", reason="照片合格", on=DUE)
        second.rollback()
    finally:
        first.close()
        second.close()
    with session_scope(factory) as s:
        closing = s.execute(select(func.count()).select_from(RectificationEvent).where(
            RectificationEvent.hazard_id == hid, RectificationEvent.to_status == HazardStatus.CLOSED)).scalar()
        assert closing == 1 and s.get(Hazard, hid).closed_by == "甲"


# ------------------------------------------------------------------------------------------------ major hazards


def test_remediation_plan_and_supervision(w):
    s = w["s"]
    general, _second, major = w["hazards"]
    with pytest.raises(ServiceError, match="适用于重大事故隐患"):
        svc.save_plan(s, general, {"goal": "x"}, actor=ACTOR)
    with pytest.raises(ServiceError, match="没有“budget”"):
        svc.save_plan(s, major, {"budget": "x"}, actor=ACTOR)
    v = hazard(s, major).version
    v2 = svc.save_plan(s, major, {"goal": " 消除粉尘爆炸隐患 ", "funds": "20万元"}, actor=ACTOR, expected_version=v)
    d = svc.hazard_detail(s, major, today=FOUND)
    assert d.remediation_plan["goal"] == "消除粉尘爆炸隐患" and d.remediation_plan["safety"] == ""
    assert set(d.remediation_plan) == {"goal", "methods", "funds", "responsible", "time_limit", "safety"}
    assert d.history[-1].reason == "修改：治理的目标和任务、经费和物资的落实"
    with pytest.raises(ConcurrentEdit):
        svc.save_plan(s, major, {"goal": "别的"}, actor="乙", expected_version=v)
    assert svc.save_plan(s, major, d.remediation_plan, actor=ACTOR, expected_version=v2) == v2  # no change
    with pytest.raises(ValidationFailed, match="挂牌督办的理由"):
        svc.set_supervised(s, major, True, actor=ACTOR, reason="")
    svc.set_supervised(s, major, True, actor=ACTOR, reason="县政府挂牌督办")
    with pytest.raises(ServiceError, match="已挂牌督办"):
        svc.set_supervised(s, major, True, actor=ACTOR, reason="again")
    svc.set_supervised(s, major, False, actor=ACTOR, reason="督办期满")
    assert [e.kind for e in events(s, major)][-2:] == ["supervised", "unsupervised"]
    with pytest.raises(ServiceError, match="适用于重大事故隐患"):
        svc.set_supervised(s, general, True, actor=ACTOR, reason="x")


def test_event_vocabulary_keeps_the_kinds_written_elsewhere():
    for kind in ("found", "rectified_on_site", "closed", "status"):
        assert kind in svc.EVENT_LABELS
    assert all(k in svc.EVENT_LABELS for k in svc.EXTENSION_KINDS)
    assert all(svc.EVENT_LABELS.values())


def test_evidence_after_a_closing_reinspection_goes_to_that_visit_only(w):
    s = w["s"]
    general = w["hazards"][0]
    vid = reinspect(s, w, [general], DUE)
    svc.record_reinspection(s, vid, general, ReinspectionOutcome.RECTIFIED, officer_id=w["officers"][0],
                            actor="执法11", on=DUE)
    assert svc.add_evidence(s, general, [photo(s, 7)], actor="执法11", visit_id=vid) == 1
    svc.set_reinspection_note(s, vid, general, "更换8具灭火器", actor="执法11")
    assert s.execute(select(ReinspectionItem.note)).scalar() == "更换8具灭火器"
    assert s.execute(select(func.count()).select_from(HazardPhoto).where(HazardPhoto.kind == "evidence")).scalar() == 1
    assert hazard(s, general).status == HazardStatus.CLOSED


def test_a_cancelled_reinspection_frees_its_hazards_for_another(w):
    from models.services import scheduling

    s = w["s"]
    general = w["hazards"][0]
    vid = reinspect(s, w, [general])
    scheduling.cancel_visit(s, vid, "执法人员另有任务", s.get(Visit, vid).version, actor=ACTOR)
    assert svc.hazard_detail(s, general, today=DUE).scheduled_reinspection is None
    with pytest.raises(ServiceError, match="已取消"):
        svc.record_reinspection(s, vid, general, ReinspectionOutcome.RECTIFIED, actor="执法11",
                                on=DUE + timedelta(days=5))
    again = reinspect(s, w, [general], DUE + timedelta(days=6))
    assert svc.open_hazards(s, w["firm"], today=DUE)[0].scheduled_on == DUE + timedelta(days=6)
    assert again != vid
