"""The demo-data generator: the seed figures, valid registry records, determinism, refusal of a non-empty database."""

from __future__ import annotations

import shutil
from dataclasses import fields
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from models import uscc
from models.db import make_engine, make_session_factory, session_scope
from models.entities import (
    ChecklistItem,
    ChecklistResult,
    ChecklistTemplate,
    Enterprise,
    EnterpriseContact,
    EnterpriseLicence,
    EnterpriseStatusChange,
    EntryStatusChange,
    Expert,
    ExpertAssessment,
    ExpertRecusal,
    ExpertSpecialty,
    Hazard,
    HazardLibraryEntry,
    Officer,
    RectificationEvent,
    Specialty,
    Supervisor,
    Town,
    Unavailability,
    Village,
    Visit,
    VisitChecklist,
    VisitMember,
    VisitStop,
)
from models.enums import (
    SECTORS,
    EnterpriseStatus,
    EntryStatus,
    HazardStatus,
    MemberRole,
    Outcome,
    PersonStatus,
    Severity,
    VisitKind,
    VisitStatus,
)
from models.services import camphor, checklists, demo, hazard_library, inspection, settings
from models.services import enterprises as svc
from models.services import experts as experts_svc
from models.services.errors import ServiceError
from models.text import initials, phone_problem, search_key
from tests import factories as f

INPUT_FIELDS = [x.name for x in fields(svc.EnterpriseInput) if x.name != "status_reason"]
TODAY = date(2026, 6, 1)  # pins the fields relative to "today" (certificate expiry, licence validity, expert terms)


def _count(s: Session, entity, *where) -> int:  # type: ignore[no-untyped-def]
    return s.scalar(select(func.count()).select_from(entity).where(*where)) or 0


def test_seed_scale_matches_the_figures(factory):
    calls: list[tuple[int, int, str]] = []
    counts = demo.generate(factory, progress=lambda *a: calls.append(a), today=TODAY)

    firms = [c for c in calls if c[2] == "企业"]
    assert firms[0] == (0, 4027, "企业") and firms[-1] == (4027, 4027, "企业")
    assert [c[0] for c in firms] == sorted(c[0] for c in firms)
    visits = [c for c in calls if c[2] == "检查"]
    hazards = [c for c in calls if c[2] == "隐患"]
    assert calls[-len(visits) - len(hazards):] == visits + hazards  # visits, then the on-site records
    assert visits[0][0] == 0 and visits[-1][0] == visits[-1][1] > 0
    assert hazards[0] == (0, 578, "隐患") and hazards[-1] == (578, 578, "隐患")
    assert [c[0] for c in hazards] == sorted(c[0] for c in hazards)
    with session_scope(factory) as s:
        assert [t for t in s.scalars(select(Town.name).order_by(Town.sort_order))] == list(demo.TOWNS)
        assert _count(s, Village) == 179
        assert {(t, v) for t, v in s.execute(select(Town.name, Village.name).join(Village.town))} >= {
            ("归义镇", "上马社区"), ("神鼎山镇", "新龙村")}
        assert _count(s, Village, (Village.informant_name == "") | (Village.informant_phone.is_(None))) == 0

        assert _count(s, Enterprise) == 4027
        assert _count(s, Enterprise, Enterprise.is_high_risk) == 214
        assert _count(s, Enterprise, Enterprise.in_park) == 156
        park_towns = set(s.scalars(select(Town.name).join(Enterprise, Enterprise.town_id == Town.id)
                                   .where(Enterprise.in_park).distinct()))
        assert park_towns <= {"归义镇", "新市镇"}
        camphor = s.execute(select(Enterprise.status, Enterprise.entry_status).where(Enterprise.sector == "樟脑油")).all()
        assert len(camphor) == 23
        refused = [c for c in camphor if c.entry_status == EntryStatus.REFUSED]
        assert len(refused) == 12 and all(c.status == EnterpriseStatus.CLOSED for c in refused)
        assert {c.entry_status for c in camphor} - {EntryStatus.REFUSED} <= {EntryStatus.ADMITTED, EntryStatus.RECHECK}
        assert _count(s, Enterprise, Enterprise.entry_status.is_not(None), Enterprise.sector != "樟脑油") == 0
        sectors = dict(s.execute(select(Enterprise.sector, func.count()).group_by(Enterprise.sector)).all())
        assert set(sectors) == set(SECTORS)
        assert sectors["商贸"] > sectors["危险化学品"] > sectors["非煤矿山"]
        statuses = dict(s.execute(select(Enterprise.status, func.count()).group_by(Enterprise.status)).all())
        assert set(statuses) == {st.value for st in EnterpriseStatus}
        assert statuses[EnterpriseStatus.NORMAL] > 0.85 * 4027
        risk = dict(s.execute(select(Enterprise.risk_level, func.count()).group_by(Enterprise.risk_level)).all())
        assert 0 < risk["red"] < risk["orange"] < min(risk["yellow"], risk["blue"]) and risk[None] > 0
        high_red_orange = _count(s, Enterprise, Enterprise.is_high_risk, Enterprise.risk_level.in_(("red", "orange")))
        assert high_red_orange > 214 / 2

        # licences, contacts, history
        assert _count(s, EnterpriseLicence, EnterpriseLicence.kind == "营业执照") == 4027
        hazchem = _count(s, Enterprise, Enterprise.sector.in_(("危险化学品", "成品油")))
        assert _count(s, EnterpriseLicence, EnterpriseLicence.kind == "危险化学品经营许可证") == hazchem
        assert _count(s, EnterpriseLicence, EnterpriseLicence.kind == "安全生产标准化证书") > 0
        high_ids = set(s.scalars(select(Enterprise.id).where(Enterprise.is_high_risk)))
        assert set(s.scalars(select(EnterpriseContact.enterprise_id).distinct())) == high_ids
        assert _count(s, EnterpriseStatusChange, EnterpriseStatusChange.reason == "建档") == 4027
        assert _count(s, EnterpriseStatusChange, EnterpriseStatusChange.reason == "") == 0

        # people
        assert _count(s, Officer) == 15
        assert len(set(s.scalars(select(Officer.department)))) == 9
        assert _count(s, Officer, Officer.certificate_expiry <= TODAY + timedelta(days=30)) >= 1
        assert _count(s, Expert) == 14 and _count(s, Expert, Expert.status != PersonStatus.ACTIVE) == 0
        covered = {sector for sectors_ in s.scalars(select(Specialty.sectors)) for sector in sectors_}
        assert covered == set(SECTORS)
        with_expert = set(s.scalars(select(ExpertSpecialty.specialty_id).distinct()))
        assert with_expert == set(s.scalars(select(Specialty.id)))
        assert _count(s, Supervisor) == 10
        assert {a[-4:] for a in s.scalars(select(Supervisor.affiliation))} == {"人大代表", "政协委员"}

    assert counts["enterprises"] == 4027 and counts["high_risk"] == 214 and counts["in_park"] == 156
    assert (counts["camphor"], counts["camphor_refused"]) == (23, 12)
    assert (counts["towns"], counts["villages"], counts["officers"], counts["departments"]) == (15, 179, 15, 9)
    assert (counts["experts"], counts["supervisors"]) == (14, 10)
    assert counts["expert_person_times"] == 90 and counts["camphor_entry_checks"] == 23
    assert counts["hazards"] == 578 and counts["hazards_on_site"] >= 30


