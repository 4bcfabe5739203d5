"""Scheduling (检查排期) on both databases: every rule blocking and warning (and the override), create/update/move/
cancel with optimistic locking and history, status steps, ratings and refusals, calendar queries, and the expert
recommendation on crafted cases."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, timedelta

import pytest

from models.db import session_scope
from models.entities import ChecklistTemplate, Visit, VisitMember, VisitStop
from models.enums import MemberRole, PersonStatus, VisitKind, VisitStatus
from models.services import enterprises
from models.services import experts as experts_svc
from models.services import officers as officers_svc
from models.services import scheduling as svc
from models.services import settings as settings_svc
from models.services.errors import ConcurrentEdit, ServiceError, ValidationFailed
from tests import factories as f

DAY = date(2027, 3, 10)  # a Wednesday, after every "today" the services compare with


@pytest.fixture
def world(factory):
    """Two fields, two towns, three firms, experts, officers and a supervisor."""
    w: dict = {"factory": factory}
    with session_scope(factory) as s:
        chem = experts_svc.add_specialty(s, "危险化学品", ["危险化学品", "成品油"])
        fire = experts_svc.add_specialty(s, "消防", ["人员密集场所"])
        town_a = f.town(s, "归义镇")
        town_b = f.town(s, "新市镇", 1)
        w.update(chem=chem, fire=fire, town_a=town_a, town_b=town_b)
        w["chem1"] = enterprises.create(s, f.enterprise_input(town_a, 1, name="汨罗甲化工有限公司"))
        w["chem2"] = enterprises.create(s, f.enterprise_input(town_a, 2, name="汨罗乙化工有限公司"))
        w["mall"] = enterprises.create(s, f.enterprise_input(town_b, 3, name="新市商场", sector="人员密集场所"))

        def expert(name: str, *fields: uuid.UUID) -> uuid.UUID:
            return experts_svc.create(s, experts_svc.ExpertInput(name=name, phone="13800138000",
                                                                 specialty_ids=list(fields)))

        w["li"] = expert("李建国", chem)
        w["wang"] = expert("王芳", chem)
        w["zhao"] = expert("赵消防", fire)

        def officer(n: int, name: str, expiry: date = date(2030, 1, 1)) -> uuid.UUID:
            return officers_svc.create_officer(s, officers_svc.OfficerInput(
                name=name, department="汨罗市应急管理局", certificate_no=f"43060123{n:03d}",
                certificate_expiry=expiry))

        w["o1"] = officer(1, "张执法")
        w["o2"] = officer(2, "刘执法")
        w["o3"] = officer(3, "陈过期", date(2027, 1, 31))
        w["sup"] = officers_svc.create_supervisor(s, officers_svc.SupervisorInput(name="周代表", affiliation="市人大代表"))
    return w


def visit_input(w, **kw) -> svc.VisitInput:  # type: ignore[no-untyped-def]
    data = svc.VisitInput(kind=VisitKind.INSPECTION_EXPERT, day=DAY, part_of_day="full", purpose="汛期前检查",
                          enterprise_ids=[w["chem1"]], expert_ids=[w["li"]])
    return replace(data, **kw)


def check(w, **kw) -> svc.CheckResult:  # type: ignore[no-untyped-def]
    with session_scope(w["factory"]) as s:
        return svc.check(s, visit_input(w, **kw))


def codes(findings) -> list[str]:  # type: ignore[no-untyped-def]
    return [x.code for x in findings]


def create(w, **kw) -> uuid.UUID:  # type: ignore[no-untyped-def]
    with session_scope(w["factory"]) as s:
        return svc.create_visit(s, visit_input(w, **kw), "测试员")


def past_visit(s, day, status, experts, firms, part="full"):  # type: ignore[no-untyped-def]
    """A crafted visit written directly (history the rules and the recommendation read)."""
    v = Visit(kind=VisitKind.INSPECTION_EXPERT, day=day, status=status, part_of_day=part)
    s.add(v)
    s.flush()
    for i, firm in enumerate(firms):
        s.add(VisitStop(visit_id=v.id, enterprise_id=firm, seq=i))
    for eid in experts:
        s.add(VisitMember(visit_id=v.id, role=MemberRole.EXPERT, expert_id=eid))
    s.flush()
    return v.id


def version(w, vid) -> int:  # type: ignore[no-untyped-def]
    with session_scope(w["factory"]) as s:
        return svc.get_visit(s, vid).version


def register(monkeypatch, factory, **values) -> None:  # type: ignore[no-untyped-def]
    """The office's values in the settings table."""
    with session_scope(factory) as s:
        for key, value in values.items():
            settings_svc.put(s, key, value)


