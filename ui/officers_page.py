"""执法人员 and 监督员 pages: filterable lists, the certificate-expiry banner, and the edit dialogs."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.services import officers as svc
from models.services.errors import ConcurrentEdit, FieldError, NotFound, ServiceError, ValidationFailed
from ui import alerts
from ui.context import AppContext
from ui.table_model import RowsModel
from ui.widgets import OptionalDateEdit, ValueCombo

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_ROLE = Qt.ItemDataRole.UserRole + 3  # the whole NamedTuple of the line


def _mark(widget: QWidget, invalid: bool) -> None:
    """Flag a field for the ``[invalid="true"]`` rule of resources/styles/tijian.qss."""
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def _icon(kind: QStyle.StandardPixmap) -> QIcon:
    return QApplication.style().standardIcon(kind)


def _state_icon(state: str) -> QIcon | None:
    if state == svc.CERT_EXPIRING:
        return _icon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    if state == svc.CERT_EXPIRED:
        return _icon(QStyle.StandardPixmap.SP_MessageBoxCritical)
    if state == svc.CERT_MISSING:
        return _icon(QStyle.StandardPixmap.SP_MessageBoxQuestion)
    return None


# ------------------------------------------------------------------------------------------------ models


class _RowsModel(RowsModel):
    """A small list held whole (tens of people), sortable by any column; the service's order (pinyin by name)
    breaks ties (a stable sort keeps it)."""

    COLUMNS: tuple[str, ...] = ()  # keys; headers() gives the translated titles

    def __init__(self, parent: Any = None) -> None:
        super().__init__((), parent)
        self._sort = (0, Qt.SortOrder.AscendingOrder)
        self._headers = tuple(self.headers())

    @staticmethod
    def headers() -> list[str]:
        return []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._sort_rows()
        self.endResetModel()

    @property
    def total(self) -> int:
        return len(self._rows)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def role_data(self, row: Any, column: int, role: int) -> Any:
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return self._extra(row, column, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        old = [row.id for row in self._rows]
        self._sort = (column, order)
        self._sort_rows()
        new_pos = {row.id: i for i, row in enumerate(self._rows)}
        for idx in self.persistentIndexList():
            self.changePersistentIndex(idx, self.index(new_pos[old[idx.row()]], idx.column()))
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        column, order = self._sort
        self._rows.sort(key=lambda row: self._sort_value(row, column),
                        reverse=order == Qt.SortOrder.DescendingOrder)
        self._text = [self.display(row) for row in self._rows]

    # subclasses
    def display(self, row: Any) -> tuple[str, ...]:
        return self._display(row)

    def _display(self, row: Any) -> tuple[str, ...]:
        raise NotImplementedError

    def _sort_value(self, row: Any, column: int) -> Any:
        return self._display(row)[column]

    def _extra(self, row: Any, column: int, role: int) -> Any:
        return None


_CERT_ORDER = {svc.CERT_EXPIRED: 0, svc.CERT_EXPIRING: 1, svc.CERT_MISSING: 2, svc.CERT_VALID: 3}


def _active_text(active: bool) -> str:
    return QCoreApplication.translate("OfficersPage", "在用") if active else \
        QCoreApplication.translate("OfficersPage", "已停用")


class OfficerTableModel(_RowsModel):
    COLUMNS = ("name", "department", "certificate_no", "certificate_expiry", "cert_state", "phone", "active")
    STATE_COLUMN = 4

    @staticmethod
    def headers() -> list[str]:
        return [
            QCoreApplication.translate("OfficerTableModel", "姓名"),
            QCoreApplication.translate("OfficerTableModel", "所属部门"),
            QCoreApplication.translate("OfficerTableModel", "执法证号"),
            QCoreApplication.translate("OfficerTableModel", "有效期至"),
            QCoreApplication.translate("OfficerTableModel", "执法证状态"),
            QCoreApplication.translate("OfficerTableModel", "联系电话"),
            QCoreApplication.translate("OfficerTableModel", "状态"),
        ]

    def __init__(self, parent: Any = None) -> None:
        self._order: dict[uuid.UUID, int] = {}
        super().__init__(parent)

    def set_rows(self, rows: list[svc.OfficerRow]) -> None:
        self._order = {row.id: i for i, row in enumerate(rows)}  # the service's pinyin order
        super().set_rows(rows)

    def _display(self, row: svc.OfficerRow) -> tuple[str, ...]:
        return (row.name, row.department, row.certificate_no,
                row.certificate_expiry.isoformat() if row.certificate_expiry else "",
                self._state_text(row), row.phone, _active_text(row.active))

    @staticmethod
    def _state_text(row: svc.OfficerRow) -> str:
        """有效 / 即将到期（还剩N天） / 已过期 / 未登记; the tooltip names the warning period."""
        if row.cert_state == svc.CERT_EXPIRING:
            if not row.days_left:
                return QCoreApplication.translate("OfficerTableModel", "即将到期（今天到期）")
            return QCoreApplication.translate("OfficerTableModel", "即将到期（还剩%1天）").replace("%1", str(row.days_left))
        if row.cert_state == svc.CERT_EXPIRED:
            return QCoreApplication.translate("OfficerTableModel", "已过期")
        if row.cert_state == svc.CERT_MISSING:
            return QCoreApplication.translate("OfficerTableModel", "未登记")
        return QCoreApplication.translate("OfficerTableModel", "有效")

    def _sort_value(self, row: svc.OfficerRow, column: int) -> Any:
        key = self.COLUMNS[column]
        if key == "name":
            return self._order.get(row.id, 0)
        if key == "cert_state":
            return (_CERT_ORDER[row.cert_state], row.days_left if row.days_left is not None else 0)
        if key == "certificate_expiry":
            return row.certificate_expiry.toordinal() if row.certificate_expiry else 0
        if key == "active":
            return 0 if row.active else 1
        return getattr(row, key) or ""

    def _extra(self, row: svc.OfficerRow, column: int, role: int) -> Any:
        if column == self.STATE_COLUMN:
            if role == Qt.ItemDataRole.DecorationRole:
                return _state_icon(row.cert_state)
            if role == Qt.ItemDataRole.ToolTipRole and row.certificate_expiry is not None:
                return QCoreApplication.translate("OfficerTableModel", "有效期至 %1").replace(
                    "%1", row.certificate_expiry.isoformat())
        return None


class SupervisorTableModel(_RowsModel):
    COLUMNS = ("name", "affiliation", "phone", "active")

    @staticmethod
    def headers() -> list[str]:
        return [
            QCoreApplication.translate("SupervisorTableModel", "姓名"),
            QCoreApplication.translate("SupervisorTableModel", "身份/单位"),
            QCoreApplication.translate("SupervisorTableModel", "联系电话"),
            QCoreApplication.translate("SupervisorTableModel", "状态"),
        ]

    def __init__(self, parent: Any = None) -> None:
        self._order: dict[uuid.UUID, int] = {}
        super().__init__(parent)

    def set_rows(self, rows: list[svc.SupervisorRow]) -> None:
        self._order = {row.id: i for i, row in enumerate(rows)}
        super().set_rows(rows)

    def _display(self, row: svc.SupervisorRow) -> tuple[str, ...]:
        return (row.name, row.affiliation, row.phone, _active_text(row.active))

    def _sort_value(self, row: svc.SupervisorRow, column: int) -> Any:
        key = self.COLUMNS[column]
        if key == "name":
            return self._order.get(row.id, 0)
        if key == "active":
            return 0 if row.active else 1
        return getattr(row, key) or ""


# ------------------------------------------------------------------------------------------------ dialogs


class _PersonDialog(QDialog):
    """Shared form mechanics: a field with its own error label under it, and the save loop."""

    def __init__(self, ctx: AppContext, item_id: uuid.UUID | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._id = item_id
        self._version: int | None = None
        self.saved_id: uuid.UUID | None = None
        self.fields: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = QLabel()  # messages for fields not on the form (should not happen)
        self.errors.setProperty("role", "error")
        self.errors.setWordWrap(True)
        self.errors.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.errors)
        lay.addStretch(1)
        lay.addWidget(buttons)
        self.setMinimumWidth(480)

    def _add(self, key: str, label: str, widget: QWidget) -> None:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(widget)
        err = QLabel()
        err.setProperty("role", "error")
        err.setWordWrap(True)
        err.hide()
        v.addWidget(err)
        self.form.addRow(label, box)
        self.fields[key] = widget
        self.error_labels[key] = err

    def show_errors(self, errors: list[FieldError]) -> None:
        for key, w in self.fields.items():
            _mark(w, False)
            self.error_labels[key].clear()
            self.error_labels[key].hide()
        stray: list[str] = []
        for e in errors:  # services word their messages in Chinese
            w = self.fields.get(e.field)
            if w is None:
                stray.append(e.message)
                continue
            _mark(w, True)
            label = self.error_labels[e.field]
            label.setText("\n".join(t for t in (label.text(), e.message) if t))
            label.show()
        self.errors.setText("\n".join(stray))
        self.errors.setVisible(bool(stray))
        if errors and errors[0].field in self.fields:
            self.fields[errors[0].field].setFocus(Qt.FocusReason.OtherFocusReason)

    def _write(self, s: Any) -> uuid.UUID:
        raise NotImplementedError

    def _load(self) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        self._load()
        self.show_errors([])

    def save(self) -> None:
        try:
            with self._ctx.session() as s:
                new_id = self._write(s)
        except ValidationFailed as exc:
            self.show_errors(exc.errors)
            return
        except ConcurrentEdit as exc:
            if alerts.confirm(self, self.tr("未保存"),
                              str(exc) + "\n\n" + self.tr("现在载入最新内容吗？您在本窗口中的修改将被放弃。")):
                self.reload()
            return
        except NotFound as exc:
            alerts.warning(self, self.tr("未保存"), str(exc))
            return
        self.saved_id = new_id
        self.accept()


class OfficerDialog(_PersonDialog):
    """Entry point: ``OfficerDialog.edit(parent, ctx, officer_id=None) -> id or None``."""

    def __init__(self, ctx: AppContext, officer_id: uuid.UUID | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, officer_id, parent)
        self.setWindowTitle(self.tr("新建执法人员") if officer_id is None else self.tr("编辑执法人员"))
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.department = QComboBox()
        self.department.setEditable(True)
        self.department.lineEdit().setMaxLength(60)
        self.department.lineEdit().setPlaceholderText(self.tr("如 汨罗市应急管理局"))
        self.certificate_no = QLineEdit()
        self.certificate_no.setMaxLength(60)  # longer input gets the service's message, not a silent cut
        self.certificate_no.setPlaceholderText(self.tr("数字和字母，如 43060123001"))
        self.certificate_expiry = OptionalDateEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("手机或座机，如 0730-5212345"))
        self._add("name", self.tr("姓名 *"), self.name)
        self._add("department", self.tr("所属部门 *"), self.department)
        self._add("certificate_no", self.tr("执法证号"), self.certificate_no)
        self._add("certificate_expiry", self.tr("有效期至"), self.certificate_expiry)
        self._add("phone", self.tr("联系电话"), self.phone)
        self._load()

    @classmethod
    def edit(cls, parent: QWidget | None, ctx: AppContext, officer_id: uuid.UUID | None = None) -> uuid.UUID | None:
        dlg = cls(ctx, officer_id, parent)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            return dlg.saved_id
        return None

    def _load(self) -> None:
        with self._ctx.session() as s:
            departments = svc.departments_in_use(s)
            rec = svc.officer(s, self._id) if self._id else None
        self.department.clear()
        self.department.addItems(departments)
        if rec is None:
            self.department.setCurrentIndex(-1)
            self.department.setEditText("")
            return
        self._version = rec.version
        d = rec.data
        self.name.setText(d.name)
        self.department.setEditText(d.department)
        self.certificate_no.setText(d.certificate_no)
        self.certificate_expiry.set_value(d.certificate_expiry)
        self.phone.setText(d.phone)

    def form_data(self) -> svc.OfficerInput:
        return svc.OfficerInput(name=self.name.text(), department=self.department.currentText(),
                                certificate_no=self.certificate_no.text(),
                                certificate_expiry=self.certificate_expiry.value(), phone=self.phone.text())

    def _write(self, s: Any) -> uuid.UUID:
        if self._id is None:
            return svc.create_officer(s, self.form_data(), self._ctx.actor)
        svc.update_officer(s, self._id, self.form_data(), self._version or 0, self._ctx.actor)
        return self._id


class SupervisorDialog(_PersonDialog):
    """Entry point: ``SupervisorDialog.edit(parent, ctx, supervisor_id=None) -> id or None``."""

    def __init__(self, ctx: AppContext, supervisor_id: uuid.UUID | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, supervisor_id, parent)
        self.setWindowTitle(self.tr("新建监督员") if supervisor_id is None else self.tr("编辑监督员"))
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.affiliation = QComboBox()
        self.affiliation.setEditable(True)
        self.affiliation.lineEdit().setMaxLength(60)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("手机或座机，如 0730-5212345"))
        self._add("name", self.tr("姓名 *"), self.name)
        self._add("affiliation", self.tr("身份/单位"), self.affiliation)
        self._add("phone", self.tr("联系电话"), self.phone)
        self._load()

    @classmethod
    def edit(cls, parent: QWidget | None, ctx: AppContext,
             supervisor_id: uuid.UUID | None = None) -> uuid.UUID | None:
        dlg = cls(ctx, supervisor_id, parent)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            return dlg.saved_id
        return None

    def _load(self) -> None:
        with self._ctx.session() as s:
            rec = svc.supervisor(s, self._id) if self._id else None
        self.affiliation.clear()
        self.affiliation.addItems([self.tr("汨罗市人大代表"), self.tr("汨罗市政协委员")])
        if rec is None:
            self.affiliation.setCurrentIndex(-1)
            self.affiliation.setEditText("")
            return
        self._version = rec.version
        self.name.setText(rec.data.name)
        self.affiliation.setEditText(rec.data.affiliation)
        self.phone.setText(rec.data.phone)

    def form_data(self) -> svc.SupervisorInput:
        return svc.SupervisorInput(name=self.name.text(), affiliation=self.affiliation.currentText(),
                                   phone=self.phone.text())

    def _write(self, s: Any) -> uuid.UUID:
        if self._id is None:
            return svc.create_supervisor(s, self.form_data(), self._ctx.actor)
        svc.update_supervisor(s, self._id, self.form_data(), self._version or 0, self._ctx.actor)
        return self._id


class LeaveDialog(QDialog):
    """An officer's leave and unavailable periods (请假登记). Entry point:
    ``LeaveDialog.edit(parent, ctx, officer_id) -> bool`` (True when something was added or deleted)."""

    def __init__(self, ctx: AppContext, officer_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._officer_id = officer_id
        self.changed = False
        with ctx.session() as s:
            name = svc.officer(s, officer_id).data.name
        self.setWindowTitle(self.tr("请假登记：%1").replace("%1", name))
        self.setMinimumWidth(520)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("开始日期"), self.tr("结束日期"), self.tr("事由")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.start = OptionalDateEdit()
        self.end = OptionalDateEdit()
        self.reason = QLineEdit()
        self.reason.setMaxLength(100)
        self.reason.setPlaceholderText(self.tr("如 年休假、培训、外出学习"))
        self.add_button = QPushButton(self.tr("添加"))
        self.delete_button = QPushButton(self.tr("删除所选"))
        self.fields: dict[str, QWidget] = {"start": self.start, "end": self.end, "reason": self.reason}
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("从")))
        row.addWidget(self.start)
        row.addWidget(QLabel(self.tr("至")))
        row.addWidget(self.end)
        row.addWidget(self.reason, 1)
        row.addWidget(self.add_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.delete_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(row)
        lay.addWidget(self.error)
        lay.addLayout(bottom)
        self.add_button.clicked.connect(self.add)
        self.delete_button.clicked.connect(self.delete_selected)
        self._load()

    @classmethod
    def edit(cls, parent: QWidget | None, ctx: AppContext, officer_id: uuid.UUID) -> bool:
        dlg = cls(ctx, officer_id, parent)
        dlg.exec()
        return dlg.changed

    def _load(self) -> None:
        with self._ctx.session() as s:
            self._rows = svc.leaves(s, self._officer_id)
        self.table.setRowCount(len(self._rows))
        for i, r in enumerate(self._rows):
            for j, text in enumerate((r.start.isoformat(), r.end.isoformat(), r.reason)):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.delete_button.setEnabled(bool(self._rows))

    def show_errors(self, errors: list[FieldError]) -> None:
        for w in self.fields.values():
            _mark(w, False)
        for e in errors:
            if e.field in self.fields:
                _mark(self.fields[e.field], True)
        self.error.setText("\n".join(e.message for e in errors))
        self.error.setVisible(bool(errors))

    def add(self) -> None:
        data = svc.LeaveInput(self.start.value(), self.end.value(), self.reason.text())
        try:
            with self._ctx.session() as s:
                svc.add_leave(s, self._officer_id, data, self._ctx.actor)
        except ValidationFailed as exc:
            self.show_errors(exc.errors)
            return
        except NotFound as exc:
            alerts.warning(self, self.tr("未保存"), str(exc))
            return
        self.changed = True
        self.show_errors([])
        self.start.set_value(None)
        self.end.set_value(None)
        self.reason.clear()
        self._load()

    def delete_selected(self) -> None:
        r = self.table.currentRow()
        if not 0 <= r < len(self._rows):
            return
        leave = self._rows[r]
        text = self.tr("删除 %1 至 %2 的请假记录？").replace("%1", leave.start.isoformat()).replace(
            "%2", leave.end.isoformat())
        if not alerts.confirm(self, self.tr("删除"), text):
            return
        try:
            with self._ctx.session() as s:
                svc.delete_leave(s, leave.id, self._ctx.actor)
        except NotFound:
            pass
        self.changed = True
        self._load()


# ------------------------------------------------------------------------------------------------ pages


class _ListPage(QWidget):
    """Filter bar, optional banner, table, and the 新建 / 编辑 / 停用·启用 buttons."""

    def __init__(self, ctx: AppContext, model: _RowsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._loading = False
        self.model = model
        model.setParent(self)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.active = ValueCombo()
        self.active.add(self.tr("在用人员"), True)
        self.active.add(self.tr("已停用"), False)
        self.active.add(self.tr("全部人员"), None)
        self.clear_button = QPushButton(self.tr("清除筛选"))
        self.count_label = QLabel()
        self.count_label.setObjectName("resultCount")
        self.filters = QHBoxLayout()
        self.filters.addWidget(self.search, 1)

        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)

        self.new_button = QPushButton(self.tr("新建(&N)"))
        self.edit_button = QPushButton(self.tr("编辑"))
        self.toggle_button = QPushButton(self.tr("停用"))
        self.buttons = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.toggle_button):
            self.buttons.addWidget(b)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.count_label)

        self.search.textChanged.connect(self.refresh)
        self.active.currentIndexChanged.connect(self.refresh)
        self.clear_button.clicked.connect(self.clear_filters)
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.table.doubleClicked.connect(lambda _idx: self.edit_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=lambda: (self.search.setFocus(), self.search.selectAll()))
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new_item)

    def _finish_layout(self, banner: QWidget | None = None) -> None:
        self.filters.addWidget(self.active)
        self.filters.addWidget(self.clear_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(self.filters)
        if banner is not None:
            lay.addWidget(banner)
        lay.addWidget(self.table, 1)
        lay.addLayout(self.buttons)

    # -------------------------------------------------------------- selection

    def selected_row(self) -> Any:
        idx = self.table.currentIndex()
        return idx.data(ROW_ROLE) if idx.isValid() else None

    def selected_id(self) -> uuid.UUID | None:
        row = self.selected_row()
        return row.id if row is not None else None

    def select_id(self, item_id: uuid.UUID | None) -> None:
        r = self.model.row_of(item_id) if item_id is not None else -1
        if r >= 0:
            self.table.selectRow(r)
            self.table.scrollTo(self.model.index(r, 0))
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.edit_button.setEnabled(row is not None)
        self.toggle_button.setEnabled(row is not None)
        self.toggle_button.setText(self.tr("启用") if row is not None and not row.active else self.tr("停用"))

    def _update_count(self) -> None:
        # Explicit context and no plural form: PySide6 looks numerus texts up under the subclass's name only, and
        # lupdate does not read plural forms from translate().
        self.count_label.setText(QCoreApplication.translate("_ListPage", "共 %1 人").replace("%1", str(self.model.total)))

    # -------------------------------------------------------------- data

    def refresh(self) -> None:
        if self._loading:
            return
        keep = self.selected_id()
        self.model.set_rows(self._query())
        self._update_count()
        self.select_id(keep)

    def clear_filters(self) -> None:
        self._loading = True
        self.search.clear()
        self.active.setCurrentIndex(0)
        self._clear_more()
        self._loading = False
        self.refresh()

    def _clear_more(self) -> None:
        pass

    def _query(self) -> list[Any]:
        raise NotImplementedError

    def _edit(self, item_id: uuid.UUID | None) -> uuid.UUID | None:
        raise NotImplementedError

    def _set_active(self, s: Any, row: Any, active: bool) -> None:
        raise NotImplementedError

    def _confirm_deactivate(self, row: Any) -> bool:
        return True

    # -------------------------------------------------------------- actions

    def new_item(self) -> None:
        new_id = self._edit(None)
        if new_id is not None:
            self._loading = True  # show the new person whatever the filters were
            self.search.clear()
            if self.active.value() is False:
                self.active.set_value(True)
            self._clear_more()
            self._loading = False
            self.refresh()
            self.select_id(new_id)

    def edit_selected(self) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        if self._edit(item_id) is not None:
            self.refresh()
            self.select_id(item_id)

    def toggle_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        if row.active and not self._confirm_deactivate(row):
            return
        try:
            with self._ctx.session() as s:
                self._set_active(s, row, not row.active)
        except ServiceError as exc:
            alerts.warning(self, self.tr("未保存"), str(exc))
        self.refresh()
        self.select_id(row.id)


class OfficersPage(_ListPage):
    """执法人员: list with certificate state, the expiry banner, and the edit dialog."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, OfficerTableModel(), parent)
        self.today: date | None = None  # tests may pin the day; otherwise the current day at each refresh
        self.leave_button = QPushButton(self.tr("请假登记…"))
        self.buttons.insertWidget(3, self.leave_button)
        self.leave_button.clicked.connect(self.edit_leave)
        self.search.setPlaceholderText(self.tr("搜索：姓名、部门、执法证号、电话或拼音首字母（Ctrl+F）"))
        self.department = ValueCombo()
        self.department.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.certificate = ValueCombo()
        self.certificate.add(self.tr("执法证：全部"), None)
        self.certificate.add(self.tr("有效"), svc.CERT_VALID)
        self.certificate.add(self.tr("即将到期"), svc.CERT_EXPIRING)
        self.certificate.add(self.tr("已过期"), svc.CERT_EXPIRED)
        self.certificate.add(self.tr("未登记"), svc.CERT_MISSING)
        self.filters.addWidget(self.department)
        self.filters.addWidget(self.certificate)

        self.banner = QFrame()
        self.banner.setObjectName("certificateBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        b = QHBoxLayout(self.banner)
        b.setContentsMargins(8, 4, 8, 4)
        icon = QLabel()
        icon.setPixmap(_icon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(20, 20))
        self.banner_text = QLabel()
        self.banner_text.setProperty("role", "error")
        self.banner_text.setWordWrap(True)
        self.banner_button = QPushButton(self.tr("只看即将到期"))
        b.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        b.addWidget(self.banner_text, 1)
        b.addWidget(self.banner_button, 0, Qt.AlignmentFlag.AlignTop)
        self.banner.hide()
        self.banner_button.clicked.connect(lambda: self.certificate.set_value(svc.CERT_EXPIRING))
        self._finish_layout(self.banner)

        for i, w in enumerate((90, 190, 130, 100, 170, 120)):
            self.table.setColumnWidth(i, w)
        self.department.currentIndexChanged.connect(self.refresh)
        self.certificate.currentIndexChanged.connect(self.refresh)
        self._fill_departments()
        self.refresh()

    def _fill_departments(self) -> None:
        chosen = self.department.value()
        was = self._loading
        self._loading = True
        with self._ctx.session() as s:
            departments = svc.departments_in_use(s)
        self.department.clear()
        self.department.add(self.tr("全部部门"), None)
        for d in departments:
            self.department.add(d, d)
        self.department.set_value(chosen)
        self._loading = was

    def _clear_more(self) -> None:
        self.department.setCurrentIndex(0)
        self.certificate.setCurrentIndex(0)

    def current_filter(self) -> svc.OfficerFilter:
        return svc.OfficerFilter(text=self.search.text(), department=self.department.value(),
                                 active=self.active.value(), certificate=self.certificate.value())

    def _day(self) -> date:
        return self.today or date.today()

    def _query(self) -> list[svc.OfficerRow]:
        today = self._day()
        with self._ctx.session() as s:
            self.warning_days = svc.warning_days(s)
            rows = svc.officers(s, self.current_filter(), today, self.warning_days)
            expiring = svc.expiring_certificates(s, today, self.warning_days)
            expired = svc.expired_certificates(s, today)
        self._show_banner(expiring, expired)
        return rows

    def _show_banner(self, expiring: list[svc.OfficerRow], expired: list[svc.OfficerRow]) -> None:
        lines = []
        if expiring:
            people = "、".join(f"{r.name}（{r.certificate_expiry.isoformat()}）" for r in expiring)
            lines.append(self.tr("%n 名执法人员的执法证将在%1天内到期：%2", "", len(expiring))
                         .replace("%1", str(self.warning_days)).replace("%2", people))
        if expired:
            people = "、".join(f"{r.name}（{r.certificate_expiry.isoformat()}）" for r in expired)
            lines.append(self.tr("%n 名在用执法人员的执法证已过期：%1", "", len(expired)).replace("%1", people))
        self.banner_text.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))
        self.banner_button.setVisible(bool(expiring))

    def _edit(self, item_id: uuid.UUID | None) -> uuid.UUID | None:
        saved = OfficerDialog.edit(self, self._ctx, item_id)
        if saved is not None:
            self._fill_departments()
        return saved

    def _confirm_deactivate(self, row: svc.OfficerRow) -> bool:
        with self._ctx.session() as s:
            n = svc.upcoming_visits(s, self._day(), officer_id=row.id)
        text = self.tr("停用执法人员“%1”？停用后不能再安排其参加检查，记录仍保留。").replace("%1", row.name)
        if n:
            text += "\n\n" + self.tr("其已排入 %n 次尚未进行的检查，请另行调整。", "", n)
        return alerts.confirm(self, self.tr("停用"), text)

    def _update_buttons(self) -> None:
        super()._update_buttons()
        if hasattr(self, "leave_button"):
            self.leave_button.setEnabled(self.selected_row() is not None)

    def edit_leave(self) -> None:
        item_id = self.selected_id()
        if item_id is not None:
            LeaveDialog.edit(self, self._ctx, item_id)

    def _set_active(self, s: Any, row: svc.OfficerRow, active: bool) -> None:
        svc.set_officer_active(s, row.id, active, row.version, self._ctx.actor)


