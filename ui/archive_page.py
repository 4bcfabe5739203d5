"""一企一档: the archive page of one enterprise (basic data, licences, contacts, status history, visits, on-site
inspections, hazards, and for camphor-oil firms the entry history).

Later modules add their tabs (visits, hazards, documents) through ``ArchivePage.add_tab``."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.enums import (
    ENTRY_LABELS,
    RISK_LABELS,
    STATUS_LABELS,
    VISIT_KIND_LABELS,
    VISIT_STATUS_LABELS,
)
from models.services import camphor, inspection, scheduling
from models.services import enterprises as svc
from models.services.errors import NotFound, ValidationFailed
from ui import alerts
from ui.context import AppContext
from ui.enterprise_dialog import EnterpriseDialog
from ui.widgets import FormDialog, OptionalDateEdit

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


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
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


class _RecordButtons(NamedTuple):
    """The 添加 / 编辑 / 删除所选 buttons above a table."""

    add: QPushButton
    edit: QPushButton
    delete: QPushButton


class ArchivePage(QWidget):
    changed = Signal(object)  # enterprise id, after an edit saved here
    openStop = Signal(object)  # a visit stop id: show that inspection on the 现场检查 screen
    openHazard = Signal(object)  # a hazard id: its detail and the rectification actions

    def __init__(self, ctx: AppContext, enterprise_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.enterprise_id = enterprise_id
        self.archive: svc.EnterpriseArchive | None = None
        # The name may be 100 characters: it wraps instead of widening the window (the tab shows it shortened).
        self.title = QLabel()
        self.title.setObjectName("archiveTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badges = QLabel()
        self.badges.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("编辑档案"))
        self.edit_button.setShortcut("Ctrl+E")
        self.edit_button.clicked.connect(self.edit)
        head = QHBoxLayout()
        head.addWidget(self.title, 3)
        head.addWidget(self.badges, 1)
        head.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)

        self.tabs = QTabWidget()
        self.basic = QWidget()
        self.basic_grid = QGridLayout(self.basic)
        self.basic_grid.setColumnStretch(1, 1)
        self.basic_grid.setColumnStretch(3, 1)
        # Long notes or addresses scroll inside the tab instead of growing the window past the screen.
        self.basic_scroll = QScrollArea()
        self.basic_scroll.setWidgetResizable(True)
        self.basic_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.basic_scroll.setWidget(self.basic)
        self.tabs.addTab(self.basic_scroll, self.tr("基本信息"))

        self.licences = _table([self.tr("证照名称"), self.tr("编号"), self.tr("发证机关"), self.tr("有效期起"),
                                self.tr("有效期止"), self.tr("备注")])
        tab, self.licence_buttons = self._with_buttons(self.licences, self.add_licence, self.edit_licence,
                                                       self.delete_licence)
        self.tabs.addTab(tab, self.tr("证照"))
        self.contacts = _table([self.tr("姓名"), self.tr("职务"), self.tr("电话"), self.tr("备注")])
        tab, self.contact_buttons = self._with_buttons(self.contacts, self.add_contact, self.edit_contact,
                                                       self.delete_contact)
        self.tabs.addTab(tab, self.tr("联系人"))
        self.history = _table([self.tr("时间"), self.tr("原状态"), self.tr("新状态"), self.tr("原因"), self.tr("操作人")])
        self.tabs.addTab(self.history, self.tr("状态历史"))
        self.visits = _table([self.tr("日期"), self.tr("类型"), self.tr("状态"), self.tr("专家"), self.tr("执法人员"),
                              self.tr("路线上的企业"), self.tr("事由")])
        self.tabs.addTab(self.visits, self.tr("检查记录"))
        self.inspections = _table([self.tr("日期"), self.tr("类型"), self.tr("完成"), self.tr("已判定项"),
                                   self.tr("不符合"), self.tr("隐患"), self.tr("重大"), self.tr("准入结论"),
                                   self.tr("专家")])
        self.inspections.setToolTip(self.tr("双击或回车：打开该次现场检查记录"))
        self.inspections.activated.connect(
            lambda index: self.openStop.emit(self.inspections.item(index.row(), 0).data(Qt.ItemDataRole.UserRole)))
        self.tabs.addTab(self.inspections, self.tr("现场检查"))
        from ui.ledger_page import EnterpriseLedger

        self.hazards = EnterpriseLedger(ctx, enterprise_id)  # the firm's own ledger, in real time
        self.hazards.openHazard.connect(self.openHazard)
        self.tabs.addTab(self.hazards, self.tr("隐患台账"))
        self.entry_history = _table([self.tr("日期"), self.tr("原状态"), self.tr("新状态"), self.tr("理由"),
                                     self.tr("操作人")])
        self.entry_tab = self.tabs.addTab(self.entry_history, self.tr("准入记录"))
        from ui.documents_page import EnterpriseDocuments  # QtPdf loads only when a document is opened

        self.documents = EnterpriseDocuments(ctx, enterprise_id)
        self.tabs.addTab(self.documents, self.tr("执法文书"))

        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(self.tabs, 1)
        self.reload()

    def add_tab(self, widget: QWidget, title: str) -> None:
        self.tabs.addTab(widget, title)

    def _with_buttons(self, table: QTableWidget, add, edit, delete) -> tuple[QWidget, _RecordButtons]:  # type: ignore[no-untyped-def]
        w = QWidget()
        lay = QVBoxLayout(w)
        row = QHBoxLayout()
        b_add = QPushButton(self.tr("添加"))
        b_add.clicked.connect(add)
        b_edit = QPushButton(self.tr("编辑"))
        b_edit.setToolTip(self.tr("也可双击一行，或选中后按回车"))
        b_edit.clicked.connect(edit)
        b_del = QPushButton(self.tr("删除所选"))
        b_del.clicked.connect(delete)
        row.addWidget(b_add)
        row.addWidget(b_edit)
        row.addWidget(b_del)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(table)
        # Double-click and Enter both emit ``activated`` (a double-click does not also need doubleClicked).
        table.activated.connect(lambda _index: edit())
        buttons = _RecordButtons(b_add, b_edit, b_del)
        table.itemSelectionChanged.connect(lambda: self._update_buttons(table, buttons))
        self._update_buttons(table, buttons)
        return w, buttons

    def _update_buttons(self, table: QTableWidget, buttons: _RecordButtons) -> None:
        there = self.archive is not None
        chosen = there and self._selected_id(table) is not None
        buttons.add.setEnabled(there)
        buttons.edit.setEnabled(chosen)
        buttons.delete.setEnabled(chosen)

    # ------------------------------------------------------------------ data

    def reload(self) -> None:
        keep_licence = self._selected_id(self.licences)
        keep_contact = self._selected_id(self.contacts)
        try:
            with self._ctx.session() as s:
                a = svc.archive(s, self.enterprise_id)
                visits = scheduling.enterprise_visits(s, self.enterprise_id)
                inspections = inspection.enterprise_inspections(s, self.enterprise_id)
                entry = camphor.history(s, self.enterprise_id) if a.data.sector == "樟脑油" else []
        except NotFound as exc:
            self._gone(str(exc))
            return
        self.archive = a
        d = a.data
        self.title.setText(d.name)
        self.title.setToolTip(d.name)
        self.edit_button.setEnabled(True)
        badges = [_enum(STATUS_LABELS.get(d.status, d.status))]
        if d.risk_level:
            badges.append(_enum(RISK_LABELS[d.risk_level]))
        if d.is_high_risk:
            badges.append(self.tr("高危企业"))
        if d.in_park:
            badges.append(self.tr("园区企业"))
        self.badges.setText("  ·  ".join(badges))

        self._clear_basic()
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

        for table in (self.licences, self.contacts):
            table.clearSelection()  # rows are re-filled: select again by id, not by position
        _fill(self.licences, [[x.kind, x.number, x.issuer, _d(x.valid_from), _d(x.valid_until), x.notes]
                              for x in a.licences], [x.id for x in a.licences])
        _fill(self.contacts, [[x.name, x.role, x.phone, x.notes] for x in a.contacts], [x.id for x in a.contacts])
        _fill(self.history, [[_local(h.changed_at),
                              _enum(STATUS_LABELS.get(h.old_status, "")) if h.old_status else "—",
                              _enum(STATUS_LABELS.get(h.new_status, h.new_status)), h.reason, h.changed_by]
                             for h in sorted(a.status_history, key=lambda h: h.changed_at, reverse=True)])
        part = {"am": self.tr("上午"), "pm": self.tr("下午"), "full": ""}
        _fill(self.visits, [[f"{v.day.isoformat()} {part.get(v.part, '')}".strip(),
                             _enum(VISIT_KIND_LABELS.get(v.kind, v.kind)),
                             _enum(VISIT_STATUS_LABELS.get(v.status, v.status)),
                             "、".join(v.experts), "、".join(v.officers), "、".join(v.firms), v.purpose]
                            for v in visits], [v.id for v in visits])
        _fill(self.inspections, [[i.day.isoformat(), _enum(VISIT_KIND_LABELS.get(i.kind, i.kind)),
                                  self.tr("是") if i.done else self.tr("进行中"), str(i.items_checked), str(i.failed),
                                  str(i.hazards), str(i.major),
                                  _enum(ENTRY_LABELS[i.entry_verdict]) if i.entry_verdict else "", i.people]
                                 for i in inspections], [i.stop_id for i in inspections])
        _fill(self.entry_history, [[e.on.isoformat(), _enum(ENTRY_LABELS.get(e.old_status, "")) if e.old_status
                                    else "—", _enum(ENTRY_LABELS.get(e.new_status, e.new_status)), e.reason,
                                    e.changed_by] for e in reversed(entry)])
        self.inspections.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tabs.setTabVisible(self.entry_tab, d.sector == "樟脑油")
        self.documents.reload()
        self._select(self.licences, keep_licence)
        self._select(self.contacts, keep_contact)
        self._update_buttons(self.licences, self.licence_buttons)
        self._update_buttons(self.contacts, self.contact_buttons)

    def _clear_basic(self) -> None:
        while self.basic_grid.count():
            item = self.basic_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()

    def _gone(self, message: str) -> None:
        """The enterprise was deleted (by another user): show why, and offer nothing that would write."""
        self.archive = None
        self.title.setText(message)
        self.title.setToolTip("")
        self.badges.clear()
        self.edit_button.setEnabled(False)
        self._clear_basic()
        for table in (self.licences, self.contacts, self.history):
            table.setRowCount(0)
        self._update_buttons(self.licences, self.licence_buttons)
        self._update_buttons(self.contacts, self.contact_buttons)

    def edit(self) -> None:
        if EnterpriseDialog.edit(self, self._ctx, self.enterprise_id) is not None:
            self.reload()
            self.changed.emit(self.enterprise_id)

    # ------------------------------------------------------------------ licences and contacts

    def _selected_id(self, table: QTableWidget) -> uuid.UUID | None:
        row = table.currentRow()
        if row < 0 or not table.selectionModel().isRowSelected(row, table.rootIndex()):
            return None
        item = table.item(row, 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _select(self, table: QTableWidget, record_id: uuid.UUID | None) -> None:
        if record_id is None:
            return
        for r in range(table.rowCount()):
            item = table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == record_id:
                table.selectRow(r)
                return

    def _after_dialog(self, table: QTableWidget, saved: uuid.UUID | None) -> None:
        # Reload in any case: a record or the enterprise may have been deleted meanwhile (the dialog said so).
        # No ``changed``: licences and contacts are not in the registry list, which need not reload its index.
        self.reload()
        if saved is not None:
            self._select(table, saved)

    def add_licence(self) -> None:
        self._after_dialog(self.licences, LicenceDialog.edit(self, self._ctx, self.enterprise_id))

    def edit_licence(self) -> None:
        lid = self._selected_id(self.licences)
        if lid is not None:
            self._after_dialog(self.licences, LicenceDialog.edit(self, self._ctx, self.enterprise_id, lid))

    def delete_licence(self) -> None:
        lid = self._selected_id(self.licences)
        if lid and alerts.confirm(self, self.tr("删除证照"), self.tr("确定删除所选证照记录吗？")):
            with self._ctx.session() as s:
                svc.delete_licence(s, lid, self._ctx.actor)
            self.reload()

    def add_contact(self) -> None:
        self._after_dialog(self.contacts, ContactDialog.edit(self, self._ctx, self.enterprise_id))

    def edit_contact(self) -> None:
        cid = self._selected_id(self.contacts)
        if cid is not None:
            self._after_dialog(self.contacts, ContactDialog.edit(self, self._ctx, self.enterprise_id, cid))

    def delete_contact(self) -> None:
        cid = self._selected_id(self.contacts)
        if cid and alerts.confirm(self, self.tr("删除联系人"), self.tr("确定删除所选联系人吗？")):
            with self._ctx.session() as s:
                svc.delete_contact(s, cid, self._ctx.actor)
            self.reload()


class _RecordDialog(FormDialog):
    """A small form that saves through its service when OK is pressed and stays open, with the service's messages
    under the fields, until the save succeeds or the user cancels.

    Subclasses build their rows with ``_row`` and implement ``value``, ``_show`` and ``_store``."""

    def __init__(self, ctx: AppContext, enterprise_id: uuid.UUID, record_id: uuid.UUID | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._enterprise_id = enterprise_id
        self._id = record_id
        self.saved_id: uuid.UUID | None = None
        self.gone = False  # the enterprise or the record was deleted meanwhile; nothing was saved
        self.setMinimumWidth(440)

    # ------------------------------------------------------------------ subclass hooks

    def value(self) -> object:
        raise NotImplementedError

    def _show(self, archive: svc.EnterpriseArchive) -> None:
        """Fill the fields from the record ``self._id`` of ``archive``; raise NotFound if it is not there."""
        raise NotImplementedError

    def _store(self, session: Session) -> uuid.UUID:
        raise NotImplementedError

    # ------------------------------------------------------------------ flow

    @classmethod
    def _run(cls, parent: QWidget | None, ctx: AppContext, enterprise_id: uuid.UUID,
             record_id: uuid.UUID | None) -> uuid.UUID | None:
        dlg = cls(ctx, enterprise_id, record_id, parent)
        try:
            if not dlg.load():
                return None
            return dlg.saved_id if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()

    def load(self) -> bool:
        """Fill the form from the database when editing; False (after a message) if the record is gone."""
        if self._id is None:
            return True
        try:
            with self._ctx.session() as s:
                archive = svc.archive(s, self._enterprise_id)
            self._show(archive)
        except NotFound as exc:
            self.gone = True
            alerts.warning(self.parentWidget(), self.tr("无法打开"),
                           self.tr("%1\n档案页将重新载入。").replace("%1", str(exc)))
            return False
        return True

    def save(self) -> None:
        try:
            with self._ctx.session() as s:
                saved = self._store(s)
        except ValidationFailed as exc:
            self.show_errors(exc.errors)
            return
        except NotFound as exc:
            self.gone = True
            alerts.warning(self, self.tr("未保存"),
                           self.tr("%1\n填写的内容未保存，档案页将重新载入。").replace("%1", str(exc)))
            self.reject()
            return
        self.saved_id = saved
        self.accept()


def _line(most: int) -> QLineEdit:
    w = QLineEdit()
    w.setMaxLength(most)
    return w


class LicenceDialog(_RecordDialog):
    """Entry point: ``LicenceDialog.edit(parent, ctx, enterprise_id, licence_id=None) -> saved id or None``."""

    def __init__(self, ctx: AppContext, enterprise_id: uuid.UUID, licence_id: uuid.UUID | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, enterprise_id, licence_id, parent)
        self.setWindowTitle(self.tr("添加证照") if licence_id is None else self.tr("编辑证照"))
        self.kind = _line(40)
        self.kind.setPlaceholderText(self.tr("如 营业执照、危险化学品经营许可证"))
        self.number = _line(60)
        self.issuer = _line(60)
        self.valid_from = OptionalDateEdit()
        self.valid_until = OptionalDateEdit()
        self.notes = _line(200)
        self._row(self.tr("证照名称 *"), "kind", self.kind)
        self._row(self.tr("编号"), "number", self.number)
        self._row(self.tr("发证机关"), "issuer", self.issuer)
        self._row(self.tr("有效期起"), "valid_from", self.valid_from)
        self._row(self.tr("有效期止"), "valid_until", self.valid_until)
        self._row(self.tr("备注"), "notes", self.notes)
        self._finish()

    @classmethod
    def edit(cls, parent: QWidget | None, ctx: AppContext, enterprise_id: uuid.UUID,
             licence_id: uuid.UUID | None = None) -> uuid.UUID | None:
        return cls._run(parent, ctx, enterprise_id, licence_id)

    def value(self) -> svc.LicenceInput:
        return svc.LicenceInput(kind=self.kind.text(), number=self.number.text(), issuer=self.issuer.text(),
                                valid_from=self.valid_from.value(), valid_until=self.valid_until.value(),
                                notes=self.notes.text())

    def _show(self, archive: svc.EnterpriseArchive) -> None:
        row = next((x for x in archive.licences if x.id == self._id), None)
        if row is None:
            raise NotFound(self.tr("该证照记录已不存在（可能已被其他用户删除）。"))
        self.kind.setText(row.kind)
        self.number.setText(row.number)
        self.issuer.setText(row.issuer)
        self.valid_from.set_value(row.valid_from)
        self.valid_until.set_value(row.valid_until)
        self.notes.setText(row.notes)

    def _store(self, session: Session) -> uuid.UUID:
        return svc.save_licence(session, self._enterprise_id, self.value(), self._id, actor=self._ctx.actor)


class ContactDialog(_RecordDialog):
    """Entry point: ``ContactDialog.edit(parent, ctx, enterprise_id, contact_id=None) -> saved id or None``."""

    def __init__(self, ctx: AppContext, enterprise_id: uuid.UUID, contact_id: uuid.UUID | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, enterprise_id, contact_id, parent)
        self.setWindowTitle(self.tr("添加联系人") if contact_id is None else self.tr("编辑联系人"))
        self.name = _line(40)
        self.role = _line(40)
        self.phone = _line(20)
        self.phone.setPlaceholderText(self.tr("手机11位，座机如 0730-5212345"))
        self.notes = _line(200)
        self._row(self.tr("姓名 *"), "name", self.name)
        self._row(self.tr("职务"), "role", self.role)
        self._row(self.tr("电话"), "phone", self.phone)
        self._row(self.tr("备注"), "notes", self.notes)
        self._finish()

    @classmethod
    def edit(cls, parent: QWidget | None, ctx: AppContext, enterprise_id: uuid.UUID,
             contact_id: uuid.UUID | None = None) -> uuid.UUID | None:
        return cls._run(parent, ctx, enterprise_id, contact_id)

    def value(self) -> svc.ContactInput:
        return svc.ContactInput(name=self.name.text(), role=self.role.text(), phone=self.phone.text(),
                                notes=self.notes.text())

    def _show(self, archive: svc.EnterpriseArchive) -> None:
        row = next((x for x in archive.contacts if x.id == self._id), None)
        if row is None:
            raise NotFound(self.tr("该联系人记录已不存在（可能已被其他用户删除）。"))
        self.name.setText(row.name)
        self.role.setText(row.role)
        self.phone.setText(row.phone)
        self.notes.setText(row.notes)

    def _store(self, session: Session) -> uuid.UUID:
        return svc.save_contact(session, self._enterprise_id, self.value(), self._id, actor=self._ctx.actor)
