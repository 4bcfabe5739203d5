"""Enforcement documents (执法文书) as PDF: the five forms of /work/shared/domain/documents.md, from ``DocumentData``.

Public API
----------
- ``render(data: DocumentData) -> RenderResult(pdf, pages, missing)``: the PDF bytes, the page count and the
  characters no font could draw (sorted; empty when all is well). Never raises for odd characters.
- ``title_of(kind) -> str``: the printed title of a kind (责令限期整改指令书 …).
- ``read_payload(pdf: bytes) -> str | None``: the verify payload of an issued document, read back from the PDF
  metadata without decoding the QR image (``None`` for a draft or a foreign PDF).
- ``numbers_text(seqs) -> str``: how item numbers are written in 第…项 (``1至3、5、7``).

Layout (GB/T 9704 conventions of documents.md)
----------------------------------------------
A4 portrait; margins top 37 mm, left 28 mm, right 26 mm, bottom 35 mm (the text frame: 156 × 225 mm). The bundled
font is a *sans* face (DroidSansFallback): FangSong, which the official layout asks for, is not bundled and cannot
be assumed on an office PC, so the documents print in the sans face. Sizes: optional header line 14 pt, title 22 pt
(二号) centred, the number line 16 pt right-aligned under the title (a draft prints no number but keeps its space, so a
preview has the layout of the issued paper), body 16 pt (三号) on a 28 pt leading (~22 lines a page, as GB/T 9704),
paragraphs indented two characters, numbered items with a hanging indent, signature lines 14 pt (四号: the officer's
line with its certificate number then fits one line), tables (checklist, list of seized items) 12 pt (小四) with the
header row repeated on every page. Digits and Latin letters are set in Helvetica (``models.fonts.TextRuns``).

Signatures are handwritten: every signature line is a blank ``________``; officers' certificate numbers follow their
line (``证号：…``). The block from the last paragraph of the body (usually the appeal clause) to the copies line is
kept together, so a signature never stands alone at the top of a page; paragraphs leave no single line at the top of
a page. The seal area ``{agency}（印章）`` stands right, the date centred under it (``2026年11月29日``, or blank
``年　月　日`` when ``issue_date`` is unset). Footer ``共 N 页 第 M 页`` centred in the bottom margin of every page
(the canvas keeps the pages until the count is known).

Drafts (``number is None``) carry a diagonal light-grey 草稿 on every page (drawn under the text; it is real text, so
a text extraction of a draft contains 草稿 — leave out the rotated characters, whose text matrix has b ≠ 0, to read
the body). Issued documents carry
a QR code (``verify_payload``) in the top margin of page 1 (top right, above the text frame) and the payload in the
PDF metadata: the subject is the payload as is, the keywords hold ``tijian-verify:<base64url of its UTF-8>`` (ASCII,
so ``read_payload`` finds it in the raw bytes). The PDF is built with reportlab's ``invariant`` flag: the same data
gives byte-identical PDFs (no creation time, no random id inside).

Form by form (the fixed sentences are printed exactly as in documents.md)
--------------------------------------------------------------------------
- 责令限期整改指令书: ``{firm}：`` / 经查，你单位存在下列问题： / numbered hazards (``（依据：…）`` and ``整改措施：…``
  after the text when given) / 其中第…项属于重大事故隐患。(only when some are major) / one sentence with a
  ``对上述第…项问题于…前整改完毕`` clause per deadline group (groups in date order; an item without deadline prints
  the form's blank ``____年__月__日``), prefixed ``依据{legal_basis}的规定，`` when a basis is given / the two fixed
  sentences / the appeal clause / signatures, seal, copies line.
- 现场处理措施决定书: the date sentence, numbered violations and hazards (major ones marked ``（重大事故隐患）``),
  以上存在的问题无法保证安全生产，依据{legal_basis}的规定，现作出如下现场处理决定： numbered decisions, appeal clause,
  signatures, seal, copies line.
- 查封扣押决定书 (行政强制法 第二十四条): the party's name and address; the reason (the problems found and/or
  ``seizure_reason``); the basis; the period ``seizure_days`` 日 counted from ``seizure_from``; the places, facilities
  and goods (the list, attached on a new page as 查封扣押物品清单 — a table that flows, with the officers' and the
  party's signature lines and its two-copies line); the appeal clause; the agency, seal and date. The end of the
  period is not printed: which day it falls on depends on the counting rule ([verify] with the office).
- 整改复查意见书: 本机关于{date}作出了{title}的决定（文号：{number}），经对你单位整改情况进行复查，提出如下意见： (with
  ``根据你单位…提出的复查申请，`` when ``applied_on`` is set and ``依据{legal_basis}的规定，`` when a basis is
  given), item by item ``已整改`` / ``部分整改（须于…前整改完毕）`` / ``未整改`` (the item's note after it), then
  被复查单位负责人（签名） before the officers, seal; no appeal clause. ``inspection_date`` is not printed (the form
  has no place for it).
- 现场检查记录: the fields in order (an empty field prints a blank line to fill by hand), 事由和目的 / 检查专家 /
  见证人 when given, the opening statement with the two officers and their certificate numbers, 检查情况 (summary,
  the checklist table 序号 / 检查项目 / 检查结果, the problems found), 检查人员（签名） twice with certificate
  numbers, one 检查专家（签名） line per expert, 被检查单位现场负责人（签名）, 见证人（签名） when there is a witness,
  seal and date; no appeal clause. ``legal_basis`` is not printed: the opening statement says 现依法… as the form.

Characters no font has (e.g. 𠮷) are printed as their code point ``[U+20BB7]`` — legible and unambiguous, never a
box — and listed in ``RenderResult.missing`` so the caller can warn before issuing.
"""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from models.enums import DOCUMENT_KIND_LABELS, DocumentKind
from models.fonts import TextRuns, code_point, register_pdf_font, undrawable
from models.services.document_data import DocumentData, HazardLine

