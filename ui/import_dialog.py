"""Excel import of the enterprise registry (with a preview and its bad-row report), and the export / template helpers.

Entry points (tests patch or drive them):

- ``ImportEnterprisesDialog.run(parent, ctx) -> ImportResult | None``: choose a file, read and check it in the
  background, preview what would happen to each row (新增 / 更新 / 无变化 / 有问题, and for an update the fields it
  changes), list every bad row, then import. A file that cannot be read is explained (ui.alerts) and the dialog then
  offers another file, 重新读取 and 保存导入模板….
- ``export_enterprises(parent, ctx, flt, sort, descending) -> int | None``: the filtered list to an .xlsx file.
- ``save_import_template(parent) -> str | None``: an empty workbook with the header row, for the office.

Styling: labels that carry an error get the dynamic property ``role="error"`` (a rule in resources/styles/tijian.qss
colours them); no colours are set in code.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.services import enterprise_excel as excel
from models.services.enterprise_excel import ImportPlan, ImportResult, PlannedRow, RowAction, RowProblem
from models.services.enterprises import FIELD_LABELS, EnterpriseFilter
from models.services.errors import ServiceError
from ui import alerts
from ui.context import AppContext
from ui.tasks import TaskCancelled, run_in_session, run_task
from ui.widgets import remember_geometry

log = logging.getLogger(__name__)

_WRAP_LIMIT = 300  # more bad-row lines than this: one line each (the tooltip has the whole reason)


def _documents_dir() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


def _mark(widget: QWidget, prop: str, value: object) -> None:
    """Set a dynamic property used by resources/styles/tijian.qss and re-apply the style sheet."""
    widget.setProperty(prop, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def _read_only_table(model: QAbstractTableModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    return table


# ------------------------------------------------------------------------------------------------ bad-row model


class BadRowsModel(QAbstractTableModel):
    """The problems of an import plan: 行号 / 列 / 原因 (one line per problem)."""

    COLUMN_COUNT = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._problems: list[RowProblem] = []
        self._names: dict[int, str] = {}

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        self._problems = list(plan.problems) if plan else []
        self._names = {r.row_number: r.name for r in plan.rows} if plan else {}
        self.endResetModel()

    def problem(self, row: int) -> RowProblem:
        return self._problems[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._problems)):
            return None
        p = self._problems[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (p.row_number, p.column, p.reason)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            name = self._names.get(p.row_number, "")
            prefix = QCoreApplication.translate("BadRowsModel", "第 {row} 行").format(row=p.row_number)
            return f"{prefix}{('（' + name + '）') if name else ''}\n{p.column}：{p.reason}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return QCoreApplication.translate("BadRowsModel", "行号")
        if section == 1:
            return QCoreApplication.translate("BadRowsModel", "列")
        if section == 2:
            return QCoreApplication.translate("BadRowsModel", "原因")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


# ------------------------------------------------------------------------------------------------ preview model


class PreviewModel(QAbstractTableModel):
    """The planned rows of an import: 行号 / 操作 / 单位名称 / 统一社会信用代码 / 所属镇 / 变更内容.

    Rows are shown in pages of ``PAGE`` (Qt's canFetchMore / fetchMore when the view scrolls there), so a file of
    tens of thousands of rows costs nothing until someone scrolls; ``total`` is the number of rows in all.
    ``set_action`` shows one kind of row only (None: all)."""

    PAGE = 200
    COLUMN_COUNT = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[PlannedRow] = []
        self._rows: list[PlannedRow] = []
        self._shown = 0
        self._action: str | None = None
        self._problems: dict[int, list[RowProblem]] = {}
        self._labels: dict[str, str] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def set_plan(self, plan: ImportPlan | None) -> None:
        """Show ``plan``'s rows (all kinds: the filter is reset)."""
        self._action = None
        self._all = list(plan.rows) if plan else []
        self._problems = {}
        for p in plan.problems if plan else []:
            self._problems.setdefault(p.row_number, []).append(p)
        self._labels = {
            RowAction.NEW: QCoreApplication.translate("PreviewModel", "新增"),
            RowAction.UPDATE: QCoreApplication.translate("PreviewModel", "更新"),
            RowAction.UNCHANGED: QCoreApplication.translate("PreviewModel", "无变化"),
            RowAction.BAD: QCoreApplication.translate("PreviewModel", "有问题"),
        }
        self._reset()

    def set_action(self, action: str | None) -> None:
        """Show only the rows with this RowAction (None: every row)."""
        if action != self._action:
            self._action = action
            self._reset()

    def _reset(self) -> None:
        self.beginResetModel()
        action = self._action
        self._rows = self._all if action is None else [r for r in self._all if r.action == action]
        self._shown = min(self.PAGE, len(self._rows))
        self.endResetModel()

    @property
    def total(self) -> int:
        """Rows matching the current filter, shown or not yet."""
        return len(self._rows)

    def action_label(self, action: str) -> str:
        return self._labels.get(action, action)

    def planned_row(self, row: int) -> PlannedRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if parent.isValid():
            return
        n = min(self.PAGE, len(self._rows) - self._shown)
        if n <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + n - 1)
        self._shown += n
        self.endInsertRows()

    def _detail(self, r: PlannedRow) -> str:
        if r.action == RowAction.UPDATE:
            return "、".join(FIELD_LABELS.get(f, f) for f in r.changes)
        if r.action == RowAction.BAD:
            columns = dict.fromkeys(p.column for p in self._problems.get(r.row_number, []))
            return QCoreApplication.translate("PreviewModel", "问题：{columns}").format(columns="、".join(columns))
        return ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self._shown) or not (0 <= index.column() < 6):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return r.row_number
            if col == 1:
                return self._labels.get(r.action, r.action)
            if col == 2:
                return r.name
            if col == 3:
                return r.uscc
            if col == 4:
                return r.town
            return self._detail(r)
        if role == Qt.ItemDataRole.ToolTipRole:
            if r.action == RowAction.BAD:
                return "\n".join(f"{p.column}：{p.reason}" for p in self._problems.get(r.row_number, []))
            if r.action == RowAction.UPDATE and r.changes:
                return QCoreApplication.translate("PreviewModel", "将更新：{fields}").format(fields=self._detail(r))
            return None
        if role == Qt.ItemDataRole.FontRole and col == 1 and r.action == RowAction.BAD:
            return self._bold  # (a colour would be overridden by the theme's item colour)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return QCoreApplication.translate("PreviewModel", "行号")
        if section == 1:
            return QCoreApplication.translate("PreviewModel", "操作")
        if section == 2:
            return QCoreApplication.translate("PreviewModel", "单位名称")
        if section == 3:
            return QCoreApplication.translate("PreviewModel", "统一社会信用代码")
        if section == 4:
            return QCoreApplication.translate("PreviewModel", "所属镇")
        if section == 5:
            return QCoreApplication.translate("PreviewModel", "变更内容")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


