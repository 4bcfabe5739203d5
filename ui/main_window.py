"""The main window: module navigation on the left, the module page on the right."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget

from models.db import sqlite_path
from ui.context import AppContext
from ui.registry_page import RegistryPage


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, settings: QSettings | None = None) -> None:
        super().__init__()
        self._ctx = ctx
        self._settings = settings or QSettings()
        self.setWindowTitle(self.tr("安全体检 — 汨罗市应急管理局"))
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

        # A module appears here only when it works (专家库, 检查排期, 现场检查, 隐患台账, 执法文书, 统计 come with their issues).
        # Pages are built when first shown, so start-up pays only for the first one.
        self.pages: dict[str, QWidget] = {}
        self._modules: list[tuple[str, str, Callable[[], QWidget]]] = [
            ("registry", self.tr("企业档案"), lambda: RegistryPage(ctx)),
        ]
        for n, (_key, title, _make) in enumerate(self._modules, start=1):
            self.stack.addWidget(QWidget())  # replaced by the real page on first visit
            item = QListWidgetItem(title)
            item.setSizeHint(QSize(120, 40))
            item.setToolTip(f"{title} (Ctrl+{n})")
            self.nav.addItem(item)
            QShortcut(QKeySequence(f"Ctrl+{n}"), self, activated=lambda n=n: self.nav.setCurrentRow(n - 1))
        self.nav.currentRowChanged.connect(self.show_module)
        self.nav.setCurrentRow(0)

        path = sqlite_path(ctx.url)
        where = str(path) if path else ctx.engine.url.render_as_string(hide_password=True)
        db_label = QLabel(self.tr("数据库：%1").replace("%1", where))
        db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(db_label)
        self._restore()

    def page(self, key: str) -> QWidget:
        """The page of a module, built on first use."""
        if key not in self.pages:
            row = next(i for i, m in enumerate(self._modules) if m[0] == key)
            page = self._modules[row][2]()
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.pages[key] = page
        return self.pages[key]

    def show_module(self, row: int) -> None:
        if 0 <= row < len(self._modules):
            self.page(self._modules[row][0])
            self.stack.setCurrentIndex(row)

    @property
    def registry(self) -> RegistryPage:
        return self.page("registry")  # type: ignore[return-value]

    def _restore(self) -> None:
        geometry = self._settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)
        self.registry.restore_state(self._settings)

    def save_state(self) -> None:
        self._settings.setValue("main/geometry", self.saveGeometry())
        self.registry.save_state(self._settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
