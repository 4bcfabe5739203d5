"""专家库 module: the expert list with its filters, and for the selected expert the tabs 回避, 请假/不可用, 工作档案 and
年度考核. The pool is small (hundreds at most), so the list model holds every row it shows."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QSettings,
    Qt,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.enums import PERSON_STATUS_LABELS, SECTORS, VISIT_KIND_LABELS, PersonStatus
from models.services import enterprises as ent_svc
from models.services import experts as svc
from models.services.errors import ConcurrentEdit, NotFound, ValidationFailed
from ui import alerts
from ui.context import AppContext
from ui.labels import enum_label
from ui.table_model import RowsModel
from ui.widgets import FormDialog, OptionalDateEdit, ValueCombo, mark, remember_geometry

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _grade(grade: str) -> str:
    """An annual grade (stored in Chinese, experts.GRADES) in the interface language; marked at the end."""
    return QCoreApplication.translate("ExpertsPage", grade)


def _d(value: date | None) -> str:
    return value.isoformat() if value else ""


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


# ================================================================================================ list model


class ExpertTableModel(RowsModel):
    """The expert list: rows from ``experts.search`` with display strings made once per row."""

    COLUMNS = ("name", "gender", "specialties", "group_name", "title", "employer", "phone", "term", "status")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__((), parent)
        self._ctx = ctx
        self.filter = svc.ExpertFilter()
        self._headers = (self.tr("姓名"), self.tr("性别"), self.tr("专业领域"), self.tr("专家组"), self.tr("职称"),
                         self.tr("工作单位"), self.tr("电话"), self.tr("聘期"), self.tr("状态"))

    def refresh(self) -> None:
        with self._ctx.session() as s:
            rows = svc.search(s, self.filter)
        self.set_rows(rows)

    def set_filter(self, flt: svc.ExpertFilter) -> None:
        self.filter = flt
        self.refresh()

    def display(self, r: svc.ExpertRow) -> tuple[str, ...]:
        term = f"{_d(r.term_start)} — {_d(r.term_end)}" if (r.term_start or r.term_end) else ""
        return (r.name, r.gender, "、".join(r.specialties), r.group_name, r.title, r.employer, r.phone, term,
                enum_label(PERSON_STATUS_LABELS.get(r.status, r.status)))

    def role_data(self, row: svc.ExpertRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.display(row)[column]
        if role == ID_ROLE:
            return row.id
        return None


# ================================================================================================ dialogs


class _FormDialog(FormDialog):
    """A form that saves through a service on OK and stays open, with the service's messages under the fields,
    until the save succeeds or the user cancels."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.saved_id: uuid.UUID | None = None

    def _store(self) -> uuid.UUID | None:
        raise NotImplementedError

    def save(self) -> None:
        try:
            saved = self._store()
        except ValidationFailed as exc:
            self.show_errors(exc.errors)
            return
        except ConcurrentEdit as exc:
            self._conflict(str(exc))
            return
        except NotFound as exc:
            alerts.warning(self, self.tr("未保存"), str(exc))
            self.reject()
            return
        self.saved_id = saved
        self.accept()

    def _conflict(self, message: str) -> None:
        """Somebody else saved first; nothing was written. Forms that can reload override this."""
        alerts.warning(self, self.tr("未保存"), message)
        self.reject()

    @classmethod
    def _run(cls, dlg: _FormDialog) -> uuid.UUID | None:
        try:
            return dlg.saved_id if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()


def _line(most: int) -> QLineEdit:
    w = QLineEdit()
    w.setMaxLength(most)
    return w


