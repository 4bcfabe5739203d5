"""Settings a county may change (agency name, abbreviation …): stored in the ``settings`` table, with defaults.

Later modules add their keys here (document wording, office codes, review body, court, legal articles)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities import Setting

DEFAULTS: dict[str, Any] = {
    "agency_name": "汨罗市应急管理局",
    "county_name": "汨罗市",
    "county_abbr": "汨",
    "officer_certificate_warning_days": 30,  # warn this many days before an enforcement certificate expires
    # Expert pool (models/services/experts.py). The local recusal rule is unconfirmed (domain/experts.md [verify]).
    "expert_recusal_reasons": ["在该企业任职", "近亲属在该企业任职",
                               "近三年为该企业提供过有偿服务（安全评价、咨询、设计、培训）", "其他利害关系"],
    "expert_paid_service_years": 3,
    "expert_fee_basis": "visit",  # or "person_day"
    "expert_fee_per_visit": 500,  # yuan; placeholder until the office sets its rate
    "expert_fee_per_person_day": 800,  # yuan; placeholder until the office sets its rate
    # Scheduling (models/services/scheduling.py): warnings and the recommendation's weights.
    "schedule_same_firm_months": 12,  # N: warn when an expert returns to the same firm within N months
    "schedule_expert_monthly_max": 4,  # M: warn when an expert would have more than M visits in a month
    "schedule_weight_field": 100,  # recommendation: the expert's field covers the firm's sector
    "schedule_weight_rotation": 30,  # recommendation: never (or long ago) at this firm
    "schedule_weight_workload": 10,  # recommendation: minus this per visit already this month
    "schedule_weight_town": 2,  # recommendation: per done visit in the firm's town (at most 5 counted)
    "schedule_town_months": 12,  # recommendation: town experience counts the done visits of the last T months
    # On-site recording (models/services/inspection.py): a hazard's default deadline by severity, in days.
    "hazard_deadline_days_general": 15,
    "hazard_deadline_days_major": 90,
}


def get(session: Session, key: str) -> Any:
    if key not in DEFAULTS:
        raise KeyError(key)
    value = session.execute(select(Setting.__table__.c.value).where(Setting.__table__.c.key == key)).scalar()
    return DEFAULTS[key] if value is None else value


def put(session: Session, key: str, value: Any) -> None:
    if key not in DEFAULTS:
        raise KeyError(key)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    session.flush()
