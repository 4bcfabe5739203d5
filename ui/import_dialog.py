"""Excel import of the enterprise registry (with its bad-row report), and the export / template helpers.

Entry points (tests patch or drive them):

- ``ImportEnterprisesDialog.run(parent, ctx) -> ImportResult | None``: choose a file, read and check it in the
  background, show what would happen (新增 / 更新 / 无变化 / 有问题) and every bad row, then import.
- ``export_enterprises(parent, ctx, flt, sort, descending) -> int | None``: the filtered list to an .xlsx file.
- ``save_import_template(parent) -> str | None``: an empty workbook with the header row, for the office.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.services import enterprise_excel as excel
from models.services.enterprise_excel import ImportPlan, ImportResult, RowProblem
from models.services.enterprises import FIELD_LABELS, EnterpriseFilter
from models.services.errors import ServiceError
from ui import alerts
from ui.context import AppContext
from ui.tasks import TaskCancelled, run_in_session, run_task

translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")
_WRAP_LIMIT = 300  # more bad-row lines than this: one line each (the tooltip has the whole reason)



def _documents_dir() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


# ------------------------------------------------------------------------------------------------ bad-row model


class BadRowsModel(QAbstractTableModel):
    """The problems of an import plan: 行号 / 列 / 原因 (one line per problem)."""

    COLUMNS = (QT_TRANSLATE_NOOP("BadRowsModel", "行号"), QT_TRANSLATE_NOOP("BadRowsModel", "列"),
               QT_TRANSLATE_NOOP("BadRowsModel", "原因"))

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
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._problems)):
            return None
        p = self._problems[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (p.row_number, p.column, p.reason)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            name = self._names.get(p.row_number, "")
            prefix = translate("BadRowsModel", "第 {row} 行").format(row=p.row_number)
            return f"{prefix}{('（' + name + '）') if name else ''}\n{p.column}：{p.reason}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(self.COLUMNS):
            return translate("BadRowsModel", self.COLUMNS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


# ------------------------------------------------------------------------------------------------ the dialog


class ImportEnterprisesDialog(QDialog):
    """Shows what an import would do and every bad row; imports all rows, only the good ones, or nothing."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan: ImportPlan | None = None
        self.import_result: ImportResult | None = None
        self.setWindowTitle(self.tr("导入企业名录"))
        self.setMinimumSize(760, 480)

        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label = QLabel()
        font = self.summary_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.summary_label.setFont(font)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)

        self.model = BadRowsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.reload_button = QPushButton(self.tr("重新读取"))
        self.reload_button.setToolTip(self.tr("在 Excel 中改好并保存文件后，点此重新检查"))
        self.import_button = QPushButton(self.tr("导入"))
        self.good_rows_button = QPushButton(self.tr("仅导入正确的行"))
        self.cancel_button = QPushButton(self.tr("取消"))
        self.import_button.setDefault(True)
        self.reload_button.clicked.connect(self.reload)
        self.import_button.clicked.connect(self.import_all)
        self.good_rows_button.clicked.connect(self.import_good_rows)
        self.cancel_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.reload_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.good_rows_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.note_label)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.table, 1)
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
            if not dlg.load(path):
                return None
            if dlg.exec() != QDialog.DialogCode.Accepted or dlg.import_result is None:
                return None
            result = dlg.import_result
            alerts.info(parent, QCoreApplication.translate("ImportEnterprisesDialog", "导入完成"), dlg.result_text(result))
            return result
        finally:
            dlg.deleteLater()

    @staticmethod
    def choose_file(parent: QWidget | None) -> str | None:
        caption = translate("ImportEnterprisesDialog", "选择要导入的 Excel 文件")
        filters = translate("ImportEnterprisesDialog", "Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)")
        path, _ = QFileDialog.getOpenFileName(parent, caption, _documents_dir(), filters)
        return path or None

    # ---------------------------------------------------------------------------------------- actions

    def load(self, path: str | Path) -> bool:
        """Read and check ``path`` in the background; False (after telling the user) when it cannot be used."""
        path = str(path)
        try:
            plan = run_in_session(self, self.ctx, self.tr("导入企业名录"), self.tr("正在读取文件…"),
                                  lambda s, progress: excel.read_workbook(s, path, progress=progress))
        except TaskCancelled:
            return False
        except ServiceError as exc:
            alerts.error(self if self.isVisible() else self.parentWidget(), self.tr("无法导入"), str(exc))
            return False
        self.plan = plan
        self._refresh()
        return True

    def reload(self) -> None:
        if self.plan is not None:
            self.load(self.plan.path)

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
        self.import_result = result
        self.accept()

    # ---------------------------------------------------------------------------------------- display

    def result_text(self, result: ImportResult) -> str:
        text = self.tr("新增 {created} 家，更新 {updated} 家，无变化 {unchanged} 家。").format(**result._asdict())
        if result.skipped:
            text += "\n" + self.tr("有问题的 {skipped} 行未导入。").format(skipped=result.skipped)
        return text

    def _refresh(self) -> None:
        plan = self.plan
        self.model.set_plan(plan)
        if plan is None:
            for w in (self.file_label, self.summary_label, self.note_label, self.problems_label):
                w.clear()
            self.table.hide()
            for b in (self.import_button, self.good_rows_button, self.reload_button):
                b.setEnabled(False)
            return
        self.file_label.setText(self.tr("文件：{file}（工作表“{sheet}”，表头在第 {row} 行，共 {n} 行数据）").format(
            file=plan.file_name, sheet=plan.sheet, row=plan.header_row, n=len(plan.rows)))
        self.summary_label.setText(self.tr("新增 {new} / 更新 {updated} / 无变化 {unchanged} / 有问题 {bad} 行").format(
            new=plan.new_count, updated=plan.update_count, unchanged=plan.unchanged_count, bad=plan.bad_count))
        notes = []
        if plan.ignored_columns:
            notes.append(self.tr("未识别、不导入的列：{cols}").format(cols="、".join(plan.ignored_columns)))
        missing = [FIELD_LABELS[f] for f in excel.DATA_FIELDS if f not in plan.columns]
        if missing:
            notes.append(self.tr("文件中没有的列（已有企业保留原内容）：{cols}").format(cols="、".join(missing)))
        self.note_label.setText("\n".join(notes))
        self.note_label.setVisible(bool(notes))
        if plan.bad_count:
            self.problems_label.setText(self.tr(
                "以下 {bad} 行有问题（共 {n} 处）。请在 Excel 中修改后点“重新读取”，或点“仅导入正确的行”先导入其余 {good} 行。"
            ).format(bad=plan.bad_count, n=len(plan.problems), good=plan.good_count))
            self.problems_label.setStyleSheet("color: #c62828;")
            # Wrapped rows need every row measured: fine for a page of problems, slow for thousands.
            wrap = len(plan.problems) <= _WRAP_LIMIT
            self.table.setWordWrap(wrap)
            self.table.verticalHeader().setSectionResizeMode(
                QHeaderView.ResizeMode.ResizeToContents if wrap else QHeaderView.ResizeMode.Fixed)
            self.table.show()
        else:
            self.problems_label.setText(self.tr("全部 {n} 行检查通过。").format(n=len(plan.rows)))
            self.problems_label.setStyleSheet("")
            self.table.hide()
        self.reload_button.setEnabled(True)
        self.import_button.setEnabled(plan.bad_count == 0)
        self.import_button.setDefault(plan.bad_count == 0)
        self.good_rows_button.setEnabled(plan.bad_count > 0 and plan.good_count > 0)
        tip = self.tr("文件中有问题的行，不能全部导入") if plan.bad_count else ""
        self.import_button.setToolTip(tip)