def _people_on(s: Session, visit_status: tuple[str, ...] | None = None) -> list:
    q = (select(Visit.id, Visit.kind, Visit.day, Visit.part_of_day, Visit.status, VisitMember.role,
                VisitMember.officer_id, VisitMember.expert_id, VisitMember.supervisor_id, VisitMember.refused,
                VisitMember.rating)
         .join(VisitMember, VisitMember.visit_id == Visit.id))
    if visit_status:
        q = q.where(Visit.status.in_(visit_status))
    return s.execute(q).all()


def test_seed_visits_follow_the_scheduling_rules(factory):
    counts = demo.generate(factory, seed=5, today=TODAY)
    with session_scope(factory) as s:
        rows = _people_on(s)
        # exactly 90 expert person-times on done visits, spread unevenly over the pool
        done = [r for r in rows if r.status == VisitStatus.DONE and r.role == MemberRole.EXPERT and not r.refused]
        assert len(done) == 90 == counts["expert_person_times"]
        per_expert: dict = {}
        for r in done:
            per_expert[r.expert_id] = per_expert.get(r.expert_id, 0) + 1
        assert len(per_expert) >= 8 and max(per_expert.values()) >= 2 * min(per_expert.values())
        rated = [r for r in done if r.rating is not None]
        assert len(rated) > 0.7 * len(done) and {r.rating for r in rated} <= {1, 2, 3, 4, 5}
        assert 0 < sum(r.refused for r in rows) == counts["refused_assignments"]

        visits = s.execute(select(Visit)).scalars().all()
        assert len(visits) == counts["visits"]
        kinds = {k: sum(v.kind == k for v in visits) for k in VisitKind}
        assert kinds[VisitKind.INSPECTION_EXPERT] > kinds[VisitKind.SPECIAL]
        assert kinds[VisitKind.ENFORCEMENT_EXPERT] > kinds[VisitKind.SPECIAL]
        assert kinds[VisitKind.REINSPECTION] > 0 and kinds[VisitKind.CAMPHOR_ENTRY] == 23
        for v in visits:
            if v.kind != VisitKind.CAMPHOR_ENTRY:
                assert TODAY - timedelta(days=366) <= v.day <= TODAY + timedelta(days=14), v.day
            assert v.day.weekday() < 5
            if v.day < TODAY:
                assert v.status in (VisitStatus.DONE, VisitStatus.CANCELLED)
            else:
                assert v.status in (VisitStatus.SCHEDULED, VisitStatus.PLANNED)
        assert any(v.status == VisitStatus.CANCELLED for v in visits)
        assert any(v.day >= TODAY for v in visits)

        # team: 2–3 officers (enforcement visits always two or more), at most one observer
        team: dict = {}
        for r in rows:
            t = team.setdefault(r.id, {"officer": 0, "expert": 0, "observer": 0, "kind": r.kind})
            t[r.role] += 0 if r.refused else 1
        for t in team.values():
            assert 2 <= t["officer"] <= 3 and t["observer"] <= 1
            if t["kind"] in (VisitKind.INSPECTION_EXPERT, VisitKind.ENFORCEMENT_EXPERT, VisitKind.CAMPHOR_ENTRY):
                assert 1 <= t["expert"] <= 2
        assert len(team) == len(visits)
        assert any(t["observer"] for t in team.values())

        # nobody double-booked on a day (half-days overlap unless one is am and the other pm)
        booked: dict = {}
        for r in rows:
            person = r.officer_id or r.expert_id or r.supervisor_id
            halves = {"am": {"am"}, "pm": {"pm"}}.get(r.part_of_day, {"am", "pm"})
            key = (person, r.day)
            assert not booked.get(key, set()) & halves, (person, r.day)
            booked[key] = booked.get(key, set()) | halves

        # route: 1–3 firms of one town, in order; experts only at firms their fields cover and not recused from
        stops = s.execute(select(VisitStop.visit_id, VisitStop.seq, Enterprise.id, Enterprise.sector,
                                 Enterprise.town_id, VisitStop.entry_verdict, Enterprise.entry_status)
                          .join(Enterprise, Enterprise.id == VisitStop.enterprise_id)).all()
        route: dict = {}
        for st in stops:
            route.setdefault(st.visit_id, []).append(st)
        assert set(route) == {v.id for v in visits}
        for firms in route.values():
            assert 1 <= len(firms) <= 3 and len({st.town_id for st in firms}) == 1
            assert sorted(st.seq for st in firms) == list(range(1, len(firms) + 1))
        covers: dict = {}
        for eid, sectors in s.execute(select(ExpertSpecialty.expert_id, Specialty.sectors)
                                      .join(Specialty, Specialty.id == ExpertSpecialty.specialty_id)):
            covers.setdefault(eid, set()).update(sectors)
        recused = {(a, b) for a, b in s.execute(select(ExpertRecusal.expert_id, ExpertRecusal.enterprise_id))}
        assert len(recused) == counts["recusals"] > 0
        reasons = set(s.scalars(select(ExpertRecusal.reason)))
        assert "近三年为该企业提供过有偿服务（安全评价、咨询、设计、培训）" in reasons
        leave = s.execute(select(Unavailability.expert_id, Unavailability.start, Unavailability.end)).all()
        assert len(leave) == counts["unavailabilities"] > 0
        terms = dict(s.execute(select(Expert.id, Expert.term_start)).all())
        for r in rows:
            if r.role != MemberRole.EXPERT:
                continue
            for st in route[r.id]:
                assert st.sector in covers[r.expert_id], (r.expert_id, st.sector)
                assert (r.expert_id, st.id) not in recused
            assert not any(u.expert_id == r.expert_id and u.start <= r.day <= u.end for u in leave)
            assert terms[r.expert_id] <= r.day

        # the 23 camphor-oil firms: one entry check each, in 2022 before the verdict, by the fitting fields
        camphor = {st.id: st for st in stops if st.sector == "樟脑油" and st.entry_verdict is not None}
        assert len(camphor) == 23
        assert all(st.entry_verdict == st.entry_status for st in camphor.values())
        names = dict(s.execute(select(Specialty.id, Specialty.name)).all())
        fields: dict = {}
        for eid, sid in s.execute(select(ExpertSpecialty.expert_id, ExpertSpecialty.specialty_id)):
            fields.setdefault(eid, set()).add(names[sid])
        verdicts = dict(s.execute(select(EnterpriseStatusChange.enterprise_id, EnterpriseStatusChange.changed_at)
                                  .where(EnterpriseStatusChange.reason.like("准入检查%"))).all())
        for v in visits:
            if v.kind == VisitKind.CAMPHOR_ENTRY:
                (st,) = route[v.id]
                assert v.status == VisitStatus.DONE and v.day.year == 2022
                if st.id in verdicts:
                    assert v.day <= verdicts[st.id].date()
                experts = [r.expert_id for r in rows if r.id == v.id and r.role == MemberRole.EXPERT]
                assert all(fields[x] & {"樟脑油/林产化工", "危险化学品"} for x in experts)

        # last year's grades for the experts in the pool then
        grades = s.execute(select(ExpertAssessment.year, ExpertAssessment.grade)).all()
        assert len(grades) == counts["assessments"] >= 10
        assert {y for y, _ in grades} == {TODAY.year - 1} and {g for _, g in grades} <= {"优秀", "称职", "不称职"}
        # the pool page opens on experts who joined this year: nothing in their leave, recusal or grade tabs
        for row in experts_svc.search(s)[:demo.NEW_EXPERTS]:
            assert row.term_start == date(TODAY.year, 1, 1)
            assert not (experts_svc.recusals(s, row.id) or experts_svc.unavailabilities(s, row.id)
                        or experts_svc.assessments(s, row.id))


