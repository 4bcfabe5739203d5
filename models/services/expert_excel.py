"""Excel (.xlsx) import and export of the expert pool (专家库), with the same bad-row report as the registry.

``read_workbook(session, path)`` reads and checks every row without writing and classifies each good row as new,
update or unchanged; ``apply(session, plan, actor)`` writes it in the caller's session (the caller commits), refusing
a plan with bad rows unless ``only_good_rows=True``. An existing expert is the one with the same name and phone, or,
when the row has no phone, the only expert with that name. ``export`` writes the same headers, so an exported file
imports back unchanged. The generic file, cell and result helpers are those of models.services.enterprise_excel.
"""

from __future__ import annotations

import os
import re
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities import Expert
from models.enums import PERSON_STATUS_LABELS, PersonStatus
from models.services import audit
from models.services import experts as svc
from models.services.enterprise_excel import (
    _HEADER_ALIGN,
    _HEADER_FILL,
    _HEADER_FONT,
    HEADER_SCAN_ROWS,
    ImportFileError,
    ImportResult,
    PlanCounts,
    RowAction,
    RowProblem,
    _atomic_target,
    _CellError,
    _date,
    _guarded,
    _norm_header,
    _open_workbook,
    _row_is_empty,
    _text,
)
from models.services.errors import ConcurrentEdit, ServiceError
from models.services.experts import FIELD_LABELS, ExpertFilter, ExpertInput

REQUIRED_FIELDS: tuple[str, ...] = ("name", "specialty_ids")
EXPORT_FIELDS: tuple[str, ...] = tuple(FIELD_LABELS)

# Column header names the import understands (the first of each list is what export writes).
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (FIELD_LABELS["name"], "专家姓名"),
    "gender": (FIELD_LABELS["gender"],),
    "phone": (FIELD_LABELS["phone"], "联系电话", "手机", "手机号", "手机号码", "联系方式"),
    "employer": (FIELD_LABELS["employer"], "单位", "工作单位名称"),
    "title": (FIELD_LABELS["title"], "技术职称"),
    "licences": (FIELD_LABELS["licences"], "注册资格", "执业资格证书"),
    "specialty_ids": (FIELD_LABELS["specialty_ids"], "专业", "专业方向"),
    "group_name": (FIELD_LABELS["group_name"], "分组", "所属专家组"),
    "term_start": (FIELD_LABELS["term_start"], "聘期开始", "聘任开始"),
    "term_end": (FIELD_LABELS["term_end"], "聘期结束", "聘任结束"),
    "status": (FIELD_LABELS["status"], "专家状态"),
    "notes": (FIELD_LABELS["notes"], "说明"),
}
_ALIAS_TO_FIELD: dict[str, str] = {_norm_header(a): f for f, aliases in HEADER_ALIASES.items() for a in aliases}
_TEXT_FIELDS = ("name", "gender", "phone", "employer", "title", "licences", "group_name", "notes")
_SEPARATORS = re.compile(r"[、，,;；/／\s]+")
_STATUS_WORDS = {**{label: code for code, label in PERSON_STATUS_LABELS.items()},
                 **{code.value: code.value for code in PersonStatus}}
_WIDTHS = {"name": 10, "gender": 6, "phone": 16, "employer": 30, "title": 14, "licences": 24, "specialty_ids": 28,
           "group_name": 12, "term_start": 12, "term_end": 12, "status": 8, "notes": 30}


@dataclass
class ExpertPlannedRow:
    row_number: int
    action: str  # a RowAction
    name: str
    phone: str = ""
    data: ExpertInput | None = None  # complete input to write (None for bad rows)
    expert_id: uuid.UUID | None = None  # existing expert (update / unchanged)
    version: int | None = None
    changes: tuple[str, ...] = ()  # update: FIELD_LABELS keys whose value changes