# ================================================================================================ blocking rules


def test_a_clean_visit_passes(world):
    res = check(world, officer_ids=[world["o1"]], observer_ids=[world["sup"]])
    assert res.blocks == [] and res.warnings == [] and res.ok


def test_enforcement_needs_two_officers_with_valid_certificates(world):
    res = check(world, kind=VisitKind.ENFORCEMENT_EXPERT, officer_ids=[world["o1"], world["o3"]])
    assert codes(res.blocks) == ["officer_invalid", "officer_count"]
    invalid, count = res.blocks
    assert invalid.person == "陈过期" and "执法证已于2027-01-31到期" in invalid.message
    assert invalid.message.startswith("执法资格：")
    assert count.message == "执法人数：执法+专家须有至少2名持有效执法证的执法人员，目前只有1名（“张执法”）。"
    assert check(world, kind=VisitKind.ENFORCEMENT_EXPERT, officer_ids=[world["o1"], world["o2"]]).ok
    # an inspection with an expert needs no officers; an expired certificate matters only for enforcement
    assert check(world, officer_ids=[world["o3"]]).ok
    with session_scope(world["factory"]) as s:
        officers_svc.deactivate_officer(s, world["o2"])
    res = check(world, kind=VisitKind.ENFORCEMENT_EXPERT, officer_ids=[world["o1"], world["o2"]])
    assert codes(res.blocks) == ["officer_invalid", "officer_count"] and "已停用" in res.blocks[0].message


def test_expert_visit_needs_an_expert_whose_field_covers_every_firm(world):
    res = check(world, expert_ids=[])
    assert codes(res.blocks) == ["expert_required"]
    assert res.blocks[0].message == "专家参加：检查+专家须安排至少1名专家。"
    assert check(world, kind=VisitKind.CAMPHOR_ENTRY, expert_ids=[]).blocks[0].code == "expert_required"
    assert check(world, kind=VisitKind.REINSPECTION, expert_ids=[]).ok  # 复查 needs no expert

    res = check(world, expert_ids=[world["zhao"]])
    assert codes(res.blocks) == ["field"]
    assert res.blocks[0].person == "赵消防"
    assert res.blocks[0].message == ("专业对口：“汨罗甲化工有限公司”属危险化学品行业，检查组的专家赵消防（消防）中没有对口"
                                     "该行业的专业领域。")
    route = [world["chem1"], world["mall"]]
    res = check(world, enterprise_ids=route, expert_ids=[world["li"]])
    assert codes(res.blocks) == ["field"] and "新市商场" in res.blocks[0].message
    assert check(world, enterprise_ids=route, expert_ids=[world["li"], world["zhao"]]).ok


def test_nobody_double_booked_on_overlapping_half_days(world):
    create(world, part_of_day="am", officer_ids=[world["o1"]], observer_ids=[world["sup"]])
    assert check(world, part_of_day="pm", enterprise_ids=[world["chem2"]], officer_ids=[world["o1"]], observer_ids=[world["sup"]]).ok
    for part in ("am", "full"):
        res = check(world, part_of_day=part, enterprise_ids=[world["chem2"]], officer_ids=[world["o1"]],
                    observer_ids=[world["sup"]])
        assert codes(res.blocks) == ["double_booked"] * 3
        by_person = {b.person: b.message for b in res.blocks}
        assert by_person["李建国"] == ("重复安排：专家“李建国”2027-03-10上午已安排在另一项检查（检查+专家：汨罗甲化工有限公司），"
                                    "不能同时参加。")
        assert "执法人员“张执法”" in by_person["张执法"] and "监督员“周代表”" in by_person["周代表"]
    assert check(world, day=DAY + timedelta(days=1), enterprise_ids=[world["chem2"]]).ok


