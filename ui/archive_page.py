"""一企一档: the archive page of one enterprise (basic data, licences, contacts, status history).

Later modules add their tabs (visits, hazards, documents) through ``ArchivePage.add_tab``."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.enums import RISK_LABELS, STATUS_LABELS
from models.services import enterprises as svc
from models.services.errors import NotFound, ValidationFailed
from ui import alerts
from ui.context import AppContext
from ui.enterprise_dialog import EnterpriseDialog
from ui.widgets import OptionalDateEdit


def _enum(label: str) -> str:
    return QCoreApplication.translate("enums", label)


def _local(value: datetime) -> str:
    """Stored times are UTC; show them in the computer's time zone."""
    return value.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def _d(value: date | None) -> str:
    return value.isoformat() if value else ""


def _fill(table: QTableWidget, rows: list[list[str]], ids: list[uuid.UUID] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if ids is not None and c == 0:
                item.setData(Qt.ItemDataRole.UserRole, ids[r])
            table.setItem(r, c, item)


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


class ArchivePage(QWidget):
    changed = Signal(object)  # enterprise id, after an edit saved here

    def __init__(self, ctx: AppContext, enterprise_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.enterprise_id = enterprise_id
        self.title = QLabel()
        self.title.setObjectName("archiveTitle")
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.badges = QLabel()
        self.edit_button = QPushButton(self.tr("编辑档案"))
        self.edit_button.setShortcut("Ctrl+E")
        self.edit_button.clicked.connect(self.edit)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.badges)
        head.addStretch(1)
        head.addWidget(self.edit_button)

        self.tabs = QTabWidget()
        self.basic = QWidget()
        self.basic_grid = QGridLayout(self.basic)
        self.basic_grid.setColumnStretch(1, 1)
        self.basic_grid.setColumnStretch(3, 1)
        self.tabs.addTab(self.basic, self.tr("基本信息"))

        self.licences = _table([self.tr("证照名称"), self.tr("编号"), self.tr("发证机关"), self.tr("有效期起"),
                                self.tr("有效期止"), self.tr("备注")])
        self.tabs.addTab(self._with_buttons(self.licences, self.add_licence, self.delete_licence), self.tr("证照"))
        self.contacts = _table([self.tr("姓名"), self.tr("职务"), self.tr("电话"), self.tr("备注")])
        self.tabs.addTab(self._with_buttons(self.contacts, self.add_contact, self.delete_contact), self.tr("联系人"))
        self.history = _table([self.tr("时间"), self.tr("原状态"), self.tr("新状态"), self.tr("原因"), self.tr("操作人")])
        self.tabs.addTab(self.history, self.tr("状态历史"))

        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(self.tabs)
        self.reload()

    def add_tab(self, widget: QWidget, title: str) -> None:
        self.tabs.addTab(widget, title)

    def _with_buttons(self, table: QTableWidget, add, delete) -> QWidget:  # type: ignore[no-untyped-def]
        w = QWidget()
        lay = QVBoxLayout(w)
        row = QHBoxLayout()
        b_add = QPushButton(self.tr("添加"))
        b_add.clicked.connect(add)
        b_del = QPushButton(self.tr("删除所选"))
        b_del.clicked.connect(delete)
        row.addWidget(b_add)
        row.addWidget(b_del)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(table)
        return w

    # ------------------------------------------------------------------ data

    def reload(self) -> None:
        try:
            with self._ctx.session() as s:
                a = svc.archive(s, self.enterprise_id)
        except NotFound as exc:
            self.title.setText(str(exc))
            self.edit_button.setEnabled(False)
            return
        self.archive = a
        d = a.data
        self.title.setText(d.name)
        badges = [_enum(STATUS_LABELS.get(d.status, d.status))]
        if d.risk_level:
            badges.append(_enum(RISK_LABELS[d.risk_level]))
        if d.is_high_risk:
            badges.append(self.tr("高危企业"))
        if d.in_park:
            badges.append(self.tr("园区企业"))
        self.badges.setText("  ·  ".join(badges))

        while self.basic_grid.count():
            item = self.basic_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        pairs = [
            (self.tr("统一社会信用代码"), d.uscc), (self.tr("行业领域"), _enum(d.sector)),
            (self.tr("所属镇"), a.town), (self.tr("所属村（社区）"), a.village),
            (self.tr("地址"), d.address), (self.tr("风险等级"), _enum(RISK_LABELS[d.risk_level]) if d.risk_level else self.tr("未评级")),
            (self.tr("法定代表人"), d.legal_rep), (self.tr("法定代表人电话"), d.legal_rep_phone),
            (self.tr("安全负责人"), d.safety_manager), (self.tr("安全负责人电话"), d.safety_manager_phone),
            (self.tr("从业人数"), "" if d.employees is None else str(d.employees)),
            (self.tr("成立日期"), _d(d.established_on)),
            (self.tr("主要产品"), d.main_products), (self.tr("状态"), _enum(STATUS_LABELS.get(d.status, d.status))),
            (self.tr("建档时间"), _local(a.created_at)),
            (self.tr("最后修改"), _local(a.updated_at)),
            (self.tr("备注"), d.notes),
        ]
        for i, (label, value) in enumerate(pairs):
            r, c = divmod(i, 2)
            lab = QLabel(label + "：")
            lab.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            val = QLabel(value or "—")
            val.setWordWrap(True)
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.basic_grid.addWidget(lab, r, c * 2)
            self.basic_grid.addWidget(val, r, c * 2 + 1)
        self.basic_grid.setRowStretch(len(pairs) // 2 + 1, 1)

        _fill(self.licences, [[x.kind, x.number, x.issuer, _d(x.valid_from), _d(x.valid_until), x.notes]
                              for x in a.licences], [x.id for x in a.licences])
        _fill(self.contacts, [[x.name, x.role, x.phone, x.notes] for x in a.contacts], [x.id for x in a.contacts])
        _fill(self.history, [[_local(h.changed_at),
                              _enum(STATUS_LABELS.get(h.old_status, "")) if h.old_status else "—",
                              _enum(STATUS_LABELS.get(h.new_status, h.new_status)), h.reason, h.changed_by]
                             for h in reversed(a.status_history)])

    def edit(self) -> None:
        if EnterpriseDialog.edit(self, self._ctx, self.enterprise_id) is not None:
            self.reload()
            self.changed.emit(self.enterprise_id)

    # ------------------------------------------------------------------ licences and contacts

    def _selected_id(self, table: QTableWidget) -> uuid.UUID | None:
        row = table.currentRow()
        item = table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def add_licence(self) -> None:
        data = LicenceDialog.ask(self)
        if data is None:
            return
        try:
            with self._ctx.session() as s:
                svc.save_licence(s, self.enterprise_id, data, actor=self._ctx.actor)
        except ValidationFailed as exc:
            alerts.warning(self, self.tr("未保存"), str(exc))
            return
        self.reload()

    def delete_licence(self) -> None:
        lid = self._selected_id(self.licences)
        if lid and alerts.confirm(self, self.tr("删除证照"), self.tr("确定删除所选证照记录吗？")):
            with self._ctx.session() as s:
                svc.delete_licence(s, lid, self._ctx.actor)
            self.reload()

    def add_contact(self) -> None:
        data = ContactDialog.ask(self)
        if data is None:
            return
        try:
            with self._ctx.session() as s:
                svc.save_contact(s, self.enterprise_id, data, actor=self._ctx.actor)
        except ValidationFailed as exc:
            alerts.warning(self, self.tr("未保存"), str(exc))
            return
        self.reload()

    def delete_contact(self) -> None:
        cid = self._selected_id(self.contacts)
        if cid and alerts.confirm(self, self.tr("删除联系人"), self.tr("确定删除所选联系人吗？")):
            with self._ctx.session() as s:
                svc.delete_contact(s, cid, self._ctx.actor)
            self.reload()


class _SmallForm(QDialog):
    def _finish(self, form: QFormLayout) -> None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)


class LicenceDialog(_SmallForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加证照"))
        self.kind = QLineEdit()
        self.number = QLineEdit()
        self.issuer = QLineEdit()
        self.valid_from = OptionalDateEdit()
        self.valid_until = OptionalDateEdit()
        form = QFormLayout()
        form.addRow(self.tr("证照名称 *"), self.kind)
        form.addRow(self.tr("编号"), self.number)
        form.addRow(self.tr("发证机关"), self.issuer)
        form.addRow(self.tr("有效期起"), self.valid_from)
        form.addRow(self.tr("有效期止"), self.valid_until)
        self._finish(form)

    def value(self) -> svc.LicenceInput:
        return svc.LicenceInput(kind=self.kind.text(), number=self.number.text(), issuer=self.issuer.text(),
                                valid_from=self.valid_from.value(), valid_until=self.valid_until.value())

    @classmethod
    def ask(cls, parent: QWidget | None) -> svc.LicenceInput | None:
        dlg = cls(parent)
        return dlg.value() if dlg.exec() == QDialog.DialogCode.Accepted else None


class ContactDialog(_SmallForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加联系人"))
        self.name = QLineEdit()
        self.role = QLineEdit()
        self.phone = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("姓名 *"), self.name)
        form.addRow(self.tr("职务"), self.role)
        form.addRow(self.tr("电话"), self.phone)
        self._finish(form)

    def value(self) -> svc.ContactInput:
        return svc.ContactInput(name=self.name.text(), role=self.role.text(), phone=self.phone.text())

    @classmethod
    def ask(cls, parent: QWidget | None) -> svc.ContactInput | None:
        dlg = cls(parent)
        return dlg.value() if dlg.exec() == QDialog.DialogCode.Accepted else None
