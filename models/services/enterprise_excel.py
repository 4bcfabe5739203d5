"""Excel (.xlsx) import and export of the enterprise registry.

Import is two steps so the office sees every problem before anything is written:

1. ``read_workbook(session, path)`` reads the file (columns found by their Chinese header names, with aliases),
   checks every row without writing (formats, vocabularies, town/village names, duplicate codes inside the file)
   and classifies each good row against the database by its USCC: new, update (with the fields that change) or
   unchanged. The result is an ``ImportPlan`` (plain data) with one ``RowProblem`` per problem.
2. ``apply(session, plan, actor)`` writes the plan in the caller's session (the caller commits), refusing a plan
   with bad rows unless ``only_good_rows=True``, and refusing when the registry changed since the file was read.

The header is found in the first ``HEADER_SCAN_ROWS`` rows of the first sheet that has one. It may take two rows
(merged cells): 单位名称 merged over A1:A2 and 法定代表人 merged over F1:G1 with 姓名 / 联系电话 in row 2 give the
columns 单位名称, 法定代表人 and 法定代表人电话; the second row is part of the header, not a data row.

Rules of the import: a column present in the file sets that field (an empty cell clears it, except 状态, where an
empty cell keeps the current status); a column missing from the file keeps the current value of an existing
enterprise. ``export`` writes the same header names, so an exported file imports back without changes.

Long loops take an optional ``progress(done, total, text)`` callback; it may raise to cancel (the caller's session
then rolls back, nothing is written).
"""

from __future__ import annotations

import os
import re
import tempfile
import uuid
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple
from xml.etree.ElementTree import ParseError

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.utils.datetime import from_excel
from openpyxl.utils.exceptions import InvalidFileException
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError

from models import uscc as uscc_mod
from models.db import is_busy_error
from models.entities import Enterprise, Town, Village
from models.enums import RISK_LABELS, RISK_SHORT, SECTORS, STATUS_LABELS, EnterpriseStatus, RiskLevel
from models.services import audit
from models.services import enterprises as reg
from models.services.enterprises import FIELD_LABELS, EnterpriseFilter, EnterpriseInput
from models.services.errors import ConcurrentEdit, ServiceError

Progress = Callable[[int, int, str], None]

REQUIRED_FIELDS: tuple[str, ...] = ("name", "uscc", "sector", "town_id")
HEADER_SCAN_ROWS = 10
_CHUNK = 500

# Column header names the import understands (the first of each list is what export and the template write).
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (FIELD_LABELS["name"], "企业名称", "名称", "单位全称", "企业（单位）名称"),
    "uscc": (FIELD_LABELS["uscc"], "信用代码", "社会信用代码", "统一信用代码"),
    "sector": (FIELD_LABELS["sector"], "行业", "行业类别", "所属行业"),
    "town_id": (FIELD_LABELS["town_id"], "镇", "乡镇", "镇（街道）", "所属乡镇", "所属镇（街道）", "乡镇（街道）"),
    "village_id": (FIELD_LABELS["village_id"], "村", "社区", "村（社区）", "所属村", "所属社区", "村（居）"),
    "address": (FIELD_LABELS["address"], "详细地址", "生产经营地址", "经营地址", "单位地址"),
    "risk_level": (FIELD_LABELS["risk_level"], "风险级别", "安全风险等级"),
    "is_high_risk": (FIELD_LABELS["is_high_risk"], "是否高危", "是否高危企业"),
    "in_park": (FIELD_LABELS["in_park"], "是否园区", "是否园区企业", "园区"),
    "status": (FIELD_LABELS["status"], "企业状态", "经营状态"),
    "legal_rep": (FIELD_LABELS["legal_rep"], "负责人", "法人", "法人代表", "主要负责人"),
    "legal_rep_phone": (FIELD_LABELS["legal_rep_phone"], "联系电话", "电话", "法人电话", "负责人电话", "联系方式"),
    "safety_manager": (FIELD_LABELS["safety_manager"], "安全管理人员", "安全员"),
    "safety_manager_phone": (FIELD_LABELS["safety_manager_phone"], "安全管理人员电话", "安全员电话"),
    "employees": (FIELD_LABELS["employees"], "职工人数", "员工人数", "从业人员数"),
    "main_products": (FIELD_LABELS["main_products"], "产品", "主营产品"),
    "established_on": (FIELD_LABELS["established_on"], "成立时间", "注册日期"),
    "notes": (FIELD_LABELS["notes"], "说明"),
}

_SINGLE_LINE = ("name", "sector", "address", "legal_rep", "legal_rep_phone", "safety_manager",
                "safety_manager_phone", "main_products")


# ------------------------------------------------------------------------------------------------ results


class ImportFileError(ServiceError):
    """The file as a whole cannot be imported (not Excel, empty, no header row, required columns missing)."""


@dataclass(frozen=True)
class RowProblem:
    row_number: int  # as Excel shows it
    column: str  # the header text as written in the file
    reason: str  # a Chinese sentence


class RowAction:
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    BAD = "bad"


@dataclass
class PlannedRow:
    row_number: int
    action: str  # a RowAction
    name: str
    uscc: str
    data: EnterpriseInput | None = None  # complete input to write (None for bad rows)
    enterprise_id: uuid.UUID | None = None  # existing enterprise (update / unchanged)
    version: int | None = None  # its version when the file was read
    town: str = ""  # the town's registered name (as written in the file when it is not registered)
    changes: tuple[str, ...] = ()  # update: the fields (FIELD_LABELS keys) whose value the import changes


class PlanCounts:
    """What the import dialogs read off a plan: counts by action, problems, the file's name. Mixed into the
    registry's and the expert pool's plans (both have ``path``, ``rows`` with ``action`` and ``problems``)."""

    path: str
    rows: list
    problems: list

    def _count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def new_count(self) -> int:
        return self._count(RowAction.NEW)

    @property
    def update_count(self) -> int:
        return self._count(RowAction.UPDATE)

    @property
    def unchanged_count(self) -> int:
        return self._count(RowAction.UNCHANGED)

    @property
    def bad_count(self) -> int:
        return self._count(RowAction.BAD)

    @property
    def good_count(self) -> int:
        return len(self.rows) - self.bad_count

    @property
    def has_problems(self) -> bool:
        return bool(self.problems)

    @property
    def file_name(self) -> str:
        return Path(self.path).name