def test_time_spans_decide_when_both_visits_have_one(world):
    create(world, part_of_day="am", start_time="08:30", end_time="10:00")
    assert check(world, part_of_day="am", start_time="10:00", end_time="11:30", enterprise_ids=[world["chem2"]]).ok
    res = check(world, part_of_day="am", start_time="09:30", end_time="11:00", enterprise_ids=[world["chem2"]])
    assert codes(res.blocks) == ["double_booked"] and "08:30—10:00" in res.blocks[0].message


def test_cancelled_visit_and_declined_assignment_book_nobody(world):
    vid = create(world)
    assert codes(check(world, enterprise_ids=[world["chem2"]]).blocks) == ["double_booked"]
    with session_scope(world["factory"]) as s:
        svc.mark_refused(s, vid, world["li"], "外地出差")
    assert check(world, enterprise_ids=[world["chem2"]]).ok
    vid2 = create(world, enterprise_ids=[world["chem2"]], expert_ids=[world["wang"]])
    with session_scope(world["factory"]) as s:
        svc.cancel_visit(s, vid2, "企业停产", version(world, vid2))
    assert check(world, enterprise_ids=[world["mall"]], expert_ids=[world["wang"], world["zhao"]]).ok


def test_nobody_on_leave_or_out_of_the_pool(world):
    with session_scope(world["factory"]) as s:
        experts_svc.add_unavailability(s, world["li"], experts_svc.UnavailabilityInput(DAY, DAY + timedelta(2), "出差"))
        officers_svc.add_leave(s, world["o1"], officers_svc.LeaveInput(DAY - timedelta(1), DAY, "年休假"))
        officers_svc.deactivate_supervisor(s, world["sup"])
    res = check(world, kind=VisitKind.ENFORCEMENT_EXPERT, officer_ids=[world["o1"], world["o2"]],
                expert_ids=[world["li"], world["wang"]], observer_ids=[world["sup"]])
    assert sorted(codes(res.blocks)) == ["officer_count", "unavailable", "unavailable", "unavailable"]
    msgs = [b.message for b in res.blocks]
    assert "人员不可用：执法人员“张执法”2027-03-09至2027-03-10请假（年休假），不能参加2027-03-10的检查。" in msgs
    assert "人员不可用：专家李建国在 2027-03-10 至 2027-03-12 不可用（出差），不能参加2027-03-10的检查。" in msgs
    assert "人员不可用：监督员“周代表”已停用，不能安排。" in msgs
    with session_scope(world["factory"]) as s:
        experts_svc.set_status(s, world["wang"], PersonStatus.SUSPENDED, 1, "考核不称职")
    res = check(world, expert_ids=[world["wang"]])
    assert codes(res.blocks) == ["unavailable"] and "暂停" in res.blocks[0].message


def test_recusal_blocks_and_cannot_be_overridden(world):
    with session_scope(world["factory"]) as s:
        experts_svc.add_recusal(s, world["li"], experts_svc.RecusalInput(world["chem1"], "在该企业任职"))
    res = check(world, overrides={"same_firm": "无其他专家"})
    assert codes(res.blocks) == ["recused"]
    assert res.blocks[0].message == "回避：专家“李建国”须回避“汨罗甲化工有限公司”（在该企业任职），不能参加该企业的检查。"
    with pytest.raises(svc.ScheduleRefused) as exc, session_scope(world["factory"]) as s:
        svc.create_visit(s, visit_input(world, overrides={"same_firm": "无其他专家"}))
    assert "回避" in str(exc.value) and "李建国" in str(exc.value)
    with pytest.raises(ValidationFailed, match="不能以理由放行"), session_scope(world["factory"]) as s:
        svc.create_visit(s, visit_input(world, overrides={"recused": "领导同意"}))
    with session_scope(world["factory"]) as s:
        assert s.query(Visit).count() == 0


# ================================================================================================ warnings


