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
