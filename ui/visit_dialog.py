"""检查安排 (visit) editor and the after-visit expert rating dialog.

``VisitDialog.edit(parent, ctx, visit_id=None, day=None) -> id or None``: kind, day and half-day/time span, purpose,
status (existing visits: only the allowed next steps, saved with ``scheduling.set_status``), the route of firms, the
team (officers, experts, observers), the expert recommendation for the first firm, and a live rules panel
(``scheduling.check`` debounced on every change) where warnings get their override reason.

``RateExpertsDialog.run(parent, ctx, visit_id) -> bool``: 1–5 and a remark per expert of a done visit.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.enums import PERSON_STATUS_LABELS, VISIT_KIND_LABELS, VISIT_STATUS_LABELS, PersonStatus, VisitStatus
from models.services import enterprises as ent_svc
from models.services import experts as experts_svc
from models.services import officers as officers_svc
from models.services import scheduling
from models.services.errors import ConcurrentEdit, FieldError, NotFound, ServiceError, ValidationFailed
from ui import alerts
from ui.context import AppContext
from ui.labels import enum_label
from ui.widgets import ValueCombo

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_LIMIT = 50
CHECK_DELAY_MS = 200


def _mark(widget: QWidget, invalid: bool) -> None:
    """Flag a field for the ``[invalid="true"]`` rule of resources/styles/tijian.qss."""
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def _error_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setVisible(bool(text))
    return label


def _grey(item: QListWidgetItem) -> None:
    item.setForeground(QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))


class VisitDialog(QDialog):
    """Entry point: ``VisitDialog.edit(parent, ctx, visit_id=None, day=None) -> id or None``."""

    def __init__(self, ctx: AppContext, visit_id: uuid.UUID | None = None, day: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._id = visit_id
        self._version: int | None = None
        self._loaded_status: str = VisitStatus.PLANNED
        self._checklist_ids: list[uuid.UUID] = []
        self._overrides: dict[str, str] = {}
        self._picked: dict[int, list[uuid.UUID]] = {}
        self._result: scheduling.CheckResult | None = None
        self._read_only = False
        self._loading = False
        self.saved_id: uuid.UUID | None = None
        self.fields: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.override_edits: dict[str, QLineEdit] = {}
        self.setWindowTitle(self.tr("新建检查安排") if visit_id is None else self.tr("编辑检查安排"))

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.recheck)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(CHECK_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._basic_tab(day), self.tr("基本信息"))
        self.tabs.addTab(self._route_tab(), self.tr("路线"))
        self.tabs.addTab(self._people_tab(), self.tr("人员"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self._rules_panel())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([860, 380])
        self.splitter = splitter

        self.errors = _error_label()  # service messages that belong to no field
        self.rate_button = QPushButton(self.tr("评价专家…"))
        self.rate_button.hide()
        self.rate_button.clicked.connect(self.rate_experts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.addButton(self.rate_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.rate_button.hide()
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)

        lay = QVBoxLayout(self)
        lay.addWidget(splitter, 1)
        lay.addWidget(self.errors)
        lay.addWidget(buttons)
        self.resize(1240, 700)

        self._load()
        self._connect_changes()
        self.recheck()

    @classmethod
    def edit(cls, parent: QWidget | None, ctx: AppContext, visit_id: uuid.UUID | None = None,
             day: date | None = None) -> uuid.UUID | None:
        dlg = cls(ctx, visit_id, day, parent)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            return dlg.saved_id
        return None

    # -------------------------------------------------------------- layout

    def _field(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(widget)
        err = _error_label()
        v.addWidget(err)
        form.addRow(label, box)
        self.fields[key] = widget
        self.error_labels[key] = err

    def _basic_tab(self, day: date | None) -> QWidget:
        w = QWidget()
        outer = QVBoxLayout(w)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind = ValueCombo()
        for code, label in VISIT_KIND_LABELS.items():
            self.kind.add(enum_label(label), code)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        d = day or date.today()
        self.day.setDate(QDate(d.year, d.month, d.day))
        self.part = ValueCombo()
        self.part.add(self.tr("上午"), "am")
        self.part.add(self.tr("下午"), "pm")
        self.part.add(self.tr("全天"), "full")
        self.part.set_value("full")
        times = QWidget()
        t = QHBoxLayout(times)
        t.setContentsMargins(0, 0, 0, 0)
        self.start_time = QLineEdit()
        self.start_time.setPlaceholderText(self.tr("如 09:00（可不填）"))
        self.start_time.setMaxLength(5)
        self.end_time = QLineEdit()
        self.end_time.setPlaceholderText(self.tr("如 11:30（可不填）"))
        self.end_time.setMaxLength(5)
        t.addWidget(self.start_time)
        t.addWidget(QLabel(self.tr("至")))
        t.addWidget(self.end_time)
        self.purpose = QLineEdit()
        self.purpose.setMaxLength(200)
        self.purpose.setPlaceholderText(self.tr("如 汛期前危险化学品专项检查"))
        self.status = ValueCombo()
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(90)
        self.checklists_label = QLabel()
        self.checklists_label.setWordWrap(True)
        self.read_only_label = _error_label()
        self._field(form, "kind", self.tr("检查类型 *"), self.kind)
        self._field(form, "day", self.tr("检查日期 *"), self.day)
        self._field(form, "part_of_day", self.tr("时段 *"), self.part)
        self._field(form, "start_time", self.tr("时间段"), times)
        self.fields["end_time"] = times
        self._field(form, "purpose", self.tr("检查目的"), self.purpose)
        self._field(form, "status", self.tr("状态"), self.status)
        self._field(form, "notes", self.tr("备注"), self.notes)
        self._field(form, "checklist_ids", self.tr("检查表"), self.checklists_label)
        form.addRow(self.read_only_label)
        return w

    def _route_tab(self) -> QWidget:
        w = QWidget()
        lay = QHBoxLayout(w)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("查找企业（输入名称等文字；回车或双击加入路线）")))
        self.firm_search = QLineEdit()
        self.firm_search.setPlaceholderText(self.tr("输入企业名称等，回车加入选中的企业"))
        self.firm_search.setClearButtonEnabled(True)
        self.firm_results = QListWidget()
        self.firm_results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results_count = QLabel()
        left.addWidget(self.firm_search)
        left.addWidget(self.firm_results, 1)
        left.addWidget(self.results_count)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("检查路线（按先后顺序）")))
        self.route = QListWidget()
        self.route.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        right.addWidget(self.route, 1)
        self.error_labels["enterprise_ids"] = _error_label()
        self.fields["enterprise_ids"] = self.route
        right.addWidget(self.error_labels["enterprise_ids"])
        row = QHBoxLayout()
        self.add_firm_button = QPushButton(self.tr("加入路线"))
        self.up_button = QPushButton(self.tr("上移"))
        self.down_button = QPushButton(self.tr("下移"))
        self.remove_button = QPushButton(self.tr("移除"))
        for b in (self.add_firm_button, self.up_button, self.down_button, self.remove_button):
            row.addWidget(b)
        right.addLayout(row)
        lay.addLayout(left, 1)
        lay.addLayout(right, 1)
        self.firm_search.textChanged.connect(lambda _t: self._search_timer.start())
        self.firm_search.returnPressed.connect(self.add_current_result)
        self.firm_results.itemDoubleClicked.connect(lambda _i: self.add_current_result())
        self.add_firm_button.clicked.connect(self.add_current_result)
        self.up_button.clicked.connect(lambda: self.move_firm(-1))
        self.down_button.clicked.connect(lambda: self.move_firm(1))
        self.remove_button.clicked.connect(self.remove_firm)
        return w

    def _checklist(self, key: str, title: str) -> tuple[QGroupBox, QListWidget]:
        box = QGroupBox(title)
        v = QVBoxLayout(box)
        lst = QListWidget()
        v.addWidget(lst)
        err = _error_label()
        v.addWidget(err)
        self.fields[key] = lst
        self.error_labels[key] = err
        return box, lst

    def _people_tab(self) -> QWidget:
        w = QWidget()
        grid = QGridLayout(w)
        box, self.officers = self._checklist("officer_ids", self.tr("执法人员（执法证状态）"))
        grid.addWidget(box, 0, 0)
        box, self.experts = self._checklist("expert_ids", self.tr("专家（专业领域）"))
        grid.addWidget(box, 0, 1)
        box, self.observers = self._checklist("observer_ids", self.tr("监督员"))
        grid.addWidget(box, 1, 0)
        rec = QGroupBox(self.tr("专家推荐"))
        v = QVBoxLayout(rec)
        self.recommend_title = QLabel()
        self.recommend_title.setWordWrap(True)
        self.recommendations = QListWidget()
        self.recommendations.setWordWrap(True)
        self.add_expert_button = QPushButton(self.tr("加入检查组"))
        self.add_expert_button.setEnabled(False)
        v.addWidget(self.recommend_title)
        v.addWidget(self.recommendations, 1)
        v.addWidget(self.add_expert_button)
        grid.addWidget(rec, 1, 1)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        self.recommendations.currentItemChanged.connect(lambda *_: self._update_add_expert())
        self.recommendations.itemDoubleClicked.connect(lambda _i: self.add_recommended())
        self.add_expert_button.clicked.connect(self.add_recommended)
        return w

    def _rules_panel(self) -> QWidget:
        box = QGroupBox(self.tr("规则检查"))
        v = QVBoxLayout(box)
        self.rules_summary = QLabel()
        self.rules_summary.setWordWrap(True)
        v.addWidget(self.rules_summary)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        self.rules_body = QWidget()
        self.rules_layout = QVBoxLayout(self.rules_body)
        self.rules_layout.addStretch(1)
        scroll.setWidget(self.rules_body)
        v.addWidget(scroll, 1)
        return box

    def _connect_changes(self) -> None:
        for combo in (self.kind, self.part, self.status):
            combo.currentIndexChanged.connect(self.schedule_check)
        self.day.dateChanged.connect(self.schedule_check)
        for edit in (self.start_time, self.end_time):
            edit.textChanged.connect(self.schedule_check)
        for lst in (self.officers, self.experts, self.observers):
            lst.itemChanged.connect(lambda item, lst=lst: self._track_pick(lst, item))
            lst.itemChanged.connect(self.schedule_check)
        model = self.route.model()
        model.rowsInserted.connect(self.schedule_check)
        model.rowsRemoved.connect(self.schedule_check)
        model.rowsMoved.connect(self.schedule_check)

    # -------------------------------------------------------------- loading

    def _load(self) -> None:
        self._loading = True
        try:
            with self._ctx.session() as s:
                rec = scheduling.get_visit(s, self._id) if self._id is not None else None
                data = rec.data if rec is not None else None
                today = data.day if data is not None else self.day_value()
                officers = officers_svc.officers(s, today=today)
                experts = experts_svc.search(s)
                supervisors = officers_svc.supervisors(s)
                firms = ent_svc.rows(s, data.enterprise_ids) if data is not None else {}
        finally:
            self._loading = False
        self._loading = True
        try:
            chosen_off = set(data.officer_ids) if data else set()
            chosen_exp = set(data.expert_ids) if data else set()
            chosen_obs = set(data.observer_ids) if data else set()
            self._picked = {id(self.officers): list(data.officer_ids) if data else [],
                            id(self.experts): list(data.expert_ids) if data else [],
                            id(self.observers): list(data.observer_ids) if data else []}
            self.officers.clear()
            for o in officers:
                if not o.active and o.id not in chosen_off:
                    continue
                text = f"{o.name} — {o.department} — {o.cert_label}"
                self._person(self.officers, o.id, text, o.id in chosen_off, grey=o.cert_state != officers_svc.CERT_VALID)
            self.experts.clear()
            for e in experts:
                if e.status != PersonStatus.ACTIVE and e.id not in chosen_exp:
                    continue
                fields = "、".join(e.specialties) or self.tr("未登记领域")
                text = f"{e.name} — {fields}"
                if e.status != PersonStatus.ACTIVE:
                    text += f" — {enum_label(PERSON_STATUS_LABELS.get(e.status, e.status))}"
                self._person(self.experts, e.id, text, e.id in chosen_exp, grey=e.status != PersonStatus.ACTIVE)
            self.observers.clear()
            for sup in supervisors:
                if not sup.active and sup.id not in chosen_obs:
                    continue
                text = f"{sup.name} — {sup.affiliation}" if sup.affiliation else sup.name
                self._person(self.observers, sup.id, text, sup.id in chosen_obs, grey=not sup.active)
            self.route.clear()
            if rec is None or data is None:
                self._fill_status(None)
                self.status.set_value(VisitStatus.PLANNED)
                self._checklist_ids = []
                self._overrides = {}
                self.checklists_label.setText(self.tr("（暂无）"))
                return
            self._version = rec.version
            self._loaded_status = data.status
            self.kind.set_value(data.kind)
            self.day.setDate(QDate(data.day.year, data.day.month, data.day.day))
            self.part.set_value(data.part_of_day)
            self.start_time.setText(data.start_time or "")
            self.end_time.setText(data.end_time or "")
            self.purpose.setText(data.purpose)
            self.notes.setPlainText(data.notes)
            self._fill_status(data.status)
            self._checklist_ids = list(data.checklist_ids)
            self.checklists_label.setText(self.tr("已选 %1 份检查表").replace("%1", str(len(data.checklist_ids)))
                                          if data.checklist_ids else self.tr("（暂无）"))
            self._overrides = dict(data.overrides)
            for fid in data.enterprise_ids:
                row = firms.get(fid)
                if row is not None:
                    self._add_route_item(row)
            self._read_only = data.status in (VisitStatus.DONE, VisitStatus.CANCELLED)
            if self._read_only:
                self.read_only_label.setText(self.tr("该检查%1，不能再修改安排。").replace(
                    "%1", enum_label(VISIT_STATUS_LABELS[data.status])))
                self.read_only_label.show()
                self.tabs.widget(0).setEnabled(True)
                for w in (self.tabs.widget(1), self.tabs.widget(2)):
                    w.setEnabled(False)
                for key in ("kind", "day", "part_of_day", "start_time", "purpose", "status", "notes"):
                    self.fields[key].setEnabled(False)
            self.rate_button.setVisible(data.status == VisitStatus.DONE and bool(data.expert_ids))
        finally:
            self._loading = False

    def _fill_status(self, current: str | None) -> None:
        self.status.clear()
        if current is None:
            options: tuple[str, ...] = (VisitStatus.PLANNED, VisitStatus.SCHEDULED)
        else:
            options = (current, *scheduling.TRANSITIONS.get(current, ()))
        for code in options:
            self.status.add(enum_label(VISIT_STATUS_LABELS[code]), code)
        if current is not None:
            self.status.set_value(current)

    @staticmethod
    def _person(lst: QListWidget, pid: uuid.UUID, text: str, checked: bool, grey: bool = False) -> None:
        item = QListWidgetItem(text)
        item.setData(ID_ROLE, pid)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        if grey:
            _grey(item)
        lst.addItem(item)

    def reload(self) -> None:
        self._load()
        self.show_errors([])
        self.recheck()

    # -------------------------------------------------------------- form values

    def day_value(self) -> date:
        d = self.day.date()
        return date(d.year(), d.month(), d.day())

    def _checked(self, lst: QListWidget) -> list[uuid.UUID]:
        """Checked people in the order they were put on the team (the loaded order first)."""
        on = [lst.item(i).data(ID_ROLE) for i in range(lst.count())
              if lst.item(i).checkState() == Qt.CheckState.Checked]
        order = {pid: n for n, pid in enumerate(self._picked.get(id(lst), []))}
        return sorted(on, key=lambda pid: order.get(pid, len(order)))

    def _track_pick(self, lst: QListWidget, item: QListWidgetItem) -> None:
        picked = self._picked.setdefault(id(lst), [])
        pid = item.data(ID_ROLE)
        if item.checkState() == Qt.CheckState.Checked:
            if pid not in picked:
                picked.append(pid)
        elif pid in picked:
            picked.remove(pid)

    def route_ids(self) -> list[uuid.UUID]:
        return [self.route.item(i).data(ID_ROLE) for i in range(self.route.count())]

    def form_data(self) -> scheduling.VisitInput:
        return scheduling.VisitInput(
            kind=self.kind.value(), day=self.day_value(), part_of_day=self.part.value() or "full",
            start_time=self.start_time.text().strip() or None, end_time=self.end_time.text().strip() or None,
            purpose=self.purpose.text(), enterprise_ids=self.route_ids(), officer_ids=self._checked(self.officers),
            expert_ids=self._checked(self.experts), observer_ids=self._checked(self.observers),
            status=self.status.value() or VisitStatus.PLANNED, notes=self.notes.toPlainText(),
            overrides={k: v for k, v in self._overrides.items() if v.strip()},
            checklist_ids=list(self._checklist_ids))

    def set_checked(self, lst: QListWidget, pid: uuid.UUID, checked: bool = True) -> bool:
        for i in range(lst.count()):
            item = lst.item(i)
            if item.data(ID_ROLE) == pid:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return True
        return False

    # -------------------------------------------------------------- route

    def run_search(self) -> None:
        text = self.firm_search.text().strip()
        self.firm_results.clear()
        if not text:
            self.results_count.clear()
            return
        with self._ctx.session() as s:
            keys, total = ent_svc.first_keys(s, ent_svc.EnterpriseFilter(text=text), "name", False, SEARCH_LIMIT)
            rows = ent_svc.rows(s, keys)
        for k in keys:
            row = rows.get(uuid.UUID(k))
            if row is None:
                continue
            item = QListWidgetItem(self._firm_text(row))
            item.setData(ID_ROLE, row.id)
            item.setData(ID_ROLE + 1, row)
            self.firm_results.addItem(item)
        if self.firm_results.count():
            self.firm_results.setCurrentRow(0)
        if total > len(keys):
            self.results_count.setText(self.tr("共 %1 家，显示前 %2 家，请输入更多文字缩小范围")
                                       .replace("%1", str(total)).replace("%2", str(len(keys))))
        else:
            self.results_count.setText(self.tr("共 %1 家").replace("%1", str(total)))

    @staticmethod
    def _firm_text(row: ent_svc.EnterpriseRow) -> str:
        return " — ".join(p for p in (row.name, row.town, row.sector) if p)

    def _add_route_item(self, row: ent_svc.EnterpriseRow) -> None:
        item = QListWidgetItem(self._firm_text(row))
        item.setData(ID_ROLE, row.id)
        item.setToolTip(row.address)
        self.route.addItem(item)

    def add_current_result(self) -> None:
        if self._search_timer.isActive():
            self._search_timer.stop()
            self.run_search()
        item = self.firm_results.currentItem()
        if item is None:
            return
        if item.data(ID_ROLE) in self.route_ids():
            self.route.setCurrentRow(self.route_ids().index(item.data(ID_ROLE)))
            return
        self._add_route_item(item.data(ID_ROLE + 1))
        self.route.setCurrentRow(self.route.count() - 1)

    def add_firm(self, row: ent_svc.EnterpriseRow) -> None:
        if row.id not in self.route_ids():
            self._add_route_item(row)

    def move_firm(self, step: int) -> None:
        r = self.route.currentRow()
        to = r + step
        if r < 0 or not 0 <= to < self.route.count():
            return
        item = self.route.takeItem(r)
        self.route.insertItem(to, item)
        self.route.setCurrentRow(to)

    def remove_firm(self) -> None:
        r = self.route.currentRow()
        if r >= 0:
            self.route.takeItem(r)

    # -------------------------------------------------------------- rules and recommendation

    def schedule_check(self, *_: Any) -> None:
        if not self._loading:
            self._timer.start()

    def recheck(self) -> None:
        """Run the scheduling rules on the form now, refresh the rules panel, the recommendation and Save."""
        self._timer.stop()
        data = self.form_data()
        route = data.enterprise_ids
        recs: list[scheduling.Recommendation] = []
        firm_name = ""
        try:
            with self._ctx.session() as s:
                self._result = scheduling.check(s, data, self._id)
                if route:
                    firm_name = ent_svc.rows(s, [route[0]]).get(route[0], None)
                    firm_name = firm_name.name if firm_name else ""
                    recs = scheduling.recommend(s, route[0], data.day, data.part_of_day, limit=20,
                                                visit_id=self._id)
        except ServiceError as exc:
            self._result = None
            self.errors.setText(str(exc))
            self.errors.show()
        self._show_rules()
        self._show_recommendations(firm_name, recs)
        self.update_save()

    def _clear_rules(self) -> None:
        while self.rules_layout.count() > 1:
            item = self.rules_layout.takeAt(0)
            w = item.widget()
            if w is not None:
                w.hide()
                w.setParent(None)
                w.deleteLater()
        self.override_edits = {}

    def _show_rules(self) -> None:
        self._clear_rules()
        res = self._result
        if res is None:
            self.rules_summary.setText(self.tr("规则检查未能完成。"))
            return
        at = 0

        def add(w: QWidget) -> None:
            nonlocal at
            self.rules_layout.insertWidget(at, w)
            at += 1

        if not res.blocks and not res.warnings:
            self.rules_summary.setText(self.tr("符合全部排期规则。"))
        else:
            self.rules_summary.setText(self.tr("不符合规则 %1 项，提醒 %2 项").replace("%1", str(len(res.blocks)))
                                       .replace("%2", str(len(res.warnings))))
        if res.blocks:
            add(QLabel(self.tr("不符合规则（须调整后才能保存）：")))
        for b in res.blocks:
            add(_error_label("· " + b.message))
        if res.warnings:
            add(QLabel(self.tr("提醒（填写理由后可保存，理由将被记录）：")))
        by_code: dict[str, list[scheduling.Finding]] = {}
        for w in res.warnings:
            by_code.setdefault(w.code, []).append(w)
        for code, findings in by_code.items():
            for f in findings:
                label = QLabel("· " + f.message)
                label.setWordWrap(True)
                add(label)
            row = QWidget()
            h = QHBoxLayout(row)
            h.setContentsMargins(16, 0, 0, 6)
            h.addWidget(QLabel(self.tr("理由")))
            edit = QLineEdit(self._overrides.get(code, ""))
            edit.setPlaceholderText(self.tr("填写理由后可放行“%1”").replace(
                "%1", scheduling.RULE_LABELS[code]))
            edit.setMaxLength(200)
            edit.textChanged.connect(lambda text, code=code: self.set_override(code, text))
            edit.setEnabled(not self._read_only)
            h.addWidget(edit, 1)
            add(row)
            self.override_edits[code] = edit
            _mark(edit, not self._overrides.get(code, "").strip())

    def set_override(self, code: str, text: str) -> None:
        self._overrides[code] = text
        edit = self.override_edits.get(code)
        if edit is not None:
            _mark(edit, not text.strip())
        self.update_save()

    def unresolved(self) -> list[scheduling.Finding]:
        res = self._result
        if res is None:
            return []
        return [w for w in res.warnings if not self._overrides.get(w.code, "").strip()]

    def update_save(self) -> None:
        res = self._result
        ok = res is not None and not res.blocks and not self.unresolved() and not self._read_only
        self.save_button.setEnabled(ok)
        if res is not None and res.blocks:
            self.save_button.setToolTip(self.tr("不符合排期规则，不能保存"))
        elif self.unresolved():
            self.save_button.setToolTip(self.tr("请为每项提醒填写理由"))
        else:
            self.save_button.setToolTip("")
        n = len(res.blocks) + len(self.unresolved()) if res is not None else 0
        self.rules_summary.setProperty("role", "error" if n else "")
        self.rules_summary.style().unpolish(self.rules_summary)
        self.rules_summary.style().polish(self.rules_summary)

    def _show_recommendations(self, firm_name: str, recs: list[scheduling.Recommendation]) -> None:
        self.recommendations.clear()
        if not firm_name:
            self.recommend_title.setText(self.tr("在“路线”中加入企业后，这里推荐第一家企业的专家。"))
            self._update_add_expert()
            return
        self.recommend_title.setText(self.tr("为“%1”%2推荐：").replace("%1", firm_name)
                                     .replace("%2", self.day_value().isoformat()))
        chosen = set(self._checked(self.experts))
        for r in recs:
            text = f"{r.name} — {r.score:g} — {'；'.join(r.reasons)}"
            if r.blocked:
                text += " — " + self.tr("不可安排：%1").replace("%1", r.blocked)
            elif r.expert_id in chosen:
                text += " — " + self.tr("已在检查组")
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, r.expert_id)
            item.setData(ID_ROLE + 1, r.blocked or "")
            item.setToolTip(r.blocked or "\n".join(r.reasons))
            if r.blocked:
                _grey(item)
            self.recommendations.addItem(item)
        self._update_add_expert()

    def _update_add_expert(self) -> None:
        item = self.recommendations.currentItem()
        self.add_expert_button.setEnabled(item is not None and not item.data(ID_ROLE + 1) and not self._read_only)

    def add_recommended(self) -> None:
        item = self.recommendations.currentItem()
        if item is None or item.data(ID_ROLE + 1):
            return
        self.set_checked(self.experts, item.data(ID_ROLE))

    # -------------------------------------------------------------- saving

    def show_errors(self, errors: list[FieldError]) -> None:
        for key, label in self.error_labels.items():
            _mark(self.fields[key], False)
            label.clear()
            label.hide()
        stray: list[str] = []
        for e in errors:
            label = self.error_labels.get(e.field)
            if label is None:
                stray.append(e.message)
                continue
            _mark(self.fields[e.field], True)
            label.setText("\n".join(t for t in (label.text(), e.message) if t))
            label.show()
        self.errors.setText("\n".join(stray))
        self.errors.setVisible(bool(stray))
        if errors and errors[0].field in self.fields:
            page = {"enterprise_ids": 1, "officer_ids": 2, "expert_ids": 2, "observer_ids": 2}.get(errors[0].field, 0)
            self.tabs.setCurrentIndex(page)
            self.fields[errors[0].field].setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        if self._timer.isActive():
            self.recheck()
        if not self.save_button.isEnabled():
            return
        data = self.form_data()
        try:
            with self._ctx.session() as s:
                if self._id is None:
                    new_id = scheduling.create_visit(s, data, self._ctx.actor)
                else:
                    wanted = data.status
                    data.status = self._loaded_status
                    version = scheduling.update_visit(s, self._id, data, self._version or 0, self._ctx.actor)
                    if wanted != self._loaded_status:
                        scheduling.set_status(s, self._id, wanted, version, self._ctx.actor)
                    new_id = self._id
        except ValidationFailed as exc:
            self.show_errors(exc.errors)
            return
        except scheduling.ScheduleRefused as exc:
            self.show_errors([])
            self.errors.setText(str(exc))
            self.errors.show()
            self._result = exc.result
            self._show_rules()
            self.update_save()
            return
        except ConcurrentEdit as exc:
            if alerts.confirm(self, self.tr("未保存"),
                              str(exc) + "\n\n" + self.tr("现在载入最新内容吗？您在本窗口中的修改将被放弃。")):
                self.reload()
            return
        except (NotFound, ServiceError) as exc:
            self.show_errors([])
            self.errors.setText(str(exc))
            self.errors.show()
            return
        self.saved_id = new_id
        self.accept()

    def rate_experts(self) -> None:
        if self._id is not None:
            RateExpertsDialog.run(self, self._ctx, self._id)


class RateExpertsDialog(QDialog):
    """Entry point: ``RateExpertsDialog.run(parent, ctx, visit_id) -> bool`` (True when ratings were saved)."""

    def __init__(self, ctx: AppContext, visit_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._id = visit_id
        self.setWindowTitle(self.tr("评价专家"))
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("专家"), self.tr("评分（1–5）"), self.tr("评价意见")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setColumnWidth(0, 120)
        self.table.setColumnWidth(1, 110)
        self.errors = _error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.info)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.errors)
        lay.addWidget(buttons)
        self.resize(640, 360)
        self.ratings: list[tuple[uuid.UUID, QSpinBox, QLineEdit]] = []
        self._load()

    @classmethod
    def run(cls, parent: QWidget | None, ctx: AppContext, visit_id: uuid.UUID) -> bool:
        dlg = cls(ctx, visit_id, parent)
        return dlg.exec() == QDialog.DialogCode.Accepted

    def _load(self) -> None:
        with self._ctx.session() as s:
            rec = scheduling.get_visit(s, self._id)
            names = {e.id: e.name for e in experts_svc.search(s)}
            known: dict[uuid.UUID, tuple[int | None, str]] = {}
            for eid in rec.data.expert_ids:
                for wv in experts_svc.work_file(s, eid, rec.data.day.year).visits:
                    if wv.visit_id == self._id:
                        known[eid] = (wv.rating, wv.remark)
        d = rec.data
        kind = enum_label(VISIT_KIND_LABELS.get(d.kind, d.kind))
        self.info.setText(self.tr("%1 %2 的检查，请为每位专家评分（1–5分）并填写评价意见。")
                          .replace("%1", d.day.isoformat()).replace("%2", kind))
        done = d.status == VisitStatus.DONE
        if not done:
            self.errors.setText(self.tr("检查完成后才能评价专家。"))
            self.errors.show()
        self.table.setRowCount(len(d.expert_ids))
        for r, eid in enumerate(d.expert_ids):
            rating, remark = known.get(eid, (None, ""))
            name = QTableWidgetItem(names.get(eid, ""))
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(r, 0, name)
            spin = QSpinBox()
            spin.setRange(1, 5)
            spin.setValue(rating or 3)
            spin.setSuffix(self.tr(" 分"))
            edit = QLineEdit(remark or "")
            edit.setMaxLength(200)
            edit.setPlaceholderText(self.tr("如 检查细致，隐患描述准确"))
            self.table.setCellWidget(r, 1, spin)
            self.table.setCellWidget(r, 2, edit)
            self.ratings.append((eid, spin, edit))
        self.save_button.setEnabled(done and bool(d.expert_ids))

    def save(self) -> None:
        try:
            with self._ctx.session() as s:
                for eid, spin, edit in self.ratings:
                    scheduling.rate_expert(s, self._id, eid, spin.value(), edit.text(), self._ctx.actor)
        except ValidationFailed as exc:
            self.errors.setText("\n".join(e.message for e in exc.errors))
            self.errors.show()
            return
        except ServiceError as exc:
            self.errors.setText(str(exc))
            self.errors.show()
            return
        self.accept()