def test_same_expert_same_firm_within_n_months_warns_and_override_is_kept(world, monkeypatch):
    with session_scope(world["factory"]) as s:
        past_visit(s, DAY - timedelta(days=90), VisitStatus.DONE, [world["li"]], [world["chem1"]])
        past_visit(s, DAY - timedelta(days=400), VisitStatus.DONE, [world["wang"]], [world["chem1"]])
    res = check(world, expert_ids=[world["li"], world["wang"]])
    assert res.blocks == [] and codes(res.warnings) == ["same_firm"] and not res.ok
    w = res.warnings[0]
    assert w.person == "李建国" and w.override == ""
    assert w.message == "同一企业轮换：专家“李建国”2026-12-10到过“汨罗甲化工有限公司”，与本次相隔不足12个月，宜轮换其他专家。"
    with pytest.raises(svc.ScheduleRefused, match="须填写理由") as exc, session_scope(world["factory"]) as s:
        svc.create_visit(s, visit_input(world, expert_ids=[world["li"], world["wang"]]))
    assert exc.value.result.unresolved[0].code == "same_firm"

    vid = create(world, expert_ids=[world["li"], world["wang"]], overrides={"same_firm": "复查上次发现的重大隐患"})
    with session_scope(world["factory"]) as s:
        reasons = {m.expert_id: m.override_reason for m in s.get(Visit, vid).members}
        assert reasons == {world["li"]: "同一企业轮换：复查上次发现的重大隐患", world["wang"]: ""}
        assert svc.get_visit(s, vid).data.overrides == {"same_firm": "复查上次发现的重大隐患"}

    register(monkeypatch, world["factory"], schedule_same_firm_months=2)  # the office's N
    assert check(world, day=DAY + timedelta(days=1), enterprise_ids=[world["chem2"]], expert_ids=[world["li"]]).ok
    assert check(world, day=DAY + timedelta(days=70), enterprise_ids=[world["chem1"]], expert_ids=[world["li"]]).ok
    res = check(world, day=DAY + timedelta(days=30), enterprise_ids=[world["chem1"]], expert_ids=[world["li"]])
    assert codes(res.warnings) == ["same_firm"] and "2027-03-10已安排到" in res.warnings[0].message  # planned


def test_more_than_m_visits_in_a_month_warns(world, monkeypatch):
    register(monkeypatch, world["factory"], schedule_expert_monthly_max=2)
    with session_scope(world["factory"]) as s:
        past_visit(s, date(2027, 3, 1), VisitStatus.DONE, [world["li"]], [world["chem2"]])
        past_visit(s, date(2027, 3, 25), VisitStatus.PLANNED, [world["li"]], [world["mall"]])
        past_visit(s, date(2027, 2, 27), VisitStatus.DONE, [world["li"]], [world["chem2"]])  # another month
        past_visit(s, date(2027, 3, 5), VisitStatus.CANCELLED, [world["li"]], [world["chem2"]])  # cancelled
    res = check(world)
    assert codes(res.warnings) == ["monthly_load"]
    assert res.warnings[0].message == "月度工作量：专家“李建国”2027年3月已安排2次检查，加上本次将超过每月2次的上限。"
    vid = create(world, overrides={"monthly_load": "危化专项整治，人手不足"})
    with session_scope(world["factory"]) as s:
        m = s.query(VisitMember).filter_by(visit_id=vid, expert_id=world["li"]).one()
        assert m.override_reason == "月度工作量：危化专项整治，人手不足"
    # editing the visit itself does not count it twice, and the stored override still applies
    with session_scope(world["factory"]) as s:
        rec = svc.get_visit(s, vid)
        svc.update_visit(s, vid, replace(rec.data, purpose="改为专项检查"), rec.version)


# ================================================================================================ writes