MM = 72 / 25.4
PAGE_W, PAGE_H = 595.2755905511812, 841.8897637795277  # A4
MARGIN_TOP, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_BOTTOM = 37 * MM, 28 * MM, 26 * MM, 35 * MM
FRAME_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT
BODY_SIZE, BODY_LEADING = 16, 28
SIGN_SIZE, SIGN_LEADING = 14, 26
CELL_SIZE, CELL_LEADING = 12, 16
TITLE_SIZE = 22
FOOTER_SIZE = 12
QR_SIZE = 24 * MM
BLANK = "________"
BLANK_DATE = "____年__月__日"
KEYWORD_PREFIX = "tijian-verify:"


@dataclass(frozen=True)
class RenderResult:
    pdf: bytes
    pages: int
    missing: tuple[str, ...]


def title_of(kind: str) -> str:
    return DOCUMENT_KIND_LABELS.get(kind, str(kind))


def read_payload(pdf: bytes) -> str | None:
    """The verify payload written into the metadata of an issued document (the last one, should the file have been
    updated incrementally); ``None`` when there is none."""
    found = re.findall(rb"tijian-verify:([A-Za-z0-9_\-]+=*)", pdf)
    if not found:
        return None
    try:
        return base64.urlsafe_b64decode(found[-1]).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None


# --------------------------------------------------------------------------------------------------- text helpers


def date_text(d: date | datetime | None) -> str:
    return BLANK_DATE if d is None else f"{d.year}年{d.month}月{d.day}日"


def numbers_text(seqs: Iterable[int]) -> str:
    """Item numbers for 第…项: sorted, runs of three or more written ``a至b``: ``1至3、5、7``."""
    nums = sorted(set(seqs))
    parts: list[str] = []
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        if j - i >= 2:
            parts.append(f"{nums[i]}至{nums[j]}")
        else:
            parts.extend(str(n) for n in nums[i:j + 1])
        i = j + 1
    return "、".join(parts) if parts else "__"


def _inspection_time(start: datetime | None, end: datetime | None) -> str:
    if start is None:
        return "____年__月__日__时__分至__月__日__时__分"
    first = f"{start.year}年{start.month}月{start.day}日{start.hour}时{start.minute:02d}分"
    if end is None:
        return first + "至__月__日__时__分"
    return first + f"至{end.month}月{end.day}日{end.hour}时{end.minute:02d}分"


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple | list):
        for v in value:
            yield from _strings(v)
    elif hasattr(value, "__dataclass_fields__"):
        for f in fields(value):
            if f.name != "verify_payload":
                yield from _strings(getattr(value, f.name))


def missing_characters(data: DocumentData) -> tuple[str, ...]:
    """Characters of the document that no font can draw (sorted)."""
    return tuple(sorted({ch for s in _strings(data) for ch in undrawable(s)}))


# --------------------------------------------------------------------------------------------------- line breaking


_NO_LINE_START = "，。、；：？！）》」』】〕］｝〉”’…·%"
_NO_LINE_END = "（《「『【〔［｛〈“‘"