# ------------------------------------------------------------------------------------------------ the dialog


class ImportEnterprisesDialog(QDialog):
    """Previews what an import would do and lists every bad row; imports all rows, only the good ones, or nothing."""

    PREVIEW_TAB = 0
    PROBLEMS_TAB = 1

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: str | None = None  # the file chosen (kept when it cannot be read, for 重新读取)
        self.plan: ImportPlan | None = None  # None until a file was read, and after a file could not be read
        self.load_error = ""  # why the chosen file could not be read
        self.import_result: ImportResult | None = None
        self.setWindowTitle(self.tr("导入企业名录"))
        self.setMinimumSize(760, 480)
        self.resize(1000, 620)  # fits a 1366×768 screen with its taskbar
        remember_geometry(self, "ImportEnterprisesDialog")

        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self.tr("选择文件…"))
        self.choose_button.setToolTip(self.tr("换一个 Excel 文件导入"))
        self.reload_button = QPushButton(self.tr("重新读取"))
        self.reload_button.setToolTip(self.tr("在 Excel 中改好并保存文件后，点此重新检查"))
        self.summary_label = QLabel()
        font = self.summary_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.summary_label.setFont(font)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # 预览: every planned row, filtered by kind
        self.preview_model = PreviewModel(self)
        self.preview_table = _read_only_table(self.preview_model)
        self.preview_table.setWordWrap(False)
        self.preview_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.preview_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.preview_table.horizontalHeader()
        for col in (0, 1, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 240)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.filter_combo = QComboBox()
        self.filter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter_combo.currentIndexChanged.connect(self._filter_changed)
        self.preview_count_label = QLabel()
        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel(self.tr("显示：")))
        filter_row.addWidget(self.filter_combo)
        filter_row.addStretch(1)
        filter_row.addWidget(self.preview_count_label)
        preview_page = QWidget()
        preview_layout = QVBoxLayout(preview_page)
        preview_layout.setContentsMargins(4, 6, 4, 4)
        preview_layout.addLayout(filter_row)
        preview_layout.addWidget(self.preview_table, 1)

        # 问题: one line per problem
        self.model = BadRowsModel(self)
        self.table = _read_only_table(self.model)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        problems_page = QWidget()
        problems_layout = QVBoxLayout(problems_page)
        problems_layout.setContentsMargins(4, 6, 4, 4)
        problems_layout.addWidget(self.table, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(preview_page, self.tr("预览"))
        self.tabs.addTab(problems_page, self.tr("问题"))

        self.template_button = QPushButton(self.tr("保存导入模板…"))
        self.template_button.setToolTip(self.tr("保存一个只有表头的空白 Excel 文件，按它填写后即可导入"))
        self.import_button = QPushButton(self.tr("导入"))
        self.good_rows_button = QPushButton(self.tr("仅导入正确的行"))
        self.cancel_button = QPushButton(self.tr("取消"))
        for b in (self.choose_button, self.reload_button, self.template_button):
            b.setAutoDefault(False)  # Enter means 导入, whichever of these has the focus
        self.import_button.setDefault(True)
        self.choose_button.clicked.connect(self.choose_other_file)
        self.reload_button.clicked.connect(self.reload)
        self.template_button.clicked.connect(self.save_template)
        self.import_button.clicked.connect(self.import_all)
        self.good_rows_button.clicked.connect(self.import_good_rows)
        self.cancel_button.clicked.connect(self.reject)

        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.reload_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.template_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.good_rows_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.note_label)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.tabs, 1)
        layout.addStretch(0)  # keeps the texts at the top while the tabs are hidden (a file that cannot be read)
        layout.addLayout(buttons)
        self._refresh()

    # ---------------------------------------------------------------------------------------- entry point

    @classmethod
    def run(cls, parent: QWidget | None, ctx: AppContext) -> ImportResult | None:
        """Choose a file, check it, let the user decide; returns what was imported, or None."""
        path = cls.choose_file(parent)
        if not path:
            return None
        dlg = cls(ctx, parent)
        try:
            # A file that cannot be read has been explained; the dialog then offers another file, 重新读取 and
            # 保存导入模板… (the way out that the explanation may suggest). Only a cancelled read ends here.
            if not dlg.load(path) and not dlg.load_error:
                return None
            if dlg.exec() != QDialog.DialogCode.Accepted or dlg.import_result is None:
                return None
            result = dlg.import_result
            alerts.info(parent, QCoreApplication.translate("ImportEnterprisesDialog", "导入完成"),
                        dlg.result_text(result))
            return result
        finally:
            dlg.deleteLater()

    @staticmethod
    def choose_file(parent: QWidget | None) -> str | None:
        caption = QCoreApplication.translate("ImportEnterprisesDialog", "选择要导入的 Excel 文件")
        filters = QCoreApplication.translate("ImportEnterprisesDialog", "Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)")
        path, _ = QFileDialog.getOpenFileName(parent, caption, _documents_dir(), filters)
        return path or None

    # ---------------------------------------------------------------------------------------- actions

    def load(self, path: str | Path) -> bool:
        """Read and check ``path`` in the background; False (after telling the user) when it cannot be used.

        The dialog is always in one consistent state: the new file's plan, or (the file could not be read) no plan
        and the reason; a cancelled read leaves the previous state as it was."""
        path = str(path)
        details = ""
        try:
            plan = run_in_session(self, self.ctx, self.tr("导入企业名录"), self.tr("正在读取文件…"),
                                  lambda s, progress: excel.read_workbook(s, path, progress=progress))
        except TaskCancelled:
            return False
        except ServiceError as exc:
            message = str(exc)
        except Exception as exc:  # a bug, or a file nobody foresaw: explained in Chinese, never a crash dialog
            log.exception("reading %s for import failed", path)
            message = self.tr("读取文件“{file}”时出现意外错误，无法导入，也未写入任何数据。"
                              "请确认它是用 Excel 保存的工作簿（.xlsx）；如果问题仍然存在，请把详细信息告诉系统管理员。"
                              ).format(file=Path(path).name)
            details = f"{type(exc).__name__}: {exc}"
        else:
            self.path, self.plan, self.load_error = path, plan, ""
            self._refresh(select_tab=True)
            return True
        self.path, self.plan, self.load_error = path, None, message
        self._refresh(select_tab=True)
        alerts.error(self if self.isVisible() else self.parentWidget(), self.tr("无法导入"), message, details)
        return False

    def reload(self) -> None:
        if self.path is not None:
            self.load(self.path)

    def choose_other_file(self) -> None:
        path = self.choose_file(self)
        if path:
            self.load(path)

    def save_template(self) -> str | None:
        return save_import_template(self)

    def import_all(self) -> None:
        self._apply(only_good_rows=False)

    def import_good_rows(self) -> None:
        self._apply(only_good_rows=True)

    def _apply(self, only_good_rows: bool) -> None:
        plan = self.plan
        if plan is None:
            return
        actor = self.ctx.actor
        try:
            result = run_in_session(self, self.ctx, self.tr("导入企业名录"), self.tr("正在导入…"),
                                    lambda s, progress: excel.apply(s, plan, actor, only_good_rows,
                                                                    progress=progress))
        except TaskCancelled:
            return
        except ServiceError as exc:
            alerts.warning(self, self.tr("未导入"), str(exc))
            return
        except Exception as exc:  # the worker's session rolled back: nothing was written
            log.exception("import of %s failed", plan.path)
            alerts.error(self, self.tr("未导入"),
                         self.tr("导入时出现意外错误，未导入任何数据。请稍后重试；如果问题仍然存在，请把详细信息告诉系统管理员。"),
                         f"{type(exc).__name__}: {exc}")
            return
        self.import_result = result
        self.accept()

    # ---------------------------------------------------------------------------------------- display

    def result_text(self, result: ImportResult) -> str:
        text = self.tr("新增 {created} 家，更新 {updated} 家，无变化 {unchanged} 家。").format(**result._asdict())
        if result.skipped:
            text += "\n" + self.tr("有问题的 {skipped} 行未导入。").format(skipped=result.skipped)
        return text

    def _filter_changed(self) -> None:
        self.preview_model.set_action(self.filter_combo.currentData() or None)
        self._show_preview_count()

    def _show_preview_count(self) -> None:
        shown_at_first = min(self.preview_model.total, PreviewModel.PAGE)
        if self.preview_model.total > shown_at_first:
            text = self.tr("共 {n} 行（先列出 {first} 行，向下滚动显示其余的行）").format(
                n=self.preview_model.total, first=shown_at_first)
        else:
            text = self.tr("共 {n} 行").format(n=self.preview_model.total)
        self.preview_count_label.setText(text)

    def _fill_filter(self, plan: ImportPlan | None) -> None:
        self.filter_combo.blockSignals(True)
        self.filter_combo.clear()
        if plan is not None:
            self.filter_combo.addItem(self.tr("全部（{n}）").format(n=len(plan.rows)), "")
            for action, n in ((RowAction.NEW, plan.new_count), (RowAction.UPDATE, plan.update_count),
                              (RowAction.UNCHANGED, plan.unchanged_count), (RowAction.BAD, plan.bad_count)):
                self.filter_combo.addItem(f"{self.preview_model.action_label(action)}（{n}）", action)
        self.filter_combo.blockSignals(False)

    def _refresh(self, select_tab: bool = False) -> None:
        plan = self.plan
        self.preview_model.set_plan(plan)
        self._fill_filter(plan)
        self.model.set_plan(plan)
        self.choose_button.setEnabled(True)
        self.template_button.setEnabled(True)
        self.reload_button.setEnabled(self.path is not None)
        if plan is None:
            self.tabs.hide()
            self.note_label.clear()
            self.note_label.hide()
            for b in (self.import_button, self.good_rows_button):
                b.setEnabled(False)
                b.setToolTip("")
            self.choose_button.setFocus()
            if self.load_error and self.path is not None:
                self.file_label.setText(self.tr("文件：{file}").format(file=Path(self.path).name))
                self.summary_label.setText(self.tr("无法读取此文件"))
                self.problems_label.setText(self.load_error + "\n" + self.tr(
                    "可以改好文件后点“重新读取”，或点“选择文件…”换一个文件，或点“保存导入模板…”按模板填写。"))
                _mark(self.problems_label, "role", "error")
            else:
                for w in (self.file_label, self.summary_label, self.problems_label):
                    w.clear()
                _mark(self.problems_label, "role", "")
            return
        if plan.header_first_row != plan.header_row:
            where = self.tr("表头在第 {first}–{last} 行").format(first=plan.header_first_row, last=plan.header_row)
        else:
            where = self.tr("表头在第 {row} 行").format(row=plan.header_row)
        self.file_label.setText(self.tr("文件：{file}（工作表“{sheet}”，{where}，共 {n} 行数据）").format(
            file=plan.file_name, sheet=plan.sheet, where=where, n=len(plan.rows)))
        self.summary_label.setText(self.tr("新增 {new} / 更新 {updated} / 无变化 {unchanged} / 有问题 {bad} 行").format(
            new=plan.new_count, updated=plan.update_count, unchanged=plan.unchanged_count, bad=plan.bad_count))
        notes = []
        if plan.ignored_columns:
            notes.append(self.tr("未识别、不导入的列：{cols}").format(cols="、".join(plan.ignored_columns)))
        missing = [label for f, label in FIELD_LABELS.items() if f not in plan.columns]
        if missing:
            notes.append(self.tr("文件中没有的列（已有企业保留原内容）：{cols}").format(cols="、".join(missing)))
        self.note_label.setText("\n".join(notes))
        self.note_label.setVisible(bool(notes))
        self.tabs.show()
        self.tabs.setTabText(self.PREVIEW_TAB, self.tr("预览（{n} 行）").format(n=len(plan.rows)))
        self.tabs.setTabText(self.PROBLEMS_TAB, self.tr("问题（{n} 处）").format(n=len(plan.problems)))
        self.tabs.setTabEnabled(self.PROBLEMS_TAB, bool(plan.problems))
        self._show_preview_count()
        if plan.bad_count:
            self.problems_label.setText(self.tr(
                "{bad} 行有问题（共 {n} 处，见“问题”）。请在 Excel 中修改后点“重新读取”，或点“仅导入正确的行”先导入其余 {good} 行。"
            ).format(bad=plan.bad_count, n=len(plan.problems), good=plan.good_count))
            _mark(self.problems_label, "role", "error")
            # Wrapped rows need every row measured: fine for a page of problems, slow for thousands.
            wrap = len(plan.problems) <= _WRAP_LIMIT
            self.table.setWordWrap(wrap)
            self.table.verticalHeader().setSectionResizeMode(
                QHeaderView.ResizeMode.ResizeToContents if wrap else QHeaderView.ResizeMode.Fixed)
        else:
            self.problems_label.setText(self.tr("全部 {n} 行检查通过。").format(n=len(plan.rows)))
            _mark(self.problems_label, "role", "")
        if select_tab:
            self.tabs.setCurrentIndex(self.PROBLEMS_TAB if plan.bad_count else self.PREVIEW_TAB)
        self.import_button.setEnabled(plan.bad_count == 0)
        self.import_button.setDefault(plan.bad_count == 0)
        self.good_rows_button.setEnabled(plan.bad_count > 0 and plan.good_count > 0)
        tip = self.tr("文件中有问题的行，不能全部导入") if plan.bad_count else ""
        self.import_button.setToolTip(tip)
        (self.import_button if plan.bad_count == 0 else self.good_rows_button if plan.good_count else
         self.reload_button).setFocus()