def _team(s: Session) -> tuple[dict, dict]:
    """Per visit: the experts on the team (not declined) and their names."""
    experts: dict = {}
    for vid, xid in s.execute(select(VisitMember.visit_id, VisitMember.expert_id).where(
            VisitMember.role == MemberRole.EXPERT, VisitMember.refused.is_(False))):
        experts.setdefault(vid, set()).add(xid)
    return experts, dict(s.execute(select(Expert.id, Expert.name)).all())


def test_done_expert_visits_carry_checklists_results_and_exactly_578_hazards(factory):
    counts = demo.generate(factory, seed=2, today=TODAY)
    with session_scope(factory) as s:
        visits = {v.id: v for v in s.scalars(select(Visit))}
        stops = {st.id: st for st in s.scalars(select(VisitStop))}
        ents = {e.id: e for e in s.scalars(select(Enterprise))}
        experts, expert_names = _team(s)
        expert_visits = {vid for vid, v in visits.items() if v.status == VisitStatus.DONE and experts.get(vid)}

        # the visit's checklists are the ones the checklist service suggests for its kind and its firms' sectors
        attached: dict = {}
        for vid, tid in s.execute(select(VisitChecklist.visit_id, VisitChecklist.template_id)):
            attached.setdefault(vid, set()).add(tid)
        assert set(attached) == expert_visits
        suggested: dict = {}

        def suits(kind: str, sector: str) -> set:
            if (kind, sector) not in suggested:
                suggested[kind, sector] = {t.id for t in checklists.suggested_for(s, kind, sector)}
            return suggested[kind, sector]

        for vid in expert_visits:
            v = visits[vid]
            want = set().union(*(suits(v.kind, ents[st.enterprise_id].sector)
                                 for st in stops.values() if st.visit_id == vid))
            assert attached[vid] == want, v.kind

        # every item of the firm's checklists judged, by an expert of the team, on items of the attached revisions
        item_template = dict(s.execute(select(ChecklistItem.id, ChecklistItem.template_id)).all())
        results: dict = {}
        for r in s.scalars(select(ChecklistResult)):
            results.setdefault(r.stop_id, []).append(r)
        assert len(sum(results.values(), [])) == counts["checklist_results"]
        for sid, st in stops.items():
            v = visits[st.visit_id]
            if st.visit_id not in expert_visits:
                assert sid not in results
                if v.status == VisitStatus.DONE:  # 复查 by officers alone
                    assert st.done and st.recorded_by and st.summary
                continue
            assert st.done and st.summary and st.place and st.recorded_by in {expert_names[x] for x in experts[v.id]}
            assert st.started_at.date() == v.day == st.finished_at.date() and st.started_at < st.finished_at
            rs = results[sid]
            templates = suits(v.kind, ents[st.enterprise_id].sector)
            assert {item_template[r.item_id] for r in rs} == templates <= attached[v.id]
            n_items = sum(1 for t in item_template.values() if t in templates)
            assert len(rs) == len({r.item_id for r in rs}) == n_items
            assert {r.outcome for r in rs} <= {Outcome.PASS, Outcome.FAIL, Outcome.NOT_APPLICABLE}
            assert {r.recorded_by for r in rs} == {st.recorded_by}

        # 578 hazards, all found on those visits by an expert of the team, numbered per firm
        hazards = s.scalars(select(Hazard)).all()
        assert len(hazards) == 578 == counts["hazards"]
        by_stop: dict = {}
        for h in hazards:
            st = stops[h.stop_id]
            assert st.visit_id in expert_visits and h.visit_id == st.visit_id
            assert h.enterprise_id == st.enterprise_id and h.found_on == visits[h.visit_id].day
            assert h.found_by_expert_id in experts[h.visit_id] and h.found_by_officer_id is None
            by_stop.setdefault(h.stop_id, []).append(h.seq)
        assert all(sorted(seqs) == list(range(1, len(seqs) + 1)) for seqs in by_stop.values())
        assert len(by_stop) < len([sid for sid in stops if stops[sid].visit_id in expert_visits])  # some: none

        # a failing item's hazard is pre-filled from the item as inspection.set_outcome does; the others come
        # from the hazard library as the inspection screen's library search fills them
        failing = {(r.stop_id, r.item_id) for rs in results.values() for r in rs if r.outcome == Outcome.FAIL}
        assert failing == {(h.stop_id, h.checklist_item_id) for h in hazards if h.checklist_item_id}
        items = {i.id: i for i in s.scalars(select(ChecklistItem))}
        library = {e.text: e for e in hazard_library.entries(s, kind="hazard")}
        days = {Severity.GENERAL: settings.get(s, "hazard_deadline_days_general"),
                Severity.MAJOR: settings.get(s, "hazard_deadline_days_major")}
        from_library = 0
        for h in hazards:
            if h.checklist_item_id:
                it = items[h.checklist_item_id]
                assert (h.description, h.basis, h.category, h.measure) == (
                    it.text, it.basis, it.category, it.suggested_measure)
                assert (h.severity == Severity.MAJOR) == it.is_major_criterion
                assert h.deadline == h.found_on + timedelta(days=it.deadline_days or days[h.severity])
            else:
                from_library += 1
                e = library[h.description]
                assert (h.basis, h.category, h.measure, h.severity) == (e.basis, e.category, e.measure, e.severity)
                assert not e.sectors or ents[h.enterprise_id].sector in e.sectors
                assert h.deadline == h.found_on + timedelta(days=days[h.severity])
            ent = ents[h.enterprise_id]
            assert h.responsible_person == (ent.safety_manager or ent.legal_rep) != ""
            assert h.search_text == inspection._hazard_search_text(h)
            assert h.supervised == (h.severity == Severity.MAJOR)
        assert 0.1 * 578 < from_library < 0.4 * 578
        majors = sum(h.severity == Severity.MAJOR for h in hazards)
        assert 0.03 * 578 <= majors <= 0.05 * 578
        used = dict(s.execute(select(HazardLibraryEntry.text, HazardLibraryEntry.use_count)
                              .where(HazardLibraryEntry.kind == "hazard")).all())
        assert sum(used.values()) == from_library

        # rectification: 30+ on the spot; the rest found, most closed after re-inspection, a few open in the last
        # weeks (some past their deadline)
        events: dict = {}
        for ev in s.scalars(select(RectificationEvent).order_by(RectificationEvent.at)):
            events.setdefault(ev.hazard_id, []).append(ev)
        assert sum(map(len, events.values())) == counts["rectification_events"]
        on_site = [h for h in hazards if h.rectified_on_site]
        assert len(on_site) >= 30
        for h in hazards:
            ev = events[h.id]
            assert (ev[0].kind, ev[0].from_status, ev[0].to_status) == ("found", None, HazardStatus.PENDING)
            assert ev[0].at.date() == h.found_on and ev[0].visit_id == h.visit_id
            assert all(a.to_status == b.from_status and a.at <= b.at for a, b in zip(ev, ev[1:], strict=False))
            assert ev[-1].to_status == h.status and h.updated_at == ev[-1].at
            if h.rectified_on_site:
                assert [e.kind for e in ev] == ["found", "rectified_on_site"] and h.severity == Severity.GENERAL
                assert h.status == HazardStatus.CLOSED and h.closed_on == h.found_on
            elif h.status == HazardStatus.CLOSED:
                assert ev[-1].kind == "closed" and h.found_on < h.closed_on < TODAY
                assert ev[-1].at.date() == h.closed_on
            else:
                assert h.closed_on is None and h.found_on >= TODAY - timedelta(days=demo.OPEN_DAYS)
        closed = [h for h in hazards if h.status == HazardStatus.CLOSED]
        assert len(closed) > 0.85 * 578
        open_ = [h for h in hazards if h.status != HazardStatus.CLOSED]
        assert open_ and any(h.status == HazardStatus.PENDING and h.deadline < TODAY for h in open_)
        assert counts["hazards_open"] == len(open_)

        # the expert pool's work file counts them
        top = max(experts_svc.search(s), key=lambda x: sum(h.found_by_expert_id == x.id for h in hazards))
        found = [h for h in hazards if h.found_by_expert_id == top.id and h.found_on.year == TODAY.year]
        work = experts_svc.work_file(s, top.id, TODAY.year)
        assert work.hazards_found == len(found) > 0
        assert work.major_hazards == sum(h.severity == Severity.MAJOR for h in found)

        # the inspection screen opens a demo firm as recorded: every item judged, its hazards, nothing attached anew
        sid = max(by_stop, key=lambda k: (len(by_stop[k]), str(k)))
        n_checklists = s.scalar(select(func.count()).select_from(VisitChecklist))
        data = inspection.open_inspection(s, sid)
        assert data.done and data.visit_status == VisitStatus.DONE and data.recorded_by == stops[sid].recorded_by
        assert len(data.items) == len(results[sid]) and all(i.outcome is not None for i in data.items)
        assert {h.id for h in data.hazards} == {h.id for h in hazards if h.stop_id == sid}
        assert {i.item_id for i in data.items if i.outcome == Outcome.FAIL} == {
            i.item_id for i in data.items if i.hazard_id is not None}
        assert data.summary == stops[sid].summary and str(len(data.hazards)) in data.summary
        summary = inspection.summary(s, sid)
        assert summary.unchecked == 0 and summary.hazards == len(by_stop[sid])
        assert s.scalar(select(func.count()).select_from(VisitChecklist)) == n_checklists
        rows = inspection.enterprise_inspections(s, stops[sid].enterprise_id)
        assert any(r.stop_id == sid and r.hazards == len(by_stop[sid]) and r.items_checked == len(data.items)
                   for r in rows)


