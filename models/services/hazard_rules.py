"""Derived facts about a hazard that are never stored: overdue, days overdue, escalation level.

One place for the rule, used by the rectification loop, the ledger (in memory and in SQL), the reminders and the
documents. Overdue is decided by the date alone: a hazard not closed whose deadline is before today is overdue
(on the deadline day itself it is due, not overdue).

Escalation levels (settings ``escalation_days``, default [0, 3, 7]):
    0  not due yet (or closed, or no deadline)
    1  due today or overdue by fewer than 3 days      (到期)
    2  overdue by 3 days or more                      (逾期 3 天)
    3  overdue by 7 days or more                      (逾期 7 天)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from models.enums import HazardStatus

DEFAULT_ESCALATION_DAYS: tuple[int, ...] = (0, 3, 7)

ESCALATION_LABELS: dict[int, str] = {0: "", 1: "到期", 2: "逾期3天以上", 3: "逾期7天以上"}


def is_open(status: str) -> bool:
    return status != HazardStatus.CLOSED


def is_overdue(status: str, deadline: date | None, today: date) -> bool:
    return is_open(status) and deadline is not None and deadline < today


def days_overdue(status: str, deadline: date | None, today: date) -> int:
    """Days past the deadline (0 on the deadline day, negative before it); 0 for closed or undated hazards."""
    if not is_open(status) or deadline is None:
        return 0
    return (today - deadline).days


def escalation_level(status: str, deadline: date | None, today: date,
                     thresholds: Sequence[int] = DEFAULT_ESCALATION_DAYS) -> int:
    """0 … len(thresholds): how many thresholds the days past the deadline have reached (see module doc)."""
    if not is_open(status) or deadline is None:
        return 0
    late = (today - deadline).days
    return sum(1 for t in thresholds if late >= t)
