"""企业档案 module: the filterable list of every supervised object, with archives opening as tabs."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.enums import RISK_LABELS, STATUS_LABELS
from models.services import enterprises as svc
from models.services import regions
from ui.archive_page import ArchivePage
from ui.context import AppContext
from ui.enterprise_dialog import EnterpriseDialog
from ui.labels import enum_label
from ui.registry_columns import COLUMNS, WIDTHS
from ui.registry_model import ID_ROLE, EnterpriseTableModel
from ui.widgets import ValueCombo


class RegistryList(QWidget):
    """The list with its filter bar."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._loading = False

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索：单位名称、信用代码、地址、法定代表人或拼音首字母（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton(self.tr("新建(&N)"))
        self.open_button = QPushButton(self.tr("打开档案"))
        self.import_button = QPushButton(self.tr("导入Excel…"))
        self.export_button = QPushButton(self.tr("导出Excel…"))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for b in (self.new_button, self.open_button, self.import_button, self.export_button):
            top.addWidget(b)

        self.town = ValueCombo()
        self.village = ValueCombo()
        self.sector = ValueCombo()
        self.risk = ValueCombo()
        self.high_risk = ValueCombo()
        self.park = ValueCombo()
        self.status = ValueCombo()
        self.clear_button = QPushButton(self.tr("清除筛选"))
        self.count_label = QLabel()
        self.count_label.setObjectName("resultCount")
        filters = QHBoxLayout()
        for w in (self.town, self.village, self.sector, self.risk, self.high_risk, self.park, self.status):
            w.setSizeAdjustPolicy(ValueCombo.SizeAdjustPolicy.AdjustToContents)
            filters.addWidget(w)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        self.model = EnterpriseTableModel(ctx, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setVisible(False)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for i, (key, _h) in enumerate(COLUMNS):
            if key in WIDTHS:
                self.table.setColumnWidth(i, WIDTHS[key])
        hh.setStretchLastSection(True)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addLayout(filters)
        lay.addWidget(self.table)

        self._fill_combos()
        hh.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # sorts once by the indicator: the first query

        self.search.textChanged.connect(self.apply_filter)
        for w in (self.village, self.sector, self.risk, self.high_risk, self.park, self.status):
            w.currentIndexChanged.connect(self.apply_filter)
        self.town.currentIndexChanged.connect(self._town_changed)
        self.clear_button.clicked.connect(self.clear_filters)
        self.model.modelReset.connect(self._update_count)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=lambda: (self.search.setFocus(), self.search.selectAll()))
        esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search, activated=self.search.clear)
        esc.setContext(Qt.ShortcutContext.WidgetShortcut)  # Esc in the search box only
        self.search.returnPressed.connect(self._focus_table)
        self._update_count()

    def _focus_table(self) -> None:
        self.table.setFocus()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    # ------------------------------------------------------------------ filters

    def _fill_combos(self) -> None:
        """(Re)fill the filter combos from the database, keeping what the user had chosen."""
        chosen = {w: w.value() for w in (self.town, self.village, self.sector, self.risk, self.high_risk,
                                          self.park, self.status)}
        self._loading = True
        with self._ctx.session() as s:
            self._towns = regions.towns(s)
            self._villages = regions.villages(s)
            sectors = svc.sectors_in_use(s)
        self.town.clear()
        self.town.add(self.tr("全部镇"), None)
        for t in self._towns:
            self.town.add(t.name, t.id)
        self._fill_villages()
        self.sector.clear()
        self.sector.add(self.tr("全部行业"), None)
        for sec in sectors:
            self.sector.add(enum_label(sec), sec)
        self.risk.clear()
        self.risk.add(self.tr("全部风险等级"), None)
        for code, label in RISK_LABELS.items():
            self.risk.add(enum_label(label), code)
        self.risk.add(self.tr("未评级"), "none")
        self.high_risk.clear()
        self.high_risk.add(self.tr("高危：全部"), None)
        self.high_risk.add(self.tr("仅高危企业"), True)
        self.high_risk.add(self.tr("非高危企业"), False)
        self.park.clear()
        self.park.add(self.tr("园区：全部"), None)
        self.park.add(self.tr("仅园区企业"), True)
        self.park.add(self.tr("非园区企业"), False)
        self.status.clear()
        self.status.add(self.tr("全部状态"), None)
        for code, label in STATUS_LABELS.items():
            self.status.add(enum_label(label), code)
        for w, value in chosen.items():
            if w is not self.village:
                w.set_value(value)
        self._fill_villages()
        self.village.set_value(chosen[self.village])
        self._loading = False

    def _fill_villages(self) -> None:
        town_id = self.town.value()
        self.village.clear()
        self.village.add(self.tr("全部村（社区）"), None)
        for v in self._villages:
            if town_id is None or v.town_id == town_id:
                self.village.add(v.name, v.id)
        self.village.setEnabled(town_id is not None)

    def _town_changed(self) -> None:
        was = self._loading
        self._loading = True
        self._fill_villages()
        self._loading = was
        self.apply_filter()

    def current_filter(self) -> svc.EnterpriseFilter:
        return svc.EnterpriseFilter(
            text=self.search.text(),
            town_id=self.town.value(),
            village_id=self.village.value(),
            sector=self.sector.value(),
            risk_level=self.risk.value(),
            high_risk=self.high_risk.value(),
            in_park=self.park.value(),
            status=self.status.value(),
        )

    def reload(self) -> None:
        """After this program added or changed enterprises (import, demo data): fresh combos and rows."""
        self._ctx.registry_index.invalidate()
        self._fill_combos()
        self.apply_filter()

    def apply_filter(self) -> None:
        if self._loading:
            return
        self.model.set_filter(self.current_filter())

    def clear_filters(self) -> None:
        self._loading = True
        self.search.clear()
        for w in (self.town, self.village, self.sector, self.risk, self.high_risk, self.park, self.status):
            w.setCurrentIndex(0)
        self._fill_villages()
        self._loading = False
        self.apply_filter()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("共 %n 家", "", self.model.total))

    def selected_id(self) -> uuid.UUID | None:
        idx = self.table.currentIndex()
        return idx.data(ID_ROLE) if idx.isValid() else None