@dataclass
class ImportPlan(PlanCounts):
    path: str
    sheet: str
    header_row: int  # the header's last row (data rows follow it)
    columns: dict[str, str]  # field → header text as written in the file ("法定代表人/联系电话" for two rows)
    ignored_columns: list[str] = field(default_factory=list)
    rows: list[PlannedRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)  # sorted by row, then column order
    header_first_row: int = 0  # the header's first row: header_row - 1 for a two-row header (0: same as header_row)

    def __post_init__(self) -> None:
        if not self.header_first_row:
            self.header_first_row = self.header_row


class ImportResult(NamedTuple):
    created: int
    updated: int
    unchanged: int
    skipped: int  # bad rows left out (only_good_rows=True)


# ------------------------------------------------------------------------------------------------ headers


def _norm_header(value: Any) -> str:
    """Header text for matching: no whitespace, ASCII parentheses, no required-field stars or trailing colon."""
    if value is None:
        return ""
    text = "".join(str(value).split())
    text = text.replace("（", "(").replace("）", ")").replace("＊", "*")
    return text.strip("*").rstrip(":：")


_ALIAS_TO_FIELD: dict[str, str] = {_norm_header(a): f for f, aliases in HEADER_ALIASES.items() for a in aliases}

# Second-row headers under a merged first-row cell (法定代表人 over 姓名 | 联系电话).
_NAME_WORDS = frozenset(_norm_header(w) for w in ("姓名", "名字", "名称"))
_PHONE_WORDS = frozenset(_norm_header(w) for w in (
    "电话", "联系电话", "手机", "手机号", "手机号码", "电话号码", "联系方式", "联系号码", "办公电话", "固定电话", "座机"))
_SUB_WORDS = _NAME_WORDS | _PHONE_WORDS | frozenset(("职务", "职称", "身份证号", "身份证号码", "邮箱", "电子邮箱"))
_PHONE_OF = {"legal_rep": "legal_rep_phone", "safety_manager": "safety_manager_phone"}


@dataclass
class _Header:
    row_number: int  # the header's first row
    columns: dict[str, int]  # field → 0-based column index
    texts: dict[str, str]  # field → header text as written
    ignored: list[str]
    last_row: int = 0  # the header's last row (the row below row_number for a two-row header)

    def __post_init__(self) -> None:
        self.last_row = self.last_row or self.row_number

    @property
    def score(self) -> int:
        return len(self.columns)

    @property
    def missing(self) -> list[str]:
        return [f for f in REQUIRED_FIELDS if f not in self.columns]

    @property
    def recognisable(self) -> bool:
        return self.score >= 2 or "name" in self.columns or "uscc" in self.columns

    @property
    def rows_text(self) -> str:
        if self.last_row == self.row_number:
            return f"第{self.row_number}行"
        return f"第{self.row_number}–{self.last_row}行"


def _build_header(first: int, last: int, resolved: list[tuple[str, str | None]]) -> _Header:
    """``resolved``: per column, (header text, field or None); "" for a column without a header."""
    columns: dict[str, int] = {}
    texts: dict[str, str] = {}
    ignored: list[str] = []
    for i, (text, f) in enumerate(resolved):
        if not text:
            continue
        if f is None or f in columns:
            ignored.append(text)
            continue
        columns[f] = i
        texts[f] = text
    return _Header(first, columns, texts, ignored, last)


def _cell_header(value: Any) -> str:
    return str(value).strip() if _norm_header(value) else ""


def _match_header(row_number: int, values: Iterable[Any]) -> _Header:
    """The header read from one row."""
    return _build_header(row_number, row_number,
                         [(_cell_header(v), _ALIAS_TO_FIELD.get(_norm_header(v))) for v in values])


def _resolve_pair(parent: str, child: str) -> tuple[str | None, bool]:
    """(field, whether the parent decided it) for a column headed ``parent`` with ``child`` below it."""
    p, c = _norm_header(parent), _norm_header(child)
    if not c:
        f = _ALIAS_TO_FIELD.get(p)
        return f, f is not None
    if not p:
        return _ALIAS_TO_FIELD.get(c), False
    f = _ALIAS_TO_FIELD.get(p + c)  # 安全管理人员 + 电话
    if f is not None:
        return f, True
    pf = _ALIAS_TO_FIELD.get(p)
    if pf is not None and c in _NAME_WORDS:  # 法定代表人 + 姓名
        return pf, True
    if pf in _PHONE_OF and c in _PHONE_WORDS:  # 法定代表人 + 联系电话
        return _PHONE_OF[pf], True
    if c in _SUB_WORDS:  # 企业联系人 + 电话: somebody else's phone, not the legal representative's
        return None, False
    return _ALIAS_TO_FIELD.get(c), False  # 基本情况 + 单位名称