def test_create_update_with_optimistic_locking(world):
    with session_scope(world["factory"]) as s:
        t1, t2 = ChecklistTemplate(code="T1", name="危化品企业检查表"), ChecklistTemplate(code="T2", name="消防检查表")
        s.add_all([t1, t2])
        s.flush()
        t1, t2 = t1.id, t2.id
    vid = create(world, officer_ids=[world["o1"]], checklist_ids=[t1])
    with session_scope(world["factory"]) as s:
        first = svc.get_visit(s, vid)
    assert first.version == 1 and first.data.expert_ids == [world["li"]] and first.data.officer_ids == [world["o1"]]
    with session_scope(world["factory"]) as s:
        new = svc.update_visit(s, vid, replace(first.data, expert_ids=[world["wang"]],
                                               enterprise_ids=[world["chem2"], world["chem1"]],
                                               checklist_ids=[t2]), first.version)
    assert new == 2 and first.data.checklist_ids == [t1]
    with pytest.raises(ConcurrentEdit), session_scope(world["factory"]) as s:
        svc.update_visit(s, vid, replace(first.data, purpose="旧版本的修改"), first.version)
    with session_scope(world["factory"]) as s:
        rec = svc.get_visit(s, vid)
        assert rec.data.expert_ids == [world["wang"]] and rec.data.enterprise_ids == [world["chem2"], world["chem1"]]
        assert rec.data.purpose == "汛期前检查" and rec.data.checklist_ids == [t2]
    # a refused edit writes nothing
    with pytest.raises(svc.ScheduleRefused), session_scope(world["factory"]) as s:
        svc.update_visit(s, vid, replace(rec.data, expert_ids=[world["zhao"]]), rec.version)
    with session_scope(world["factory"]) as s:
        assert svc.get_visit(s, vid).version == 2
        assert [h.action for h in svc.history(s, vid)] == ["create", "update"]


def test_form_errors(world):
    with pytest.raises(ValidationFailed) as exc, session_scope(world["factory"]) as s:
        svc.create_visit(s, visit_input(world, kind="visit", part_of_day="night", enterprise_ids=[],
                                        start_time="9点", status=VisitStatus.DONE))
    assert {e.field for e in exc.value.errors} == {"kind", "part_of_day", "start_time", "end_time", "status",
                                                    "enterprise_ids"}
    with pytest.raises(ValidationFailed, match="结束时间应晚于开始时间"), session_scope(world["factory"]) as s:
        svc.create_visit(s, visit_input(world, start_time="10:00", end_time="09:00"))
    with pytest.raises(ValidationFailed, match="已不存在"), session_scope(world["factory"]) as s:
        svc.create_visit(s, visit_input(world, expert_ids=[uuid.uuid4()]))


def test_move_refused_by_a_rule_then_accepted_and_kept_in_history(world):
    vid = create(world, officer_ids=[world["o1"]])
    with session_scope(world["factory"]) as s:
        experts_svc.add_unavailability(s, world["li"], experts_svc.UnavailabilityInput(
            DAY + timedelta(7), DAY + timedelta(7), "培训"))
    with pytest.raises(svc.ScheduleRefused, match="李建国") as exc, session_scope(world["factory"]) as s:
        svc.move_visit(s, vid, DAY + timedelta(7), "企业申请延期", 1, "王科长")
    assert codes(exc.value.result.blocks) == ["unavailable"]
    with pytest.raises(ValidationFailed, match="请填写原因"), session_scope(world["factory"]) as s:
        svc.move_visit(s, vid, DAY + timedelta(8), " ", 1)
    with session_scope(world["factory"]) as s:
        assert s.get(Visit, vid).day == DAY
        new = svc.move_visit(s, vid, DAY + timedelta(8), "企业申请延期", 1, "王科长", part_of_day="pm")
    assert new == 2
    with pytest.raises(ConcurrentEdit), session_scope(world["factory"]) as s:
        svc.move_visit(s, vid, DAY + timedelta(9), "再改", 1)
    with session_scope(world["factory"]) as s:
        v = s.get(Visit, vid)
        assert (v.day, v.part_of_day) == (DAY + timedelta(8), "pm")
        svc.cancel_visit(s, vid, "上级统一部署，改期另排", 2, "李局长")
    with session_scope(world["factory"]) as s:
        hist = svc.history(s, vid)
        assert [h.action for h in hist] == ["create", "move", "cancel"]
        move, cancel = hist[1], hist[2]
        assert (move.actor, move.old_day, move.new_day, move.reason) == ("王科长", DAY, DAY + timedelta(8),
                                                                          "企业申请延期")
        assert (cancel.actor, cancel.old_day, cancel.reason) == ("李局长", DAY + timedelta(8), "上级统一部署，改期另排")
        assert s.get(Visit, vid).status == VisitStatus.CANCELLED
    with pytest.raises(ServiceError, match="不能调整日期"), session_scope(world["factory"]) as s:
        svc.move_visit(s, vid, DAY, "恢复", 3)
    with pytest.raises(ServiceError, match="不能取消"), session_scope(world["factory"]) as s:
        svc.cancel_visit(s, vid, "再取消", 3)


