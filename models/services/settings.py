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
    # Rectification loop and reminders (models/services/rectification.py, ledger.py).
    "reinspection_within_days": 10,  # re-inspection due within N days after the deadline (15号令; 18号令 [verify])
    "extension_apply_days_before": 10,  # a firm applies for an extension within N days before the deadline
    "extension_answer_days": 5,  # the bureau answers an extension request within N days
    "reminder_days_before": 3,  # "due soon": this many days before the deadline
    "reminder_days_after": 0,  # overdue hazards are listed from this many days after the deadline
    "escalation_days": [0, 3, 7],  # escalation levels: due today, +3 days overdue, +7 days overdue
    # Enforcement documents (models/services/documents.py, document_pdf.py): documents.md, wording a county may change.
    "doc_office_codes": {
        "inspection_record": "应急检记",
        "onsite_decision": "应急现决",
        "rectification_order": "应急责改",
        "reinspection_opinion": "应急复查",
        "seizure_decision": "应急查扣",
    },
    "doc_number_pattern": "（{abbr}）{code}〔{year}〕{n}号",
    "doc_share_visit_number": False,  # all papers of one visit take the inspection record's n
    "doc_header_line": "安全生产行政执法文书",  # printed above the title; "" prints none
    "doc_review_body": "汨罗市人民政府",
    "doc_court": "",  # empty: 人民法院 alone (which designated court covers Miluo is not confirmed)
    "doc_appeal_clause": ("如不服本{act}，可以自收到本{act}之日起六十日内依法向{review_body}申请行政复议，"
                          "或者在六个月内依法向{court}提起行政诉讼。行政复议或者行政诉讼期间，本{act}不停止执行，"
                          "法律另有规定的除外。"),
    "doc_copies_line": "本文书一式两份：一份由{agency}备案，一份交被检查单位。",
    "doc_basis_order": "《中华人民共和国安全生产法》第六十五条第一款第（二）项",
    "doc_basis_order_major": "《中华人民共和国安全生产法》第六十五条第一款第（三）项",
    "doc_basis_onsite": "《中华人民共和国安全生产法》第六十五条第一款第（三）项",
    "doc_basis_seizure": "《中华人民共和国安全生产法》第六十五条第一款第（四）项、《中华人民共和国行政强制法》第二十四条",
    "doc_basis_record": "《中华人民共和国安全生产法》第六十五条、第六十八条",
    "doc_penalty_article": "《中华人民共和国安全生产法》第一百零二条",
    "doc_seizure_days": 30,  # 行政强制法 第二十五条: at most 30 days, extendable once by up to 30
    "doc_reinspection_article": "",  # 18号令 article not found [verify]; printed when set
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