class ExpertDialog(_FormDialog):
    """Entry point: ``ExpertDialog.edit(parent, ctx, expert_id=None) -> saved id or None``."""

    def __init__(self, ctx: AppContext, expert_id: uuid.UUID | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._id = expert_id
        self._version = 0
        self.setWindowTitle(self.tr("新建专家") if expert_id is None else self.tr("编辑专家资料"))
        self.setMinimumWidth(720)
        self.name = _line(40)
        self.gender = ValueCombo()
        self.gender.add(self.tr("（未填）"), "")
        self.gender.add(self.tr("男"), "男")
        self.gender.add(self.tr("女"), "女")
        self.phone = _line(30)
        self.phone.setPlaceholderText(self.tr("手机11位，或座机如 0730-5212345"))
        self.employer = _line(100)
        self.title = _line(40)
        self.title.setPlaceholderText(self.tr("如 高级工程师"))
        self.licences = _line(200)
        self.licences.setPlaceholderText(self.tr("如 注册安全工程师；注册消防工程师"))
        self.group = ValueCombo()
        self.group.setEditable(True)
        self.term_start = OptionalDateEdit()
        self.term_end = OptionalDateEdit()
        self.status = ValueCombo()
        for code, label in PERSON_STATUS_LABELS.items():
            self.status.add(enum_label(label), code)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(56)
        self.notes.setTabChangesFocus(True)
        self.specialties = QListWidget()
        self.specialties.setMinimumHeight(120)

        left = QWidget()
        lform = self.form
        self._row(self.tr("姓名 *"), "name", self.name)
        self._row(self.tr("性别"), "gender", self.gender)
        self._row(self.tr("电话"), "phone", self.phone)
        self._row(self.tr("工作单位"), "employer", self.employer)
        self._row(self.tr("职称"), "title", self.title)
        self._row(self.tr("执业资格"), "licences", self.licences)
        self._row(self.tr("专家组"), "group_name", self.group)
        self._row(self.tr("聘期起"), "term_start", self.term_start)
        self._row(self.tr("聘期止"), "term_end", self.term_end)
        self._row(self.tr("状态"), "status", self.status)
        self._row(self.tr("备注"), "notes", self.notes)
        left.setLayout(lform)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(QLabel(self.tr("专业领域 *（点击勾选，可多选）")))
        rl.addWidget(self.specialties, 1)
        spec_message = QLabel()
        spec_message.setProperty("role", "error")
        spec_message.setWordWrap(True)
        spec_message.hide()
        rl.addWidget(spec_message)
        self.fields["specialty_ids"] = self.specialties
        self.messages["specialty_ids"] = spec_message
        body = QWidget()
        bl = QHBoxLayout(body)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(left, 3)
        bl.addWidget(right, 2)
        self._finish(body)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        remember_geometry(self, "ExpertDialog")
        self._load()

    @classmethod
    def edit(cls, parent: QWidget | None, ctx: AppContext, expert_id: uuid.UUID | None = None) -> uuid.UUID | None:
        dlg = cls(ctx, expert_id, parent)
        if expert_id is not None and dlg._version == 0:
            dlg.deleteLater()
            return None
        return cls._run(dlg)

    def _load(self) -> None:
        try:
            with self._ctx.session() as s:
                specs = svc.specialties(s)
                groups = svc.groups(s)
                rec = svc.get(s, self._id) if self._id else None
        except NotFound as exc:
            alerts.warning(self.parentWidget(), self.tr("无法打开"), str(exc))
            return
        for g in groups:
            self.group.add(g, g)
        chosen = set(rec.data.specialty_ids) if rec else set()
        for sp in specs:
            item = QListWidgetItem(sp.name)
            item.setData(ID_ROLE, sp.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if sp.id in chosen else Qt.CheckState.Unchecked)
            if sp.sectors:
                item.setToolTip(self.tr("覆盖行业：") + "、".join(enum_label(x) for x in sp.sectors))
            self.specialties.addItem(item)
        if rec is None:
            self.group.setCurrentIndex(-1)
            return
        d = rec.data
        self._version = rec.version
        self.name.setText(d.name)
        self.gender.set_value(d.gender)
        self.phone.setText(d.phone)
        self.employer.setText(d.employer)
        self.title.setText(d.title)
        self.licences.setText(d.licences)
        if not self.group.set_value(d.group_name):
            self.group.setEditText(d.group_name)
        self.term_start.set_value(d.term_start)
        self.term_end.set_value(d.term_end)
        self.status.set_value(d.status)
        self.notes.setPlainText(d.notes)

    def _conflict(self, message: str) -> None:
        if alerts.confirm(self, self.tr("未保存"),
                          message + "\n\n" + self.tr("现在载入最新内容吗？您在本窗口中的修改将被放弃。")):
            self.reload()

    def reload(self) -> None:
        """Show the expert as saved in the database now (after another user's save)."""
        self.group.clear()
        self.specialties.clear()
        self._load()
        self.show_errors([])

    def check_specialties(self, names: list[str]) -> None:
        for i in range(self.specialties.count()):
            item = self.specialties.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in names else Qt.CheckState.Unchecked)

    def form_data(self) -> svc.ExpertInput:
        ids = [self.specialties.item(i).data(ID_ROLE) for i in range(self.specialties.count())
               if self.specialties.item(i).checkState() == Qt.CheckState.Checked]
        return svc.ExpertInput(
            name=self.name.text(), gender=self.gender.value() or "", phone=self.phone.text(),
            employer=self.employer.text(), title=self.title.text(), licences=self.licences.text(),
            specialty_ids=ids, group_name=self.group.currentText().strip(), term_start=self.term_start.value(),
            term_end=self.term_end.value(), status=self.status.value(), notes=self.notes.toPlainText(),
        )

    def _store(self) -> uuid.UUID:
        with self._ctx.session() as s:
            if self._id is None:
                return svc.create(s, self.form_data(), self._ctx.actor)
            svc.update(s, self._id, self.form_data(), self._version, self._ctx.actor)
            return self._id