class _Grid:
    """The first rows of a sheet with merged header cells filled in from their top-left cell."""

    def __init__(self, rows: list[tuple[Any, ...]], merges: list[tuple[int, int, int, int]]) -> None:
        width = max((len(r) for r in rows), default=0)
        self.raw = [list(r) + [None] * (width - len(r)) for r in rows]
        self.filled = [list(r) for r in self.raw]
        self.origin: dict[tuple[int, int], tuple[int, int]] = {}  # (row, col) 0-based → its merge's top-left
        self.merges = merges  # (min_col, min_row, max_col, max_row), 1-based as in Excel
        for c1, r1, c2, r2 in merges:
            if r1 > len(rows) or c1 > width:
                continue
            value = self.raw[r1 - 1][c1 - 1]
            for r in range(r1 - 1, min(r2, len(rows))):
                for c in range(c1 - 1, min(c2, width)):
                    self.filled[r][c] = value
                    self.origin[(r, c)] = (r1 - 1, c1 - 1)

    def linked(self, n: int) -> bool:
        """A merged cell spans rows ``n`` and ``n + 1`` (1-based)."""
        return any(r1 <= n < r2 for _c1, r1, _c2, r2 in self.merges)

    def pair(self, n: int) -> _Header | None:
        """Rows ``n`` and ``n + 1`` (1-based) read as one two-row header, or None when row n + 1 is no sub-header.

        Row n + 1 is a sub-header when a merged cell spans both rows, or when all its filled cells are header words
        (column names, or 姓名 / 电话 … under a merged parent), and row n contributes (a parent decides a column)."""
        if n >= len(self.filled):
            return None
        top, below = self.filled[n - 1], self.filled[n]
        width = len(top)
        parents = [_cell_header(v) for v in top]
        children = ["" if (n, i) in self.origin and self.origin.get((n, i)) == self.origin.get((n - 1, i))
                    else _cell_header(below[i]) for i in range(width)]
        if not any(children):
            return None
        for i in range(width):  # a parent written once over a group of children without merging the cells
            if not parents[i] and children[i] and (n - 1, i) not in self.origin:
                j = i - 1
                while j >= 0 and not parents[j] and children[j] and (n - 1, j) not in self.origin:
                    j -= 1
                if j >= 0 and parents[j] and children[j] and (n - 1, j) not in self.origin:
                    parents[i] = parents[j]
        header_like = True
        contributes = False
        resolved: list[tuple[str, str | None]] = []
        for i in range(width):
            parent, child = parents[i], children[i]
            f, by_parent = _resolve_pair(parent, child)
            if child and (not isinstance(below[i], str) or (f is None and _norm_header(child) not in _SUB_WORDS)):
                header_like = False
            contributes = contributes or by_parent
            resolved.append((f"{parent}/{child}" if parent and child else parent or child, f))
        if not contributes or not (header_like or self.linked(n)):
            return None
        return _build_header(n, n + 1, resolved)


# ------------------------------------------------------------------------------------------------ cell values


class _CellError(Exception):
    pass


_LINE_BREAKS = re.compile(r"\s*[\r\n\t]+\s*")


