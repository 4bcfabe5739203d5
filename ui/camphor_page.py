"""樟脑油准入 register: every camphor-oil firm with its entry status and history at a glance.

Top: the totals (共 23 家 · 已检查 23 · 准予准入 n · 整改后复查 n · 不予准入（关停）12) and the filters. Left: the register
(``camphor.register``; refused first, then 整改后复查, 未检查, 准予准入), the status cell marked with a coloured dot and
the whole history in its tooltip. Right: the selected firm — its status (a label whose ``entry`` property the style
sheet colours), the history line by line, and its last check (original halt decision, rectification evidence,
item-by-item result, verdict). Enter or a double-click on a firm emits ``openEnterprise(uuid)``.

The register is small (tens of firms), so the model holds every row it shows, with display strings made once per
row; the page reloads whenever it is shown again, so a verdict recorded elsewhere appears at once.
"""

from __future__ import annotations

import html
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QSettings,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.enums import ENTRY_LABELS, OUTCOME_LABELS, STATUS_LABELS, EntryStatus, Outcome
from models.services import camphor, regions
from models.services.camphor import CamphorRow, EntryCheck, EntryEvent
from models.services.errors import ServiceError
from ui import alerts
from ui.context import AppContext
from ui.labels import enum_label
from ui.table_model import RowsModel
from ui.tasks import run_task
from ui.widgets import ValueCombo, colour_dot, mark

ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # the EntryStatus code of a row
ENTRY_COLOURS = {EntryStatus.REFUSED: "#c62828", EntryStatus.RECHECK: "#f9a825", EntryStatus.NOT_CHECKED: "#9e9e9e",
                 EntryStatus.ADMITTED: "#2e7d32"}
STATUS_COLUMN = 2

def entry_dot(status: str) -> QPixmap:
    """A small filled circle in the colour of an entry status."""
    return colour_dot(ENTRY_COLOURS.get(status, "#9e9e9e"))


def entry_label(status: str | None) -> str:
    return enum_label(ENTRY_LABELS.get(status, status)) if status else "—"


def _d(value: date | None) -> str:
    return value.isoformat() if value else ""


def event_text(e: EntryEvent) -> str:
    """One history line in the interface language: 2022-07-05  未检查 → 不予准入（关停）  理由  （检查 2022-07-05）."""
    text = f"{_d(e.on)}  {entry_label(e.old_status)} → {entry_label(e.new_status)}"
    if e.reason:
        text += f"  {e.reason}"
    if e.visit_day:
        text += "  " + QCoreApplication.translate("CamphorPage", "（检查 {day}）").format(day=_d(e.visit_day))
    return text


# ================================================================================================ list model