def test_camphor_entry_checks_have_item_results_verdicts_and_history(factory):
    demo.generate(factory, seed=4, today=TODAY)
    with session_scope(factory) as s:
        checks = s.execute(select(VisitStop, Visit.day).join(Visit, Visit.id == VisitStop.visit_id)
                           .where(Visit.kind == VisitKind.CAMPHOR_ENTRY)).all()
        assert len(checks) == 23
        assert sum(st.entry_verdict == EntryStatus.REFUSED for st, _ in checks) == 12
        camphor_items = set(s.scalars(select(ChecklistItem.id).join(ChecklistTemplate).where(
            ChecklistTemplate.code == "camphor_entry", ChecklistTemplate.is_current.is_(True))))
        assert len(camphor_items) == 12
        for st, day in checks:
            ent = s.get(Enterprise, st.enterprise_id)
            assert st.done and st.entry_verdict == ent.entry_status
            assert st.entry_halt_ref.startswith("2022年5月") and "停产停业决定" in st.entry_halt_ref
            assert st.entry_evidence and st.entry_reasons
            outcomes = dict(s.execute(select(ChecklistResult.item_id, ChecklistResult.outcome)
                                      .where(ChecklistResult.stop_id == st.id)).all())
            assert set(outcomes) == camphor_items
            failed = [i for i, o in outcomes.items() if o == Outcome.FAIL]
            hazards = s.scalars(select(Hazard).where(Hazard.stop_id == st.id)).all()
            assert sorted(h.checklist_item_id for h in hazards) == sorted(failed)
            if st.entry_verdict == EntryStatus.REFUSED:
                assert len(failed) >= 2
            elif st.entry_verdict == EntryStatus.ADMITTED:
                assert not failed
            else:
                assert failed
            # history: the May 2022 halt (未检查), then the verdict of this check; the firm's status is the last one
            history = camphor.history(s, ent.id)
            assert [(e.old_status, e.new_status, e.stop_id) for e in history] == [
                (None, EntryStatus.NOT_CHECKED, None), (EntryStatus.NOT_CHECKED, st.entry_verdict, st.id)]
            assert history[0].on == date(2022, 5, 20) and "2022年5月" in history[0].reason
            assert history[1].on >= day and history[1].visit_day == day and history[1].reason == st.entry_reasons
            assert history[-1].new_status == ent.entry_status
            check = camphor.last_check(s, ent.id)
            assert check is not None and check.stop_id == st.id and len(check.items) == 12
            assert len(check.failed) == len(failed)
        assert s.scalar(select(func.count()).select_from(EntryStatusChange)) == 46
        totals = camphor.totals(s)
        assert (totals["firms"], totals["checked"], totals[EntryStatus.REFUSED]) == (23, 23, 12)
        register = camphor.register(s, status=EntryStatus.REFUSED)
        assert len(register) == 12 and all(r.failed_items >= 2 and r.checks == 1 for r in register)
        assert all(r.enterprise_status == EnterpriseStatus.CLOSED for r in register)


