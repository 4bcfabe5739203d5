"""Qt model of the enterprise list, over the in-memory registry index."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from models.services import enterprises as svc
from ui.context import AppContext
from ui.registry_columns import CENTRED_COLUMNS, COLUMNS, RISK_COLOURS, RISK_COLUMN, display_row, headers, risk_dot

ID_ROLE = Qt.ItemDataRole.UserRole + 1

_CENTRED = int(Qt.AlignmentFlag.AlignCenter)


class EnterpriseTableModel(QAbstractTableModel):
    """Rows come from the context's RegistryIndex (models/services/registry_index.py): a keystroke filters and
    sorts in memory; display strings are made once per row shown and cached."""

    def __init__(self, ctx: AppContext, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._ctx = ctx
        self._positions: list[int] = []  # index positions, in display order
        self._snapshot: list[tuple] = []
        self._cache: dict[int, tuple[svc.EnterpriseRow, tuple[str, ...]]] = {}
        self._headers = headers()
        self._loaded = False
        self.filter = svc.EnterpriseFilter()
        self.sort_key = "name"
        self.descending = False

    @property
    def total(self) -> int:
        return len(self._positions)

    # ---------------------------------------------------------------- loading

    def refresh(self, reload: bool = False) -> None:
        """Re-apply filter and sort; ``reload`` after this program changed enterprises."""
        index = self._ctx.registry_index
        if reload:
            index.invalidate()
        with self._ctx.session() as s:
            index.ensure_fresh(s)
        positions = index.query(self.filter, self.sort_key, self.descending)
        self.beginResetModel()
        self._loaded = True
        self._positions = positions
        self._snapshot = index.snapshot()  # another view's reload must not shift the rows under this one
        self._cache.clear()
        self.endResetModel()

    def set_filter(self, flt: svc.EnterpriseFilter) -> None:
        self.filter = flt
        self.refresh()

    def _row(self, row: int) -> tuple[svc.EnterpriseRow, tuple[str, ...]] | None:
        if not 0 <= row < len(self._positions):
            return None
        hit = self._cache.get(row)
        if hit is None:
            if len(self._cache) > 4000:
                self._cache.clear()
            r = self._ctx.registry_index.row(self._positions[row], self._snapshot)
            hit = self._cache[row] = (r, self._display(r))
        return hit

    def id_at(self, row: int) -> uuid.UUID:
        return uuid.UUID(self._ctx.registry_index.key(self._positions[row], self._snapshot))

    def row_of(self, eid: uuid.UUID) -> int:
        index = self._ctx.registry_index
        for i, p in enumerate(self._positions):
            if uuid.UUID(index.key(p, self._snapshot)) == eid:
                return i
        return -1

    def invalidate(self, eid: uuid.UUID) -> None:
        """After this program saved ``eid``: reload the index and show the new values."""
        self.refresh(reload=True)

    # ---------------------------------------------------------------- Qt API

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._positions)

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
        if role == ID_ROLE and index.isValid() and 0 <= index.row() < len(self._positions):
            return self.id_at(index.row())
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key, descending = COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder
        if self._loaded and (key, descending) == (self.sort_key, self.descending):
            return  # the view re-announces the same order (header restore, sorting switched on)
        self.sort_key, self.descending = key, descending
        self.refresh()