def test_move_onto_a_booked_half_day_is_refused(world):
    create(world, day=DAY + timedelta(1), enterprise_ids=[world["chem2"]], part_of_day="am")
    vid = create(world, part_of_day="am")
    with pytest.raises(svc.ScheduleRefused, match="重复安排"), session_scope(world["factory"]) as s:
        svc.move_visit(s, vid, DAY + timedelta(1), "调整", 1)
    with session_scope(world["factory"]) as s:
        svc.move_visit(s, vid, DAY + timedelta(1), "调整到下午", 1, part_of_day="pm")


def test_status_steps(world):
    vid = create(world)
    with pytest.raises(ServiceError, match="不能从“计划中”改为“进行中”"), session_scope(world["factory"]) as s:
        svc.set_status(s, vid, VisitStatus.IN_PROGRESS, 1)
    with pytest.raises(ServiceError, match="取消"), session_scope(world["factory"]) as s:
        svc.set_status(s, vid, VisitStatus.CANCELLED, 1)
    # becoming 已排定 re-checks: leave registered since the visit was planned
    with session_scope(world["factory"]) as s:
        u = experts_svc.add_unavailability(s, world["li"], experts_svc.UnavailabilityInput(DAY, DAY, "病假"))
    with pytest.raises(svc.ScheduleRefused, match="病假"), session_scope(world["factory"]) as s:
        svc.set_status(s, vid, VisitStatus.SCHEDULED, 1)
    with session_scope(world["factory"]) as s:
        experts_svc.delete_unavailability(s, u)
    version_ = 1
    for status in (VisitStatus.SCHEDULED, VisitStatus.IN_PROGRESS, VisitStatus.DONE):
        with session_scope(world["factory"]) as s:
            version_ = svc.set_status(s, vid, status, version_, "测试员")
    with pytest.raises(ServiceError, match="不能再修改"), session_scope(world["factory"]) as s:
        rec = svc.get_visit(s, vid)
        svc.update_visit(s, vid, rec.data, rec.version)
    with session_scope(world["factory"]) as s:
        assert [h.detail["new"] for h in svc.history(s, vid) if h.action == "status"] == [
            "scheduled", "in_progress", "done"]


def test_ratings_only_after_done_and_refusals(world):
    vid = create(world, expert_ids=[world["li"], world["wang"]])
    with pytest.raises(ServiceError, match="检查完成后才能评价"), session_scope(world["factory"]) as s:
        svc.rate_expert(s, vid, world["li"], 5, "认真")
    with session_scope(world["factory"]) as s:
        res = svc.mark_refused(s, vid, world["wang"], "身体不适")
        assert res.ok  # 李建国 still covers the firm
        res = svc.mark_refused(s, vid, world["li"], "外地出差")
        assert codes(res.blocks) == ["expert_required"]  # the office must find a replacement
    with session_scope(world["factory"]) as s:
        row = svc.visits_between(s, DAY, DAY)[0]
        assert row.experts == ()
        rec = svc.get_visit(s, vid)
        assert rec.data.expert_ids == [] and set(rec.refused_ids) == {world["li"], world["wang"]}
        svc.update_visit(s, vid, replace(rec.data, expert_ids=[world["li"]]), rec.version)  # he could go after all
    v = version(world, vid)
    for status in (VisitStatus.SCHEDULED, VisitStatus.IN_PROGRESS, VisitStatus.DONE):
        with session_scope(world["factory"]) as s:
            v = svc.set_status(s, vid, status, v)
    with pytest.raises(ValidationFailed, match="1至5"), session_scope(world["factory"]) as s:
        svc.rate_expert(s, vid, world["li"], 6)
    with pytest.raises(ServiceError, match="已拒绝"), session_scope(world["factory"]) as s:
        svc.rate_expert(s, vid, world["wang"], 3)
    with session_scope(world["factory"]) as s:
        svc.rate_expert(s, vid, world["li"], 5, "隐患排查细致", "办公室")
    with session_scope(world["factory"]) as s:
        wf = experts_svc.work_file(s, world["li"])
        assert wf.visits_done == 1 and wf.ratings == [5] and wf.visits[0].remark == "隐患排查细致"
        assert experts_svc.work_file(s, world["wang"]).refused_count == 1
        assert [h.action for h in svc.history(s, vid)][-1] == "rate"