def _text(value: Any, single_line: bool = True) -> str:
    """A cell as trimmed text (line breaks inside single-line fields become one space)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    return _LINE_BREAKS.sub(" ", text) if single_line else text


_TRUE = {"是", "√", "✓", "✔", "1", "y", "yes", "true", "对", "有", "t"}
_FALSE = {"否", "×", "✗", "x", "0", "n", "no", "false", "无", "不是", "f", "-", "—", "/"}


def _bool(value: Any) -> bool:
    if value is None or value is False:
        return False
    if value is True:
        return True
    if isinstance(value, int | float):
        if value in (0, 1):
            return bool(value)
        raise _CellError(f"“{_text(value)}”无法识别，请填写“是”或“否”。")
    text = _text(value).lower()
    if text in _TRUE:
        return True
    if not text or text in _FALSE:
        return False
    raise _CellError(f"“{_text(value)}”无法识别，请填写“是”或“否”。")


def _risk_vocabulary() -> dict[str, str | None]:
    words: dict[str, str | None] = {}
    descriptions = {RiskLevel.RED: "重大风险", RiskLevel.ORANGE: "较大风险", RiskLevel.YELLOW: "一般风险",
                    RiskLevel.BLUE: "低风险"}
    for code in RiskLevel:
        short = RISK_SHORT[code]
        for w in (code.value, short, f"{short}色", f"{short}级", f"{short}色风险", f"{short}色等级", RISK_LABELS[code],
                  descriptions[code], f"{short}({descriptions[code]})", f"{short}色({descriptions[code]})"):
            words[_norm_header(w).lower()] = code.value
    for w in ("", "未定级", "未评定", "未评级", "无", "暂无", "-", "—", "/"):
        words[w] = None
    return words


_RISK_WORDS = _risk_vocabulary()


def _risk(value: Any) -> str | None:
    key = _norm_header(_text(value)).lower()
    if key in _RISK_WORDS:
        return _RISK_WORDS[key]
    raise _CellError(f"风险等级“{_text(value)}”无法识别，应为红、橙、黄、蓝之一（或“重大风险”“较大风险”“一般风险”“低风险”）。")


_STATUS_WORDS = {**{label: code for code, label in STATUS_LABELS.items()},
                 **{code.value: code.value for code in EnterpriseStatus}}


def _status(value: Any) -> str | None:
    """The status code, or None for an empty cell (keep the current status / 正常 for a new enterprise)."""
    text = "".join(_text(value).split())
    if not text:
        return None
    code = _STATUS_WORDS.get(text) or _STATUS_WORDS.get(text.lower())
    if code is None:
        raise _CellError(f"状态“{text}”无法识别，应为：{'、'.join(STATUS_LABELS.values())}。")
    return code


_INT_TEXT = re.compile(r"^\d{1,7}(人)?$")


def _int(value: Any) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise _CellError(f"从业人数“{_text(value)}”不是整数。")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise _CellError(f"从业人数“{value:g}”不是整数。")
    text = _text(value).replace(",", "").replace("，", "")
    if _INT_TEXT.match(text):
        return int(text.rstrip("人"))
    raise _CellError(f"从业人数“{_text(value)}”不是整数。")


_DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def _date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    bad = _CellError(f"成立日期“{_text(value)}”无法识别，请填写如 2020-01-05 或 2020年1月5日。")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 1900_01_01 <= value <= 2199_12_31:
            m = _DATE_COMPACT.match(str(int(value)))
        elif 1 <= value < 100_000:  # an Excel serial day number in a cell not formatted as a date
            return from_excel(value).date()
        else:
            raise bad
    else:
        text = _text(value)
        if not text:
            return None
        m = _DATE_TEXT.match(text) or _DATE_COMPACT.match(text)
    if m is None:
        raise bad
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise bad from None


# ------------------------------------------------------------------------------------------------ regions


@dataclass
class _Regions:
    towns: dict[str, uuid.UUID]  # normalised name → id
    town_names: dict[uuid.UUID, str]
    villages: dict[tuple[uuid.UUID, str], uuid.UUID]  # (town, normalised name) → id
    village_towns: dict[str, list[uuid.UUID]]  # normalised village name → towns that have it
    village_town: dict[uuid.UUID, uuid.UUID]  # village → its town

    @classmethod
    def load(cls, session: Session) -> _Regions:
        towns: dict[str, uuid.UUID] = {}
        names: dict[uuid.UUID, str] = {}
        for tid, name in session.execute(select(Town.id, Town.name).order_by(Town.sort_order, Town.name)):
            towns[_norm_name(name)] = tid
            names[tid] = name
        villages: dict[tuple[uuid.UUID, str], uuid.UUID] = {}
        village_towns: dict[str, list[uuid.UUID]] = {}
        village_town: dict[uuid.UUID, uuid.UUID] = {}
        for vid, tid, name in session.execute(select(Village.id, Village.town_id, Village.name)):
            villages[(tid, _norm_name(name))] = vid
            village_towns.setdefault(_norm_name(name), []).append(tid)
            village_town[vid] = tid
        return cls(towns, names, villages, village_towns, village_town)

    def town(self, text: str) -> uuid.UUID:
        key = _norm_name(text)
        if not key:
            raise _CellError("所属镇不能为空。")
        if key in self.towns:
            return self.towns[key]
        # "归义" for 归义镇, "归义镇" for a town registered as 归义街道 …
        stem = _TOWN_SUFFIX.sub("", key)
        found = {tid for name, tid in self.towns.items() if _TOWN_SUFFIX.sub("", name) == stem}
        if len(found) == 1:
            return found.pop()
        known = "、".join(list(self.town_names.values())[:12])
        more = "等" if len(self.town_names) > 12 else ""
        listed = f"系统中的镇有：{known}{more}。" if known else "系统中还没有登记任何镇，请先登记镇（街道）后再导入。"
        raise _CellError(f"所属镇“{text}”不存在。{listed}")

    def village(self, town_id: uuid.UUID, text: str) -> uuid.UUID | None:
        key = _norm_name(text)
        if not key:
            return None
        vid = self.villages.get((town_id, key))
        if vid is not None:
            return vid
        town = self.town_names[town_id]
        elsewhere = [self.town_names[t] for t in self.village_towns.get(key, [])]
        if elsewhere:
            raise _CellError(f"村（社区）“{text}”属于{'、'.join(elsewhere)}，不属于{town}。")
        raise _CellError(f"{town}没有名为“{text}”的村（社区）。")


_TOWN_SUFFIX = re.compile(r"(镇|乡|街道办事处|街道|办事处)$")


def _norm_name(text: str) -> str:
    return "".join((text or "").split()).replace("（", "(").replace("）", ")")


# ------------------------------------------------------------------------------------------------ reading


_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OTHER_OFFICE_PARTS = {"word/document.xml": "Word 文档", "ppt/presentation.xml": "PowerPoint 演示文稿"}


def _damaged(name: str) -> ImportFileError:
    return ImportFileError(f"文件“{name}”已损坏或不是有效的 Excel 工作簿（.xlsx），无法读取。"
                           "请在 Excel 中打开并重新保存后再试。")


def _not_a_workbook(fh: Any, name: str) -> ImportFileError:
    """A zip (an Office file) without a workbook part: say what it is when we can tell."""
    kind = ""
    with suppress(Exception):
        fh.seek(0)
        with zipfile.ZipFile(fh) as z:
            names = set(z.namelist())
        kind = next((k for part, k in _OTHER_OFFICE_PARTS.items() if part in names), "")
    what = f"是 {kind}，" if kind else ""
    return ImportFileError(f"文件“{name}”{what}不是 Excel 工作簿（文件中没有工作表），无法导入。"
                           "请选择 Excel 工作簿（.xlsx）文件；如果数据在 Word 表格中，请先复制到 Excel 并保存为 .xlsx。")


def _open_workbook(path: Path) -> tuple[Any, Any]:
    """(workbook, open file) for a real .xlsx, whatever its name ends with; ImportFileError otherwise."""
    name = path.name
    try:
        fh = open(path, "rb")  # read-only workbooks read lazily; closed by the caller
    except FileNotFoundError:
        raise ImportFileError(f"找不到文件“{name}”。") from None
    except IsADirectoryError:
        raise ImportFileError(f"“{name}”是文件夹，不是 Excel 工作簿。") from None
    except OSError as exc:
        raise ImportFileError(f"无法打开文件“{name}”：{exc.strerror or exc}。") from None
    try:
        head = fh.read(8)
        if not head:
            raise ImportFileError(f"文件“{name}”是空的（0 字节），没有可导入的内容。")
        if head.startswith(_OLE2_MAGIC):
            raise ImportFileError(f"文件“{name}”是旧版 Excel（.xls）文件或设置了打开密码，无法直接导入。"
                                  "请在 Excel 中打开，取消密码后“另存为”Excel 工作簿（.xlsx）再导入。")
        if not head.startswith(b"PK"):
            raise ImportFileError(f"文件“{name}”不是 Excel 工作簿（.xlsx）。如果是 CSV 或其他格式，"
                                  "请在 Excel 中打开后“另存为”Excel 工作簿（.xlsx）再导入。")
        fh.seek(0)
        try:
            wb = openpyxl.load_workbook(fh, read_only=True, data_only=True)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, ParseError, ValueError, TypeError, EOFError,
                zlib.error, IndexError, AttributeError) as exc:
            raise _damaged(name) from exc
        except OSError as exc:  # openpyxl: "File contains no valid workbook part" (a .docx, a .pptx …)
            raise _not_a_workbook(fh, name) from exc
        except Exception as exc:  # whatever else openpyxl trips over in a strange file
            raise _damaged(name) from exc
    except BaseException:
        fh.close()
        raise
    return wb, fh


def _row_is_empty(values: Iterable[Any]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


_MERGE_REF = re.compile(rb'mergeCell\s[^>]*?\bref="([A-Za-z]{1,3}[0-9]+(?::[A-Za-z]{1,3}[0-9]+)?)"')


def _merged_ranges(ws: Any) -> list[tuple[int, int, int, int]]:
    """The merged cells of a read-only sheet as (min_col, min_row, max_col, max_row).

    openpyxl's read-only sheets do not read them; they are ``<mergeCell ref="A1:A2"/>`` elements after the cell data,
    found here by a streaming scan of the sheet's XML (no parse). Without them (an unexpected sheet object) the header
    is still read, by its text alone."""
    source = getattr(ws, "_get_source", None)
    if source is None:
        return []
    out: list[tuple[int, int, int, int]] = []
    with source() as fh:
        tail = b""
        while chunk := fh.read(1 << 20):
            buf = tail + chunk
            end = 0
            for m in _MERGE_REF.finditer(buf):
                bounds = range_boundaries(m.group(1).decode("ascii"))
                if None not in bounds:
                    out.append(bounds)  # type: ignore[arg-type]
                end = m.end()
            tail = buf[max(end, len(buf) - 512):]
    return out


def _sheet_header(ws: Any) -> tuple[_Header | None, bool]:
    """(the best header in the first rows of ``ws`` or None, whether those rows have any content)."""
    rows = list(ws.iter_rows(max_row=HEADER_SCAN_ROWS + 1, values_only=True))
    if all(_row_is_empty(r) for r in rows[:HEADER_SCAN_ROWS]):
        return None, False
    grid = _Grid(rows, _merged_ranges(ws))
    best: _Header | None = None
    for n, values in enumerate(grid.raw[:HEADER_SCAN_ROWS], start=1):
        if _row_is_empty(values):
            continue
        h = grid.pair(n) or _match_header(n, values)
        if h.recognisable and (best is None or h.score > best.score):
            best = h
    return best, True


def _find_header(wb: Any) -> tuple[Any, _Header]:
    any_content = False
    first_recognised: tuple[Any, _Header] | None = None
    for ws in wb.worksheets:
        best, content = _sheet_header(ws)
        any_content = any_content or content
        if best is None:
            continue
        if not best.missing:
            return ws, best
        if first_recognised is None:
            first_recognised = (ws, best)
    if first_recognised is not None:
        ws, h = first_recognised
        names = "、".join(f"“{FIELD_LABELS[f]}”" for f in h.missing)
        raise ImportFileError(f"工作表“{ws.title}”{h.rows_text}的表头缺少必需的列：{names}。"
                              f"请在表头添加这些列（列名须与模板一致）后再导入。")
    if not any_content:
        raise ImportFileError("文件中没有任何内容（工作表是空的）。")
    labels = "、".join(f"“{FIELD_LABELS[f]}”" for f in REQUIRED_FIELDS)
    raise ImportFileError(f"在各工作表的前{HEADER_SCAN_ROWS}行中没有找到表头。表头行应包含列名{labels}等。"
                          "可先导出一份企业名录，或在导入窗口中点“保存导入模板…”，作为样例。")


@dataclass
class _RawRow:
    row_number: int
    values: dict[str, Any]  # field → cell value (present columns only)


def _guarded(rows: Iterator[Any], name: str) -> Iterator[Any]:
    """``rows``, with an error inside openpyxl (a damaged or strange file) turned into ImportFileError. Only the
    iteration is guarded: an exception the consumer raises between rows (a cancelled progress) is not touched."""
    while True:
        try:
            item = next(rows)
        except StopIteration:
            return
        except ServiceError:
            raise
        except Exception as exc:
            raise ImportFileError(f"文件“{name}”已损坏，读取到一半时出错，无法导入。"
                                  "请在 Excel 中打开并重新保存后再试。") from exc
        yield item


def _read_rows(path: Path, progress: Progress | None) -> tuple[str, _Header, list[_RawRow]]:
    wb, fh = _open_workbook(path)
    try:
        try:
            ws, header = _find_header(wb)
        except ServiceError:
            raise
        except Exception as exc:
            raise ImportFileError(f"文件“{path.name}”已损坏或格式异常，无法读取表头。"
                                  "请在 Excel 中打开并重新保存后再试。") from exc
        first = header.last_row + 1
        total = max((ws.max_row or 0) - header.last_row, 0)
        rows: list[_RawRow] = []
        cols = header.columns
        for n, values in enumerate(_guarded(ws.iter_rows(min_row=first, values_only=True), path.name), start=first):
            picked = {f: values[i] if i < len(values) else None for f, i in cols.items()}
            if not _row_is_empty(picked.values()):
                rows.append(_RawRow(n, picked))
            if progress is not None and n % 500 == 0:
                progress(n - header.last_row, total, "正在读取文件…")
        if not rows:
            raise ImportFileError(f"工作表“{ws.title}”只有表头（{header.rows_text}），没有企业数据行。")
        return ws.title, header, rows
    finally:
        with suppress(Exception):
            wb.close()
        fh.close()


def _existing(session: Session, usccs: list[str]) -> dict[str, tuple[uuid.UUID, int, EnterpriseInput]]:
    """USCC → (id, version, current data) of the enterprises among ``usccs``, read in chunks."""
    index = reg.uscc_index(session)
    wanted = [u for u in dict.fromkeys(usccs) if u in index]
    cols = [getattr(Enterprise, f) for f in reg._DATA_FIELDS]
    out: dict[str, tuple[uuid.UUID, int, EnterpriseInput]] = {}
    for start in range(0, len(wanted), _CHUNK):
        q = select(Enterprise.id, Enterprise.version, *cols).where(Enterprise.uscc.in_(wanted[start:start + _CHUNK]))
        for r in session.execute(q):
            data = EnterpriseInput(**dict(zip(reg._DATA_FIELDS, r[2:], strict=True)))
            out[data.uscc] = (r[0], r[1], data)
    return out


def read_workbook(session: Session, path: str | os.PathLike[str], *, progress: Progress | None = None) -> ImportPlan:
    """Read and check an .xlsx file and classify its rows against the database; writes nothing.

    Raises ImportFileError when the file as a whole cannot be used."""
    path = Path(path)
    sheet, header, raw_rows = _read_rows(path, progress)
    total = len(raw_rows)
    if progress is not None:
        progress(0, total, "正在检查数据…")
    regions = _Regions.load(session)
    texts = header.texts

    def column(f: str) -> str:
        return texts.get(f, FIELD_LABELS.get(f, f))

    uscc_cells = {r.row_number: uscc_mod.normalize(_text(r.values.get("uscc"))) for r in raw_rows}
    existing = _existing(session, [u for u in uscc_cells.values() if u])
    by_uscc: dict[str, list[int]] = {}
    for n, u in uscc_cells.items():
        if u:
            by_uscc.setdefault(u, []).append(n)

    order = {f: i for i, f in enumerate(reg._DATA_FIELDS)}
    plan = ImportPlan(path=str(path), sheet=sheet, header_row=header.last_row, columns=dict(texts),
                      ignored_columns=list(header.ignored), header_first_row=header.row_number)
    for i, raw in enumerate(raw_rows):
        problems: dict[str, str] = {}
        uscc = uscc_cells[raw.row_number]
        match = existing.get(uscc)
        row = _plan_row(raw, uscc, match, regions, problems)
        others = [n for n in by_uscc.get(uscc, []) if n != raw.row_number]
        if others and "uscc" not in problems:
            problems["uscc"] = (f"统一社会信用代码 {uscc} 在文件中重复出现（第{'、'.join(map(str, others))}行也是），"
                                "请核对后只保留一行。")
        for f in sorted(problems, key=lambda f: order.get(f, 99)):
            plan.problems.append(RowProblem(raw.row_number, column(f), problems[f]))
        if problems:
            row.action, row.data = RowAction.BAD, None
        plan.rows.append(row)
        if progress is not None and i % 500 == 499:
            progress(i + 1, total, "正在检查数据…")
    if progress is not None:
        progress(total, total, "检查完成")
    return plan


def _plan_row(raw: _RawRow, uscc: str, match: tuple[uuid.UUID, int, EnterpriseInput] | None, regions: _Regions,
              problems: dict[str, str]) -> PlannedRow:
    cells = raw.values
    row = PlannedRow(row_number=raw.row_number, action=RowAction.BAD, name=_text(cells.get("name")), uscc=uscc)
    base = replace(match[2]) if match else EnterpriseInput(name="", uscc="", sector="")
    data = replace(base, uscc=uscc)

    def parse(f: str, fn: Callable[[Any], Any]) -> Any:
        try:
            return fn(cells.get(f))
        except _CellError as exc:
            problems[f] = str(exc)
            return getattr(base, f)

    for f in ("name", "sector", "address", "legal_rep", "legal_rep_phone", "safety_manager", "safety_manager_phone",
              "main_products", "notes"):
        if f in cells:
            setattr(data, f, _text(cells[f], single_line=f in _SINGLE_LINE))
    for f, fn in (("risk_level", _risk), ("is_high_risk", _bool), ("in_park", _bool), ("employees", _int),
                  ("established_on", _date)):
        if f in cells:
            setattr(data, f, parse(f, fn))
    if "status" in cells:
        status = parse("status", _status)
        data.status = status or base.status or EnterpriseStatus.NORMAL

    town_id = parse("town_id", lambda v: regions.town(_text(v)))
    data.town_id = town_id if "town_id" not in problems else None
    row.town = regions.town_names.get(data.town_id, "") if data.town_id else _text(cells.get("town_id"))
    if data.town_id is not None:
        if "village_id" in cells:
            data.village_id = parse("village_id", lambda v: regions.village(town_id, _text(v)))
        elif data.village_id is not None and regions.village_town.get(data.village_id) != data.town_id:
            data.village_id = None  # moved to another town; the old village does not belong to it

    raw_uscc = cells.get("uscc")
    # As the service stores it (phone numbers normalised …), so that an unchanged row compares equal.
    data = reg.clean(data)
    for err in reg.check_fields(data):
        if err.field == "town_id" or err.field in problems:
            continue
        message = err.message
        if err.field == "uscc" and isinstance(raw_uscc, int | float) and not isinstance(raw_uscc, bool):
            message += ("（该单元格是数字格式：Excel 只保留15位有效数字，末几位可能已丢失。"
                        "请把该列设为“文本”格式后重新录入代码。）")
        problems[err.field] = message
    row.name = data.name or row.name
    if problems:
        return row
    row.data = data
    if match is None:
        row.action = RowAction.NEW
    else:
        row.enterprise_id, row.version = match[0], match[1]
        current = reg.clean(match[2])
        row.changes = tuple(f for f in reg._DATA_FIELDS if getattr(current, f) != getattr(data, f))
        row.action = RowAction.UPDATE if row.changes else RowAction.UNCHANGED
    return row


# ------------------------------------------------------------------------------------------------ applying


def apply(session: Session, plan: ImportPlan, actor: str = "", only_good_rows: bool = False, *,
          progress: Progress | None = None) -> ImportResult:
    """Write the plan's new and changed rows in ``session`` (the caller commits; any error → write nothing).

    Raises ServiceError when the plan has bad rows (unless ``only_good_rows``), and ConcurrentEdit when the
    registry or the towns/villages changed since the file was read (read it again, then import)."""
    if plan.bad_count and not only_good_rows:
        raise ServiceError(f"文件中有 {plan.bad_count} 行存在问题，未导入任何数据。"
                           "请修改文件后重新读取，或选择“仅导入正确的行”。")
    writes = _writes(plan)
    _check_still_current(session, plan)
    reason = f"Excel导入：{plan.file_name}"
    total = len(writes)
    if progress is not None:
        progress(0, total, "正在导入…")

    # Load the enterprises to update in a few queries; the list keeps them in the identity map for update().
    update_ids = [eid for _data, eid, _version in writes if eid is not None]
    loaded = []
    for start in range(0, len(update_ids), _CHUNK):
        loaded.extend(session.scalars(select(Enterprise).where(Enterprise.id.in_(update_ids[start:start + _CHUNK]))))

    created = updated = 0
    with session.no_autoflush:  # a lazy load inside update() must not flush behind _flush_batch()'s back
        for i, (row_data, eid, version) in enumerate(writes):
            if eid is None or version is None:
                reg.create(session, replace(row_data, status_reason=f"建档（{reason}）"), actor, validated=True,
                           flush=False)
                created += 1
            else:
                reg.update(session, eid, replace(row_data, status_reason=reason), version, actor, validated=True,
                           flush=False)
                updated += 1
            if i % _CHUNK == _CHUNK - 1 or i + 1 == total:
                _flush_batch(session)
                if progress is not None:
                    progress(i + 1, total, "正在导入…")
    del loaded
    result = ImportResult(created=created, updated=updated, unchanged=plan.unchanged_count,
                          skipped=plan.bad_count if only_good_rows else 0)
    audit.record(session, actor, "enterprise_import", None, "import", file=plan.file_name, sheet=plan.sheet,
                 **result._asdict())
    session.flush()
    return result


def _writes(plan: ImportPlan) -> list[tuple[EnterpriseInput, uuid.UUID | None, int | None]]:
    """The rows to write as (data, enterprise id, version); id and version are None for a new enterprise.

    Checks, before anything is written, that each row carries what writing it needs (a plan made by read_workbook
    always does; a plan built or changed elsewhere may not)."""
    out: list[tuple[EnterpriseInput, uuid.UUID | None, int | None]] = []
    for r in plan.rows:
        if r.action not in (RowAction.NEW, RowAction.UPDATE):
            continue
        if r.data is None or (r.action == RowAction.UPDATE and (r.enterprise_id is None or r.version is None)):
            raise ServiceError(f"导入数据不完整（第{r.row_number}行“{r.name}”），未导入任何数据。"
                               "请重新读取文件后再导入。")
        if r.action == RowAction.NEW:
            out.append((r.data, None, None))
        else:
            out.append((r.data, r.enterprise_id, r.version))
    return out


def _flush_batch(session: Session) -> None:
    """Flush a batch of imported rows; a collision with another user's commit becomes ConcurrentEdit."""
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConcurrentEdit("导入期间有企业档案被其他用户修改并保存，本次未导入任何数据。"
                             "请重新读取文件后再导入。") from exc
    except IntegrityError as exc:  # e.g. the same USCC registered, or a town deleted, by someone else just now
        raise ConcurrentEdit("导入期间其他用户登记或修改了相关数据（如相同信用代码的企业、镇或村），"
                             "本次未导入任何数据。请重新读取文件后再导入。") from exc
    except OperationalError as exc:
        if is_busy_error(exc):
            raise ConcurrentEdit("数据库正被其他用户写入，本次未导入任何数据。请稍后再试。") from exc
        raise