def _cjk_split(frags: list[Any], max_widths: list[float], calc_bounds: bool) -> Any:
    """reportlab's ``cjkFragSplit`` with Chinese push-in line breaking: a character that may not start a line
    (，。、）…) takes the character before it onto the next line instead of hanging in the right margin (reportlab
    hangs it, which prints outside the margin); a line does not end with an opening bracket either. Latin words
    (digits of a certificate number, a date's year) are not broken, as in reportlab."""
    from unicodedata import category

    from reportlab.lib.textsplit import ALL_CANNOT_END
    from reportlab.platypus.paragraph import _FUZZ, ALL_CANNOT_START, ParaLines, cjkU, makeCJKParaLine

    cannot_start = ALL_CANNOT_START + _NO_LINE_START  # reportlab's lists are Japanese: add Chinese punctuation
    cannot_end = ALL_CANNOT_END + _NO_LINE_END

    units = []
    for f in frags:
        text = f.text.decode("utf8") if isinstance(f.text, bytes) else f.text
        if text:
            units.extend(cjkU(t, f, "utf8") for t in text)
        else:
            units.append(cjkU(text, f, "utf8"))
    lines: list[Any] = []
    i = width_used = start = 0
    max_width = max_widths[0]
    n = len(units)
    while i < n:
        u = units[i]
        i += 1
        w = u.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = max_width
            w = w.normalizedValue(max_width)
        width_used += w
        line_break = hasattr(u.frag, "lineBreak")
        if (width_used > max_width + _FUZZ and width_used > 0) or line_break:
            extra = max_width - width_used
            if not line_break:
                if ord(u) < 0x3000:  # inside a Latin word: go back to a space or a CJK character
                    for j in range(i - 1, (start + i) >> 1, -1):
                        uj = units[j]
                        if uj and category(uj) == "Zs" or ord(uj) >= 0x3000:
                            k = j + 1
                            if k < i:
                                extra += sum(units[x].width for x in range(k + 1, i))
                                i = k + 1
                            break
                j = i - 1  # the character that overflows starts the next line …
                while j > start + 1 and units[j] in cannot_start:  # … with those before it if it must
                    j -= 1
                while j > start + 1 and units[j - 1] in cannot_end:
                    j -= 1
                if j > start:
                    extra += sum(units[x].width for x in range(j, i))
                    i = j
            lines.append(makeCJKParaLine(units[start:i], max_width, width_used, extra, line_break, calc_bounds))
            max_width = max_widths[min(len(lines), len(max_widths) - 1)]
            start = i
            width_used = 0
    if width_used > 0:
        lines.append(makeCJKParaLine(units[start:], max_width, width_used, max_width - width_used, False, calc_bounds))
    return ParaLines(kind=1, lines=lines)


@lru_cache(maxsize=1)
def _paragraph_class() -> type:
    from reportlab.platypus import Paragraph
    from reportlab.platypus.paragraph import ParaLines, _handleBulletWidth

    class CJKParagraph(Paragraph):
        """A Paragraph whose CJK wrapping never hangs punctuation into the margin (``_cjk_split``)."""

        def breakLinesCJK(self, maxWidths):  # type: ignore[no-untyped-def]  # noqa: N802, N803
            if not isinstance(maxWidths, list | tuple):
                maxWidths = [maxWidths]  # noqa: N806
            style = self.style
            self.height = 0
            _handleBulletWidth(self.bulletText, style, maxWidths)
            if not self.frags:
                return ParaLines(kind=0, fontSize=style.fontSize, fontName=style.fontName,
                                 textColor=style.textColor, lines=[], ascent=style.fontSize,
                                 descent=-0.2 * style.fontSize)
            if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
                return self.blPara
            auto = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
            return _cjk_split(self.frags, list(maxWidths), auto not in ("", "off"))

    return CJKParagraph


# --------------------------------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class _Styles:
    runs: TextRuns
    header: Any
    title: Any
    number: Any
    salute: Any
    body: Any
    lead: Any  # a body paragraph that introduces a list (kept with the next)
    item: Any
    field: Any
    sign: Any
    seal: Any
    copies: Any
    cell: Any
    cell_head: Any
    cell_centre: Any
    list_title: Any

    def sign_cert(self, indent: float) -> Any:
        """The signature style indented by ``indent`` (a certificate number under its blank)."""
        from reportlab.lib.styles import ParagraphStyle

        return ParagraphStyle(f"doc-sign-cert-{indent:.0f}", parent=self.sign, leftIndent=indent)


