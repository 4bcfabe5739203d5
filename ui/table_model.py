"""A table of a list held whole (tens to a few thousand rows): plain rows, display strings made once per row.

``data()`` runs thousands of times per paint, so subclasses turn a row into its strings once in ``display(row)``;
other roles come from ``role_data(row, column, role)``. ``key(row)`` (default ``row.id``) finds a row again after
a reload (``row_of``). Large lists (the registry, the ledger) have their own index-backed models instead.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt


class RowsModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._text: list[tuple[str, ...]] = []
        self._headers: tuple[str, ...] = tuple(headers)

    # ---------------------------------------------------------------------------------------------- subclasses

    def display(self, row: Any) -> tuple[str, ...]:
        raise NotImplementedError

    def role_data(self, row: Any, column: int, role: int) -> Any:
        return None

    @staticmethod
    def key(row: Any) -> Any:
        return row.id

    # ---------------------------------------------------------------------------------------------- rows

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._text = [self.display(r) for r in self._rows]
        self.endResetModel()

    @property
    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: uuid.UUID | Any) -> int:
        return next((i for i, r in enumerate(self._rows) if self.key(r) == key), -1)

    # ---------------------------------------------------------------------------------------------- Qt

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text[index.row()][index.column()]
        return self.role_data(self._rows[index.row()], index.column(), role)