# ================================================================================================ queries


def test_calendar_rows_and_filters(world):
    a = create(world, officer_ids=[world["o1"]], observer_ids=[world["sup"]], part_of_day="pm",
               enterprise_ids=[world["chem2"], world["chem1"]])
    b = create(world, kind=VisitKind.SPECIAL, enterprise_ids=[world["mall"]], expert_ids=[world["zhao"]],
               part_of_day="am")
    c = create(world, day=DAY + timedelta(3), expert_ids=[world["wang"]])
    with session_scope(world["factory"]) as s:
        svc.cancel_visit(s, c, "天气原因", 1)
    d = create(world, day=DAY + timedelta(40), overrides={"same_firm": "复查"})  # outside the range
    with session_scope(world["factory"]) as s:
        rows = svc.visits_between(s, DAY, DAY + timedelta(6))
        assert [r.id for r in rows] == [b, a, c]  # by day, then am before pm
        ra = rows[1]
        assert ra.firms == ("汨罗乙化工有限公司", "汨罗甲化工有限公司") and ra.firm_ids == (world["chem2"], world["chem1"])
        assert (ra.officers, ra.experts, ra.observers) == (("张执法",), ("李建国",), ("周代表",))
        assert (ra.kind, ra.part, ra.status) == (VisitKind.INSPECTION_EXPERT, "pm", VisitStatus.PLANNED)

        def ids(**kw):  # type: ignore[no-untyped-def]
            return [r.id for r in svc.visits_between(s, DAY, DAY + timedelta(6), svc.VisitFilter(**kw))]

        assert ids(town_id=world["town_b"]) == [b]
        assert ids(town_id=world["town_a"]) == [a, c]
        assert ids(person_id=world["sup"]) == [a]
        assert ids(kind=VisitKind.SPECIAL) == [b]
        assert ids(status=VisitStatus.CANCELLED) == [c]
        assert ids(include_cancelled=False) == [b, a]
        assert [r.id for r in svc.person_schedule(s, DAY, DAY + timedelta(6), expert_id=world["wang"])] == []
        assert [r.id for r in svc.person_schedule(s, DAY, DAY + timedelta(6), expert_id=world["wang"],
                                                  include_cancelled=True)] == [c]
        assert [r.id for r in svc.person_schedule(s, DAY, DAY + timedelta(60), expert_id=world["li"])] == [a, d]
        assert [r.id for r in svc.person_schedule(s, DAY, DAY, officer_id=world["o1"])] == [a]


# ================================================================================================ recommendation


@pytest.fixture
def crafted(world):
    """Experts shaped so each ranking factor decides one place."""
    w = world
    with session_scope(w["factory"]) as s:
        def expert(name: str, *fields: uuid.UUID, **kw) -> uuid.UUID:  # type: ignore[no-untyped-def]
            return experts_svc.create(s, experts_svc.ExpertInput(name=name, specialty_ids=list(fields), **kw))

        # 李建国 (chem): never at chem1, nothing this month → first
        # 王芳 (chem): at chem1 59 days ago (done, same town) → rotation penalty, town bonus
        past_visit(s, DAY - timedelta(days=59), VisitStatus.DONE, [w["wang"]], [w["chem1"]])
        # 孙忙 (chem): two visits this month elsewhere → workload
        w["sun"] = expert("孙忙", w["chem"])
        past_visit(s, DAY + timedelta(days=5), VisitStatus.SCHEDULED, [w["sun"]], [w["mall"]])
        past_visit(s, DAY + timedelta(days=6), VisitStatus.PLANNED, [w["sun"]], [w["mall"]])
        # 赵消防 (fire only): no field match → after every chemist
        # blocked ones
        w["recused"] = expert("钱回避", w["chem"])
        experts_svc.add_recusal(s, w["recused"], experts_svc.RecusalInput(w["chem1"], "在该企业任职"))
        w["leave"] = expert("吴请假", w["chem"])
        experts_svc.add_unavailability(s, w["leave"], experts_svc.UnavailabilityInput(DAY, DAY, "出差"))
        w["busy"] = expert("郑已排", w["chem"])
        past_visit(s, DAY, VisitStatus.SCHEDULED, [w["busy"]], [w["chem2"]], part="am")
        w["gone"] = expert("冯解聘", w["chem"], status=PersonStatus.DISMISSED)
    return w