@lru_cache(maxsize=1)
def _styles() -> _Styles:
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    cjk = register_pdf_font()

    def style(name: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=cjk, fontSize=size, leading=leading, wordWrap="CJK",
                              allowWidows=0, **kw)

    indent = 2 * BODY_SIZE
    return _Styles(
        runs=TextRuns(cjk, replacement=code_point),
        header=style("doc-header", 14, 20, alignment=TA_CENTER, spaceAfter=2),
        title=style("doc-title", TITLE_SIZE, 32, alignment=TA_CENTER, spaceAfter=4),
        number=style("doc-number", BODY_SIZE, 24, alignment=TA_RIGHT, spaceAfter=8),
        salute=style("doc-salute", BODY_SIZE, BODY_LEADING),
        body=style("doc-body", BODY_SIZE, BODY_LEADING, firstLineIndent=indent),
        lead=style("doc-lead", BODY_SIZE, BODY_LEADING, firstLineIndent=indent, keepWithNext=1),
        item=style("doc-item", BODY_SIZE, BODY_LEADING, leftIndent=indent + 30, bulletIndent=indent,
                   bulletFontName="Helvetica", bulletFontSize=BODY_SIZE),
        field=style("doc-field", BODY_SIZE, BODY_LEADING),
        sign=style("doc-sign", SIGN_SIZE, SIGN_LEADING),
        seal=style("doc-seal", BODY_SIZE, BODY_LEADING, alignment=TA_CENTER),
        copies=style("doc-copies", SIGN_SIZE, 22, spaceBefore=10),
        cell=style("doc-cell", CELL_SIZE, CELL_LEADING),
        cell_head=style("doc-cell-head", CELL_SIZE, CELL_LEADING, alignment=TA_CENTER),
        cell_centre=style("doc-cell-centre", CELL_SIZE, CELL_LEADING, alignment=TA_CENTER),
        list_title=style("doc-list-title", 20, 30, alignment=TA_CENTER, spaceAfter=4),
    )


# --------------------------------------------------------------------------------------------------- builder


