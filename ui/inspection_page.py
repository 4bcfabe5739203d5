"""The on-site inspection screen (现场检查): one firm of one visit, recorded on a laptop, keyboard first.

Tabs: 检查表 (items: 1 符合 · 2 不符合 · 3 不适用 · 0 clears; Enter writes a note), 隐患 (the firm's hazards from
this visit; Ctrl+N adds one, the description searches the hazard library as you type), 检查情况与专家建议, and for a
camphor-oil entry check 准入结论. Alt+1…4 switch tabs; Ctrl+Enter finishes.

Nothing here has a 保存 button: every field is stored when it is left and 0.7 s after typing stops (ui/autosave.py),
each change in its own transaction through models/services/inspection.py. Reopening shows the record as it was left.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.enums import (
    DOCUMENT_KIND_LABELS,
    ENTRY_LABELS,
    HAZARD_CATEGORIES,
    OUTCOME_LABELS,
    SEVERITY_LABELS,
    VISIT_KIND_LABELS,
    DocumentKind,
    EntryStatus,
    MemberRole,
    Outcome,
    Severity,
)
from models.services import inspection as svc
from models.services import photos as photo_svc
from models.services.errors import ServiceError
from ui import alerts
from ui.autosave import AutoSaver
from ui.context import AppContext
from ui.hazard_library import HazardLibraryDialog, LibraryCompleter, PhrasePicker, count_use, library_search
from ui.labels import enum_label
from ui.photo_strip import PhotoStrip, PhotoViewer, captured_photo, prepare_photos
from ui.widgets import OptionalDateEdit, ValueCombo, mark

OUTCOME_KEYS = {Qt.Key.Key_1: Outcome.PASS, Qt.Key.Key_2: Outcome.FAIL, Qt.Key.Key_3: Outcome.NOT_APPLICABLE}
_OUTCOME_COLOURS = {Outcome.PASS: QColor("#2e7d32"), Outcome.FAIL: QColor("#c62828"),
                    Outcome.NOT_APPLICABLE: QColor("#757575")}


# ------------------------------------------------------------------------------------------------ checklist


class ChecklistModel(QAbstractTableModel):
    COLUMNS = ("序号", "检查内容", "结果", "备注", "隐患")
    ItemIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[svc.ItemRow] = []
        self._templates: dict[uuid.UUID, svc.TemplateRef] = {}
        self._hazard_seq: dict[uuid.UUID, tuple[int, str]] = {}

    def set_data(self, data: svc.InspectionData) -> None:
        same = [i.item_id for i in self._items] == [i.item_id for i in data.items]
        self._templates = {t.id: t for t in data.templates}
        self._hazard_seq = {h.id: (h.seq, h.severity) for h in data.hazards}
        if same:
            self._items = list(data.items)
            if self._items:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, len(self.COLUMNS) - 1))
            return
        self.beginResetModel()
        self._items = list(data.items)
        self.endResetModel()

    def item(self, row: int) -> svc.ItemRow | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, item_id: uuid.UUID) -> int:
        return next((n for n, i in enumerate(self._items) if i.item_id == item_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section]) if 0 <= section < len(self.COLUMNS) else None
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        it = self._items[index.row()]
        col = index.column()
        if role == self.ItemIdRole:
            return it.item_id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                t = self._templates.get(it.template_id)
                return f"{t.name[:2] if t else ''}{it.seq}"
            if col == 1:
                return ("★ " if it.is_major_criterion else "") + it.text
            if col == 2:
                return enum_label(OUTCOME_LABELS[it.outcome]) if it.outcome else "—"
            if col == 3:
                text = it.note.replace("\n", " ")
                if it.photo_ids:
                    text = self.tr("照片%n张", "", len(it.photo_ids)) + (" · " + text if text else "")
                return text
            if col == 4 and it.hazard_id and it.hazard_id in self._hazard_seq:
                seq, sev = self._hazard_seq[it.hazard_id]
                return self.tr("隐患%1").replace("%1", str(seq)) + (
                    self.tr("（重大）") if sev == Severity.MAJOR else "")
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col == 2 and it.outcome:
            return _OUTCOME_COLOURS.get(it.outcome)
        if role == Qt.ItemDataRole.ToolTipRole:
            t = self._templates.get(it.template_id)
            lines = [it.text]
            if it.basis:
                lines.append(self.tr("依据：") + it.basis)
            if t:
                rev = self.tr("第%1版").replace("%1", str(t.revision))
                lines.append(f"{t.name}（{rev}）")
            if it.is_major_criterion:
                lines.append(self.tr("★ 重大事故隐患判定项"))
            return "\n".join(lines)
        return None


class ChecklistView(QTableView):
    """1 符合 · 2 不符合 · 3 不适用 · 0 / Backspace clears, each moving on to the next item; Enter: write a note."""

    outcomeKey = Signal(int, object)  # row, Outcome | None
    noteRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        row = self.currentIndex().row()
        if mods == Qt.KeyboardModifier.NoModifier and row >= 0:
            if key in OUTCOME_KEYS:
                self.outcomeKey.emit(row, OUTCOME_KEYS[Qt.Key(key)])
                return
            if key in (Qt.Key.Key_0, Qt.Key.Key_Backspace):
                self.outcomeKey.emit(row, None)
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.noteRequested.emit()
                return
        super().keyPressEvent(event)


# ------------------------------------------------------------------------------------------------ finishing


class FinishDialog(QDialog):
    """The summary before finishing: counts, and what still blocks it."""

    def __init__(self, result: svc.Summary, firm: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("完成检查"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(f"<b>{firm}</b>"))
        form = QFormLayout()
        form.addRow(self.tr("检查项"), QLabel(self.tr("共 %1 项：符合 %2，不符合 %3，不适用 %4，未判定 %5")
                                            .replace("%1", str(result.items_total)).replace("%2", str(result.passed))
                                            .replace("%3", str(result.failed))
                                            .replace("%4", str(result.not_applicable))
                                            .replace("%5", str(result.unchecked))))
        form.addRow(self.tr("隐患"), QLabel(self.tr("共 %1 项：一般 %2，重大 %3；立即整改 %4")
                                          .replace("%1", str(result.hazards))
                                          .replace("%2", str(result.hazards_general))
                                          .replace("%3", str(result.hazards_major))
                                          .replace("%4", str(result.rectified_on_site))))
        lay.addLayout(form)
        if result.problems:
            problems = QLabel(self.tr("还不能完成，请先补全：") + "\n" + "\n".join(f"· {p}" for p in result.problems))
            problems.setWordWrap(True)
            problems.setProperty("role", "error")
            lay.addWidget(problems)
        else:
            lay.addWidget(QLabel(self.tr("记录完整。完成后该企业的检查记录将锁定，隐患进入整改跟踪。")))
        buttons = QDialogButtonBox()
        if not result.problems:
            ok = buttons.addButton(self.tr("完成检查"), QDialogButtonBox.ButtonRole.AcceptRole)
            ok.setDefault(True)
        buttons.addButton(self.tr("返回修改") if result.problems else self.tr("取消"),
                          QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, result: svc.Summary, firm: str) -> bool:
        """True when the user confirmed finishing (never when something blocks it). Tests patch this."""
        return cls(result, firm, parent).exec() == QDialog.DialogCode.Accepted and not result.problems


class ChecklistChooser(QDialog):
    """Tick the checklists this visit uses (all its firms; each firm sees those that suit its sector)."""

    def __init__(self, templates: list[Any], chosen: set[uuid.UUID], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("选择检查表"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("本次检查使用的检查表（空格勾选）：")))
        self.list = QListWidget()
        for t in templates:
            sectors = "、".join(t.sectors) if t.sectors else self.tr("各行业")
            rev = self.tr("第%1版").replace("%1", str(t.revision))
            item = QListWidgetItem(f"{t.name}（{rev}，{sectors}）")
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if t.id in chosen else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        lay.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.list.setCurrentRow(0)

    def chosen(self) -> list[uuid.UUID]:
        return [self.list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.list.count())
                if self.list.item(n).checkState() == Qt.CheckState.Checked]

    @classmethod
    def choose(cls, parent: QWidget | None, templates: list[Any], chosen: set[uuid.UUID]) -> list[uuid.UUID] | None:
        """The ticked template ids, or None when cancelled. Tests patch this."""
        dlg = cls(templates, chosen, parent)
        return dlg.chosen() if dlg.exec() == QDialog.DialogCode.Accepted else None


def ask_reopen_reason(parent: QWidget | None) -> str | None:
    """The reason for correcting a finished record, or None when cancelled. Tests patch this."""
    text, ok = QInputDialog.getText(parent, QCoreApplication.translate("InspectionPage", "重新打开检查"),
                                    QCoreApplication.translate("InspectionPage", "更正已完成的检查记录的原因："))
    return text if ok else None


# ------------------------------------------------------------------------------------------------ the page


class InspectionPage(QWidget):
    """Records one firm of one visit. ``open_stop(stop_id)``; ``finished`` when the firm is marked done."""

    finished = Signal(object)  # stop id
    changed = Signal(object)  # stop id: something was stored (lists elsewhere may refresh)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: svc.InspectionData | None = None
        self._hazard_id: uuid.UUID | None = None
        self.saver = AutoSaver(self)
        self.saver.saved.connect(lambda t: self._status(self.tr("已自动保存 %1").replace("%1", t)))
        self.saver.failed.connect(lambda m: self._status(m, error=True))

        self.title = QLabel()
        self.title.setObjectName("inspectionTitle")
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName("saveState")
        self.recorder = ValueCombo()
        self.recorder.setSizeAdjustPolicy(ValueCombo.SizeAdjustPolicy.AdjustToContents)  # whole names, not "叶超（专"
        self.recorder.setToolTip(self.tr("记录人：新发现的隐患记在此人名下"))
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.info)
        head.addLayout(titles, 1)
        rec = QLabel(self.tr("记录人(&R)"))
        rec.setBuddy(self.recorder)
        head.addWidget(rec)
        head.addWidget(self.recorder)

        # Reusable phrases: Ctrl+Space or F4 in the text fields (ui/hazard_library.py).
        self.phrases = PhrasePicker(library_search(ctx, kind="phrase", limit=100), self)
        self.phrases.inserted.connect(lambda entry: count_use(ctx, entry))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_checklist(), self.tr("检查表"))
        self.tabs.addTab(self._build_hazards(), self.tr("隐患"))
        self.tabs.addTab(self._build_record(), self.tr("检查情况与专家建议"))
        self.entry_tab = self._build_entry()
        self.tabs.addTab(self.entry_tab, self.tr("准入结论"))

        self.finish_button = QPushButton(self.tr("完成检查…"))
        self.finish_button.setToolTip(self.tr("Ctrl+Enter"))
        self.finish_button.clicked.connect(self.finish)
        self.reopen_button = QPushButton(self.tr("重新打开…"))
        self.reopen_button.clicked.connect(self.reopen)
        self.documents_button = QPushButton(self.tr("制作文书"))
        self.documents_button.setToolTip(self.tr("为该企业制作现场检查记录、责令限期整改指令书等执法文书"))
        docs_menu = QMenu(self.documents_button)
        for code in (DocumentKind.INSPECTION_RECORD, DocumentKind.RECTIFICATION_ORDER, DocumentKind.ONSITE_DECISION,
                     DocumentKind.SEIZURE_DECISION):
            docs_menu.addAction(enum_label(DOCUMENT_KIND_LABELS[code]) + "…",
                                lambda code=code: self.compose_document(code))
        self.documents_button.setMenu(docs_menu)
        bottom = QHBoxLayout()
        bottom.addWidget(self.state, 1)
        bottom.addWidget(self.documents_button)
        bottom.addWidget(self.reopen_button)
        bottom.addWidget(self.finish_button)

        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(self.tabs, 1)
        lay.addLayout(bottom)

        for n in range(4):
            # Alt, not Ctrl: Ctrl+1… switch the main window's modules.
            QShortcut(QKeySequence(f"Alt+{n + 1}"), self, activated=lambda n=n: self._show_tab(n))
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, activated=self.finish)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new_hazard)
        QShortcut(QKeySequence("Ctrl+H"), self, activated=self.go_to_item_hazard)
        self.recorder.currentIndexChanged.connect(self._recorder_changed)
        self.setEnabled(False)

    # ---------------------------------------------------------------------------------------------- building

    def _build_checklist(self) -> QWidget:
        self.model = ChecklistModel(self)
        self.view = ChecklistView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setVisible(False)
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for c in (0, 2, 3, 4):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.view.outcomeKey.connect(self._outcome_key)
        self.view.noteRequested.connect(lambda: self.note.setFocus())
        self.view.selectionModel().currentRowChanged.connect(self._item_changed)

        self.item_text = QLabel()
        self.item_text.setWordWrap(True)
        self.item_text.setObjectName("itemText")
        self.item_basis = QLabel()
        self.item_basis.setWordWrap(True)
        self.item_basis.setProperty("role", "hint")
        self.outcome_buttons = QButtonGroup(self)
        self.outcome_buttons.setExclusive(False)
        row = QHBoxLayout()
        for n, (code, label) in enumerate(OUTCOME_LABELS.items(), start=1):
            b = QPushButton(f"{enum_label(label)} ({n})")
            b.setCheckable(True)
            b.setProperty("outcome", code)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys 1/2/3 in the list are the keyboard way
            self.outcome_buttons.addButton(b, n)
            row.addWidget(b)
        self.outcome_buttons.idClicked.connect(self._outcome_clicked)
        self.hazard_link = QPushButton(self.tr("转到隐患 (Ctrl+H)"))
        self.hazard_link.clicked.connect(self.go_to_item_hazard)
        row.addWidget(self.hazard_link)
        row.addStretch(1)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("备注（离开或停止输入后自动保存；Esc 回到检查表）"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        self.saver.watch_text(self.note, self._store_note)
        self.phrases.attach(self.note)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.note, activated=lambda: self.view.setFocus(),
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.item_photos = PhotoStrip()
        self.item_photos.filesChosen.connect(lambda paths: self._add_photos(paths, self._attach_item_photos))
        self.item_photos.imageCaptured.connect(lambda data: self._add_captured(data, self._attach_item_photos))
        self.item_photos.removeRequested.connect(self._remove_item_photo)
        self.item_photos.openRequested.connect(self._view_photo)

        detail = QWidget()
        d = QVBoxLayout(detail)
        d.addWidget(self.item_text)
        d.addWidget(self.item_basis)
        d.addLayout(row)
        d.addWidget(self.note)
        d.addWidget(self.item_photos)
        self.unchecked_na = QPushButton(self.tr("其余未检项设为不适用"))
        self.unchecked_na.clicked.connect(self._rest_not_applicable)
        self.choose_button = QPushButton(self.tr("检查表…"))
        self.choose_button.setToolTip(self.tr("选择本次检查使用的检查表"))
        self.choose_button.clicked.connect(self.choose_checklists)
        self.progress = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        top.addWidget(self.choose_button)
        top.addWidget(self.unchecked_na)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        return w

    def _build_hazards(self) -> QWidget:
        self.hazard_list = QListWidget()
        self.hazard_list.setWordWrap(True)
        self.hazard_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.hazard_list.currentItemChanged.connect(self._hazard_selected)
        self.add_hazard_button = QPushButton(self.tr("新增隐患 (Ctrl+N)"))
        self.add_hazard_button.clicked.connect(self.new_hazard)
        self.delete_hazard_button = QPushButton(self.tr("删除隐患"))
        self.delete_hazard_button.clicked.connect(self.delete_hazard)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.hazard_list, 1)
        lb = QHBoxLayout()
        lb.addWidget(self.add_hazard_button)
        lb.addWidget(self.delete_hazard_button)
        ll.addLayout(lb)

        self.h_description = QPlainTextEdit()
        self.h_description.setPlaceholderText(self.tr("输入关键字即可从隐患库中选择标准描述（↓ 选择，Enter 采用）"))
        self.h_description.setTabChangesFocus(True)
        self.h_description.setMaximumHeight(80)
        self.h_location = QLineEdit()
        self.h_location.setMaxLength(100)
        self.h_category = QComboBox()
        self.h_category.setEditable(True)
        self.h_category.addItems(list(HAZARD_CATEGORIES))
        self.h_severity = ValueCombo()
        for code, label in SEVERITY_LABELS.items():
            self.h_severity.add(enum_label(label), code)
        self.h_basis = QLineEdit()
        self.h_measure = QPlainTextEdit()
        self.h_measure.setTabChangesFocus(True)
        self.h_measure.setMaximumHeight(70)
        self.h_deadline = OptionalDateEdit()
        self.h_responsible = QLineEdit()
        self.h_responsible.setMaxLength(40)
        self.h_found_by = ValueCombo()
        self.h_on_site = QCheckBox(self.tr("已立即整改（当场整改完毕，需整改后照片）"))
        self.h_photos = PhotoStrip()
        self.h_after = PhotoStrip()
        self.h_photos.filesChosen.connect(lambda p: self._add_photos(p, self._attach_hazard("before")))
        self.h_photos.imageCaptured.connect(lambda d: self._add_captured(d, self._attach_hazard("before")))
        self.h_photos.removeRequested.connect(lambda pid: self._remove_hazard_photo(pid, "before"))
        self.h_photos.openRequested.connect(self._view_photo)
        self.h_after.filesChosen.connect(lambda p: self._add_photos(p, self._attach_hazard("after")))
        self.h_after.imageCaptured.connect(lambda d: self._add_captured(d, self._attach_hazard("after")))
        self.h_after.removeRequested.connect(lambda pid: self._remove_hazard_photo(pid, "after"))
        self.h_after.openRequested.connect(self._view_photo)

        s = self.saver
        s.watch_text(self.h_description, lambda v: self._store_hazard("description", v))
        s.watch_line(self.h_location, lambda v: self._store_hazard("location", v))
        s.watch_combo(self.h_category, lambda v: self._store_hazard("category", v), editable_text=True)
        s.watch_combo(self.h_severity, lambda v: self._store_hazard("severity", v))
        s.watch_line(self.h_basis, lambda v: self._store_hazard("basis", v))
        s.watch_text(self.h_measure, lambda v: self._store_hazard("measure", v))
        s.watch_date(self.h_deadline, lambda v: self._store_hazard("deadline", v))
        s.watch_line(self.h_responsible, lambda v: self._store_hazard("responsible_person", v))
        s.watch_combo(self.h_found_by, self._store_found_by)
        s.watch_check(self.h_on_site, lambda v: self._store_hazard("rectified_on_site", v))
        for editor in (self.h_location, self.h_measure):
            self.phrases.attach(editor)
        self.h_on_site.toggled.connect(lambda on: self.h_after.setEnabled(on))

        self.completer = LibraryCompleter(self.h_description, self._search_library, parent=self)
        self.completer.chosen.connect(self._library_chosen)
        self.library_button = QPushButton(self.tr("隐患库…"))
        self.library_button.setToolTip(self.tr("查看、补充标准隐患描述和常用语"))
        self.library_button.clicked.connect(lambda: HazardLibraryDialog.manage(self, self.ctx))
        lb.addWidget(self.library_button)

        form = QFormLayout()
        rows: list[tuple[str, QWidget]] = [
            (self.tr("隐患描述(&D)"), self.h_description), (self.tr("隐患部位(&L)"), self.h_location),
            (self.tr("隐患类别"), self.h_category), (self.tr("隐患等级(&G)"), self.h_severity),
            (self.tr("判定依据(&B)"), self.h_basis), (self.tr("整改措施(&M)"), self.h_measure),
            (self.tr("整改期限(&T)"), self.h_deadline), (self.tr("企业责任人(&P)"), self.h_responsible),
            (self.tr("发现人"), self.h_found_by), ("", self.h_on_site),
            (self.tr("隐患照片"), self.h_photos), (self.tr("整改后照片"), self.h_after),
        ]
        for label, widget in rows:
            if label:
                lab = QLabel(label)
                lab.setBuddy(widget)
                form.addRow(lab, widget)
            else:
                form.addRow(widget)
        self.hazard_form = QWidget()
        self.hazard_form.setLayout(form)
        scroll = QScrollArea()  # a laptop screen is short: the photo strips scroll into view
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.hazard_form)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(scroll)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        return split

    def _build_record(self) -> QWidget:
        self.place = QLineEdit()
        self.place.setMaxLength(200)
        self.summary_text = QPlainTextEdit()
        self.summary_text.setTabChangesFocus(True)
        self.advice = QPlainTextEdit()
        self.advice.setTabChangesFocus(True)
        self.advice.setPlaceholderText(self.tr("专家建议：不属于隐患的改进意见（例如管理提升、培训建议）"))
        self.saver.watch_line(self.place, lambda v: self._store_stop("place", v))
        self.saver.watch_text(self.summary_text, lambda v: self._store_stop("summary", v))
        self.saver.watch_text(self.advice, lambda v: self._store_stop("expert_advice", v))
        for editor in (self.place, self.summary_text, self.advice):
            self.phrases.attach(editor)
        form = QFormLayout()
        for label, widget in ((self.tr("检查场所(&S)"), self.place), (self.tr("检查情况(&I)"), self.summary_text),
                              (self.tr("专家建议(&A)"), self.advice)):
            lab = QLabel(label)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        w = QWidget()
        w.setLayout(form)
        return w

    def _build_entry(self) -> QWidget:
        self.halt_ref = QPlainTextEdit()
        self.halt_ref.setTabChangesFocus(True)
        self.halt_ref.setPlaceholderText(self.tr("原停产停业决定（文号、日期、内容）"))
        self.evidence = QPlainTextEdit()
        self.evidence.setTabChangesFocus(True)
        self.evidence.setPlaceholderText(self.tr("企业提交的整改材料（安全设施“三同时”、检测报告等）"))
        self.verdict = ValueCombo()
        self.verdict.add(self.tr("（未下结论）"), None)
        for code in (EntryStatus.ADMITTED, EntryStatus.RECHECK, EntryStatus.REFUSED):
            self.verdict.add(enum_label(ENTRY_LABELS[code]), code)
        self.verdict_reasons = QPlainTextEdit()
        self.verdict_reasons.setTabChangesFocus(True)
        self.verdict_reasons.setPlaceholderText(self.tr("结论理由（整改后复查、不予准入时必填）"))
        self.saver.watch_text(self.halt_ref, lambda v: self._store_stop("entry_halt_ref", v))
        self.saver.watch_text(self.evidence, lambda v: self._store_stop("entry_evidence", v))
        self.saver.watch_combo(self.verdict, lambda _v: self._store_verdict())
        self.saver.watch_text(self.verdict_reasons, lambda _v: self._store_verdict())
        form = QFormLayout()
        for label, widget in ((self.tr("原停产决定"), self.halt_ref), (self.tr("整改材料"), self.evidence),
                              (self.tr("准入结论(&V)"), self.verdict), (self.tr("结论理由"), self.verdict_reasons)):
            lab = QLabel(label)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        w = QWidget()
        w.setLayout(form)
        return w

    # ---------------------------------------------------------------------------------------------- loading

    def open_stop(self, stop_id: uuid.UUID) -> bool:
        """Show the firm's record; False (with a message) when it cannot be opened."""
        self.saver.flush()
        try:
            with self.ctx.session() as s:
                data = svc.open_inspection(s, stop_id)
        except ServiceError as exc:
            alerts.warning(self, self.tr("现场检查"), str(exc))
            return False
        self._hazard_id = None
        self._show(data, keep_row=False)
        self.setEnabled(True)
        self.view.setFocus()
        return True

    def _reload(self, keep_row: bool = True) -> None:
        if self.data is None:
            return
        with self.ctx.session() as s:
            data = svc.open_inspection(s, self.data.stop_id)
        self._show(data, keep_row=keep_row)

    def _show(self, data: svc.InspectionData, keep_row: bool) -> None:
        row = self.view.currentIndex().row() if keep_row else 0
        self.data = data
        kind = enum_label(VISIT_KIND_LABELS.get(data.visit_kind, data.visit_kind))
        self.title.setText(data.enterprise_name + (self.tr("（已完成）") if data.done else ""))
        people = "、".join(p.name for p in data.people)
        rev = self.tr("第%1版")
        templates = "；".join(f"{t.name}（{rev.replace('%1', str(t.revision))}）"
                             for t in data.templates)
        self.info.setText(f"{data.day:%Y-%m-%d} · {kind} · {data.address} · {people}\n"
                          + self.tr("检查表：") + (templates or self.tr("无")))
        with self.saver.loading():
            current = self.recorder.value()
            self.recorder.clear()
            self.h_found_by.clear()
            self.h_found_by.add(self.tr("（未指定）"), None)
            for p in data.people:
                role = self.tr("专家") if p.role == MemberRole.EXPERT else self.tr("执法人员")
                self.recorder.add(f"{p.name}（{role}）", p)
                self.h_found_by.add(f"{p.name}（{role}）", p.id)
            by_name = next((p for p in data.people if p.name == data.recorded_by), None)
            if not self.recorder.set_value(current) and by_name is not None:
                self.recorder.set_value(by_name)
            self.model.set_data(data)
            self.place.setText(data.place)
            self.summary_text.setPlainText(data.summary)
            self.advice.setPlainText(data.expert_advice)
            self.halt_ref.setPlainText(data.entry_halt_ref)
            self.evidence.setPlainText(data.entry_evidence)
            self.verdict.set_value(data.entry_verdict)
            self.verdict_reasons.setPlainText(data.entry_reasons)
        self.tabs.setTabVisible(3, data.is_entry_check)
        self._fill_hazard_list(reload_form=True)
        if self.model.rowCount() and self.view.currentIndex().row() != min(row, self.model.rowCount() - 1):
            self.view.setCurrentIndex(self.model.index(min(max(row, 0), self.model.rowCount() - 1), 1))
        else:
            self._item_changed(self.view.currentIndex())
        self._update_progress()
        self._apply_lock()

    def _apply_lock(self) -> None:
        done = bool(self.data and self.data.done)
        for w in (self.note, self.h_description, self.h_location, self.h_basis, self.h_measure, self.h_responsible,
                  self.place, self.summary_text, self.advice, self.halt_ref, self.evidence, self.verdict_reasons):
            if isinstance(w, QPlainTextEdit | QLineEdit):
                w.setReadOnly(done)
        for w in (self.h_category, self.h_severity, self.h_deadline, self.h_found_by, self.h_on_site, self.verdict,
                  self.add_hazard_button, self.delete_hazard_button, self.unchecked_na, self.finish_button,
                  self.choose_button):
            w.setEnabled(not done)
        for b in self.outcome_buttons.buttons():
            b.setEnabled(not done)
        for strip in (self.item_photos, self.h_photos, self.h_after):
            strip.set_read_only(done)
        self.reopen_button.setVisible(done)

    def _update_progress(self) -> None:
        if self.data is None:
            return
        done = sum(1 for i in self.data.items if i.outcome)
        fails = sum(1 for i in self.data.items if i.outcome == Outcome.FAIL)
        self.progress.setText(self.tr("已判定 %1 / %2 项，不符合 %3 项；隐患 %4 项 · 1 符合  2 不符合  3 不适用  0 清除")
                              .replace("%1", str(done)).replace("%2", str(len(self.data.items)))
                              .replace("%3", str(fails)).replace("%4", str(len(self.data.hazards))))
        self.tabs.setTabText(1, self.tr("隐患（%1）").replace("%1", str(len(self.data.hazards))))

    def _status(self, text: str, error: bool = False) -> None:
        self.state.setText(text)
        mark(self.state, "role", "error" if error else "")

    def _show_tab(self, n: int) -> None:
        if self.tabs.isTabVisible(n):
            self.tabs.setCurrentIndex(n)
            target = {0: self.view, 1: self.hazard_list, 2: self.place, 3: self.halt_ref}[n]
            target.setFocus()

    # ---------------------------------------------------------------------------------------------- storing

    def _write(self, fn: Callable[[Any], Any]) -> Any:
        """One change in its own transaction; ServiceError is raised for the autosaver (or shown)."""
        with self.ctx.session() as s:
            result = fn(s)
        if self.data is not None:
            self.changed.emit(self.data.stop_id)
        return result

    def _try(self, fn: Callable[[Any], Any]) -> tuple[bool, Any]:
        """(True, result), or (False, None) after showing the refusal in the status line."""
        try:
            result = self._write(fn)
        except ServiceError as exc:
            self._status(str(exc), error=True)
            return False, None
        self._status(self.tr("已自动保存 %1").replace("%1", datetime.now().strftime("%H:%M:%S")))
        return True, result

    def _recorder(self) -> svc.Person | None:
        p = self.recorder.value()
        return p if isinstance(p, svc.Person) else None

    def _found_by(self) -> dict[str, uuid.UUID | None]:
        p = self._recorder()
        if p is None:
            return {}
        key = "found_by_expert_id" if p.role == MemberRole.EXPERT else "found_by_officer_id"
        return {key: p.id}

    def _actor(self) -> str:
        p = self._recorder()
        return p.name if p else self.ctx.actor

    def _recorder_changed(self) -> None:
        p = self._recorder()
        if p is not None and self.data is not None and not self.data.done and p.name != self.data.recorded_by:
            stop = self.data.stop_id
            self._try(lambda s: svc.set_stop_text(s, stop, "recorded_by", p.name, actor=p.name))

    # -- checklist

    def current_item(self) -> svc.ItemRow | None:
        return self.model.item(self.view.currentIndex().row())

    def _item_changed(self, index: QModelIndex) -> None:
        self.saver.flush()
        it = self.model.item(index.row()) if index.isValid() else None
        with self.saver.loading():
            self.item_text.setText((self.tr("★ 重大事故隐患判定项　") if it and it.is_major_criterion else "")
                                   + (f"{it.section} · {it.text}" if it and it.section else (it.text if it else "")))
            self.item_basis.setText(self.tr("依据：") + it.basis if it and it.basis else "")
            self.note.setPlainText(it.note if it else "")
            for b in self.outcome_buttons.buttons():
                b.setChecked(bool(it) and b.property("outcome") == it.outcome)  # type: ignore[union-attr]
            self.hazard_link.setVisible(bool(it and it.hazard_id))
        self._show_photos(self.item_photos, list(it.photo_ids) if it else [])
        self.note.setEnabled(it is not None)
        self.item_photos.setEnabled(it is not None)

    def _outcome_key(self, row: int, outcome: str | None) -> None:
        self.set_outcome(row, outcome)
        if row + 1 < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row + 1, 1))

    def _outcome_clicked(self, button_id: int) -> None:
        row = self.view.currentIndex().row()
        it = self.model.item(row)
        if it is None:
            return
        code = list(OUTCOME_LABELS)[button_id - 1]
        self.set_outcome(row, None if it.outcome == code else code)

    def set_outcome(self, row: int, outcome: str | None) -> None:
        it = self.model.item(row)
        if it is None or self.data is None or self.data.done:
            return
        self.saver.flush()
        stop, found_by, actor = self.data.stop_id, self._found_by(), self._actor()
        ok, change = self._try(lambda s: svc.set_outcome(s, stop, it.item_id, outcome, actor=actor, **found_by))
        if not ok:
            return
        if change.hazard_created or change.hazard_removed or self.data.visit_status != "in_progress":
            self._reload()
        else:  # only this row changed: no reload of 120 items for one key
            self._patch_item(it.item_id, outcome=outcome)
            self._item_changed(self.view.currentIndex())
        if change.hazard_created:
            self._status(self.tr("已按该项生成隐患 %1（Ctrl+H 查看、补充）")
                         .replace("%1", str(self.data.hazard(change.hazard_created).seq)))
        elif change.hazard_kept:
            self._status(self.tr("该项已不是“不符合”，但其隐患已补充过内容或照片，予以保留；如需删除请到“隐患”页。"),
                         error=True)

    def _store_note(self, text: str) -> None:
        it = self.current_item()
        if it is None or self.data is None:
            return
        stop, actor = self.data.stop_id, self._actor()
        self._write(lambda s: svc.set_note(s, stop, it.item_id, text, actor=actor))
        self._patch_item(it.item_id, note=text.strip())  # as the service stores it; no reload of every item

    def _patch_item(self, item_id: uuid.UUID, **changes: Any) -> None:
        """Show one stored change of an item without reloading the whole inspection."""
        if self.data is None:
            return
        items = tuple(replace(i, **changes) if i.item_id == item_id else i for i in self.data.items)
        self.data = replace(self.data, items=items)
        self.model.set_data(self.data)
        self._update_progress()

    def _rest_not_applicable(self) -> None:
        if self.data is None:
            return
        stop, actor = self.data.stop_id, self._actor()
        ok, n = self._try(lambda s: svc.set_all_unchecked(s, stop, Outcome.NOT_APPLICABLE, actor=actor))
        if ok:
            self._reload()
            self._status(self.tr("已将 %1 个未检项设为不适用").replace("%1", str(n)))

    def choose_checklists(self) -> None:
        if self.data is None:
            return
        from models.services import checklists

        self.saver.flush()
        with self.ctx.session() as s:
            templates = checklists.templates(s)
            chosen = {t.id for t in svc.visit_templates(s, self.data.visit_id)}
        picked = ChecklistChooser.choose(self, templates, chosen)
        if picked is None:
            return
        visit, actor = self.data.visit_id, self._actor()
        if self._try(lambda s: svc.set_templates(s, visit, picked, actor=actor))[0]:
            self._reload(keep_row=False)

    def go_to_item_hazard(self) -> None:
        it = self.current_item()
        if it is not None and it.hazard_id:
            self.tabs.setCurrentIndex(1)
            self.select_hazard(it.hazard_id)
            self.h_description.setFocus()

    # -- hazards

    def _fill_hazard_list(self, reload_form: bool = False) -> None:
        """Refill the hazard list; ``reload_form`` also refills the form of the selected hazard (after a full
        reload; not while the user types in it)."""
        if self.data is None:
            return
        keep = self._hazard_id
        no_text = self.tr("（未填写描述）")
        self.hazard_list.blockSignals(True)
        self.hazard_list.clear()
        for h in self.data.hazards:
            sev = self.tr("重大") if h.severity == Severity.MAJOR else self.tr("一般")
            text = f"{h.seq}. [{sev}] {h.description or no_text}"
            if h.rectified_on_site:
                text += self.tr(" · 已立即整改")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, h.id)
            item.setToolTip(h.description)
            self.hazard_list.addItem(item)
        self.hazard_list.blockSignals(False)
        if keep and any(h.id == keep for h in self.data.hazards):
            self.select_hazard(keep, load=reload_form)
        elif self.data.hazards:
            self.select_hazard(self.data.hazards[0].id)
        else:
            self._hazard_id = None
            self._load_hazard(None)

    def select_hazard(self, hazard_id: uuid.UUID, load: bool = True) -> None:
        for n in range(self.hazard_list.count()):
            if self.hazard_list.item(n).data(Qt.ItemDataRole.UserRole) == hazard_id:
                self.hazard_list.blockSignals(True)
                self.hazard_list.setCurrentRow(n)
                self.hazard_list.blockSignals(False)
                break
        if load or self._hazard_id != hazard_id:
            self.saver.flush()
            self._hazard_id = hazard_id
            self._load_hazard(self.data.hazard(hazard_id) if self.data else None)

    def _hazard_selected(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.select_hazard(current.data(Qt.ItemDataRole.UserRole))

    def _load_hazard(self, h: svc.HazardData | None) -> None:
        with self.saver.loading():
            self.h_description.setPlainText(h.description if h else "")
            self.h_location.setText(h.location if h else "")
            self.h_category.setCurrentText(h.category if h else "")
            self.h_severity.set_value(h.severity if h else Severity.GENERAL)
            self.h_basis.setText(h.basis if h else "")
            self.h_measure.setPlainText(h.measure if h else "")
            self.h_deadline.set_value(h.deadline if h else None)
            self.h_responsible.setText(h.responsible_person if h else "")
            self.h_found_by.set_value(h.found_by_expert_id or h.found_by_officer_id if h else None)
            self.h_on_site.setChecked(bool(h and h.rectified_on_site))
        self.h_after.setEnabled(bool(h and h.rectified_on_site))
        self._show_photos(self.h_photos, list(h.photo_ids) if h else [])
        self._show_photos(self.h_after, list(h.after_photo_ids) if h else [])
        self.hazard_form.setEnabled(h is not None)
        self.delete_hazard_button.setEnabled(h is not None and not (self.data and self.data.done))

    def new_hazard(self) -> None:
        if self.data is None or self.data.done:
            return
        self.saver.flush()
        stop, found_by, actor = self.data.stop_id, self._found_by(), self._actor()
        ok, hid = self._try(lambda s: svc.add_hazard(s, stop, actor=actor, **found_by))
        if not ok:
            return
        self._hazard_id = hid
        self._reload()
        self.tabs.setCurrentIndex(1)
        self.select_hazard(hid)
        self.h_description.setFocus()

    def delete_hazard(self) -> None:
        if self.data is None or self._hazard_id is None:
            return
        h = self.data.hazard(self._hazard_id)
        if not alerts.confirm(self, self.tr("删除隐患"),
                              self.tr("删除隐患 %1“%2”？").replace("%1", str(h.seq)).replace("%2", h.description[:40])):
            return
        hid, actor = h.id, self._actor()
        if not self._try(lambda s: svc.delete_hazard(s, hid, actor=actor))[0]:
            return
        self._hazard_id = None
        with self.saver.loading():
            self._reload()

    def _store_hazard(self, field: str, value: Any) -> None:
        hid = self._hazard_id
        if hid is None:
            return
        actor = self._actor()
        updated = self._write(lambda s: svc.update_hazard(s, hid, field, value, actor=actor))
        if field == "severity" and updated is not None:
            with self.saver.loading():
                self.h_deadline.set_value(updated.deadline)
        self._patch_hazard(updated)

    def _patch_hazard(self, h: svc.HazardData) -> None:
        """Show one stored hazard without reloading the whole inspection (a field was just saved)."""
        if self.data is None:
            return
        self.data = replace(self.data, hazards=tuple(h if x.id == h.id else x for x in self.data.hazards))
        self.model.set_data(self.data)
        self._fill_hazard_list()

    def _store_found_by(self, person_id: uuid.UUID | None) -> None:
        if self.data is None:
            return
        p = next((p for p in self.data.people if p.id == person_id), None)
        if p is None:
            self._store_hazard("found_by_expert_id", None)
            self._store_hazard("found_by_officer_id", None)
        elif p.role == MemberRole.EXPERT:
            self._store_hazard("found_by_expert_id", p.id)
        else:
            self._store_hazard("found_by_officer_id", p.id)

    def _search_library(self, query: str) -> list:
        from models.services import hazard_library

        sector = self.data.sector if self.data else None
        with self.ctx.session() as s:
            return hazard_library.search(s, query, sector=sector)

    def _library_chosen(self, entry: Any) -> None:
        """A standard description fills the hazard: description, basis, category, severity and measure."""
        hid = self._hazard_id
        if hid is None:
            return
        self.saver.flush()
        from models.services import hazard_library

        def apply(s: Any) -> None:
            svc.update_hazard(s, hid, "description", entry.text)
            if entry.basis:
                svc.update_hazard(s, hid, "basis", entry.basis)
            if entry.category:
                svc.update_hazard(s, hid, "category", entry.category)
            if entry.measure:
                svc.update_hazard(s, hid, "measure", entry.measure)
            svc.update_hazard(s, hid, "severity", entry.severity)
            hazard_library.record_use(s, entry.id)

        self._try(apply)
        self._reload()
        self.select_hazard(hid)
        self.h_location.setFocus()

    # -- photos

    def _show_photos(self, strip: PhotoStrip, ids: list[uuid.UUID]) -> None:
        if not ids:
            strip.set_photos([])
            return
        with self.ctx.session() as s:
            strip.set_photos(photo_svc.infos(s, ids))

    def _add_photos(self, paths: list[str], attach: Callable[[Any, list[uuid.UUID]], None]) -> None:
        if not paths or self.data is None:
            return

        prepared = prepare_photos(self, paths)
        self._store_prepared(prepared, attach)

    def _add_captured(self, data: bytes, attach: Callable[[Any, list[uuid.UUID]], None]) -> None:
        self._store_prepared(captured_photo(data), attach)

    def _store_prepared(self, prepared: list[Any], attach: Callable[[Any, list[uuid.UUID]], None]) -> None:
        good = [p for p in prepared if not isinstance(p, Exception)]
        bad = [str(p) for p in prepared if isinstance(p, Exception)]
        if good:

            def store(s: Any) -> None:
                ids = [photo_svc.store(s, p) for p in good]
                attach(s, ids)

            self._try(store)
            self._reload()
        if bad:
            alerts.warning(self, self.tr("照片"), "\n".join(bad))

    def _attach_item_photos(self, s: Any, ids: list[uuid.UUID]) -> None:
        it = self.current_item()
        if it is None or self.data is None:
            raise ServiceError("请先选择检查项。")
        svc.add_item_photos(s, self.data.stop_id, it.item_id, ids, actor=self._actor())

    def _attach_hazard(self, kind: str) -> Callable[[Any, list[uuid.UUID]], None]:
        def attach(s: Any, ids: list[uuid.UUID]) -> None:
            if self._hazard_id is None:
                raise ServiceError("请先选择或新增一项隐患。")
            svc.add_hazard_photos(s, self._hazard_id, ids, kind=kind)

        return attach

    def _remove_item_photo(self, photo_id: uuid.UUID) -> None:
        it = self.current_item()
        if it is None or self.data is None:
            return
        stop = self.data.stop_id
        self._try(lambda s: svc.remove_item_photo(s, stop, it.item_id, photo_id))
        self._reload()

    def _remove_hazard_photo(self, photo_id: uuid.UUID, kind: str) -> None:
        hid = self._hazard_id
        if hid is None:
            return
        self._try(lambda s: svc.remove_hazard_photo(s, hid, photo_id, kind=kind))
        self._reload()

    def _view_photo(self, photo_id: uuid.UUID) -> None:
        with self.ctx.session() as s:
            data = photo_svc.image_bytes(s, photo_id)
        PhotoViewer.show_image(self, data, self.tr("照片"))

    # -- the stop

    def _store_stop(self, field: str, value: str) -> None:
        if self.data is None:
            return
        stop, actor = self.data.stop_id, self._actor()
        self._write(lambda s: svc.set_stop_text(s, stop, field, value, actor=actor))

    def _store_verdict(self) -> None:
        if self.data is None:
            return
        stop, verdict, reasons = self.data.stop_id, self.verdict.value(), self.verdict_reasons.toPlainText()
        self._write(lambda s: svc.set_entry_verdict(s, stop, verdict, reasons))

    def finish(self) -> None:
        if self.data is None or self.data.done:
            return
        if not self.saver.flush():
            return
        stop = self.data.stop_id
        with self.ctx.session() as s:
            result = svc.summary(s, stop)
        if not FinishDialog.ask(self, result, self.data.enterprise_name):
            return
        actor = self._actor()
        if not self._try(lambda s: svc.finish(s, stop, actor=actor, on=date.today()))[0]:
            return
        self._reload()
        self._status(self.tr("检查已完成：隐患 %1 项，已进入整改跟踪").replace("%1", str(result.hazards)))
        self.finished.emit(stop)

    def compose_document(self, kind: str) -> None:
        """An enforcement document for this firm and visit (ui/document_dialog.py); an order or decision refers to
        the firm's latest issued inspection record of this visit when there is one."""
        if self.data is None:
            return
        self.saver.flush()
        from models.enums import DocumentStatus
        from models.services import documents
        from ui.document_dialog import DocumentDialog

        refers_to = None
        if kind != DocumentKind.INSPECTION_RECORD:
            with self.ctx.session() as s:
                records = [d for d in documents.documents(s, visit_id=self.data.visit_id,
                                                          kind=DocumentKind.INSPECTION_RECORD)
                           if d.status == DocumentStatus.ISSUED and d.enterprise_id == self.data.enterprise_id]
            refers_to = records[0].id if records else None
        DocumentDialog.compose(self, self.ctx, kind=kind, enterprise_id=self.data.enterprise_id,
                               visit_id=self.data.visit_id, stop_id=self.data.stop_id, refers_to_id=refers_to)

    def reopen(self) -> None:
        if self.data is None or not self.data.done:
            return
        reason = ask_reopen_reason(self)
        if not reason:
            return
        stop, actor = self.data.stop_id, self._actor()
        self._try(lambda s: svc.reopen(s, stop, reason, actor=actor))
        self._reload()

    def hideEvent(self, event: Any) -> None:
        self.saver.flush()
        super().hideEvent(event)
