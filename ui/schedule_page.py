"""检查排期 module: month / week calendars and a list of visits, with drag-to-move, cancel, dispatch sheet and .ics.

The calendars are QTableViews over small table models whose cells hold the plain ``VisitRow`` data of a day
(month) or of a half-day (week). A visit is dragged with the ``MIME`` type carrying its id and version; the drop
calls ``SchedulePage.move_visit_to`` (after the drop event has finished), which asks for the reason and re-runs
every scheduling rule through ``scheduling.move_visit``.
"""

from __future__ import annotations

import json
import uuid
from calendar import monthrange
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.enums import VISIT_KIND_LABELS, VISIT_STATUS_LABELS, VisitStatus
from models.services import dispatch, regions, scheduling
from models.services import experts as experts_svc
from models.services import officers as officers_svc
from models.services import settings as settings_svc
from models.services.errors import ConcurrentEdit, ServiceError
from models.services.scheduling import PART_LABELS, ScheduleRefused, VisitFilter, VisitRow
from ui import alerts
from ui.context import AppContext
from ui.labels import enum_label
from ui.widgets import ValueCombo

MIME = "application/x-tijian-visit"
VISITS_ROLE = Qt.ItemDataRole.UserRole + 1  # list[VisitRow] of a calendar cell
DAY_ROLE = Qt.ItemDataRole.UserRole + 2  # the cell's date
TODAY_ROLE = Qt.ItemDataRole.UserRole + 3  # True on today's cell
ID_ROLE = Qt.ItemDataRole.UserRole + 4  # the visit id of a list row
_OPEN = (VisitStatus.PLANNED.value, VisitStatus.SCHEDULED.value)
_CELL_LINES = 3  # visit lines shown in a month cell before "另有N项"

Index = QModelIndex | QPersistentModelIndex
DropFn = Callable[[uuid.UUID, int, date, "str | None"], None]


def part_label(part: str) -> str:
    """上午 / 下午 / 全天 in the interface language."""
    labels = {"am": QCoreApplication.translate("SchedulePage", "上午"),
              "pm": QCoreApplication.translate("SchedulePage", "下午"),
              "full": QCoreApplication.translate("SchedulePage", "全天")}
    return labels.get(part, PART_LABELS.get(part, part))


def list_headers() -> list[str]:
    return [QCoreApplication.translate("SchedulePage", "日期"), QCoreApplication.translate("SchedulePage", "时段"),
            QCoreApplication.translate("SchedulePage", "类型"), QCoreApplication.translate("SchedulePage", "状态"),
            QCoreApplication.translate("SchedulePage", "企业"), QCoreApplication.translate("SchedulePage", "专家"),
            QCoreApplication.translate("SchedulePage", "执法人员"),
            QCoreApplication.translate("SchedulePage", "监督员")]


def encode_visit(visit_id: uuid.UUID, version: int) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME, json.dumps({"id": str(visit_id), "version": version}).encode())
    return mime


def decode_visit(mime: QMimeData) -> tuple[uuid.UUID, int] | None:
    if not mime.hasFormat(MIME):
        return None
    try:
        payload = json.loads(bytes(mime.data(MIME).data()).decode())
        return uuid.UUID(payload["id"]), int(payload["version"])
    except (ValueError, KeyError, TypeError):
        return None


def visit_line(v: VisitRow, with_part: bool = True) -> str:
    """"上午 检查+专家 · 企业名…": one visit in a calendar cell."""
    firm = (v.firms[0] if v.firms else "") + ("…" if len(v.firms) > 1 else "")  # the view elides long names
    kind = enum_label(VISIT_KIND_LABELS.get(v.kind, v.kind))
    head = f"{part_label(v.part)} {kind}" if with_part else kind
    mark = QCoreApplication.translate("SchedulePage", "（已取消）") if v.status == VisitStatus.CANCELLED else ""
    return f"{head} · {firm}{mark}"