def test_demo_firms_are_valid_registry_records(factory):
    demo.generate(factory, seed=3, today=TODAY)
    with session_scope(factory) as s:
        ents = s.scalars(select(Enterprise)).all()
        codes = [e.uscc for e in ents]
        assert all(uscc.is_valid(c) for c in codes)
        assert len(set(codes)) == len(codes) == 4027
        assert all(c.startswith(("91430681", "92430681", "93430681")) for c in codes)
        assert len({e.name for e in ents}) == 4027
        village_town = dict(s.execute(select(Village.id, Village.town_id)).all())
        town_names = dict(s.execute(select(Town.id, Town.name)).all())
        village_names = dict(s.execute(select(Village.id, Village.name)).all())
        for e in ents:
            assert e.search_text == search_key(e.name, e.uscc, e.address, e.legal_rep)
            data = svc.EnterpriseInput(**{k: getattr(e, k) for k in INPUT_FIELDS})
            assert svc.check_fields(data) == [], e.name
            assert village_town[e.village_id] == e.town_id
            assert e.address.startswith(f"汨罗市{town_names[e.town_id]}{village_names[e.village_id]}")
            assert e.legal_rep and e.legal_rep_phone
            assert e.version == 1
        assert any(e.safety_manager_phone.startswith("0730-") for e in ents)
        for phone in s.scalars(select(Village.informant_phone).union_all(select(Officer.phone),
                                                                         select(EnterpriseContact.phone))):
            assert phone_problem(phone) is None
        # history starts with 建档 and ends in the current status
        history: dict = {}
        for ch in s.scalars(select(EnterpriseStatusChange).order_by(EnterpriseStatusChange.changed_at)):
            history.setdefault(ch.enterprise_id, []).append(ch)
        for e in ents:
            h = history[e.id]
            assert (h[0].old_status, h[0].reason) == (None, "建档")
            assert h[-1].new_status == e.status
            assert all(a.new_status == b.old_status for a, b in zip(h, h[1:], strict=False))
        lic_ok = s.scalars(select(EnterpriseLicence).where(EnterpriseLicence.valid_until.is_not(None))).all()
        assert all(x.valid_from <= x.valid_until for x in lic_ok)


