"""Compose, preview and issue one enforcement document (执法文书).

    row = DocumentDialog.compose(parent, ctx, kind=..., enterprise_id=..., visit_id=..., stop_id=..., refers_to_id=...)
    row = DocumentDialog.correct(parent, ctx, document)   # void ``document`` with a reason and issue its correction

Left: only the inputs the kind uses (documents.md) — the document it refers to, the two officers (valid certificates
on the issue day, certificate numbers shown), the hazards of the inspection (checkable; major ones marked; for an
order each with its deadline), the decisions (typical wordings offered), the sealed / seized items, the legal basis
(prefilled from the settings), the inspection summary, the issue date. Right: the preview as the service prints it
(草稿 watermark, no number), refreshed with F5 / 预览. 签发 asks once, then issues in one transaction: the number is
shown and the dialog closes returning the ``DocumentRow``. Service messages (``ValidationFailed``) appear under the
inputs they belong to; nothing is written unless the whole issue succeeds.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.enums import DOCUMENT_KIND_LABELS, DocumentKind, DocumentStatus, HazardStatus, Severity
from models.services.errors import FieldError, ServiceError, ValidationFailed
from ui import alerts
from ui.labels import enum_label
from ui.pdf_view import PdfView
from ui.widgets import OptionalDateEdit, ValueCombo, mark, remember_geometry

if TYPE_CHECKING:
    from models.services.documents import DocumentRow, DraftInput
    from ui.context import AppContext

K = DocumentKind
# What each form asks for (documents.md); the other DraftInput fields keep their defaults.
KIND_FIELDS: dict[str, frozenset[str]] = {
    K.INSPECTION_RECORD: frozenset({"officers", "summary"}),
    K.RECTIFICATION_ORDER: frozenset({"refers", "officers", "hazards", "deadlines"}),
    K.ONSITE_DECISION: frozenset({"refers", "officers", "hazards", "decisions", "legal_basis"}),
    K.SEIZURE_DECISION: frozenset({"refers", "officers", "hazards", "seizure_reason", "seized", "seizure_from",
                                   "legal_basis"}),
    K.REINSPECTION_OPINION: frozenset({"refers", "officers"}),
}
# What a document may refer to: an order or decision → an inspection record; an opinion → an order or decision.
REFERS_TO: dict[str, tuple[str, ...]] = {
    K.RECTIFICATION_ORDER: (K.INSPECTION_RECORD,),
    K.ONSITE_DECISION: (K.INSPECTION_RECORD,),
    K.SEIZURE_DECISION: (K.INSPECTION_RECORD,),
    K.REINSPECTION_OPINION: (K.RECTIFICATION_ORDER, K.ONSITE_DECISION, K.SEIZURE_DECISION),
}
BASIS_SETTING = {K.ONSITE_DECISION: "doc_basis_onsite", K.SEIZURE_DECISION: "doc_basis_seizure"}
TYPICAL_DECISIONS = (
    "责令立即排除事故隐患",
    "责令从危险区域撤出作业人员",
    "责令暂时停产停业",
    "停止使用相关设施、设备",
    "暂时停产停业，停止使用相关设施设备，撤离区域内人员",  # the Miluo camphor-oil halt, word for word
)
SEIZED_FIELDS = ("name", "spec", "quantity", "unit", "place", "note")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
HAZARD_COLUMNS = 4  # ✓ 序号 · 隐患 · 等级 · 整改期限


def kind_label(kind: str) -> str:
    return enum_label(DOCUMENT_KIND_LABELS.get(kind, kind))


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


@dataclass(frozen=True)
class _Hazard:
    id: uuid.UUID
    seq: int
    text: str
    major: bool
    deadline: date | None
    rectified_on_site: bool
    closed: bool


class DocumentDialog(QDialog):
    """One document being composed; ``issued`` holds the DocumentRow once 签发 succeeded."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, *, kind: str, enterprise_id: uuid.UUID,
                 visit_id: uuid.UUID | None = None, stop_id: uuid.UUID | None = None,
                 refers_to_id: uuid.UUID | None = None, correcting: DocumentRow | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.kind = str(kind)
        self.enterprise_id = enterprise_id
        self.visit_id = visit_id
        self.stop_id = stop_id
        self.correcting = correcting
        self.issued: DocumentRow | None = None
        self.uses = KIND_FIELDS.get(self.kind, frozenset({"officers"}))
        self._sources: list[DocumentRow] = []
        self._hazards: list[_Hazard] = []
        self._hazard_stop: uuid.UUID | None = None
        self.fields: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self.setObjectName("documentDialog")
        title = kind_label(self.kind)
        self.setWindowTitle(self.tr("更正{kind}").format(kind=title) if correcting else
                            self.tr("新建{kind}").format(kind=title))
        self._build()
        self._load(refers_to_id)
        if correcting is not None:
            self._prefill()
        remember_geometry(self, "DocumentDialog")
        QTimer.singleShot(0, lambda: self.refresh_preview(quiet=True))

    # ------------------------------------------------------------------------------------------ entry points

    @classmethod
    def compose(cls, parent: QWidget | None, ctx: AppContext, *, kind: str, enterprise_id: uuid.UUID,
                visit_id: uuid.UUID | None = None, stop_id: uuid.UUID | None = None,
                refers_to_id: uuid.UUID | None = None) -> DocumentRow | None:
        """Compose and issue a document; the issued DocumentRow, or None when the user cancelled."""
        dlg = cls(parent, ctx, kind=kind, enterprise_id=enterprise_id, visit_id=visit_id, stop_id=stop_id,
                  refers_to_id=refers_to_id)
        try:
            dlg.exec()
            return dlg.issued
        finally:
            dlg.deleteLater()

    @classmethod
    def correct(cls, parent: QWidget | None, ctx: AppContext, document: DocumentRow) -> DocumentRow | None:
        """Compose the correction of an issued ``document`` (same kind, firm, visit and reference) and, on 签发, void
        it with the reason given and issue the new one in one transaction."""
        dlg = cls(parent, ctx, kind=document.kind, enterprise_id=document.enterprise_id, visit_id=document.visit_id,
                  refers_to_id=document.refers_to_id, correcting=document)
        try:
            dlg.exec()
            return dlg.issued
        finally:
            dlg.deleteLater()

    # ------------------------------------------------------------------------------------------ layout

    def _row(self, form: QFormLayout, label: str, name: str, widget: QWidget | None = None,
             layout: QHBoxLayout | QVBoxLayout | None = None) -> None:
        """A form row with its message label under the input (shown when the service names ``name``)."""
        message = QLabel()
        message.setProperty("role", "error")
        message.setWordWrap(True)
        message.hide()
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        if widget is not None:
            box.addWidget(widget)
            self.fields[name] = widget
        if layout is not None:
            box.addLayout(layout)
        box.addWidget(message)
        form.addRow(label, box)
        self.messages[name] = message

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("dialogHeading")
        self.heading.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setProperty("role", "error")
        self.problems.setWordWrap(True)
        self.problems.hide()
        self.glyphs = QLabel()  # characters the bundled font lacks (rare characters in names)
        self.glyphs.setProperty("role", "warning")
        self.glyphs.setWordWrap(True)
        self.glyphs.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.reason = QLineEdit()
        if self.correcting is not None:
            self.reason.setPlaceholderText(self.tr("必填：为什么更正（原文书将作废并注明此理由）"))
            self._row(form, self.tr("更正理由"), "reason", self.reason)

        self.refers = ValueCombo()
        self.refers.setMinimumContentsLength(24)
        self.refers.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        if "refers" in self.uses:
            self._row(form, self.tr("依据文书"), "refers_to_id", self.refers)
            self.refers.currentIndexChanged.connect(self._refers_changed)

        self.officer1, self.officer2 = ValueCombo(), ValueCombo()
        officers = QVBoxLayout()
        officers.setSpacing(4)
        for w in (self.officer1, self.officer2):
            w.setMinimumContentsLength(20)
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            officers.addWidget(w)
        self._row(form, self.tr("执法人员"), "officer_ids", layout=officers)
        self.fields["officer_ids"] = self.officer1

        self.hazard_table = QTableWidget(0, HAZARD_COLUMNS)
        self.hazard_table.setObjectName("documentHazards")
        self.hazard_table.setHorizontalHeaderLabels(
            [self.tr("序号"), self.tr("隐患"), self.tr("等级"), self.tr("整改期限")])
        self.hazard_table.verticalHeader().hide()
        self.hazard_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hazard_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hazard_table.setWordWrap(True)
        header = self.hazard_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.hazard_table.setColumnHidden(3, "deadlines" not in self.uses)
        header.sectionResized.connect(lambda *_: self.hazard_table.resizeRowsToContents())
        self.hazard_table.setMinimumHeight(160)
        self.hazard_note = QLabel()
        self.hazard_note.setProperty("role", "hint")
        self.hazard_note.setWordWrap(True)
        if "hazards" in self.uses:
            hz = QVBoxLayout()
            hz.addWidget(self.hazard_table)
            hz.addWidget(self.hazard_note)
            self._row(form, self.tr("隐患"), "hazard_ids", layout=hz)
            self.fields["hazard_ids"] = self.hazard_table
            self.messages["deadlines"] = self.messages["hazard_ids"]
            self.fields["deadlines"] = self.hazard_table

        self.decision_list = QListWidget()
        self.decision_list.setObjectName("documentDecisions")
        self.decision_list.setMinimumHeight(90)
        self.decision_pick = QComboBox()
        self.decision_pick.setEditable(True)
        self.decision_pick.addItems(list(TYPICAL_DECISIONS))  # document wording: never translated
        self.decision_pick.setCurrentIndex(-1)
        self.decision_pick.lineEdit().setPlaceholderText(self.tr("选择常用决定或输入"))
        self.decision_add = QPushButton(self.tr("添加"))
        self.decision_remove = QPushButton(self.tr("删除"))
        self.decision_add.clicked.connect(lambda: self.add_decision(self.decision_pick.currentText()))
        self.decision_remove.clicked.connect(self._remove_decision)
        if "decisions" in self.uses:
            pick = QHBoxLayout()
            pick.addWidget(self.decision_pick, 1)
            pick.addWidget(self.decision_add)
            pick.addWidget(self.decision_remove)
            box = QVBoxLayout()
            box.addWidget(self.decision_list)
            box.addLayout(pick)
            self._row(form, self.tr("处理决定"), "decisions", layout=box)
            self.fields["decisions"] = self.decision_list

        self.seized_table = QTableWidget(0, len(SEIZED_FIELDS))
        self.seized_table.setObjectName("documentSeized")
        self.seized_table.setHorizontalHeaderLabels([self.tr("名称"), self.tr("规格"), self.tr("数量"), self.tr("单位"),
                                                     self.tr("存放地点"), self.tr("备注")])
        self.seized_table.verticalHeader().hide()
        seized_header = self.seized_table.horizontalHeader()
        seized_header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for col in (2, 3):  # 数量, 单位: narrow
            seized_header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.seized_table.setMinimumHeight(110)
        self.seized_add = QPushButton(self.tr("添加行"))
        self.seized_remove = QPushButton(self.tr("删除行"))
        self.seized_add.clicked.connect(lambda: self.add_seized_row())
        self.seized_remove.clicked.connect(self._remove_seized)
        self.seizure_from = QDateEdit()
        self.seizure_from.setCalendarPopup(True)
        self.seizure_from.setDisplayFormat("yyyy-MM-dd")
        self.seizure_from.setDate(_qdate(date.today()))
        if "seized" in self.uses:
            buttons = QHBoxLayout()
            buttons.addWidget(self.seized_add)
            buttons.addWidget(self.seized_remove)
            buttons.addStretch(1)
            box = QVBoxLayout()
            box.addWidget(self.seized_table)
            box.addLayout(buttons)
            self._row(form, self.tr("查封扣押物品"), "seized", layout=box)
            self.fields["seized"] = self.seized_table
            self._row(form, self.tr("查封扣押起始日"), "seizure_from", self.seizure_from)

        self.legal_basis = QPlainTextEdit()
        self.legal_basis.setTabChangesFocus(True)
        self.legal_basis.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        if "legal_basis" in self.uses:
            self._row(form, self.tr("法律依据"), "legal_basis", self.legal_basis)

        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        if "summary" in self.uses:
            self.summary.setPlaceholderText(self.tr("留空则使用现场检查时记录的检查情况"))
            self._row(form, self.tr("检查情况"), "summary", self.summary)
        elif "seizure_reason" in self.uses:
            self.summary.setPlaceholderText(self.tr("查封、扣押的理由（未选隐患时必填）"))
            self._row(form, self.tr("查封扣押理由"), "summary", self.summary)

        if self.kind == K.REINSPECTION_OPINION:
            note = QLabel(self.tr("复查意见逐项取自这次复查对所依据文书中各项隐患的结论（已整改 / 部分整改及新期限 / 未整改），"
                                  "在复查记录中修改。"))
            note.setProperty("role", "hint")
            note.setWordWrap(True)
            form.addRow("", note)

        self.issue_date = QDateEdit()
        self.issue_date.setCalendarPopup(True)
        self.issue_date.setDisplayFormat("yyyy-MM-dd")
        self.issue_date.setDate(_qdate(date.today()))
        self._row(form, self.tr("签发日期"), "issue_date", self.issue_date)

        inputs = QWidget()
        inputs.setObjectName("documentInputs")
        inner = QVBoxLayout(inputs)
        inner.addWidget(self.heading)
        inner.addWidget(self.problems)
        inner.addWidget(self.glyphs)
        inner.addLayout(form)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inputs)
        scroll.setMinimumWidth(460)

        self.preview = PdfView(placeholder=self.tr("按 F5 或“预览”生成草稿"))
        self.preview_button = QPushButton(self.tr("预览（F5）"))
        self.preview_button.clicked.connect(lambda: self.refresh_preview())
        self.issue_button = QPushButton(self.tr("更正并签发…") if self.correcting else self.tr("签发…"))
        self.issue_button.setObjectName("primary")
        self.issue_button.setToolTip(self.tr("编号并冻结文书（Ctrl+Enter）"))
        self.issue_button.clicked.connect(self.issue)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.reject)
        for b in (self.preview_button, self.cancel_button):
            b.setAutoDefault(False)
        self.issue_button.setAutoDefault(False)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.issue_button)
        buttons.addWidget(self.cancel_button)
        lay = QVBoxLayout(self)
        lay.addWidget(splitter, 1)
        lay.addLayout(buttons)
        self.resize(1280, 820)

        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, activated=lambda: self.refresh_preview())
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.issue)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self.issue)

    # ------------------------------------------------------------------------------------------ data

    def _load(self, refers_to_id: uuid.UUID | None) -> None:
        from models.services import documents as docs
        from models.services import enterprises as ent_svc
        from models.services import officers as off_svc
        from models.services import scheduling
        from models.services import settings as settings_svc
        from models.services.inspection import enterprise_inspections

        today = date.today()
        with self._ctx.session() as s:
            firm = ent_svc.rows(s, [self.enterprise_id]).get(self.enterprise_id)
            self.enterprise_name = firm.name if firm else ""
            if "refers" in self.uses:
                allowed = REFERS_TO.get(self.kind, ())
                self._sources = [d for d in docs.sources(s, self.enterprise_id)
                                 if d.kind in allowed and d.status == DocumentStatus.ISSUED
                                 and (self.correcting is None or d.id != self.correcting.id)]
            self._inspections = {r.visit_id: r.stop_id for r in enterprise_inspections(s, self.enterprise_id)}
            if self.stop_id is None and self.visit_id is not None:
                self.stop_id = self._inspections.get(self.visit_id)
            visit_officers: list[uuid.UUID] = []
            if self.visit_id is not None:
                try:
                    visit_officers = list(scheduling.get_visit(s, self.visit_id).data.officer_ids)
                except ServiceError:
                    visit_officers = []
            rows = off_svc.officers(s, off_svc.OfficerFilter(active=True), today=today)
            basis = settings_svc.get(s, BASIS_SETTING[self.kind]) if self.kind in BASIS_SETTING else ""

        self.heading.setText(self.tr("{kind} · {firm}").format(kind=kind_label(self.kind), firm=self.enterprise_name))
        if self.correcting is not None:
            self.heading.setText(self.heading.text() + "\n" + self.tr("更正 {number}：签发后原文书作废，两份都留档。")
                                 .format(number=self.correcting.number or ""))

        # the document referred to: the one asked for, else the newest of the visit, else the newest at all
        self.refers.blockSignals(True)
        self.refers.clear()
        for d in self._sources:
            day = d.visit_day.isoformat() if d.visit_day else (d.issued_at.date().isoformat() if d.issued_at else "")
            self.refers.add(f"{d.number or ''}  {kind_label(d.kind)}  {day}", d.id)
        chosen = refers_to_id
        if chosen is None and self._sources:
            same_visit = [d for d in self._sources if self.visit_id is not None and d.visit_id == self.visit_id]
            chosen = (same_visit or self._sources)[0].id
        self.refers.set_value(chosen)
        self.refers.blockSignals(False)

        usable = [r for r in rows if r.cert_state in (off_svc.CERT_VALID, off_svc.CERT_EXPIRING)]
        self._officers = {r.id: (r.name, r.certificate_no) for r in usable}
        for combo in (self.officer1, self.officer2):
            combo.clear()
            combo.add(self.tr("（请选择）"), None)
            for r in usable:
                combo.add(self.tr("{name}（执法证号 {no}）").format(name=r.name, no=r.certificate_no), r.id)
                combo.setItemData(combo.count() - 1, f"{r.department} · {r.cert_label}", Qt.ItemDataRole.ToolTipRole)
        present = [o for o in visit_officers if any(r.id == o for r in usable)]
        if present:
            self.officer1.set_value(present[0])
        if len(present) > 1:
            self.officer2.set_value(present[1])

        self.legal_basis.setPlainText(basis or "")
        self._reload_hazards()

    def _prefill(self) -> None:
        """A correction starts from what the voided document said: officers, hazards with deadlines, decisions,
        seized items, legal basis, the summary or the seizure reason (the issue date is today's)."""
        from models.services import documents as docs

        assert self.correcting is not None
        try:
            with self._ctx.session() as s:
                data = docs.content(s, self.correcting.id)
        except ServiceError:
            return
        for combo, o in zip((self.officer1, self.officer2), data.officers, strict=False):
            match = next((i for i, v in self._officers.items() if v == (o.name, o.certificate_no)), None)
            if match is not None:
                combo.set_value(match)
        if "hazards" in self.uses and data.hazards:
            printed = {line.text.removesuffix("（已现场整改）"): line for line in data.hazards}
            for row, h in enumerate(self._hazards):
                line = printed.get(h.text)
                self.set_hazard_checked(h.id, line is not None)
                if line is not None and line.deadline is not None:
                    self.hazard_table.cellWidget(row, 3).set_value(line.deadline)
        if "decisions" in self.uses:
            for d in data.decisions:
                self.add_decision(d)
        if "seized" in self.uses:
            for item in data.seized:
                self.add_seized_row([item.name, item.spec, item.quantity, item.unit, item.place, item.note])
            if data.seizure_from is not None:
                self.seizure_from.setDate(_qdate(data.seizure_from))
        if "legal_basis" in self.uses and data.legal_basis:
            self.legal_basis.setPlainText(data.legal_basis)
        if "summary" in self.uses:
            self.summary.setPlainText(data.summary)
        elif "seizure_reason" in self.uses:
            self.summary.setPlainText(data.seizure_reason)

    def _hazard_stop_id(self) -> uuid.UUID | None:
        """The inspection whose hazards are offered: the one asked for, else that of the document referred to."""
        if self.stop_id is not None:
            return self.stop_id
        ref = self.refers.value()
        doc = next((d for d in self._sources if d.id == ref), None)
        if doc is not None and doc.visit_id is not None:
            return self._inspections.get(doc.visit_id)
        return None

    def _reload_hazards(self) -> None:
        if "hazards" not in self.uses:
            return
        from models.services.inspection import hazards_of_stop

        stop = self._hazard_stop_id()
        if stop == self._hazard_stop and self.hazard_table.rowCount():
            return
        self._hazard_stop = stop
        hazards: list[_Hazard] = []
        if stop is not None:
            with self._ctx.session() as s:
                hazards = [_Hazard(h.id, h.seq, f"{h.location.strip()}：{h.description.strip()}" if h.location.strip()
                                   else h.description.strip(), h.severity == Severity.MAJOR, h.deadline,
                                   h.rectified_on_site, h.status == HazardStatus.CLOSED)
                           for h in hazards_of_stop(s, stop)]
        self._hazards = sorted(hazards, key=lambda h: h.seq)
        t = self.hazard_table
        t.setRowCount(0)
        t.setRowCount(len(self._hazards))
        bold = QFont(t.font())
        bold.setBold(True)
        for row, h in enumerate(self._hazards):
            check = QTableWidgetItem(str(h.seq))
            check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            done = h.rectified_on_site or h.closed
            check.setCheckState(Qt.CheckState.Unchecked if done else Qt.CheckState.Checked)
            check.setData(ID_ROLE, h.id)
            text = h.text + (self.tr("（已当场整改）") if h.rectified_on_site else
                             self.tr("（已销号）") if h.closed else "")
            desc = QTableWidgetItem(text)
            desc.setToolTip(text)
            level = QTableWidgetItem(self.tr("重大") if h.major else self.tr("一般"))
            if h.major:
                for item in (desc, level):
                    item.setFont(bold)
                level.setData(Qt.ItemDataRole.ForegroundRole, Qt.GlobalColor.darkRed)
            t.setItem(row, 0, check)
            t.setItem(row, 1, desc)
            t.setItem(row, 2, level)
            deadline = OptionalDateEdit()
            deadline.set_value(h.deadline)
            t.setCellWidget(row, 3, deadline)
        t.resizeRowsToContents()
        if stop is None:
            self.hazard_note.setText(self.tr("没有找到对应的现场检查：先选择依据的现场检查记录。"))
        elif not self._hazards:
            self.hazard_note.setText(self.tr("这次检查没有记录隐患。"))
        else:
            major = sum(h.major for h in self._hazards)
            self.hazard_note.setText(self.tr("共 {n} 项，其中重大事故隐患 {m} 项；勾选要写入文书的隐患。")
                                     .format(n=len(self._hazards), m=major))

    def _refers_changed(self) -> None:
        self._reload_hazards()

    # ------------------------------------------------------------------------------------------ editing helpers

    def set_hazard_checked(self, hazard_id: uuid.UUID, checked: bool) -> None:
        for row in range(self.hazard_table.rowCount()):
            item = self.hazard_table.item(row, 0)
            if item.data(ID_ROLE) == hazard_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def set_deadline(self, hazard_id: uuid.UUID, day: date | None) -> None:
        for row in range(self.hazard_table.rowCount()):
            if self.hazard_table.item(row, 0).data(ID_ROLE) == hazard_id:
                self.hazard_table.cellWidget(row, 3).set_value(day)

    def checked_hazards(self) -> list[uuid.UUID]:
        t = self.hazard_table
        return [t.item(r, 0).data(ID_ROLE) for r in range(t.rowCount())
                if t.item(r, 0).checkState() == Qt.CheckState.Checked]

    def add_decision(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        existing = [self.decision_list.item(i).text() for i in range(self.decision_list.count())]
        if text not in existing:
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.decision_list.addItem(item)
        self.decision_pick.setCurrentIndex(-1)
        self.decision_pick.setEditText("")

    def _remove_decision(self) -> None:
        for item in self.decision_list.selectedItems():
            self.decision_list.takeItem(self.decision_list.row(item))

    def decisions(self) -> list[str]:
        out = [self.decision_list.item(i).text().strip() for i in range(self.decision_list.count())]
        return [d for d in out if d]

    def add_seized_row(self, values: tuple[str, ...] | list[str] = ()) -> int:
        t = self.seized_table
        row = t.rowCount()
        t.insertRow(row)
        for col in range(len(SEIZED_FIELDS)):
            t.setItem(row, col, QTableWidgetItem(values[col] if col < len(values) else ""))
        t.setCurrentCell(row, 0)
        return row

    def _remove_seized(self) -> None:
        rows = sorted({i.row() for i in self.seized_table.selectedIndexes()} or
                      ({self.seized_table.currentRow()} if self.seized_table.currentRow() >= 0 else set()),
                      reverse=True)
        for r in rows:
            self.seized_table.removeRow(r)

    def seized_items(self) -> list[Any]:
        from models.services.document_data import SeizedItem

        out = []
        t = self.seized_table
        for r in range(t.rowCount()):
            values = [(t.item(r, c).text().strip() if t.item(r, c) else "") for c in range(len(SEIZED_FIELDS))]
            if any(values):
                out.append(SeizedItem(**dict(zip(SEIZED_FIELDS, values, strict=True))))
        return out

    # ------------------------------------------------------------------------------------------ the draft

    def draft(self) -> DraftInput:
        """The DraftInput the inputs say (only the fields this kind uses are filled)."""
        from models.services.documents import DraftInput

        kw: dict[str, Any] = {"kind": self.kind, "enterprise_id": self.enterprise_id, "visit_id": self.visit_id,
                              "stop_id": self.stop_id, "issue_date": _pydate(self.issue_date.date())}
        kw["officer_ids"] = [o for o in (self.officer1.value(), self.officer2.value()) if o is not None]
        if "refers" in self.uses:
            kw["refers_to_id"] = self.refers.value()
        if "hazards" in self.uses:
            kw["hazard_ids"] = self.checked_hazards()
            if kw["stop_id"] is None:
                kw["stop_id"] = self._hazard_stop
        if "deadlines" in self.uses:
            chosen = set(kw.get("hazard_ids") or ())
            deadlines = {}
            for r in range(self.hazard_table.rowCount()):
                hid = self.hazard_table.item(r, 0).data(ID_ROLE)
                value = self.hazard_table.cellWidget(r, 3).value()
                if hid in chosen and value is not None:
                    deadlines[hid] = value
            kw["deadlines"] = deadlines
        if "decisions" in self.uses:
            kw["decisions"] = self.decisions()
        if "legal_basis" in self.uses:
            kw["legal_basis"] = self.legal_basis.toPlainText().strip() or None
        if "seized" in self.uses:
            kw["seized"] = self.seized_items()
            kw["seizure_from"] = _pydate(self.seizure_from.date())
        if "summary" in self.uses or "seizure_reason" in self.uses:
            kw["summary"] = self.summary.toPlainText().strip() or None
        return DraftInput(**kw)

    # ------------------------------------------------------------------------------------------ messages

    def show_errors(self, errors: list[FieldError]) -> None:
        for name, label in self.messages.items():
            label.clear()
            label.hide()
            if name in self.fields:
                mark(self.fields[name], "invalid", False)
        elsewhere: list[str] = []
        for e in errors:
            label = self.messages.get(e.field)
            if label is None:
                elsewhere.append(e.message)
                continue
            label.setText("\n".join(x for x in (label.text(), e.message) if x))
            label.show()
            if e.field in self.fields:
                mark(self.fields[e.field], "invalid", True)
        self.problems.setText("\n".join(elsewhere))
        self.problems.setVisible(bool(elsewhere))
        first = next((self.fields[e.field] for e in errors if e.field in self.fields), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fail(self, exc: ServiceError) -> None:
        if isinstance(exc, ValidationFailed):
            self.show_errors(list(exc.errors))
        else:
            self.show_errors([FieldError("", str(exc))])

    # ------------------------------------------------------------------------------------------ preview / issue

    def refresh_preview(self, *, quiet: bool = False) -> bool:
        """Render the draft (草稿 watermark, no number) into the preview; False when the service refused it.
        ``quiet``: on opening, an incomplete form shows its problems in the preview area, not as red fields."""
        from models.services import documents as docs

        try:
            draft = self.draft()
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                with self._ctx.session() as s:
                    result = docs.render_preview(s, draft)
            finally:
                QApplication.restoreOverrideCursor()
        except ServiceError as exc:
            if quiet:
                self.preview.set_pdf(None)
                self.preview.set_placeholder(self.tr("尚不能预览：\n{problems}").format(problems=str(exc)))
            else:
                self._fail(exc)
            return False
        if not quiet:
            self.show_errors([])
        self.preview.set_pdf(result.pdf)
        missing = "".join(dict.fromkeys(str(c) for c in (getattr(result, "missing", None) or ())))
        self.glyphs.setText(self.tr("字体中没有这些字符，文书上无法印出：{chars}（请核对名称，必要时手写补正）")
                            .format(chars=missing) if missing else "")
        self.glyphs.setVisible(bool(missing))
        return True

    def issue(self) -> None:
        """签发: confirm, issue in one transaction, show the number, close returning the row."""
        from models.services import documents as docs

        reason = self.reason.text().strip()
        if self.correcting is not None and not reason:
            self.show_errors([FieldError("reason", self.tr("请填写更正理由。"))])
            return
        try:
            draft = self.draft()
        except ServiceError as exc:
            self._fail(exc)
            return
        question = (self.tr("作废 {number} 并签发更正后的{kind}？\n签发后即编号并冻结，不能再修改。")
                    .format(number=self.correcting.number or "", kind=kind_label(self.kind))
                    if self.correcting is not None else
                    self.tr("签发这份{kind}（{firm}）？\n签发后即编号并冻结，不能再修改；如有错误只能作废后更正。")
                    .format(kind=kind_label(self.kind), firm=self.enterprise_name))
        if not alerts.confirm(self, self.tr("签发文书"), question):
            return
        try:
            with self._ctx.session() as s:
                if self.correcting is not None:
                    row = docs.correct(s, self.correcting.id, reason, draft, actor=self._ctx.actor)
                else:
                    row = docs.issue(s, draft, actor=self._ctx.actor)
        except ServiceError as exc:
            self._fail(exc)
            return
        self.issued = row
        self.show_errors([])
        self.heading.setText(self.tr("已签发：{number}").format(number=row.number or ""))
        try:
            with self._ctx.session() as s:
                self.preview.set_pdf(docs.pdf_bytes(s, row.id))
        except ServiceError:
            pass
        alerts.info(self, self.tr("已签发"), self.tr("{kind}已签发，文号：{number}").format(
            kind=kind_label(self.kind), number=row.number or ""))
        self.accept()


__all__ = ["KIND_FIELDS", "REFERS_TO", "TYPICAL_DECISIONS", "DocumentDialog", "kind_label"]