class CamphorModel(RowsModel):
    """The register rows, with their display strings made once per row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__((), parent)
        self._headers = (self.tr("企业"), self.tr("镇"), self.tr("准入状态"), self.tr("最近检查"), self.tr("检查次数"),
                         self.tr("最近结论理由"))

    @staticmethod
    def key(row: CamphorRow) -> uuid.UUID:
        return row.enterprise_id

    def display(self, r: CamphorRow) -> tuple[str, ...]:
        return (r.name, r.town, entry_label(r.entry_status), _d(r.last_check_on) or self.tr("未检查"),
                str(r.checks), r.last_reasons.replace("\n", " "))

    def role_data(self, row: CamphorRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == STATUS_COLUMN:
                return "\n".join(event_text(e) for e in row.history) or self.tr("尚无准入记录")
            return self.display(row)[column] or None
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS_COLUMN:
            return entry_dot(row.entry_status)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == ID_ROLE:
            return row.enterprise_id
        if role == STATUS_ROLE:
            return row.entry_status
        return None


# ================================================================================================ page


class CamphorPage(QWidget):
    """The 樟脑油准入 module page. ``openEnterprise(uuid)``: the user asked for the firm's archive (Enter /
    double-click)."""

    openEnterprise = Signal(object)  # noqa: N815 (Qt signal naming)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._loading = False
        self._shown_once = False

        self.totals_label = QLabel()
        self.totals_label.setObjectName("camphorTotals")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索：企业名称、拼音首字母、地址或法定代表人（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.status = ValueCombo()
        self.town = ValueCombo()
        for w in (self.status, self.town):
            w.setSizeAdjustPolicy(ValueCombo.SizeAdjustPolicy.AdjustToContents)
        self.count_label = QLabel()
        self.count_label.setObjectName("resultCount")
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.setToolTip(self.tr("重新读取（F5）"))
        self.export_button = QPushButton(self.tr("导出Excel…"))
        self.export_button.setToolTip(self.tr("把当前列表（含准入历程）导出为 Excel 文件"))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        top.addWidget(self.town)
        top.addWidget(self.count_label)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)

        self.model = CamphorModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        for i, w in enumerate((190, 70, 150, 92, 66)):
            self.table.setColumnWidth(i, w)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setToolTip(self.tr("回车或双击打开企业档案"))

        # the selected firm
        self.firm_title = QLabel()
        self.firm_title.setObjectName("camphorFirm")
        self.firm_title.setWordWrap(True)
        self.status_dot = QLabel()
        self.status_chip = QLabel()
        self.status_chip.setObjectName("entryChip")
        self.firm_status = QLabel()
        chip_row = QHBoxLayout()
        chip_row.setContentsMargins(0, 0, 0, 0)
        chip_row.addWidget(self.status_dot)
        chip_row.addWidget(self.status_chip)
        chip_row.addWidget(self.firm_status, 1)
        self.history_title = QLabel(self.tr("准入历程"))
        self.history_title.setObjectName("sectionTitle")
        self.history = QTableWidget(0, 4)
        self.history.setObjectName("entryHistory")
        self.history.setHorizontalHeaderLabels([self.tr("日期"), self.tr("准入状态"), self.tr("理由"), self.tr("检查")])
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().setVisible(False)
        self.history.setWordWrap(True)
        self.history.setTextElideMode(Qt.TextElideMode.ElideNone)
        hh = self.history.horizontalHeader()
        hh.sectionResized.connect(lambda *_: self.history.resizeRowsToContents())  # reasons wrap to the width
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.check_title = QLabel(self.tr("最近一次检查"))
        self.check_title.setObjectName("sectionTitle")
        self.last_check = QTextBrowser()
        self.last_check.setObjectName("lastEntryCheck")
        self.last_check.setOpenLinks(False)
        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(6, 0, 0, 0)
        dl.addWidget(self.firm_title)
        dl.addLayout(chip_row)
        dl.addWidget(self.history_title)
        dl.addWidget(self.history, 2)
        dl.addWidget(self.check_title)
        dl.addWidget(self.last_check, 3)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([700, 480])

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.totals_label)
        lay.addLayout(top)
        lay.addWidget(self.splitter, 1)

        for a, b in ((self.search, self.status), (self.status, self.town), (self.town, self.table),
                     (self.table, self.history), (self.history, self.last_check),
                     (self.last_check, self.refresh_button), (self.refresh_button, self.export_button)):
            QWidget.setTabOrder(a, b)

        self._fill_combos()
        self.search.textChanged.connect(self.apply_filter)
        self.status.currentIndexChanged.connect(self.apply_filter)
        self.town.currentIndexChanged.connect(self.apply_filter)
        self.refresh_button.clicked.connect(self.reload)
        self.export_button.clicked.connect(lambda: self.export_file())
        self.table.activated.connect(lambda _i: self.open_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())
        QShortcut(QKeySequence("Ctrl+F"), self, activated=lambda: (self.search.setFocus(), self.search.selectAll()))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, activated=self.reload)
        self.apply_filter()

    # ------------------------------------------------------------------ state

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("camphor/splitter", self.splitter.saveState())
        settings.setValue("camphor/header", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        for key, target in (("camphor/splitter", self.splitter), ("camphor/header", self.table.horizontalHeader())):
            state = settings.value(key)
            if state is not None:
                target.restoreState(state)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Coming back to the page shows verdicts recorded meanwhile."""
        super().showEvent(event)
        if self._shown_once and not event.spontaneous():
            self.reload()
        self._shown_once = True

    # ------------------------------------------------------------------ list

    def _fill_combos(self) -> None:
        chosen = (self.status.value(), self.town.value())
        self._loading = True
        with self._ctx.session() as s:
            towns = regions.towns(s)
        self.status.clear()
        self.status.add(self.tr("全部准入状态"), None)
        for code in (EntryStatus.REFUSED, EntryStatus.RECHECK, EntryStatus.NOT_CHECKED, EntryStatus.ADMITTED):
            self.status.addItem(entry_dot(code), entry_label(code), code.value)
        self.town.clear()
        self.town.add(self.tr("全部镇"), None)
        for t in towns:
            self.town.add(t.name, t.id)
        self.status.set_value(chosen[0])
        self.town.set_value(chosen[1])
        self._loading = False

    def apply_filter(self) -> None:
        if self._loading:
            return
        keep = self.selected_id()
        with self._ctx.session() as s:
            rows = camphor.register(s, status=self.status.value(), town_id=self.town.value(), text=self.search.text())
            totals = camphor.totals(s)
        self.model.set_rows(rows)
        self._show_totals(totals)
        self.count_label.setText(self.tr("显示 %n 家", "", len(rows)))
        self.select(keep)
        self.show_detail()

    def _show_totals(self, t: dict[str, int]) -> None:
        parts = [self.tr("共 {n} 家").format(n=t["firms"]), self.tr("已检查 {n}").format(n=t["checked"])]
        for code in (EntryStatus.ADMITTED, EntryStatus.RECHECK, EntryStatus.REFUSED):
            parts.append(f"{entry_label(code)} {t[code]}")
        if t[EntryStatus.NOT_CHECKED]:
            parts.append(f"{entry_label(EntryStatus.NOT_CHECKED)} {t[EntryStatus.NOT_CHECKED]}")
        self.totals_label.setText(" · ".join(parts))

    def reload(self) -> None:
        self._fill_combos()
        self.apply_filter()

    def selected_id(self) -> uuid.UUID | None:
        idx = self.table.currentIndex()
        return idx.data(ID_ROLE) if idx.isValid() else None

    def selected_row(self) -> CamphorRow | None:
        idx = self.table.currentIndex()
        return self.model.row_at(idx.row()) if idx.isValid() else None

    def select(self, enterprise_id: uuid.UUID | None) -> None:
        row = self.model.row_of(enterprise_id) if enterprise_id is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.selectRow(row)

    def open_selected(self) -> None:
        eid = self.selected_id()
        if eid is not None:
            self.openEnterprise.emit(eid)

    # ------------------------------------------------------------------ detail

    def show_detail(self) -> None:
        row = self.selected_row()
        if row is None:
            self.firm_title.setText(self.tr("未选择企业"))
            self.status_dot.clear()
            self.status_chip.clear()
            mark(self.status_chip, "entry", "")
            self.firm_status.clear()
            self.history.setRowCount(0)
            self.last_check.clear()
            return
        with self._ctx.session() as s:
            check = camphor.last_check(s, row.enterprise_id)
        place = "　".join(x for x in (row.town, row.village, row.address) if x)
        self.firm_title.setText(f"<b>{html.escape(row.name)}</b>　{html.escape(place)}")
        self.status_dot.setPixmap(entry_dot(row.entry_status))
        self.status_chip.setText(entry_label(row.entry_status))
        mark(self.status_chip, "entry", row.entry_status)
        self.firm_status.setText(self.tr("企业状态：{status}").format(
            status=enum_label(STATUS_LABELS.get(row.enterprise_status, row.enterprise_status))))
        self._fill_history(row.history)
        self.last_check.setHtml(self._check_html(row, check))

    def _fill_history(self, events: tuple[EntryEvent, ...]) -> None:
        self.history.setRowCount(len(events))
        for r, e in enumerate(events):
            cells = [_d(e.on), f"{entry_label(e.old_status)} → {entry_label(e.new_status)}", e.reason,
                     self.tr("检查 {day}").format(day=_d(e.visit_day)) if e.visit_day else self.tr("决定")]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if c == 1:
                    item.setIcon(entry_dot(e.new_status))
                if c == 2 and e.changed_by:
                    item.setToolTip(self.tr("{reason}\n记录人：{who}").format(reason=e.reason, who=e.changed_by))
                self.history.setItem(r, c, item)
        self.history.resizeRowsToContents()
        if events:
            self.history.scrollToBottom()

    def _check_html(self, row: CamphorRow, check: EntryCheck | None) -> str:
        # Translated texts first: lupdate does not read self.tr() inside f-strings.
        t_blank, t_never = self.tr("未填写"), self.tr("尚未进行准入检查。")
        t_day, t_verdict = self.tr("检查日期："), self.tr("结论：")
        t_decision = self.tr("不予准入（关停）应制作现场处理措施决定书。")
        t_items, t_failed, t_no_items = self.tr("逐项检查结果："), self.tr("不符合项："), self.tr("未逐项记录")
        esc = html.escape

        def para(label: str, text: str) -> str:
            body = esc(text).replace("\n", "<br>") if text else f"<i>{esc(t_blank)}</i>"
            return f"<p><b>{esc(label)}</b>{body}</p>"

        if check is None:
            halt = next((e.reason for e in row.history if e.stop_id is None), "")
            out = [f"<p>{esc(t_never)}</p>"]
            if halt:
                out.append(para(self.tr("停产停业依据："), halt))
            return "".join(out)
        out = [f"<p><b>{esc(t_day)}</b>{_d(check.visit_day)}　"
               f"<b>{esc(t_verdict)}</b>{esc(entry_label(check.verdict))}</p>"]
        if check.verdict == EntryStatus.REFUSED:
            out.append(f"<p><i>{esc(t_decision)}</i></p>")
        out.append(para(self.tr("结论理由："), check.reasons))
        halt = check.halt_ref
        if not halt:  # not written on the check: the decision line of the history, if any
            decision = next((e for e in row.history if e.stop_id is None and e.on <= check.visit_day), None)
            if decision is not None and decision.reason:
                halt = self.tr("{reason}（{day}，见准入历程）").format(reason=decision.reason, day=_d(decision.on))
        out.append(para(self.tr("原停产停业决定："), halt))
        out.append(para(self.tr("整改佐证材料："), check.evidence))
        if check.items:
            counts = {o: sum(1 for i in check.items if i.outcome == o) for o in Outcome}
            tally = " · ".join(f"{enum_label(OUTCOME_LABELS[o])} {counts[o]}" for o in Outcome)
            unjudged = sum(1 for i in check.items if i.outcome is None)
            if unjudged:
                tally += " · " + self.tr("未判定 {n}").format(n=unjudged)
            out.append(f"<p><b>{esc(t_items)}</b>{esc(tally)}</p>")
            failed = check.failed
            if failed:
                lines = "".join(f"<li>{i.seq}. {esc(i.text)}" + (f"（{esc(i.note)}）" if i.note else "") + "</li>"
                                for i in failed)
                out.append(f"<p><b>{esc(t_failed)}</b></p><ul>{lines}</ul>")
        else:
            out.append(f"<p><b>{esc(t_items)}</b><i>{esc(t_no_items)}</i></p>")
        if check.summary:
            out.append(para(self.tr("检查情况："), check.summary))
        return "".join(out)

    # ------------------------------------------------------------------ export

    def export_file(self, path: str | None = None) -> int | None:
        """Write the register as listed (with the histories) to an .xlsx file; asks for the name when ``path`` is
        None. Returns the number of firms written, or None."""
        title = self.tr("导出樟脑油企业名册")
        if path is None:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) \
                or str(Path.home())
            name = self.tr("樟脑油企业名册-{day}.xlsx").format(day=f"{date.today():%Y%m%d}")
            path, _ = QFileDialog.getSaveFileName(self, title, str(Path(folder) / name),
                                                  self.tr("Excel 工作簿 (*.xlsx)"))
            if not path:
                return None
            path = path if path.lower().endswith(".xlsx") else path + ".xlsx"
        rows = self.model.rows
        target = path
        try:
            n = run_task(self, title, self.tr("正在导出…"), lambda _progress: camphor.export_register(rows, target),
                         cancellable=False)
        except ServiceError as exc:
            alerts.error(self, title, str(exc))
            return None
        alerts.info(self, title, self.tr("已导出 {n} 家企业到：\n{path}").format(n=n, path=path))
        return n


__all__ = ["CamphorModel", "CamphorPage", "ENTRY_COLOURS", "entry_dot", "event_text"]
