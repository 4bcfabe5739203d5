"""Outputs of scheduling: the dispatch sheet (派工单) PDF for a day or a visit, and an .ics calendar per person.

Public API
----------
- ``visits_of_day(session, day) -> list[uuid]``: the day's non-cancelled visits, in time order.
- ``dispatch_data(session, visit_ids) -> list[DispatchVisit]``: plain data of the visits, in the order given.
- ``missing_characters(data, agency_name='') -> list[str]``: characters the PDF cannot draw (see *Fonts* below).
- ``dispatch_pdf(data, agency_name, title_day=None, *, replace_missing=False, page_per_visit=False) -> bytes``.
- ``person_ics(session, officer_id=None, expert_id=None, supervisor_id=None, start=None, end=None, *,
  include_cancelled=False) -> str``.

Choices (documented here, relied on by the tests)
-------------------------------------------------

*Team.* Members who declined the assignment (``VisitMember.refused``) are not on the sheet nor in their calendar.
Officers, experts and observers each sort by the pinyin of their name.

*Fonts.* The bundled CJK font (``models.fonts``) is embedded (a TrueType subset, FontFile2). It has **no glyphs for
ASCII** (digits, Latin letters, ``-``, ``:`` …), so runs of characters the CJK font lacks but Windows-1252 encodes are
set in the PDF base font Helvetica, which every PDF reader provides (not embedded; it is one of the 14 standard
fonts). A character neither can draw (e.g. 𠮷, CJK Extension B) is *reported*: ``dispatch_pdf`` raises
``MissingGlyphs`` (a ``ServiceError`` whose Chinese message names the characters and where they occur; ``.chars``
lists them). The UI may then ask the user and call again with ``replace_missing=True``, which prints the geta mark 〓
(the typesetter's sign for a missing character) in their place — never a silent empty box.

*Layout.* A4 portrait, margins of documents.md (top 37 mm, left 28 mm, right 26 mm, bottom 35 mm). Title 派工单 at
22 pt, the agency and the day under it; per visit a heading, purpose and checklists at 12 pt, then the team table
and the route table at 10.5 pt (五号; 16 pt body text of the enforcement forms would make a 30-firm route
unreadable). Cells wrap (CJK line breaking at any character; a phone or certificate number that does not fit
after its label goes on its own line), the table header repeats on every page, so long addresses and long routes
flow onto further pages; a row is kept whole on one page (at most ``MAX_CONTACTS_PRINTED`` contacts per firm are
printed, then 另有 N 名联系人, so that any row fits a page). Footer ``共 N 页 第 M 页`` (a canvas that keeps
the pages until the count is known); later pages carry a small running head 派工单（续）.

*Calendar (RFC 5545).* CRLF line ends, lines folded at 75 octets (never inside a UTF-8 sequence), TEXT escaped
(``\\ ; , newline``). ``UID`` = ``<visit id>-<person id>@tijian`` (stable across exports, different per person);
``DTSTAMP`` = the visit's last change (UTC) and ``SEQUENCE`` = its version − 1, so re-importing an edited visit
updates the event. A visit with a start time is a timed event with ``TZID=Asia/Shanghai`` (a VTIMEZONE for it is
included: China has no daylight saving); without a (valid) end time it ends at the end of its half-day (12:00 morning,
18:00 afternoon/full day), or one hour after the start when that is already past. A visit without times is an all-day
event (``VALUE=DATE``) whose summary says 上午 / 下午. Cancelled visits are left out unless
``include_cancelled=True``, which emits them with ``STATUS:CANCELLED`` (a calendar that imported the event before
then removes it). Other statuses: 计划中 → TENTATIVE, else CONFIRMED.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models.entities import (
    ChecklistTemplate,
    Enterprise,
    Expert,
    Officer,
    Supervisor,
    Visit,
    VisitChecklist,
    VisitMember,
    VisitStop,
)
from models.enums import VISIT_KIND_LABELS, VISIT_STATUS_LABELS, MemberRole, VisitStatus
from models.fonts import LATIN_FONT as LATIN_FONT  # re-exported (tests, callers)
from models.fonts import PLACEHOLDER
from models.services.errors import NotFound, ServiceError
from models.text import pinyin_keys

PART_LABELS = {"am": "上午", "pm": "下午", "full": "全天"}
_PART_ORDER = {"am": 0, "full": 1, "pm": 2}
_PART_DEFAULT_START = {"am": "08:30", "full": "08:30", "pm": "14:30"}
_PART_END = {"am": time(12, 0), "pm": time(18, 0), "full": time(18, 0)}
WEEKDAYS = "一二三四五六日"
TZID = "Asia/Shanghai"
# A table row never splits over a page (reportlab's in-row split misplaces the repeated header), so a row must fit
# one page: names (100) and addresses (200 characters) do; contacts are capped on the sheet.
MAX_CONTACTS_PRINTED = 5


# --------------------------------------------------------------------------------------------------- plain data


@dataclass(frozen=True)
class TeamOfficer:
    name: str
    department: str
    certificate_no: str
    phone: str


@dataclass(frozen=True)
class TeamExpert:
    name: str
    employer: str
    title: str
    fields: tuple[str, ...]
    phone: str


@dataclass(frozen=True)
class TeamObserver:
    name: str
    affiliation: str
    phone: str


@dataclass(frozen=True)
class FirmContact:
    role: str  # 法定代表人 / 安全负责人 / the contact's own role (or 联系人)
    name: str
    phone: str


@dataclass(frozen=True)
class RouteFirm:
    seq: int  # 1-based position on the route
    enterprise_id: uuid.UUID
    name: str
    address: str
    place: str  # 检查场所 of the stop, if planned
    legal_rep: str
    legal_rep_phone: str
    contacts: tuple[FirmContact, ...]  # legal representative first, then safety manager, then the firm's contacts


@dataclass(frozen=True)
class DispatchVisit:
    visit_id: uuid.UUID
    kind: str
    kind_label: str
    status: str
    status_label: str
    day: date
    part_of_day: str  # am / pm / full
    start_time: str | None
    end_time: str | None
    span_label: str  # 上午 / 下午 / 全天 [09:00至11:30]
    purpose: str
    notes: str
    officers: tuple[TeamOfficer, ...]
    experts: tuple[TeamExpert, ...]
    observers: tuple[TeamObserver, ...]
    firms: tuple[RouteFirm, ...]
    checklists: tuple[str, ...]
    version: int
    updated_at: datetime


class MissingGlyphs(ServiceError):
    """Text that no font of the PDF can draw; ``chars`` lists the characters, ``places`` where they occur."""

    def __init__(self, chars: list[str], places: list[str]):
        self.chars = chars
        self.places = places
        where = "；".join(places[:5]) + ("等" if len(places) > 5 else "")
        super().__init__(
            f"以下字符字库中没有，无法打印：{'、'.join(chars)}（见：{where}）。"
            f"请核对这些名称，或选择以“{PLACEHOLDER}”代替后打印。"
        )


def span_label(part_of_day: str, start_time: str | None, end_time: str | None) -> str:
    label = PART_LABELS.get(part_of_day, part_of_day or "")
    if start_time and end_time:
        return f"{label} {start_time}至{end_time}".strip()
    if start_time:
        return f"{label} {start_time}起".strip()
    return label


def day_label(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日（星期{WEEKDAYS[day.weekday()]}）"


def _name_key(name: str) -> tuple[str, str]:
    return (pinyin_keys(name)[0], name)


# --------------------------------------------------------------------------------------------------- queries


def _order_key(v: Visit) -> tuple:
    start = v.start_time or _PART_DEFAULT_START.get(v.part_of_day, "08:30")
    return (start, _PART_ORDER.get(v.part_of_day, 1), v.kind, v.created_at, str(v.id))


def visits_of_day(session: Session, day: date) -> list[uuid.UUID]:
    """Ids of the day's visits that are not cancelled, by start time (a half-day without a time counts as
    08:30 / 14:30), then morning, full day, afternoon, then kind and creation."""
    rows = session.scalars(select(Visit).where(Visit.day == day, Visit.status != VisitStatus.CANCELLED)).all()
    return [v.id for v in sorted(rows, key=_order_key)]


def dispatch_data(session: Session, visit_ids: Sequence[uuid.UUID]) -> list[DispatchVisit]:
    """Everything the dispatch sheet shows, for the visits in the order given. Raises ``NotFound``."""
    ids = list(dict.fromkeys(visit_ids))
    if not ids:
        return []
    visits = {
        v.id: v
        for v in session.scalars(
            select(Visit)
            .where(Visit.id.in_(ids))
            .options(
                selectinload(Visit.stops).selectinload(VisitStop.enterprise).selectinload(Enterprise.contacts),
                selectinload(Visit.members),
            )
        )
    }
    missing = [i for i in ids if i not in visits]
    if missing:
        raise NotFound(f"排期不存在或已被删除（{len(missing)} 项）。")

    members = [m for v in visits.values() for m in v.members if not m.refused]
    officer_ids = {m.officer_id for m in members if m.officer_id}
    expert_ids = {m.expert_id for m in members if m.expert_id}
    supervisor_ids = {m.supervisor_id for m in members if m.supervisor_id}
    officers = {o.id: o for o in session.scalars(select(Officer).where(Officer.id.in_(officer_ids)))} if officer_ids else {}
    experts = (
        {e.id: e for e in session.scalars(
            select(Expert).where(Expert.id.in_(expert_ids)).options(selectinload(Expert.specialties)))}
        if expert_ids else {}
    )
    supervisors = (
        {s.id: s for s in session.scalars(select(Supervisor).where(Supervisor.id.in_(supervisor_ids)))}
        if supervisor_ids else {}
    )
    checklists: dict[uuid.UUID, list[tuple[str, int, str]]] = {}
    for visit_id, code, revision, name in session.execute(
        select(VisitChecklist.visit_id, ChecklistTemplate.code, ChecklistTemplate.revision, ChecklistTemplate.name)
        .join(ChecklistTemplate, ChecklistTemplate.id == VisitChecklist.template_id)
        .where(VisitChecklist.visit_id.in_(ids))
    ):
        checklists.setdefault(visit_id, []).append((code, revision, name))

    out: list[DispatchVisit] = []
    for vid in ids:
        v = visits[vid]
        team = [m for m in v.members if not m.refused]
        offs = sorted(
            (officers[m.officer_id] for m in team if m.role == MemberRole.OFFICER and m.officer_id in officers),
            key=lambda o: _name_key(o.name),
        )
        exps = sorted(
            (experts[m.expert_id] for m in team if m.role == MemberRole.EXPERT and m.expert_id in experts),
            key=lambda e: _name_key(e.name),
        )
        obs = sorted(
            (supervisors[m.supervisor_id] for m in team
             if m.role == MemberRole.OBSERVER and m.supervisor_id in supervisors),
            key=lambda s: _name_key(s.name),
        )
        firms = []
        for i, stop in enumerate(sorted(v.stops, key=lambda s: (s.seq, str(s.id))), start=1):
            e = stop.enterprise
            contacts: list[FirmContact] = []
            if e.legal_rep or e.legal_rep_phone:
                contacts.append(FirmContact("法定代表人", e.legal_rep, e.legal_rep_phone))
            if e.safety_manager or e.safety_manager_phone:
                contacts.append(FirmContact("安全负责人", e.safety_manager, e.safety_manager_phone))
            for c in e.contacts:
                contacts.append(FirmContact(c.role or "联系人", c.name, c.phone))
            firms.append(RouteFirm(i, e.id, e.name, e.address, stop.place, e.legal_rep, e.legal_rep_phone,
                                   tuple(contacts)))
        out.append(DispatchVisit(
            visit_id=v.id,
            kind=v.kind,
            kind_label=VISIT_KIND_LABELS.get(v.kind, v.kind),
            status=v.status,
            status_label=VISIT_STATUS_LABELS.get(v.status, v.status),
            day=v.day,
            part_of_day=v.part_of_day,
            start_time=v.start_time,
            end_time=v.end_time,
            span_label=span_label(v.part_of_day, v.start_time, v.end_time),
            purpose=v.purpose or "",
            notes=v.notes or "",
            officers=tuple(TeamOfficer(o.name, o.department, o.certificate_no, o.phone) for o in offs),
            experts=tuple(
                TeamExpert(e.name, e.employer, e.title, tuple(s.name for s in e.specialties), e.phone) for e in exps
            ),
            observers=tuple(TeamObserver(s.name, s.affiliation, s.phone) for s in obs),
            firms=tuple(firms),
            checklists=tuple(name for _c, _r, name in sorted(checklists.get(vid, []))),
            version=v.version,
            updated_at=v.updated_at,
        ))
    return out


# --------------------------------------------------------------------------------------------------- fonts


def _undrawable(text: str) -> list[str]:
    from models.fonts import undrawable

    return undrawable(text)


def _texts(v: DispatchVisit) -> Iterable[tuple[str, str]]:
    """(where, text) of everything of a visit that is printed."""
    yield "事由", v.purpose
    yield "备注", v.notes
    for name in v.checklists:
        yield "检查表", name
    for o in v.officers:
        yield f"执法人员 {o.name}", f"{o.name}{o.department}{o.certificate_no}{o.phone}"
    for e in v.experts:
        yield f"专家 {e.name}", f"{e.name}{e.employer}{e.title}{''.join(e.fields)}{e.phone}"
    for s in v.observers:
        yield f"监督员 {s.name}", f"{s.name}{s.affiliation}{s.phone}"
    for f in v.firms:
        yield f"企业 {f.name}", f.name + f.address + f.place + "".join(c.role + c.name + c.phone for c in f.contacts)


def missing_characters(data: Sequence[DispatchVisit], agency_name: str = "") -> list[str]:
    """Characters of the sheet that neither the bundled CJK font nor Helvetica can draw (sorted)."""
    return sorted({ch for v in data for _w, t in _texts(v) for ch in _undrawable(t)} | set(_undrawable(agency_name)))


def _check_glyphs(data: Sequence[DispatchVisit], agency_name: str) -> None:
    chars: set[str] = set()
    places: list[str] = []
    for where, text in [("单位名称", agency_name)] + [wt for v in data for wt in _texts(v)]:
        bad = _undrawable(text)
        if bad:
            chars.update(bad)
            if where not in places:
                places.append(where)
    if chars:
        raise MissingGlyphs(sorted(chars), places)


# --------------------------------------------------------------------------------------------------- PDF

_CN_NUM = "一二三四五六七八九十"


def _cn_index(n: int) -> str:
    if n <= 10:
        return _CN_NUM[n - 1]
    if n < 20:
        return "十" + _CN_NUM[n - 11]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _CN_NUM[tens - 1] + "十" + (_CN_NUM[ones - 1] if ones else "")
    return str(n)


def _title_day(data: Sequence[DispatchVisit], title_day: date | None) -> str:
    if title_day is not None:
        return day_label(title_day)
    days = sorted({v.day for v in data})
    if not days:
        return ""
    if len(days) == 1:
        return day_label(days[0])
    return f"{day_label(days[0])}至{day_label(days[-1])}"


def dispatch_pdf(
    data: Sequence[DispatchVisit],
    agency_name: str,
    title_day: date | None = None,
    *,
    replace_missing: bool = False,
    page_per_visit: bool = False,
) -> bytes:
    """The dispatch sheet (派工单) of the visits, as PDF bytes. Raises ``MissingGlyphs`` when a character cannot
    be printed, unless ``replace_missing`` (then it prints 〓). ``page_per_visit`` starts each visit on a new page
    (one sheet per team)."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from models.fonts import TextRuns, register_pdf_font

    if not replace_missing:
        _check_glyphs(data, agency_name)
    cjk = register_pdf_font()
    runs = TextRuns(cjk)
    page_w, page_h = A4
    left, right, top, bottom = 28 * mm, 26 * mm, 37 * mm, 35 * mm
    day_text = _title_day(data, title_day)

    def style(name: str, size: float, **kw) -> ParagraphStyle:  # type: ignore[no-untyped-def]
        return ParagraphStyle(name, fontName=cjk, fontSize=size, leading=kw.pop("leading", size * 1.35),
                              wordWrap="CJK", **kw)

    s_title = style("title", 22, alignment=TA_CENTER, spaceAfter=4 * mm, leading=28)
    s_sub = style("sub", 14, alignment=TA_CENTER, spaceAfter=1 * mm)
    s_head = style("head", 14, spaceBefore=5 * mm, spaceAfter=2 * mm)
    s_body = style("body", 12, spaceAfter=1.5 * mm)
    s_cell = style("cell", 10.5, leading=14)
    s_cell_head = style("cellhead", 10.5, leading=14, alignment=TA_CENTER)

    def P(text: str, st: ParagraphStyle) -> Paragraph:  # noqa: N802
        return Paragraph(runs.markup(text), st)

    def pair(label: str, value: str, col_mm: float) -> str:
        """``label value`` on one line when it fits the cell, else the value on its own line (so that a phone or
        certificate number is not broken in the middle)."""
        if not value:
            return label
        one = label + ("" if label.endswith("：") else " ") + value
        return one if runs.width(one, s_cell.fontSize) <= col_mm * mm - 6 else f"{label}\n{value}"

    def table(header: list[str], rows: list[list[str]], widths_mm: list[float]) -> Table:
        cells = [[P(h, s_cell_head) for h in header]] + [[P(c, s_cell) for c in r] for r in rows]
        t = Table(cells, colWidths=[w * mm for w in widths_mm], repeatRows=1, hAlign="LEFT")
        t.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        return t

    story: list = [P("派工单", s_title), P(agency_name, s_sub)]
    if day_text:
        story.append(P(day_text, s_sub))
    story.append(Spacer(1, 2 * mm))
    if not data:
        story.append(P("当日没有排定的检查。", s_body))
    for n, v in enumerate(data, start=1):
        if n > 1 and page_per_visit:
            story.append(PageBreak())
        when = v.span_label if len(data) == 1 or title_day == v.day else f"{day_label(v.day)} {v.span_label}"
        head = [P(f"{_cn_index(n)}、{v.kind_label}　{when}　（{v.status_label}）", s_head)]
        head.append(P(f"事由和目的：{v.purpose or '—'}", s_body))
        head.append(P(f"检查表：{'；'.join(v.checklists) if v.checklists else '无'}", s_body))
        if v.notes:
            head.append(P(f"备注：{v.notes}", s_body))
        team_rows: list[list[str]] = []
        for o in v.officers:
            cert = pair("执法证号：", o.certificate_no or "未登记", 44)
            team_rows.append(["执法人员", o.name, o.department, cert, o.phone])
        for e in v.experts:
            unit = e.employer + (f"（{e.title}）" if e.title else "")
            team_rows.append(["检查专家", e.name, unit, f"专业：{'、'.join(e.fields) or '—'}", e.phone])
        for s in v.observers:
            team_rows.append(["监督员", s.name, s.affiliation, "", s.phone])
        head.append(P("检查组成员", s_body))
        if team_rows:
            head.append(table(["身份", "姓名", "单位 / 部门", "证号 / 专业", "电话"], team_rows, [18, 20, 46, 44, 28]))
        else:
            head.append(P("（尚未安排人员）", s_body))
        story.append(KeepTogether(head))
        story.append(Spacer(1, 3 * mm))
        story.append(P(f"检查路线（共 {len(v.firms)} 家，按先后顺序）", s_body))
        if v.firms:
            firm_rows = []
            for f in v.firms:
                shown = f.contacts[:MAX_CONTACTS_PRINTED]
                contact = "\n".join(pair(f"{c.role}：{c.name}", c.phone, 50) for c in shown) or "—"
                if len(f.contacts) > len(shown):
                    contact += f"\n（另有 {len(f.contacts) - len(shown)} 名联系人）"
                address = f.address or "—"
                if f.place:
                    address += f"\n检查场所：{f.place}"
                firm_rows.append([str(f.seq), f.name, address, contact])
            story.append(table(["序号", "被检查单位", "地址", "负责人 / 联系人及电话"], firm_rows, [11, 45, 50, 50]))
        else:
            story.append(P("（尚未选定企业）", s_body))

    footer_y = bottom - 14 * mm
    head_y = page_h - top + 8 * mm
    running = "派工单（续）" + (f"　{day_text}" if day_text else "")

    class _NumberedCanvas(Canvas):
        """Keeps every page until save(), then draws 共 N 页 第 M 页 on each."""

        def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            super().__init__(*args, **kwargs)
            self._saved: list[dict] = []

        def showPage(self) -> None:  # noqa: N802
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for number, state in enumerate(self._saved, start=1):
                self.__dict__.update(state)
                self.setFillColor(colors.black)
                runs.draw_centred(self, page_w / 2, footer_y, f"共 {total} 页 第 {number} 页", 10.5)
                if number > 1:
                    self.setFillColor(colors.HexColor("#555555"))
                    runs.draw_centred(self, page_w / 2, head_y, running, 9)
                super().showPage()
            super().save()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=left, rightMargin=right, topMargin=top, bottomMargin=bottom,
        title=f"派工单 {day_text}".strip(), author=agency_name, creator="Tijian 安全体检",
    )
    doc.build(story, canvasmaker=_NumberedCanvas)
    return buf.getvalue()


