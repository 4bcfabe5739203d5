"""隐患台账 module: every hazard in one table, with filters, a totals line and the Excel export; and
``EnterpriseLedger``, the same table fixed to one firm for the enterprise archive (一企一档).

The page runs on ``models.services.ledger.LedgerIndex`` (one per window, shared through ``ledger_index(ctx)``): a
filter or keystroke is answered from memory. Loading the index takes about a second at 100,000 hazards, so the
page first shows the newest rows and the totals from a few index lookups (``first_rows`` + ``count_sql``) and loads
the index in a worker thread (its own session); filters chosen meanwhile apply when it arrives. While the page is
shown, a worker asks the change stamp every few seconds and reloads when another user changed hazards; after this
program's own writes call ``reload()``.

Enter or a double-click on a row emits ``openHazard(uuid)`` (the main window opens the hazard dialog);
``企业档案`` / Ctrl+E emits ``openEnterprise(uuid)``.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QPixmap, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.enums import HAZARD_STATUS_LABELS, SEVERITY_LABELS, VISIT_KIND_LABELS, HazardStatus, Severity
from models.services import enterprises as enterprise_svc
from models.services import ledger, ledger_excel, regions
from models.services.errors import ServiceError
from models.services.ledger import LedgerFilter, LedgerIndex, LedgerRow, LedgerTotals
from ui import alerts
from ui.context import AppContext
from ui.labels import enum_label
from ui.tasks import TaskCancelled, run_in_session
from ui.widgets import OptionalDateEdit, ValueCombo, colour_dot

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the hazard's UUID
ENTERPRISE_ROLE = Qt.ItemDataRole.UserRole + 2  # the firm's UUID
ESCALATION_ROLE = Qt.ItemDataRole.UserRole + 3  # the escalation level, 0–3 (for delegates and tests)

# (sort key, header) per column; the headers are translated in headers().
COLUMNS: tuple[tuple[str, str], ...] = (
    ("ledger", "序号"), ("enterprise", "单位"), ("town", "镇"), ("description", "隐患描述"), ("severity", "等级"),
    ("category", "类别"), ("found_on", "发现日期"), ("deadline", "整改期限"), ("status", "状态"),
    ("escalation", "升级"), ("finder", "发现人"), ("visit_kind", "检查类型"), ("review_note", "复查情况"),
    ("closed_on", "销号日期"),
)
SORT_COLUMN = {key: i for i, (key, _h) in enumerate(COLUMNS)}
ESCALATION_COLUMN = SORT_COLUMN["escalation"]
STATUS_COLUMN = SORT_COLUMN["status"]
WIDTHS = (54, 200, 64, 320, 46, 80, 86, 86, 104, 100, 60, 84, 150, 86)
_CENTRED = {0, 2, 4, 6, 7, 9, 13}
ESCALATION_COLOURS = {1: "#f9a825", 2: "#ef6c00", 3: "#c62828"}  # 到期 amber, +3 days orange, +7 days red
OVERDUE_COLOUR = "#c62828"
RECHECK_MS = 4000  # how often a shown page asks whether another user changed hazards


def headers() -> list[str]:
    return [
        QCoreApplication.translate("LedgerModel", "序号"), QCoreApplication.translate("LedgerModel", "单位"),
        QCoreApplication.translate("LedgerModel", "镇"), QCoreApplication.translate("LedgerModel", "隐患描述"),
        QCoreApplication.translate("LedgerModel", "等级"), QCoreApplication.translate("LedgerModel", "类别"),
        QCoreApplication.translate("LedgerModel", "发现日期"), QCoreApplication.translate("LedgerModel", "整改期限"),
        QCoreApplication.translate("LedgerModel", "状态"), QCoreApplication.translate("LedgerModel", "升级"),
        QCoreApplication.translate("LedgerModel", "发现人"), QCoreApplication.translate("LedgerModel", "检查类型"),
        QCoreApplication.translate("LedgerModel", "复查情况"), QCoreApplication.translate("LedgerModel", "销号日期"),
    ]


def escalation_label(level: int, thresholds: Sequence[int] = (0, 3, 7)) -> str:
    """到期 / 逾期3天以上 / 逾期7天以上 (the day counts from the setting escalation_days); '' for level 0."""
    if level <= 0:
        return ""
    ordered = sorted(thresholds)
    days = ordered[min(level, len(ordered)) - 1]
    if days <= 0:
        return QCoreApplication.translate("LedgerModel", "到期")
    return QCoreApplication.translate("LedgerModel", "逾期{n}天以上").format(n=days)


def status_label(row: LedgerRow) -> str:
    label = enum_label(HAZARD_STATUS_LABELS.get(row.status, row.status))
    if row.overdue:
        return QCoreApplication.translate("LedgerModel", "{status}（逾期）").format(status=label)
    return label


def escalation_dot(level: int) -> QPixmap:
    return colour_dot(ESCALATION_COLOURS.get(level, "#9e9e9e"))


def _d(value: date | None) -> str:
    return value.isoformat() if value else ""


def ledger_index(ctx: AppContext) -> LedgerIndex:
    """The window's one LedgerIndex (``ctx.ledger_index`` once AppContext offers it; kept on the context till then)."""
    got = getattr(ctx, "ledger_index", None)
    if isinstance(got, LedgerIndex):
        return got
    return vars(ctx).setdefault("_ledger_index_of_window", LedgerIndex())


