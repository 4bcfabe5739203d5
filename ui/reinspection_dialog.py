"""安排复查: choose a firm's open hazards (overdue first, checkable), the day (prefilled with
``rectification.suggested_reinspection_day``, following the choice until the user sets it), two officers valid for
enforcement and, optionally, experts; creates the re-inspection visit (``rectification.schedule_reinspection``).

    visit_id = ReinspectionDialog.schedule(parent, ctx, enterprise_id, hazard_ids=())   # None when cancelled

Scheduling rules (double booking, leave …) are checked by the service; a warning that may be overridden (an expert
returning to the same firm, monthly load) asks for a reason in the dialog before saving.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.enums import HAZARD_STATUS_LABELS, SEVERITY_LABELS, Severity
from models.services import enterprises as ent_svc
from models.services import rectification as svc
from models.services import scheduling
from models.services import settings as settings_svc
from models.services.errors import ServiceError, ValidationFailed
from ui.context import AppContext
from ui.hazard_dialog import overdue_text
from ui.labels import enum_label
from ui.widgets import mark, remember_geometry

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class ReinspectionDialog(QDialog):
    def __init__(self, ctx: AppContext, enterprise_id: uuid.UUID, hazard_ids: Sequence[uuid.UUID] = (),
                 parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reinspectionDialog")
        self.ctx = ctx
        self.enterprise_id = enterprise_id
        self.today = today or date.today()
        self.visit_id: uuid.UUID | None = None
        self._day_touched = False
        self._filling = False
        self.setWindowTitle(self.tr("安排复查"))

        with ctx.session() as s:
            firm = ent_svc.rows(s, [enterprise_id]).get(enterprise_id)
            self.rows = svc.open_hazards(s, enterprise_id, today=self.today)
            self.officer_rows = svc.officer_choices(s, self.today)
            self.expert_rows = svc.expert_choices(s, self.today)
            self.within = int(settings_svc.get(s, "reinspection_within_days"))
        self.firm_name = firm.name if firm else ""

        self.heading = QLabel(self.tr("被复查单位：%1").replace("%1", self.firm_name))
        self.heading.setObjectName("dialogHeading")
        self.problems = QLabel()
        self.problems.setProperty("role", "error")
        self.problems.setWordWrap(True)
        self.problems.hide()

        self.hazards = QListWidget()
        self.hazards.setObjectName("reinspectionHazards")
        self.hazards.setWordWrap(True)
        self.hazards.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        chosen = set(hazard_ids)
        for r in self.rows:
            state = overdue_text(r.status, r.deadline, r.days_overdue)
            parts = [f"【{state}】" if r.overdue else "",
                     enum_label(SEVERITY_LABELS.get(r.severity, r.severity)) + " · " + r.description,
                     self.tr("　期限 %1").replace("%1", r.deadline.isoformat()) if r.deadline else "",
                     "　" + enum_label(HAZARD_STATUS_LABELS.get(r.status, r.status))]
            if r.scheduled_on is not None:
                parts.append(self.tr("（已安排 %1 复查）").replace("%1", r.scheduled_on.isoformat()))
            item = QListWidgetItem("".join(parts))
            item.setData(ID_ROLE, r.id)
            flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            if r.scheduled_on is None:
                flags |= Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if r.id in chosen and r.scheduled_on is None
                               else Qt.CheckState.Unchecked)
            if r.overdue:
                item.setForeground(Qt.GlobalColor.darkRed)
            elif r.severity == Severity.MAJOR:
                item.setToolTip(self.tr("重大事故隐患"))
            self.hazards.addItem(item)
        self.hazards.itemChanged.connect(self._choice_changed)
        if self.hazards.count():
            self.hazards.setCurrentRow(0)
        self.empty = QLabel(self.tr("该企业没有未销号的隐患。"))
        self.empty.setVisible(not self.rows)

        self.day = QDateEdit()
        self.day.setObjectName("reinspectionDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMinimumDate(_qdate(self.today - timedelta(days=60)))
        self.day.dateChanged.connect(self._day_changed)
        self.day_hint = QLabel()
        self.day_hint.setProperty("role", "hint")
        self.day_hint.setWordWrap(True)

        self.officers = self._people(self.officer_rows, "reinspectionOfficers")
        self.experts = self._people(self.expert_rows, "reinspectionExperts")
        self.override = QLineEdit()
        self.override.setPlaceholderText(self.tr("仍要安排时，请填写理由"))
        self.override_label = QLabel(self.tr("放行理由(&W)"))
        self.override_label.setBuddy(self.override)
        self.override.hide()
        self.override_label.hide()
        self._warnings: list[str] = []

        left = QGroupBox(self.tr("复查的隐患（逾期的在前）(&H)"))
        ll = QVBoxLayout(left)
        ll.addWidget(self.hazards)
        ll.addWidget(self.empty)
        day_row = QHBoxLayout()
        day_label = QLabel(self.tr("复查日期(&D)"))
        day_label.setBuddy(self.day)
        day_row.addWidget(day_label)
        day_row.addWidget(self.day)
        day_row.addStretch(1)
        ll.addLayout(day_row)
        ll.addWidget(self.day_hint)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        off_box = QGroupBox(self.tr("执法人员（至少2名，持有效执法证）(&O)"))
        QVBoxLayout(off_box).addWidget(self.officers)
        exp_box = QGroupBox(self.tr("专家（可不选）(&E)"))
        QVBoxLayout(exp_box).addWidget(self.experts)
        rl.addWidget(off_box, 1)
        rl.addWidget(exp_box, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("安排复查"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        over_row = QHBoxLayout()
        over_row.addWidget(self.override_label)
        over_row.addWidget(self.override, 1)

        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.problems)
        lay.addWidget(split, 1)
        lay.addLayout(over_row)
        lay.addWidget(buttons)
        QWidget.setTabOrder(self.hazards, self.day)
        QWidget.setTabOrder(self.day, self.officers)
        QWidget.setTabOrder(self.officers, self.experts)
        self.resize(980, 560)
        remember_geometry(self, "ReinspectionDialog")
        self._suggest()
        self.hazards.setFocus()

    @classmethod
    def schedule(cls, parent: QWidget | None, ctx: AppContext, enterprise_id: uuid.UUID,
                 hazard_ids: Sequence[uuid.UUID] = ()) -> uuid.UUID | None:
        """The one entry point (tests patch it): the new visit's id, or None when cancelled."""
        dialog = cls(ctx, enterprise_id, hazard_ids, parent)
        dialog.exec()
        return dialog.visit_id

    # ---------------------------------------------------------------------------------------------- parts

    def _people(self, rows: list[svc.PersonChoice], name: str) -> QListWidget:
        lst = QListWidget()
        lst.setObjectName(name)
        lst.setWordWrap(True)
        for p in rows:
            text = (f"{p.name} — {p.detail}" if p.detail else p.name) if p.valid else p.problem.rstrip("。")
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, p.id)
            flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            if p.valid:
                flags |= Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(p.problem)
            lst.addItem(item)
        return lst

    @staticmethod
    def _checked(lst: QListWidget) -> list[uuid.UUID]:
        return [lst.item(i).data(ID_ROLE) for i in range(lst.count())
                if lst.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, lst: QListWidget, ids: Sequence[uuid.UUID], on: bool = True) -> None:
        for i in range(lst.count()):
            item = lst.item(i)
            if item.data(ID_ROLE) in ids and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def hazard_ids(self) -> list[uuid.UUID]:
        return self._checked(self.hazards)

    def day_value(self) -> date:
        d = self.day.date()
        return date(d.year(), d.month(), d.day())

    # ---------------------------------------------------------------------------------------------- the day

    def _choice_changed(self, _item: QListWidgetItem) -> None:
        if not self._day_touched:
            self._suggest()

    def _day_changed(self, _d: QDate) -> None:
        if not self._filling:
            self._day_touched = True

    def _suggest(self) -> None:
        ids = self.hazard_ids()
        with self.ctx.session() as s:
            day = svc.suggested_reinspection_day(s, ids, today=self.today)
        self._filling = True
        try:
            self.day.setDate(_qdate(day))
        finally:
            self._filling = False
        deadlines = [r.deadline for r in self.rows if r.id in ids and r.deadline]
        if deadlines:
            first = min(deadlines)
            self.day_hint.setText(self.tr("建议 %1：最早的整改期限是 %2，复查应在期限届满后 %3 日内进行。")
                                  .replace("%1", day.isoformat()).replace("%2", first.isoformat())
                                  .replace("%3", str(self.within)))
        else:
            self.day_hint.setText(self.tr("请勾选要复查的隐患。") if not ids else "")

    # ---------------------------------------------------------------------------------------------- saving

    def save(self) -> None:
        for w in (self.hazards, self.day, self.officers):
            mark(w, "invalid", False)
        overrides = {}
        reason = self.override.text().strip()
        if reason:
            overrides = {code: reason for code in self._warnings}
        try:
            with self.ctx.session() as s:
                vid = svc.schedule_reinspection(s, self.enterprise_id, self.hazard_ids(), self.day_value(),
                                                officer_ids=self._checked(self.officers),
                                                expert_ids=self._checked(self.experts), actor=self.ctx.actor,
                                                overrides=overrides)
        except ValidationFailed as exc:
            targets = {"hazard_ids": self.hazards, "day": self.day, "officer_ids": self.officers}
            for e in exc.errors:
                if e.field in targets:
                    mark(targets[e.field], "invalid", True)
            self._problem(str(exc))
            return
        except scheduling.ScheduleRefused as exc:
            result = exc.result
            self._warnings = sorted({w.code for w in result.unresolved})
            only_warnings = not result.blocks and bool(self._warnings)
            self.override.setVisible(only_warnings)
            self.override_label.setVisible(only_warnings)
            if only_warnings:
                self.override.setFocus()
            self._problem(str(exc))
            return
        except ServiceError as exc:
            self._problem(str(exc))
            return
        self.visit_id = vid
        self.accept()

    def _problem(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.show()
