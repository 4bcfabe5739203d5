"""Property-based tests of the rectification loop: random sequences of everything the office, the firm and the
officers can do (with the date moving on), run against a real SQLite file. After every step:

- the status is one of the four, and equals the last state-changing event's ``to_status``; each such event starts
  where the previous one ended;
- closed ⇔ ``closed_on`` set (never before the hazard was found), exactly one closing event, and no state-changing
  event after it; nothing closed is ever reopened or closed again;
- ``extension_pending`` ⇔ the last extension event is a request;
- ``escalation`` never decreases and equals the number of 未整改 findings;
- the deadline is never before the day the hazard was found;
- overdue is right on the day before, of and after the deadline (derived, never stored);
- a refused action writes nothing.
"""

from __future__ import annotations

import collections
import itertools
import uuid
from datetime import date, timedelta

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.db import make_engine, make_session_factory, session_scope
from models.entities import Hazard, Photo, RectificationEvent, ReinspectionItem
from models.enums import HazardStatus, ReinspectionOutcome, Severity
from models.services import enterprises
from models.services import inspection as insp
from models.services import officers as officers_svc
from models.services import rectification as svc
from models.services.errors import ServiceError
from tests import factories as f

FOUND = date(2026, 6, 1)
_serial = itertools.count(1)
ACCEPTED: collections.Counter[str] = collections.Counter()  # accepted actions per rule: the run is not vacuous


def _snapshot(s: Session, hid: uuid.UUID) -> tuple:
    h = s.get(Hazard, hid)
    n_events = len(s.execute(select(RectificationEvent.id).where(RectificationEvent.hazard_id == hid)).all())
    return (h.status, h.deadline, h.original_deadline, h.extension_pending, h.escalation, h.closed_on, h.closed_by,
            h.supervised, h.version, n_events)