# ------------------------------------------------------------------------------------------------ export, template


def choose_export_path(parent: QWidget | None) -> str | None:
    name = translate("ImportEnterprisesDialog", "企业名录-{day}.xlsx").format(day=f"{date.today():%Y%m%d}")
    path, _ = QFileDialog.getSaveFileName(parent, translate("ImportEnterprisesDialog", "导出企业名录"),
                                          str(Path(_documents_dir()) / name),
                                          translate("ImportEnterprisesDialog", "Excel 工作簿 (*.xlsx)"))
    if not path:
        return None
    return path if path.lower().endswith(".xlsx") else path + ".xlsx"


def export_enterprises(parent: QWidget | None, ctx: AppContext, flt: EnterpriseFilter | None, sort: str = "name",
                       descending: bool = False) -> int | None:
    """Ask for a file name and write the filtered list there in the background; the number written, or None."""
    path = choose_export_path(parent)
    if not path:
        return None
    title = translate("ImportEnterprisesDialog", "导出企业名录")
    try:
        n = run_in_session(parent, ctx, title, translate("ImportEnterprisesDialog", "正在导出…"),
                           lambda s, progress: excel.export(s, flt, path, sort, descending, progress=progress))
    except TaskCancelled:
        return None
    except ServiceError as exc:
        alerts.error(parent, title, str(exc))
        return None
    alerts.info(parent, title, translate("ImportEnterprisesDialog", "已导出 {n} 家企业到：\n{path}").format(
        n=n, path=path))
    return n


def save_import_template(parent: QWidget | None) -> str | None:
    """Ask for a file name and save an empty import workbook (header row, drop-downs, 填写说明 sheet)."""
    title = translate("ImportEnterprisesDialog", "保存导入模板")
    default = str(Path(_documents_dir()) / translate("ImportEnterprisesDialog", "企业名录导入模板.xlsx"))
    path, _ = QFileDialog.getSaveFileName(parent, title, default,
                                          translate("ImportEnterprisesDialog", "Excel 工作簿 (*.xlsx)"))
    if not path:
        return None
    path = path if path.lower().endswith(".xlsx") else path + ".xlsx"
    try:
        run_task(parent, title, translate("ImportEnterprisesDialog", "正在保存…"),
                 lambda progress: excel.write_template(path),
                 cancellable=False)
    except ServiceError as exc:
        alerts.error(parent, title, str(exc))
        return None
    return path


__all__ = ["BadRowsModel", "ImportEnterprisesDialog", "choose_export_path", "export_enterprises",
           "save_import_template"]