# ================================================================================================ model


class LedgerModel(QAbstractTableModel):
    """The ledger table over either the in-memory index (positions into one snapshot of it) or a plain list of
    rows (the archive's ledger). Display strings are made once per row shown and cached. Clicking a header asks
    for an order through ``sortRequested(key, descending)``; the owner answers with new rows."""

    sortRequested = Signal(str, bool)  # noqa: N815

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._index: LedgerIndex | None = None
        self._positions: list[int] = []
        self._snapshot: Any = None
        self._rows: list[LedgerRow] = []
        self._cache: dict[int, tuple[LedgerRow, tuple[str, ...]]] = {}
        self._headers = headers()
        self.thresholds: tuple[int, ...] = (0, 3, 7)
        self.sort_key = ledger.DEFAULT_SORT
        self.descending = ledger.DEFAULT_DESCENDING

    # ------------------------------------------------------------------ content

    @property
    def total(self) -> int:
        return len(self._positions) if self._index is not None else len(self._rows)

    @property
    def live(self) -> bool:
        """True when the rows come from the index (not the first screen or a plain list)."""
        return self._index is not None

    def set_index_rows(self, index: LedgerIndex, positions: list[int]) -> None:
        self.beginResetModel()
        self._index, self._positions, self._snapshot = index, positions, index.snapshot()
        self.thresholds = self._snapshot.thresholds
        self._rows = []
        self._cache.clear()
        self.endResetModel()

    def set_rows(self, rows: list[LedgerRow], thresholds: Sequence[int] | None = None) -> None:
        self.beginResetModel()
        self._index, self._positions, self._snapshot = None, [], None
        self._rows = rows
        if thresholds is not None:
            self.thresholds = tuple(thresholds)
        self._cache.clear()
        self.endResetModel()

    def row_at(self, row: int) -> LedgerRow | None:
        hit = self._hit(row)
        return hit[0] if hit else None

    def id_at(self, row: int) -> uuid.UUID | None:
        if not 0 <= row < self.total:
            return None
        if self._index is not None:
            return self._index.hazard_id(self._positions[row], self._snapshot)
        return self._rows[row].id

    def row_of(self, hazard_id: uuid.UUID | None) -> int:
        if hazard_id is None:
            return -1
        if self._index is not None:
            p = self._index.position_of(hazard_id, self._snapshot)
            try:
                return self._positions.index(p) if p >= 0 else -1
            except ValueError:
                return -1
        return next((i for i, r in enumerate(self._rows) if r.id == hazard_id), -1)

    def _hit(self, row: int) -> tuple[LedgerRow, tuple[str, ...]] | None:
        if not 0 <= row < self.total:
            return None
        hit = self._cache.get(row)
        if hit is None:
            if len(self._cache) > 4000:
                self._cache.clear()
            r = self._index.row(self._positions[row], self._snapshot) if self._index is not None else self._rows[row]
            hit = self._cache[row] = (r, self._display(row, r))
        return hit

    def _display(self, row: int, r: LedgerRow) -> tuple[str, ...]:
        return (str(row + 1), r.enterprise, r.town, r.description, enum_label(SEVERITY_LABELS.get(r.severity, r.severity)),
                r.category, _d(r.found_on), _d(r.deadline), status_label(r), escalation_label(r.escalation, self.thresholds),
                r.finder, enum_label(VISIT_KIND_LABELS[r.visit_kind]) if r.visit_kind in VISIT_KIND_LABELS else "",
                r.review_note, _d(r.closed_on))

    # ------------------------------------------------------------------ Qt API

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called thousands of times per paint: the common roles first, from the cache.
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            hit = self._hit(index.row())
            return hit[1][index.column()] if hit else None
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter) if col in _CENTRED else None
        if role == Qt.ItemDataRole.DecorationRole:
            if col == ESCALATION_COLUMN:
                hit = self._hit(index.row())
                if hit and hit[0].escalation > 0:
                    return escalation_dot(hit[0].escalation)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col in (STATUS_COLUMN, ESCALATION_COLUMN):
                hit = self._hit(index.row())
                if hit and hit[0].overdue:
                    return QBrush(QColor(OVERDUE_COLOUR))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            hit = self._hit(index.row())
            if not hit:
                return None
            r = hit[0]
            if col == ESCALATION_COLUMN and r.deadline and r.status != HazardStatus.CLOSED:
                if r.days_overdue > 0:
                    return self.tr("已逾期 {n} 天（整改期限 {day}）").format(n=r.days_overdue, day=_d(r.deadline))
                if r.days_overdue == 0:
                    return self.tr("今天到期")
                return self.tr("还有 {n} 天到期").format(n=-r.days_overdue)
            return hit[1][col] or None
        if role == ID_ROLE:
            return self.id_at(index.row())
        if role == ENTERPRISE_ROLE:
            r = self.row_at(index.row())
            return r.enterprise_id if r else None
        if role == ESCALATION_ROLE:
            r = self.row_at(index.row())
            return r.escalation if r else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key, descending = COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending):
            return  # the view re-announces the order it shows
        self.sort_key, self.descending = key, descending
        self.sortRequested.emit(key, descending)