class StatusDialog(_FormDialog):
    """停用…: suspend, dismiss or restore an expert with the reason. Entry: ``StatusDialog.ask(parent, ctx, id)``."""

    def __init__(self, ctx: AppContext, expert_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._id = expert_id
        with ctx.session() as s:
            rec = svc.get(s, expert_id)
        self._version = rec.version
        self.setWindowTitle(self.tr("变更专家状态：%1").replace("%1", rec.data.name))
        self.setMinimumWidth(420)
        self.status = ValueCombo()
        for code, label in PERSON_STATUS_LABELS.items():
            self.status.add(enum_label(label), code)
        self.status.set_value(PersonStatus.SUSPENDED if rec.data.status == PersonStatus.ACTIVE else PersonStatus.ACTIVE)
        self.reason = _line(200)
        self.reason.setPlaceholderText(self.tr("暂停或解聘时必填"))
        self._row(self.tr("新状态"), "status", self.status)
        self._row(self.tr("原因"), "reason", self.reason)
        self._finish()

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, expert_id: uuid.UUID) -> uuid.UUID | None:
        return cls._run(cls(ctx, expert_id, parent))

    def _store(self) -> uuid.UUID:
        with self._ctx.session() as s:
            svc.set_status(s, self._id, self.status.value(), self._version, self.reason.text(), self._ctx.actor)
        return self._id


