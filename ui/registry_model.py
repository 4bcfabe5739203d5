"""Qt model of the enterprise list: holds the ordered ids only and loads rows in pages inside data()."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from models.services import enterprises as svc
from ui.context import AppContext
from ui.registry_columns import CENTRED_COLUMNS, COLUMNS, RISK_COLOURS, RISK_COLUMN, display_row, headers, risk_dot

ID_ROLE = Qt.ItemDataRole.UserRole + 1

PAGE = 200
FIRST_CHUNK = 1000
_CENTRED = int(Qt.AlignmentFlag.AlignCenter)


class EnterpriseTableModel(QAbstractTableModel):
    def __init__(self, ctx: AppContext, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._ctx = ctx
        self._ids: list[str] = []  # text keys from find_keys, in display order
        self.total = 0  # rows that pass the filter (may exceed len(self._ids) until fetchMore)
        self._loaded = False
        self._cache: dict[str, tuple[svc.EnterpriseRow, tuple[str, ...]]] = {}
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

    @staticmethod
    def _display(r: svc.EnterpriseRow) -> tuple[str, ...]:
        return display_row(*r[1:])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called thousands of times per paint: the common roles are answered first and from the cache.
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            if not index.isValid():
                return None
            hit = self._row(index.row())
            return hit[1][index.column()] if hit else None
        if role == Qt.ItemDataRole.DecorationRole:
            if index.isValid() and index.column() == RISK_COLUMN:
                hit = self._row(index.row())
                if hit and hit[0].risk_level in RISK_COLOURS:
                    return risk_dot(hit[0].risk_level)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRED if index.isValid() and index.column() in CENTRED_COLUMNS else None
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
