"""Overdue and escalation are decided by the date alone: the day before, of and after the deadline."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from models.enums import HazardStatus
from models.services.hazard_rules import days_overdue, escalation_level, is_overdue

DEADLINE = date(2026, 6, 30)


def test_day_before_of_and_after_the_deadline():
    before, on, after = DEADLINE - timedelta(days=1), DEADLINE, DEADLINE + timedelta(days=1)
    assert [is_overdue(HazardStatus.PENDING, DEADLINE, d) for d in (before, on, after)] == [False, False, True]
    assert [escalation_level(HazardStatus.PENDING, DEADLINE, d) for d in (before, on, after)] == [0, 1, 1]
    assert escalation_level(HazardStatus.IN_PROGRESS, DEADLINE, DEADLINE + timedelta(days=3)) == 2
    assert escalation_level(HazardStatus.AWAITING_REVIEW, DEADLINE, DEADLINE + timedelta(days=7)) == 3
    assert days_overdue(HazardStatus.PENDING, DEADLINE, after) == 1


@given(st.sampled_from(list(HazardStatus)), st.integers(-400, 400), st.booleans())
def test_closed_or_undated_is_never_overdue_and_levels_grow_with_time(status, offset, dated):
    deadline = DEADLINE if dated else None
    today = DEADLINE + timedelta(days=offset)
    level = escalation_level(status, deadline, today)
    if status == HazardStatus.CLOSED or deadline is None:
        assert not is_overdue(status, deadline, today) and level == 0
    else:
        assert is_overdue(status, deadline, today) == (offset > 0)
        assert level <= escalation_level(status, deadline, today + timedelta(days=1))
        assert (level == 0) == (offset < 0)