def _check_still_current(session: Session, plan: ImportPlan) -> None:
    """Refuse (write nothing) when what the plan was checked against has changed since the file was read."""
    index = reg.uscc_index(session)
    changed: list[str] = []
    for r in plan.rows:
        if r.action == RowAction.NEW and r.uscc in index:
            changed.append(r.name)
        elif r.action in (RowAction.UPDATE, RowAction.UNCHANGED) and index.get(r.uscc) != (r.enterprise_id, r.version):
            changed.append(r.name)
    if changed:
        some = "、".join(f"“{n}”" for n in changed[:3]) + ("等" if len(changed) > 3 else "")
        raise ConcurrentEdit(f"读取文件之后，{some}{len(changed)}家企业的档案已被其他用户新增或修改。为免覆盖对方的内容，"
                             "本次未导入任何数据。请重新读取文件后再导入。")
    towns = set(session.scalars(select(Town.id)))
    villages = set(session.scalars(select(Village.id)))
    used_towns = {r.data.town_id for r in plan.rows if r.data is not None}
    used_villages = {r.data.village_id for r in plan.rows if r.data is not None and r.data.village_id is not None}
    if not used_towns <= towns or not used_villages <= villages:
        raise ConcurrentEdit("读取文件之后，有镇或村（社区）已被删除。本次未导入任何数据，请重新读取文件后再导入。")