class RegistryPage(QWidget):
    """The module page: a tab with the list, plus one closable tab per opened archive."""

    openStop = Signal(object)  # an archive asked to show an inspection (the main window opens 现场检查)
    openHazard = Signal(object)  # an archive asked to show a hazard (the main window opens its detail)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.list = RegistryList(ctx)
        self.tabs = QTabWidget()
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.list, self.tr("企业名录"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.tabs)

        self.list.table.doubleClicked.connect(lambda idx: self.open_archive(idx.data(ID_ROLE)))
        self.list.table.activated.connect(lambda idx: self.open_archive(idx.data(ID_ROLE)))
        self.list.open_button.clicked.connect(lambda: self.open_archive(self.list.selected_id()))
        self.list.new_button.clicked.connect(self.new_enterprise)
        self.list.import_button.clicked.connect(self.import_excel)
        self.list.export_button.clicked.connect(self.export_excel)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new_enterprise)
        QShortcut(QKeySequence("Ctrl+W"), self, activated=lambda: self._close_tab(self.tabs.currentIndex()))

    def archive_pages(self) -> list[ArchivePage]:
        return [w for i in range(self.tabs.count()) if isinstance(w := self.tabs.widget(i), ArchivePage)]

    def open_archive(self, enterprise_id: uuid.UUID | None) -> ArchivePage | None:
        if enterprise_id is None:
            return None
        for page in self.archive_pages():
            if page.enterprise_id == enterprise_id:
                self.tabs.setCurrentWidget(page)
                page.reload()
                return page
        page = ArchivePage(self._ctx, enterprise_id)
        page.changed.connect(self.list.model.invalidate)
        page.openStop.connect(self.openStop)
        page.openHazard.connect(self.openHazard)
        name = page.title.text()
        idx = self.tabs.addTab(page, name if len(name) <= 12 else name[:11] + "…")
        self.tabs.setTabToolTip(idx, name)
        self.tabs.setCurrentIndex(idx)
        return page

    def _close_tab(self, index: int) -> None:
        if index > 0:
            w = self.tabs.widget(index)
            self.tabs.removeTab(index)
            w.deleteLater()
            if self.tabs.currentIndex() == 0:
                self.list.table.setFocus()

    def new_enterprise(self) -> None:
        new_id = EnterpriseDialog.edit(self, self._ctx)
        if new_id is not None:
            self.list.reload()
            self.open_archive(new_id)

    def import_excel(self) -> None:
        from ui.import_dialog import ImportEnterprisesDialog

        if ImportEnterprisesDialog.run(self, self._ctx) is not None:
            self.list.reload()

    def export_excel(self) -> None:
        from ui.import_dialog import export_enterprises

        m = self.list.model
        export_enterprises(self, self._ctx, m.filter, m.sort_key, m.descending)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("registry/header", self.list.table.horizontalHeader().saveState())
        m = self.list.model
        # Read by start-up before the database layer loads: the fast first paint knows only the default order.
        settings.setValue("registry/sort", f"{m.sort_key}:{'desc' if m.descending else 'asc'}")

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("registry/header")
        if state is not None:
            self.list.table.horizontalHeader().restoreState(state)
