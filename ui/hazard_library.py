"""The hazard library in the interface: a completer under a hazard-description field, a phrase picker for any text
field, and the dialog where the office manages the library (models/services/hazard_library.py).

- ``LibraryCompleter(editor, search)``: as the user types (≥ 1 Chinese character or ≥ 2 Latin letters/digits,
  after a 120 ms pause) a list of matching entries drops under the field. The keyboard stays in the field: only
  Down/Up/PageDown/PageUp move in the list, Enter/Tab take the selected entry, Esc closes the list; every other key
  goes on into the field. A click takes an entry too. Taking one replaces the field's text (undoable with Ctrl+Z)
  and emits ``chosen(LibraryEntry)``; the form fills basis, category, grade and measure from it.
- ``PhrasePicker(search)``: ``attach(editor)`` makes Ctrl+Space (and F4, since Chinese input methods often take
  Ctrl+Space) open a filtered list of phrases in that field; Enter or a click inserts the phrase at the cursor.
  ``button(editor)`` gives a "常用语" button that does the same with the mouse.
- ``HazardLibraryDialog.manage(parent, ctx)``: search, add, edit, deactivate/reactivate entries.

Editing a built-in entry is allowed: after the save it is the office's entry (shown as 内置（已改）), and later
versions of the built-in data no longer change it (the service renames its key). Deactivating a built-in keeps it
built-in. Nothing is ever deleted: entries may have been copied into hazards already, and 停用 hides them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QKeySequence, QPainter, QPalette, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from models.enums import HAZARD_CATEGORIES, SECTORS, SEVERITY_LABELS, Severity
from models.services import hazard_library as svc
from models.services.errors import ConcurrentEdit, NotFound, ValidationFailed
from ui import alerts
from ui.context import AppContext
from ui.labels import enum_label
from ui.widgets import FormDialog, ValueCombo, colour_dot, mark, remember_geometry

Editor = QLineEdit | QPlainTextEdit
Search = Callable[[str], list[svc.LibraryEntry]]

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
MAJOR_COLOUR = "#e53935"  # the red of 重大 (ui/registry_columns.RISK_COLOURS["red"])
PHRASE_CATEGORIES = ("检查情况", "建议", "位置", "整改情况")


def library_search(ctx: AppContext, *, kind: str = "hazard", sector: str | None = None,
                   limit: int = 20) -> Search:
    """The search callable for a completer or picker: one short session per query."""

    def run(query: str) -> list[svc.LibraryEntry]:
        with ctx.session() as s:
            return svc.search(s, query, kind=kind, sector=sector, limit=limit)

    return run


def count_use(ctx: AppContext, entry: svc.LibraryEntry) -> None:
    """Connect to ``chosen`` / ``inserted``: the entries used most rank first next time."""
    try:
        with ctx.session() as s:
            svc.record_use(s, entry.id)
    except NotFound:
        pass


def _worth_searching(text: str) -> bool:
    """At least one Chinese character, or two Latin letters or digits (pinyin initials, clause numbers)."""
    latin = 0
    for ch in text:
        if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff":
            return True
        if ch.isascii() and ch.isalnum():
            latin += 1
    return latin >= 2


def _editor_text(editor: Editor) -> str:
    return editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText()


# ================================================================================================ list popup


class _EntryModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[svc.LibraryEntry] = []

    def set_entries(self, entries: list[svc.LibraryEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return e.text
        if role == ENTRY_ROLE:
            return e
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (e.text, e.basis, e.measure) if x)
        return None


class EntryDelegate(QStyledItemDelegate):
    """Two lines per entry: the text, and under it the basis in grey; a red 重大 badge on the right for a major
    hazard. Colours come from the palette (the theme), the badge red from the risk colours."""

    PAD = 6

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        main = QFont(option.font)
        small = QFont(option.font)
        if main.pointSizeF() > 0:
            small.setPointSizeF(max(7.0, main.pointSizeF() * 0.85))
        elif main.pixelSize() > 0:
            small.setPixelSize(max(9, round(main.pixelSize() * 0.85)))
        return main, small

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        e: svc.LibraryEntry = index.data(ENTRY_ROLE)
        main, small = self._fonts(option)
        h = QFontMetrics(main).height() + 2 * self.PAD
        if e is not None and e.basis:
            h += QFontMetrics(small).height() + 2
        return QSize(200, h)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        e: svc.LibraryEntry = index.data(ENTRY_ROLE)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if e is None:
            return
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        pal = opt.palette
        text_colour = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        grey = QColor(text_colour)
        grey.setAlphaF(0.62)
        main, small = self._fonts(opt)
        r = opt.rect.adjusted(self.PAD + 2, self.PAD, -self.PAD, -self.PAD)
        painter.save()
        badge_w = 0
        if e.severity == Severity.MAJOR:
            label = self.tr("重大")
            fm = QFontMetrics(small)
            badge_w = fm.horizontalAdvance(label) + 12
            badge = QRect(r.right() - badge_w + 1, r.top() + 1, badge_w, fm.height() + 2)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(MAJOR_COLOUR))
            painter.drawRoundedRect(badge, 4, 4)
            painter.setFont(small)
            painter.setPen(QColor("white"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
            badge_w += 6
        painter.setFont(main)
        painter.setPen(text_colour)
        fm_main = QFontMetrics(main)
        line = QRect(r.left(), r.top(), r.width() - badge_w, fm_main.height())
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm_main.elidedText(e.text, Qt.TextElideMode.ElideRight, line.width()))
        if e.basis:
            fm_small = QFontMetrics(small)
            painter.setFont(small)
            painter.setPen(grey)
            second = QRect(r.left(), line.bottom() + 3, r.width(), fm_small.height())
            painter.drawText(second, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             fm_small.elidedText(e.basis, Qt.TextElideMode.ElideRight, second.width()))
        painter.restore()


class _ListPopup(QListView):
    """The drop-down list of a completer: a window that never takes the keyboard focus."""

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self.setObjectName("libraryPopup")
        self.setWindowFlags(Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint
                            | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMouseTracking(True)
        self.setFrameShape(QFrame.Shape.Box)
        self.setItemDelegate(EntryDelegate(self))

    def fit_height(self, rows: int) -> int:
        h = sum(self.sizeHintForRow(r) for r in range(min(rows, self.model().rowCount())))
        return h + 2 * self.frameWidth()


def _popup_geometry(editor: Editor, width: int, height: int) -> QRect:
    """Under the field (under the cursor line in a tall multi-line field), or above it when the screen ends."""
    below = editor.mapToGlobal(QPoint(0, editor.height()))
    top = editor.mapToGlobal(QPoint(0, 0))
    if isinstance(editor, QPlainTextEdit) and editor.height() > 160:
        cursor = editor.cursorRect()
        below = editor.viewport().mapToGlobal(QPoint(0, cursor.bottom() + 4))
        top = editor.viewport().mapToGlobal(QPoint(0, cursor.top()))
    left = editor.mapToGlobal(QPoint(0, 0)).x()
    screen = (editor.screen() or QApplication.primaryScreen()).availableGeometry()
    x = max(screen.left(), min(left, screen.right() - width))
    y = below.y()
    if y + height > screen.bottom() and top.y() - height >= screen.top():
        y = top.y() - height
    return QRect(x, y, width, height)


# ================================================================================================ completer


class LibraryCompleter(QObject):
    """Suggests library entries under a hazard-description field as the user types (see the module docstring)."""

    chosen = Signal(object)  # svc.LibraryEntry

    def __init__(self, editor: Editor, search: Search, parent: QObject | None = None, *,
                 replace_text: bool = True, delay_ms: int = 120, max_rows: int = 8, min_width: int = 480) -> None:
        super().__init__(parent if parent is not None else editor)
        self.editor = editor
        self._search = search
        self.replace_text = replace_text
        self.max_rows = max_rows
        self.min_width = min_width
        self.enabled = True
        self._quiet = False
        self._window: QWidget | None = None
        self.model = _EntryModel(self)
        self.popup = _ListPopup(editor)
        self.popup.setModel(self.model)
        self.popup.clicked.connect(lambda index: self.accept(index.row()))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.refresh)
        editor.textChanged.connect(self._text_changed)
        editor.installEventFilter(self)

    # ------------------------------------------------------------------ state

    def is_open(self) -> bool:
        return self.popup.isVisible()

    def current_row(self) -> int:
        index = self.popup.currentIndex()
        return index.row() if index.isValid() and self.popup.selectionModel().isSelected(index) else -1

    def entries(self) -> list[svc.LibraryEntry]:
        return list(self.model.entries)

    def close(self) -> None:
        self.timer.stop()
        self.popup.hide()

    # ------------------------------------------------------------------ typing

    def _text_changed(self, *_: Any) -> None:
        if self._quiet or not self.enabled:
            return
        self.timer.start()

    def refresh(self) -> None:
        """Search for the field's text now and show or hide the list (the timer calls this after a pause)."""
        self.timer.stop()
        query = _editor_text(self.editor).strip()
        if not self.enabled or not self.editor.hasFocus() or not _worth_searching(query):
            self.close()
            return
        found = self._search(query)
        if not found or (len(found) == 1 and found[0].text == query):
            self.close()
            return
        self.model.set_entries(found)
        self.popup.selectionModel().clearSelection()
        self.popup.setCurrentIndex(QModelIndex())
        self.popup.scrollToTop()
        window = self.editor.window()
        if window is not self._window:
            if self._window is not None and isValid(self._window):
                self._window.removeEventFilter(self)
            window.installEventFilter(self)
            self._window = window
        width = max(self.editor.width(), self.min_width)
        self.popup.setGeometry(_popup_geometry(self.editor, width, self.popup.fit_height(self.max_rows)))
        self.popup.show()
        self.popup.raise_()

    # ------------------------------------------------------------------ choosing

    def _select(self, row: int) -> None:
        if row < 0:
            self.popup.selectionModel().clearSelection()
            self.popup.setCurrentIndex(QModelIndex())
            self.popup.scrollToTop()
            return
        index = self.model.index(row, 0)
        self.popup.setCurrentIndex(index)
        self.popup.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.popup.scrollTo(index)

    def accept(self, row: int) -> None:
        """Take entry ``row``: close the list, put its text in the field (unless ``replace_text`` is off), emit
        ``chosen``. The field keeps the focus."""
        if not 0 <= row < len(self.model.entries):
            return
        entry = self.model.entries[row]
        self.close()
        if self.replace_text:
            self._quiet = True
            try:
                if isinstance(self.editor, QLineEdit):
                    self.editor.selectAll()
                    self.editor.insert(entry.text)  # one undo step, unlike setText
                else:
                    cursor = self.editor.textCursor()
                    cursor.select(cursor.SelectionType.Document)
                    cursor.insertText(entry.text)
                    self.editor.setTextCursor(cursor)
            finally:
                self._quiet = False
        self.editor.setFocus(Qt.FocusReason.PopupFocusReason)
        self.chosen.emit(entry)

    # ------------------------------------------------------------------ keys

    _NAVIGATION = {Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp, Qt.Key.Key_Return,
                   Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Escape}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if watched is not self.editor:  # the editor's window moved or changed size: the list would float away
            if watched is self._window and kind in (QEvent.Type.Move, QEvent.Type.Resize):
                self.close()
            return False
        if kind == QEvent.Type.ShortcutOverride and self.is_open():
            key = event.key()  # type: ignore[attr-defined]
            if key in self._NAVIGATION and (key != Qt.Key.Key_Tab or self.current_row() >= 0):
                event.accept()  # the field wants these keys while the list is open: no dialog shortcut
                return True
        elif kind == QEvent.Type.KeyPress and self.is_open():
            return self._key(event)  # type: ignore[arg-type]
        elif kind == QEvent.Type.FocusOut:
            QTimer.singleShot(0, self._focus_left)
        elif kind in (QEvent.Type.Hide, QEvent.Type.Move, QEvent.Type.Resize):
            self.close()
        return False

    def _focus_left(self) -> None:
        if not self.editor.hasFocus():
            self.close()

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        row, count = self.current_row(), self.model.rowCount()
        page = max(1, self.max_rows - 1)
        if key == Qt.Key.Key_Down:
            self._select(min(row + 1, count - 1))
        elif key == Qt.Key.Key_Up:
            self._select(row - 1 if row > 0 else -1)  # above the first row: back to typing
        elif key == Qt.Key.Key_PageDown:
            self._select(min(max(row, 0) + page, count - 1))
        elif key == Qt.Key.Key_PageUp:
            self._select(max(row - page, 0) if row >= 0 else -1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
            if row < 0:  # nothing chosen: the key does what it does without the list
                self.close()
                return False
            self.accept(row)
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            return False
        return True


# ================================================================================================ phrases


class _PhrasePopup(QFrame):
    """The phrase picker: a filter field over the phrase list, in a popup window that closes when it loses focus."""

    def __init__(self, picker: PhrasePicker) -> None:
        super().__init__(None, Qt.WindowType.Popup)
        self.setObjectName("phrasePopup")
        self.setFrameShape(QFrame.Shape.Box)
        self.picker = picker
        self.filter = QLineEdit()
        self.filter.setObjectName("phraseFilter")
        self.filter.setPlaceholderText(self.tr("筛选常用语（文字或拼音首字母），回车插入，Esc 关闭"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListView()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setItemDelegate(EntryDelegate(self.list))
        self.model = _EntryModel(self)
        self.list.setModel(self.model)
        self.hint = QLabel(self.tr("没有匹配的常用语"))
        self.hint.setObjectName("phraseEmpty")
        self.hint.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        lay.addWidget(self.filter)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.hint)
        self.filter.textChanged.connect(self.refresh)
        self.filter.installEventFilter(self)
        self.list.clicked.connect(lambda index: self.picker.insert(index.row()))

    def refresh(self) -> None:
        found = self.picker.search(self.filter.text().strip())
        self.model.set_entries(found)
        self.hint.setVisible(not found)
        if found:
            self.list.setCurrentIndex(self.model.index(0, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            row, count = self.list.currentIndex().row(), self.model.rowCount()
            if key == Qt.Key.Key_Down and count:
                self.list.setCurrentIndex(self.model.index(min(row + 1, count - 1), 0))
                return True
            if key == Qt.Key.Key_Up and count:
                self.list.setCurrentIndex(self.model.index(max(row - 1, 0), 0))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.picker.insert(row)
                return True
            if key == Qt.Key.Key_Escape:
                self.picker.close()
                return True
        return False


class PhrasePicker(QObject):
    """Ctrl+Space (or F4) in an attached text field lists the phrases (kind "phrase"); the chosen one is inserted
    at the cursor. One picker serves any number of fields."""

    inserted = Signal(object)  # svc.LibraryEntry

    def __init__(self, search: Search, parent: QObject | None = None, *,
                 keys: tuple[str, ...] = ("Ctrl+Space", "F4")) -> None:
        super().__init__(parent)
        self.search = search
        self.keys = [QKeySequence(k) for k in keys]
        self.editor: Editor | None = None
        self.popup: _PhrasePopup | None = None

    def attach(self, editor: Editor) -> None:
        editor.installEventFilter(self)
        editor.destroyed.connect(lambda *_: self._forget(editor))
        editor.setToolTip("\n".join(x for x in (editor.toolTip(), self.tr("Ctrl+Space 或 F4：插入常用语")) if x))

    def button(self, editor: Editor, text: str | None = None) -> QToolButton:
        """A small "常用语" button next to ``editor`` that opens the picker for it (attaches it as well)."""
        self.attach(editor)
        b = QToolButton()
        b.setObjectName("phraseButton")
        b.setText(text if text is not None else self.tr("常用语"))
        b.setToolTip(self.tr("插入常用语（Ctrl+Space 或 F4）"))
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        b.clicked.connect(lambda: self.open(editor))
        return b

    def _matches(self, event: QKeyEvent) -> bool:
        pressed = QKeySequence(event.keyCombination())
        return any(pressed.matches(k) == QKeySequence.SequenceMatch.ExactMatch for k in self.keys)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if isinstance(watched, QLineEdit | QPlainTextEdit) and self._matches(event):  # type: ignore[arg-type]
            event.accept()
            if kind == QEvent.Type.KeyPress:
                self.open(watched)
            return True
        return False

    def _forget(self, editor: Editor) -> None:
        if self.editor is editor:
            self.editor = None
            if self.popup is not None and isValid(self.popup):
                self.popup.hide()

    def is_open(self) -> bool:
        return self.popup is not None and self.popup.isVisible()

    def open(self, editor: Editor) -> None:
        self.editor = editor
        if self.popup is None:
            self.popup = _PhrasePopup(self)
        self.popup.filter.clear()
        self.popup.refresh()
        width, height = max(360, min(editor.width(), 520)), 320
        self.popup.setGeometry(_popup_geometry(editor, width, height))
        self.popup.show()
        self.popup.filter.setFocus(Qt.FocusReason.PopupFocusReason)

    def close(self) -> None:
        if self.popup is not None:
            self.popup.hide()
        if self.editor is not None:
            self.editor.setFocus(Qt.FocusReason.PopupFocusReason)

    def insert(self, row: int) -> None:
        """Insert phrase ``row`` at the cursor of the field the picker was opened for, and close."""
        entries = self.popup.model.entries if self.popup is not None else []
        editor = self.editor
        if not 0 <= row < len(entries) or editor is None:
            return
        entry = entries[row]
        self.close()
        if isinstance(editor, QLineEdit):
            editor.insert(entry.text)
        else:
            editor.insertPlainText(entry.text)
        self.inserted.emit(entry)


# ================================================================================================ entry form


class SectorChecks(QWidget):
    """The sectors an entry suits, as a grid of check boxes (none checked = any sector)."""

    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectorChecks")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(2)
        self.boxes: dict[str, QCheckBox] = {}
        self._add(SECTORS)

    def _add(self, sectors: Any) -> None:
        for sec in sectors:
            if sec in self.boxes:
                continue
            box = QCheckBox(enum_label(sec))
            n = len(self.boxes)
            self.grid.addWidget(box, n // self.COLUMNS, n % self.COLUMNS)
            self.boxes[sec] = box

    def set_values(self, sectors: Any) -> None:
        self._add(sectors)  # a sector typed elsewhere (free text) gets its box too
        for sec, box in self.boxes.items():
            box.setChecked(sec in sectors)

    def values(self) -> tuple[str, ...]:
        return tuple(sec for sec, box in self.boxes.items() if box.isChecked())


class EntryDialog(FormDialog):
    """Add or edit one entry. Entry point: ``EntryDialog.edit(parent, ctx, entry_id=None, kind="hazard")``."""

    def __init__(self, ctx: AppContext, entry_id: uuid.UUID | None = None, kind: str = "hazard",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._id = entry_id
        self._version: int | None = None
        self.saved: svc.LibraryEntry | None = None
        self.setMinimumWidth(640)
        self.kind = ValueCombo()
        self.kind.add(self.tr("隐患描述"), "hazard")
        self.kind.add(self.tr("常用语"), "phrase")
        self.kind.set_value(kind)
        self.text = self._text_box(56)
        self.basis = self._text_box(56)
        self.basis.setPlaceholderText(self.tr("如 《中华人民共和国安全生产法》第三十五条；GB 2894-2008"))
        self.category = ValueCombo()
        self.category.setEditable(True)
        self.severity = ValueCombo()
        for code, label in SEVERITY_LABELS.items():
            self.severity.add(enum_label(label), code)
        self.measure = self._text_box(56)
        self.measure.setPlaceholderText(self.tr("如 立即更换合格灭火器，建立月检记录"))
        self.sectors = SectorChecks()
        self.sectors.setToolTip(self.tr("不勾选 = 适用于所有行业；勾选的行业检查时排在前面"))
        self.builtin_note = QLabel(self.tr("这是内置条目。保存修改后它将成为本单位自己的条目，"
                                           "以后内置库更新时不再改动它。"))
        self.builtin_note.setObjectName("builtinNote")
        self.builtin_note.setWordWrap(True)
        self.builtin_note.hide()
        self._row(self.tr("类型"), "kind", self.kind)
        self._row(self.tr("内容 *"), "text", self.text)
        self._row(self.tr("依据"), "basis", self.basis)
        self._row(self.tr("类别"), "category", self.category)
        self._row(self.tr("隐患等级"), "severity", self.severity)
        self._row(self.tr("整改措施"), "measure", self.measure)
        self._row(self.tr("适用行业"), "sectors", self.sectors)
        body = QWidget()
        bl = QVBoxLayout(body)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.builtin_note)
        bl.addLayout(self.form)
        self._finish(body)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        remember_geometry(self, "HazardLibraryEntryDialog")
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._load()

    @staticmethod
    def _text_box(height: int) -> QPlainTextEdit:
        w = QPlainTextEdit()
        w.setFixedHeight(height)
        w.setTabChangesFocus(True)
        return w

    @classmethod
    def edit(cls, parent: QWidget | None, ctx: AppContext, entry_id: uuid.UUID | None = None,
             kind: str = "hazard") -> svc.LibraryEntry | None:
        dlg = cls(ctx, entry_id, kind, parent)
        try:
            if entry_id is not None and dlg._version is None:
                return None
            return dlg.saved if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()

    def _load(self) -> None:
        entry = None
        if self._id is not None:
            try:
                with self._ctx.session() as s:
                    entry = svc.get(s, self._id)
            except NotFound as exc:
                alerts.warning(self.parentWidget(), self.tr("无法打开"), str(exc))
                return
            self._version = entry.version
            self.kind.set_value(entry.kind)
            self.kind.setEnabled(False)
        self._kind_changed()
        self.sectors.set_values(entry.sectors if entry else ())
        if entry is None:
            self.setWindowTitle(self.tr("新增常用语") if self.kind.value() == "phrase" else self.tr("新增隐患描述"))
            return
        self.setWindowTitle(self.tr("编辑常用语") if entry.kind == "phrase" else self.tr("编辑隐患描述"))
        self.builtin_note.setVisible(entry.builtin)
        self.text.setPlainText(entry.text)
        self.basis.setPlainText(entry.basis)
        if not self.category.set_value(entry.category):
            self.category.setEditText(entry.category)
        self.severity.set_value(entry.severity)
        self.measure.setPlainText(entry.measure)

    def _kind_changed(self) -> None:
        hazard = self.kind.value() != "phrase"
        current = self.category.currentText()
        self.category.clear()
        for c in HAZARD_CATEGORIES if hazard else PHRASE_CATEGORIES:
            self.category.add(enum_label(c), c)
        if not self.category.set_value(current):
            self.category.setEditText(current) if current else self.category.setCurrentIndex(-1)
        for name in ("basis", "severity", "measure", "sectors"):
            row = self._form_row(name)
            if row >= 0:
                self.form.setRowVisible(row, hazard)

    def _form_row(self, name: str) -> int:
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, self.form.ItemRole.FieldRole)
            layout = item.layout() if item is not None else None
            if layout is not None and layout.indexOf(self.fields[name]) >= 0:
                return row
        return -1

    def draft(self) -> svc.EntryDraft:
        sectors = self.sectors.values()
        category = self.category.currentText().strip()
        value = self.category.value()
        if value and enum_label(value) == category:
            category = value
        return svc.EntryDraft(kind=self.kind.value(), text=self.text.toPlainText(), basis=self.basis.toPlainText(),
                              category=category, severity=self.severity.value() or Severity.GENERAL,
                              measure=self.measure.toPlainText(), sectors=sectors)

    def save(self) -> None:
        try:
            with self._ctx.session() as s:
                if self._id is None:
                    self.saved = svc.add(s, self.draft(), actor=self._ctx.actor)
                else:
                    self.saved = svc.update(s, self._id, self.draft(), version=self._version, actor=self._ctx.actor)
        except ValidationFailed as exc:
            self.show_errors(exc.errors)
            return
        except (ConcurrentEdit, NotFound) as exc:
            alerts.warning(self, self.tr("未保存"), str(exc))
            self.reject()
            return
        self.accept()


# ================================================================================================ manage dialog


def _major_dot() -> QPixmap:
    """A red dot before 重大 in the table (the theme's item colour would override a text colour)."""
    return colour_dot(MAJOR_COLOUR)


class LibraryTableModel(QAbstractTableModel):
    HEADERS = ("类型", "内容", "依据", "类别", "等级", "常用次数", "来源", "状态")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[svc.LibraryEntry] = []
        self._cells: list[tuple[str, ...]] = []

    def headers(self) -> list[str]:
        return [self.tr("类型"), self.tr("内容"), self.tr("依据"), self.tr("类别"), self.tr("等级"),
                self.tr("常用次数"), self.tr("来源"), self.tr("状态")]

    def set_entries(self, entries: list[svc.LibraryEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        kinds = {"hazard": self.tr("隐患"), "phrase": self.tr("常用语")}
        self._cells = [(
            kinds.get(e.kind, e.kind), e.text, e.basis, enum_label(e.category) if e.category else "",
            enum_label(SEVERITY_LABELS.get(e.severity, e.severity)) if e.kind == "hazard" else "",
            str(e.use_count),
            self.tr("内置") if e.builtin else self.tr("内置（已改）") if e.edited_builtin else self.tr("自建"),
            self.tr("启用") if e.active else self.tr("已停用"),
        ) for e in self.entries]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self.entries[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells[index.row()][col]
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return e.use_count if col == 5 else self._cells[index.row()][col]
        if role == ENTRY_ROLE:
            return e
        if role == Qt.ItemDataRole.DecorationRole and col == 4 and e.kind == "hazard" and e.severity == Severity.MAJOR:
            return _major_dot()
        if role == Qt.ItemDataRole.ForegroundRole and not e.active:
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None


class HazardLibraryDialog(QDialog):
    """隐患库: the whole library, searchable; add, edit, 停用/启用. Entry: ``HazardLibraryDialog.manage(parent, ctx)``
    returns True when anything changed."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.changed = False
        self.setWindowTitle(self.tr("隐患库与常用语"))
        self.resize(1100, 640)
        self.search = QLineEdit()
        self.search.setObjectName("librarySearch")
        self.search.setPlaceholderText(self.tr("搜索：描述、依据或拼音首字母，多个词用空格分开（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.kind = ValueCombo()
        self.kind.add(self.tr("全部"), None)
        self.kind.add(self.tr("隐患描述"), "hazard")
        self.kind.add(self.tr("常用语"), "phrase")
        self.show_inactive = QCheckBox(self.tr("显示已停用"))
        self.count_label = QLabel()
        self.count_label.setObjectName("resultCount")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.kind)
        top.addWidget(self.show_inactive)
        top.addWidget(self.count_label)

        self.model = LibraryTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = QTableView()
        self.table.setObjectName("libraryTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        for i, w in enumerate((64, 330, 0, 100, 72, 88, 100, 72)):
            self.table.setColumnWidth(i, w)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.add_hazard_button = QPushButton(self.tr("新增隐患描述(&N)"))
        self.add_phrase_button = QPushButton(self.tr("新增常用语"))
        self.edit_button = QPushButton(self.tr("编辑(&E)"))
        self.active_button = QPushButton(self.tr("停用"))
        self.active_button.setToolTip(self.tr("停用的条目不再出现在检查录入的提示中；可随时重新启用"))
        buttons = QHBoxLayout()
        for b in (self.add_hazard_button, self.add_phrase_button, self.edit_button, self.active_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        self.hint = QLabel(self.tr("内置条目修改后即成为本单位条目（来源显示“内置（已改）”），内置库更新不再覆盖；"
                                   "条目不删除，不用的请停用。"))
        self.hint.setObjectName("libraryHint")
        self.hint.setWordWrap(True)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.hint)
        lay.addLayout(buttons)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        self.show_inactive.toggled.connect(lambda _b: self.reload())
        self.add_hazard_button.clicked.connect(lambda: self.add("hazard"))
        self.add_phrase_button.clicked.connect(lambda: self.add("phrase"))
        self.edit_button.clicked.connect(self.edit)
        self.active_button.clicked.connect(self.toggle_active)
        self.table.activated.connect(lambda _i: self.edit())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        QShortcut(QKeySequence("Ctrl+F"), self, activated=lambda: (self.search.setFocus(), self.search.selectAll()))
        QShortcut(QKeySequence("Ctrl+N"), self, activated=lambda: self.add("hazard"))
        remember_geometry(self, "HazardLibraryDialog")
        self.reload()
        self.search.setFocus()

    @classmethod
    def manage(cls, parent: QWidget | None, ctx: AppContext) -> bool:
        dlg = cls(ctx, parent)
        try:
            dlg.exec()
            return dlg.changed
        finally:
            dlg.deleteLater()

    def reload(self, keep: uuid.UUID | None = None) -> None:
        self.timer.stop()
        keep = keep if keep is not None else (self.selected().id if self.selected() else None)
        query, kind, inactive = self.search.text().strip(), self.kind.value(), self.show_inactive.isChecked()
        with self._ctx.session() as s:  # no query: the library in its order; a query: best matches first
            found = (svc.search(s, query, kind=kind, limit=None, include_inactive=inactive) if query
                     else svc.entries(s, kind=kind, include_inactive=inactive))
        self.model.set_entries(found)
        self.count_label.setText(self.tr("%n 条", "", len(found)))
        row = next((i for i, e in enumerate(found) if e.id == keep), 0 if found else -1)
        if row >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        self._update_buttons()

    def selected(self) -> svc.LibraryEntry | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        return self.proxy.data(index.siblingAtColumn(0), ENTRY_ROLE)

    def _update_buttons(self) -> None:
        e = self.selected()
        self.edit_button.setEnabled(e is not None)
        self.active_button.setEnabled(e is not None)
        self.active_button.setText(self.tr("重新启用") if e is not None and not e.active else self.tr("停用"))
        mark(self.active_button, "role", "activate" if e is not None and not e.active else "")

    def add(self, kind: str) -> None:
        saved = EntryDialog.edit(self, self._ctx, None, kind)
        if saved is not None:
            self.changed = True
            if not self.show_inactive.isChecked() and self.kind.value() not in (None, kind):
                self.kind.set_value(None)
            self.reload(saved.id)

    def edit(self) -> None:
        e = self.selected()
        if e is None:
            return
        saved = EntryDialog.edit(self, self._ctx, e.id, e.kind)
        if saved is not None:
            self.changed = True
            self.reload(saved.id)

    def toggle_active(self) -> None:
        e = self.selected()
        if e is None:
            return
        try:
            with self._ctx.session() as s:
                svc.set_active(s, e.id, not e.active, actor=self._ctx.actor)
        except NotFound as exc:
            alerts.warning(self, self.tr("未保存"), str(exc))
        self.changed = True
        if e.active and not self.show_inactive.isChecked():
            self.reload()  # the entry disappears from the list; the next row is selected
        else:
            self.reload(e.id)
