"""The registry's service layer on both databases: validation, duplicates, optimistic locking, search."""

from __future__ import annotations

from dataclasses import replace

import pytest

from models.db import session_scope
from models.entities import AuditEntry, Enterprise
from models.enums import EnterpriseStatus, RiskLevel
from models.services import enterprises as svc
from models.services.errors import ConcurrentEdit, ValidationFailed
from tests import factories as f


def test_create_and_read_back(factory):
    with session_scope(factory) as s:
        t = f.town(s)
        v = f.village(s, t)
        eid = svc.create(s, f.enterprise_input(t, village_id=v, risk_level=RiskLevel.RED, is_high_risk=True), "张三")
    with session_scope(factory) as s:
        a = svc.archive(s, eid)
        assert a.data.name == "汨罗市测试1号化工有限公司"
        assert a.town == "归义镇" and a.village == "上马社区"
        assert a.version == 1
        assert [h.new_status for h in a.status_history] == [EnterpriseStatus.NORMAL]
        assert s.query(AuditEntry).filter_by(entity_id=eid, action="create").count() == 1


def test_bad_uscc_and_required_fields_are_refused_and_nothing_saved(factory):
    with session_scope(factory) as s:
        t = f.town(s)
    bad = f.enterprise_input(t, uscc=f.code(1)[:-1] + "0", name="  ", sector="")
    with pytest.raises(ValidationFailed) as exc, session_scope(factory) as s:
        svc.create(s, bad)
    fields = {e.field for e in exc.value.errors}
    assert fields == {"uscc", "name", "sector"}
    assert "第18位应为" in str(exc.value)
    with session_scope(factory) as s:
        assert s.query(Enterprise).count() == 0


def test_duplicate_uscc_refused_even_when_typed_lowercase_fullwidth(factory):
    with session_scope(factory) as s:
        t = f.town(s)
        svc.create(s, f.enterprise_input(t, 7))
    fullwidth = "".join(chr(ord(c) + 0xFEE0) for c in f.code(7)).lower()
    with pytest.raises(ValidationFailed, match="已登记为"), session_scope(factory) as s:
        svc.create(s, f.enterprise_input(t, 8, uscc=fullwidth))


def test_second_save_of_a_stale_version_is_refused(factory):
    with session_scope(factory) as s:
        t = f.town(s)
        eid = svc.create(s, f.enterprise_input(t))
    # Two users open the same archive (version 1).
    with session_scope(factory) as s:
        first = svc.archive(s, eid)
    with session_scope(factory) as s:
        second = svc.archive(s, eid)
    with session_scope(factory) as s:
        svc.update(s, eid, replace(first.data, legal_rep="李四"), first.version, "用户甲")
    with pytest.raises(ConcurrentEdit, match="其他用户修改"), session_scope(factory) as s:
        svc.update(s, eid, replace(second.data, legal_rep="王五"), second.version, "用户乙")
    with session_scope(factory) as s:
        a = svc.archive(s, eid)
        assert a.data.legal_rep == "李四" and a.version == 2


def test_simultaneous_saves_one_wins_at_the_database(factory):
    """Both sessions passed the version check before either wrote: the row-version guard refuses the second."""
    with session_scope(factory) as s:
        t = f.town(s)
        eid = svc.create(s, f.enterprise_input(t))
    s1, s2 = factory(), factory()
    try:
        a1, a2 = svc.archive(s1, eid), svc.archive(s2, eid)
        svc.update(s1, eid, replace(a1.data, notes="甲"), a1.version)
        s1.commit()
        with pytest.raises(ConcurrentEdit):
            svc.update(s2, eid, replace(a2.data, notes="乙"), 1)
        s2.rollback()
    finally:
        s1.close()
        s2.close()
    with session_scope(factory) as s:
        assert svc.archive(s, eid).data.notes == "甲"


