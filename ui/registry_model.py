"""Qt model of the enterprise list: holds the ordered ids only and loads rows in pages inside data()."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap

from models.enums import RISK_SHORT, STATUS_LABELS
from models.services import enterprises as svc
from ui.context import AppContext

ID_ROLE = Qt.ItemDataRole.UserRole + 1

PAGE = 200
FIRST_CHUNK = 1000
_RISK_COLOURS = {"red": "#e53935", "orange": "#fb8c00", "yellow": "#fdd835", "blue": "#1e88e5"}


_DOTS: dict[str, QPixmap] = {}


def _dot(level: str) -> QPixmap:
    """A small filled circle in the risk colour (cached; made on first use, after QApplication exists)."""
    pm = _DOTS.get(level)
    if pm is None:
        pm = QPixmap(12, 12)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setBrush(QColor(_RISK_COLOURS[level]))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(1, 1, 10, 10)
        p.end()
        _DOTS[level] = pm
    return pm


# (sort key, header). headers() repeats the header literals so that lupdate finds them.
COLUMNS: list[tuple[str, str]] = [
    ("name", "单位名称"),
    ("uscc", "统一社会信用代码"),
    ("town", "所属镇"),
    ("village", "村（社区）"),
    ("sector", "行业领域"),
    ("risk_level", "风险"),
    ("is_high_risk", "高危"),
    ("in_park", "园区"),
    ("status", "状态"),
    ("address", "地址"),
    ("legal_rep", "法定代表人"),
    ("legal_rep_phone", "联系电话"),
]


_RISK_COLUMN = next(i for i, (k, _h) in enumerate(COLUMNS) if k == "risk_level")
_CENTRED_COLUMNS = {i for i, (k, _h) in enumerate(COLUMNS) if k in ("risk_level", "is_high_risk", "in_park")}
_CENTRED = int(Qt.AlignmentFlag.AlignCenter)


def headers() -> list[str]:
    return [
        QCoreApplication.translate("EnterpriseTableModel", "单位名称"),
        QCoreApplication.translate("EnterpriseTableModel", "统一社会信用代码"),
        QCoreApplication.translate("EnterpriseTableModel", "所属镇"),
        QCoreApplication.translate("EnterpriseTableModel", "村（社区）"),
        QCoreApplication.translate("EnterpriseTableModel", "行业领域"),
        QCoreApplication.translate("EnterpriseTableModel", "风险"),
        QCoreApplication.translate("EnterpriseTableModel", "高危"),
        QCoreApplication.translate("EnterpriseTableModel", "园区"),
        QCoreApplication.translate("EnterpriseTableModel", "状态"),
        QCoreApplication.translate("EnterpriseTableModel", "地址"),
        QCoreApplication.translate("EnterpriseTableModel", "法定代表人"),
        QCoreApplication.translate("EnterpriseTableModel", "联系电话"),
    ]


class EnterpriseTableModel(QAbstractTableModel):
    def __init__(self, ctx: AppContext, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._ctx = ctx
        self._ids: list[str] = []  # text keys from find_keys, in display order
        self.total = 0  # rows that pass the filter (may exceed len(self._ids) until fetchMore)
        self._loaded = False
        self._cache: dict[str, tuple[svc.EnterpriseRow, tuple[str, ...]]] = {}
        self._yes = QCoreApplication.translate("EnterpriseTableModel", "是")
        self._headers = headers()
        self.filter = svc.EnterpriseFilter()
        self.sort_key = "name"
        self.descending = False

    # ---------------------------------------------------------------- loading

    def refresh(self) -> None:
        """Re-run the query (filter + sort) and drop the row cache.

        Only the first FIRST_CHUNK ids are fetched now, with the total; the rest arrive through Qt's
        canFetchMore/fetchMore when the view scrolls that far."""
        with self._ctx.session() as s:
            ids, total = svc.first_keys(s, self.filter, self.sort_key, self.descending, FIRST_CHUNK)
        self.beginResetModel()
        self._loaded = True
        self._ids = ids
        self.total = total
        self._cache.clear()
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._ids) < self.total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        with self._ctx.session() as s:
            ids = svc.find_keys(s, self.filter, self.sort_key, self.descending)
        loaded = len(self._ids)
        if len(ids) <= loaded or ids[:loaded] != self._ids:  # the data changed underneath: start again
            self.refresh()
            return
        self.beginInsertRows(QModelIndex(), loaded, len(ids) - 1)
        self._ids = ids
        self.total = len(ids)
        self.endInsertRows()

    def set_filter(self, flt: svc.EnterpriseFilter) -> None:
        self.filter = flt
        self.refresh()

    def _row(self, row: int) -> tuple[svc.EnterpriseRow, tuple[str, ...]] | None:
        if not 0 <= row < len(self._ids):
            return None
        key = self._ids[row]
        hit = self._cache.get(key)
        if hit is None:
            start = (row // PAGE) * PAGE
            page = [k for k in self._ids[start:start + PAGE] if k not in self._cache]
            if len(self._cache) > 20 * PAGE:
                self._cache.clear()
            with self._ctx.session() as s:
                found = svc.rows(s, page)
            for k in page:
                r = found.get(uuid.UUID(k))
                if r is not None:
                    self._cache[k] = (r, self._display(r))
            hit = self._cache.get(key)
        return hit

    def id_at(self, row: int) -> uuid.UUID:
        return uuid.UUID(self._ids[row])

    def row_of(self, eid: uuid.UUID) -> int:
        for i, k in enumerate(self._ids):
            if uuid.UUID(k) == eid:
                return i
        return -1

    def invalidate(self, eid: uuid.UUID) -> None:
        """Forget one cached row (after an edit) and repaint it."""
        self._cache = {k: v for k, v in self._cache.items() if v[0].id != eid}
        r = self.row_of(eid)
        if r >= 0:
            self.dataChanged.emit(self.index(r, 0), self.index(r, len(COLUMNS) - 1))

    # ---------------------------------------------------------------- Qt API

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
                return self._headers[section]
            if orientation == Qt.Orientation.Vertical:
                return section + 1
        return None

    def _display(self, r: svc.EnterpriseRow) -> tuple[str, ...]:
        tr = QCoreApplication.translate
        yes = self._yes
        return (
            r.name, r.uscc, r.town, r.village, tr("enums", r.sector),
            tr("enums", RISK_SHORT[r.risk_level]) if r.risk_level else "—",
            yes if r.is_high_risk else "", yes if r.in_park else "",
            tr("enums", STATUS_LABELS.get(r.status, r.status)), r.address, r.legal_rep, r.legal_rep_phone,
        )

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called thousands of times per paint: the common roles are answered first and from the cache.
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            if not index.isValid():
                return None
            hit = self._row(index.row())
            return hit[1][index.column()] if hit else None
        if role == Qt.ItemDataRole.DecorationRole:
            if index.isValid() and index.column() == _RISK_COLUMN:
                hit = self._row(index.row())
                if hit and hit[0].risk_level in _RISK_COLOURS:
                    return _dot(hit[0].risk_level)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRED if index.isValid() and index.column() in _CENTRED_COLUMNS else None
        if role == ID_ROLE and index.isValid() and 0 <= index.row() < len(self._ids):
            return uuid.UUID(self._ids[index.row()])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key, descending = COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder
        if self._loaded and (key, descending) == (self.sort_key, self.descending):
            return  # the view re-announces the same order (header restore, sorting switched on)
        self.sort_key, self.descending = key, descending
        self.refresh()
