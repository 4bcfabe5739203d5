"""Create / edit one enterprise, with every validation message in Chinese and nothing half-saved."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.enums import RISK_LABELS, STATUS_LABELS
from models.services import enterprises as svc
from models.services import regions
from models.services.errors import ConcurrentEdit, NotFound, ValidationFailed
from ui import alerts
from ui.context import AppContext
from ui.labels import enum_label
from ui.widgets import OptionalDateEdit, ValueCombo, remember_geometry


def _mark(widget: QWidget, invalid: bool) -> None:
    """Flag a field for the ``[invalid="true"]`` rule of resources/styles/tijian.qss."""
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class EnterpriseDialog(QDialog):
    """Entry point: ``EnterpriseDialog.edit(parent, ctx, enterprise_id=None) -> id or None``."""

    def __init__(self, ctx: AppContext, enterprise_id: uuid.UUID | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self._id = enterprise_id
        self._version: int | None = None
        self._loaded_status: str | None = None
        self.saved_id: uuid.UUID | None = None
        self.setWindowTitle(self.tr("新建企业档案") if enterprise_id is None else self.tr("编辑企业档案"))
        self.setMinimumWidth(760)
        self._build()
        remember_geometry(self, "EnterpriseDialog")
        self._load()

    @classmethod
    def edit(cls, parent: QWidget | None, ctx: AppContext, enterprise_id: uuid.UUID | None = None) -> uuid.UUID | None:
        dlg = cls(ctx, enterprise_id, parent)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            return dlg.saved_id
        return None

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.errors = QLabel()
        self.errors.setObjectName("formErrors")
        self.errors.setWordWrap(True)
        self.errors.hide()

        self.name = QLineEdit()
        self.uscc = QLineEdit()
        self.uscc.setMaxLength(24)
        self.uscc.setPlaceholderText(self.tr("18位，如 91430681MA4L00001N"))
        self.sector = ValueCombo()
        self.sector.setEditable(True)
        self.town = ValueCombo()
        self.village = ValueCombo()
        self.address = QLineEdit()
        self.risk = ValueCombo()
        self.risk.add(self.tr("未评级"), None)
        for code, label in RISK_LABELS.items():
            self.risk.add(enum_label(label), code)
        self.high_risk = QCheckBox(self.tr("高危企业（双重预防机制）"))
        self.in_park = QCheckBox(self.tr("高新区（园区）企业"))
        self.status = ValueCombo()
        for code, label in STATUS_LABELS.items():
            self.status.add(enum_label(label), code)
        self.status_reason = QLineEdit()
        self.status_reason.setPlaceholderText(self.tr("变更状态时必填"))
        self.legal_rep = QLineEdit()
        self.legal_rep_phone = QLineEdit()
        self.safety_manager = QLineEdit()
        self.safety_manager_phone = QLineEdit()
        self.employees = QSpinBox()
        self.employees.setRange(-1, 1_000_000)
        self.employees.setSpecialValueText(self.tr("未填"))
        self.employees.setValue(-1)
        self.main_products = QLineEdit()
        self.established_on = OptionalDateEdit()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(56)
        self.notes.setTabChangesFocus(True)

        self.fields: dict[str, QWidget] = {
            "name": self.name, "uscc": self.uscc, "sector": self.sector, "town_id": self.town,
            "village_id": self.village, "address": self.address, "risk_level": self.risk, "status": self.status,
            "status_reason": self.status_reason, "legal_rep": self.legal_rep,
            "legal_rep_phone": self.legal_rep_phone, "safety_manager": self.safety_manager,
            "safety_manager_phone": self.safety_manager_phone, "employees": self.employees,
            "main_products": self.main_products, "established_on": self.established_on, "notes": self.notes,
        }

        basic = QGroupBox(self.tr("基本信息"))
        g = QGridLayout(basic)
        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("单位名称 *"), self.name)
        left.addRow(self.tr("统一社会信用代码 *"), self.uscc)
        left.addRow(self.tr("行业领域 *"), self.sector)
        left.addRow(self.tr("所属镇 *"), self.town)
        left.addRow(self.tr("所属村（社区）"), self.village)
        left.addRow(self.tr("地址"), self.address)
        right.addRow(self.tr("风险等级"), self.risk)
        right.addRow("", self.high_risk)
        right.addRow("", self.in_park)
        right.addRow(self.tr("状态"), self.status)
        right.addRow(self.tr("变更原因"), self.status_reason)
        right.addRow(self.tr("成立日期"), self.established_on)
        g.addLayout(left, 0, 0)
        g.addLayout(right, 0, 1)
        g.setColumnStretch(0, 3)
        g.setColumnStretch(1, 2)

        people = QGroupBox(self.tr("负责人与规模"))
        g2 = QGridLayout(people)
        l2, r2 = QFormLayout(), QFormLayout()
        l2.addRow(self.tr("法定代表人"), self.legal_rep)
        l2.addRow(self.tr("法定代表人电话"), self.legal_rep_phone)
        l2.addRow(self.tr("主要产品"), self.main_products)
        r2.addRow(self.tr("安全负责人"), self.safety_manager)
        r2.addRow(self.tr("安全负责人电话"), self.safety_manager_phone)
        r2.addRow(self.tr("从业人数"), self.employees)
        g2.addLayout(l2, 0, 0)
        g2.addLayout(r2, 0, 1)

        notes_form = QFormLayout()
        notes_form.addRow(self.tr("备注"), self.notes)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)

        lay = QVBoxLayout(self)
        lay.addWidget(self.errors)
        lay.addWidget(basic)
        lay.addWidget(people)
        lay.addLayout(notes_form)
        lay.addWidget(buttons)

        self.town.currentIndexChanged.connect(self._fill_villages)
        self.status.currentIndexChanged.connect(self._status_changed)

    # ------------------------------------------------------------------ data

    def _load(self) -> None:
        with self._ctx.session() as s:
            self._towns = regions.towns(s)
            self._villages = regions.villages(s)
            sectors = svc.sectors_in_use(s)
            arch = svc.archive(s, self._id) if self._id else None
        for sec in sectors:
            self.sector.add(enum_label(sec), sec)
        self.town.add(self.tr("（请选择）"), None)
        for t in self._towns:
            self.town.add(t.name, t.id)
        if arch is None:
            self.sector.setCurrentIndex(-1)
            self._fill_villages()
            self._status_changed()
            return
        d = arch.data
        self._version = arch.version
        self._loaded_status = d.status
        self.name.setText(d.name)
        self.uscc.setText(d.uscc)
        if not self.sector.set_value(d.sector):
            self.sector.add(d.sector, d.sector)
            self.sector.set_value(d.sector)
        self.town.set_value(d.town_id)
        self._fill_villages()
        self.village.set_value(d.village_id)
        self.address.setText(d.address)
        self.risk.set_value(d.risk_level)
        self.high_risk.setChecked(d.is_high_risk)
        self.in_park.setChecked(d.in_park)
        self.status.set_value(d.status)
        self.legal_rep.setText(d.legal_rep)
        self.legal_rep_phone.setText(d.legal_rep_phone)
        self.safety_manager.setText(d.safety_manager)
        self.safety_manager_phone.setText(d.safety_manager_phone)
        self.employees.setValue(-1 if d.employees is None else d.employees)
        self.main_products.setText(d.main_products)
        self.established_on.set_value(d.established_on)
        self.notes.setPlainText(d.notes)
        self._status_changed()

    def reload(self) -> None:
        """Show the record as it is in the database now (after another user saved it)."""
        for combo in (self.sector, self.town):
            combo.clear()
        self._load()
        self.show_errors([])

    def _fill_villages(self) -> None:
        town_id = self.town.value()
        current = self.village.value()
        self.village.clear()
        self.village.add(self.tr("（未指定）"), None)
        for v in self._villages:
            if v.town_id == town_id:
                self.village.add(v.name, v.id)
        self.village.set_value(current)

    def _status_changed(self) -> None:
        changed = self._loaded_status is not None and self.status.value() != self._loaded_status
        self.status_reason.setEnabled(changed)

    def form_data(self) -> svc.EnterpriseInput:
        sector_text = self.sector.currentText().strip()
        sector = self.sector.value() if self.sector.currentIndex() >= 0 and \
            self.sector.itemText(self.sector.currentIndex()) == sector_text else sector_text
        return svc.EnterpriseInput(
            name=self.name.text(),
            uscc=self.uscc.text(),
            sector=sector or "",
            town_id=self.town.value(),
            village_id=self.village.value(),
            address=self.address.text(),
            risk_level=self.risk.value(),
            is_high_risk=self.high_risk.isChecked(),
            in_park=self.in_park.isChecked(),
            status=self.status.value(),
            legal_rep=self.legal_rep.text(),
            legal_rep_phone=self.legal_rep_phone.text(),
            safety_manager=self.safety_manager.text(),
            safety_manager_phone=self.safety_manager_phone.text(),
            employees=None if self.employees.value() < 0 else self.employees.value(),
            main_products=self.main_products.text(),
            established_on=self.established_on.value(),
            notes=self.notes.toPlainText(),
            status_reason=self.status_reason.text() if self.status_reason.isEnabled() else "",
        )

    def show_errors(self, errors: list) -> None:  # list[FieldError]
        for w in self.fields.values():
            _mark(w, False)
        lines = []
        for e in errors:
            lines.append("• " + e.message)  # services word their messages in Chinese
            w = self.fields.get(e.field)
            if w is not None:
                _mark(w, True)
        self.errors.setText("\n".join(lines))
        self.errors.setVisible(bool(lines))
        if errors and errors[0].field in self.fields:
            self.fields[errors[0].field].setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        data = self.form_data()
        try:
            with self._ctx.session() as s:
                if self._id is None:
                    new_id = svc.create(s, data, self._ctx.actor)
                else:
                    svc.update(s, self._id, data, self._version or 0, self._ctx.actor)
                    new_id = self._id
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