# ------------------------------------------------------------------------------------------------ export

EXPORT_FIELDS: tuple[str, ...] = tuple(FIELD_LABELS)
_WIDTHS = {"name": 36, "uscc": 22, "sector": 12, "town_id": 12, "village_id": 14, "address": 36, "risk_level": 15,
           "is_high_risk": 10, "in_park": 10, "status": 13, "legal_rep": 12, "legal_rep_phone": 16,
           "safety_manager": 12, "safety_manager_phone": 16, "employees": 10, "main_products": 24,
           "established_on": 12, "notes": 30}
_TEXT_FIELDS = ("uscc", "legal_rep_phone", "safety_manager_phone")
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _setup_sheet(ws: Any, n_columns: int) -> None:
    for i, f in enumerate(EXPORT_FIELDS[:n_columns], start=1):
        ws.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(f, 14)
    ws.freeze_panes = "A2"


def _header_cells(ws: Any) -> list[Any]:
    out = []
    for f in EXPORT_FIELDS:
        c = WriteOnlyCell(ws, value=FIELD_LABELS[f])
        c.font, c.fill, c.alignment = _HEADER_FONT, _HEADER_FILL, _HEADER_ALIGN
        out.append(c)
    return out


@contextmanager
def _atomic_target(path: Path) -> Iterator[str]:
    """A temporary file next to ``path``, renamed to it when the block succeeds: a failure or a cancel never
    leaves half a file under the chosen name (nor replaces a good one)."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".tijian-", suffix=".xlsx", dir=path.parent)
    except FileNotFoundError:
        raise ServiceError(f"文件夹“{path.parent}”不存在。") from None
    except OSError as exc:
        raise ServiceError(f"无法在文件夹“{path.parent}”中写入文件：{exc.strerror or exc}。") from None
    os.close(fd)
    try:
        yield tmp
        try:
            os.replace(tmp, path)
        except PermissionError:
            raise ServiceError(f"无法写入“{path.name}”：文件可能正在 Excel 中打开，或没有写入权限。"
                               "请关闭该文件或换一个文件名后再试。") from None
        except OSError as exc:
            raise ServiceError(f"无法写入“{path.name}”：{exc.strerror or exc}。") from None
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def _export_values(data: EnterpriseInput, town: str, village: str) -> list[Any]:
    out: list[Any] = []
    for f in EXPORT_FIELDS:
        v: Any = getattr(data, f)
        if f == "town_id":
            v = town
        elif f == "village_id":
            v = village
        elif f == "risk_level":
            v = RISK_LABELS.get(v, v) if v else None
        elif f == "status":
            v = STATUS_LABELS.get(v, v)
        elif isinstance(v, bool):
            v = "是" if v else "否"
        elif v == "":
            v = None
        out.append(v)
    return out


def _write_export(session: Session, wb: Any, ids: list[uuid.UUID], progress: Progress | None) -> int:
    total = len(ids)
    ws = wb.create_sheet("企业名录")
    _setup_sheet(ws, len(EXPORT_FIELDS))
    ws.append(_header_cells(ws))
    text_cols = {EXPORT_FIELDS.index(f) for f in _TEXT_FIELDS}
    date_col = EXPORT_FIELDS.index("established_on")
    t, v = aliased(Town), aliased(Village)
    q = (select(Enterprise.id, func.coalesce(t.name, ""), func.coalesce(v.name, ""),
                *[getattr(Enterprise, f) for f in reg._DATA_FIELDS])
         .outerjoin(t, t.id == Enterprise.town_id)
         .outerjoin(v, v.id == Enterprise.village_id))
    done = 0
    for start in range(0, total, _CHUNK):
        chunk = ids[start:start + _CHUNK]
        found = {r[0]: r for r in session.execute(q.where(Enterprise.id.in_(chunk)))}
        for eid in chunk:
            r = found.get(eid)
            if r is None:  # deleted meanwhile
                continue
            data = EnterpriseInput(**dict(zip(reg._DATA_FIELDS, r[3:], strict=True)))
            values = _export_values(data, r[1], r[2])
            row: list[Any] = []
            for i, value in enumerate(values):
                if value is not None and (i in text_cols or i == date_col):
                    c = WriteOnlyCell(ws, value=value)
                    c.number_format = "@" if i in text_cols else "yyyy-mm-dd"
                    value = c
                row.append(value)
            ws.append(row)
            done += 1
        if progress is not None:
            progress(min(start + _CHUNK, total), total, "正在导出…")
    ws.auto_filter.ref = f"A1:{get_column_letter(len(EXPORT_FIELDS))}{done + 1}"
    ws.print_title_rows = "1:1"
    return done


def export(session: Session, flt: EnterpriseFilter | None, path: str | os.PathLike[str], sort: str = "name",
           descending: bool = False, *, progress: Progress | None = None) -> int:
    """Write the filtered registry, in list-view order, to an .xlsx file; returns the number of enterprises."""
    ids = reg.find_ids(session, flt or EnterpriseFilter(), sort, descending)
    total = len(ids)
    if progress is not None:
        progress(0, total, "正在导出…")
    path = Path(path)
    with _atomic_target(path) as tmp:
        wb = openpyxl.Workbook(write_only=True)
        try:
            done = _write_export(session, wb, ids, progress)
        except BaseException:
            with suppress(Exception):
                wb.save(tmp)  # closes the streamed sheet; the temporary file is then removed
            raise
        wb.save(tmp)
    return done


def write_template(path: str | os.PathLike[str]) -> None:
    """An empty import workbook: the header row, drop-down lists, text-formatted code/phone columns, and a sheet
    explaining each column."""
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "企业名录"
    ws.append([FIELD_LABELS[f] for f in EXPORT_FIELDS])
    for i, f in enumerate(EXPORT_FIELDS, start=1):
        cell = ws.cell(row=1, column=i)
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _HEADER_ALIGN
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = _WIDTHS.get(f, 14)
        if f in _TEXT_FIELDS:
            for r in range(2, 1002):
                ws.cell(row=r, column=i).number_format = "@"
    ws.freeze_panes = "A2"

    def dropdown(f: str, options: Iterable[str], strict: bool = True) -> None:
        col = get_column_letter(EXPORT_FIELDS.index(f) + 1)
        dv = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True,
                            showErrorMessage=strict)
        dv.add(f"{col}2:{col}5000")
        ws.add_data_validation(dv)

    dropdown("risk_level", [RISK_SHORT[c] for c in RiskLevel])
    dropdown("is_high_risk", ["是", "否"])
    dropdown("in_park", ["是", "否"])
    dropdown("status", list(STATUS_LABELS.values()))
    dropdown("sector", SECTORS, strict=False)

    help_ws = wb.create_sheet("填写说明")
    help_ws.append(["列名", "必填", "说明", "也可用的列名"])
    notes = {
        "name": "企业（单位）全称，最多100字。",
        "uscc": "18位统一社会信用代码，用于识别同一企业：再次导入时代码相同的行更新原档案，不会重复登记。",
        "sector": "如：" + "、".join(SECTORS[:6]) + "等。",
        "town_id": "须为系统中已登记的镇（街道）名称。",
        "village_id": "须为该镇下已登记的村（社区）名称，可不填。",
        "risk_level": "红、橙、黄、蓝（或重大风险、较大风险、一般风险、低风险），未定级可不填。",
        "is_high_risk": "是 / 否，不填为否。",
        "in_park": "是 / 否，不填为否。",
        "status": "、".join(STATUS_LABELS.values()) + "；不填时新企业为“正常”，已有企业保持原状态。",
        "legal_rep_phone": "手机11位，座机如 0730-5212345。",
        "safety_manager_phone": "手机11位，座机如 0730-5212345。",
        "employees": "整数。",
        "established_on": "如 2020-01-05 或 2020年1月5日。",
    }
    for f in EXPORT_FIELDS:
        help_ws.append([FIELD_LABELS[f], "是" if f in REQUIRED_FIELDS else "", notes.get(f, ""),
                        "、".join(HEADER_ALIASES[f][1:])])
    help_ws.append([])
    help_ws.append(["文件中缺少的非必填列：新企业按空白登记，已有企业保留原内容；列中留空的单元格会清空原内容（状态除外）。"])
    for c in help_ws[1]:
        c.font = _HEADER_FONT
    for letter, width in zip("ABCD", (18, 6, 70, 40), strict=True):
        help_ws.column_dimensions[letter].width = width
    path = Path(path)
    with _atomic_target(path) as tmp:
        wb.save(tmp)


__all__ = [
    "HEADER_ALIASES",
    "ImportFileError",
    "ImportPlan",
    "ImportResult",
    "PlannedRow",
    "Progress",
    "RowAction",
    "RowProblem",
    "apply",
    "export",
    "read_workbook",
    "write_template",
]