def visit_tooltip(v: VisitRow) -> str:
    lines = [f"{v.day.isoformat()} {part_label(v.part)}"
             f"{' ' + (v.start_time or '') + ('—' + v.end_time if v.end_time else '') if v.start_time else ''}",
             f"{enum_label(VISIT_KIND_LABELS.get(v.kind, v.kind))} · "
             f"{enum_label(VISIT_STATUS_LABELS.get(v.status, v.status))}",
             QCoreApplication.translate("SchedulePage", "企业：{0}").format("、".join(v.firms))]
    if v.experts:
        lines.append(QCoreApplication.translate("SchedulePage", "专家：{0}").format("、".join(v.experts)))
    if v.officers:
        lines.append(QCoreApplication.translate("SchedulePage", "执法人员：{0}").format("、".join(v.officers)))
    if v.observers:
        lines.append(QCoreApplication.translate("SchedulePage", "监督员：{0}").format("、".join(v.observers)))
    return "\n".join(lines)


# ================================================================================================ models


class _CalendarModel(QAbstractTableModel):
    """Cells of days (or half-days) holding their visits; drag source and drop target of visits."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._visits: list[VisitRow] = []
        self._by_cell: dict[tuple[int, int], list[VisitRow]] = {}
        self.today = date.today()
        self.month: int | None = None
        self.selected_visit: uuid.UUID | None = None  # the visit a drag from a cell carries when it is there
        self.on_drop: DropFn | None = None

    # --- layout, implemented by the subclasses
    def cell_day(self, row: int, col: int) -> date:
        raise NotImplementedError

    def cell_part(self, row: int) -> str | None:
        return None

    def _cells_of(self, v: VisitRow) -> list[tuple[int, int]]:
        raise NotImplementedError

    # --- data
    def set_visits(self, visits: list[VisitRow], today: date | None = None) -> None:
        self.beginResetModel()
        self._visits = list(visits)
        if today is not None:
            self.today = today
        self._by_cell = {}
        for v in self._visits:
            for cell in self._cells_of(v):
                self._by_cell.setdefault(cell, []).append(v)
        self.endResetModel()

    def visits_at(self, index: Index) -> list[VisitRow]:
        if not index.isValid():
            return []
        return self._by_cell.get((index.row(), index.column()), [])

    def index_of_day(self, day: date, part: str | None = None) -> QModelIndex:
        for r in range(self.rowCount()):
            if part is not None and self.cell_part(r) not in (None, part):
                continue
            for c in range(self.columnCount()):
                if self.cell_day(r, c) == day:
                    return self.index(r, c)
        return QModelIndex()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def _text(self, index: Index) -> str:
        raise NotImplementedError

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        day = self.cell_day(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index)
        if role == Qt.ItemDataRole.ToolTipRole:
            visits = self.visits_at(index)
            return "\n\n".join(visit_tooltip(v) for v in visits) if visits else None
        if role == VISITS_ROLE:
            return self.visits_at(index)
        if role == DAY_ROLE:
            return day
        if role == TODAY_ROLE:
            return day == self.today
        if role == Qt.ItemDataRole.FontRole and day == self.today:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and day == self.today:
            return QBrush(QApplication.palette().color(QPalette.ColorRole.AlternateBase))
        if role == Qt.ItemDataRole.ForegroundRole and self.month is not None and day.month != self.month:
            return QBrush(QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        if self._drag_visit(index) is not None:
            f |= Qt.ItemFlag.ItemIsDragEnabled
        return f

    # --- drag and drop
    def _drag_visit(self, index: Index) -> VisitRow | None:
        movable = [v for v in self.visits_at(index) if v.status in _OPEN]
        for v in movable:
            if v.id == self.selected_visit:
                return v
        return movable[0] if movable else None

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData | None:
        for index in indexes:
            v = self._drag_visit(index)
            if v is not None:
                return encode_visit(v.id, v.version)
        return None

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return decode_visit(data) is not None and self._target(row, column, parent) is not None

    def _target(self, row: int, column: int, parent: Index) -> tuple[date, str | None] | None:
        if parent.isValid():
            row, column = parent.row(), parent.column()
        if not (0 <= row < self.rowCount() and 0 <= column < self.columnCount()):
            return None
        return self.cell_day(row, column), self.cell_part(row)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        visit = decode_visit(data)
        target = self._target(row, column, parent)
        if visit is None or target is None or action == Qt.DropAction.IgnoreAction:
            return False
        if self.on_drop is not None:
            vid, version = visit
            day, part = target
            # after the drop event: the move asks questions and reloads this model
            QTimer.singleShot(0, lambda: self.on_drop and self.on_drop(vid, version, day, part))
        return False  # nothing to remove from the source: the reload shows the result


class MonthModel(_CalendarModel):
    """6 weeks × 7 days starting on the Monday on or before the 1st of the month."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.first = date.today().replace(day=1)
        self.start = self.first - timedelta(days=self.first.weekday())

    def set_month(self, any_day: date) -> None:
        self.beginResetModel()
        self.first = any_day.replace(day=1)
        self.month = self.first.month
        self.start = self.first - timedelta(days=self.first.weekday())
        self._by_cell = {}
        self._visits = []
        self.endResetModel()

    @property
    def end(self) -> date:
        return self.start + timedelta(days=41)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def cell_day(self, row: int, col: int) -> date:
        return self.start + timedelta(days=row * 7 + col)

    def _cells_of(self, v: VisitRow) -> list[tuple[int, int]]:
        n = (v.day - self.start).days
        return [(n // 7, n % 7)] if 0 <= n < 42 else []

    def _text(self, index: Index) -> str:
        day = self.cell_day(index.row(), index.column())
        visits = self.visits_at(index)
        head = str(day.day) if day.day != 1 else QCoreApplication.translate("SchedulePage", "{0}月{1}日").format(day.month, day.day)
        lines = [head] + [visit_line(v) for v in visits[:_CELL_LINES]]
        if len(visits) > _CELL_LINES:
            lines.append(QCoreApplication.translate("SchedulePage", "另有{0}项…").format(len(visits) - _CELL_LINES))
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < 7:
            return weekdays()[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < 6:
            return str(self.cell_day(section, 0).isocalendar()[1])
        return None


def weekdays() -> list[str]:
    return [QCoreApplication.translate("SchedulePage", "星期一"), QCoreApplication.translate("SchedulePage", "星期二"), QCoreApplication.translate("SchedulePage", "星期三"), QCoreApplication.translate("SchedulePage", "星期四"), QCoreApplication.translate("SchedulePage", "星期五"), QCoreApplication.translate("SchedulePage", "星期六"), QCoreApplication.translate("SchedulePage", "星期日")]


class WeekModel(_CalendarModel):
    """7 days × two half-days (上午 / 下午); a full-day visit shows in both rows."""

    PARTS = ("am", "pm")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        today = date.today()
        self.start = today - timedelta(days=today.weekday())

    def set_week(self, any_day: date) -> None:
        self.beginResetModel()
        self.start = any_day - timedelta(days=any_day.weekday())
        self._by_cell = {}
        self._visits = []
        self.endResetModel()

    @property
    def end(self) -> date:
        return self.start + timedelta(days=6)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def cell_day(self, row: int, col: int) -> date:
        return self.start + timedelta(days=col)

    def cell_part(self, row: int) -> str | None:
        return self.PARTS[row] if 0 <= row < 2 else None

    def _cells_of(self, v: VisitRow) -> list[tuple[int, int]]:
        n = (v.day - self.start).days
        if not 0 <= n < 7:
            return []
        rows = [0, 1] if v.part not in self.PARTS else [self.PARTS.index(v.part)]
        return [(r, n) for r in rows]

    def _text(self, index: Index) -> str:
        return "\n".join(visit_line(v, with_part=v.part not in self.PARTS) for v in self.visits_at(index))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < 7:
            d = self.start + timedelta(days=section)
            return f"{weekdays()[section]} {d.month}-{d.day:02d}"
        if orientation == Qt.Orientation.Vertical and 0 <= section < 2:
            return part_label(self.PARTS[section])
        return None


class VisitListModel(QAbstractTableModel):
    """The list view: one row per visit (visits_between's rows, in their order)."""

    COLUMNS = 8

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[VisitRow] = []
        self._cache: dict[int, tuple[str, ...]] = {}

    def set_rows(self, rows: list[VisitRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._cache = {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def _texts(self, r: int) -> tuple[str, ...]:
        t = self._cache.get(r)
        if t is None:
            v = self.rows[r]
            span = part_label(v.part)
            if v.start_time:
                span += f" {v.start_time}" + (f"—{v.end_time}" if v.end_time else "")
            t = (v.day.isoformat(), span, enum_label(VISIT_KIND_LABELS.get(v.kind, v.kind)),
                 enum_label(VISIT_STATUS_LABELS.get(v.status, v.status)), "、".join(v.firms), "、".join(v.experts),
                 "、".join(v.officers), "、".join(v.observers))
            self._cache[r] = t
        return t

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts(index.row())[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return visit_tooltip(self.rows[index.row()])
        if role == ID_ROLE:
            return self.rows[index.row()].id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < self.COLUMNS:
            return list_headers()[section]
        return None


class DayVisitsModel(QAbstractListModel):
    """The selected day's visits beside the calendar; a drag source too."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[VisitRow] = []

    def set_rows(self, rows: list[VisitRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        v = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return visit_tooltip(v)
        if role == Qt.ItemDataRole.ToolTipRole:
            return visit_tooltip(v)
        if role == ID_ROLE:
            return v.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if 0 <= index.row() < len(self.rows) and self.rows[index.row()].status in _OPEN:
            f |= Qt.ItemFlag.ItemIsDragEnabled
        return f

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData | None:
        for index in indexes:
            if index.isValid() and 0 <= index.row() < len(self.rows):
                v = self.rows[index.row()]
                return encode_visit(v.id, v.version)
        return None


# ================================================================================================ dialogs


class ReasonDialog:
    """Asks for one line of text (the reason of a move, a cancellation, a warning override)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, label: str) -> str | None:
        """The reason typed (stripped), or None when the user cancelled or left it empty."""
        text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, "")
        text = (text or "").strip()
        return text if ok and text else None


def _calendar_view(model: _CalendarModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setDragEnabled(True)
    view.setAcceptDrops(True)
    view.setDropIndicatorShown(True)
    view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
    view.setDefaultDropAction(Qt.DropAction.MoveAction)
    view.setDragDropOverwriteMode(False)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.horizontalHeader().setMinimumSectionSize(60)
    return view


# ================================================================================================ page


class SchedulePage(QWidget):
    """检查排期: the toolbar, the three views and the selected day's visits."""

    MONTH, WEEK, LIST = 0, 1, 2
    recordRequested = Signal(object)  # visit id: open its on-site inspection (the main window shows 现场检查)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._loading = False
        self.today = date.today()
        self.day = self.today  # the selected day
        self.mode = self.MONTH
        self.rows: list[VisitRow] = []  # the visits of the shown range (after the filter)

        # --- toolbar row 1: views, navigation, actions
        self.month_button = QPushButton(self.tr("月"))
        self.week_button = QPushButton(self.tr("周"))
        self.list_button = QPushButton(self.tr("列表"))
        self.view_group = QButtonGroup(self)
        for i, b in enumerate((self.month_button, self.week_button, self.list_button)):
            b.setCheckable(True)
            self.view_group.addButton(b, i)
        self.month_button.setChecked(True)
        self.prev_button = QPushButton(self.tr("上一页"))
        self.today_button = QPushButton(self.tr("今天"))
        self.next_button = QPushButton(self.tr("下一页"))
        self.period_label = QLabel()
        font = self.period_label.font()
        font.setBold(True)
        self.period_label.setFont(font)
        self.new_button = QPushButton(self.tr("新建检查"))
        self.cancel_button = QPushButton(self.tr("取消检查…"))
        self.dispatch_button = QPushButton(self.tr("派工单…"))
        self.record_button = QPushButton(self.tr("现场检查"))
        self.record_button.setToolTip(self.tr("打开所选检查的现场检查记录"))
        self.ics_button = QPushButton(self.tr("导出日历…"))
        top = QHBoxLayout()
        for w in (self.month_button, self.week_button, self.list_button):
            top.addWidget(w)
        top.addSpacing(12)
        for w in (self.prev_button, self.today_button, self.next_button):
            top.addWidget(w)
        top.addSpacing(12)
        top.addWidget(self.period_label)
        top.addStretch(1)
        for w in (self.new_button, self.cancel_button, self.record_button, self.dispatch_button, self.ics_button):
            top.addWidget(w)

        # --- toolbar row 2: filters
        self.town = ValueCombo()
        self.person = ValueCombo()
        self.kind = ValueCombo()
        self.status = ValueCombo()
        self.clear_button = QPushButton(self.tr("清除筛选"))
        self.count_label = QLabel()
        self.count_label.setObjectName("resultCount")
        filters = QHBoxLayout()
        for w in (self.town, self.person, self.kind, self.status):
            w.setSizeAdjustPolicy(ValueCombo.SizeAdjustPolicy.AdjustToContents)
            filters.addWidget(w)
        self.person.setMaximumWidth(240)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        # --- views
        self.month_model = MonthModel(self)
        self.week_model = WeekModel(self)
        self.list_model = VisitListModel(self)
        self.day_model = DayVisitsModel(self)
        self.month_view = _calendar_view(self.month_model)
        self.week_view = _calendar_view(self.week_model)
        self.list_view = QTableView()
        self.list_view.setModel(self.list_model)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.setWordWrap(False)
        self.list_view.verticalHeader().setDefaultSectionSize(26)
        self.list_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.list_view.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((90, 130, 100, 64, 260, 110, 120)):
            self.list_view.setColumnWidth(col, width)
        self.stack = QStackedWidget()
        for w in (self.month_view, self.week_view, self.list_view):
            self.stack.addWidget(w)
        for m in (self.month_model, self.week_model):
            m.on_drop = self._dropped

        self.day_label = QLabel()
        self.day_list = QListView()
        self.day_list.setModel(self.day_model)
        self.day_list.setDragEnabled(True)
        self.day_list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.day_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.day_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.day_list.setAlternatingRowColors(True)
        self.day_list.setWordWrap(True)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.day_label)
        side_layout.addWidget(self.day_list, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([960, 230])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

        self._fill_filters()
        self.view_group.idClicked.connect(self.set_mode)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        for combo in (self.town, self.person, self.kind, self.status):
            combo.currentIndexChanged.connect(self._filter_changed)
        self.clear_button.clicked.connect(self.clear_filters)
        self.new_button.clicked.connect(self.new_visit)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.dispatch_button.clicked.connect(self.export_dispatch)
        self.record_button.clicked.connect(self._record_selected)
        self.ics_button.clicked.connect(self.export_ics)
        for view in (self.month_view, self.week_view):
            view.clicked.connect(self._cell_clicked)
            view.doubleClicked.connect(self._cell_double_clicked)
        self.list_view.clicked.connect(self._list_clicked)
        self.list_view.doubleClicked.connect(
            lambda index: self.edit_visit(self.list_model.data(index, ID_ROLE)))
        self.day_list.clicked.connect(self._day_list_clicked)
        self.day_list.doubleClicked.connect(lambda index: self.edit_visit(self.day_model.data(index, ID_ROLE)))
        self.refresh()

    # ------------------------------------------------------------------------------------------ filters

    def _fill_filters(self) -> None:
        self._loading = True
        try:
            with self._ctx.session() as s:
                towns = regions.towns(s)
                officers = officers_svc.officers(s)
                experts = experts_svc.search(s)
                supervisors = officers_svc.supervisors(s)
            self.town.clear()
            self.town.add(self.tr("全部乡镇"), None)
            for t in towns:
                self.town.add(t.name, t.id)
            self.person.clear()
            self.person.add(self.tr("全部人员"), None)
            for o in officers:
                self.person.add(self.tr("{0}（执法人员）").format(o.name), ("officer", o.id))
            for e in experts:
                self.person.add(self.tr("{0}（专家）").format(e.name), ("expert", e.id))
            for p in supervisors:
                self.person.add(self.tr("{0}（监督员）").format(p.name), ("supervisor", p.id))
            self.kind.clear()
            self.kind.add(self.tr("全部类型"), None)
            for code, label in VISIT_KIND_LABELS.items():
                self.kind.add(enum_label(label), str(code))
            self.status.clear()
            self.status.add(self.tr("全部状态"), None)
            for code, label in VISIT_STATUS_LABELS.items():
                self.status.add(enum_label(label), str(code))
        finally:
            self._loading = False

    def visit_filter(self) -> VisitFilter:
        person = self.person.value()
        return VisitFilter(town_id=self.town.value(), person_id=person[1] if person else None,
                           kind=self.kind.value(), status=self.status.value())

    def _filter_changed(self) -> None:
        if not self._loading:
            self.refresh()

    def clear_filters(self) -> None:
        self._loading = True
        try:
            for combo in (self.town, self.person, self.kind, self.status):
                combo.setCurrentIndex(0)
        finally:
            self._loading = False
        self.refresh()

    # ------------------------------------------------------------------------------------------ navigation

    def set_mode(self, mode: int) -> None:
        self.mode = mode
        self.view_group.button(mode).setChecked(True)
        self.stack.setCurrentIndex(mode)
        self.refresh()

    def step(self, direction: int) -> None:
        if self.mode == self.WEEK:
            self.day += timedelta(days=7 * direction)
        else:
            y, m = self.day.year, self.day.month + direction
            y, m = (y - 1, 12) if m < 1 else ((y + 1, 1) if m > 12 else (y, m))
            self.day = date(y, m, min(self.day.day, monthrange(y, m)[1]))
        self.refresh()

    def go_today(self) -> None:
        self.today = date.today()
        self.day = self.today
        self.refresh()

    def show_day(self, day: date) -> None:
        self.day = day
        self.refresh()

    def range(self) -> tuple[date, date]:
        """The days the current view shows."""
        if self.mode == self.WEEK:
            start = self.day - timedelta(days=self.day.weekday())
            return start, start + timedelta(days=6)
        if self.mode == self.LIST:
            return self.day.replace(day=1), self.day.replace(day=monthrange(self.day.year, self.day.month)[1])
        first = self.day.replace(day=1)
        start = first - timedelta(days=first.weekday())
        return start, start + timedelta(days=41)

    # ------------------------------------------------------------------------------------------ loading

    def refresh(self) -> None:
        start, end = self.range()
        try:
            with self._ctx.session() as s:
                rows = scheduling.visits_between(s, start, end, self.visit_filter())
        except ServiceError as e:
            alerts.warning(self, self.tr("检查排期"), str(e))
            rows = []
        self.rows = rows
        if self.mode == self.MONTH:
            self.month_model.set_month(self.day)
            self.month_model.set_visits(rows, self.today)
            self.month_view.setCurrentIndex(self.month_model.index_of_day(self.day))
            self.period_label.setText(self.tr("{0}年{1}月").format(self.day.year, self.day.month))
        elif self.mode == self.WEEK:
            self.week_model.set_week(self.day)
            self.week_model.set_visits(rows, self.today)
            self.week_view.setCurrentIndex(self.week_model.index_of_day(self.day))
            self.period_label.setText(self.tr("{0} 至 {1}").format(start.isoformat(), end.isoformat()))
        else:
            self.list_model.set_rows(rows)
            self.period_label.setText(self.tr("{0}年{1}月").format(self.day.year, self.day.month))
        self.count_label.setText(self.tr("共 {0} 项检查").format(len(rows)))
        self._show_day_visits()

    def _show_day_visits(self) -> None:
        keep = self.month_model.selected_visit
        todays = [v for v in self.rows if v.day == self.day]
        self.day_model.set_rows(todays)
        self.day_label.setText(self.tr("{0}（{1}）：{2} 项").format(
            self.day.isoformat(), weekdays()[self.day.weekday()], len(todays)))
        for r, v in enumerate(todays):
            if v.id == keep:
                self.day_list.setCurrentIndex(self.day_model.index(r, 0))
                break

    def _cell_clicked(self, index: QModelIndex) -> None:
        day = index.data(DAY_ROLE)
        if isinstance(day, date):
            self.day = day
            self._show_day_visits()

    def _list_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.day = self.list_model.rows[index.row()].day
            self._show_day_visits()

    def _day_list_clicked(self, index: QModelIndex) -> None:
        vid = self.day_model.data(index, ID_ROLE)
        for m in (self.month_model, self.week_model):
            m.selected_visit = vid

    def _cell_double_clicked(self, index: QModelIndex) -> None:
        visits = index.data(VISITS_ROLE) or []
        if not visits:
            day = index.data(DAY_ROLE)
            if isinstance(day, date):
                self.day = day
                self.new_visit()
            return
        chosen = next((v for v in visits if v.id == self.selected_visit_id()), visits[0])
        self.edit_visit(chosen.id)

    def _record_selected(self) -> None:
        vid = self.selected_visit_id()
        if vid is None:
            alerts.info(self, self.tr("现场检查"), self.tr("请先在日历或列表中选择一次检查。"))
            return
        self.recordRequested.emit(vid)

    def selected_visit_id(self) -> uuid.UUID | None:
        """The visit the actions apply to: the list view's row, else the selected one of the day's visits."""
        if self.mode == self.LIST:
            index = self.list_view.currentIndex()
            if index.isValid():
                return self.list_model.rows[index.row()].id
        index = self.day_list.currentIndex()
        if index.isValid():
            return self.day_model.rows[index.row()].id
        if len(self.day_model.rows) == 1:
            return self.day_model.rows[0].id
        return None

    def select_visit(self, visit_id: uuid.UUID) -> bool:
        """Selects the visit in the day panel (and in the list view); False when it is not shown."""
        for r, v in enumerate(self.rows):
            if v.id == visit_id:
                self.day = v.day
                self._show_day_visits()
                for dr, dv in enumerate(self.day_model.rows):
                    if dv.id == visit_id:
                        self.day_list.setCurrentIndex(self.day_model.index(dr, 0))
                if self.mode == self.LIST:
                    self.list_view.setCurrentIndex(self.list_model.index(r, 0))
                for m in (self.month_model, self.week_model):
                    m.selected_visit = visit_id
                return True
        return False

    # ------------------------------------------------------------------------------------------ editor

    def new_visit(self) -> uuid.UUID | None:
        from ui.visit_dialog import VisitDialog

        vid = VisitDialog.edit(self, self._ctx, visit_id=None, day=self.day)
        self.refresh()
        return vid

    def edit_visit(self, visit_id: uuid.UUID | None) -> uuid.UUID | None:
        if visit_id is None:
            return None
        from ui.visit_dialog import VisitDialog

        vid = VisitDialog.edit(self, self._ctx, visit_id=visit_id)
        self.refresh()
        return vid

    # ------------------------------------------------------------------------------------------ move

    def _dropped(self, visit_id: uuid.UUID, version: int, day: date, part: str | None) -> None:
        self.move_visit_to(visit_id, day, version=version, part=part)

    def move_visit_to(self, visit_id: uuid.UUID, new_day: date, *, version: int | None = None,
                      part: str | None = None) -> bool:
        """Moves the visit (asking for the reason, and for override reasons of warnings); True when it moved."""
        title = self.tr("调整检查日期")
        try:
            with self._ctx.session() as s:
                record = scheduling.get_visit(s, visit_id)
        except ServiceError as e:
            alerts.warning(self, title, str(e))
            self.refresh()
            return False
        if version is None:
            version = record.version
        if part is not None and record.data.part_of_day not in ("am", "pm"):
            part = None  # a full-day visit stays full-day when dropped on a half-day
        if record.data.day == new_day and (part is None or part == record.data.part_of_day):
            return False
        reason = ReasonDialog.ask(self, title, self.tr("把检查从{0}改到{1}的原因：").format(
            record.data.day.isoformat(), new_day.isoformat()))
        if not reason:
            return False
        overrides: dict[str, str] = {}
        while True:
            try:
                with self._ctx.session() as s:
                    scheduling.move_visit(s, visit_id, new_day, reason, version, self._ctx.actor,
                                          part_of_day=part, overrides=overrides)
            except ScheduleRefused as e:
                pending = [w for w in e.result.unresolved if w.code not in overrides]
                if e.result.blocks or not pending:
                    alerts.warning(self, title, str(e))
                    self.refresh()
                    return False
                for w in pending:
                    if w.code in overrides:
                        continue
                    answer = ReasonDialog.ask(self, self.tr("需要填写理由"), self.tr(
                        "{0}\n\n如仍要调整，请填写理由：").format(w.message))
                    if not answer:
                        self.refresh()
                        return False
                    overrides[w.code] = answer
                continue
            except ConcurrentEdit as e:
                alerts.warning(self, title, str(e))
                self.refresh()
                return False
            except ServiceError as e:
                alerts.warning(self, title, str(e))
                self.refresh()
                return False
            break
        self.day = new_day
        self.refresh()
        self.select_visit(visit_id)
        return True

    # ------------------------------------------------------------------------------------------ cancel

    def cancel_selected(self) -> bool:
        vid = self.selected_visit_id()
        if vid is None:
            alerts.info(self, self.tr("取消检查"), self.tr("请先选择要取消的检查。"))
            return False
        return self.cancel_visit(vid)

    def cancel_visit(self, visit_id: uuid.UUID) -> bool:
        title = self.tr("取消检查")
        reason = ReasonDialog.ask(self, title, self.tr("取消该检查的原因："))
        if not reason:
            return False
        try:
            with self._ctx.session() as s:
                record = scheduling.get_visit(s, visit_id)
                scheduling.cancel_visit(s, visit_id, reason, record.version, self._ctx.actor)
        except ServiceError as e:
            alerts.warning(self, title, str(e))
            self.refresh()
            return False
        self.refresh()
        return True

    # ------------------------------------------------------------------------------------------ outputs

    def export_dispatch(self) -> bool:
        with self._ctx.session() as s:
            has_visits = bool(dispatch.visits_of_day(s, self.day))
        if not has_visits:
            alerts.info(self, self.tr("派工单"), self.tr("{0}没有安排检查。").format(self.day.isoformat()))
            return False
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存派工单"), self.tr("派工单-{0}.pdf").format(self.day.isoformat()),
            self.tr("PDF 文件 (*.pdf)"))
        if not path:
            return False
        return self.write_dispatch(path)

    def write_dispatch(self, path: str, day: date | None = None) -> bool:
        """Writes the dispatch sheet of the day (default: the selected day) to ``path``; True when written."""
        day = day or self.day
        title = self.tr("派工单")
        try:
            with self._ctx.session() as s:
                data = dispatch.dispatch_data(s, dispatch.visits_of_day(s, day))
                agency = str(settings_svc.get(s, "agency_name") or "")
            if not data:
                alerts.info(self, title, self.tr("{0}没有安排检查。").format(day.isoformat()))
                return False
            try:
                pdf = dispatch.dispatch_pdf(data, agency, title_day=day)
            except dispatch.MissingGlyphs as e:
                if not alerts.confirm(self, title, self.tr("{0}\n\n是否代替后继续打印？").format(str(e))):
                    return False
                pdf = dispatch.dispatch_pdf(data, agency, title_day=day, replace_missing=True)
            with open(path, "wb") as f:
                f.write(pdf)
        except (ServiceError, OSError) as e:
            alerts.warning(self, title, str(e))
            return False
        return True

    def export_ics(self) -> bool:
        person = self.person.value()
        if not person:
            alerts.info(self, self.tr("导出日历"), self.tr("请先在“全部人员”筛选中选择一位人员。"))
            return False
        name = self.person.currentText().split("（")[0]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出日历"), f"{name}.ics",
                                              self.tr("日历文件 (*.ics)"))
        if not path:
            return False
        return self.write_ics(path, person[0], person[1])

    def write_ics(self, path: str, role: str, person_id: uuid.UUID) -> bool:
        """Writes the person's visits (role: officer / expert / supervisor) as an iCalendar file."""
        try:
            with self._ctx.session() as s:
                text = dispatch.person_ics(s, **{f"{role}_id": person_id})
            with open(path, "wb") as f:
                f.write(text.encode("utf-8"))
        except (ServiceError, OSError) as e:
            alerts.warning(self, self.tr("导出日历"), str(e))
            return False
        return True
