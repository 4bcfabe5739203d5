"""Start-up reminders: hazards due soon (即将到期) and overdue (已逾期), with their escalation level.

``RemindersPanel.show_if_due(parent, ctx)`` is the one entry point: it asks ``ledger.due_soon_and_overdue`` and
shows the panel (not modal: the program stays usable) when there is anything and the user did not tick
"今天不再提示" today (QSettings ``reminders/dismissed_on``). Two groups; each sorts by any column within itself.
Enter or a double-click on a hazard emits ``openHazard(uuid)``.
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.enums import SEVERITY_LABELS
from models.services import ledger
from models.services.ledger import LedgerRow
from ui.context import AppContext
from ui.labels import enum_label
from ui.ledger_page import ESCALATION_COLOURS, OVERDUE_COLOUR, escalation_dot, escalation_label, status_label
from ui.widgets import remember_geometry

DISMISSED_KEY = "reminders/dismissed_on"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class _Item(QTreeWidgetItem):
    """Sorts by the value stored under SORT_ROLE (dates and day counts, not their text)."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        column = self.treeWidget().sortColumn() if self.treeWidget() else 0
        a, b = self.data(column, SORT_ROLE), other.data(column, SORT_ROLE)
        if a is None or b is None:
            return super().__lt__(other)
        return a < b


class RemindersPanel(QDialog):
    openHazard = Signal(object)  # noqa: N815

    COLUMNS = 7

    def __init__(self, due_soon: list[LedgerRow], overdue: list[LedgerRow], thresholds: tuple[int, ...],
                 today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remindersPanel")
        self.setWindowTitle(self.tr("隐患整改提醒"))
        self._today = today
        self._thresholds = thresholds
        self.summary = QLabel(self.tr("即将到期 {soon} 条，已逾期 {late} 条。回车或双击查看隐患。").format(
            soon=len(due_soon), late=len(overdue)))
        self.summary.setObjectName("remindersSummary")
        self.late_title = QLabel(self.tr("已逾期（{n}）").format(n=len(overdue)))
        self.soon_title = QLabel(self.tr("即将到期（{n}）").format(n=len(due_soon)))
        for label in (self.late_title, self.soon_title):
            label.setObjectName("sectionTitle")
        self.late_list = self._list("overdueList", overdue)
        self.soon_list = self._list("dueSoonList", due_soon)
        self.late_list.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # most overdue first
        self.soon_list.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # soonest first

        self.dismiss = QCheckBox(self.tr("今天不再提示"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.late_title)
        lay.addWidget(self.late_list, 3)
        lay.addWidget(self.soon_title)
        lay.addWidget(self.soon_list, 2)
        self.late_title.setVisible(bool(overdue))
        self.late_list.setVisible(bool(overdue))
        self.soon_title.setVisible(bool(due_soon))
        self.soon_list.setVisible(bool(due_soon))
        lay.addWidget(self.dismiss)
        lay.addWidget(buttons)
        self.resize(1100, 680)  # room for about ten rows per list on a 1366×768 laptop
        remember_geometry(self, "RemindersPanel")

        self.finished.connect(self._store_dismissal)
        first = self.late_list if overdue else self.soon_list
        first.setCurrentItem(first.topLevelItem(0))
        first.setFocus()

    def _list(self, name: str, rows: list[LedgerRow]) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setObjectName(name)
        tree.setColumnCount(self.COLUMNS)
        tree.setHeaderLabels([self.tr("单位"), self.tr("隐患描述"), self.tr("等级"), self.tr("整改期限"),
                              self.tr("剩余/逾期"), self.tr("升级"), self.tr("状态")])
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setUniformRowHeights(True)
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for i, w in enumerate((220, 270, 72, 100, 112, 110, 120)):
            tree.setColumnWidth(i, w)
        for r in rows:
            days = r.days_overdue  # negative: days left
            when = self.tr("今天到期") if days == 0 else (self.tr("逾期 {n} 天").format(n=days) if days > 0
                                                        else self.tr("还有 {n} 天").format(n=-days))
            item = _Item(tree, [r.enterprise, r.description, enum_label(SEVERITY_LABELS.get(r.severity, r.severity)),
                                 r.deadline.isoformat() if r.deadline else "", when,
                                 escalation_label(r.escalation, self._thresholds), status_label(r)])
            item.setData(0, ID_ROLE, r.id)
            for col, value in ((0, r.enterprise), (1, r.description), (2, r.severity), (3, r.deadline),
                               (4, days), (5, r.escalation), (6, r.status)):
                item.setData(col, SORT_ROLE, value.toordinal() if isinstance(value, date) else value)
            item.setToolTip(1, r.description)
            if r.escalation:
                item.setIcon(5, escalation_dot(r.escalation))
                item.setForeground(5, QBrush(QColor(ESCALATION_COLOURS[min(r.escalation, 3)])))
            if r.overdue:
                item.setForeground(4, QBrush(QColor(OVERDUE_COLOUR)))
        tree.setSortingEnabled(True)
        tree.itemActivated.connect(lambda item, _c: self._open(item))
        QShortcut(QKeySequence(Qt.Key.Key_Return), tree, activated=lambda: self._open(tree.currentItem()))\
            .setContext(Qt.ShortcutContext.WidgetShortcut)
        return tree

    @staticmethod
    def ids_in(tree: QTreeWidget) -> list[uuid.UUID]:
        """The hazards of one list, in the order shown."""
        return [tree.topLevelItem(i).data(0, ID_ROLE) for i in range(tree.topLevelItemCount())]

    def hazard_ids(self) -> list[uuid.UUID]:
        return self.ids_in(self.late_list) + self.ids_in(self.soon_list)

    def _open(self, item: QTreeWidgetItem | None) -> None:
        hid = item.data(0, ID_ROLE) if item is not None else None
        if hid is not None:
            self.openHazard.emit(hid)

    def _store_dismissal(self) -> None:
        if self.dismiss.isChecked():
            QSettings().setValue(DISMISSED_KEY, self._today.isoformat())

    @staticmethod
    def dismissed_today(today: date | None = None) -> bool:
        return QSettings().value(DISMISSED_KEY) == (today or date.today()).isoformat()

    @classmethod
    def show_if_due(cls, parent: QWidget | None, ctx: AppContext, today: date | None = None) -> RemindersPanel | None:
        """Show the panel (not modal) when something is due soon or overdue and the user has not switched it off
        for today; returns the panel or None. Connect ``openHazard`` on the returned panel."""
        today = today or date.today()
        if cls.dismissed_today(today):
            return None
        with ctx.session() as s:
            soon, late = ledger.due_soon_and_overdue(s, today)
            thresholds = ledger.escalation_thresholds(s)
        if not soon and not late:
            return None
        panel = cls(soon, late, thresholds, today, parent)
        panel.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        panel.show()
        return panel


__all__ = ["DISMISSED_KEY", "RemindersPanel"]
