"""The plain data an enforcement document (执法文书) is printed from — no Qt, no SQLAlchemy.

``models/services/documents.py`` builds a ``DocumentData`` from the database, ``document_pdf.render`` prints it,
and ``Document.content`` stores it as JSON (``to_json`` / ``from_json``; dates as ISO strings). ``content_hash``
is the SHA-256 of its canonical JSON (sorted keys, no spaces, UTF-8).

One flat class serves the five kinds (``models.enums.DocumentKind``); each form uses the fields listed below and
ignores the others. Every text is printed as given (already worded with the settings: agency name, appeal clause …).

Fields by form (see /work/shared/domain/documents.md)
-----------------------------------------------------
all forms
    ``kind`` (DocumentKind value), ``number`` (``（汨）应急责改〔2026〕12号``; ``None`` = draft: no number, 草稿
    watermark), ``agency`` (seal line ``{agency}（印章）``), ``header_line`` (above the title; "" = none),
    ``enterprise_name``, ``officers`` (the two officers: blank signature lines with their certificate numbers),
    ``issue_date`` (printed under the seal as ``2026年11月29日``; ``None`` prints blank ``年 月 日``),
    ``copies_line`` ("" = none), ``appeal_clause`` (fully worded, with 指令 or 决定; "" for the record and the
    opinion), ``verify_payload`` (the QR text of an issued document; ``None`` on a draft).
现场检查记录 inspection_record
    ``address``, ``legal_rep``, ``legal_rep_title``, ``phone``, ``place``, ``started_at`` / ``finished_at``
    (检查时间), the two officers (opening statement), ``experts`` (检查专家：name（employer）+ signature line),
    ``witness`` (见证人, optional), ``purpose`` (事由和目的, optional), ``summary`` (检查情况 free text),
    ``checklist`` (item, 合格/不合格/不适用 table), ``hazards`` (problems found, optional list); ``legal_basis``
    is not printed (the opening statement says 现依法…).
责令限期整改指令书 rectification_order
    ``hazards`` (numbered in ``seq`` order; ``major`` ones named in 其中第__项属于重大事故隐患; grouped by
    ``deadline`` in the 现责令 sentence), ``legal_basis`` (optional: 依据…的规定， before 现责令).
现场处理措施决定书 onsite_decision
    ``inspection_date`` (本机关于…现场检查时), ``hazards`` (violations and hazards), ``legal_basis``, ``decisions``.
查封扣押决定书 seizure_decision
    ``address``, ``inspection_date``, ``hazards`` and/or ``seizure_reason`` (the reason), ``legal_basis``,
    ``seizure_days`` from ``seizure_from`` (the period), ``seized`` (the list of places / facilities / goods).
整改复查意见书 reinspection_opinion
    ``refers_to_title`` / ``refers_to_number`` / ``refers_to_date`` (the order or decision reviewed),
    ``applied_on`` (the firm's application date, optional), ``legal_basis`` (optional: 依据…的规定),
    ``review_lines`` (item by item 已整改 / 部分整改（new deadline）/ 未整改).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class Officer:
    """A law-enforcement officer: the name goes into the opening statement, the certificate number next to the
    (blank) signature line."""

    name: str
    certificate_no: str = ""


@dataclass(frozen=True)
class ExpertRef:
    name: str
    employer: str = ""


@dataclass(frozen=True)
class HazardLine:
    """One numbered problem. ``seq`` is the number printed (1, 2, 3 …); ``major`` = 重大事故隐患."""

    seq: int
    text: str
    major: bool = False
    deadline: date | None = None
    basis: str = ""  # the rule violated (printed after the text when given)
    measure: str = ""  # the required measure (printed after the text when given)


@dataclass(frozen=True)
class ChecklistLine:
    seq: int
    text: str
    result: str  # 合格 / 不合格 / 不适用


@dataclass(frozen=True)
class SeizedItem:
    """One line of the list of sealed / seized places, facilities or goods. ``quantity`` is text (114, 2.5, 若干);
    numbers given are turned into text."""

    name: str
    spec: str = ""
    quantity: str = ""
    unit: str = ""
    place: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.quantity, str):
            q = self.quantity
            text = "" if q is None else (str(int(q)) if isinstance(q, float) and q.is_integer() else str(q))
            object.__setattr__(self, "quantity", text)


@dataclass(frozen=True)
class ReviewLine:
    """One item of the re-inspection opinion: ``outcome`` 已整改 / 部分整改 / 未整改; ``new_deadline`` for 部分整改."""

    seq: int
    text: str
    outcome: str
    new_deadline: date | None = None
    note: str = ""


@dataclass(frozen=True)
class DocumentData:
    """Everything printed on one enforcement document (see the module docstring for which form uses what)."""

    kind: str
    number: str | None = None  # None = draft
    agency: str = ""
    header_line: str = ""
    enterprise_name: str = ""
    address: str = ""
    legal_rep: str = ""
    legal_rep_title: str = ""
    phone: str = ""
    place: str = ""
    started_at: datetime | None = None
    finished_at: datetime | None = None
    officers: tuple[Officer, ...] = ()
    experts: tuple[ExpertRef, ...] = ()
    witness: str = ""
    purpose: str = ""
    summary: str = ""
    checklist: tuple[ChecklistLine, ...] = ()
    hazards: tuple[HazardLine, ...] = ()
    inspection_date: date | None = None
    decisions: tuple[str, ...] = ()
    legal_basis: str = ""
    seizure_reason: str = ""
    seized: tuple[SeizedItem, ...] = ()
    seizure_days: int = 30
    seizure_from: date | None = None
    refers_to_title: str = ""
    refers_to_number: str = ""
    refers_to_date: date | None = None
    applied_on: date | None = None
    review_lines: tuple[ReviewLine, ...] = ()
    appeal_clause: str = ""
    copies_line: str = ""
    issue_date: date | None = None
    verify_payload: str | None = None

    @property
    def is_draft(self) -> bool:
        return self.number is None


# --------------------------------------------------------------------------------------------------- JSON

_ITEM_CLASSES: dict[str, type] = {
    "officers": Officer,
    "experts": ExpertRef,
    "checklist": ChecklistLine,
    "hazards": HazardLine,
    "seized": SeizedItem,
    "review_lines": ReviewLine,
}
_DATE_FIELDS = {"inspection_date", "seizure_from", "refers_to_date", "applied_on", "issue_date", "deadline",
                "new_deadline"}
_DATETIME_FIELDS = {"started_at", "finished_at"}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    return value


def _parse(name: str, value: Any) -> Any:
    if value is None or value == "":
        return None if name in _DATE_FIELDS | _DATETIME_FIELDS else value
    if name in _DATETIME_FIELDS:
        return datetime.fromisoformat(value)
    if name in _DATE_FIELDS:
        return date.fromisoformat(value[:10])
    return value


def _build(cls: type, raw: dict[str, Any]) -> Any:
    known = {f.name for f in fields(cls)}
    return cls(**{k: _parse(k, v) for k, v in raw.items() if k in known})


def to_json(d: DocumentData) -> dict[str, Any]:
    """A JSON-ready dict (dates and datetimes as ISO strings, tuples as lists)."""
    return _plain(d)


def from_json(raw: dict[str, Any]) -> DocumentData:
    """The inverse of ``to_json``. Missing keys take their defaults and unknown keys are ignored, so content stored
    by an older or newer program still loads."""
    known = {f.name for f in fields(DocumentData)}
    kw: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in known:
            continue
        if key in _ITEM_CLASSES:
            kw[key] = tuple(_build(_ITEM_CLASSES[key], item) for item in (value or ()))
        elif key == "decisions":
            kw[key] = tuple(value or ())
        else:
            kw[key] = _parse(key, value)
    return DocumentData(**kw)


def canonical_json(d: DocumentData) -> str:
    return json.dumps(to_json(d), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(d: DocumentData) -> str:
    """SHA-256 (hex) of the canonical JSON of ``d``."""
    return hashlib.sha256(canonical_json(d).encode("utf-8")).hexdigest()


__all__ = [
    "ChecklistLine",
    "DocumentData",
    "ExpertRef",
    "HazardLine",
    "Officer",
    "ReviewLine",
    "SeizedItem",
    "canonical_json",
    "content_hash",
    "from_json",
    "to_json",
]
