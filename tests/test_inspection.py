"""On-site recording (models/services/inspection.py) on SQLite and PostgreSQL: checklist → hazard, hazards outside
the checklist, per-field saving, finishing and its checks, template versions kept by past results."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from models.entities import ChecklistItem, ChecklistTemplate, Hazard, RectificationEvent, Visit, VisitStop
from models.enums import HazardStatus, Outcome, Severity, VisitStatus
from models.services import enterprises
from models.services import inspection as svc
from models.services import settings as settings_svc
from models.services.errors import ServiceError
from tests import factories as f

DAY = date(2026, 6, 10)


@pytest.fixture
def world(session):  # type: ignore[no-untyped-def]
    town = f.town(session)
    data = f.enterprise_input(town, 1, safety_manager="李安全")
    firm = enterprises.create(session, data)
    tid = f.template(session, n_items=4, major=(2,), deadline_days=None)
    vid, sid = f.visit_with_stop(session, firm, templates=(tid,), day=DAY)
    return {"firm": firm, "template": tid, "visit": vid, "stop": sid, "s": session}


def items(w):  # type: ignore[no-untyped-def]
    return svc.open_inspection(w["s"], w["stop"]).items


def test_open_shows_items_in_order_unanswered(world):
    data = svc.open_inspection(world["s"], world["stop"])
    assert [i.seq for i in data.items] == [1, 2, 3, 4]
    assert all(i.outcome is None for i in data.items)
    assert data.enterprise_name == "汨罗市测试1号化工有限公司"
    assert [t.name for t in data.templates] == ["通用安全检查表"]
    assert data.hazards == ()


def test_fail_creates_a_prefilled_hazard_and_major_criterion_makes_it_major(world):
    s = world["s"]
    first, second = items(world)[0], items(world)[1]

    change = svc.set_outcome(s, world["stop"], first.item_id, Outcome.FAIL, actor="张专家")
    svc.set_outcome(s, world["stop"], second.item_id, Outcome.FAIL, actor="张专家")

    data = svc.open_inspection(s, world["stop"])
    general, major = data.hazards
    assert change.hazard_created == general.id
    assert (general.description, general.basis, general.measure, general.category) == (
        first.text, first.basis, "措施1", "消防安全")
    assert general.severity == Severity.GENERAL and major.severity == Severity.MAJOR
    assert general.deadline == DAY + timedelta(days=settings_svc.DEFAULTS["hazard_deadline_days_general"])
    assert major.deadline == DAY + timedelta(days=settings_svc.DEFAULTS["hazard_deadline_days_major"])
    assert general.responsible_person == "李安全"
    assert [general.seq, major.seq] == [1, 2]
    assert data.item(first.item_id).hazard_id == general.id
    assert data.visit_status == VisitStatus.IN_PROGRESS  # recording started the visit
    # Failing the same item again does not make a second hazard.
    svc.set_outcome(s, world["stop"], first.item_id, Outcome.FAIL)
    assert s.execute(select(func.count()).select_from(Hazard)).scalar() == 2


def test_item_deadline_days_and_the_setting_decide_the_deadline(world):
    s = world["s"]
    settings_svc.put(s, "hazard_deadline_days_general", 7)
    item = s.execute(select(ChecklistItem).where(ChecklistItem.seq == 3)).scalar_one()
    item.deadline_days = 3
    s.flush()
    svc.set_outcome(s, world["stop"], items(world)[0].item_id, Outcome.FAIL)
    svc.set_outcome(s, world["stop"], item.id, Outcome.FAIL)
    a, b = svc.open_inspection(s, world["stop"]).hazards
    assert a.deadline == DAY + timedelta(days=7)
    assert b.deadline == DAY + timedelta(days=3)


def test_withdrawing_fail_removes_an_untouched_hazard_but_keeps_an_edited_one(world):
    s = world["s"]
    one, two = items(world)[0].item_id, items(world)[2].item_id
    svc.set_outcome(s, world["stop"], one, Outcome.FAIL)
    created = svc.set_outcome(s, world["stop"], two, Outcome.FAIL).hazard_created
    svc.update_hazard(s, created, "location", "仓库东侧")

    removed = svc.set_outcome(s, world["stop"], one, Outcome.PASS)
    kept = svc.set_outcome(s, world["stop"], two, Outcome.NOT_APPLICABLE)

    assert removed.hazard_removed is not None and kept.hazard_kept == created
    assert [h.id for h in svc.open_inspection(s, world["stop"]).hazards] == [created]


def test_hazard_fields_are_stored_one_by_one_and_checked(world):
    s = world["s"]
    hid = svc.add_hazard(s, world["stop"], description="配电箱未接地", category="电气安全")
    h = svc.update_hazard(s, hid, "location", "  二号车间  ")
    assert h.location == "二号车间"
    with pytest.raises(ServiceError, match="不能早于发现日期"):
        svc.update_hazard(s, hid, "deadline", DAY - timedelta(days=1))
    with pytest.raises(ServiceError, match="最多 100 个字"):
        svc.update_hazard(s, hid, "location", "东" * 101)
    with pytest.raises(ServiceError, match="未知的隐患等级"):
        svc.update_hazard(s, hid, "severity", "huge")
    # The default deadline follows the severity while nobody has set it by hand …
    h = svc.update_hazard(s, hid, "severity", Severity.MAJOR)
    assert h.deadline == DAY + timedelta(days=settings_svc.DEFAULTS["hazard_deadline_days_major"])
    # … but a deadline set by hand stays.
    svc.update_hazard(s, hid, "deadline", DAY + timedelta(days=5))
    h = svc.update_hazard(s, hid, "severity", Severity.GENERAL)
    assert h.deadline == DAY + timedelta(days=5)
    assert s.get(Hazard, hid).original_deadline == DAY + timedelta(days=5)  # still being recorded: the first one
    assert s.get(Hazard, hid).search_text.find("二号车间") >= 0


def test_summary_lists_what_blocks_finishing_then_finish_locks_and_closes_on_site_ones(world):
    s = world["s"]
    rows = items(world)
    svc.set_outcome(s, world["stop"], rows[0].item_id, Outcome.PASS)
    svc.set_outcome(s, world["stop"], rows[1].item_id, Outcome.FAIL)
    on_site = svc.add_hazard(s, world["stop"], description="安全出口堆放杂物")
    svc.update_hazard(s, on_site, "rectified_on_site", True)
    blank = svc.add_hazard(s, world["stop"])

    result = svc.summary(s, world["stop"])
    problems = "\n".join(result.problems)
    assert "还有 2 个检查项未判定" in problems
    assert "隐患 2：已立即整改，但缺少整改后的照片" in problems
    assert "隐患 3：未填写隐患描述" in problems and "隐患 3：未填写整改措施" in problems
    with pytest.raises(svc.FinishRefused):
        svc.finish(s, world["stop"])
    assert s.get(VisitStop, world["stop"]).done is False

    assert svc.set_all_unchecked(s, world["stop"], Outcome.NOT_APPLICABLE) == 2
    svc.delete_hazard(s, blank)
    photo = _photo(s)
    svc.add_hazard_photos(s, on_site, [photo], kind="after")
    done = svc.finish(s, world["stop"], actor="张专家")

    assert (done.passed, done.failed, done.not_applicable, done.unchecked) == (1, 1, 2, 0)
    assert (done.hazards_general, done.hazards_major, done.rectified_on_site) == (1, 1, 1)
    stop = s.get(VisitStop, world["stop"])
    assert stop.done and stop.finished_at is not None
    assert s.get(Visit, world["visit"]).status == VisitStatus.DONE
    closed = s.get(Hazard, on_site)
    assert closed.status == HazardStatus.CLOSED and closed.closed_on == DAY and closed.closed_by == "张专家"
    assert [e.kind for e in s.execute(select(RectificationEvent).where(
        RectificationEvent.hazard_id == on_site).order_by(RectificationEvent.at)).scalars()] == [
        "found", "rectified_on_site"]
    # A finished record is locked until reopened with a reason.
    with pytest.raises(ServiceError, match="已完成"):
        svc.set_note(s, world["stop"], rows[0].item_id, "补充")
    with pytest.raises(ServiceError, match="原因"):
        svc.reopen(s, world["stop"], " ")
    svc.reopen(s, world["stop"], "补记照片", actor="王科长")
    svc.set_note(s, world["stop"], rows[0].item_id, "补充")
    assert s.get(Visit, world["visit"]).status == VisitStatus.IN_PROGRESS


def _photo(s):  # type: ignore[no-untyped-def]
    from models.entities import Photo

    p = Photo(sha256="0" * 64, data=b"x", width=1, height=1)
    s.add(p)
    s.flush()
    return p.id


def test_item_notes_and_photos(world):
    s = world["s"]
    item = items(world)[0].item_id
    photo = _photo(s)
    svc.set_note(s, world["stop"], item, " 现场灭火器 3 具 ")
    svc.add_item_photos(s, world["stop"], item, [photo, photo])
    row = svc.open_inspection(s, world["stop"]).item(item)
    assert (row.note, row.photo_ids, row.outcome) == ("现场灭火器 3 具", (photo,), None)
    svc.remove_item_photo(s, world["stop"], item, photo)
    assert svc.open_inspection(s, world["stop"]).item(item).photo_ids == ()


def test_a_new_template_revision_does_not_change_a_past_inspection(world):
    s = world["s"]
    first = items(world)[0]
    svc.set_outcome(s, world["stop"], first.item_id, Outcome.PASS)
    old = s.get(ChecklistTemplate, world["template"])
    old.is_current = False
    new = ChecklistTemplate(code=old.code, revision=2, name=old.name, source=old.source)
    s.add(new)
    s.flush()
    s.add(ChecklistItem(template_id=new.id, seq=1, text="全新的检查项"))
    s.flush()

    data = svc.open_inspection(s, world["stop"])
    assert [t.revision for t in data.templates] == [1]
    assert data.item(first.item_id).outcome == Outcome.PASS
    assert "全新的检查项" not in [i.text for i in data.items]


def test_templates_cannot_be_removed_once_used_and_sector_filter(world):
    s = world["s"]
    chem = f.template(s, name="危化品重大隐患判定", code_="t-chem", n_items=2, sectors="危险化学品")
    dust = f.template(s, name="粉尘涉爆", code_="t-dust", n_items=2, sectors="粉尘涉爆")
    svc.set_templates(s, world["visit"], [world["template"], chem, dust])
    names = [t.name for t in svc.open_inspection(s, world["stop"]).templates]
    # The general checklist first; the firm is 危险化学品: no dust checklist here.
    assert names == ["通用安全检查表", "危化品重大隐患判定"]
    svc.set_outcome(s, world["stop"], items(world)[0].item_id, Outcome.PASS)
    with pytest.raises(ServiceError, match="“通用安全检查表”已有检查结果"):
        svc.set_templates(s, world["visit"], [chem])
    svc.set_templates(s, world["visit"], [world["template"]])  # removing unused ones is fine
    assert [t.name for t in svc.open_inspection(s, world["stop"]).templates] == ["通用安全检查表"]


def test_archive_lists_inspections_and_hazards(world):
    s = world["s"]
    rows = items(world)
    svc.set_outcome(s, world["stop"], rows[0].item_id, Outcome.FAIL)
    svc.set_outcome(s, world["stop"], rows[1].item_id, Outcome.FAIL)
    svc.set_outcome(s, world["stop"], rows[2].item_id, Outcome.PASS)
    (row,) = svc.enterprise_inspections(s, world["firm"])
    assert (row.day, row.items_checked, row.failed, row.hazards, row.major, row.done) == (DAY, 3, 2, 2, 1, False)
    assert [h.seq for h in svc.enterprise_hazards(s, world["firm"])] == [1, 2]


def test_cancelled_visit_cannot_be_recorded(world):
    s = world["s"]
    s.get(Visit, world["visit"]).status = VisitStatus.CANCELLED
    s.flush()
    with pytest.raises(ServiceError, match="已取消"):
        svc.set_outcome(s, world["stop"], items(world)[0].item_id, Outcome.PASS)


def test_a_reopened_inspection_cannot_rewrite_hazards_already_in_the_loop(world):
    s = world["s"]
    svc.set_all_unchecked(s, world["stop"], Outcome.NOT_APPLICABLE)
    hid = svc.add_hazard(s, world["stop"], description="灭火器过期", measure="更换")
    svc.finish(s, world["stop"])
    from models.services import rectification

    rectification.report_progress(s, hid, "已采购新灭火器", actor="企业")
    svc.reopen(s, world["stop"], "补记照片")
    for attempt in (lambda: svc.update_hazard(s, hid, "deadline", DAY + timedelta(days=300)),
                    lambda: svc.update_hazard(s, hid, "severity", Severity.MAJOR),
                    lambda: svc.delete_hazard(s, hid)):
        with pytest.raises(ServiceError, match="已进入整改跟踪"):
            attempt()
    assert s.get(Hazard, hid).deadline == DAY + timedelta(days=15)


def test_a_major_hazard_is_never_closed_on_the_spot(world):
    s = world["s"]
    hid = svc.add_hazard(s, world["stop"], description="粉尘涉爆场所设员工宿舍", severity=Severity.MAJOR)
    with pytest.raises(ServiceError, match="重大事故隐患不能按“立即整改”"):
        svc.update_hazard(s, hid, "rectified_on_site", True)
    general = svc.add_hazard(s, world["stop"], description="通道堆物")
    svc.update_hazard(s, general, "rectified_on_site", True)
    with pytest.raises(ServiceError, match="重大事故隐患不能按“立即整改”"):
        svc.update_hazard(s, general, "severity", Severity.MAJOR)


def test_entry_cannot_be_admitted_with_failed_items(world):
    from models.enums import EntryStatus

    s = world["s"]
    firm = enterprises.create(s, f.enterprise_input(f.town(s, "长乐镇"), 2, sector="樟脑油", legal_rep="易建国"))
    tid = f.template(s, name="樟脑油企业准入检查表", code_="t-camphor", n_items=2)
    _vid, stop = f.visit_with_stop(s, firm, kind="camphor_entry", templates=(tid,))
    first, second = svc.open_inspection(s, stop).items
    svc.set_outcome(s, stop, first.item_id, Outcome.FAIL)
    svc.set_outcome(s, stop, second.item_id, Outcome.PASS)
    svc.set_entry_verdict(s, stop, EntryStatus.ADMITTED, "")
    assert any("不能“准予准入”" in p for p in svc.summary(s, stop).problems)
    svc.set_entry_verdict(s, stop, EntryStatus.RECHECK, "储油间防火间距不足，整改后复查")
    assert svc.summary(s, stop).problems == ()
