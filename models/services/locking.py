"""Optimistic locking, said once: the messages when somebody else saved first, and the flush that turns the
database's refusal (a stale row version, or SQLite busy with another writer) into ConcurrentEdit."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from models.db import is_busy_error
from models.services.errors import ConcurrentEdit


def saved_meanwhile(label: str, updated_at: datetime | None) -> str:
    """``label`` (e.g. “X”的档案) was saved by another user since it was opened; times are stored in UTC and
    shown on the office's clock."""
    when = updated_at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M") if updated_at else ""
    return (f"{label}已在 {when} 被其他用户修改并保存，您的修改未保存，以免覆盖对方的内容。"
            "请重新载入，查看最新内容后再修改。")


def saved_just_now(what: str) -> str:
    return f"该{what}刚刚被其他用户修改并保存，您的修改未保存。请重新打开后再修改。"


def flush_or_conflict(session: Session, what: str) -> None:
    """Flush; a row another user saved in between (or a database busy with another writer) raises ConcurrentEdit
    naming ``what`` (企业档案, 检查安排 …), and nothing is written."""
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConcurrentEdit(saved_just_now(what)) from exc
    except OperationalError as exc:
        if is_busy_error(exc):
            raise ConcurrentEdit(saved_just_now(what)) from exc
        raise
