"""检查表 module: the checklist templates (left) and the editor of the chosen one (right).

A save makes a new revision (models/services/checklists.py): the results of past visits keep the revision they used,
so an old revision is shown read-only. The list shows one line per template (its current revision, or the latest
one of a retired template); 版本记录 lists every revision and opens any of them for reading."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
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
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.enums import HAZARD_CATEGORIES, SECTORS, VISIT_KIND_LABELS
from models.services import checklists as svc
from models.services.errors import ConcurrentEdit, NotFound, ServiceError, ValidationFailed
from ui import alerts
from ui.context import AppContext
from ui.labels import enum_label
from ui.widgets import OptionalDateEdit, mark

ID_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2

# item table columns
SECTION, TEXT, BASIS, MAJOR, MEASURE, DAYS, CATEGORY = range(7)
_TEXT_COLUMNS = {SECTION: "section", TEXT: "text", BASIS: "basis", MEASURE: "suggested_measure"}


def _local(when: datetime | None) -> str:
    """A stored UTC time on the office's clock."""
    return when.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M") if when else ""


class _DaysDelegate(QStyledItemDelegate):
    """整改期限 in days; 0 in the spin box means “none” (shown as —)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        box = QSpinBox(parent)
        box.setRange(0, 3650)
        box.setSpecialValueText("—")
        box.setSuffix(self.tr(" 天"))
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QSpinBox)
        editor.setValue(index.data(VALUE_ROLE) or 0)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        value = editor.value() or None
        model.setData(index, value, VALUE_ROLE)
        model.setData(index, "" if value is None else str(value), Qt.ItemDataRole.DisplayRole)


class _CategoryDelegate(QStyledItemDelegate):
    """隐患类别 from models.enums.HAZARD_CATEGORIES (or none)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        box = QComboBox(parent)
        box.addItem("", "")
        for c in HAZARD_CATEGORIES:
            box.addItem(enum_label(c), c)
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(VALUE_ROLE) or ""), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        value = editor.currentData() or ""
        model.setData(index, value, VALUE_ROLE)
        model.setData(index, enum_label(value) if value else "", Qt.ItemDataRole.DisplayRole)