def test_status_change_needs_reason_and_is_kept_in_history(factory):
    with session_scope(factory) as s:
        t = f.town(s)
        eid = svc.create(s, f.enterprise_input(t))
    with session_scope(factory) as s:
        a = svc.archive(s, eid)
    with pytest.raises(ValidationFailed, match="变更原因"), session_scope(factory) as s:
        svc.update(s, eid, replace(a.data, status=EnterpriseStatus.RECTIFYING), a.version)
    with session_scope(factory) as s:
        svc.update(s, eid, replace(a.data, status=EnterpriseStatus.RECTIFYING, status_reason="重大隐患未整改"),
                   a.version, "赵六")
    with session_scope(factory) as s:
        hist = svc.archive(s, eid).status_history
        assert [(h.old_status, h.new_status, h.reason) for h in hist][-1] == (
            EnterpriseStatus.NORMAL, EnterpriseStatus.RECTIFYING, "重大隐患未整改")


def test_search_by_name_pinyin_initials_uscc_and_filters(factory):
    with session_scope(factory) as s:
        t1 = f.town(s, "归义镇", 0)
        t2 = f.town(s, "新市镇", 1)
        svc.create(s, f.enterprise_input(t1, 1, name="汨罗市恒达化工有限公司", is_high_risk=True))
        svc.create(s, f.enterprise_input(t2, 2, name="新市镇顺发五金厂", sector="机械", in_park=True))
        svc.create(s, f.enterprise_input(t2, 3, name="汨罗樟香林产化工厂", sector="樟脑油",
                                         risk_level=RiskLevel.ORANGE))
    with session_scope(factory) as s:
        def names(**kw):
            ids = svc.find_ids(s, svc.EnterpriseFilter(**kw))
            return sorted(r.name for r in svc.rows(s, ids).values())

        assert names(text="恒达") == ["汨罗市恒达化工有限公司"]
        assert names(text="mlshd") == ["汨罗市恒达化工有限公司"]
        assert names(text=f.code(2)[-6:].lower()) == ["新市镇顺发五金厂"]
        assert names(text="化工 汨罗") == ["汨罗市恒达化工有限公司", "汨罗樟香林产化工厂"]
        assert names(town_id=t2) == ["新市镇顺发五金厂", "汨罗樟香林产化工厂"]
        assert names(sector="樟脑油") == ["汨罗樟香林产化工厂"]
        assert names(risk_level="none") == ["新市镇顺发五金厂", "汨罗市恒达化工有限公司"]
        assert names(high_risk=True) == ["汨罗市恒达化工有限公司"]
        assert names(in_park=True) == ["新市镇顺发五金厂"]
        assert names(text="100%") == []
        assert svc.count(s, svc.EnterpriseFilter(town_id=t2)) == 2
        by_risk = [svc.rows(s, [i])[i].name for i in svc.find_ids(s, sort="risk_level")]
        assert by_risk[0] == "汨罗樟香林产化工厂"
        by_town_desc = [svc.rows(s, [i])[i].town for i in svc.find_ids(s, sort="town", descending=True)]
        assert by_town_desc == ["新市镇", "新市镇", "归义镇"]


def test_names_sort_in_pinyin_order_as_the_office_reads_a_list(factory):
    with session_scope(factory) as s:
        t = f.town(s)
        for n, name in enumerate(["汨罗市长乐镇加油站", "安达化工厂", "白水五金厂", "长乐米业", "ABC商贸"]):
            svc.create(s, f.enterprise_input(t, n, name=name))
    with session_scope(factory) as s:
        ordered = [svc.rows(s, [i])[i].name for i in svc.find_ids(s)]
        assert ordered == ["ABC商贸", "安达化工厂", "白水五金厂", "长乐米业", "汨罗市长乐镇加油站"]
        # cháng lè, not zhǎng lè: the pinyin initials find it too
        assert [svc.rows(s, [i])[i].name for i in svc.find_ids(s, svc.EnterpriseFilter(text="mlsclz"))] == [
            "汨罗市长乐镇加油站"]