class Loop(RuleBasedStateMachine):
    factory: sessionmaker[Session]
    firm: uuid.UUID

    @initialize()
    def setup(self) -> None:
        n = next(_serial)
        self.today = FOUND
        self.visits: list[uuid.UUID] = []
        with session_scope(self.factory) as s:
            _vid, stop = f.visit_with_stop(s, self.firm, day=FOUND)
            self.hazards = [insp.add_hazard(s, stop, description="灭火器过期", measure="更换", actor="专家"),
                            insp.add_hazard(s, stop, description="安全出口堵塞", measure="清理", actor="专家"),
                            insp.add_hazard(s, stop, description="除尘系统未泄爆", severity=Severity.MAJOR,
                                            measure="加装泄爆", actor="专家")]
            self.officers = [officers_svc.create_officer(s, officers_svc.OfficerInput(
                name=f"执法{n}{k}", department="大队", certificate_no=f"P{n:06d}{k}",
                certificate_expiry=date(2030, 1, 1) if k < 2 else date(2026, 6, 5)), "测试") for k in range(3)]
            self.photo = s.execute(select(Photo.id)).scalar()
            if self.photo is None:
                p = Photo(sha256="0" * 64, data=b"x", thumb=b"", width=1, height=1)
                s.add(p)
                s.flush()
                self.photo = p.id
        self.escalation = {h: 0 for h in self.hazards}
        self.closed_on: dict[uuid.UUID, date] = {}
        self.seen_escalation: dict[uuid.UUID, int] = {}
        self.checked_days: set[tuple] = set()

    # ------------------------------------------------------------------------------------------ acting

    def attempt(self, name: str, hid: uuid.UUID, fn) -> bool:  # type: ignore[no-untyped-def]
        """Run ``fn(session)``; True when it was accepted (committed). A refusal must leave the hazard untouched."""
        with self.factory() as s:
            before = _snapshot(s, hid)
            try:
                fn(s)
                s.commit()
                ACCEPTED[name] += 1
                return True
            except ServiceError:
                s.rollback()
        with self.factory() as s:
            assert _snapshot(s, hid) == before, "a refused action wrote something"
        return False

    def status(self, hid: uuid.UUID) -> str:
        with self.factory() as s:
            return s.get(Hazard, hid).status

    def officer(self, k: int) -> uuid.UUID | None:
        return None if k == 3 else self.officers[k]  # 0, 1 valid; 2 expired on 2026-06-05; 3 none

    @rule(days=st.integers(1, 5))
    def advance(self, days: int) -> None:
        self.today += timedelta(days=days)

    @rule(i=st.integers(0, 2), done=st.sampled_from([False, False, True]))
    def firm_reports(self, i: int, done: bool) -> None:
        hid = self.hazards[i]
        was = self.status(hid)
        if done:
            ok = self.attempt("submit", hid, lambda s: svc.submit_for_review(s, hid, "", actor="企业"))
            target = HazardStatus.AWAITING_REVIEW
        else:
            ok = self.attempt("progress", hid, lambda s: svc.report_progress(s, hid, "正在整改", actor="企业"))
            target = HazardStatus.IN_PROGRESS
        assert ok == (was in (HazardStatus.PENDING, HazardStatus.IN_PROGRESS))
        if ok:
            assert self.status(hid) == target

    @rule(i=st.integers(0, 2), later=st.integers(-2, 30), reason=st.sampled_from(["设备未到货", "资金未落实", ""]))
    def request_extension(self, i: int, later: int, reason: str) -> None:
        hid = self.hazards[i]
        with self.factory() as s:
            deadline = s.get(Hazard, hid).deadline
        self.attempt("request_extension", hid, lambda s: svc.request_extension(s, hid, deadline + timedelta(days=later), reason,
                                                          actor="企业", on=self.today))

    @rule(i=st.integers(0, 2), ask_first=st.booleans(), approve=st.booleans(),
          k=st.sampled_from([0, 1, 0, 1, 2, 3]), reason=st.sampled_from(["不属不可抗力", "不属不可抗力", ""]))
    def decide_extension(self, i: int, ask_first: bool, approve: bool, k: int, reason: str) -> None:
        hid = self.hazards[i]
        with self.factory() as s:  # mostly a hazard with a request waiting (else the refusal is checked)
            hid = next((h for h in self.hazards[i:] + self.hazards[:i] if s.get(Hazard, h).extension_pending), hid)
            deadline = s.get(Hazard, hid).deadline
        if ask_first:  # the firm asks, the officer answers: the round trip a random walk seldom makes
            self.attempt("request_extension", hid, lambda s: svc.request_extension(
                s, hid, deadline + timedelta(days=10), "设备未到货", actor="企业", on=self.today))
        self.attempt("decide_extension", hid, lambda s: svc.decide_extension(
            s, hid, approve, reason, officer_id=self.officer(k), actor="办公室", on=self.today))

    @rule(picks=st.sets(st.integers(0, 2), min_size=1), ahead=st.integers(0, 3))
    def schedule(self, picks: set[int], ahead: int) -> None:
        ids = [self.hazards[i] for i in sorted(picks)]
        with self.factory() as s:
            try:
                vid = svc.schedule_reinspection(s, self.firm, ids, self.today + timedelta(days=ahead),
                                                officer_ids=self.officers[:2], actor="办公室")
                s.commit()
                self.visits.append(vid)
                ACCEPTED["schedule"] += 1
                ACCEPTED["schedule"] += 1
            except ServiceError:
                s.rollback()

    @precondition(lambda self: bool(self.visits))
    @rule(data=st.data(), outcome=st.sampled_from(list(ReinspectionOutcome)), extra=st.integers(-2, 30),
          k=st.integers(0, 3), catch_up=st.booleans(), fresh=st.booleans())
    def record(self, data: st.DataObject, outcome: str, extra: int, k: int, catch_up: bool, fresh: bool) -> None:
        self._record(data, outcome, extra, k, catch_up, fresh)

    @precondition(lambda self: bool(self.visits))
    @rule(data=st.data(), outcome=st.sampled_from(list(ReinspectionOutcome)), extra=st.integers(1, 30),
          k=st.integers(0, 3))
    def record_on_the_day(self, data: st.DataObject, outcome: str, extra: int, k: int) -> None:
        """The officer at the firm on the re-inspection day, with an item still open."""
        self._record(data, outcome, extra, k, True, True)

    @rule(i=st.integers(0, 2), outcome=st.sampled_from(list(ReinspectionOutcome)), extra=st.integers(1, 30),
          k=st.integers(0, 3))
    def reinspect_today(self, i: int, outcome: str, extra: int, k: int) -> None:
        """Schedule a re-inspection for today and record it at once: repeated findings on one hazard."""
        hid = self.hazards[i]
        with self.factory() as s:
            try:
                vid = svc.schedule_reinspection(s, self.firm, [hid], self.today, officer_ids=self.officers[:2],
                                                actor="办公室")
                s.commit()
            except ServiceError:
                s.rollback()
                return
        self.visits.append(vid)
        ACCEPTED["schedule"] += 1
        self._record(_Fixed((vid, hid)), outcome, extra, k, True, True)

    def _record(self, data: st.DataObject | _Fixed, outcome: str, extra: int, k: int, catch_up: bool, fresh: bool) -> None:
        with self.factory() as s:
            items = s.execute(select(ReinspectionItem.visit_id, ReinspectionItem.hazard_id, ReinspectionItem.outcome,
                                     Hazard.status).join(Hazard, Hazard.id == ReinspectionItem.hazard_id)
                              .where(ReinspectionItem.visit_id.in_(self.visits))
                              .order_by(ReinspectionItem.created_at)).all()
        open_items = [r for r in items if r.outcome is None and r.status != HazardStatus.CLOSED]
        if isinstance(data, _Fixed):
            vid, hid, decided, _status = next(r for r in items if (r.visit_id, r.hazard_id) == data.item)
        else:
            vid, hid, decided, _status = data.draw(st.sampled_from(open_items if open_items and fresh else items))
        officer = self.officer(k)
        with self.factory() as s:
            h = s.get(Hazard, hid)
            was, major = h.status, h.severity == Severity.MAJOR
            day = _visit_day(s, vid)
            if catch_up:
                self.today = max(self.today, day)
            valid_officer = officer is not None and officers_svc.valid_for_enforcement(s, officer, day) is None
        new_deadline = self.today + timedelta(days=extra)
        ok = self.attempt("record", hid, lambda s: svc.record_reinspection(
            s, vid, hid, outcome, note="复查", new_deadline=new_deadline, officer_id=officer, actor="执法",
            on=self.today))
        if was == HazardStatus.CLOSED or decided is not None or day > self.today:
            assert not ok
        if not ok:
            return
        ACCEPTED[f"record_{outcome}"] += 1
        with self.factory() as s:
            h = s.get(Hazard, hid)
            if outcome == ReinspectionOutcome.NOT_RECTIFIED:
                self.escalation[hid] += 1
                assert h.status != HazardStatus.CLOSED
            elif outcome == ReinspectionOutcome.PARTIAL:
                assert new_deadline > day
                assert h.status == HazardStatus.IN_PROGRESS and h.deadline == new_deadline
            elif major and not valid_officer:
                assert h.status == HazardStatus.AWAITING_REVIEW and h.closed_on is None
            else:
                assert h.status == HazardStatus.CLOSED and h.closed_on == day

    @rule(i=st.integers(0, 2), k=st.integers(0, 3), evidence_first=st.booleans())
    def close(self, i: int, k: int, evidence_first: bool) -> None:
        hid = self.hazards[i % 2 if evidence_first else i]
        if evidence_first:  # the firm sends photos of a general hazard's fix, the office closes
            self.attempt("evidence", hid, lambda s: svc.add_evidence(s, hid, [self.photo], actor="企业"))
        was = self.status(hid)
        ok = self.attempt("close", hid, lambda s: svc.close(s, hid, actor="办公室", officer_id=self.officer(k),
                                                   reason="整改合格", on=self.today))
        if was == HazardStatus.CLOSED:
            assert not ok
        if ok:
            assert self.status(hid) == HazardStatus.CLOSED

    @rule(i=st.integers(0, 2))
    def evidence(self, i: int) -> None:
        hid = self.hazards[i]
        self.attempt("evidence", hid, lambda s: svc.add_evidence(s, hid, [self.photo], actor="企业"))

    @rule(on=st.booleans(), text=st.sampled_from(["", "加装泄爆片"]))
    def major_hazard_paperwork(self, on: bool, text: str) -> None:
        hid = self.hazards[2]
        self.attempt("plan", hid, lambda s: svc.save_plan(s, hid, {"methods": text}, actor="办公室"))
        self.attempt("supervise", hid, lambda s: svc.set_supervised(s, hid, on, actor="办公室", reason="县政府督办"))

    # ------------------------------------------------------------------------------------------ invariants

    @invariant()
    def consistent(self) -> None:
        if not hasattr(self, "hazards"):
            return
        with self.factory() as s:
            for hid in self.hazards:
                h = s.get(Hazard, hid)
                evs = list(s.execute(select(RectificationEvent).where(RectificationEvent.hazard_id == hid)
                                     .order_by(RectificationEvent.at)).scalars())
                assert h.status in set(HazardStatus)
                moves = [e for e in evs if e.to_status is not None]
                assert moves[-1].to_status == h.status
                for a, b in itertools.pairwise(moves):
                    assert b.from_status == a.to_status, (a.kind, b.kind)
                closing = [n for n, e in enumerate(moves) if e.to_status == HazardStatus.CLOSED]
                if h.status == HazardStatus.CLOSED:
                    assert len(closing) == 1 and closing[0] == len(moves) - 1
                    assert h.closed_on is not None and h.closed_on >= h.found_on and h.closed_by
                    if hid in self.closed_on:
                        assert h.closed_on == self.closed_on[hid]  # never changed after closing
                    self.closed_on[hid] = h.closed_on
                else:
                    assert not closing and h.closed_on is None and hid not in self.closed_on
                ext = [e.kind for e in evs if e.kind in svc.EXTENSION_KINDS]
                assert h.extension_pending == (bool(ext) and ext[-1] == "extension_requested")
                assert h.escalation == self.escalation[hid]  # the model only ever adds one
                assert h.escalation >= self.seen_escalation.get(hid, 0)
                self.seen_escalation[hid] = h.escalation
                assert h.escalation == sum(1 for e in evs if e.kind == "review_not_rectified")
                assert h.deadline is not None and h.deadline >= h.found_on
                assert h.original_deadline == h.found_on + timedelta(days=90 if h.severity == Severity.MAJOR else 15)
                is_open = h.status != HazardStatus.CLOSED
                if (hid, h.deadline, is_open) not in self.checked_days:  # once per deadline and open/closed
                    self.checked_days.add((hid, h.deadline, is_open))
                    for offset, expected in ((-1, False), (0, False), (1, is_open)):
                        d = svc.hazard_detail(s, hid, today=h.deadline + timedelta(days=offset))
                        assert d.overdue is expected
                d = svc.hazard_detail(s, hid, today=self.today)
                assert d.overdue == (is_open and h.deadline < self.today)
                assert (d.allowed_actions == ()) == (not is_open)


class _Fixed:
    """An item chosen by the rule itself rather than drawn."""

    def __init__(self, item: tuple[uuid.UUID, uuid.UUID]) -> None:
        self.item = item


def _visit_day(s: Session, visit_id: uuid.UUID) -> date:
    return svc.visit_of(s, visit_id)[1]


def test_no_sequence_of_actions_reaches_an_impossible_state(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    factory = make_session_factory(engine)
    with session_scope(factory) as s:
        firm = enterprises.create(s, f.enterprise_input(f.town(s), 1))
    Loop.factory = factory
    Loop.firm = firm
    ACCEPTED.clear()
    try:
        run_state_machine_as_test(Loop, settings=settings(
            max_examples=40, stateful_step_count=25, deadline=None, derandomize=True,
            # no shrinking: on a real database it would take minutes; the failing steps are printed as they ran
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]))
    finally:
        engine.dispose()
    # Every kind of step was taken, not only refused (the sequences reach the interesting states).
    for name in ("progress", "submit", "request_extension", "decide_extension", "schedule", "record_rectified",
                 "record_partial", "record_not_rectified", "close", "evidence", "plan", "supervise"):
        assert ACCEPTED[name] >= 1, (name, dict(ACCEPTED))