# --------------------------------------------------------------------------------------------------- iCalendar


def ics_escape(text: str) -> str:
    """RFC 5545 TEXT escaping: backslash, semicolon, comma and newlines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def ics_fold(line: str) -> str:
    """Fold a content line at 75 octets (continuation lines start with a space), never inside a UTF-8 character;
    lines joined with CRLF."""
    out: list[str] = []
    current, size, limit = "", 0, 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += ch
        size += n
    out.append(current)
    return "\r\n".join(out)


def _hhmm(value: str | None) -> time | None:
    if not value:
        return None
    try:
        hh, mm_ = value.strip().split(":")
        return time(int(hh), int(mm_))
    except ValueError:
        return None


def _ics_status(status: str) -> str:
    if status == VisitStatus.CANCELLED:
        return "CANCELLED"
    if status == VisitStatus.PLANNED:
        return "TENTATIVE"
    return "CONFIRMED"


def _ics_event(v: DispatchVisit, person_id: uuid.UUID, role_label: str) -> list[str]:
    first = v.firms[0].name if v.firms else "（未定企业）"
    more = f"等{len(v.firms)}家" if len(v.firms) > 1 else ""
    part = PART_LABELS.get(v.part_of_day, "")
    start, end = _hhmm(v.start_time), _hhmm(v.end_time)
    summary = f"{v.kind_label}：{first}{more}"
    if start is None and v.part_of_day in ("am", "pm"):
        summary += f"（{part}）"
    stamp = (v.updated_at if v.updated_at.tzinfo is None else v.updated_at.astimezone(UTC).replace(tzinfo=None))
    lines = [
        "BEGIN:VEVENT",
        f"UID:{v.visit_id}-{person_id}@tijian",
        f"DTSTAMP:{stamp:%Y%m%dT%H%M%S}Z",
        f"SEQUENCE:{max(0, v.version - 1)}",
    ]
    if start is None:
        lines.append(f"DTSTART;VALUE=DATE:{v.day:%Y%m%d}")
        lines.append(f"DTEND;VALUE=DATE:{v.day + timedelta(days=1):%Y%m%d}")
    else:
        begin = datetime.combine(v.day, start)
        finish = datetime.combine(v.day, end) if end is not None else None
        if finish is None or finish <= begin:
            finish = datetime.combine(v.day, _PART_END.get(v.part_of_day, time(18, 0)))
            if finish <= begin:
                finish = begin + timedelta(hours=1)
        lines.append(f"DTSTART;TZID={TZID}:{begin:%Y%m%dT%H%M%S}")
        lines.append(f"DTEND;TZID={TZID}:{finish:%Y%m%dT%H%M%S}")
    team = []
    if v.officers:
        team.append("执法人员：" + "、".join(f"{o.name}（证号{o.certificate_no or '未登记'}）" for o in v.officers))
    if v.experts:
        team.append("检查专家：" + "、".join(f"{e.name}（{e.employer}）" if e.employer else e.name for e in v.experts))
    if v.observers:
        team.append("监督员：" + "、".join(s.name for s in v.observers))
    firms = []
    for f in v.firms:
        contact = "；".join(f"{c.role}{c.name} {c.phone}".strip() for c in f.contacts[:2])
        firms.append(f"{f.seq}. {f.name}（{f.address or '地址未登记'}" + (f"；{contact}" if contact else "") + "）")
    description = [f"{v.kind_label}　{day_label(v.day)} {v.span_label}", f"本人：{role_label}"]
    if v.purpose:
        description.append(f"事由和目的：{v.purpose}")
    description.append("检查路线：")
    description.extend(firms or ["（尚未选定企业）"])
    description.extend(team)
    if v.checklists:
        description.append("检查表：" + "；".join(v.checklists))
    location = v.firms[0].address if v.firms and v.firms[0].address else (v.firms[0].name if v.firms else "")
    lines.append(f"SUMMARY:{ics_escape(summary)}")
    if location:
        lines.append(f"LOCATION:{ics_escape(location)}")
    lines.append(f"DESCRIPTION:{ics_escape(chr(10).join(description))}")
    lines.append(f"STATUS:{_ics_status(v.status)}")
    lines.append("TRANSP:OPAQUE")
    lines.append("END:VEVENT")
    return lines


_VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0800",
    "TZOFFSETTO:+0800",
    "TZNAME:CST",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def person_ics(
    session: Session,
    officer_id: uuid.UUID | None = None,
    expert_id: uuid.UUID | None = None,
    supervisor_id: uuid.UUID | None = None,
    start: date | None = None,
    end: date | None = None,
    *,
    include_cancelled: bool = False,
) -> str:
    """The person's visits between ``start`` and ``end`` (inclusive, either open) as an iCalendar text (CRLF line
    ends; write it with ``newline=""`` or as UTF-8 bytes). Exactly one of the three ids. Raises ``NotFound``."""
    given = [(officer_id, Officer, VisitMember.officer_id, "执法人员"),
             (expert_id, Expert, VisitMember.expert_id, "检查专家"),
             (supervisor_id, Supervisor, VisitMember.supervisor_id, "监督员")]
    chosen = [g for g in given if g[0] is not None]
    if len(chosen) != 1:
        raise ServiceError("请选择一名人员（执法人员、专家或监督员）导出日程。")
    person_id, entity, column, role_label = chosen[0]
    person = session.get(entity, person_id)
    if person is None:
        raise NotFound("该人员不存在或已被删除。")
    q = (select(Visit.id, Visit.day, Visit.part_of_day, Visit.start_time, Visit.kind, Visit.created_at)
         .join(VisitMember, VisitMember.visit_id == Visit.id)
         .where(column == person_id, VisitMember.refused.is_(False)))
    if not include_cancelled:
        q = q.where(Visit.status != VisitStatus.CANCELLED)
    if start is not None:
        q = q.where(Visit.day >= start)
    if end is not None:
        q = q.where(Visit.day <= end)
    rows = sorted(set(session.execute(q).all()),
                  key=lambda r: (r.day, r.start_time or _PART_DEFAULT_START.get(r.part_of_day, "08:30"),
                                 _PART_ORDER.get(r.part_of_day, 1), r.kind, r.created_at, str(r.id)))
    data = dispatch_data(session, [r.id for r in rows])
    events = [line for v in data for line in _ics_event(v, person_id, role_label)]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Tijian//Dispatch//ZH",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ics_escape(person.name + ' 检查日程')}",
        f"X-WR-TIMEZONE:{TZID}",
    ]
    if any(line.startswith("DTSTART;TZID=") for line in events):
        lines.extend(_VTIMEZONE)
    lines.extend(events)
    lines.append("END:VCALENDAR")
    return "".join(ics_fold(line) + "\r\n" for line in lines)