@dataclass
class ExpertImportPlan(PlanCounts):
    path: str
    sheet: str
    header_row: int
    columns: dict[str, str]  # field → header text as written in the file
    ignored_columns: list[str] = field(default_factory=list)
    rows: list[ExpertPlannedRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


# ------------------------------------------------------------------------------------------------ reading


def _find_header(wb: Any) -> tuple[Any, int, dict[str, int], dict[str, str], list[str]]:
    """(sheet, header row, field → 0-based column, field → header text, ignored headers)."""
    any_content = False
    partial: tuple[Any, int, dict[str, int]] | None = None
    for ws in wb.worksheets:
        rows = list(ws.iter_rows(max_row=HEADER_SCAN_ROWS, values_only=True))
        best: tuple[int, dict[str, int], dict[str, str], list[str]] | None = None
        for n, values in enumerate(rows, start=1):
            if _row_is_empty(values):
                continue
            any_content = True
            cols: dict[str, int] = {}
            texts: dict[str, str] = {}
            ignored: list[str] = []
            for i, v in enumerate(values):
                key = _norm_header(v)
                if not key:
                    continue
                f = _ALIAS_TO_FIELD.get(key)
                if f is None or f in cols:
                    ignored.append(str(v).strip())
                    continue
                cols[f], texts[f] = i, str(v).strip()
            if (len(cols) >= 2 or "name" in cols) and (best is None or len(cols) > len(best[1])):
                best = (n, cols, texts, ignored)
        if best is None:
            continue
        if all(f in best[1] for f in REQUIRED_FIELDS):
            return ws, *best
        if partial is None:
            partial = (ws, best[0], best[1])
    if partial is not None:
        ws, n, cols = partial
        names = "、".join(f"“{FIELD_LABELS[f]}”" for f in REQUIRED_FIELDS if f not in cols)
        raise ImportFileError(f"工作表“{ws.title}”第{n}行的表头缺少必需的列：{names}。"
                              "请在表头添加这些列（列名须与导出的文件一致）后再导入。")
    if not any_content:
        raise ImportFileError("文件中没有任何内容（工作表是空的）。")
    raise ImportFileError(f"在各工作表的前{HEADER_SCAN_ROWS}行中没有找到表头。表头行应包含列名“姓名”“专业领域”等。"
                          "可先导出一份专家名单作为样例。")


def _read_rows(path: Path) -> tuple[str, int, dict[str, str], list[str], list[tuple[int, dict[str, Any]]]]:
    wb, fh = _open_workbook(path)
    try:
        try:
            ws, header_row, cols, texts, ignored = _find_header(wb)
        except ServiceError:
            raise
        except Exception as exc:
            raise ImportFileError(f"文件“{path.name}”已损坏或格式异常，无法读取表头。"
                                  "请在 Excel 中打开并重新保存后再试。") from exc
        rows: list[tuple[int, dict[str, Any]]] = []
        first = header_row + 1
        for n, values in enumerate(_guarded(ws.iter_rows(min_row=first, values_only=True), path.name), start=first):
            picked = {f: values[i] if i < len(values) else None for f, i in cols.items()}
            if not _row_is_empty(picked.values()):
                rows.append((n, picked))
        if not rows:
            raise ImportFileError(f"工作表“{ws.title}”只有表头（第{header_row}行），没有专家数据行。")
        return ws.title, header_row, texts, ignored, rows
    finally:
        try:
            wb.close()
        finally:
            fh.close()


def _specialty_ids(text: str, vocabulary: dict[str, uuid.UUID]) -> list[uuid.UUID]:
    """Field names separated by 、，, ; / or spaces; a registered name that itself holds a separator
    (樟脑油/林产化工) is taken whole."""
    found: list[tuple[int, uuid.UUID]] = []
    rest = text
    for name in sorted(vocabulary, key=len, reverse=True):
        if _SEPARATORS.search(name) and name in rest:
            found.append((text.find(name), vocabulary[name]))
            rest = rest.replace(name, "、")
    unknown: list[str] = []
    for word in _SEPARATORS.split(rest):
        if not word:
            continue
        if word in vocabulary:
            found.append((text.find(word), vocabulary[word]))
        else:
            unknown.append(word)
    if unknown:
        known = "、".join(vocabulary) or "（尚未设置任何专业领域）"
        raise _CellError(f"专业领域“{'、'.join(unknown)}”不存在。系统中的专业领域有：{known}。"
                         "如需新的专业领域，请先在“专业领域…”中添加。")
    return list(dict.fromkeys(sid for _, sid in sorted(found, key=lambda x: x[0])))


def _status(value: Any) -> str | None:
    text = "".join(_text(value).split())
    if not text:
        return None
    code = _STATUS_WORDS.get(text) or _STATUS_WORDS.get(text.lower())
    if code is None:
        raise _CellError(f"状态“{text}”无法识别，应为：{'、'.join(PERSON_STATUS_LABELS.values())}。")
    return code


def _term(label: str) -> Any:
    def parse(value: Any) -> Any:
        try:
            return _date(value)
        except _CellError:
            raise _CellError(f"{label}“{_text(value)}”无法识别，请填写如 2024-01-01 或 2024年1月1日。") from None
    return parse


def _existing(session: Session) -> dict[uuid.UUID, tuple[int, ExpertInput]]:
    out: dict[uuid.UUID, tuple[int, ExpertInput]] = {}
    for ent in session.execute(select(Expert)).scalars():
        data = ExpertInput(**{f: getattr(ent, f) for f in svc._COLUMNS}, specialty_ids=[s.id for s in ent.specialties])
        out[ent.id] = (ent.version, svc.clean(data))
    return out


def read_workbook(session: Session, path: str | os.PathLike[str]) -> ExpertImportPlan:
    """Read and check an .xlsx file of experts and classify its rows against the database; writes nothing.

    Raises ImportFileError when the file as a whole cannot be used."""
    path = Path(path)
    sheet, header_row, texts, ignored, raw_rows = _read_rows(path)
    vocabulary = {s.name: s.id for s in svc.specialties(session)}
    existing = _existing(session)
    by_name: dict[str, list[uuid.UUID]] = {}
    for eid, (_v, d) in existing.items():
        by_name.setdefault(d.name, []).append(eid)
    order = {f: i for i, f in enumerate(EXPORT_FIELDS)}
    plan = ExpertImportPlan(path=str(path), sheet=sheet, header_row=header_row, columns=dict(texts),
                            ignored_columns=list(ignored))
    seen: dict[tuple[str, str], int] = {}
    for n, cells in raw_rows:
        problems: dict[str, str] = {}
        name = _text(cells.get("name"))
        phone = svc.clean(ExpertInput(name="", phone=_text(cells.get("phone")))).phone
        match: uuid.UUID | None = None
        if phone:
            match = next((eid for eid in by_name.get(name, []) if existing[eid][1].phone == phone), None)
        elif len(by_name.get(name, [])) == 1:
            match = by_name[name][0]
        base = replace(existing[match][1]) if match else ExpertInput(name="")
        data = replace(base, specialty_ids=list(base.specialty_ids))

        def parse(f: str, fn: Any, cells: dict[str, Any] = cells, problems: dict[str, str] = problems,
                  base: ExpertInput = base) -> Any:
            try:
                return fn(cells.get(f))
            except _CellError as exc:
                problems[f] = str(exc)
                return getattr(base, f)

        for f in _TEXT_FIELDS:
            if f in cells:
                setattr(data, f, _text(cells[f], single_line=f != "notes"))
        if "specialty_ids" in cells:
            data.specialty_ids = parse("specialty_ids", lambda v: _specialty_ids(_text(v), vocabulary))
        for f in ("term_start", "term_end"):
            if f in cells:
                setattr(data, f, parse(f, _term(FIELD_LABELS[f])))
        if "status" in cells:
            data.status = parse("status", _status) or base.status or PersonStatus.ACTIVE
        data = svc.clean(data)
        for err in svc.check_fields(data):
            if err.field not in problems:
                problems[err.field] = err.message
        key = (data.name, data.phone)
        if data.name and key in seen and "name" not in problems:
            problems["name"] = (f"“{data.name}”{('（' + data.phone + '）') if data.phone else ''}在文件中重复出现"
                                f"（第{seen[key]}行也是），请核对后只保留一行。")
        seen.setdefault(key, n)
        row = ExpertPlannedRow(row_number=n, action=RowAction.BAD, name=data.name or name, phone=data.phone)
        if problems:
            for f in sorted(problems, key=lambda f: order.get(f, 99)):
                plan.problems.append(RowProblem(n, texts.get(f, FIELD_LABELS.get(f, f)), problems[f]))
        else:
            row.data = data
            if match is None:
                row.action = RowAction.NEW
            else:
                version, current = existing[match]
                row.expert_id, row.version = match, version
                row.changes = tuple(f for f in svc._COLUMNS if getattr(current, f) != getattr(data, f))
                if set(current.specialty_ids) != set(data.specialty_ids):
                    row.changes += ("specialty_ids",)
                row.action = RowAction.UPDATE if row.changes else RowAction.UNCHANGED
        plan.rows.append(row)
    return plan


# ------------------------------------------------------------------------------------------------ applying


def apply(session: Session, plan: ExpertImportPlan, actor: str = "", only_good_rows: bool = False) -> ImportResult:
    """Write the plan's new and changed rows in ``session`` (the caller commits; any error → write nothing)."""
    if plan.bad_count and not only_good_rows:
        raise ServiceError(f"文件中有 {plan.bad_count} 行存在问题，未导入任何数据。"
                           "请修改文件后重新读取，或选择“仅导入正确的行”。")
    ids = [r.expert_id for r in plan.rows if r.expert_id is not None]
    versions = dict(session.execute(select(Expert.id, Expert.version).where(Expert.id.in_(ids))).all()) if ids else {}
    changed = [r.name for r in plan.rows if r.expert_id is not None and versions.get(r.expert_id) != r.version]
    if changed:
        raise ConcurrentEdit(f"读取文件之后，{'、'.join(changed[:3])}{'等' if len(changed) > 3 else ''}的资料已被其他用户"
                             "修改或删除。为免覆盖对方的内容，本次未导入任何数据。请重新读取文件后再导入。")
    created = updated = 0
    for r in plan.rows:
        if r.data is None or r.action not in (RowAction.NEW, RowAction.UPDATE):
            continue
        if r.action == RowAction.NEW:
            svc.create(session, r.data, actor)
            created += 1
        else:
            assert r.expert_id is not None and r.version is not None
            svc.update(session, r.expert_id, r.data, r.version, actor)
            updated += 1
    result = ImportResult(created=created, updated=updated, unchanged=plan.unchanged_count,
                          skipped=plan.bad_count if only_good_rows else 0)
    audit.record(session, actor, "expert_import", None, "import", file=plan.file_name, sheet=plan.sheet,
                 **result._asdict())
    session.flush()
    return result


# ------------------------------------------------------------------------------------------------ export


def _values(r: svc.ExpertRow) -> list[Any]:
    out: list[Any] = []
    for f in EXPORT_FIELDS:
        if f == "specialty_ids":
            v: Any = "、".join(r.specialties)
        elif f == "status":
            v = PERSON_STATUS_LABELS.get(r.status, r.status)
        else:
            v = getattr(r, f, None)
        out.append(None if v == "" else v)
    return out


def export(session: Session, flt: ExpertFilter | None, path: str | os.PathLike[str]) -> int:
    """Write the filtered expert list, in list order, to an .xlsx file; returns the number of experts."""
    rows = svc.search(session, flt)
    notes = dict(session.execute(select(Expert.id, Expert.notes).where(Expert.notes != "")).all())
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("专家名单")
    for i, f in enumerate(EXPORT_FIELDS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(f, 14)
    ws.freeze_panes = "A2"
    header = []
    for f in EXPORT_FIELDS:
        c = WriteOnlyCell(ws, value=FIELD_LABELS[f])
        c.font, c.fill, c.alignment = _HEADER_FONT, _HEADER_FILL, _HEADER_ALIGN
        header.append(c)
    ws.append(header)
    for r in rows:
        values = _values(r)
        values[EXPORT_FIELDS.index("notes")] = notes.get(r.id) or None
        cells: list[Any] = []
        for f, v in zip(EXPORT_FIELDS, values, strict=True):
            if v is not None and f in ("phone", "term_start", "term_end"):
                c = WriteOnlyCell(ws, value=v)
                c.number_format = "@" if f == "phone" else "yyyy-mm-dd"
                v = c
            cells.append(v)
        ws.append(cells)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(EXPORT_FIELDS))}{len(rows) + 1}"
    with _atomic_target(Path(path)) as tmp:
        wb.save(tmp)
    return len(rows)


__all__ = [
    "HEADER_ALIASES",
    "ExpertImportPlan",
    "ExpertPlannedRow",
    "ImportFileError",
    "ImportResult",
    "RowProblem",
    "apply",
    "export",
    "read_workbook",
]