class SupervisorsPage(_ListPage):
    """监督员 (NPC deputies / CPPCC members who may join visits as observers)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, SupervisorTableModel(), parent)
        self.search.setPlaceholderText(self.tr("搜索：姓名、身份/单位、电话或拼音首字母（Ctrl+F）"))
        self._finish_layout()
        for i, w in enumerate((110, 220, 140)):
            self.table.setColumnWidth(i, w)
        self.refresh()

    def current_filter(self) -> svc.SupervisorFilter:
        return svc.SupervisorFilter(text=self.search.text(), active=self.active.value())

    def _query(self) -> list[svc.SupervisorRow]:
        with self._ctx.session() as s:
            return svc.supervisors(s, self.current_filter())

    def _edit(self, item_id: uuid.UUID | None) -> uuid.UUID | None:
        return SupervisorDialog.edit(self, self._ctx, item_id)

    def _confirm_deactivate(self, row: svc.SupervisorRow) -> bool:
        text = self.tr("停用监督员“%1”？停用后不能再邀请其参加检查，记录仍保留。").replace("%1", row.name)
        return alerts.confirm(self, self.tr("停用"), text)

    def _set_active(self, s: Any, row: svc.SupervisorRow, active: bool) -> None:
        svc.set_supervisor_active(s, row.id, active, row.version, self._ctx.actor)