class _Builder:
    """Builds the story (list of flowables) of one document."""

    def __init__(self, data: DocumentData):
        from reportlab.platypus import Spacer

        self.d = data
        self.st = _styles()
        self._Paragraph = _paragraph_class()
        self._Spacer = Spacer
        self.story: list[Any] = []

    # ---- primitives

    def p(self, text: str, style: Any, bullet: str | None = None) -> Any:
        markup = self.st.runs.markup(text)
        if bullet is not None:
            return self._Paragraph(markup, style, bulletText=bullet)
        return self._Paragraph(markup, style)

    def space(self, pt: float) -> Any:
        return self._Spacer(1, pt)

    def add(self, text: str, style: Any) -> None:
        self.story.append(self.p(text, style))

    def paragraphs(self, text: str, style: Any) -> list[Any]:
        return [self.p(line, style) for line in text.replace("\r\n", "\n").split("\n") if line.strip()]

    def items(self, lines: Sequence[tuple[int, str]]) -> list[Any]:
        return [self.p(text, self.st.item, bullet=f"{seq}.") for seq, text in lines]

    def table(self, header: list[str], rows: list[list[str]], widths_mm: list[float],
              centred: Sequence[int] = ()) -> list[Any]:
        """A grid table whose header row repeats on every page. One table: a caller that keeps it with the
        signatures (``KeepTogether``) gets it whole on one page when it fits, and flowing with its header repeated
        when it does not — never a header-less continuation."""
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle

        st = self.st
        body: list[list[Any]] = []
        # A row never splits over a page (reportlab's in-row split garbles the repeated header), so a cell too long
        # for one page continues in the next row(s) of the table: nothing is cut off.
        limits = [max(1, int((w * MM - 6) // CELL_SIZE)) * 24 for w in widths_mm]
        for row in rows:
            chunks = [[c[k:k + lim] for k in range(0, len(c), lim)] or [""] for c, lim in zip(row, limits, strict=True)]
            for k in range(max(len(ch) for ch in chunks)):
                body.append([self.p(ch[k] if k < len(ch) else "", st.cell_centre if i in centred else st.cell)
                             for i, ch in enumerate(chunks)])
        grid = [
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),  # every cell on the same line grid
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        widths = [w * MM for w in widths_mm]
        head_row = [self.p(h, st.cell_head) for h in header]
        main = Table([head_row] + body, colWidths=widths, repeatRows=1, hAlign="LEFT")
        main.setStyle(TableStyle(grid + [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee"))]))
        return [main]

    # ---- shared parts

    def head(self, title: str | None = None) -> None:
        d = self.d
        if d.header_line:
            self.add(d.header_line, self.st.header)
        self.add(title or title_of(d.kind), self.st.title)
        if d.number:
            self.add(d.number, self.st.number)
        else:  # a draft keeps the place of the number
            self.story.append(self.space(self.st.number.leading + self.st.number.spaceAfter))

    def sign_line(self, label: str, certificate: str | None = None) -> list[Any]:
        """``label：________`` [``证号：…`` on the same line when it fits, else on the next line under the blank].
        Plain paragraphs: the caller keeps the whole block together (a KeepTogether inside a KeepTogether would
        report an endless height and push the block to the next page)."""
        text = f"{label}：{BLANK}"
        if certificate is None:
            return [self.p(text, self.st.sign)]
        cert = f"证号：{certificate or BLANK}"
        one = f"{text}  {cert}"
        if self.st.runs.width(one, SIGN_SIZE) <= FRAME_W - 1:
            return [self.p(one, self.st.sign)]
        return [self.p(text, self.st.sign), self.p(cert, self.st.sign_cert(self.st.runs.width(f"{label}：", SIGN_SIZE)))]

    def officer_lines(self, label: str = "安全生产监管行政执法人员（签名）") -> list[Any]:
        officers = list(self.d.officers[:2])
        while len(officers) < 2:
            officers.append(None)  # type: ignore[arg-type]
        return [line for o in officers for line in self.sign_line(label, o.certificate_no if o is not None else "")]

    def seal(self) -> Any:
        from reportlab.platypus import Table, TableStyle

        st = self.st
        d = self.d
        seal_text = f"{d.agency or BLANK}（印章）"
        day = date_text(d.issue_date) if d.issue_date else "年　　月　　日"
        width = max(st.runs.width(seal_text, BODY_SIZE), st.runs.width(day, BODY_SIZE)) + 8
        t = Table([[self.p(seal_text, st.seal)], [self.p(day, st.seal)]], colWidths=[width], hAlign="RIGHT")
        t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
        return t

    def closing(self, last_body: list[Any], signatures: list[Any], copies: bool = True) -> None:
        """The last body paragraph(s), the signatures, the seal and the copies line, kept together."""
        from reportlab.platypus import KeepTogether, Table

        # A table flows on its own (header repeated): kept with the signatures, a long one would first jump to a new
        # page and strand its title; the signatures then follow its last rows.
        tables = [f for f in last_body if isinstance(f, Table)]
        self.story.extend(tables)
        block = [f for f in last_body if not isinstance(f, Table)]
        block.append(self.space(10))
        block.extend(signatures)
        block.append(self.space(14))
        block.append(self.seal())
        if copies and self.d.copies_line:
            block.append(self.p(self.d.copies_line, self.st.copies))
        self.story.append(KeepTogether(block))

    def hazard_text(self, h: HazardLine, *, mark_major: bool, measure: bool) -> str:
        text = h.text.strip()
        if mark_major and h.major:
            text += "（重大事故隐患）"
        if h.basis.strip():
            text += f"（依据：{h.basis.strip()}）"
        if measure and h.measure.strip():
            text = text.rstrip("。；;，,") + f"。整改措施：{h.measure.strip()}"
        return text

    def hazard_items(self, *, mark_major: bool, measure: bool = False) -> list[Any]:
        hs = sorted(self.d.hazards, key=lambda h: h.seq)
        return self.items([(h.seq, self.hazard_text(h, mark_major=mark_major, measure=measure)) for h in hs])

    def appeal(self) -> list[Any]:
        return self.paragraphs(self.d.appeal_clause, self.st.body) if self.d.appeal_clause else []

    def firm_line(self, label: str = "被检查单位负责人（签名）") -> list[Any]:
        return self.sign_line(label)

    # ---- forms

    def rectification_order(self) -> None:
        d, st = self.d, self.st
        self.head()
        self.add(f"{d.enterprise_name.strip() or BLANK}：", st.salute)
        self.add("经查，你单位存在下列问题：", st.lead)
        self.story.extend(self.hazard_items(mark_major=False, measure=True))
        majors = [h.seq for h in d.hazards if h.major]
        if majors:
            self.add(f"其中第{numbers_text(majors)}项属于重大事故隐患。", st.body)
        groups: dict[date | None, list[int]] = {}
        for h in sorted(d.hazards, key=lambda h: h.seq):
            groups.setdefault(h.deadline, []).append(h.seq)
        order = sorted(groups, key=lambda k: (k is None, k or date.min))
        clauses = [f"对上述第{numbers_text(groups[k])}项问题于{date_text(k)}前整改完毕" for k in order]
        if not clauses:
            clauses = [f"对上述第__项问题于{BLANK_DATE}前整改完毕"]
        basis = f"依据{d.legal_basis}的规定，" if d.legal_basis else ""
        self.add(f"{basis}现责令你单位{'，'.join(clauses)}，达到有关法律法规规章和标准规定的要求。"
                 "由此造成事故的，依法追究有关人员的责任。", st.body)
        last = [self.p("整改期间，你单位应当采取措施，确保安全生产。对安全生产违法行为，将依法予以行政处罚。", st.body)]
        last += self.appeal()
        self.story.extend(last[:-1])
        self.closing(last[-1:], self.officer_lines() + self.firm_line())

    def onsite_decision(self) -> None:
        d, st = self.d, self.st
        self.head()
        self.add(f"{d.enterprise_name.strip() or BLANK}：", st.salute)
        self.add(f"本机关于{date_text(d.inspection_date)}现场检查时，发现你单位有下列违法违规行为和事故隐患：", st.lead)
        self.story.extend(self.hazard_items(mark_major=True))
        self.add(f"以上存在的问题无法保证安全生产，依据{d.legal_basis or BLANK}的规定，现作出如下现场处理决定：", st.lead)
        decisions = self.items([(n, t) for n, t in enumerate(d.decisions, start=1)])
        last = decisions + self.appeal()
        self.story.extend(last[:-1])
        self.closing(last[-1:], self.officer_lines() + self.firm_line())

    def seizure_decision(self) -> None:
        d, st = self.d, self.st
        self.head()
        self.add(f"{d.enterprise_name.strip() or BLANK}：", st.salute)
        self.add(f"地址：{d.address or BLANK}", st.body)
        if d.hazards:
            self.add(f"本机关于{date_text(d.inspection_date)}现场检查时，发现你单位存在下列违法行为和事故隐患：", st.lead)
            self.story.extend(self.hazard_items(mark_major=True))
        if d.seizure_reason:
            self.story.extend(self.paragraphs(d.seizure_reason, st.body))
        what = "有关场所、设施、设备和物品（详见所附查封扣押物品清单）" if d.seized else "有关场所、设施、设备和物品"
        self.add(f"依据{d.legal_basis or BLANK}的规定，本机关决定对你单位的{what}予以查封、扣押，"
                 f"期限为{d.seizure_days}日，自{date_text(d.seizure_from)}起计算。"
                 "查封、扣押期间，你单位不得使用、销毁或者擅自转移、处置被查封、扣押的场所、设施、设备和物品。", st.body)
        last = self.appeal()
        self.story.extend(last[:-1])
        self.closing(last[-1:], self.officer_lines() + self.firm_line("当事人（签名）"))
        if d.seized:
            self.seizure_list()

    def seizure_list(self) -> None:
        from reportlab.platypus import KeepTogether, PageBreak

        d, st = self.d, self.st
        self.story.append(PageBreak())
        self.add("查封扣押物品清单", st.list_title)
        if d.number:
            self.add(f"{d.number}附件", st.number)
        else:
            self.story.append(self.space(st.number.leading + st.number.spaceAfter))
        self.add(f"当事人：{d.enterprise_name.strip() or BLANK}", st.field)
        rows = [[str(n), it.name, it.spec, it.quantity, it.unit, it.place, it.note]
                for n, it in enumerate(d.seized, start=1)]
        self.story.append(self.space(4))
        # 备注 wide enough for a sentence (a 4-character column made tall rows that broke the list apart).
        tables = self.table(["序号", "名称", "规格型号", "数量", "单位", "存放地点", "备注"], rows,
                            [11, 34, 22, 14, 12, 26, 37], centred=(0, 3, 4))
        self.story.extend(tables)  # flows on its own, header repeated (see closing())
        block = [self.space(12), *self.officer_lines(), *self.firm_line("当事人（签名）"),
                 self.space(14), self.seal()]
        agency = d.agency or BLANK
        block.append(self.p(f"本清单一式两份：一份交当事人，一份由{agency}存档。", st.copies))
        self.story.append(KeepTogether(block))

    def reinspection_opinion(self) -> None:
        d, st = self.d, self.st
        self.head()
        self.add(f"{d.enterprise_name.strip() or BLANK}：", st.salute)
        ref = d.refers_to_title or BLANK
        # The form's bracket around the number; "文号：" keeps it from doubling the number's own （汨）.
        number = f"（文号：{d.refers_to_number}）" if d.refers_to_number else ""
        applied = f"根据你单位{date_text(d.applied_on)}提出的复查申请，" if d.applied_on else ""
        basis = f"依据{d.legal_basis}的规定，" if d.legal_basis else ""
        self.add(f"本机关于{date_text(d.refers_to_date)}作出了{ref}的决定{number}，{applied}{basis}"
                 "经对你单位整改情况进行复查，提出如下意见：", st.lead)
        lines: list[tuple[int, str]] = []
        for r in sorted(d.review_lines, key=lambda r: r.seq):
            outcome = r.outcome
            if r.outcome == "部分整改":
                outcome = f"部分整改（须于{date_text(r.new_deadline)}前整改完毕）"
            text = f"{r.text.strip()}：{outcome}。"
            if r.note.strip():
                note = r.note.strip()
                text += note if note.endswith(("。", "！", "？", ".")) else note + "。"
            lines.append((r.seq, text))
        items = self.items(lines)
        self.story.extend(items[:-1])
        self.closing(items[-1:], self.firm_line("被复查单位负责人（签名）") + self.officer_lines())

    def inspection_record(self) -> None:
        d, st = self.d, self.st
        self.head()
        f = st.field

        def value(v: str) -> str:
            return v.strip() or BLANK

        self.add(f"被检查单位：{value(d.enterprise_name)}", f)
        self.add(f"地址：{value(d.address)}", f)
        self.add(f"法定代表人（负责人）：{value(d.legal_rep)}　职务：{value(d.legal_rep_title)}　"
                 f"联系电话：{value(d.phone)}", f)
        self.add(f"检查场所：{value(d.place)}", f)
        self.add(f"检查时间：{_inspection_time(d.started_at, d.finished_at)}", f)
        if d.purpose:
            self.add(f"事由和目的：{d.purpose}", f)
        if d.experts:
            names = "、".join(f"{e.name}（{e.employer}）" if e.employer else e.name for e in d.experts)
            self.add(f"检查专家：{names}", f)
        if d.witness:
            self.add(f"见证人：{d.witness}", f)
        o = list(d.officers[:2]) + [None] * max(0, 2 - len(d.officers))
        names = "、".join(x.name if x is not None and x.name else BLANK for x in o)
        nos = "、".join(x.certificate_no if x is not None and x.certificate_no else BLANK for x in o)
        self.add(f"我们是{d.agency or BLANK}行政执法人员{names}，证件号码为{nos}，这是我们的证件（出示证件）。"
                 "现依法对你单位进行现场检查，请予以配合。", st.body)
        self.add("检查情况：", self.st.field if (d.summary or d.checklist or d.hazards) else f)
        body: list[Any] = self.paragraphs(d.summary, st.body)
        if d.checklist:
            rows = [[str(c.seq), c.text, c.result] for c in sorted(d.checklist, key=lambda c: c.seq)]
            body.append(self.space(4))
            body.extend(self.table(["序号", "检查项目", "检查结果"], rows, [14, 112, 30], centred=(0, 2)))
        if d.hazards:
            if d.checklist:
                body.append(self.space(6))
            body.append(self.p("检查发现的问题：", st.lead))
            body.extend(self.hazard_items(mark_major=True))
        if not body:
            body = [self.p(BLANK, st.body)]
        self.story.extend(body[:-1])
        signs = self.officer_lines("检查人员（签名）")
        for _ in d.experts:
            signs += self.sign_line("检查专家（签名）")
        signs += self.sign_line("被检查单位现场负责人（签名）")
        if d.witness:
            signs += self.sign_line("见证人（签名）")
        self.closing(body[-1:], signs)

    def build(self) -> list[Any]:
        kind = self.d.kind
        {
            DocumentKind.RECTIFICATION_ORDER: self.rectification_order,
            DocumentKind.ONSITE_DECISION: self.onsite_decision,
            DocumentKind.SEIZURE_DECISION: self.seizure_decision,
            DocumentKind.REINSPECTION_OPINION: self.reinspection_opinion,
            DocumentKind.INSPECTION_RECORD: self.inspection_record,
        }[DocumentKind(kind)]()
        return self.story


# --------------------------------------------------------------------------------------------------- QR code


def _qr_penalty(rows: list[str]) -> int:
    """The mask penalty of ISO/IEC 18004 exactly as reportlab's ``QRUtil.getLostPoint`` computes it (so the same
    mask is chosen; reportlab's rule 3 only ever matches rows), on rows of '0'/'1' strings, many times faster."""
    n = len(rows)
    score = 0
    for line in rows + ["".join(col) for col in zip(*rows, strict=True)]:  # rule 1: runs of five or more
        score += sum(len(m.group()) - 2 for m in _RUN.finditer(line))
    maxj = n - len(_FINDER)
    for line in rows:  # rule 3: the 1:1:3:1:1 pattern (reportlab scans j < maxj, rows only)
        j = line.find(_FINDER)
        while 0 <= j < maxj:
            score += 40
            j = line.find(_FINDER, j + len(_FINDER))
    full = (1 << n) - 1
    inner = (1 << (n - 1)) - 1
    ints = [int(r, 2) for r in rows]
    for a, b in zip(ints, ints[1:], strict=False):  # rule 2: 2×2 blocks of one colour
        same = ~(a ^ b) & full
        score += 3 * (same & (same >> 1) & ~(a ^ (a >> 1)) & inner).bit_count()
    dark = sum(r.count("1") for r in rows)  # rule 4: balance of dark and light
    return score + 10 * (abs(100 * dark // (n * n) - 50) // 5)


_RUN = re.compile(r"0{5,}|1{5,}")
_FINDER = "10111010000"


def qr_modules(payload: str) -> list[list[bool]]:
    """The QR code (error correction M, smallest version, best mask) of ``payload``: rows of dark modules."""
    from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel

    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(payload)
    code.version = code.calculate_version()
    best, best_score = 0, None
    for mask in range(8):
        code.makeImpl(True, mask)
        score = _qr_penalty(["".join("1" if m else "0" for m in row) for row in code.modules])
        if best_score is None or score < best_score:
            best, best_score = mask, score
    code.makeImpl(False, best)
    return [[bool(m) for m in row] for row in code.modules]


def draw_qr(canvas, payload: str, x: float, y: float, size: float) -> None:  # type: ignore[no-untyped-def]
    """Draw the QR code of ``payload`` as a ``size`` square with its lower left corner at (x, y): one filled
    rectangle per horizontal run of dark modules (no quiet zone: the page around it is blank)."""
    modules = qr_modules(payload)
    n = len(modules)
    ops = []
    for r, row in enumerate(modules):
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                ops.append(f"{start} {n - 1 - r} {c - start} 1 re")
            else:
                c += 1
    canvas.saveState()
    canvas.transform(size / n, 0, 0, size / n, x, y)  # one unit = one module: integer coordinates
    canvas.setFillColorRGB(0, 0, 0)
    canvas.addLiteral("\n".join(ops) + "\nf")  # one filled path: a rectangle per run of dark modules
    canvas.restoreState()


# --------------------------------------------------------------------------------------------------- render


def _canvas_class(data: DocumentData, runs: TextRuns) -> type:
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        """Keeps every page until save(), then draws 共 N 页 第 M 页 on each."""

        def __init__(self, *args: Any, **kwargs: Any):
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
                runs.draw(self, PAGE_W / 2, MARGIN_BOTTOM - 16 * MM, f"共 {total} 页 第 {number} 页", FOOTER_SIZE,
                          anchor="centre")
                super().showPage()
            self.page_count = total
            super().save()

    return NumberedCanvas


def _on_page(data: DocumentData, runs: TextRuns):  # type: ignore[no-untyped-def]
    def draw(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        from reportlab.lib import colors

        canvas.saveState()
        if data.number is None:
            canvas.setFillColor(colors.Color(0.82, 0.82, 0.82))
            canvas.translate(PAGE_W / 2, PAGE_H / 2)
            canvas.rotate(45)
            runs.draw(canvas, 0, -50, "草稿", 150, anchor="centre")
        elif data.verify_payload and doc.page == 1:
            draw_qr(canvas, data.verify_payload, PAGE_W - MARGIN_RIGHT - QR_SIZE, PAGE_H - MARGIN_TOP + 4 * MM,
                    QR_SIZE)
        canvas.restoreState()

    return draw


def render(data: DocumentData) -> RenderResult:
    """The PDF of one enforcement document (see the module docstring for the layout of each form)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    st = _styles()
    story = _Builder(data).build()
    title = title_of(data.kind)
    keywords: list[str] = []  # ASCII only: one non-ASCII keyword would turn the whole entry into UTF-16
    if data.number is None:
        meta_title = f"{title}（草稿）"
    else:
        meta_title = f"{title} {data.number}"
        if data.verify_payload:
            keywords.append(KEYWORD_PREFIX + base64.urlsafe_b64encode(data.verify_payload.encode("utf-8")).decode())
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=meta_title, author=data.agency, subject=data.verify_payload or "",
        keywords=keywords, creator="Tijian 安全体检", invariant=1,
    )
    frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, FRAME_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=_on_page(data, st.runs))])
    canvas_class = _canvas_class(data, st.runs)
    made: list[Any] = []

    def maker(*args: Any, **kwargs: Any) -> Any:
        c = canvas_class(*args, **kwargs)
        made.append(c)
        return c

    doc.build(story, canvasmaker=maker)
    return RenderResult(pdf=buf.getvalue(), pages=made[-1].page_count, missing=missing_characters(data))


__all__ = ["RenderResult", "date_text", "missing_characters", "numbers_text", "read_payload", "render", "title_of"]
