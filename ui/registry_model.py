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
        self._ids: list[uuid.UUID] = []
        self._cache: dict[uuid.UUID, svc.EnterpriseRow] = {}
        self._headers = headers()
        self.filter = svc.EnterpriseFilter()
        self.sort_key = "name"
        self.descending = False

    # ---------------------------------------------------------------- loading

    def refresh(self) -> None:
        """Re-run the query (filter + sort) and drop the row cache."""
        with self._ctx.session() as s:
            ids = svc.find_ids(s, self.filter, self.sort_key, self.descending)
        self.beginResetModel()
        self._ids = ids
        self._cache.clear()
        self.endResetModel()

    def set_filter(self, flt: svc.EnterpriseFilter) -> None:
        self.filter = flt
        self.refresh()

    def _row(self, row: int) -> svc.EnterpriseRow | None:
        eid = self._ids[row]
        hit = self._cache.get(eid)
        if hit is None:
            start = (row // PAGE) * PAGE
            page = [i for i in self._ids[start:start + PAGE] if i not in self._cache]
            if len(self._cache) > 20 * PAGE:
                self._cache.clear()
            with self._ctx.session() as s:
                self._cache.update(svc.rows(s, page))
            hit = self._cache.get(eid)
        return hit

    def id_at(self, row: int) -> uuid.UUID:
        return self._ids[row]

    def row_of(self, eid: uuid.UUID) -> int:
        try:
            return self._ids.index(eid)
        except ValueError:
            return -1

    def invalidate(self, eid: uuid.UUID) -> None:
        """Forget one cached row (after an edit) and repaint it."""
        self._cache.pop(eid, None)
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

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole,
                        Qt.ItemDataRole.TextAlignmentRole):
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key in ("risk_level", "is_high_risk", "in_park"):
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        r = self._row(index.row())
        if r is None:  # deleted meanwhile
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            if key == "risk_level" and r.risk_level in _RISK_COLOURS:
                return _dot(r.risk_level)
            return None
        value = getattr(r, key)
        if key == "risk_level":
            return QCoreApplication.translate("enums", RISK_SHORT[value]) if value else "—"
        if key == "status":
            return QCoreApplication.translate("enums", STATUS_LABELS.get(value, value))
        if key in ("is_high_risk", "in_park"):
            return QCoreApplication.translate("EnterpriseTableModel", "是") if value else ""
        return value

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.sort_key = COLUMNS[column][0]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()
