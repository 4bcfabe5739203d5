"""The audit log: who changed which record, when, and what."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from models.entities import AuditEntry


def record(session: Session, actor: str, entity: str, entity_id: uuid.UUID | None, action: str, **detail: Any) -> None:
    session.add(AuditEntry(actor=actor, entity=entity, entity_id=entity_id, action=action, detail=_jsonable(detail)))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)