def test_registry_finds_demo_firms_by_pinyin_initials(factory):
    demo.generate(factory, today=TODAY)
    with session_scope(factory) as s:
        forest = s.execute(select(Enterprise.id, Enterprise.name)
                           .where(Enterprise.name.like("%林产化工有限公司")).order_by(Enterprise.name)).all()
        assert forest
        eid, name = forest[0]
        brand = name[3:5]  # 汨罗市XX林产化工有限公司
        query = "mls" + initials(brand) + "lchg"  # 汨罗市 · XX · 林产化工
        assert eid in svc.find_ids(s, svc.EnterpriseFilter(text=query))
        assert eid in svc.find_ids(s, svc.EnterpriseFilter(text=query.upper()))
        # every camphor-oil still is found by 樟脑油厂 → znyc, together with a town name
        stills = set(s.scalars(select(Enterprise.id).where(Enterprise.name.like("%樟脑油厂"))))
        assert stills and stills <= set(svc.find_ids(s, svc.EnterpriseFilter(text="znyc")))
        town, = s.execute(select(Town.name).join(Enterprise, Enterprise.town_id == Town.id)
                          .where(Enterprise.id == eid)).one()
        assert eid in svc.find_ids(s, svc.EnterpriseFilter(text=f"lchg {town}", sector="樟脑油"))


