"""What the registry shows for the moment between the first paint and the live list (see desktop/quickstart.py):
the same columns and rows, read-only, with a note that the program is still loading."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.registry_columns import (
    CENTRED_COLUMNS,
    COLUMNS,
    RISK_COLOURS,
    RISK_COLUMN,
    WIDTHS,
    display_row,
    headers,
    risk_dot,
)


class SnapshotPage(QWidget):
    def __init__(self, total: int, rows: list[tuple], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        search = QLineEdit()
        search.setPlaceholderText(self.tr("正在加载，请稍候…"))
        search.setEnabled(False)
        self.count_label = QLabel(self.tr("共 %n 家", "", total))
        self.count_label.setObjectName("resultCount")
        top = QHBoxLayout()
        top.addWidget(search, 1)
        top.addWidget(self.count_label)
        self.table = QTableWidget(len(rows), len(COLUMNS))
        self.table.setHorizontalHeaderLabels(headers())
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for i, (key, _h) in enumerate(COLUMNS):
            if key in WIDTHS:
                self.table.setColumnWidth(i, WIDTHS[key])
        for r, raw in enumerate(rows):
            for c, text in enumerate(display_row(*raw)):
                item = QTableWidgetItem(text)
                if c in CENTRED_COLUMNS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if c == RISK_COLUMN and raw[RISK_COLUMN] in RISK_COLOURS:
                    item.setIcon(risk_dot(raw[RISK_COLUMN]))
                self.table.setItem(r, c, item)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.table)

    def texts(self, rows: int) -> list[tuple[str, ...]]:
        """The first ``rows`` rows as shown (tests compare them with the live list)."""
        n = min(rows, self.table.rowCount())
        return [tuple(self.table.item(r, c).text() for c in range(self.table.columnCount())) for r in range(n)]