# ------------------------------------------------------------------------------------------------ export, template


def choose_export_path(parent: QWidget | None) -> str | None:
    name = QCoreApplication.translate("ImportEnterprisesDialog", "企业名录-{day}.xlsx").format(
        day=f"{date.today():%Y%m%d}")
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("ImportEnterprisesDialog", "导出企业名录"),
                                          str(Path(_documents_dir()) / name),
                                          QCoreApplication.translate("ImportEnterprisesDialog", "Excel 工作簿 (*.xlsx)"))
    if not path:
        return None
    return path if path.lower().endswith(".xlsx") else path + ".xlsx"


def export_enterprises(parent: QWidget | None, ctx: AppContext, flt: EnterpriseFilter | None, sort: str = "name",
                       descending: bool = False) -> int | None:
    """Ask for a file name and write the filtered list there in the background; the number written, or None."""
    path = choose_export_path(parent)
    if not path:
        return None
    title = QCoreApplication.translate("ImportEnterprisesDialog", "导出企业名录")
    try:
        n = run_in_session(parent, ctx, title, QCoreApplication.translate("ImportEnterprisesDialog", "正在导出…"),
                           lambda s, progress: excel.export(s, flt, path, sort, descending, progress=progress))
    except TaskCancelled:
        return None
    except ServiceError as exc:
        alerts.error(parent, title, str(exc))
        return None
    alerts.info(parent, title, QCoreApplication.translate("ImportEnterprisesDialog", "已导出 {n} 家企业到：\n{path}").format(
        n=n, path=path))
    return n


