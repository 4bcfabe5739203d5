"""The hazard window (隐患详情): one hazard's data, status and overdue badges, photos, the remediation plan of a major
hazard, its history, and the steps of the rectification loop (models/services/rectification.py).

    changed = HazardDialog.show_hazard(parent, ctx, hazard_id)     # the one entry point (the ledger calls it)

Each step opens a small ``ActionDialog`` (note, date, officer, approve/refuse, reason as the step needs) that saves
through the service when 确定 is pressed and stays open with the service's message when it refuses, so nothing is
half saved. Buttons are enabled from ``HazardDetail.allowed_actions``; a closed hazard is read-only.
Shortcuts: Alt+1…4 switch tabs, Ctrl+S saves the plan, Esc closes.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.enums import HAZARD_STATUS_LABELS, REMEDIATION_PLAN_PARTS, SEVERITY_LABELS, VISIT_KIND_LABELS
from models.services import photos as photo_svc
from models.services import rectification as svc
from models.services.errors import ServiceError, ValidationFailed
from ui import alerts
from ui.context import AppContext
from ui.labels import enum_label
from ui.photo_strip import PhotoStrip, PhotoViewer, captured_photo, prepare_photos
from ui.widgets import ValueCombo, mark, remember_geometry

# The history's event labels and the plan's parts, marked for lupdate (context "rectification"); a test keeps this
# list equal to rectification.EVENT_LABELS.
EVENT_MARKS = [
    QT_TRANSLATE_NOOP("rectification", "发现隐患"),
    QT_TRANSLATE_NOOP("rectification", "立即整改，现场销号"),
    QT_TRANSLATE_NOOP("rectification", "状态变更"),
    QT_TRANSLATE_NOOP("rectification", "报告整改进展"),
    QT_TRANSLATE_NOOP("rectification", "报告整改完成，申请复查"),
    QT_TRANSLATE_NOOP("rectification", "申请延期"),
    QT_TRANSLATE_NOOP("rectification", "同意延期"),
    QT_TRANSLATE_NOOP("rectification", "不同意延期"),
    QT_TRANSLATE_NOOP("rectification", "延期申请撤销"),
    QT_TRANSLATE_NOOP("rectification", "安排复查"),
    QT_TRANSLATE_NOOP("rectification", "复查：已整改"),
    QT_TRANSLATE_NOOP("rectification", "复查：部分整改"),
    QT_TRANSLATE_NOOP("rectification", "复查：未整改"),
    QT_TRANSLATE_NOOP("rectification", "补充整改证据"),
    QT_TRANSLATE_NOOP("rectification", "整改方案"),
    QT_TRANSLATE_NOOP("rectification", "挂牌督办"),
    QT_TRANSLATE_NOOP("rectification", "解除督办"),
    QT_TRANSLATE_NOOP("rectification", "销号"),
]
PLAN_MARKS = [
    QT_TRANSLATE_NOOP("rectification", "治理的目标和任务"),
    QT_TRANSLATE_NOOP("rectification", "采取的方法和措施"),
    QT_TRANSLATE_NOOP("rectification", "经费和物资的落实"),
    QT_TRANSLATE_NOOP("rectification", "负责治理的机构和人员"),
    QT_TRANSLATE_NOOP("rectification", "治理的时限和要求"),
    QT_TRANSLATE_NOOP("rectification", "安全措施和应急预案"),
]


def label_of(text: str) -> str:
    """A label of models/services/rectification.py (or a plan part) in the interface language."""
    return QCoreApplication.translate("rectification", text)


def _d(value: date | None) -> str:
    return value.isoformat() if value else ""


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def overdue_text(status: str, deadline: date | None, days_overdue: int) -> str:
    """逾期 N 天 / 今天到期 / 还有 N 天 / 无期限 (closed: "")."""
    if status == "closed":
        return ""
    if deadline is None:
        return QCoreApplication.translate("HazardDialog", "无整改期限")
    if days_overdue > 0:
        return QCoreApplication.translate("HazardDialog", "逾期 %1 天").replace("%1", str(days_overdue))
    if days_overdue == 0:
        return QCoreApplication.translate("HazardDialog", "今天到期")
    return QCoreApplication.translate("HazardDialog", "还有 %1 天").replace("%1", str(-days_overdue))


# ================================================================================================ one step


class ActionDialog(QDialog):
    """A small form for one step of the loop. ``submit(values)`` runs when 确定 is pressed, inside the dialog: a
    refusal is shown here and the dialog stays open; success closes it. ``values``: note, day, officer_id,
    approve, reason (those the dialog has)."""

    def __init__(self, title: str, submit: Callable[[dict[str, Any]], None], parent: QWidget | None = None, *,
                 intro: str = "", note: str | None = None, note_text: str = "", day: str | None = None,
                 day_value: date | None = None, day_min: date | None = None,
                 officers: Sequence[svc.PersonChoice] | None = None, office_choice: str | None = None,
                 approve: bool = False, reason: str | None = None, reason_text: str = "",
                 ok_text: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("hazardActionDialog")
        self.setWindowTitle(title)
        self._submit = submit
        self.problems = QLabel()
        self.problems.setProperty("role", "error")
        self.problems.setWordWrap(True)
        self.problems.hide()
        form = QFormLayout()
        self.fields: dict[str, QWidget] = {}
        self.note: QPlainTextEdit | None = None
        self.day: QDateEdit | None = None
        self.officer: ValueCombo | None = None
        self.approve_yes: QRadioButton | None = None
        self.reason: QPlainTextEdit | None = None
        if approve:
            self.approve_yes = QRadioButton(self.tr("同意延期(&Y)"))
            self.approve_no = QRadioButton(self.tr("不同意(&N)"))
            self.approve_yes.setChecked(True)
            group = QButtonGroup(self)
            group.addButton(self.approve_yes)
            group.addButton(self.approve_no)
            row = QHBoxLayout()
            row.addWidget(self.approve_yes)
            row.addWidget(self.approve_no)
            row.addStretch(1)
            form.addRow(self.tr("审批意见"), row)
            self.fields["approve"] = self.approve_yes
        if officers is not None:
            self.officer = ValueCombo()
            if office_choice:
                self.officer.add(office_choice, None)
            for p in officers:
                text = (f"{p.name} — {p.detail}" if p.detail else p.name) if p.valid else p.problem.rstrip("。")
                self.officer.add(text, p.id)
                if not p.valid:  # shown, not choosable: the reason is visible
                    self.officer.model().item(self.officer.count() - 1).setEnabled(False)
            first_valid = next((i for i in range(self.officer.count())
                                if self.officer.model().item(i).isEnabled()), 0)
            self.officer.setCurrentIndex(first_valid)
            form.addRow(self.tr("执法人员(&O)"), self.officer)
            self.fields["officer_id"] = self.officer
        if day is not None:
            self.day = QDateEdit()
            self.day.setCalendarPopup(True)
            self.day.setDisplayFormat("yyyy-MM-dd")
            if day_min is not None:
                self.day.setMinimumDate(_qdate(day_min))
            self.day.setDate(_qdate(day_value or day_min or date.today()))
            form.addRow(day, self.day)
            self.fields["new_deadline"] = self.day
        if note is not None:
            self.note = QPlainTextEdit(note_text)
            self.note.setTabChangesFocus(True)
            self.note.setFixedHeight(90)
            form.addRow(note, self.note)
            self.fields["note"] = self.note
        if reason is not None:
            self.reason = QPlainTextEdit(reason_text)
            self.reason.setTabChangesFocus(True)
            self.reason.setFixedHeight(70)
            form.addRow(reason, self.reason)
            self.fields["reason"] = self.reason
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text or self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, activated=self.submit)
        lay = QVBoxLayout(self)
        if intro:
            text = QLabel(intro)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            lay.addWidget(text)
        lay.addWidget(self.problems)
        lay.addLayout(form)
        lay.addWidget(buttons)
        self.setMinimumWidth(460)
        first = next(iter(self.fields.values()), None)
        if first is not None:
            first.setFocus()

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.note is not None:
            out["note"] = self.note.toPlainText()
        if self.day is not None:
            out["day"] = _pydate(self.day.date())
        if self.officer is not None:
            out["officer_id"] = self.officer.value()
        if self.approve_yes is not None:
            out["approve"] = self.approve_yes.isChecked()
        if self.reason is not None:
            out["reason"] = self.reason.toPlainText()
        return out

    def submit(self) -> None:
        for w in self.fields.values():
            mark(w, "invalid", False)
        try:
            self._submit(self.values())
        except ValidationFailed as exc:
            for e in exc.errors:
                target = self.fields.get("new_deadline" if e.field == "day" else e.field)
                if target is not None:
                    mark(target, "invalid", True)
            self._problem(str(exc))
            return
        except ServiceError as exc:
            self._problem(str(exc))
            return
        self.accept()

    def _problem(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.show()

    @classmethod
    def run(cls, dialog: ActionDialog) -> bool:
        """Show ``dialog`` modally (tests patch this); True when the step was saved."""
        return dialog.exec() == QDialog.DialogCode.Accepted


# ================================================================================================ the window


class HazardDialog(QDialog):
    """One hazard with its rectification loop; ``changed`` is True once anything was saved."""

    def __init__(self, ctx: AppContext, hazard_id: uuid.UUID, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hazardDialog")
        self.ctx = ctx
        self.hazard_id = hazard_id
        self.today = today or date.today()
        self.changed = False
        self.detail: svc.HazardDetail | None = None
        self.setWindowTitle(self.tr("隐患详情"))

        self.title = QLabel()
        self.title.setObjectName("dialogHeading")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.subtitle.setProperty("role", "hint")
        self.badges = {name: self._badge(name) for name in ("status", "severity", "overdue", "supervised",
                                                             "extension")}
        badge_row = QHBoxLayout()
        for b in self.badges.values():
            badge_row.addWidget(b)
        badge_row.addStretch(1)

        self.tabs = QTabWidget()
        # Rows fit their text only once the history is shown at its real width (hidden, the stretched column is
        # at its minimum and every row came out ~200 px tall).
        self.tabs.currentChanged.connect(
            lambda _i: self.history.resizeRowsToContents() if hasattr(self, "history") else None)
        self.tabs.addTab(self._build_info(), self.tr("基本情况"))
        self.tabs.addTab(self._build_photos(), self.tr("照片"))
        self.plan_tab = self._build_plan()
        self.tabs.addTab(self.plan_tab, self.tr("整改方案"))
        self.tabs.addTab(self._build_history(), self.tr("整改记录"))

        self.buttons: dict[str, QPushButton] = {}
        actions = QGridLayout()
        specs = [
            ("report_progress", self.tr("整改进展(&P)…"), self.report_progress),
            ("submit_for_review", self.tr("整改完成(&F)…"), self.submit_for_review),
            ("request_extension", self.tr("申请延期(&E)…"), self.request_extension),
            ("decide_extension", self.tr("审批延期(&D)…"), self.decide_extension),
            ("schedule_reinspection", self.tr("安排复查(&R)…"), self.schedule_reinspection),
            ("close", self.tr("销号(&X)…"), self.close_hazard),
            ("set_supervised", self.tr("挂牌督办(&U)…"), self.toggle_supervised),
        ]
        for n, (name, text, slot) in enumerate(specs):
            b = QPushButton(text)
            b.setObjectName(f"hazardAction_{name}")
            b.clicked.connect(slot)
            self.buttons[name] = b
            actions.addWidget(b, n // 4, n % 4)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.accept)
        actions.addWidget(self.close_button, 1, 3)

        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.subtitle)
        lay.addLayout(badge_row)
        lay.addWidget(self.tabs, 1)
        lay.addLayout(actions)
        for n in range(4):
            QShortcut(QKeySequence(f"Alt+{n + 1}"), self, activated=lambda n=n: self._show_tab(n))
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save_plan)
        self.resize(900, 680)
        remember_geometry(self, "HazardDialog")
        self.reload()

    @classmethod
    def show_hazard(cls, parent: QWidget | None, ctx: AppContext, hazard_id: uuid.UUID) -> bool:
        """Show the hazard modally; True when anything was saved (lists may refresh)."""
        dialog = cls(ctx, hazard_id, parent)
        dialog.exec()
        return dialog.changed

    # ---------------------------------------------------------------------------------------------- building

    def _badge(self, name: str) -> QLabel:
        b = QLabel()
        b.setObjectName("hazardBadge")
        b.setProperty("badge", name)
        return b

    def _value(self) -> QLabel:
        v = QLabel()
        v.setWordWrap(True)
        v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return v

    def _build_info(self) -> QWidget:
        self.info: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label in (("enterprise", self.tr("企业")), ("location", self.tr("隐患部位")),
                           ("category", self.tr("隐患类别")), ("basis", self.tr("判定依据")),
                           ("measure", self.tr("整改措施")), ("found", self.tr("发现")),
                           ("deadline", self.tr("整改期限")), ("responsible", self.tr("企业责任人")),
                           ("progress", self.tr("整改进展")), ("extension", self.tr("延期申请")),
                           ("reinspection", self.tr("复查")), ("review", self.tr("复查情况")),
                           ("closed", self.tr("销号"))):
            self.info[key] = self._value()
            form.addRow(label, self.info[key])
        box = QWidget()
        box.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(box)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        return scroll

    def _build_photos(self) -> QWidget:
        self.strips: dict[str, PhotoStrip] = {}
        lay = QVBoxLayout()
        for kind, title in (("before", self.tr("检查发现时")), ("after", self.tr("立即整改后")),
                            ("evidence", self.tr("整改证据（可添加）"))):
            strip = PhotoStrip()
            strip.setObjectName(f"hazardPhotos_{kind}")
            strip.openRequested.connect(self._view_photo)
            if kind != "evidence":
                strip.set_read_only(True)
            self.strips[kind] = strip
            group = QGroupBox(title)
            inner = QVBoxLayout(group)
            inner.addWidget(strip)
            lay.addWidget(group)
        ev = self.strips["evidence"]
        ev.filesChosen.connect(lambda paths: self._store_evidence(prepare_photos(self, paths)))
        ev.imageCaptured.connect(lambda data: self._store_evidence(captured_photo(data)))
        ev.removeRequested.connect(self._remove_evidence)
        lay.addStretch(1)
        w = QWidget()
        w.setLayout(lay)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(w)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        return scroll

    def _build_plan(self) -> QWidget:
        self.plan_fields: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        for key, label in REMEDIATION_PLAN_PARTS.items():
            edit = QPlainTextEdit()
            edit.setObjectName(f"plan_{key}")
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
            self.plan_fields[key] = edit
            form.addRow(label_of(label), edit)
        self.plan_state = QLabel()
        self.plan_state.setWordWrap(True)
        self.plan_save = QPushButton(self.tr("保存整改方案(&S)"))
        self.plan_save.setToolTip(self.tr("Ctrl+S"))
        self.plan_save.clicked.connect(self.save_plan)
        row = QHBoxLayout()
        row.addWidget(self.plan_state, 1)
        row.addWidget(self.plan_save)
        w = QWidget()
        lay = QVBoxLayout(w)
        hint = QLabel(self.tr("重大事故隐患治理方案（六项内容）"))
        hint.setProperty("role", "hint")
        lay.addWidget(hint)
        lay.addLayout(form)
        lay.addLayout(row)
        lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(w)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        return scroll

    def _build_history(self) -> QWidget:
        self.history = QTableWidget(0, 7)
        self.history.setObjectName("hazardHistory")
        self.history.setHorizontalHeaderLabels([self.tr("时间"), self.tr("事项"), self.tr("状态"), self.tr("整改期限"),
                                                self.tr("说明"), self.tr("经办人"), self.tr("检查/复查日")])
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setWordWrap(True)
        header = self.history.horizontalHeader()
        for col in range(7):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        return self.history

    # ---------------------------------------------------------------------------------------------- showing

    def reload(self) -> None:
        with self.ctx.session() as s:
            self.detail = svc.hazard_detail(s, self.hazard_id, today=self.today)
            photos = {k: photo_svc.infos(s, list(ids)) if ids else [] for k, ids in (
                ("before", self.detail.before_photo_ids), ("after", self.detail.after_photo_ids),
                ("evidence", self.detail.evidence_photo_ids))}
        self._show(self.detail, photos)

    def _show(self, d: svc.HazardDetail, photos: dict[str, list[Any]]) -> None:
        self.title.setText(d.description or self.tr("（未填写隐患描述）"))
        self.subtitle.setText(" · ".join(x for x in (d.enterprise_name, d.location, d.category) if x))
        status = self.badges["status"]
        status.setText(enum_label(HAZARD_STATUS_LABELS.get(d.status, d.status)))
        mark(status, "status", d.status)
        sev = self.badges["severity"]
        sev.setText(enum_label(SEVERITY_LABELS.get(d.severity, d.severity)) + self.tr("隐患"))
        mark(sev, "severity", d.severity)
        mark(sev, "role", "error" if d.is_major else "")
        over = self.badges["overdue"]
        over.setText(overdue_text(d.status, d.deadline, d.days_overdue)
                     + (self.tr("（未整改 %1 次）").replace("%1", str(d.escalation)) if d.escalation else ""))
        over.setVisible(bool(over.text()))
        mark(over, "escalation", str(d.escalation_level))
        mark(over, "role", "error" if d.overdue else ("warning" if d.escalation_level else "hint"))
        sup = self.badges["supervised"]
        sup.setText(self.tr("挂牌督办"))
        sup.setVisible(d.supervised)
        mark(sup, "role", "warning")
        ext = self.badges["extension"]
        ext.setText(self.tr("延期待审批"))
        ext.setVisible(d.extension_pending)
        mark(ext, "role", "warning")

        i = self.info
        i["enterprise"].setText(d.enterprise_name)
        i["location"].setText(d.location or "—")
        i["category"].setText(d.category or "—")
        i["basis"].setText(d.basis or "—")
        i["measure"].setText(d.measure or "—")
        found = [_d(d.found_on)]
        if d.visit_kind:
            found.append(enum_label(VISIT_KIND_LABELS.get(d.visit_kind, d.visit_kind)))
        if d.found_by:
            found.append(self.tr("发现人：%1").replace("%1", d.found_by))
        i["found"].setText(" · ".join(found))
        deadline = _d(d.deadline) or "—"
        if d.original_deadline and d.deadline and d.original_deadline != d.deadline:
            deadline += self.tr("（原定 %1）").replace("%1", _d(d.original_deadline))
        state = overdue_text(d.status, d.deadline, d.days_overdue)
        i["deadline"].setText(f"{deadline}　{state}" if state else deadline)
        i["responsible"].setText(d.responsible_person or "—")
        i["progress"].setText(d.progress_note or "—")
        if d.pending_extension is not None:
            asked, why = d.pending_extension
            text = self.tr("申请延至 %1，理由：%2").replace("%1", _d(asked)).replace("%2", why)
            if d.extension_answer_due:
                text += self.tr("（应于 %1 前答复）").replace("%1", _d(d.extension_answer_due))
            i["extension"].setText(text)
        else:
            i["extension"].setText("—")
        if d.scheduled_reinspection is not None:
            i["reinspection"].setText(self.tr("已安排 %1 复查").replace("%1", _d(d.scheduled_reinspection[1])))
        else:
            i["reinspection"].setText("—")
        i["review"].setText(d.review_note or "—")
        i["closed"].setText(self.tr("%1 由 %2 销号").replace("%1", _d(d.closed_on)).replace("%2", d.closed_by)
                            if d.closed_on else "—")

        for kind, strip in self.strips.items():
            strip.set_photos(photos.get(kind, []))
        self.strips["evidence"].set_read_only("add_evidence" not in d.allowed_actions)

        self.tabs.setTabVisible(2, d.is_major)
        for key, edit in self.plan_fields.items():
            edit.setPlainText(d.remediation_plan.get(key, ""))
            edit.setReadOnly(d.is_closed)
        self.plan_save.setEnabled(not d.is_closed)
        self.plan_state.setText("")

        self.history.setRowCount(len(d.history))
        for row, e in enumerate(reversed(d.history)):  # newest first
            local = e.at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
            move = ""
            if e.to_status:
                old = enum_label(HAZARD_STATUS_LABELS.get(e.from_status or "", e.from_status or ""))
                new = enum_label(HAZARD_STATUS_LABELS.get(e.to_status, e.to_status))
                move = f"{old} → {new}" if old and old != new else new
            cells = [local, label_of(e.label), move, _d(e.new_deadline), e.reason, e.actor, _d(e.visit_day)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.history.setItem(row, col, item)
        self.history.resizeRowsToContents()
        self.tabs.setTabText(3, self.tr("整改记录（%1）").replace("%1", str(len(d.history))))

        allowed = set(d.allowed_actions)
        for name, b in self.buttons.items():
            b.setEnabled(name in allowed)
        self.buttons["set_supervised"].setText(self.tr("解除督办(&U)…") if d.supervised else self.tr("挂牌督办(&U)…"))
        self.buttons["set_supervised"].setVisible(d.is_major)
        if not allowed:
            tip = self.tr("该隐患已销号，只能查看。")
            for b in self.buttons.values():
                b.setToolTip(tip)

    def _show_tab(self, n: int) -> None:
        if self.tabs.isTabVisible(n):
            self.tabs.setCurrentIndex(n)

    # ---------------------------------------------------------------------------------------------- saving

    def _save(self, fn: Callable[[Any], Any]) -> Any:
        """One step in its own transaction; the window shows the stored state afterwards."""
        with self.ctx.session() as s:
            result = fn(s)
        self.changed = True
        self.reload()
        return result

    def _officers(self) -> list[svc.PersonChoice]:
        with self.ctx.session() as s:
            return svc.officer_choices(s, self.today)

    def _step(self, dialog: ActionDialog) -> bool:
        return ActionDialog.run(dialog)

    def report_progress(self) -> None:
        d = self.detail
        if d is None:
            return
        version = d.version

        def submit(v: dict[str, Any]) -> None:
            self._save(lambda s: svc.report_progress(s, d.id, v["note"], actor=self.ctx.actor,
                                                     expected_version=version))

        self._step(ActionDialog(self.tr("报告整改进展"), submit, self,
                                intro=self.tr("企业报告的整改进展（状态变为“整改中”）。"),
                                note=self.tr("整改进展"), note_text=d.progress_note))

    def submit_for_review(self) -> None:
        d = self.detail
        if d is None:
            return
        version = d.version

        def submit(v: dict[str, Any]) -> None:
            self._save(lambda s: svc.submit_for_review(s, d.id, v["note"], actor=self.ctx.actor,
                                                       expected_version=version))

        self._step(ActionDialog(self.tr("报告整改完成"), submit, self,
                                intro=self.tr("企业报告已整改完毕、申请复查（状态变为“待复查”）。"),
                                note=self.tr("整改情况"), ok_text=self.tr("申请复查")))

    def request_extension(self) -> None:
        d = self.detail
        if d is None or d.deadline is None:
            return

        def submit(v: dict[str, Any]) -> None:
            self._save(lambda s: svc.request_extension(s, d.id, v["day"], v["reason"], actor=self.ctx.actor,
                                                       on=self.today))

        self._step(ActionDialog(
            self.tr("申请延期"), submit, self,
            intro=self.tr("现在的整改期限：%1。企业因不可抗力不能按期完成的，应在期限届满前书面申请延期，"
                          "由执法人员审批。").replace("%1", _d(d.deadline)),
            day=self.tr("申请延至(&T)"), day_min=d.deadline + timedelta(days=1),
            day_value=d.deadline + timedelta(days=15), reason=self.tr("延期理由")))

    def decide_extension(self) -> None:
        d = self.detail
        if d is None or d.pending_extension is None:
            return
        asked, why = d.pending_extension

        def submit(v: dict[str, Any]) -> None:
            self._save(lambda s: svc.decide_extension(s, d.id, v["approve"], v["reason"], officer_id=v["officer_id"],
                                                      actor=self.ctx.actor, on=self.today))

        self._step(ActionDialog(
            self.tr("审批延期"), submit, self,
            intro=self.tr("企业申请将整改期限由 %1 延至 %2。\n理由：%3").replace("%1", _d(d.deadline))
            .replace("%2", _d(asked)).replace("%3", why),
            officers=self._officers(), approve=True, reason=self.tr("审批说明")))

    def schedule_reinspection(self) -> None:
        d = self.detail
        if d is None:
            return
        from ui.reinspection_dialog import ReinspectionDialog

        if ReinspectionDialog.schedule(self, self.ctx, d.enterprise_id, [d.id]) is not None:
            self.changed = True
            self.reload()

    def close_hazard(self) -> None:
        d = self.detail
        if d is None:
            return

        def submit(v: dict[str, Any]) -> None:
            self._save(lambda s: svc.close(s, d.id, actor=self.ctx.actor, officer_id=v["officer_id"],
                                           reason=v["reason"], on=self.today))

        if d.is_major:
            intro = self.tr("重大事故隐患：经执法人员现场复查确认已整改后，由持有效执法证的执法人员销号。")
        else:
            intro = self.tr("一般事故隐患：复查确认已整改，或有整改证据（照片）后销号。销号后不能撤销。")
        self._step(ActionDialog(self.tr("销号"), submit, self, intro=intro, officers=self._officers(),
                                office_choice=None if d.is_major else self.tr("（办公室，不选执法人员）"),
                                # The prefilled note is record text: it stays Chinese in the English interface.
                                reason=self.tr("销号说明"), reason_text="经复查，整改合格，予以销号",
                                ok_text=self.tr("销号")))

    def toggle_supervised(self) -> None:
        d = self.detail
        if d is None:
            return
        on = not d.supervised

        def submit(v: dict[str, Any]) -> None:
            self._save(lambda s: svc.set_supervised(s, d.id, on, actor=self.ctx.actor, reason=v["reason"]))

        self._step(ActionDialog(self.tr("挂牌督办") if on else self.tr("解除督办"), submit, self,
                                reason=self.tr("理由")))

    def save_plan(self) -> None:
        d = self.detail
        if d is None or not d.is_major or d.is_closed:
            return
        plan = {k: e.toPlainText() for k, e in self.plan_fields.items()}
        try:
            self._save(lambda s: svc.save_plan(s, d.id, plan, actor=self.ctx.actor, expected_version=d.version))
        except ServiceError as exc:
            self.plan_state.setText(str(exc))
            mark(self.plan_state, "role", "error")
            return
        self.plan_state.setText(self.tr("整改方案已保存 %1").replace("%1", datetime.now().strftime("%H:%M:%S")))
        mark(self.plan_state, "role", "hint")

    # -- evidence photos

    def _store_evidence(self, prepared: list[Any]) -> None:
        good = [p for p in prepared if not isinstance(p, Exception)]
        bad = [str(p) for p in prepared if isinstance(p, Exception)]
        if good:
            try:
                self._save(lambda s: svc.add_evidence(s, self.hazard_id, [photo_svc.store(s, p) for p in good],
                                                      actor=self.ctx.actor))
            except ServiceError as exc:
                bad.append(str(exc))
        if bad:
            alerts.warning(self, self.tr("照片"), "\n".join(bad))

    def _remove_evidence(self, photo_id: uuid.UUID) -> None:
        try:
            self._save(lambda s: svc.remove_evidence(s, self.hazard_id, photo_id, actor=self.ctx.actor))
        except ServiceError as exc:
            alerts.warning(self, self.tr("照片"), str(exc))

    def _view_photo(self, photo_id: uuid.UUID) -> None:
        with self.ctx.session() as s:
            data = photo_svc.image_bytes(s, photo_id)
        PhotoViewer.show_image(self, data, self.tr("照片"))

    def done(self, result: int) -> None:  # noqa: A003 - Qt override
        if self.detail is not None and self.detail.is_major and not self.detail.is_closed:
            plan = {k: e.toPlainText().strip() for k, e in self.plan_fields.items()}
            if plan != {k: v.strip() for k, v in self.detail.remediation_plan.items()} and alerts.confirm(
                    self, self.tr("整改方案"), self.tr("整改方案有未保存的修改，保存吗？")):
                self.save_plan()
        super().done(result)


__all__ = ["ActionDialog", "EVENT_MARKS", "HazardDialog", "label_of", "overdue_text"]