def _table(model: LedgerModel, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setObjectName("ledgerTable")
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(26)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    hh = table.horizontalHeader()
    hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for i, w in enumerate(WIDTHS):
        table.setColumnWidth(i, w)
    hh.setStretchLastSection(True)
    hh.setSortIndicator(SORT_COLUMN[model.sort_key],
                        Qt.SortOrder.DescendingOrder if model.descending else Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    return table


def totals_text(t: LedgerTotals) -> str:
    return QCoreApplication.translate("LedgerPage", "发现 {found} · 已销号 {closed} · 整改率 {rate} · 逾期 {overdue} · 重大未销号 {major}").format(
        found=t.found, closed=t.closed, rate=f"{t.rectification_rate * 100:.1f}%", overdue=t.overdue,
        major=t.major_open)


# ================================================================================================ loading


class _Loader(QObject):
    """Reads the change stamp and, when it differs from what the index holds, the whole ledger, in a plain Python
    thread with its own session; ``done`` arrives on the UI thread with (data or None, thresholds)."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._thread: threading.Thread | None = None

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, known_stamp: tuple | None) -> bool:
        if self.busy:
            return False
        self._thread = threading.Thread(target=self._run, args=(known_stamp,), name="tijian-ledger", daemon=True)
        self._thread.start()
        return True

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self, known_stamp: tuple | None) -> None:
        try:
            with self._ctx.session() as s:
                current = ledger.stamp(s)
                data = None if current == known_stamp else ledger.load_data(s, current)
                thresholds = ledger.escalation_thresholds(s)
            self.done.emit((data, thresholds))
        except RuntimeError:  # the page (and this object) went away meanwhile
            pass
        except Exception as exc:  # noqa: BLE001 - reported on the UI thread
            try:
                self.failed.emit(str(exc))
            except RuntimeError:
                pass


# ================================================================================================ the page


class LedgerPage(QWidget):
    """The 隐患台账 module page."""

    openHazard = Signal(object)  # noqa: N815
    openEnterprise = Signal(object)  # noqa: N815

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._index = ledger_index(ctx)
        self._loading = True  # combos being filled: no filtering
        self._today = date.today()

        self.totals_label = QLabel()
        self.totals_label.setObjectName("ledgerTotals")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索：隐患描述、部位、依据、措施、责任人、单位名称或拼音首字母（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.town = ValueCombo()
        self.village = ValueCombo()
        self.sector = ValueCombo()
        self.severity = ValueCombo()
        self.status = ValueCombo()
        self.overdue = ValueCombo()
        self.expert = ValueCombo()
        self.kind = ValueCombo()
        self.deadline_from = OptionalDateEdit()
        self.deadline_to = OptionalDateEdit()
        for w, tip in ((self.deadline_from, self.tr("整改期限从")), (self.deadline_to, self.tr("整改期限至"))):
            w.setToolTip(tip)
        self.clear_button = QPushButton(self.tr("清除筛选"))
        self.count_label = QLabel()
        self.count_label.setObjectName("resultCount")
        self.open_button = QPushButton(self.tr("查看隐患"))
        self.open_button.setToolTip(self.tr("打开选中的隐患（回车）"))
        self.firm_button = QPushButton(self.tr("企业档案"))
        self.firm_button.setToolTip(self.tr("打开选中隐患所属企业的档案（Ctrl+E）"))
        self.export_button = QPushButton(self.tr("导出Excel…"))
        self.export_button.setToolTip(self.tr("把当前筛选的台账按此顺序导出为 Excel 文件"))

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for w in (self.open_button, self.firm_button, self.export_button):
            top.addWidget(w)
        row1 = QHBoxLayout()
        for w in (self.town, self.village, self.sector, self.severity, self.status, self.overdue):
            w.setSizeAdjustPolicy(ValueCombo.SizeAdjustPolicy.AdjustToContents)
            row1.addWidget(w)
        row1.addStretch(1)
        row2 = QHBoxLayout()
        row2.addWidget(QLabel(self.tr("整改期限")))
        row2.addWidget(self.deadline_from)
        row2.addWidget(QLabel("—"))
        row2.addWidget(self.deadline_to)
        for w in (self.expert, self.kind):
            w.setSizeAdjustPolicy(ValueCombo.SizeAdjustPolicy.AdjustToContents)
            row2.addWidget(w)
        row2.addWidget(self.clear_button)
        row2.addStretch(1)
        row2.addWidget(self.count_label)

        self.model = LedgerModel(self)
        self.table = _table(self.model, self)
        self.table.setToolTip(self.tr("回车或双击查看隐患；Ctrl+E 打开企业档案"))

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.totals_label)
        lay.addLayout(top)
        lay.addLayout(row1)
        lay.addLayout(row2)
        lay.addWidget(self.table, 1)

        order = (self.search, self.town, self.village, self.sector, self.severity, self.status, self.overdue,
                 self.deadline_from, self.deadline_to, self.expert, self.kind, self.clear_button, self.table,
                 self.open_button, self.firm_button, self.export_button)
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.apply_filter)
        self._recheck = QTimer(self)
        self._recheck.setInterval(RECHECK_MS)
        self._recheck.timeout.connect(self.check_fresh)
        self._loader = _Loader(ctx, self)
        self._loader.done.connect(self._loaded)
        self._loader.failed.connect(self._load_failed)

        self._fill_combos()
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        for w in (self.village, self.sector, self.severity, self.status, self.overdue, self.expert, self.kind):
            w.currentIndexChanged.connect(self.apply_filter)
        for w in (self.deadline_from, self.deadline_to):
            w.dateChanged.connect(self.apply_filter)
        self.town.currentIndexChanged.connect(self._town_changed)
        self.clear_button.clicked.connect(self.clear_filters)
        self.model.sortRequested.connect(lambda *_: self.apply_filter())
        self.table.activated.connect(lambda idx: self._emit_hazard(idx.row()))
        self.open_button.clicked.connect(self.open_selected)
        self.firm_button.clicked.connect(self.open_enterprise)
        self.export_button.clicked.connect(lambda: self.export_file())
        QShortcut(QKeySequence("Ctrl+F"), self, activated=lambda: (self.search.setFocus(), self.search.selectAll()))
        QShortcut(QKeySequence("Ctrl+E"), self, activated=self.open_enterprise)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, activated=self.reload)
        esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search, activated=self.search.clear)
        esc.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.search.returnPressed.connect(self._focus_table)

        if self._index.loaded:
            self.apply_filter()
        else:
            self._first_screen()
        self._loader.start(self._index.stamp_value)

    # ------------------------------------------------------------------ loading

    @property
    def live(self) -> bool:
        """The rows come from the loaded index (filters answer from memory)."""
        return self._index.loaded and self.model.live

    def _first_screen(self) -> None:
        """The newest rows and the totals from a few index lookups, while the index loads."""
        with self._ctx.session() as s:
            rows = ledger.first_rows(s, self._today, 100)
            totals = ledger.count_sql(s, None, self._today)
            thresholds = ledger.escalation_thresholds(s)
        self.model.set_rows(rows, thresholds)
        self.totals_label.setText(totals_text(totals))
        self.count_label.setText(self.tr("正在载入全部 %n 条…", "", totals.found))

    @Slot(object)
    def _loaded(self, result: tuple) -> None:
        data, thresholds = result
        if data is not None:
            self._index.install(data)
        self._index.set_today(date.today(), thresholds)
        if data is not None or not self.model.live:
            self.apply_filter()

    @Slot(str)
    def _load_failed(self, message: str) -> None:
        self.count_label.setText(self.tr("载入失败：{error}").format(error=message))

    def check_fresh(self) -> None:
        """Ask (in a worker) whether hazards changed; reload them if so."""
        if self._index.due():
            self._loader.start(self._index.stamp_value)

    def reload(self) -> None:
        """After this program changed hazards (or F5): reload at once."""
        self._index.invalidate()
        self._loader.start(None)

    def hazard_changed(self, _hazard_id: object = None) -> None:
        self.reload()

    def wait_loaded(self, timeout: float = 60.0) -> None:
        """Block until the worker has finished (tests and the benchmark); its result arrives with the next events."""
        self._loader.wait(timeout)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._recheck.start()
        if not event.spontaneous():
            self.check_fresh()

    def hideEvent(self, event: Any) -> None:  # noqa: N802
        super().hideEvent(event)
        self._recheck.stop()

    # ------------------------------------------------------------------ filters

    def _fill_combos(self) -> None:
        boxes = (self.town, self.village, self.sector, self.severity, self.status, self.overdue, self.expert,
                 self.kind)
        chosen = {w: w.value() for w in boxes}
        self._loading = True
        with self._ctx.session() as s:
            self._towns = regions.towns(s)
            self._villages = regions.villages(s)
            sectors = enterprise_svc.sectors_in_use(s)
            experts = ledger.experts(s)
        self.town.clear()
        self.town.add(self.tr("全部镇"), None)
        for t in self._towns:
            self.town.add(t.name, t.id)
        self.sector.clear()
        self.sector.add(self.tr("全部行业"), None)
        for sec in sectors:
            self.sector.add(enum_label(sec), sec)
        self.severity.clear()
        self.severity.add(self.tr("全部等级"), None)
        for code in (Severity.MAJOR, Severity.GENERAL):
            self.severity.add(enum_label(SEVERITY_LABELS[code]), code.value)
        self.status.clear()
        self.status.add(self.tr("全部状态"), None)
        self.status.add(self.tr("未销号"), ledger.OPEN)
        for code, label in HAZARD_STATUS_LABELS.items():
            self.status.add(enum_label(label), str(code))
        self.overdue.clear()
        self.overdue.add(self.tr("逾期：全部"), None)
        self.overdue.add(self.tr("仅逾期"), ("overdue", True))
        self.overdue.add(self.tr("未逾期"), ("overdue", False))
        self.overdue.add(self.tr("到期及以上"), ("level", 1))
        self.overdue.add(self.tr("逾期3天以上"), ("level", 2))
        self.overdue.add(self.tr("逾期7天以上"), ("level", 3))
        self.expert.clear()
        self.expert.add(self.tr("全部发现人"), None)
        for eid, name in experts:
            self.expert.add(name, eid)
        self.kind.clear()
        self.kind.add(self.tr("全部检查类型"), None)
        for code, label in VISIT_KIND_LABELS.items():
            self.kind.add(enum_label(label), str(code))
        for w, value in chosen.items():
            if w is not self.village:
                w.set_value(value)
        self._fill_villages()
        self.village.set_value(chosen[self.village])
        self._loading = False

    def _fill_villages(self) -> None:
        town_id = self.town.value()
        self.village.clear()
        self.village.add(self.tr("全部村（社区）"), None)
        for v in self._villages:
            if town_id is None or v.town_id == town_id:
                self.village.add(v.name, v.id)
        self.village.setEnabled(town_id is not None)

    def _town_changed(self) -> None:
        was, self._loading = self._loading, True
        self._fill_villages()
        self._loading = was
        self.apply_filter()

    def current_filter(self) -> LedgerFilter:
        overdue = self.overdue.value()
        return LedgerFilter(
            town_id=self.town.value(), village_id=self.village.value(), sector=self.sector.value(),
            severity=self.severity.value(), status=self.status.value(),
            overdue=overdue[1] if overdue and overdue[0] == "overdue" else None,
            escalation_min=overdue[1] if overdue and overdue[0] == "level" else None,
            deadline_from=self.deadline_from.value(), deadline_to=self.deadline_to.value(),
            expert_id=self.expert.value(), visit_kind=self.kind.value(), text=self.search.text())

    def apply_filter(self) -> None:
        """Filter and sort from the index (a few ms); before the index has loaded, only remember the choice."""
        if self._loading:
            return
        self._debounce.stop()
        if not self._index.loaded:
            return
        keep = self.selected_id()
        self._today = date.today()
        self._index.set_today(self._today)
        ids = self._index.ids(self.current_filter(), self.model.sort_key, self.model.descending)
        self.model.set_index_rows(self._index, ids)
        self.totals_label.setText(totals_text(self._index.totals(ids)))
        self.count_label.setText(self.tr("显示 %n 条", "", len(ids)))
        self.select(keep)

    def clear_filters(self) -> None:
        self._loading = True
        self.search.clear()
        for w in (self.town, self.village, self.sector, self.severity, self.status, self.overdue, self.expert,
                  self.kind):
            w.setCurrentIndex(0)
        self.deadline_from.set_value(None)
        self.deadline_to.set_value(None)
        self._fill_villages()
        self._loading = False
        self.apply_filter()

    # ------------------------------------------------------------------ selection and signals

    def _focus_table(self) -> None:
        self.table.setFocus()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def selected_id(self) -> uuid.UUID | None:
        idx = self.table.currentIndex()
        return self.model.id_at(idx.row()) if idx.isValid() else None

    def select(self, hazard_id: uuid.UUID | None) -> None:
        row = self.model.row_of(hazard_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.selectRow(row)

    def _emit_hazard(self, row: int) -> None:
        hid = self.model.id_at(row)
        if hid is not None:
            self.openHazard.emit(hid)

    def open_selected(self) -> None:
        idx = self.table.currentIndex()
        if idx.isValid():
            self._emit_hazard(idx.row())

    def open_enterprise(self) -> None:
        idx = self.table.currentIndex()
        row = self.model.row_at(idx.row()) if idx.isValid() else None
        if row is not None:
            self.openEnterprise.emit(row.enterprise_id)

    # ------------------------------------------------------------------ export

    def ask_export_path(self) -> str | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        name = self.tr("隐患台账-{day}.xlsx").format(day=f"{date.today():%Y%m%d}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出隐患台账"), str(Path(folder) / name),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return None
        return path if path.lower().endswith(".xlsx") else path + ".xlsx"

    def export_file(self, path: str | None = None) -> int | None:
        """Write the filtered ledger, in the order shown, to an .xlsx file (asks for the name when ``path`` is
        None); returns the number of hazards written, or None."""
        title = self.tr("导出隐患台账")
        path = path or self.ask_export_path()
        if not path:
            return None
        flt, key, desc, today = self.current_filter(), self.model.sort_key, self.model.descending, date.today()
        sheet_title = self.tr("隐患排查治理台账（截至 {day}）").format(day=today.isoformat())
        reading = self.tr("正在读取隐患…")

        def work(session: Any, progress: Any) -> int:
            progress(0, 0, reading)
            rows = ledger.rows_sql(session, flt, today, key, desc)
            return ledger_excel.export(rows, path, progress, sheet_title)

        try:
            n = run_in_session(self, self._ctx, title, reading, work)
        except TaskCancelled:
            return None
        except ServiceError as exc:
            alerts.error(self, title, str(exc))
            return None
        alerts.info(self, title, self.tr("已导出 {n} 条隐患到：\n{path}").format(n=n, path=path))
        return n

    # ------------------------------------------------------------------ state

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("ledger/header", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("ledger/header")
        if state is not None:
            self.table.horizontalHeader().restoreState(state)


# ================================================================================================ one firm


class EnterpriseLedger(QWidget):
    """One firm's ledger for its archive (一企一档): the same table, a reduced filter bar, its totals; read with
    ``rows_sql`` (tens of rows, from the firm's index) and re-read whenever the firm's hazards change while shown
    (a cheap per-firm stamp asked every 2 s)."""

    openHazard = Signal(object)  # noqa: N815

    def __init__(self, ctx: AppContext, enterprise_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.enterprise_id = enterprise_id
        self._stamp: tuple | None = None
        self.totals_label = QLabel()
        self.totals_label.setObjectName("ledgerTotals")
        self.status = ValueCombo()
        self.status.add(self.tr("全部状态"), None)
        self.status.add(self.tr("未销号"), ledger.OPEN)
        for code, label in HAZARD_STATUS_LABELS.items():
            self.status.add(enum_label(label), str(code))
        self.overdue = ValueCombo()
        self.overdue.add(self.tr("逾期：全部"), None)
        self.overdue.add(self.tr("仅逾期"), True)
        self.overdue.add(self.tr("未逾期"), False)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索隐患"))
        self.search.setClearButtonEnabled(True)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.totals_label, 1)
        bar.addWidget(self.search)
        bar.addWidget(self.status)
        bar.addWidget(self.overdue)
        self.model = LedgerModel(self)
        self.table = _table(self.model, self)
        self.table.setColumnHidden(SORT_COLUMN["enterprise"], True)  # always this firm
        self.table.setColumnHidden(SORT_COLUMN["town"], True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        self._timer = QTimer(self)
        self._timer.setInterval(2000)
        self._timer.timeout.connect(self.refresh_if_changed)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.status.currentIndexChanged.connect(self.reload)
        self.overdue.currentIndexChanged.connect(self.reload)
        self.model.sortRequested.connect(lambda *_: self.reload())
        self.table.activated.connect(self._activated)
        self.reload()

    def current_filter(self) -> LedgerFilter:
        return LedgerFilter(enterprise_id=self.enterprise_id, status=self.status.value(),
                            overdue=self.overdue.value(), text=self.search.text())

    def reload(self) -> None:
        keep = self.model.id_at(self.table.currentIndex().row()) if self.table.currentIndex().isValid() else None
        today = date.today()
        with self._ctx.session() as s:
            self._stamp = ledger.firm_stamp(s, self.enterprise_id)
            rows = ledger.rows_sql(s, self.current_filter(), today, self.model.sort_key, self.model.descending)
            totals = ledger.count_sql(s, LedgerFilter(enterprise_id=self.enterprise_id), today)
            thresholds = ledger.escalation_thresholds(s)
        self.model.set_rows(rows, thresholds)
        self.totals_label.setText(totals_text(totals))
        row = self.model.row_of(keep)
        if row >= 0:
            self.table.selectRow(row)

    def refresh_if_changed(self) -> bool:
        with self._ctx.session() as s:
            current = ledger.firm_stamp(s, self.enterprise_id)
        if current == self._stamp:
            return False
        self.reload()
        return True

    def _activated(self, idx: QModelIndex) -> None:
        hid = self.model.id_at(idx.row())
        if hid is not None:
            self.openHazard.emit(hid)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._timer.start()
        if not event.spontaneous():
            self.refresh_if_changed()

    def hideEvent(self, event: Any) -> None:  # noqa: N802
        super().hideEvent(event)
        self._timer.stop()


__all__ = ["COLUMNS", "ENTERPRISE_ROLE", "ESCALATION_ROLE", "EnterpriseLedger", "ID_ROLE", "LedgerModel",
           "LedgerPage", "escalation_label", "ledger_index", "totals_text"]
