"""Officers and supervisors on both databases: validation, certificates, enforcement eligibility, leave."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from models.db import session_scope
from models.entities import AuditEntry, Officer, Visit, VisitMember
from models.enums import MemberRole, VisitKind
from models.services import officers as svc
from models.services.errors import ConcurrentEdit, ValidationFailed

TODAY = date(2026, 6, 15)


def officer_input(n: int = 1, **overrides) -> svc.OfficerInput:  # type: ignore[no-untyped-def]
    data = svc.OfficerInput(name=f"张{n}", department="汨罗市应急管理局", certificate_no=f"43060123{n:03d}",
                            certificate_expiry=TODAY + timedelta(days=400), phone="13800138000")
    return replace(data, **overrides)


def add(factory, n: int = 1, **overrides):  # type: ignore[no-untyped-def]
    with session_scope(factory) as s:
        return svc.create_officer(s, officer_input(n, **overrides), "测试员")


def test_create_normalises_and_audits(factory):
    oid = add(factory, certificate_no=" ４３０６０１ａｂ ", phone="138-0013-8000")
    with session_scope(factory) as s:
        rec = svc.officer(s, oid)
        assert rec.data.certificate_no == "430601AB" and rec.data.phone == "13800138000"
        assert rec.version == 1 and rec.active
        assert s.query(AuditEntry).filter_by(entity_id=oid, action="create").count() == 1


def test_required_fields_format_and_lengths(factory):
    bad = officer_input(name=" ", department="", certificate_no="湘-123", phone="12345")
    with pytest.raises(ValidationFailed) as exc, session_scope(factory) as s:
        svc.create_officer(s, bad)
    by_field = {e.field: e.message for e in exc.value.errors}
    assert set(by_field) == {"name", "department", "certificate_no", "phone"}
    assert "数字和字母" in by_field["certificate_no"]
    long = officer_input(name="张" * 41, department="部" * 61, certificate_no="1" * 41)
    with pytest.raises(ValidationFailed) as exc, session_scope(factory) as s:
        svc.create_officer(s, long)
    assert {e.field for e in exc.value.errors} == {"name", "department", "certificate_no"}
    with pytest.raises(ValidationFailed, match="同时填写有效期"), session_scope(factory) as s:
        svc.create_officer(s, officer_input(certificate_expiry=None))
    with pytest.raises(ValidationFailed, match="同时填写执法证号"), session_scope(factory) as s:
        svc.create_officer(s, officer_input(certificate_no=""))
    with session_scope(factory) as s:
        assert s.query(Officer).count() == 0
    # No certificate at all is allowed (newly seconded): state 未登记.
    add(factory, certificate_no="", certificate_expiry=None)


def test_duplicate_certificate_refused_also_on_update(factory):
    add(factory, 1)
    with pytest.raises(ValidationFailed, match="已登记为“张1”"), session_scope(factory) as s:
        svc.create_officer(s, officer_input(2, certificate_no="43060123001"))
    other = add(factory, 2)
    with session_scope(factory) as s:
        rec = svc.officer(s, other)
    with pytest.raises(ValidationFailed, match="不能重复"), session_scope(factory) as s:
        svc.update_officer(s, other, replace(rec.data, certificate_no="43060123001"), rec.version)
    with session_scope(factory) as s:  # keeping its own number is no duplicate
        assert svc.update_officer(s, other, replace(rec.data, phone="0730-5212345"), rec.version) == 2


def test_stale_update_is_refused(factory):
    oid = add(factory)
    with session_scope(factory) as s:
        first = svc.officer(s, oid)
    with session_scope(factory) as s:
        svc.update_officer(s, oid, replace(first.data, department="汨罗市公安局"), first.version, "甲")
    with pytest.raises(ConcurrentEdit, match="其他用户修改"), session_scope(factory) as s:
        svc.update_officer(s, oid, replace(first.data, phone="13900139000"), first.version, "乙")
    with pytest.raises(ConcurrentEdit), session_scope(factory) as s:
        svc.deactivate_officer(s, oid, expected_version=first.version)
    with session_scope(factory) as s:
        rec = svc.officer(s, oid)
        assert rec.data.department == "汨罗市公安局" and rec.data.phone == "13800138000" and rec.version == 2
        assert s.query(AuditEntry).filter_by(entity_id=oid, action="update").count() == 1


@pytest.mark.parametrize(("offset", "state", "label"), [
    (-1, svc.CERT_EXPIRED, "已过期"),
    (0, svc.CERT_EXPIRING, "即将到期（30天内）"),
    (30, svc.CERT_EXPIRING, "即将到期（30天内）"),
    (31, svc.CERT_VALID, "有效"),
])
def test_certificate_state_boundaries(factory, offset, state, label):
    add(factory, certificate_expiry=TODAY + timedelta(days=offset))
    with session_scope(factory) as s:
        (row,) = svc.officers(s, today=TODAY, days=30)
        assert (row.cert_state, row.cert_label, row.days_left) == (state, label, offset)
        expiring = svc.expiring_certificates(s, TODAY, 30)
        assert [r.id for r in expiring] == ([row.id] if state == svc.CERT_EXPIRING else [])
        assert [r.id for r in svc.expired_certificates(s, TODAY)] == ([row.id] if state == svc.CERT_EXPIRED else [])


def test_filters_and_search(factory):
    a = add(factory, 1, name="李明", certificate_expiry=TODAY + timedelta(days=5))
    b = add(factory, 2, name="王强", department="汨罗市公安局", certificate_expiry=TODAY - timedelta(days=3))
    c = add(factory, 3, name="赵刚", certificate_no="", certificate_expiry=None)
    with session_scope(factory) as s:
        svc.deactivate_officer(s, c)
    with session_scope(factory) as s:
        ids = lambda **kw: [r.id for r in svc.officers(s, svc.OfficerFilter(**kw), TODAY, 30)]  # noqa: E731
        assert ids() == [a, b, c]  # pinyin: li, wang, zhao
        assert ids(department="汨罗市公安局") == [b]
        assert ids(active=True) == [a, b] and ids(active=False) == [c]
        assert ids(certificate=svc.CERT_EXPIRING) == [a]
        assert ids(certificate=svc.CERT_EXPIRED) == [b]
        assert ids(certificate=svc.CERT_MISSING) == [c]
        assert ids(text="wq") == [b] and ids(text="43060123001") == [a]
        assert svc.departments_in_use(s) == ["汨罗市公安局", "汨罗市应急管理局"]
        assert svc.expiring_certificates(s, TODAY, 30)[0].name == "李明"


def test_valid_for_enforcement(factory):
    ok = add(factory, 1)
    inactive = add(factory, 2)
    none = add(factory, 3, certificate_no="", certificate_expiry=None)
    expired = add(factory, 4, certificate_expiry=TODAY - timedelta(days=1))
    on_leave = add(factory, 5)
    with session_scope(factory) as s:
        svc.deactivate_officer(s, inactive)
        svc.add_leave(s, on_leave, svc.LeaveInput(TODAY - timedelta(days=2), TODAY + timedelta(days=2), "培训"))
    with session_scope(factory) as s:
        assert svc.valid_for_enforcement(s, ok, TODAY) is None
        assert "已停用" in svc.valid_for_enforcement(s, inactive, TODAY)
        assert "未登记执法证" in svc.valid_for_enforcement(s, none, TODAY)
        assert "到期" in svc.valid_for_enforcement(s, expired, TODAY)
        assert svc.valid_for_enforcement(s, expired, TODAY - timedelta(days=1)) is None  # the expiry day is valid
        msg = svc.valid_for_enforcement(s, on_leave, TODAY)
        assert "请假（培训）" in msg and "张5" in msg
        assert svc.valid_for_enforcement(s, on_leave, TODAY + timedelta(days=3)) is None


def test_leave_overlap_and_order_refused(factory):
    oid = add(factory)
    with session_scope(factory) as s:
        lid = svc.add_leave(s, oid, svc.LeaveInput(date(2026, 7, 1), date(2026, 7, 10), "年假"))
    for start, end in ((date(2026, 7, 10), date(2026, 7, 12)), (date(2026, 6, 25), date(2026, 7, 1)),
                       (date(2026, 7, 3), date(2026, 7, 4)), (date(2026, 6, 1), date(2026, 8, 1))):
        with pytest.raises(ValidationFailed, match="时间重叠"), session_scope(factory) as s:
            svc.add_leave(s, oid, svc.LeaveInput(start, end))
    with pytest.raises(ValidationFailed, match="不能早于"), session_scope(factory) as s:
        svc.add_leave(s, oid, svc.LeaveInput(date(2026, 8, 5), date(2026, 8, 4)))
    with session_scope(factory) as s:  # adjacent is fine; a one-day leave too
        svc.add_leave(s, oid, svc.LeaveInput(date(2026, 7, 11), date(2026, 7, 11)))
        assert [(r.start.day, r.end.day) for r in svc.leaves(s, oid)] == [(1, 10), (11, 11)]
    with session_scope(factory) as s:
        svc.delete_leave(s, lid)
        svc.add_leave(s, oid, svc.LeaveInput(date(2026, 7, 3), date(2026, 7, 4)))


def test_deactivate_reactivate_and_no_delete_when_on_a_visit(factory):
    oid = add(factory)
    spare = add(factory, 2)
    with session_scope(factory) as s:
        visit = Visit(kind=next(iter(VisitKind)).value, day=date.today() + timedelta(days=3))
        s.add(visit)
        s.flush()
        s.add(VisitMember(visit_id=visit.id, role=MemberRole.OFFICER.value, officer_id=oid))
    with session_scope(factory) as s:
        assert svc.upcoming_visits(s, date.today(), officer_id=oid) == 1
        v = svc.deactivate_officer(s, oid, expected_version=1, actor="甲")
        assert v == 2
    with session_scope(factory) as s:
        assert not svc.officer(s, oid).active
        assert svc.officers(s, svc.OfficerFilter(active=True))[0].id == spare
        assert svc.reactivate_officer(s, oid) == 3
        actions = [a for (a,) in s.query(AuditEntry.action).filter_by(entity_id=oid)]
        assert "deactivate" in actions
    with pytest.raises(svc.InUse, match="不能删除"), session_scope(factory) as s:
        svc.delete_officer(s, oid)
    with session_scope(factory) as s:
        svc.delete_officer(s, spare)
        assert s.get(Officer, oid) is not None and s.get(Officer, spare) is None


def test_supervisors_crud(factory):
    with pytest.raises(ValidationFailed) as exc, session_scope(factory) as s:
        svc.create_supervisor(s, svc.SupervisorInput(name="", affiliation="代" * 61, phone="abc"))
    assert {e.field for e in exc.value.errors} == {"name", "affiliation", "phone"}
    with session_scope(factory) as s:
        sid = svc.create_supervisor(s, svc.SupervisorInput("周敏", "汨罗市人大代表", "１３９００１３９０００"))
        svc.create_supervisor(s, svc.SupervisorInput("陈华", "汨罗市政协委员"))
    with session_scope(factory) as s:
        rec = svc.supervisor(s, sid)
        assert rec.data.phone == "13900139000"
        assert svc.update_supervisor(s, sid, replace(rec.data, affiliation="汨罗市政协委员"), rec.version) == 2
    with pytest.raises(ConcurrentEdit), session_scope(factory) as s:
        svc.update_supervisor(s, sid, rec.data, rec.version)
    with session_scope(factory) as s:
        svc.deactivate_supervisor(s, sid)
    with session_scope(factory) as s:
        assert [r.name for r in svc.supervisors(s)] == ["陈华", "周敏"]
        assert [r.name for r in svc.supervisors(s, svc.SupervisorFilter(active=True))] == ["陈华"]
        assert [r.name for r in svc.supervisors(s, svc.SupervisorFilter(text="zm"))] == ["周敏"]
        svc.delete_supervisor(s, sid)
        assert len(svc.supervisors(s)) == 1


def test_warning_days_default(factory):
    with session_scope(factory) as s:
        assert svc.warning_days(s) == 30