class RecusalDialog(_FormDialog):
    """添加回避. Entry: ``RecusalDialog.add(parent, ctx, expert_id) -> recusal id or None``."""

    def __init__(self, ctx: AppContext, expert_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._expert_id = expert_id
        self.setWindowTitle(self.tr("添加回避"))
        self.setMinimumWidth(560)
        self.firm_search = QLineEdit()
        self.firm_search.setPlaceholderText(self.tr("输入企业名称、信用代码或拼音首字母查找"))
        self.firm_search.setClearButtonEnabled(True)
        self.firm = ValueCombo()
        self.reason = ValueCombo()
        with ctx.session() as s:
            reasons = svc.recusal_reasons(s)
            self._paid_years = int(svc.setting(s, "expert_paid_service_years"))
        for r in reasons:
            self.reason.add(r, r)
        self.detail = _line(200)
        self.until = OptionalDateEdit()
        self.until.setToolTip(self.tr("回避适用的最后一天；不填表示长期回避"))
        firm_box = QWidget()
        fb = QVBoxLayout(firm_box)
        fb.setContentsMargins(0, 0, 0, 0)
        fb.addWidget(self.firm_search)
        fb.addWidget(self.firm)
        self._row(self.tr("企业 *"), "enterprise_id", firm_box)
        self._row(self.tr("回避原因 *"), "reason", self.reason)
        self._row(self.tr("具体情况"), "detail", self.detail)
        self._row(self.tr("回避至"), "until", self.until)
        self._finish()
        self.firm_search.textChanged.connect(self._find_firms)
        self.reason.currentIndexChanged.connect(self._reason_changed)
        self._find_firms()
        self._reason_changed()

    @classmethod
    def add(cls, parent: QWidget | None, ctx: AppContext, expert_id: uuid.UUID) -> uuid.UUID | None:
        return cls._run(cls(ctx, expert_id, parent))

    def _find_firms(self) -> None:
        flt = ent_svc.EnterpriseFilter(text=self.firm_search.text())
        with self._ctx.session() as s:
            keys, total = ent_svc.first_keys(s, flt, "name", False, 50)
            rows = ent_svc.rows(s, keys)
        self.firm.clear()
        if not keys:
            self.firm.add(self.tr("（没有符合的企业）"), None)
            return
        for k in keys:
            r = rows[uuid.UUID(k)]
            self.firm.add(f"{r.name}（{r.town}）" if r.town else r.name, r.id)
        if total > len(keys):
            self.firm.setToolTip(self.tr("共 %1 家符合，仅列出前 50 家；请输入更多文字缩小范围。")
                                 .replace("%1", str(total)))
        else:
            self.firm.setToolTip("")

    def _reason_changed(self) -> None:
        reason = self.reason.value() or ""
        # paid service (有偿服务) makes him recuse for the configured number of years
        if "有偿服务" in reason and self.until.value() is None:
            today = date.today()
            try:
                self.until.set_value(today.replace(year=today.year + self._paid_years))
            except ValueError:  # 29 February
                self.until.set_value(today.replace(year=today.year + self._paid_years, day=28))

    def value(self) -> svc.RecusalInput:
        return svc.RecusalInput(self.firm.value(), self.reason.value() or "", self.detail.text(), self.until.value())

    def _store(self) -> uuid.UUID:
        with self._ctx.session() as s:
            return svc.add_recusal(s, self._expert_id, self.value(), self._ctx.actor)


class UnavailabilityDialog(_FormDialog):
    """请假/不可用时段. Entry: ``UnavailabilityDialog.add(parent, ctx, expert_id) -> id or None``."""

    def __init__(self, ctx: AppContext, expert_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._expert_id = expert_id
        self.setWindowTitle(self.tr("登记请假/不可用时段"))
        self.setMinimumWidth(420)
        today = _qdate(date.today())
        self.start = QDateEdit(today)
        self.end = QDateEdit(today)
        for w in (self.start, self.end):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
        self.reason = _line(100)
        self.reason.setPlaceholderText(self.tr("如 年休假、出差、培训"))
        self._row(self.tr("开始日期 *"), "start", self.start)
        self._row(self.tr("结束日期 *"), "end", self.end)
        self._row(self.tr("事由"), "reason", self.reason)
        self._finish()

    @classmethod
    def add(cls, parent: QWidget | None, ctx: AppContext, expert_id: uuid.UUID) -> uuid.UUID | None:
        return cls._run(cls(ctx, expert_id, parent))

    def _store(self) -> uuid.UUID:
        data = svc.UnavailabilityInput(_pydate(self.start.date()), _pydate(self.end.date()), self.reason.text())
        with self._ctx.session() as s:
            return svc.add_unavailability(s, self._expert_id, data, self._ctx.actor)


class AssessmentDialog(_FormDialog):
    """年度考核. Entry: ``AssessmentDialog.add(parent, ctx, expert_id) -> id or None``."""

    def __init__(self, ctx: AppContext, expert_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._expert_id = expert_id
        self.setWindowTitle(self.tr("登记年度考核"))
        self.setMinimumWidth(420)
        self.year = QSpinBox()
        self.year.setRange(2000, date.today().year + 1)
        self.year.setValue(date.today().year - 1 if date.today().month < 7 else date.today().year)
        self.grade = ValueCombo()
        for g in svc.GRADES:
            self.grade.add(_grade(g), g)
        self.remark = _line(200)
        self._row(self.tr("年度 *"), "year", self.year)
        self._row(self.tr("考核等次 *"), "grade", self.grade)
        self._row(self.tr("说明"), "remark", self.remark)
        self._finish()

    @classmethod
    def add(cls, parent: QWidget | None, ctx: AppContext, expert_id: uuid.UUID) -> uuid.UUID | None:
        return cls._run(cls(ctx, expert_id, parent))

    def _store(self) -> uuid.UUID:
        with self._ctx.session() as s:
            return svc.add_assessment(s, self._expert_id, self.year.value(), self.grade.value(), self.remark.text(),
                                      self._ctx.actor)


class SpecialtiesDialog(QDialog):
    """专业领域 vocabulary: add, rename, the enterprise sectors each field covers, delete an unused one.
    Entry: ``SpecialtiesDialog.manage(parent, ctx) -> True if anything changed``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.changed = False
        self.setWindowTitle(self.tr("专业领域"))
        self.setMinimumSize(640, 460)
        self.list = QListWidget()
        self.name = _line(40)
        self.sectors = QListWidget()
        self.message = QLabel()
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.add_button = QPushButton(self.tr("新增"))
        self.rename_button = QPushButton(self.tr("改名"))
        self.sectors_button = QPushButton(self.tr("保存覆盖行业"))
        self.delete_button = QPushButton(self.tr("删除"))
        right = QVBoxLayout()
        form = QFormLayout()
        form.addRow(self.tr("名称"), self.name)
        right.addLayout(form)
        row = QHBoxLayout()
        for b in (self.add_button, self.rename_button, self.delete_button):
            row.addWidget(b)
        row.addStretch(1)
        right.addLayout(row)
        right.addWidget(QLabel(self.tr("覆盖的企业行业（排期时按此匹配专家与企业）")))
        right.addWidget(self.sectors, 1)
        right.addWidget(self.sectors_button, 0, Qt.AlignmentFlag.AlignRight)
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        body.addLayout(right, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.message)
        lay.addLayout(body, 1)
        lay.addWidget(close)
        self.list.currentRowChanged.connect(lambda _r: self._show_current())
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.sectors_button.clicked.connect(self.save_sectors)
        self.delete_button.clicked.connect(self.delete)
        self._load()

    @classmethod
    def manage(cls, parent: QWidget | None, ctx: AppContext) -> bool:
        dlg = cls(ctx, parent)
        try:
            dlg.exec()
            return dlg.changed
        finally:
            dlg.deleteLater()

    def _load(self, keep: uuid.UUID | None = None) -> None:
        with self._ctx.session() as s:
            self._rows = svc.specialties(s)
            used = set(ent_svc.sectors_in_use(s))
        self._all_sectors = list(dict.fromkeys([*SECTORS, *sorted(used - set(SECTORS)),
                                                *(x for r in self._rows for x in r.sectors)]))
        self.list.blockSignals(True)
        self.list.clear()
        for r in self._rows:
            item = QListWidgetItem(self.tr("%1（%2名专家）").replace("%1", r.name).replace("%2", str(r.experts)))
            item.setData(ID_ROLE, r.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((i for i, r in enumerate(self._rows) if r.id == keep), 0 if self._rows else -1)
        self.list.setCurrentRow(row)
        self._show_current()

    def current(self) -> svc.SpecialtyRow | None:
        row = self.list.currentRow()
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _show_current(self) -> None:
        r = self.current()
        self.name.setText(r.name if r else "")
        self.sectors.clear()
        for sec in self._all_sectors:
            item = QListWidgetItem(enum_label(sec))
            item.setData(ID_ROLE, sec)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if r and sec in r.sectors else Qt.CheckState.Unchecked)
            self.sectors.addItem(item)
        for b in (self.rename_button, self.sectors_button, self.delete_button):
            b.setEnabled(r is not None)

    def _checked_sectors(self) -> list[str]:
        return [self.sectors.item(i).data(ID_ROLE) for i in range(self.sectors.count())
                if self.sectors.item(i).checkState() == Qt.CheckState.Checked]

    def _do(self, action: Any) -> None:  # action(session) -> id to keep selected
        try:
            with self._ctx.session() as s:
                keep = action(s)
        except (ValidationFailed, NotFound) as exc:
            self.message.setText(str(exc))
            self.message.show()
            mark(self.name, "invalid", isinstance(exc, ValidationFailed) and any(e.field == "name" for e in exc.errors))
            return
        self.message.hide()
        mark(self.name, "invalid", False)
        self.changed = True
        self._load(keep)

    def add(self) -> None:
        self._do(lambda s: svc.add_specialty(s, self.name.text(), self._checked_sectors(), self._ctx.actor))

    def rename(self) -> None:
        r = self.current()
        if r is not None:
            self._do(lambda s: (svc.rename_specialty(s, r.id, self.name.text(), self._ctx.actor), r.id)[1])

    def save_sectors(self) -> None:
        r = self.current()
        if r is not None:
            self._do(lambda s: (svc.set_specialty_sectors(s, r.id, self._checked_sectors(), self._ctx.actor),
                                r.id)[1])

    def delete(self) -> None:
        r = self.current()
        if r is not None and alerts.confirm(self, self.tr("删除专业领域"),
                                            self.tr("删除专业领域“%1”吗？").replace("%1", r.name)):
            self._do(lambda s: svc.delete_specialty(s, r.id, self._ctx.actor))


# ================================================================================================ detail tabs


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _fill(table: QTableWidget, rows: list[list[str]], ids: list[Any] | None = None) -> None:
    table.clearSelection()
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if ids is not None and c == 0:
                item.setData(ID_ROLE, ids[r])
            table.setItem(r, c, item)


def _selected(table: QTableWidget) -> Any:
    row = table.currentRow()
    if row < 0 or not table.selectionModel().isRowSelected(row, table.rootIndex()):
        return None
    item = table.item(row, 0)
    return item.data(ID_ROLE) if item else None


class _ListTab(QWidget):
    """A table with a row of buttons above it."""

    def __init__(self, headers: list[str], widths: list[int], buttons: list[tuple[str, Any]]) -> None:
        super().__init__()
        self.table = _table(headers)
        for i, w in enumerate(widths):
            self.table.setColumnWidth(i, w)
        row = QHBoxLayout()
        self.buttons: list[QPushButton] = []
        for text, slot in buttons:
            b = QPushButton(text)
            b.clicked.connect(slot)
            row.addWidget(b)
            self.buttons.append(b)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(row)
        lay.addWidget(self.table)


class WorkFileTab(QWidget):
    def __init__(self, page: ExpertsPage) -> None:
        super().__init__()
        self._page = page
        self.year = ValueCombo()
        self.year.add(self.tr("全部年度"), None)
        this = date.today().year
        for y in range(this, this - 6, -1):
            self.year.add(self.tr("%1年").replace("%1", str(y)), y)
        self.year.set_value(this)
        self.figures: dict[str, QLabel] = {}
        box = QGroupBox(self.tr("工作量与评价"))
        grid = QGridLayout(box)
        names = [("visits", self.tr("完成检查")), ("days", self.tr("人·日")), ("hazards", self.tr("发现隐患")),
                 ("rating", self.tr("平均评分")), ("refused", self.tr("拒绝派遣")), ("fees", self.tr("应付劳务费")),
                 ("grade", self.tr("年度考核"))]
        for i, (key, label) in enumerate(names):
            lab = QLabel(label + "：")
            lab.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            val = QLabel("—")
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            r, c = divmod(i, 4)
            grid.addWidget(lab, r, c * 2)
            grid.addWidget(val, r, c * 2 + 1)
            self.figures[key] = val
        for c in (1, 3, 5, 7):
            grid.setColumnStretch(c, 1)
        self.visits = _table([self.tr("日期"), self.tr("类型"), self.tr("检查企业"), self.tr("评分"), self.tr("评价")])
        for i, w in enumerate((96, 110, 420, 64)):
            self.visits.setColumnWidth(i, w)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("年度：")))
        head.addWidget(self.year)
        head.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(head)
        lay.addWidget(box)
        lay.addWidget(self.visits, 1)
        self.year.currentIndexChanged.connect(lambda _i: self._page.show_detail())

    def display(self, wf: svc.WorkFile | None) -> None:
        if wf is None:
            for v in self.figures.values():
                v.setText("—")
            self.visits.setRowCount(0)
            return
        f = self.figures
        f["visits"].setText(self.tr("%1 次").replace("%1", str(wf.visits_done)))
        f["days"].setText(f"{wf.person_days:g}")
        f["hazards"].setText(self.tr("%1 条（重大 %2 条）").replace("%1", str(wf.hazards_found))
                             .replace("%2", str(wf.major_hazards)))
        f["rating"].setText(self.tr("%1 分（%2 次评分）").replace("%1", f"{wf.average_rating:.2f}")
                            .replace("%2", str(len(wf.ratings))) if wf.average_rating is not None else "—")
        f["refused"].setText(self.tr("%1 次").replace("%1", str(wf.refused_count)))
        basis = self.tr("按次") if wf.fee_basis == "visit" else self.tr("按人·日")
        f["fees"].setText(self.tr("%1 元（%2 %3 元）").replace("%1", f"{wf.fees_owed:,.0f}").replace("%2", basis)
                          .replace("%3", f"{wf.fee_rate:g}"))
        f["grade"].setText("；".join(f"{a.year}：{_grade(a.grade)}" for a in wf.assessments) or "—")
        _fill(self.visits, [[_d(v.day), enum_label(VISIT_KIND_LABELS.get(v.kind, v.kind)), v.firms,
                             "" if v.rating is None else str(v.rating), v.remark] for v in wf.visits])


# ================================================================================================ page


class ExpertsPage(QWidget):
    """The 专家库 module page."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._loading = False

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索：姓名、工作单位、电话、职称或拼音首字母（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.specialty = ValueCombo()
        self.status = ValueCombo()
        self.group = ValueCombo()
        for w in (self.specialty, self.group, self.status):
            w.setSizeAdjustPolicy(ValueCombo.SizeAdjustPolicy.AdjustToContents)
        self.count_label = QLabel()
        self.count_label.setObjectName("resultCount")
        self.new_button = QPushButton(self.tr("新建(&N)"))
        self.edit_button = QPushButton(self.tr("编辑"))
        self.status_button = QPushButton(self.tr("停用…"))
        self.status_button.setToolTip(self.tr("暂停、解聘或恢复在库"))
        self.specialties_button = QPushButton(self.tr("专业领域…"))
        self.specialties_button.setToolTip(self.tr("维护专业领域及其覆盖的企业行业"))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.specialty)
        top.addWidget(self.group)
        top.addWidget(self.status)
        top.addWidget(self.count_label)
        for b in (self.new_button, self.edit_button, self.status_button, self.specialties_button):
            top.addWidget(b)
        self.import_button = QPushButton(self.tr("导入Excel…"))
        self.export_button = QPushButton(self.tr("导出Excel…"))
        self.import_button.clicked.connect(lambda: self.import_file())
        self.export_button.clicked.connect(lambda: self.export_file())
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)

        self.model = ExpertTableModel(ctx, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        for i, w in enumerate((80, 64, 200, 84, 100, 218, 112, 180, 56)):
            self.table.setColumnWidth(i, w)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.detail_title = QLabel()
        self.detail_title.setObjectName("resultCount")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.recusal_tab = _ListTab([self.tr("企业"), self.tr("回避原因"), self.tr("具体情况"), self.tr("回避至"),
                                     self.tr("状态")], [280, 400, 200, 96],
                                    [(self.tr("添加回避…"), self.add_recusal), (self.tr("结束回避"), self.end_recusal),
                                     (self.tr("删除"), self.delete_recusal)])
        self.leave_tab = _ListTab([self.tr("开始日期"), self.tr("结束日期"), self.tr("事由")], [110, 110],
                                  [(self.tr("登记…"), self.add_leave), (self.tr("删除"), self.delete_leave)])
        self.work_tab = WorkFileTab(self)
        self.grade_tab = _ListTab([self.tr("年度"), self.tr("考核等次"), self.tr("说明")], [80, 100],
                                  [(self.tr("登记…"), self.add_grade), (self.tr("删除"), self.delete_grade)])
        self.tabs.addTab(self.recusal_tab, self.tr("回避"))
        self.tabs.addTab(self.leave_tab, self.tr("请假/不可用"))
        self.tabs.addTab(self.work_tab, self.tr("工作档案"))
        self.tabs.addTab(self.grade_tab, self.tr("年度考核"))
        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 4, 0, 0)
        dl.addWidget(self.detail_title)
        dl.addWidget(self.tabs, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 360])

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.splitter, 1)

        self._fill_combos()
        self.search.textChanged.connect(self.apply_filter)
        self.specialty.currentIndexChanged.connect(self.apply_filter)
        self.status.currentIndexChanged.connect(self.apply_filter)
        self.group.currentIndexChanged.connect(self.apply_filter)
        self.specialties_button.clicked.connect(self.manage_specialties)
        self.new_button.clicked.connect(self.new_expert)
        self.edit_button.clicked.connect(self.edit_expert)
        self.status_button.clicked.connect(self.change_status)
        self.table.activated.connect(lambda _i: self.edit_expert())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())
        QShortcut(QKeySequence("Ctrl+F"), self, activated=lambda: (self.search.setFocus(), self.search.selectAll()))
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new_expert)
        self.apply_filter()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("experts/splitter", self.splitter.saveState())
        settings.setValue("experts/header", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        for key, target in (("experts/splitter", self.splitter), ("experts/header", self.table.horizontalHeader())):
            state = settings.value(key)
            if state is not None:
                target.restoreState(state)

    # ------------------------------------------------------------------ list

    def _fill_combos(self) -> None:
        chosen = (self.specialty.value(), self.status.value(), self.group.value())
        self._loading = True
        with self._ctx.session() as s:
            specs = svc.specialties(s)
            groups = svc.groups(s)
        self.specialty.clear()
        self.specialty.add(self.tr("全部专业领域"), None)
        for sp in specs:
            self.specialty.add(sp.name, sp.id)
        self.status.clear()
        self.status.add(self.tr("全部状态"), None)
        for code, label in PERSON_STATUS_LABELS.items():
            self.status.add(enum_label(label), code)
        self.group.clear()
        self.group.add(self.tr("全部专家组"), None)
        for g in groups:
            self.group.add(g, g)
        self.specialty.set_value(chosen[0])
        self.status.set_value(chosen[1])
        self.group.set_value(chosen[2])
        self._loading = False

    def current_filter(self) -> svc.ExpertFilter:
        return svc.ExpertFilter(text=self.search.text(), specialty_id=self.specialty.value(),
                                status=self.status.value(), group_name=self.group.value())

    def apply_filter(self) -> None:
        if self._loading:
            return
        keep = self.selected_id()
        self.model.set_filter(self.current_filter())
        self.count_label.setText(self.tr("共 %n 名", "", self.model.rowCount()))
        self.select(keep)
        self.show_detail()

    def reload(self) -> None:
        self._fill_combos()
        self.apply_filter()

    def selected_id(self) -> uuid.UUID | None:
        idx = self.table.currentIndex()
        return idx.data(ID_ROLE) if idx.isValid() else None

    def select(self, expert_id: uuid.UUID | None) -> None:
        row = self.model.row_of(expert_id) if expert_id is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table.selectRow(row)

    def new_expert(self) -> None:
        new_id = ExpertDialog.edit(self, self._ctx)
        if new_id is not None:
            self.reload()
            self.select(new_id)

    def import_file(self, path: str | None = None) -> object | None:
        """Import experts from an .xlsx file (asks for it when ``path`` is None); the ImportResult, or None."""
        from PySide6.QtWidgets import QFileDialog

        from models.services import expert_excel
        from models.services.errors import ServiceError

        title = self.tr("导入专家")
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, title, "", self.tr("Excel 工作簿 (*.xlsx)"))
            if not path:
                return None
        try:
            with self._ctx.session() as s:
                plan = expert_excel.read_workbook(s, path)
                if plan.problems:
                    lines = [self.tr("第{n}行 {column}：{reason}").format(n=p.row_number, column=p.column,
                                                                         reason=p.reason) for p in plan.problems[:20]]
                    more = self.tr("……共 {n} 个问题").format(n=len(plan.problems)) if len(plan.problems) > 20 else ""
                    text = self.tr("文件中有 {bad} 行存在问题，{good} 行正确：").format(
                        bad=plan.bad_count, good=plan.good_count) + "\n" + "\n".join(lines + ([more] if more else []))
                    if not plan.good_count:
                        alerts.error(self, title, text)
                        return None
                    if not alerts.confirm(self, title, text + "\n\n" + self.tr("仅导入正确的行？")):
                        return None
                result = expert_excel.apply(s, plan, self._ctx.actor, only_good_rows=True)
        except ServiceError as exc:
            alerts.error(self, title, str(exc))
            return None
        self.reload()
        alerts.info(self, title, self.tr("新增 {c} 名，更新 {u} 名，未变 {n} 名，跳过有问题的 {k} 行。").format(
            c=result.created, u=result.updated, n=result.unchanged, k=result.skipped))
        return result

    def export_file(self, path: str | None = None) -> int | None:
        """Write the filtered list to an .xlsx file (asks for it when ``path`` is None); the number written."""
        from PySide6.QtWidgets import QFileDialog

        from models.services import expert_excel
        from models.services.errors import ServiceError

        title = self.tr("导出专家名单")
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, title, self.tr("专家名单.xlsx"), self.tr("Excel 工作簿 (*.xlsx)"))
            if not path:
                return None
            path = path if path.lower().endswith(".xlsx") else path + ".xlsx"
        try:
            with self._ctx.session() as s:
                n = expert_excel.export(s, self.current_filter(), path)
        except ServiceError as exc:
            alerts.error(self, title, str(exc))
            return None
        alerts.info(self, title, self.tr("已导出 {n} 名专家到：\n{path}").format(n=n, path=path))
        return n

    def edit_expert(self) -> None:
        eid = self.selected_id()
        if eid is not None and ExpertDialog.edit(self, self._ctx, eid) is not None:
            self.reload()
            self.select(eid)

    def manage_specialties(self) -> None:
        if SpecialtiesDialog.manage(self, self._ctx):
            self.reload()

    def change_status(self) -> None:
        eid = self.selected_id()
        if eid is not None and StatusDialog.ask(self, self._ctx, eid) is not None:
            self.reload()
            self.select(eid)

    # ------------------------------------------------------------------ detail

    def show_detail(self) -> None:
        eid = self.selected_id()
        row = self.model.row_at(self.table.currentIndex().row()) if eid is not None else None
        has = row is not None
        for b in (self.edit_button, self.status_button, *self.recusal_tab.buttons, *self.leave_tab.buttons,
                  *self.grade_tab.buttons):
            b.setEnabled(has)
        if row is None:
            self.detail_title.setText(self.tr("未选择专家"))
            for t in (self.recusal_tab.table, self.leave_tab.table, self.grade_tab.table):
                t.setRowCount(0)
            self.work_tab.display(None)
            return
        today = date.today()
        with self._ctx.session() as s:
            recs = svc.recusals(s, row.id, today)
            leave = svc.unavailabilities(s, row.id)
            grades = svc.assessments(s, row.id)
            wf = svc.work_file(s, row.id, self.work_tab.year.value())
            why_not = svc.unavailable_reason(s, row.id, today)
        state = self.tr("今日可派") if why_not is None else self.tr("今日不可派：%1").replace("%1", why_not)
        self.detail_title.setText(f"{row.name}　{row.title}　{row.employer}　·　{state}")
        _fill(self.recusal_tab.table, [[r.enterprise, r.reason, r.detail, _d(r.until) or self.tr("长期"),
                                         self.tr("有效") if r.active else self.tr("已结束")] for r in recs],
              [r.id for r in recs])
        _fill(self.leave_tab.table, [[_d(u.start), _d(u.end), u.reason] for u in leave], [u.id for u in leave])
        _fill(self.grade_tab.table, [[str(a.year), _grade(a.grade), a.remark] for a in grades], [a.id for a in grades])
        self.work_tab.display(wf)

    def add_recusal(self) -> None:
        eid = self.selected_id()
        if eid is not None and RecusalDialog.add(self, self._ctx, eid) is not None:
            self.show_detail()

    def end_recusal(self) -> None:
        rid = _selected(self.recusal_tab.table)
        if rid is not None and alerts.confirm(self, self.tr("结束回避"), self.tr("所选回避自今天起结束，确定吗？")):
            with self._ctx.session() as s:
                svc.end_recusal(s, rid, date.today(), self._ctx.actor)
            self.show_detail()

    def delete_recusal(self) -> None:
        rid = _selected(self.recusal_tab.table)
        if rid is not None and alerts.confirm(self, self.tr("删除回避"),
                                              self.tr("删除所选回避记录吗？（登记有误时使用；回避到期请用“结束回避”）")):
            with self._ctx.session() as s:
                svc.delete_recusal(s, rid, self._ctx.actor)
            self.show_detail()

    def add_leave(self) -> None:
        eid = self.selected_id()
        if eid is not None and UnavailabilityDialog.add(self, self._ctx, eid) is not None:
            self.show_detail()

    def delete_leave(self) -> None:
        uid = _selected(self.leave_tab.table)
        if uid is not None and alerts.confirm(self, self.tr("删除"), self.tr("删除所选请假/不可用时段吗？")):
            with self._ctx.session() as s:
                svc.delete_unavailability(s, uid, self._ctx.actor)
            self.show_detail()

    def add_grade(self) -> None:
        eid = self.selected_id()
        if eid is not None and AssessmentDialog.add(self, self._ctx, eid) is not None:
            self.show_detail()

    def delete_grade(self) -> None:
        aid = _selected(self.grade_tab.table)
        if aid is not None and alerts.confirm(self, self.tr("删除"), self.tr("删除所选年度考核记录吗？")):
            with self._ctx.session() as s:
                svc.delete_assessment(s, aid, self._ctx.actor)
            self.show_detail()


# Grades are stored in Chinese (experts.GRADES) and shown through _grade(); marked here for lupdate.
_GRADE_MARKS = [QT_TRANSLATE_NOOP("ExpertsPage", "优秀"), QT_TRANSLATE_NOOP("ExpertsPage", "称职"),
                QT_TRANSLATE_NOOP("ExpertsPage", "不称职")]
