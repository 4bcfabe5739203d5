"""The expert pool's service layer on both databases: validation, optimistic locking, search, fields, recusal,
unavailable periods, annual grades and the work file."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, timedelta

import pytest

from models.db import session_scope
from models.entities import AuditEntry, Expert, Hazard, Visit, VisitMember, VisitStop
from models.enums import MemberRole, PersonStatus, Severity, VisitKind, VisitStatus
from models.services import enterprises
from models.services import experts as svc
from models.services.errors import ConcurrentEdit, NotFound, ValidationFailed
from models.services.settings import DEFAULTS as settings_defaults
from tests import factories as f


@pytest.fixture
def pool(factory):
    """Two fields, a firm, and no experts yet."""
    with session_scope(factory) as s:
        chem = svc.add_specialty(s, "危险化学品", ["危险化学品", "成品油"], "测试员")
        fire = svc.add_specialty(s, "消防", ["人员密集场所"], "测试员")
        t = f.town(s)
        firm = enterprises.create(s, f.enterprise_input(t, 1))
        firm2 = enterprises.create(s, f.enterprise_input(t, 2))
    return {"chem": chem, "fire": fire, "firm": firm, "firm2": firm2, "factory": factory}


def _expert(factory, specialty_ids, **kw) -> uuid.UUID:  # type: ignore[no-untyped-def]
    data = svc.ExpertInput(name=kw.pop("name", "李建国"), phone=kw.pop("phone", "13800138000"),
                           employer=kw.pop("employer", "湖南岳安安全科技有限公司"), title="高级工程师",
                           specialty_ids=list(specialty_ids), **kw)
    with session_scope(factory) as s:
        return svc.create(s, data, "测试员")


def test_validation_messages_in_chinese_and_nothing_saved(pool):
    factory = pool["factory"]
    bad = svc.ExpertInput(name="  ", phone="12345", specialty_ids=[], employer="单" * 101,
                          term_start=date(2026, 1, 1), term_end=date(2025, 12, 31), status="retired")
    with pytest.raises(ValidationFailed) as exc, session_scope(factory) as s:
        svc.create(s, bad)
    by_field = {e.field: e.message for e in exc.value.errors}
    assert set(by_field) == {"name", "phone", "specialty_ids", "employer", "term_end", "status"}
    assert by_field["name"] == "姓名不能为空。"
    assert "格式不正确" in by_field["phone"]
    assert by_field["specialty_ids"] == "请至少选择一个专业领域。"
    assert by_field["term_end"] == "聘期止不能早于聘期起。"
    assert "最多100字" in by_field["employer"]
    with pytest.raises(ValidationFailed, match="已不存在"), session_scope(factory) as s:
        svc.create(s, svc.ExpertInput(name="王五", specialty_ids=[uuid.uuid4()]))
    with session_scope(factory) as s:
        assert s.query(Expert).count() == 0


def test_create_normalises_and_reads_back_with_audit(pool):
    factory = pool["factory"]
    eid = _expert(factory, [pool["fire"], pool["chem"]], phone="138-0013-8000", group_name="危化组",
                  term_start=date(2025, 1, 1), term_end=date(2027, 12, 31))
    with session_scope(factory) as s:
        rec = svc.get(s, eid)
        assert rec.version == 1 and rec.data.phone == "13800138000"
        assert rec.data.specialty_ids == [pool["fire"], pool["chem"]] or set(rec.data.specialty_ids) == {
            pool["fire"], pool["chem"]}
        assert s.query(AuditEntry).filter_by(entity_id=eid, action="create").count() == 1


def test_update_conflict_and_specialty_change_bumps_version(pool):
    factory = pool["factory"]
    eid = _expert(factory, [pool["chem"]])
    with session_scope(factory) as s:
        first = svc.get(s, eid)
    with session_scope(factory) as s:
        second = svc.get(s, eid)
    with session_scope(factory) as s:
        v = svc.update(s, eid, replace(first.data, specialty_ids=[pool["chem"], pool["fire"]]), first.version, "甲")
    assert v == 2  # only the fields changed: the version still moves
    with pytest.raises(ConcurrentEdit, match="其他用户修改"), session_scope(factory) as s:
        svc.update(s, eid, replace(second.data, title="正高级工程师"), second.version, "乙")
    with session_scope(factory) as s:
        rec = svc.get(s, eid)
        assert rec.data.title == "高级工程师" and set(rec.specialties) == {"危险化学品", "消防"}
        assert s.query(AuditEntry).filter_by(entity_id=eid, action="update").count() == 1
    with pytest.raises(NotFound), session_scope(factory) as s:
        svc.update(s, uuid.uuid4(), first.data, 1)
    with session_scope(factory) as s:
        same = svc.get(s, eid)
        assert svc.update(s, eid, same.data, same.version) == same.version  # nothing changed: no new version


def test_simultaneous_saves_one_wins_at_the_database(pool):
    factory = pool["factory"]
    eid = _expert(factory, [pool["chem"]])
    s1, s2 = factory(), factory()
    try:
        a1, a2 = svc.get(s1, eid), svc.get(s2, eid)
        svc.update(s1, eid, replace(a1.data, notes="甲"), a1.version)
        s1.commit()
        with pytest.raises(ConcurrentEdit):
            svc.update(s2, eid, replace(a2.data, notes="乙"), a2.version)
    finally:
        s2.rollback()
        s1.close()
        s2.close()


def test_status_change_needs_a_reason(pool):
    factory = pool["factory"]
    eid = _expert(factory, [pool["chem"]])
    with pytest.raises(ValidationFailed, match="请填写原因"), session_scope(factory) as s:
        svc.set_status(s, eid, PersonStatus.SUSPENDED, 1, "")
    with session_scope(factory) as s:
        assert svc.set_status(s, eid, PersonStatus.SUSPENDED, 1, "本人申请", "测试员") == 2
    with session_scope(factory) as s:
        rec = svc.get(s, eid)
        assert rec.data.status == PersonStatus.SUSPENDED and "本人申请" in rec.data.notes
        assert not svc.is_available(s, eid, date.today())


def test_search_and_filters(pool):
    factory = pool["factory"]
    _expert(factory, [pool["chem"]], name="李建国", group_name="危化组")
    _expert(factory, [pool["fire"]], name="王芳", phone="0730-5212345", employer="岳阳楚天消防技术服务有限公司",
            group_name="综合组")
    z = _expert(factory, [pool["chem"], pool["fire"]], name="张伟", phone="13900000001", group_name="综合组")
    with session_scope(factory) as s:
        svc.set_status(s, z, PersonStatus.DISMISSED, 1, "聘期内调离")
    with session_scope(factory) as s:
        assert [r.name for r in svc.search(s)] == ["李建国", "王芳", "张伟"]  # pinyin order
        assert [r.name for r in svc.search(s, svc.ExpertFilter(text="楚天"))] == ["王芳"]
        assert [r.name for r in svc.search(s, svc.ExpertFilter(text="5212345"))] == ["王芳"]
        assert [r.name for r in svc.search(s, svc.ExpertFilter(text="ljg"))] == ["李建国"]  # pinyin initials
        assert [r.name for r in svc.search(s, svc.ExpertFilter(specialty_id=pool["fire"]))] == ["王芳", "张伟"]
        assert [r.name for r in svc.search(s, svc.ExpertFilter(status=PersonStatus.ACTIVE,
                                                               specialty_id=pool["chem"]))] == ["李建国"]
        assert [r.name for r in svc.search(s, svc.ExpertFilter(group_name="综合组"))] == ["王芳", "张伟"]
        row = svc.search(s, svc.ExpertFilter(text="张伟"))[0]
        assert row.specialties == ("危险化学品", "消防") and row.status == PersonStatus.DISMISSED
        assert svc.groups(s) == ["危化组", "综合组"]


def test_specialty_vocabulary(pool):
    factory = pool["factory"]
    _expert(factory, [pool["chem"]])
    with session_scope(factory) as s:
        new = svc.add_specialty(s, "粉尘涉爆", ["粉尘涉爆"])
        svc.rename_specialty(s, new, "粉尘涉爆（工贸）")
        svc.set_specialty_sectors(s, new, ["粉尘涉爆", "轻工", "轻工", " "])
    with pytest.raises(ValidationFailed, match="已存在"), session_scope(factory) as s:
        svc.add_specialty(s, "消防")
    with pytest.raises(ValidationFailed, match="不能为空"), session_scope(factory) as s:
        svc.rename_specialty(s, new, " ")
    with pytest.raises(ValidationFailed, match="仍有 1 名专家使用，不能删除"), session_scope(factory) as s:
        svc.delete_specialty(s, pool["chem"])
    with session_scope(factory) as s:
        svc.delete_specialty(s, new)
    with session_scope(factory) as s:
        rows = {r.name: r for r in svc.specialties(s)}
        assert set(rows) == {"危险化学品", "消防"}
        assert rows["危险化学品"].experts == 1 and rows["危险化学品"].sectors == ("危险化学品", "成品油")


def test_recusal_active_until_its_end_date(pool):
    factory = pool["factory"]
    eid = _expert(factory, [pool["chem"]])
    today = date.today()
    reasons = settings_defaults["expert_recusal_reasons"]
    with session_scope(factory) as s:
        rid = svc.add_recusal(s, eid, svc.RecusalInput(pool["firm"], reasons[2], "2025年做过安全评价",
                                                       today + timedelta(days=10)), "测试员")
    with session_scope(factory) as s:
        assert svc.is_recused(s, eid, pool["firm"], today) == reasons[2] + "（2025年做过安全评价）"
        assert svc.is_recused(s, eid, pool["firm"], today + timedelta(days=10)) is not None
        assert svc.is_recused(s, eid, pool["firm"], today + timedelta(days=11)) is None  # expired by ``until``
        assert svc.is_recused(s, eid, pool["firm2"], today) is None
    with pytest.raises(ValidationFailed, match="已有有效的回避记录"), session_scope(factory) as s:
        svc.add_recusal(s, eid, svc.RecusalInput(pool["firm"], reasons[0]))
    with pytest.raises(ValidationFailed) as exc, session_scope(factory) as s:
        svc.add_recusal(s, eid, svc.RecusalInput(None, "看心情", until=today - timedelta(days=1)))
    assert {e.field for e in exc.value.errors} == {"enterprise_id", "reason", "until"}
    with pytest.raises(ValidationFailed, match="具体情况"), session_scope(factory) as s:
        svc.add_recusal(s, eid, svc.RecusalInput(pool["firm2"], "其他利害关系"))
    with session_scope(factory) as s:
        svc.end_recusal(s, rid, today - timedelta(days=1))
        open_ended = svc.add_recusal(s, eid, svc.RecusalInput(pool["firm2"], reasons[1]))
    with session_scope(factory) as s:
        assert svc.is_recused(s, eid, pool["firm"], today) is None
        assert svc.is_recused(s, eid, pool["firm2"], date(2099, 1, 1)) == reasons[1]
        rows = svc.recusals(s, eid)
        assert [(r.active, r.id) for r in rows] == [(True, open_ended), (False, rid)]
        svc.delete_recusal(s, open_ended)
    with session_scope(factory) as s:
        assert len(svc.recusals(s, eid)) == 1


def test_unavailability_overlap_refused_and_is_available(pool):
    factory = pool["factory"]
    eid = _expert(factory, [pool["chem"]])
    other = _expert(factory, [pool["chem"]], name="王芳")
    with session_scope(factory) as s:
        uid = svc.add_unavailability(s, eid, svc.UnavailabilityInput(date(2026, 3, 1), date(2026, 3, 5), "年休假"))
        svc.add_unavailability(s, other, svc.UnavailabilityInput(date(2026, 3, 3), date(2026, 3, 4)))  # other expert
        svc.add_unavailability(s, eid, svc.UnavailabilityInput(date(2026, 3, 6), date(2026, 3, 6), "培训"))
    with pytest.raises(ValidationFailed, match="重叠"), session_scope(factory) as s:
        svc.add_unavailability(s, eid, svc.UnavailabilityInput(date(2026, 2, 27), date(2026, 3, 1)))
    with pytest.raises(ValidationFailed, match="结束日期不能早于开始日期"), session_scope(factory) as s:
        svc.add_unavailability(s, eid, svc.UnavailabilityInput(date(2026, 4, 2), date(2026, 4, 1)))
    with session_scope(factory) as s:
        assert not svc.is_available(s, eid, date(2026, 3, 1))
        assert "年休假" in svc.unavailable_reason(s, eid, date(2026, 3, 5))
        assert not svc.is_available(s, eid, date(2026, 3, 6))
        assert svc.is_available(s, eid, date(2026, 3, 7))
        assert svc.is_available(s, eid, date(2026, 2, 28))
        assert [u.start for u in svc.unavailabilities(s, eid)] == [date(2026, 3, 6), date(2026, 3, 1)]
        svc.delete_unavailability(s, uid)
    with session_scope(factory) as s:
        assert svc.is_available(s, eid, date(2026, 3, 2))


def test_availability_follows_term_of_engagement(pool):
    factory = pool["factory"]
    eid = _expert(factory, [pool["chem"]], term_start=date(2025, 1, 1), term_end=date(2026, 12, 31))
    with session_scope(factory) as s:
        assert svc.is_available(s, eid, date(2026, 6, 1))
        assert "聘期已于 2026-12-31 结束" in svc.unavailable_reason(s, eid, date(2027, 1, 1))
        assert not svc.is_available(s, eid, date(2024, 12, 31))


def test_one_grade_per_year(pool):
    factory = pool["factory"]
    eid = _expert(factory, [pool["chem"]])
    with session_scope(factory) as s:
        aid = svc.add_assessment(s, eid, 2025, "优秀", "全年参加检查12次")
        svc.add_assessment(s, eid, 2024, "称职")
    with pytest.raises(ValidationFailed, match="每年只能有一个考核等次"), session_scope(factory) as s:
        svc.add_assessment(s, eid, 2025, "称职")
    with pytest.raises(ValidationFailed, match="无效"), session_scope(factory) as s:
        svc.add_assessment(s, eid, 2023, "良好")
    with session_scope(factory) as s:
        svc.update_assessment(s, aid, "不称职", "复核后调整")
    with session_scope(factory) as s:
        assert [(a.year, a.grade) for a in svc.assessments(s, eid)] == [(2025, "不称职"), (2024, "称职")]


def _visit(s, day, status, members, firms, part="full"):  # type: ignore[no-untyped-def]
    v = Visit(kind=VisitKind.INSPECTION_EXPERT, day=day, status=status, part_of_day=part)
    s.add(v)
    s.flush()
    for i, firm in enumerate(firms):
        s.add(VisitStop(visit_id=v.id, enterprise_id=firm, seq=i))
    for expert_id, kw in members:
        s.add(VisitMember(visit_id=v.id, role=MemberRole.EXPERT, expert_id=expert_id, **kw))
    s.flush()
    return v.id


def test_work_file_counts(pool):
    factory = pool["factory"]
    eid = _expert(factory, [pool["chem"]])
    other = _expert(factory, [pool["chem"]], name="王芳")
    firm, firm2 = pool["firm"], pool["firm2"]
    with session_scope(factory) as s:
        _visit(s, date(2025, 3, 2), VisitStatus.DONE, [(eid, {"rating": 5}), (other, {"rating": 3})], [firm, firm2])
        v2 = _visit(s, date(2025, 5, 9), VisitStatus.DONE, [(eid, {"rating": 4, "remark": "认真"})], [firm], "am")
        _visit(s, date(2025, 6, 1), VisitStatus.DONE, [(eid, {})], [firm2])  # not rated yet
        _visit(s, date(2025, 7, 1), VisitStatus.SCHEDULED, [(eid, {})], [firm])  # not done: not counted
        _visit(s, date(2025, 8, 1), VisitStatus.DONE, [(eid, {"refused": True, "remark": "出差"})], [firm])
        _visit(s, date(2024, 11, 1), VisitStatus.DONE, [(eid, {"rating": 2})], [firm])
        for i, (sev, found, who) in enumerate([(Severity.GENERAL, date(2025, 3, 2), eid),
                                               (Severity.MAJOR, date(2025, 3, 2), eid),
                                               (Severity.GENERAL, date(2024, 11, 1), eid),
                                               (Severity.GENERAL, date(2025, 3, 2), other)]):
            s.add(Hazard(enterprise_id=firm, description=f"隐患{i}", severity=sev, found_on=found,
                         found_by_expert_id=who))
        svc.add_assessment(s, eid, 2025, "优秀")
        svc.add_assessment(s, eid, 2024, "称职")
    with session_scope(factory) as s:
        wf = svc.work_file(s, eid, 2025)
        assert wf.visits_done == 3 and wf.person_days == 2.5
        assert wf.hazards_found == 2 and wf.major_hazards == 1
        assert sorted(wf.ratings) == [4, 5] and wf.average_rating == 4.5
        assert wf.refused_count == 1 and wf.refused[0].remark == "出差"
        assert wf.fee_basis == "visit"
        assert wf.fees_owed == 3 * settings_defaults["expert_fee_per_visit"]
        assert [a.grade for a in wf.assessments] == ["优秀"]
        first = next(v for v in wf.visits if v.day == date(2025, 3, 2))
        assert first.firms == "汨罗市测试1号化工有限公司、汨罗市测试2号化工有限公司"
        assert next(v for v in wf.visits if v.visit_id == v2).remark == "认真"

        everything = svc.work_file(s, eid)
        assert everything.visits_done == 4 and everything.hazards_found == 3
        assert everything.average_rating == round((5 + 4 + 2) / 3, 2)
        assert len(everything.assessments) == 2


def test_work_file_fee_per_person_day(pool):
    from models.services import settings

    factory = pool["factory"]
    eid = _expert(factory, [pool["chem"]])
    with session_scope(factory) as s:  # the office's setting, as the settings table holds it
        settings.put(s, "expert_fee_basis", "person_day")
        settings.put(s, "expert_fee_per_person_day", 760)
    with session_scope(factory) as s:
        _visit(s, date(2025, 3, 2), VisitStatus.DONE, [(eid, {})], [pool["firm"]], "pm")
        _visit(s, date(2025, 3, 3), VisitStatus.DONE, [(eid, {})], [pool["firm"]])
    with session_scope(factory) as s:
        wf = svc.work_file(s, eid, 2025)
        assert wf.fee_basis == "person_day" and wf.person_days == 1.5
        assert wf.fees_owed == 1.5 * 760