def save_import_template(parent: QWidget | None) -> str | None:
    """Ask for a file name and save an empty import workbook (header row, drop-downs, 填写说明 sheet)."""
    title = QCoreApplication.translate("ImportEnterprisesDialog", "保存导入模板")
    default = str(Path(_documents_dir()) / QCoreApplication.translate("ImportEnterprisesDialog", "企业名录导入模板.xlsx"))
    path, _ = QFileDialog.getSaveFileName(parent, title, default,
                                          QCoreApplication.translate("ImportEnterprisesDialog", "Excel 工作簿 (*.xlsx)"))
    if not path:
        return None
    path = path if path.lower().endswith(".xlsx") else path + ".xlsx"
    try:
        run_task(parent, title, QCoreApplication.translate("ImportEnterprisesDialog", "正在保存…"),
                 lambda progress: excel.write_template(path),
                 cancellable=False)
    except ServiceError as exc:
        alerts.error(parent, title, str(exc))
        return None
    alerts.info(parent, title, QCoreApplication.translate(
        "ImportEnterprisesDialog", "导入模板已保存到：\n{path}\n\n在“企业名录”工作表中每行填写一家企业（各列的填法见“填写说明”），保存后即可导入。"
    ).format(path=path))
    return path


__all__ = ["BadRowsModel", "ImportEnterprisesDialog", "PreviewModel", "choose_export_path", "export_enterprises",
           "save_import_template"]
