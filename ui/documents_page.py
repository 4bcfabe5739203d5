"""执法文书: the issued enforcement documents, their PDFs, and what the office does with them.

Top: filters (检查日期 — empty for all days, 文书, 企业 text, 含作废). Left: the documents (文号, 文书, 企业, 检查日期, 签发时间,
签发人, 状态 — 作废 with its reason), several may be selected. Right: the selected document's PDF as issued.
Actions: 新建… (Ctrl+N: kind + firm of a visit of a day, then the compose dialog), 打印 (Ctrl+P: the selected
documents), 批量打印 (Ctrl+Shift+P), 导出 PDF… (one merged file), 导出到文件夹… (each document's own file, which
verifies), 作废… (reason required), 更正… (void + a corrected one composed from the same inputs), 核验….
A batch (批量打印 / 导出) is: the selected documents when several are selected; else every valid document listed for
the chosen day; else every valid document of the selected document's visit.
Double-click (or Enter) on the 企业 column emits ``openEnterprise(uuid)``.

``EnterpriseDocuments`` is the compact list of one firm's documents (open / print) for the enterprise archive.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QSignalBlocker, QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.enums import DOCUMENT_KIND_LABELS, VISIT_KIND_LABELS, DocumentKind, DocumentStatus
from models.services.errors import ServiceError, ValidationFailed
from ui import alerts
from ui.document_dialog import DocumentDialog, kind_label
from ui.labels import enum_label
from ui.pdf_view import PdfView, PrintFailed, print_pdf
from ui.table_model import RowsModel
from ui.tasks import TaskCancelled, run_in_session
from ui.verify_dialog import VerifyDialog, local_time, status_text
from ui.widgets import OptionalDateEdit, ValueCombo, remember_geometry

if TYPE_CHECKING:
    from models.services.documents import DocumentRow
    from ui.context import AppContext

FIRM_COLUMN = 2
STATUS_COLUMN = 6
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _documents_dir() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


# ================================================================================================ model


class DocumentsModel(RowsModel):
    """文号 · 文书 · 企业 · 检查日期 · 签发时间 · 签发人 · 状态."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__((self.tr("文号"), self.tr("文书"), self.tr("企业"), self.tr("检查日期"), self.tr("签发时间"),
                          self.tr("签发人"), self.tr("状态")), parent)

    def display(self, r: DocumentRow) -> tuple[str, ...]:
        return (r.number or self.tr("（未编号）"), kind_label(r.kind), r.enterprise_name,
                r.visit_day.isoformat() if r.visit_day else "", local_time(r.issued_at), r.issued_by,
                status_text(r))

    def role_data(self, r: DocumentRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == STATUS_COLUMN and r.status == DocumentStatus.VOID:
                return self.tr("{when} 由 {who} 作废：{reason}").format(
                    when=local_time(r.voided_at), who=r.voided_by or "—", reason=r.void_reason)
            if column == 0 and r.refers_to_number:
                return self.tr("依据：{number}").format(number=r.refers_to_number)
            if column == FIRM_COLUMN:
                return self.tr("双击打开企业档案")
        if role == Qt.ItemDataRole.ForegroundRole and r.status == DocumentStatus.VOID:
            return Qt.GlobalColor.gray
        if role == ID_ROLE:
            return r.id
        return None


def _table(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


# ================================================================================================ small widgets


class DayFilter(QWidget):
    """检查日期 [✓] [2026-06-10]: unchecked = all days; ``value()`` is the day or None; ``changed`` on any change."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(self.tr("检查日期"))
        self.check.setToolTip(self.tr("只看这一天检查的文书；不勾选：全部日期"))
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.check)
        lay.addWidget(self.edit)
        self.check.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(lambda *_: self.changed.emit())

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        self.changed.emit()

    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        d = self.edit.date()
        return date(d.year(), d.month(), d.day())

    def set_value(self, day: date | None) -> None:
        with QSignalBlocker(self.check), QSignalBlocker(self.edit):
            if day is not None:
                self.edit.setDate(QDate(day.year, day.month, day.day))
            self.check.setChecked(day is not None)
            self.edit.setEnabled(day is not None)
        self.changed.emit()


# ================================================================================================ small dialogs


class ReasonDialog(QDialog):
    """A required reason (作废 …). ``ask`` is the patch point for tests."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.text.textChanged.connect(lambda: ok.setEnabled(bool(self.text.toPlainText().strip())))
        lay = QVBoxLayout(self)
        lay.addWidget(label)
        lay.addWidget(self.text)
        lay.addWidget(self.buttons)
        self.resize(460, 200)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str) -> str | None:
        dlg = cls(parent, title, prompt)
        try:
            return dlg.text.toPlainText().strip() if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()


class NewDocumentDialog(QDialog):
    """新建文书: the kind, and the firm of a visit of a day (the inspection the document belongs to)."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, *, day: date | None = None,
                 kind: str | None = None, enterprise_id: uuid.UUID | None = None,
                 visit_id: uuid.UUID | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle(self.tr("新建执法文书"))
        self.kind = ValueCombo()
        for k in DocumentKind:
            self.kind.add(enum_label(DOCUMENT_KIND_LABELS[k]), k.value)
        self.kind.set_value(kind or DocumentKind.RECTIFICATION_ORDER.value)
        self.day = OptionalDateEdit()
        self.day.set_value(day or date.today())
        self.day.dateChanged.connect(lambda: self._load())
        self.stops = QListWidget()
        self.stops.setObjectName("newDocumentStops")
        self.stops.itemDoubleClicked.connect(lambda _i: self.accept())
        self.empty = QLabel()
        self.empty.setProperty("role", "hint")
        self.empty.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("文书"), self.kind)
        form.addRow(self.tr("检查日期"), self.day)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("下一步…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(QLabel(self.tr("这一天检查的企业：")))
        lay.addWidget(self.stops, 1)
        lay.addWidget(self.empty)
        lay.addWidget(buttons)
        self.resize(520, 440)
        self.stops.currentRowChanged.connect(lambda _r: self.ok.setEnabled(self.choice() is not None))
        self._load(enterprise_id, visit_id)

    def _load(self, enterprise_id: uuid.UUID | None = None, visit_id: uuid.UUID | None = None) -> None:
        from models.services import scheduling

        day = self.day.value()
        self.stops.clear()
        rows = []
        if day is not None:
            with self._ctx.session() as s:
                rows = scheduling.visits_between(s, day, day)
        for v in rows:
            if v.status == "cancelled":
                continue
            when = "–".join(t for t in (v.start_time, v.end_time) if t)
            for fid, name in zip(v.firm_ids, v.firms, strict=True):
                text = " · ".join(x for x in (when, enum_label(VISIT_KIND_LABELS.get(v.kind, v.kind)), name) if x)
                item = QListWidgetItem(text)
                item.setData(ID_ROLE, (fid, v.id))
                item.setToolTip(self.tr("执法人员：{officers}").format(officers="、".join(v.officers) or "—"))
                self.stops.addItem(item)
                if fid == enterprise_id and (visit_id is None or v.id == visit_id):
                    self.stops.setCurrentItem(item)
        if self.stops.count() and self.stops.currentRow() < 0:
            self.stops.setCurrentRow(0)
        self.empty.setText("" if self.stops.count() else self.tr("这一天没有检查。请换一天。"))
        self.ok.setEnabled(self.choice() is not None)

    def choice(self) -> tuple[uuid.UUID, uuid.UUID] | None:
        item = self.stops.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def set_choice(self, enterprise_id: uuid.UUID, visit_id: uuid.UUID) -> bool:
        for i in range(self.stops.count()):
            if self.stops.item(i).data(ID_ROLE) == (enterprise_id, visit_id):
                self.stops.setCurrentRow(i)
                return True
        return False

    @classmethod
    def choose(cls, parent: QWidget | None, ctx: AppContext, **kw: Any) -> tuple[str, uuid.UUID, uuid.UUID] | None:
        """(kind, enterprise id, visit id), or None when cancelled."""
        dlg = cls(parent, ctx, **kw)
        try:
            if dlg.exec() != QDialog.DialogCode.Accepted or dlg.choice() is None:
                return None
            firm, visit = dlg.choice()  # type: ignore[misc]
            return dlg.kind.value(), firm, visit
        finally:
            dlg.deleteLater()


class PdfDialog(QDialog):
    """One document's PDF in a window, with 打印 (the archive's 打开)."""

    def __init__(self, parent: QWidget | None, title: str, data: bytes) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.view = PdfView()
        self.view.set_pdf(data)
        self.print_button = QPushButton(self.tr("打印…（Ctrl+P）"))
        self.print_button.clicked.connect(self._print)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        bar = QHBoxLayout()
        bar.addWidget(self.print_button)
        bar.addStretch(1)
        bar.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.view, 1)
        lay.addLayout(bar)
        self.resize(820, 980)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, activated=self._print)
        remember_geometry(self, "PdfDialog")

    def _print(self) -> None:
        try:
            print_pdf(self, [self.view.pdf()])
        except PrintFailed as exc:
            alerts.error(self, self.tr("打印"), str(exc))

    @classmethod
    def show_pdf(cls, parent: QWidget | None, title: str, data: bytes) -> None:
        dlg = cls(parent, title, data)
        try:
            dlg.exec()
        finally:
            dlg.deleteLater()


# ================================================================================================ shared actions


class _DocumentActions:
    """What both lists do with documents: read PDFs, print."""

    _ctx: AppContext

    def _pdfs(self, ids: list[uuid.UUID]) -> list[bytes]:
        from models.services import documents as docs

        with self._ctx.session() as s:
            return [docs.pdf_bytes(s, i) for i in ids]

    def _print_ids(self, parent: QWidget, ids: list[uuid.UUID]) -> int:
        if not ids:
            return 0
        try:
            pdfs = self._pdfs(ids)
            return print_pdf(parent, pdfs)
        except (ServiceError, PrintFailed) as exc:
            alerts.error(parent, QCoreApplication.translate("DocumentsPage", "打印"), str(exc))
            return 0


# ================================================================================================ page


class DocumentsPage(QWidget, _DocumentActions):
    """The 执法文书 module page."""

    openEnterprise = Signal(object)  # noqa: N815 (Qt signal naming)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._shown_once = False
        self._shown_id: uuid.UUID | None = None
        self._all: list[DocumentRow] = []

        self.day = DayFilter()
        self.kind = ValueCombo()
        self.kind.add(self.tr("全部文书"), None)
        for k in DocumentKind:
            self.kind.add(enum_label(DOCUMENT_KIND_LABELS[k]), k.value)
        self.kind.setSizeAdjustPolicy(ValueCombo.SizeAdjustPolicy.AdjustToContents)
        self.firm = QLineEdit()
        self.firm.setPlaceholderText(self.tr("企业名称（Ctrl+F）"))
        self.firm.setClearButtonEnabled(True)
        self.include_void = QCheckBox(self.tr("含作废"))
        self.include_void.setChecked(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("resultCount")
        filters = QHBoxLayout()
        filters.addWidget(self.day)
        filters.addWidget(self.kind)
        filters.addWidget(self.firm, 1)
        filters.addWidget(self.include_void)
        filters.addWidget(self.count_label)

        def button(text: str, tip: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
            b = QPushButton(text)
            b.setToolTip(tip)
            b.clicked.connect(lambda: slot())
            return b

        self.new_button = button(self.tr("新建…"), self.tr("为某天检查的企业制作文书（Ctrl+N）"), self.new_document)
        self.new_button.setObjectName("primary")
        self.print_button = button(self.tr("打印"), self.tr("打印选中的文书（Ctrl+P）"), self.print_selected)
        self.batch_button = button(self.tr("批量打印"), self.tr("打印所选日期或所选检查的全部有效文书（Ctrl+Shift+P）"),
                                   self.print_batch)
        self.export_button = button(self.tr("导出 PDF…"), self.tr("把一批文书合并成一个 PDF 文件"), self.export_one_file)
        self.folder_button = button(self.tr("导出到文件夹…"), self.tr("每份文书存为一个 PDF 文件（可核验）"),
                                    self.export_folder)
        self.void_button = button(self.tr("作废…"), self.tr("作废选中的文书（须写明原因）"), self.void_selected)
        self.correct_button = button(self.tr("更正…"), self.tr("作废选中的文书并出具更正后的文书"),
                                     self.correct_selected)
        self.verify_button = button(self.tr("核验…"), self.tr("核验一份 PDF 文件是否与档案一致"), self.verify)
        actions = QHBoxLayout()
        for b in (self.new_button, self.print_button, self.batch_button, self.export_button, self.folder_button,
                  self.void_button, self.correct_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.verify_button)

        self.model = DocumentsModel(self)
        self.table = _table(self.model)
        self.table.setObjectName("documentsTable")
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.pdf = PdfView(placeholder=self.tr("选择一份文书查看"))
        self.pdf.setObjectName("documentPdf")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.pdf)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        lay = QVBoxLayout(self)
        lay.addLayout(filters)
        lay.addLayout(actions)
        lay.addWidget(splitter, 1)

        self.day.changed.connect(self.reload)
        self.kind.currentIndexChanged.connect(lambda *_: self.reload())
        self.include_void.toggled.connect(lambda *_: self.reload())
        self.firm.textChanged.connect(lambda *_: self._show())
        QShortcut(QKeySequence("Ctrl+F"), self, activated=lambda: (self.firm.setFocus(), self.firm.selectAll()))
        QShortcut(QKeySequence(QKeySequence.StandardKey.New), self, activated=self.new_document)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, activated=self.print_selected)
        QShortcut(QKeySequence("Ctrl+Shift+P"), self, activated=self.print_batch)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, activated=self.reload)
        self.table.installEventFilter(self)
        self._update_actions()

    # ------------------------------------------------------------------------------------------ data

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.reload()  # a document issued elsewhere (an inspection, the archive) shows at once
        self._shown_once = True

    def reload(self, select: uuid.UUID | None = None) -> None:
        from models.services import documents as docs

        keep = select or self.current_id()
        try:
            with self._ctx.session() as s:
                rows = docs.documents(s, day=self.day.value(), kind=self.kind.value(),
                                      include_void=self.include_void.isChecked())
        except ServiceError as exc:
            alerts.error(self, self.tr("执法文书"), str(exc))
            rows = []
        self._all = rows
        self._show(keep)

    def _show(self, keep: uuid.UUID | None = None) -> None:
        """The fetched rows through the firm filter (a keystroke filters in memory, no query)."""
        keep = keep or self.current_id()
        rows = self._all
        text = self.firm.text().strip().lower()
        if text:
            rows = [r for r in rows if all(w in r.enterprise_name.lower() for w in text.split())]
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("{n} 份").format(n=len(rows)))
        self.table.resizeColumnsToContents()
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._selection_changed()

    def current_id(self) -> uuid.UUID | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            rows = self.selected_rows()
            return rows[0].id if rows else None
        r = self.model.row_at(index.row())
        return r.id if r is not None else None

    def current(self) -> DocumentRow | None:
        cid = self.current_id()
        row = self.model.row_of(cid) if cid is not None else -1
        return self.model.row_at(row) if row >= 0 else None

    def selected_rows(self) -> list[DocumentRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows if self.model.row_at(r) is not None]

    def select(self, doc_id: uuid.UUID) -> bool:
        row = self.model.row_of(doc_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _selection_changed(self) -> None:
        from models.services import documents as docs

        cur = self.current()
        if cur is None:
            self._shown_id = None
            self.pdf.set_pdf(None)
        elif cur.id != self._shown_id:
            try:
                with self._ctx.session() as s:
                    data = docs.pdf_bytes(s, cur.id)
            except ServiceError as exc:
                data = None
                self.pdf.set_placeholder(str(exc))
            self._shown_id = cur.id
            self.pdf.set_pdf(data)
        self._update_actions()

    def _update_actions(self) -> None:
        cur = self.current()
        selected = self.selected_rows()
        valid = cur is not None and cur.status == DocumentStatus.ISSUED
        self.print_button.setEnabled(any(r.status != DocumentStatus.DRAFT for r in selected))
        self.void_button.setEnabled(valid and len(selected) == 1)
        self.correct_button.setEnabled(valid and len(selected) == 1)
        has_batch = bool(self.batch())
        for b in (self.batch_button, self.export_button, self.folder_button):
            b.setEnabled(has_batch)

    def batch(self) -> list[DocumentRow]:
        """The documents a batch action works on (see the module docstring), valid ones only."""
        from models.services import documents as docs

        selected = self.selected_rows()
        if len(selected) > 1:
            rows = selected
        elif self.day.value() is not None:
            rows = self.model.rows
        else:
            cur = self.current()
            if cur is None or cur.visit_id is None:
                rows = selected
            else:
                with self._ctx.session() as s:
                    rows = docs.documents(s, visit_id=cur.visit_id, include_void=False)
        return [r for r in rows if r.status == DocumentStatus.ISSUED]

    # ------------------------------------------------------------------------------------------ events

    def eventFilter(self, obj, event) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        from PySide6.QtCore import QEvent

        if obj is self.table and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = self.table.currentIndex()
            if index.isValid() and index.column() == FIRM_COLUMN:
                self._double_clicked(index)
                return True
        return super().eventFilter(obj, event)

    def _double_clicked(self, index: QModelIndex) -> None:
        r = self.model.row_at(index.row())
        if r is not None and index.column() == FIRM_COLUMN:
            self.openEnterprise.emit(r.enterprise_id)

    # ------------------------------------------------------------------------------------------ actions

    def new_document(self) -> DocumentRow | None:
        cur = self.current()
        kind = None
        refers = None
        if cur is not None and cur.status == DocumentStatus.ISSUED:
            # from a record: an order next; from an order or decision: its re-inspection opinion
            kind = (DocumentKind.RECTIFICATION_ORDER if cur.kind == DocumentKind.INSPECTION_RECORD else
                    DocumentKind.REINSPECTION_OPINION if cur.kind != DocumentKind.REINSPECTION_OPINION else None)
            refers = cur.id
        chosen = NewDocumentDialog.choose(self, self._ctx, day=self.day.value() or (cur.visit_day if cur else None),
                                          kind=kind, enterprise_id=cur.enterprise_id if cur else None,
                                          visit_id=cur.visit_id if cur else None)
        if chosen is None:
            return None
        kind, firm, visit = chosen
        if cur is None or cur.enterprise_id != firm:
            refers = None
        row = DocumentDialog.compose(self, self._ctx, kind=kind, enterprise_id=firm, visit_id=visit,
                                     refers_to_id=refers)
        if row is not None:
            self.reload(select=row.id)
            self.select(row.id)
        return row

    def print_selected(self) -> int:
        rows = [r for r in self.selected_rows() if r.status != DocumentStatus.DRAFT]
        return self._print_ids(self, [r.id for r in rows])

    def print_batch(self) -> int:
        rows = self.batch()
        if not rows:
            alerts.info(self, self.tr("批量打印"), self.tr("没有可打印的文书：选择一天，或选中一份文书以打印同一检查的全部文书。"))
            return 0
        return self._print_ids(self, [r.id for r in rows])

    @staticmethod
    def choose_pdf_file(parent: QWidget, default_name: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("DocumentsPage", "导出 PDF"),
                                              str(Path(_documents_dir()) / default_name),
                                              QCoreApplication.translate("DocumentsPage", "PDF 文件 (*.pdf)"))
        if not path:
            return None
        return path if path.lower().endswith(".pdf") else path + ".pdf"

    @staticmethod
    def choose_folder(parent: QWidget) -> str | None:
        return QFileDialog.getExistingDirectory(
            parent, QCoreApplication.translate("DocumentsPage", "导出到文件夹"), _documents_dir()) or None

    def _export(self, target: str, one_file: bool) -> list[Path]:
        from models.services import documents as docs

        ids = [r.id for r in self.batch()]
        title = self.tr("导出文书")
        try:
            paths = run_in_session(self, self._ctx, title, self.tr("正在导出 {n} 份文书…").format(n=len(ids)),
                                   lambda s, _p: docs.export(s, ids, Path(target), one_file=one_file))
        except TaskCancelled:
            return []
        except (ServiceError, OSError) as exc:
            alerts.error(self, title, str(exc))
            return []
        alerts.info(self, title, self.tr("已导出 {n} 份文书到：\n{where}").format(n=len(ids), where=target))
        return paths

    def export_one_file(self) -> list[Path]:
        rows = self.batch()
        if not rows:
            return []
        day = self.day.value() or rows[0].visit_day or date.today()
        name = self.tr("执法文书-{day}.pdf").format(day=f"{day:%Y%m%d}")
        path = type(self).choose_pdf_file(self, name)
        return self._export(path, True) if path else []

    def export_folder(self) -> list[Path]:
        if not self.batch():
            return []
        folder = type(self).choose_folder(self)
        return self._export(folder, False) if folder else []

    def void_selected(self) -> bool:
        from models.services import documents as docs

        cur = self.current()
        if cur is None or cur.status != DocumentStatus.ISSUED:
            return False
        reason = ReasonDialog.ask(self, self.tr("作废文书"), self.tr(
            "作废 {number}（{firm}）。\n作废后文号不再使用，文书留档并注明原因。请写明作废原因：").format(
            number=cur.number or "", firm=cur.enterprise_name))
        if not reason:
            return False
        try:
            with self._ctx.session() as s:
                docs.void(s, cur.id, reason, actor=self._ctx.actor)
        except ValidationFailed as exc:
            alerts.error(self, self.tr("作废文书"), str(exc))
            return False
        except ServiceError as exc:
            alerts.error(self, self.tr("作废文书"), str(exc))
            return False
        self._shown_id = None
        self.reload(select=cur.id)
        return True

    def correct_selected(self) -> DocumentRow | None:
        cur = self.current()
        if cur is None or cur.status != DocumentStatus.ISSUED:
            return None
        row = DocumentDialog.correct(self, self._ctx, cur)
        if row is not None:
            self._shown_id = None
            self.reload(select=row.id)
        return row

    def verify(self) -> None:
        VerifyDialog.run(self, self._ctx)


# ================================================================================================ archive tab


class EnterpriseDocuments(QWidget, _DocumentActions):
    """One firm's documents, newest first (the enterprise archive's 执法文书 tab): 打开 (Enter / double-click)
    shows the PDF, 打印 prints the selected ones."""

    def __init__(self, ctx: AppContext, enterprise_id: uuid.UUID | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.enterprise_id = enterprise_id
        self.model = DocumentsModel(self)
        self.table = _table(self.model)
        self.table.setObjectName("enterpriseDocuments")
        for col in (FIRM_COLUMN,):
            self.table.setColumnHidden(col, True)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.open_button = QPushButton(self.tr("打开"))
        self.open_button.clicked.connect(self.open_current)
        self.print_button = QPushButton(self.tr("打印"))
        self.print_button.clicked.connect(self.print_selected)
        self.count_label = QLabel()
        self.count_label.setObjectName("resultCount")
        bar = QHBoxLayout()
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.open_button)
        bar.addWidget(self.print_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, activated=self.print_selected,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        if enterprise_id is not None:
            self.reload()
        self._update()

    def set_enterprise(self, enterprise_id: uuid.UUID | None) -> None:
        self.enterprise_id = enterprise_id
        self.reload()

    def reload(self) -> None:
        from models.services import documents as docs

        rows: list[DocumentRow] = []
        if self.enterprise_id is not None:
            with self._ctx.session() as s:
                rows = docs.documents(s, enterprise_id=self.enterprise_id, include_void=True)
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("共 {n} 份执法文书").format(n=len(rows)))
        self.table.resizeColumnsToContents()
        if rows:
            self.table.selectRow(0)
        self._update()

    def selected_rows(self) -> list[DocumentRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows if self.model.row_at(r) is not None]

    def _update(self) -> None:
        selected = self.selected_rows()
        self.open_button.setEnabled(len(selected) == 1)
        self.print_button.setEnabled(bool(selected))

    def eventFilter(self, obj, event) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        from PySide6.QtCore import QEvent

        if obj is self.table and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_current()
            return True
        return super().eventFilter(obj, event)

    def open_current(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        r = rows[0]
        try:
            data = self._pdfs([r.id])[0]
        except ServiceError as exc:
            alerts.error(self, self.tr("执法文书"), str(exc))
            return
        PdfDialog.show_pdf(self, f"{kind_label(r.kind)} {r.number or ''}", data)

    def print_selected(self) -> int:
        return self._print_ids(self, [r.id for r in self.selected_rows()])


__all__ = ["DocumentsModel", "DocumentsPage", "EnterpriseDocuments", "NewDocumentDialog", "PdfDialog",
           "ReasonDialog"]