def test_recommendation_order_and_reasons(crafted):
    w = crafted
    with session_scope(w["factory"]) as s:
        recs = svc.recommend(s, w["chem1"], DAY)
    names = [r.name for r in recs]
    assert names[:4] == ["李建国", "孙忙", "王芳", "赵消防"]
    assert all(r.blocked is None for r in recs[:4]) and all(r.blocked for r in recs[4:])
    assert set(names[4:]) == {"钱回避", "吴请假", "郑已排", "冯解聘"}
    by = {r.name: r for r in recs}
    assert by["李建国"].reasons == ["专业对口：危险化学品", "本月尚无安排", "从未到过该企业"]
    assert by["李建国"].score == 130
    assert by["孙忙"].reasons == ["专业对口：危险化学品", "本月已安排2次", "从未到过该企业"]
    assert by["孙忙"].score == 110
    assert by["王芳"].reasons == ["专业对口：危险化学品", "本月尚无安排", "2027-01-10到过该企业（59天前，宜轮换）",
                                "近12个月到本镇企业检查1次"]
    assert 100 < by["王芳"].score < 110
    assert by["赵消防"].reasons[0] == "专业不对口（消防，企业属危险化学品）" and by["赵消防"].score == 30
    assert by["钱回避"].blocked == "须回避该企业（在该企业任职）"
    assert by["吴请假"].blocked == "2027-03-10至2027-03-10不可用（出差）"
    assert by["郑已排"].blocked == "2027-03-10上午已有其他检查安排"
    assert by["冯解聘"].blocked == "状态为“解聘”"
    with session_scope(w["factory"]) as s:
        assert [r.name for r in svc.recommend(s, w["chem1"], DAY, limit=2)] == ["李建国", "孙忙"]
        assert len(svc.recommend(s, w["chem1"], DAY, include_blocked=False)) == 4
        # the afternoon is free for 郑已排 (booked in the morning)
        pm = {r.name: r for r in svc.recommend(s, w["chem1"], DAY, "pm")}
        assert pm["郑已排"].blocked is None and "本月已安排1次" in pm["郑已排"].reasons


def test_town_experience_follows_new_visits(crafted):
    """The town counts are kept between recommendations until a visit changes; then they are counted again."""
    w = crafted
    with session_scope(w["factory"]) as s:
        before = {r.name: r for r in svc.recommend(s, w["chem1"], DAY)}
    assert not any("到本镇企业检查" in x for x in before["李建国"].reasons)
    with session_scope(w["factory"]) as s:  # 李建国 inspects another firm of the same town
        past_visit(s, DAY - timedelta(days=20), VisitStatus.DONE, [w["li"]], [w["chem2"]])
    with session_scope(w["factory"]) as s:
        after = {r.name: r for r in svc.recommend(s, w["chem1"], DAY)}
    assert "近12个月到本镇企业检查1次" in after["李建国"].reasons
    assert after["李建国"].score > before["李建国"].score


def test_recommendation_rotation_horizon_and_monthly_cap(crafted, monkeypatch):
    w = crafted
    register(monkeypatch, w["factory"], schedule_same_firm_months=1, schedule_expert_monthly_max=2)
    with session_scope(w["factory"]) as s:
        by = {r.name: r for r in svc.recommend(s, w["chem1"], DAY)}
    # with N = 1 month a visit 59 days ago no longer costs 王芳 anything; the town visit puts him first
    assert by["王芳"].reasons[2] == "近1个月未到过该企业（上次2027-01-10）" and by["王芳"].score == 132
    assert by["孙忙"].reasons[1] == "本月已安排2次（已达每月2次上限）"


def test_recommendation_ignores_the_visit_being_edited(crafted):
    w = crafted
    vid = create(w, expert_ids=[w["li"]])
    with session_scope(w["factory"]) as s:
        assert next(r for r in svc.recommend(s, w["chem1"], DAY) if r.name == "李建国").blocked is not None
        li = next(r for r in svc.recommend(s, w["chem1"], DAY, visit_id=vid) if r.name == "李建国")
        assert li.blocked is None and li.score == 130