def _sqlite_factory(tmp_path: Path, template: Path, name: str) -> sessionmaker[Session]:
    target = tmp_path / f"{name}.sqlite3"
    shutil.copyfile(template, target)
    return make_session_factory(make_engine(f"sqlite:///{target}"))


def _snapshot(factory: sessionmaker[Session]) -> list[tuple]:
    with session_scope(factory) as s:
        cols = [c for c in Enterprise.__table__.c]
        rows = s.execute(select(*cols).order_by(Enterprise.uscc)).all()
        rows += s.execute(select(Village.id, Village.name, Village.informant_name).order_by(Village.id)).all()
        rows += s.execute(select(Officer.id, Officer.name, Officer.certificate_no, Officer.certificate_expiry)
                          .order_by(Officer.id)).all()
        rows += s.execute(select(EnterpriseLicence.id, EnterpriseLicence.number, EnterpriseLicence.valid_until)
                          .order_by(EnterpriseLicence.id)).all()
        rows += s.execute(select(*Visit.__table__.c).order_by(Visit.id)).all()
        rows += s.execute(select(*VisitStop.__table__.c).order_by(VisitStop.id)).all()
        rows += s.execute(select(*VisitMember.__table__.c).order_by(VisitMember.id)).all()
        rows += s.execute(select(ExpertRecusal.id, ExpertRecusal.enterprise_id, Unavailability.id)
                          .join(Unavailability, Unavailability.expert_id == ExpertRecusal.expert_id, isouter=True)
                          .order_by(ExpertRecusal.id, Unavailability.id)).all()
        # the on-site records; checklist templates and items are loaded by checklists.sync_builtin (ids of their
        # own), so they are compared by code, revision and item number
        template = {t.id: (t.code, t.revision) for t in s.scalars(select(ChecklistTemplate))}
        item = {i.id: (*template[i.template_id], i.seq) for i in s.scalars(select(ChecklistItem))}
        rows += sorted((vid, template[tid]) for vid, tid in s.execute(select(VisitChecklist.visit_id,
                                                                             VisitChecklist.template_id)))
        rows += [(*r[:-1], item[r[-1]]) for r in s.execute(
            select(*(c for c in ChecklistResult.__table__.c if c.name != "item_id"), ChecklistResult.item_id)
            .order_by(ChecklistResult.id))]
        rows += [(*r[:-1], item.get(r[-1])) for r in s.execute(
            select(*(c for c in Hazard.__table__.c if c.name != "checklist_item_id"), Hazard.checklist_item_id)
            .order_by(Hazard.id))]
        rows += s.execute(select(*RectificationEvent.__table__.c).order_by(RectificationEvent.id)).all()
        rows += s.execute(select(*EntryStatusChange.__table__.c).order_by(EntryStatusChange.id)).all()
        return [tuple(r) for r in rows]