class ChecklistsPage(QWidget):
    """The 检查表 module page."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._loading = False
        self._shown: svc.TemplateData | None = None  # the revision in the editor; None for a new template
        self._original = svc.TemplateDraft()  # what the editor held when loaded, to tell unsaved changes
        self._list_row = -1

        # ---------------------------------------------------------------- left: the templates
        self.list = QListWidget()
        self.list.setObjectName("checklistList")
        self.list.setSpacing(3)
        self.list.setWordWrap(True)
        self.new_button = QPushButton(self.tr("新建检查表"))
        self.new_button.setToolTip(self.tr("新建一份检查表（Ctrl+N）"))
        self.retire_button = QPushButton(self.tr("停用"))
        self.retire_button.setToolTip(self.tr("停用后不再供新的检查选用；已有的检查结果不受影响"))
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("检查表"))
        title.setObjectName("resultCount")
        ll.addWidget(title)
        ll.addWidget(self.list, 1)
        lb = QHBoxLayout()
        lb.addWidget(self.new_button)
        lb.addWidget(self.retire_button)
        ll.addLayout(lb)

        # ---------------------------------------------------------------- right: the editor
        self.heading = QLabel()
        self.heading.setObjectName("resultCount")
        self.heading.setWordWrap(True)
        self.state_label = QLabel()  # 当前版本 / 历史版本（只读） / 已停用
        self.state_label.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setProperty("role", "error")
        self.problems.setWordWrap(True)
        self.problems.hide()

        self.name = QLineEdit()
        self.source = QLineEdit()
        self.edition = QLineEdit()
        self.edition.setPlaceholderText(self.tr("如 2023"))
        self.edition.setMaximumWidth(160)
        self.effective = OptionalDateEdit()
        self.partial = QCheckBox(self.tr("部分收录（条文尚未收全）"))
        self.sectors = QLineEdit()
        self.sectors.setPlaceholderText(self.tr("用“、”分隔；留空表示适用所有行业"))
        self.sector_menu_button = QToolButton()
        self.sector_menu_button.setText(self.tr("选择…"))
        self.sector_menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._sector_menu()
        self.kinds: dict[str, QCheckBox] = {}
        kinds_row = QHBoxLayout()
        kinds_row.setContentsMargins(0, 0, 0, 0)
        for code, label in VISIT_KIND_LABELS.items():
            box = QCheckBox(enum_label(label))
            self.kinds[code] = box
            kinds_row.addWidget(box)
        kinds_hint = QLabel(self.tr("（都不选表示所有检查类型）"))
        kinds_row.addWidget(kinds_hint)
        kinds_row.addStretch(1)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(64)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(4)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("来源"), self.source)
        row = QHBoxLayout()
        row.addWidget(self.edition)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("施行日期")))
        row.addWidget(self.effective)
        row.addSpacing(12)
        row.addWidget(self.partial)
        row.addStretch(1)
        form.addRow(self.tr("标准版本"), row)
        row = QHBoxLayout()
        row.addWidget(self.sectors, 1)
        row.addWidget(self.sector_menu_button)
        form.addRow(self.tr("适用行业"), row)
        form.addRow(self.tr("检查类型"), kinds_row)
        form.addRow(self.tr("说明"), self.description)

        self.table = QTableWidget(0, 7)
        self.table.setObjectName("checklistItems")
        self.table.setHorizontalHeaderLabels([self.tr("分组"), self.tr("检查内容"), self.tr("依据"),
                                              self.tr("重大隐患\n判定项"), self.tr("建议整改措施"),
                                              self.tr("期限\n（天）"), self.tr("隐患类别")])
        self.table.horizontalHeaderItem(MAJOR).setToolTip(
            self.tr("勾选：该项不符合时，对照所引判定标准可能构成重大事故隐患"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head = self.table.horizontalHeader()
        for col, width in ((SECTION, 96), (BASIS, 160), (MAJOR, 66), (MEASURE, 190), (DAYS, 54),
                           (CATEGORY, 90)):
            self.table.setColumnWidth(col, width)
        head.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.setItemDelegateForColumn(DAYS, _DaysDelegate(self.table))
        self.table.setItemDelegateForColumn(CATEGORY, _CategoryDelegate(self.table))
        self._edit_triggers = (QAbstractItemView.EditTrigger.DoubleClicked
                               | QAbstractItemView.EditTrigger.EditKeyPressed
                               | QAbstractItemView.EditTrigger.AnyKeyPressed)

        self.add_button = QPushButton(self.tr("添加检查项"))
        self.add_button.setToolTip(self.tr("在所选行后添加（Ins）"))
        self.delete_button = QPushButton(self.tr("删除"))
        self.delete_button.setToolTip(self.tr("删除所选检查项（Del）"))
        self.up_button = QPushButton(self.tr("上移"))
        self.up_button.setToolTip("Ctrl+↑")
        self.down_button = QPushButton(self.tr("下移"))
        self.down_button.setToolTip("Ctrl+↓")
        self.count_label = QLabel()
        items_bar = QHBoxLayout()
        for b in (self.add_button, self.delete_button, self.up_button, self.down_button):
            items_bar.addWidget(b)
        items_bar.addWidget(self.count_label)
        items_bar.addStretch(1)

        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("修改说明（保存时必填），如：补充第四条至第十条"))
        self.save_button = QPushButton(self.tr("保存为新版本"))
        self.save_button.setToolTip(self.tr("保存为新版本（Ctrl+S）；以前的检查结果仍对应原来的版本"))
        self.save_button.setDefault(True)
        self.discard_button = QPushButton(self.tr("放弃修改"))
        self.restore_button = QPushButton(self.tr("恢复使用"))
        self.open_current_button = QPushButton(self.tr("打开当前版本"))
        self.history_button = QPushButton(self.tr("版本记录"))
        self.history_button.setCheckable(True)
        save_bar = QHBoxLayout()
        self.note_label = QLabel(self.tr("修改说明"))
        self.note_label.setBuddy(self.note)
        save_bar.addWidget(self.note_label)
        save_bar.addWidget(self.note, 1)
        for b in (self.save_button, self.discard_button, self.restore_button, self.open_current_button,
                  self.history_button):
            save_bar.addWidget(b)

        self.history = QTableWidget(0, 5)
        self.history.setHorizontalHeaderLabels([self.tr("版本"), self.tr("时间"), self.tr("修改人"),
                                                self.tr("修改说明"), self.tr("状态")])
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().setVisible(False)
        for col, width in ((0, 64), (1, 130), (2, 90), (4, 160)):
            self.history.setColumnWidth(col, width)
        self.history.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.history.setToolTip(self.tr("双击或按回车打开该版本（历史版本只读）"))
        self.history_box = QGroupBox(self.tr("版本记录"))
        hl = QVBoxLayout(self.history_box)
        hl.setContentsMargins(4, 4, 4, 4)
        hl.addWidget(self.history)
        self.history_box.setMaximumHeight(150)
        self.history_box.hide()

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.setSpacing(4)
        rl.addWidget(self.heading)
        rl.addWidget(self.state_label)
        rl.addWidget(self.problems)
        rl.addLayout(form)
        rl.addLayout(items_bar)
        rl.addWidget(self.table, 1)
        rl.addWidget(self.history_box)
        rl.addLayout(save_bar)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 1000])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.splitter)

        self.setTabOrder(self.list, self.name)
        for a, b in ((self.name, self.source), (self.source, self.edition), (self.edition, self.effective),
                     (self.effective, self.partial), (self.partial, self.sectors),
                     (self.sectors, self.sector_menu_button), (self.sector_menu_button, self.kinds["inspection_expert"])):
            self.setTabOrder(a, b)
        boxes = list(self.kinds.values())
        for a, b in zip(boxes, boxes[1:], strict=False):
            self.setTabOrder(a, b)
        for a, b in ((boxes[-1], self.description), (self.description, self.table), (self.table, self.add_button),
                     (self.add_button, self.delete_button), (self.delete_button, self.up_button),
                     (self.up_button, self.down_button), (self.down_button, self.note), (self.note, self.save_button)):
            self.setTabOrder(a, b)

        # ---------------------------------------------------------------- signals
        self.list.currentRowChanged.connect(self._list_changed)
        self.new_button.clicked.connect(self.new_template)
        self.retire_button.clicked.connect(self.retire)
        self.restore_button.clicked.connect(self.restore)
        self.open_current_button.clicked.connect(self._open_current)
        self.add_button.clicked.connect(self.add_item)
        self.delete_button.clicked.connect(self.delete_item)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self.discard)
        self.history_button.toggled.connect(self._toggle_history)
        self.history.itemActivated.connect(lambda _i: self.open_revision())
        for w in (self.name, self.source, self.edition, self.sectors):
            w.textChanged.connect(self._changed)
        self.effective.dateChanged.connect(self._changed)
        self.partial.toggled.connect(self._changed)
        for box in self.kinds.values():
            box.toggled.connect(self._changed)
        self.description.textChanged.connect(self._changed)
        self.table.itemChanged.connect(self._changed)
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.note.returnPressed.connect(self.save)

        def table_key(key: Any, slot: Any) -> None:
            QShortcut(QKeySequence(key), self.table, activated=slot, context=Qt.ShortcutContext.WidgetShortcut)

        table_key(Qt.Key.Key_Insert, self.add_item)
        table_key(Qt.Key.Key_Delete, self.delete_item)
        table_key("Ctrl+Up", lambda: self.move_item(-1))
        table_key("Ctrl+Down", lambda: self.move_item(1))
        page = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save, context=page)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new_template, context=page)

        self.reload()

    # ------------------------------------------------------------------ state

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("checklists/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("checklists/splitter")
        if state is not None:
            self.splitter.restoreState(state)

    @property
    def read_only(self) -> bool:
        """A revision that is not current (history, or a retired template) cannot be edited."""
        return self._shown is not None and not self._shown.is_current

    def has_unsaved_changes(self) -> bool:
        return not self.read_only and self.draft() != self._original

    def confirm_leave(self) -> bool:
        """True when the editor may be left: nothing unsaved, or the user agrees to drop the changes."""
        if not self.has_unsaved_changes():
            return True
        name = self.name.text().strip() or self.tr("新检查表")
        return alerts.confirm(self, self.tr("未保存的修改"),
                              self.tr("“%1”有未保存的修改。放弃这些修改吗？").replace("%1", name))

    # ------------------------------------------------------------------ list

    def reload(self, select: str | uuid.UUID | None = None) -> None:
        """Fill the list (loading the built-in templates first when the data files are newer) and show
        ``select`` (a code or a revision id), else the template shown now, else the first."""
        with self._ctx.session() as s:
            try:
                svc.sync_builtin(s)
            except svc.BadTemplateFile as exc:
                alerts.error(self, self.tr("内置检查表"), str(exc))
            rows = svc.catalogue(s)
        if select is None and self._shown is not None:
            select = self._shown.code
        self._loading = True
        self.list.clear()
        row_to_select = 0 if rows else -1
        for n, t in enumerate(rows):
            item = QListWidgetItem(self._list_text(t))
            item.setData(ID_ROLE, t.id)
            item.setData(VALUE_ROLE, t.code)
            item.setToolTip(t.source or t.name)
            self.list.addItem(item)
            if select in (t.code, t.id):
                row_to_select = n
        self._loading = False
        self._list_row = -1
        self.list.setCurrentRow(row_to_select)
        if row_to_select < 0:
            self.new_template(ask=False)

    def _list_text(self, t: svc.TemplateData) -> str:
        badges = []
        if t.is_partial:
            badges.append(self.tr("〔部分收录〕"))
        if not t.is_current:
            badges.append(self.tr("〔已停用〕"))
        second = "　".join(x for x in (t.edition, self.tr("第%1版").replace("%1", str(t.revision)),
                                      self.tr("%n 项", "", t.item_count), *badges) if x)
        return f"{t.name}\n{second}"

    def _list_changed(self, row: int) -> None:
        if self._loading or row == self._list_row:
            return
        if not self.confirm_leave():
            self.list.blockSignals(True)
            self.list.setCurrentRow(self._list_row)
            self.list.blockSignals(False)
            return
        self._list_row = row
        item = self.list.item(row)
        if item is not None:
            self.show_template(item.data(ID_ROLE))

    def current_code(self) -> str | None:
        return self._shown.code if self._shown is not None else None

    # ------------------------------------------------------------------ editor

    def show_template(self, template_id: uuid.UUID) -> None:
        """Load one revision into the editor (read-only unless it is current)."""
        try:
            with self._ctx.session() as s:
                t = svc.template(s, template_id)
        except NotFound as exc:
            alerts.warning(self, self.tr("检查表"), str(exc))
            self.reload()
            return
        self._show(t, svc.TemplateDraft.from_data(t))

    def _show(self, t: svc.TemplateData | None, draft: svc.TemplateDraft) -> None:
        self._shown = t
        self._loading = True
        self.name.setText(draft.name)
        self.source.setText(draft.source)
        self.edition.setText(draft.edition)
        self.effective.set_value(draft.effective_date)
        self.partial.setChecked(draft.is_partial)
        self.sectors.setText(svc.SECTOR_SEP.join(draft.sectors))
        for code, box in self.kinds.items():
            box.setChecked(code in draft.visit_kinds)
        self.description.setPlainText(draft.description)
        self.table.setRowCount(0)
        for n, item in enumerate(draft.items):
            self.table.insertRow(n)
            self._set_row(n, item)
        self.note.clear()
        self._loading = False
        self._original = self.draft()
        self._show_errors([])
        self._apply_mode()
        if self.history_button.isChecked():
            self._fill_history()

    def _apply_mode(self) -> None:
        t = self._shown
        ro = self.read_only
        if t is None:
            self.heading.setText(self.tr("新检查表"))
            self.state_label.setText(self.tr("保存后成为第1版。"))
        else:
            self.heading.setText(self.tr("%1　第%2版").replace("%1", t.name).replace("%2", str(t.revision)))
            who = t.changed_by or "—"
            when = _local(t.created_at)
            if t.is_current:
                state = self.tr("当前版本，%1 %2 保存。修改后“保存为新版本”，以前的检查结果仍对应原来的版本。")
            elif self._has_current(t.code):
                state = self.tr("历史版本（只读），%1 %2 保存。以前的检查结果对应此版本。")
            else:
                state = self.tr("已停用（只读），%1 %2 保存。新的检查不再使用此表；可“恢复使用”。")
            self.state_label.setText(state.replace("%1", who).replace("%2", when))
        mark(self.state_label, "role", "warning" if ro else "")
        for w in (self.name, self.source, self.edition, self.sectors, self.note):
            w.setReadOnly(ro)
        self.description.setReadOnly(ro)
        for w in (self.effective, self.partial, self.sector_menu_button, *self.kinds.values()):
            w.setEnabled(not ro)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if ro else self._edit_triggers)
        for r in range(self.table.rowCount()):
            major = self.table.item(r, MAJOR)
            if major is not None:
                flags = major.flags()
                major.setFlags(flags & ~Qt.ItemFlag.ItemIsUserCheckable if ro
                               else flags | Qt.ItemFlag.ItemIsUserCheckable)
        retired = t is not None and not t.is_current and not self._has_current(t.code)
        history = t is not None and not t.is_current and not retired
        self.save_button.setVisible(not ro)
        self.discard_button.setVisible(not ro)
        self.note.setVisible(not ro)
        self.note_label.setVisible(not ro)
        self.save_button.setText(self.tr("保存") if t is None else self.tr("保存为新版本"))
        self.note.setPlaceholderText(self.tr("说明（可不填）") if t is None
                                     else self.tr("修改说明（保存时必填），如：补充第四条至第十条"))
        if t is None and self.history_button.isChecked():
            self.history_button.setChecked(False)
        self.restore_button.setVisible(retired)
        self.open_current_button.setVisible(history)
        self.history_button.setEnabled(t is not None)
        self.retire_button.setEnabled(t is not None and t.is_current)
        self._update_buttons()

    def _has_current(self, code: str) -> bool:
        with self._ctx.session() as s:
            return any(t.code == code for t in svc.templates(s))

    def _update_buttons(self) -> None:
        ro = self.read_only
        row = self.table.currentRow()
        n = self.table.rowCount()
        self.add_button.setEnabled(not ro)
        self.delete_button.setEnabled(not ro and row >= 0)
        self.up_button.setEnabled(not ro and row > 0)
        self.down_button.setEnabled(not ro and 0 <= row < n - 1)
        majors = sum(1 for r in range(n) if self._is_major(r))
        self.count_label.setText(self.tr("共 %1 项，其中重大隐患判定项 %2 项").replace("%1", str(n))
                                 .replace("%2", str(majors)))
        dirty = self.has_unsaved_changes()
        self.save_button.setEnabled(dirty)
        self.discard_button.setEnabled(dirty)

    def _changed(self, *_: Any) -> None:
        if not self._loading:
            self._update_buttons()

    def _sector_menu(self) -> None:
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self.sector_menu_button)
        for sector in SECTORS:
            action = menu.addAction(enum_label(sector))
            action.setCheckable(True)
            action.setData(sector)
            action.toggled.connect(lambda on, s=sector: self._toggle_sector(s, on))
        menu.aboutToShow.connect(lambda: [a.setChecked(a.data() in self._sector_list()) for a in menu.actions()])
        self.sector_menu_button.setMenu(menu)

    def _sector_list(self) -> list[str]:
        text = self.sectors.text().replace("，", svc.SECTOR_SEP).replace(",", svc.SECTOR_SEP)
        return [s.strip() for s in text.split(svc.SECTOR_SEP) if s.strip()]

    def _toggle_sector(self, sector: str, on: bool) -> None:
        current = self._sector_list()
        if on and sector not in current:
            current.append(sector)
        elif not on and sector in current:
            current.remove(sector)
        else:
            return
        self.sectors.setText(svc.SECTOR_SEP.join(current))

    # ------------------------------------------------------------------ item rows

    def _set_row(self, r: int, item: svc.ItemDraft) -> None:
        was = self._loading
        self._loading = True
        for col, attr in _TEXT_COLUMNS.items():
            cell = QTableWidgetItem(getattr(item, attr))
            cell.setToolTip(getattr(item, attr))
            self.table.setItem(r, col, cell)
        major = QTableWidgetItem()
        major.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
        major.setCheckState(Qt.CheckState.Checked if item.is_major_criterion else Qt.CheckState.Unchecked)
        self.table.setItem(r, MAJOR, major)
        days = QTableWidgetItem("" if item.deadline_days is None else str(item.deadline_days))
        days.setData(VALUE_ROLE, item.deadline_days)
        days.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.setItem(r, DAYS, days)
        cat = QTableWidgetItem(enum_label(item.category) if item.category else "")
        cat.setData(VALUE_ROLE, item.category)
        self.table.setItem(r, CATEGORY, cat)
        self._loading = was

    def _is_major(self, r: int) -> bool:
        cell = self.table.item(r, MAJOR)
        return cell is not None and cell.checkState() == Qt.CheckState.Checked

    def _row(self, r: int) -> svc.ItemDraft:
        def text(col: int) -> str:
            cell = self.table.item(r, col)
            return cell.text() if cell is not None else ""

        def value(col: int) -> Any:
            cell = self.table.item(r, col)
            return cell.data(VALUE_ROLE) if cell is not None else None

        days = value(DAYS)
        return svc.ItemDraft(text=text(TEXT), section=text(SECTION), basis=text(BASIS),
                             is_major_criterion=self._is_major(r), suggested_measure=text(MEASURE),
                             deadline_days=int(days) if days else None, category=value(CATEGORY) or "")

    def draft(self) -> svc.TemplateDraft:
        """What the editor holds now."""
        return svc.TemplateDraft(
            name=self.name.text(), source=self.source.text(), edition=self.edition.text(),
            effective_date=self.effective.value(), is_partial=self.partial.isChecked(),
            description=self.description.toPlainText(), sectors=self._sector_list(),
            visit_kinds=[c for c, box in self.kinds.items() if box.isChecked()],
            items=[self._row(r) for r in range(self.table.rowCount())])

    def add_item(self) -> None:
        if self.read_only:
            return
        row = self.table.currentRow()
        at = row + 1 if row >= 0 else self.table.rowCount()
        section = self._row(row).section if row >= 0 else ""
        self.table.insertRow(at)
        self._set_row(at, svc.ItemDraft(section=section, deadline_days=15))
        self.table.setCurrentCell(at, TEXT)
        self.table.setFocus()
        self.table.scrollToItem(self.table.item(at, TEXT))
        self._update_buttons()

    def delete_item(self) -> None:
        row = self.table.currentRow()
        if self.read_only or row < 0:
            return
        self.table.removeRow(row)
        if self.table.rowCount():
            self.table.setCurrentCell(min(row, self.table.rowCount() - 1), max(self.table.currentColumn(), 0))
        self._update_buttons()

    def move_item(self, step: int) -> None:
        row = self.table.currentRow()
        to = row + step
        if self.read_only or row < 0 or not 0 <= to < self.table.rowCount():
            return
        col = max(self.table.currentColumn(), 0)
        a, b = self._row(row), self._row(to)
        self._set_row(row, b)
        self._set_row(to, a)
        self.table.setCurrentCell(to, col)
        self._update_buttons()

    # ------------------------------------------------------------------ actions

    def new_template(self, ask: bool = True) -> None:
        if ask and not self.confirm_leave():
            return
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.list.blockSignals(False)
        self._list_row = -1
        self._show(None, svc.TemplateDraft())
        self._original = svc.TemplateDraft()
        self._loading = True
        self.table.insertRow(0)
        self._set_row(0, svc.ItemDraft(deadline_days=15))
        self._loading = False
        self._original = self.draft()  # a blank form is nothing to lose
        self._update_buttons()
        self.name.setFocus()

    def discard(self) -> None:
        if self._shown is None:
            self.new_template(ask=False)
        else:
            self.show_template(self._shown.id)

    def save(self) -> svc.TemplateData | None:
        """Save the editor as a new revision (or a new template); the saved revision, or None."""
        if self.table.state() == QAbstractItemView.State.EditingState:
            self.table.setFocus()  # commits the open cell editor
        if self.read_only or not self.has_unsaved_changes():
            return None
        note = self.note.text().strip()
        if self._shown is not None and not note:
            self._show_errors([], [self.tr("请填写修改说明（例如改了哪些条目、为什么改）。")])
            mark(self.note, "invalid", True)
            self.note.setFocus()
            return None
        title = self.tr("保存检查表")
        try:
            with self._ctx.session() as s:
                if self._shown is None:
                    saved = svc.create(s, self.draft(), actor=self._ctx.actor, note=note)
                else:
                    saved = svc.save_revision(s, self._shown.id, self.draft(), actor=self._ctx.actor, note=note)
        except ValidationFailed as exc:
            self._show_errors(exc.errors)
            return None
        except ConcurrentEdit as exc:
            alerts.warning(self, title, str(exc))
            return None
        except ServiceError as exc:
            alerts.error(self, title, str(exc))
            return None
        self._shown = saved
        self._original = self.draft()  # nothing unsaved any more: reload does not ask
        self.reload(saved.code)
        return saved

    def _show_errors(self, errors: list, extra: list[str] | None = None) -> None:  # list[FieldError]
        mark(self.name, "invalid", any(e.field == "name" for e in errors))
        mark(self.note, "invalid", False)
        messages = [e.message for e in errors] + list(extra or [])
        self.problems.setText("\n".join(messages))
        self.problems.setVisible(bool(messages))
        for e in errors:
            if e.field == "name":
                self.name.setFocus()
                break
            if e.field.startswith("items["):
                r = int(e.field[6:e.field.index("]")])
                col = DAYS if e.field.endswith("deadline_days") else TEXT
                self.table.setCurrentCell(r, col)
                self.table.scrollToItem(self.table.item(r, col))
                self.table.setFocus()
                break

    def retire(self) -> None:
        t = self._shown
        if t is None or not t.is_current:
            return
        if not alerts.confirm(self, self.tr("停用检查表"),
                              self.tr("停用“%1”后，新的检查不再使用此表；已有的检查结果不受影响，以后也可恢复使用。"
                                      "确定停用吗？").replace("%1", t.name)):
            return
        try:
            with self._ctx.session() as s:
                svc.retire(s, t.code, actor=self._ctx.actor)
        except ServiceError as exc:
            alerts.warning(self, self.tr("停用检查表"), str(exc))
        self._original = self.draft()
        self.reload(t.code)

    def restore(self) -> None:
        t = self._shown
        if t is None:
            return
        try:
            with self._ctx.session() as s:
                svc.restore(s, t.code, actor=self._ctx.actor)
        except ServiceError as exc:
            alerts.warning(self, self.tr("恢复使用"), str(exc))
        self.reload(t.code)

    def _open_current(self) -> None:
        if self._shown is not None:
            self.reload(self._shown.code)

    # ------------------------------------------------------------------ history

    def _toggle_history(self, on: bool) -> None:
        self.history_box.setVisible(on)
        if on:
            self._fill_history()

    def _fill_history(self) -> None:
        self.history.setRowCount(0)
        if self._shown is None:
            return
        with self._ctx.session() as s:
            rows = svc.revisions(s, self._shown.code)
        for n, t in enumerate(rows):
            self.history.insertRow(n)
            state = self.tr("当前") if t.is_current else ""
            if t.file_version:
                state = "　".join(x for x in (state, self.tr("内置文件 %1").replace("%1", t.file_version)) if x)
            when = _local(t.created_at)
            for col, text in enumerate((self.tr("第%1版").replace("%1", str(t.revision)), when, t.changed_by,
                                        t.change_note, state)):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, t.id)
                cell.setToolTip(text)
                self.history.setItem(n, col, cell)
            if t.id == self._shown.id:
                self.history.selectRow(n)

    def open_revision(self) -> None:
        """Open the revision selected in 版本记录 (read-only unless current)."""
        row = self.history.currentRow()
        cell = self.history.item(row, 0) if row >= 0 else None
        if cell is None or (self._shown is not None and cell.data(ID_ROLE) == self._shown.id):
            return
        if not self.confirm_leave():
            return
        self.show_template(cell.data(ID_ROLE))
