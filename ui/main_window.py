"""The main window: module navigation on the left, the module page on the right.

The window can be shown before the database layer is loaded (``ctx=None`` with a snapshot of the registry's first
rows, see desktop/quickstart.py); ``attach(ctx)`` then builds the real pages. So this module imports no
SQLAlchemy at module level."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget

if TYPE_CHECKING:
    from desktop.quickstart import Snapshot
    from ui.context import AppContext
    from ui.registry_page import RegistryPage


def _registry(ctx: AppContext) -> QWidget:
    from ui.registry_page import RegistryPage

    return RegistryPage(ctx)


def _people(ctx: AppContext) -> QWidget:
    from ui.people_page import PeoplePage

    return PeoplePage(ctx)


def _schedule(ctx: AppContext) -> QWidget:
    from ui.schedule_page import SchedulePage

    return SchedulePage(ctx)


def _inspection(ctx: AppContext) -> QWidget:
    from ui.inspection_module import InspectionModule

    return InspectionModule(ctx)


def _camphor(ctx: AppContext) -> QWidget:
    from ui.camphor_page import CamphorPage

    return CamphorPage(ctx)


def _ledger(ctx: AppContext) -> QWidget:
    from ui.ledger_page import LedgerPage

    return LedgerPage(ctx)


def _documents(ctx: AppContext) -> QWidget:
    from ui.documents_page import DocumentsPage

    return DocumentsPage(ctx)


def _checklists(ctx: AppContext) -> QWidget:
    from ui.checklists_page import ChecklistsPage

    return ChecklistsPage(ctx)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext | None, settings: QSettings | None = None,
                 snapshot: Snapshot | None = None) -> None:
        super().__init__()
        self._ctx: AppContext | None = None
        self._settings = settings or QSettings()
        self.setWindowTitle(self.tr("安全体检"))
        self.setMinimumSize(QSize(1000, 640))

        self.nav = QListWidget()
        self.nav.setObjectName("moduleNav")
        self.nav.setFixedWidth(128)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        central = QWidget()
        lay = QHBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.db_label = QLabel()
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.db_label)

        # A module appears here only when it works (统计 comes with its issue).
        # Pages are built when first shown, so start-up pays only for the first one.
        self.pages: dict[str, QWidget] = {}
        self._modules: list[tuple[str, str, Callable[[AppContext], QWidget]]] = [
            ("registry", self.tr("企业档案"), _registry),
            ("people", self.tr("专家库"), _people),
            ("schedule", self.tr("检查排期"), _schedule),
            ("inspection", self.tr("现场检查"), _inspection),
            ("ledger", self.tr("隐患台账"), _ledger),
            ("camphor", self.tr("樟脑油准入"), _camphor),
            ("documents", self.tr("执法文书"), _documents),
            ("checklists", self.tr("检查表"), _checklists),
        ]
        for n, (key, title, _make) in enumerate(self._modules, start=1):
            placeholder = QWidget()
            if key == "registry" and snapshot is not None:
                from ui.snapshot_page import SnapshotPage

                placeholder = SnapshotPage(snapshot.total, snapshot.rows)
            self.stack.addWidget(placeholder)  # replaced by the real page on first visit
            item = QListWidgetItem(title)
            item.setSizeHint(QSize(120, 40))
            item.setToolTip(f"{title} (Ctrl+{n})")
            self.nav.addItem(item)
            QShortcut(QKeySequence(f"Ctrl+{n}"), self, activated=lambda n=n: self.nav.setCurrentRow(n - 1))
        self.nav.currentRowChanged.connect(self.show_module)
        geometry = self._settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)
        if ctx is not None:
            self.attach(ctx)
        else:
            self.nav.setCurrentRow(0)

    def attach(self, ctx: AppContext) -> None:
        """Connect the window to its database and build the page on show."""
        from models.db import sqlite_path
        from models.services import settings

        self._ctx = ctx
        with ctx.session() as s:
            agency = settings.get(s, "agency_name")
        self.setWindowTitle(self.tr("安全体检 — %1").replace("%1", agency))
        path = sqlite_path(ctx.url)
        where = str(path) if path else ctx.engine.url.render_as_string(hide_password=True)
        self.db_label.setText(self.tr("数据库：%1").replace("%1", where))
        row = max(self.nav.currentRow(), 0)
        self.nav.setCurrentRow(row)
        self.show_module(row)

    @property
    def ready(self) -> bool:
        return self._ctx is not None

    def page(self, key: str) -> QWidget:
        """The page of a module, built on first use."""
        if key not in self.pages:
            if self._ctx is None:
                raise RuntimeError("the window is not attached to a database yet")
            row = next(i for i, m in enumerate(self._modules) if m[0] == key)
            page = self._modules[row][2](self._ctx)
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.pages[key] = page
            self._connect(page)
            if hasattr(page, "restore_state"):  # column widths, splitters … as the user left them
                page.restore_state(self._settings)
        return self.pages[key]

    def _connect(self, page: QWidget) -> None:
        """Links between modules: a page asks, the window shows the other module."""
        for name, slot in (("openEnterprise", self.open_archive), ("openStop", self.open_stop),
                           ("recordRequested", self.record_visit), ("openHazard", self.open_hazard)):
            signal = getattr(page, name, None)
            if signal is not None:
                signal.connect(slot)

    def _show_key(self, key: str) -> QWidget:
        row = next(i for i, m in enumerate(self._modules) if m[0] == key)
        self.nav.setCurrentRow(row)
        return self.page(key)

    def open_archive(self, enterprise_id: object) -> None:
        self._show_key("registry").open_archive(enterprise_id)  # type: ignore[attr-defined]

    def open_hazard(self, hazard_id: object) -> None:
        """A hazard's detail and actions (the rectification loop); lists that show it refresh after a change."""
        from ui.hazard_dialog import HazardDialog

        assert self._ctx is not None
        if HazardDialog.show_hazard(self, self._ctx, hazard_id):
            self._ctx.ledger_index.invalidate()
            for page in self.pages.values():
                if hasattr(page, "hazard_changed"):
                    page.hazard_changed(hazard_id)

    def show_reminders(self) -> None:
        """The due-soon / overdue panel, when there is anything to remind of (ui/reminders.py)."""
        from ui.reminders import RemindersPanel

        assert self._ctx is not None
        panel = RemindersPanel.show_if_due(self, self._ctx)
        if panel is not None:
            panel.openHazard.connect(self.open_hazard)

    def open_stop(self, stop_id: object) -> None:
        from models.entities import VisitStop

        assert self._ctx is not None
        with self._ctx.session() as s:
            stop = s.get(VisitStop, stop_id)
            day = stop.visit.day if stop is not None else None
        self._show_key("inspection").open_stop(stop_id, day)  # type: ignore[attr-defined]

    def record_visit(self, visit_id: object) -> None:
        """The schedule's 现场检查: the visit's first firm not yet done (else its first firm)."""
        from models.services import inspection

        assert self._ctx is not None
        with self._ctx.session() as s:
            stops = inspection.visit_stops(s, visit_id)  # type: ignore[arg-type]
        if stops:
            self.open_stop(next((sid for sid, _n, done in stops if not done), stops[0][0]))

    def _may_leave(self) -> bool:
        """A page with unsaved edits (the checklist editor) may ask before it is left."""
        page = self.stack.currentWidget()
        return not hasattr(page, "confirm_leave") or page.confirm_leave()

    def show_module(self, row: int) -> None:
        current = self.stack.currentIndex()
        if row != current and 0 <= current < len(self._modules) and not self._may_leave():
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(current)
            self.nav.blockSignals(False)
            return
        if 0 <= row < len(self._modules):
            if self._ctx is not None:
                self.page(self._modules[row][0])
            self.stack.setCurrentIndex(row)

    @property
    def registry(self) -> RegistryPage:
        return self.page("registry")  # type: ignore[return-value]

    def save_state(self) -> None:
        self._settings.setValue("main/geometry", self.saveGeometry())
        for page in self.pages.values():
            if hasattr(page, "save_state"):
                page.save_state(self._settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_leave():
            event.ignore()
            return
        self.save_state()
        super().closeEvent(event)