def test_same_seed_gives_the_same_data_and_another_seed_differs(tmp_path, sqlite_template):
    # SQLite only: three full generations; the rows do not depend on the database, and the PostgreSQL path is
    # covered by the tests above.
    a, b, c = (_sqlite_factory(tmp_path, sqlite_template, n) for n in ("a", "b", "c"))
    demo.generate(a, seed=7, today=TODAY)
    demo.generate(b, seed=7, today=TODAY)
    demo.generate(c, seed=8, today=TODAY)
    snap_a, snap_b, snap_c = _snapshot(a), _snapshot(b), _snapshot(c)
    assert snap_a == snap_b
    names_a = {r[0] for r in _names(a)}
    names_c = {r[0] for r in _names(c)}
    assert names_a != names_c and len(names_a & names_c) < 0.5 * len(names_a)
    assert {r[1] for r in _names(a)}.isdisjoint({r[1] for r in _names(c)})  # USCCs and ids differ
    assert snap_a != snap_c
    for fac in (a, b, c):
        fac.kw["bind"].dispose()


def _names(factory: sessionmaker[Session]) -> list[tuple[str, str]]:
    with session_scope(factory) as s:
        return [tuple(r) for r in s.execute(select(Enterprise.name, Enterprise.uscc))]


def test_refuses_a_database_that_already_has_enterprises(factory):
    with session_scope(factory) as s:
        svc.create(s, f.enterprise_input(f.town(s)))
    with pytest.raises(ServiceError, match="已有企业数据"):
        demo.generate(factory)
    with session_scope(factory) as s:
        assert _count(s, Enterprise) == 1 and _count(s, Town) == 1 and _count(s, Officer) == 0


def test_refuses_a_database_with_regions_and_an_unknown_scale(factory):
    with session_scope(factory) as s:
        f.town(s, "归义镇")
    with pytest.raises(ServiceError, match="已有镇数据"):
        demo.generate(factory)
    with pytest.raises(ServiceError, match="规模"):
        demo.generate(factory, scale="huge")
    with session_scope(factory) as s:
        assert _count(s, Town) == 1 and _count(s, Village) == 0


def test_large_scale_keeps_the_proportions():
    seed, large = demo.plan("seed"), demo.plan("large")
    assert (seed.enterprises, seed.high_risk, seed.in_park, seed.camphor, seed.camphor_refused) == (
        4027, 214, 156, 23, 12)
    assert sum(seed.sectors.values()) == 4027 and sum(large.sectors.values()) == large.enterprises == 50_000
    ratio = 50_000 / 4027
    assert large.high_risk == round(214 * ratio) and large.in_park == round(156 * ratio)
    assert abs(large.camphor - 23 * ratio) < 1 and abs(large.camphor_refused / large.camphor - 12 / 23) < 0.01
    for sector, n in seed.sectors.items():
        assert abs(large.sectors[sector] - n * ratio) < 1
