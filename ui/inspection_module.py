"""The 现场检查 module: the day's visits and their firms on the left, the inspection screen on the right.

An expert opens the laptop at the firm: today's visits are listed; picking a firm opens its record as it was left
(a 复查 visit opens the re-inspection screen, ui/reinspection_page.py).
Visits still 进行中 from earlier days stay listed until finished. Alt+V goes to the list, Alt+D to the day.
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.entities import VisitStop
from models.enums import VISIT_KIND_LABELS, VISIT_STATUS_LABELS, VisitKind
from models.services import inspection as svc
from ui.context import AppContext
from ui.inspection_page import InspectionPage
from ui.labels import enum_label
from ui.reinspection_page import ReinspectionPage

StopRole = Qt.ItemDataRole.UserRole + 1
VisitRole = Qt.ItemDataRole.UserRole + 2  # (visit id, kind)


class InspectionModule(QWidget):
    openEnterprise = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(QDate.currentDate())
        self.day.dateChanged.connect(lambda _d: self.reload())
        day_label = QLabel(self.tr("日期(&D)"))
        day_label.setBuddy(self.day)
        today = QPushButton(self.tr("今天"))
        today.clicked.connect(lambda: self.day.setDate(QDate.currentDate()))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("检查 / 企业"), self.tr("隐患")])
        self.tree.setColumnWidth(0, 260)
        self.tree.currentItemChanged.connect(self._picked)
        self.tree.itemActivated.connect(lambda item, _c: self._picked(item, None, focus=True))
        tree_label = QLabel(self.tr("检查(&V)"))
        tree_label.setBuddy(self.tree)
        self.empty = QLabel(self.tr("这一天没有检查安排。请在“检查排期”中安排检查，或选择其他日期。"))
        self.empty.setWordWrap(True)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(day_label)
        top.addWidget(self.day, 1)
        top.addWidget(today)
        ll.addLayout(top)
        ll.addWidget(tree_label)
        ll.addWidget(self.tree, 1)
        ll.addWidget(self.empty)

        self.page = InspectionPage(ctx)
        self.page.finished.connect(lambda _sid: self.reload())
        self.page.changed.connect(self._changed)
        # A 复查 visit is recorded on its own screen: the hazards to re-inspect, not a checklist.
        self.review = ReinspectionPage(ctx)
        self.review.finished.connect(lambda _vid: self.reload())
        self.right = QStackedWidget()
        self.right.addWidget(self.page)
        self.right.addWidget(self.review)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        self._stop_id: uuid.UUID | None = None
        self.reload()

    def reload(self) -> None:
        d = self.day.date()
        with self.ctx.session() as s:
            visits = svc.visits_for_recording(s, date(d.year(), d.month(), d.day()))
        self.tree.blockSignals(True)
        self.tree.clear()
        select: QTreeWidgetItem | None = None
        for v in visits:
            kind = enum_label(VISIT_KIND_LABELS.get(v.kind, v.kind))
            status = enum_label(VISIT_STATUS_LABELS.get(v.status, v.status))
            top = QTreeWidgetItem([f"{v.day:%m-%d} {kind} · {status}", ""])
            top.setToolTip(0, v.people)
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for b in v.stops:
                child = QTreeWidgetItem([("✓ " if b.done else "") + b.enterprise_name, str(b.hazards or "")])
                child.setData(0, StopRole, b.stop_id)
                child.setData(0, VisitRole, (v.visit_id, v.kind))
                child.setToolTip(0, b.enterprise_name)
                top.addChild(child)
                if b.stop_id == self._stop_id:
                    select = child
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.tree.blockSignals(False)
        self.empty.setVisible(not visits)
        if select is not None:
            self.tree.setCurrentItem(select)

    def _picked(self, item: QTreeWidgetItem | None, _prev: QTreeWidgetItem | None, focus: bool = False) -> None:
        if item is None:
            return
        sid = item.data(0, StopRole)
        if sid is None:
            return
        visit_id, kind = item.data(0, VisitRole)
        if sid != self._stop_id:
            self._stop_id = sid
            self._show(sid, visit_id, kind)
        if focus:
            self.right.currentWidget().setFocus()

    def _show(self, stop_id: uuid.UUID, visit_id: uuid.UUID, kind: str) -> None:
        if kind == VisitKind.REINSPECTION:
            self.page.saver.flush()
            self.right.setCurrentWidget(self.review)
            self.review.open_visit(visit_id)
        else:
            self.right.setCurrentWidget(self.page)
            self.page.open_stop(stop_id)

    def _changed(self, _sid: uuid.UUID) -> None:
        pass  # counts in the tree refresh when the firm is finished or another day is chosen

    def open_stop(self, stop_id: uuid.UUID, day: date | None = None) -> None:
        """Show a firm's record (from the schedule or the archive)."""
        self._stop_id = stop_id
        if day is not None:
            self.day.blockSignals(True)
            self.day.setDate(QDate(day.year, day.month, day.day))
            self.day.blockSignals(False)
        self.reload()
        with self.ctx.session() as s:
            stop = s.get(VisitStop, stop_id)
            visit_id, kind = (stop.visit_id, stop.visit.kind) if stop is not None else (None, "")
        if visit_id is not None:
            self._show(stop_id, visit_id, kind)
