"""The import dialog, the export helper and the background-task helper, driven offscreen (SQLite only)."""

from __future__ import annotations

import ast
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog, QPushButton, QWidget
from sqlalchemy import func, select

from models.entities import Enterprise
from models.services import enterprise_excel as excel
from models.services import enterprises as svc
from models.services.enterprise_excel import ImportFileError, ImportPlan, PlannedRow, RowAction
from models.services.regions import towns, villages
from tests import factories as f
from ui import alerts
from ui import import_dialog as imp
from ui.context import AppContext
from ui.import_dialog import ImportEnterprisesDialog, PreviewModel
from ui.tasks import TaskCancelled, run_in_session, run_task

pytestmark = pytest.mark.gui

LEFT = Qt.MouseButton.LeftButton
HEADER = ["单位名称", "统一社会信用代码", "行业领域", "所属镇", "所属村（社区）", "法定代表人电话"]


@pytest.fixture
def ctx(sqlite_url):
    c = AppContext.open(sqlite_url, actor="测试员")
    with c.session() as s:
        t = f.town(s, "归义镇")
        f.village(s, t, "上马社区")
    yield c
    c.engine.dispose()


@pytest.fixture
def said(monkeypatch) -> list[tuple[str, str, str]]:
    """Every message box the code under test tried to show, instead of showing it."""
    calls: list[tuple[str, str, str]] = []
    for kind in ("error", "warning", "info"):
        monkeypatch.setattr(alerts, kind, lambda parent, title, text, *a, _k=kind, **kw: calls.append((_k, title, text)))
    monkeypatch.setattr(alerts, "confirm", lambda *a, **kw: pytest.fail("unexpected confirm()"))
    return calls


def write(path: Path, rows: list[list[Any]]) -> str:
    wb = openpyxl.Workbook()
    for r in [HEADER, *rows]:
        wb.active.append(r)
    wb.save(path)
    return str(path)


def good_rows() -> list[list[Any]]:
    return [[f"汨罗市测试{n}号化工有限公司", f.code(n), "危险化学品", "归义镇", "上马社区", "13812345678"]
            for n in (1, 2)]


def bad_rows() -> list[list[Any]]:
    return good_rows() + [
        ["错误代码厂", f.code(3)[:-1] + ("0" if f.code(3)[-1] != "0" else "1"), "机械", "归义镇", None, None],
        ["", f.code(4), "机械", "白水镇", None, "123"],
    ]


def count(ctx: AppContext) -> int:
    with ctx.session() as s:
        return s.scalar(select(func.count(Enterprise.id))) or 0


def test_good_file_imports_everything(qtbot, ctx, tmp_path, said):
    dlg = ImportEnterprisesDialog(ctx)
    qtbot.addWidget(dlg)
    assert dlg.load(write(tmp_path / "good.xlsx", good_rows()))
    dlg.show()
    assert "新增 2 / 更新 0 / 无变化 0 / 有问题 0 行" in dlg.summary_label.text()
    assert dlg.import_button.isEnabled() and not dlg.good_rows_button.isEnabled()
    assert not dlg.table.isVisible()
    qtbot.mouseClick(dlg.import_button, LEFT)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.import_result is not None and dlg.import_result.created == 2
    assert count(ctx) == 2 and said == []
    with ctx.session() as s:
        assert {r.village for r in svc.rows(s, svc.find_ids(s)).values()} == {"上马社区"}


def test_bad_file_lists_bad_rows_and_imports_only_the_good_ones(qtbot, qtmodeltester, ctx, tmp_path, said):
    dlg = ImportEnterprisesDialog(ctx)
    qtbot.addWidget(dlg)
    assert dlg.load(write(tmp_path / "bad.xlsx", bad_rows()))
    dlg.show()
    assert "新增 2 / 更新 0 / 无变化 0 / 有问题 2 行" in dlg.summary_label.text()
    model = dlg.model
    qtmodeltester.check(model)
    lines = [tuple(model.index(r, c).data() for c in range(3)) for r in range(model.rowCount())]
    assert [(n, col) for n, col, _ in lines] == [(4, "统一社会信用代码"), (5, "单位名称"), (5, "所属镇"),
                                                 (5, "法定代表人电话")]
    assert "白水镇" in lines[2][2]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == ["行号", "列", "原因"]
    assert dlg.table.isVisible()
    assert not dlg.import_button.isEnabled()
    assert dlg.good_rows_button.isEnabled()

    qtbot.mouseClick(dlg.good_rows_button, LEFT)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.import_result == (2, 0, 0, 2)
    assert count(ctx) == 2 and said == []


def test_reload_after_the_file_was_fixed(qtbot, ctx, tmp_path, said):
    path = tmp_path / "fix.xlsx"
    dlg = ImportEnterprisesDialog(ctx)
    qtbot.addWidget(dlg)
    assert dlg.load(write(path, bad_rows()))
    assert dlg.plan is not None and dlg.plan.bad_count == 2
    write(path, good_rows())
    qtbot.mouseClick(dlg.reload_button, LEFT)
    assert dlg.plan.bad_count == 0 and dlg.import_button.isEnabled()


def test_run_entry_point_with_a_patched_file_choice(qtbot, ctx, tmp_path, said, monkeypatch):
    path = write(tmp_path / "good.xlsx", good_rows())
    monkeypatch.setattr(imp.QFileDialog, "getOpenFileName", lambda *a, **kw: (path, ""))

    def fake_exec(self: ImportEnterprisesDialog) -> int:
        self.import_all()
        return self.result()

    monkeypatch.setattr(ImportEnterprisesDialog, "exec", fake_exec)
    result = ImportEnterprisesDialog.run(None, ctx)
    assert result is not None and result.created == 2
    assert said and said[-1][0] == "info" and "新增 2 家" in said[-1][2]

    # a second run: the file has not changed, nothing is written again
    result = ImportEnterprisesDialog.run(None, ctx)
    assert result == (0, 0, 2, 0)
    assert count(ctx) == 2

    monkeypatch.setattr(imp.QFileDialog, "getOpenFileName", lambda *a, **kw: ("", ""))
    assert ImportEnterprisesDialog.run(None, ctx) is None


def test_a_file_that_is_not_excel_is_explained(qtbot, ctx, tmp_path, said):
    p = tmp_path / "名录.xlsx"
    p.write_text("单位名称,统一社会信用代码\n", encoding="utf-8")
    dlg = ImportEnterprisesDialog(ctx)
    qtbot.addWidget(dlg)
    assert not dlg.load(p)
    assert len(said) == 1 and said[0][0] == "error" and "不是 Excel 工作簿" in said[0][2]
    assert dlg.plan is None and not dlg.import_button.isEnabled()


def test_apply_refused_when_registry_changed_meanwhile(qtbot, ctx, tmp_path, said):
    dlg = ImportEnterprisesDialog(ctx)
    qtbot.addWidget(dlg)
    assert dlg.load(write(tmp_path / "good.xlsx", good_rows()))
    with ctx.session() as s:  # somebody registers one of the firms in between
        svc.create(s, f.enterprise_input(towns(s)[0].id, 1))
    qtbot.mouseClick(dlg.import_button, LEFT)
    assert dlg.import_result is None and dlg.result() != QDialog.DialogCode.Accepted
    assert said and said[-1][0] == "warning" and "重新读取" in said[-1][2]
    assert count(ctx) == 1


def test_export_helper_asks_for_a_name_and_writes_the_file(qtbot, ctx, tmp_path, said, monkeypatch):
    with ctx.session() as s:
        for n in (1, 2, 3):
            svc.create(s, f.enterprise_input(towns(s)[0].id, n))
    asked: list[str] = []

    def fake_save(parent, caption, default, flt):
        asked.append(default)
        return str(tmp_path / "名录"), flt

    monkeypatch.setattr(imp.QFileDialog, "getSaveFileName", fake_save)
    n = imp.export_enterprises(None, ctx, svc.EnterpriseFilter(), "name", True)
    assert n == 3
    assert Path(asked[0]).name.startswith("企业名录-") and asked[0].endswith(".xlsx")
    out = tmp_path / "名录.xlsx"
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][0] == "单位名称" and len(rows) == 4
    assert said[-1][0] == "info" and str(out) in said[-1][2]

    monkeypatch.setattr(imp.QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    assert imp.export_enterprises(None, ctx, None) is None


def test_template_helper(qtbot, tmp_path, monkeypatch, said):
    monkeypatch.setattr(imp.QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "模板"), ""))
    assert imp.save_import_template(None) == str(tmp_path / "模板.xlsx")
    assert openpyxl.load_workbook(tmp_path / "模板.xlsx").sheetnames == ["企业名录", "填写说明"]


# ------------------------------------------------------------------------------------------------ review fixes


def write_docx(path: Path) -> str:
    """A .docx-like package (content types + word/document.xml): a zip openpyxl opens, then finds no workbook in."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?>'
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("word/document.xml",
                   '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                   '<w:body><w:p><w:r><w:t>企业名录</w:t></w:r></w:p></w:body></w:document>')
    return str(path)


def assert_no_plan_shown(dlg: ImportEnterprisesDialog) -> None:
    """The state after a file could not be read: nothing of an old plan left, nothing to import."""
    assert dlg.plan is None
    assert dlg.preview_model.rowCount() == 0 and dlg.model.rowCount() == 0
    assert not dlg.import_button.isEnabled() and not dlg.good_rows_button.isEnabled()
    assert dlg.reload_button.isEnabled() and dlg.template_button.isEnabled() and dlg.choose_button.isEnabled()
    assert dlg.problems_label.property("role") == "error"


def test_a_word_document_is_explained_in_chinese(qtbot, ctx, tmp_path, said):
    dlg = ImportEnterprisesDialog(ctx)
    qtbot.addWidget(dlg)
    assert not dlg.load(write_docx(tmp_path / "通知.docx"))
    assert len(said) == 1
    kind, title, text = said[0]
    assert (kind, title) == ("error", "无法导入")
    assert "Word 文档" in text and "不是 Excel 工作簿" in text and "workbook" not in text
    assert_no_plan_shown(dlg)
    assert "Word 文档" in dlg.problems_label.text()


def test_an_unexpected_error_while_reading_is_explained_and_clears_the_old_plan(qtbot, ctx, tmp_path, monkeypatch):
    errors: list[tuple[str, str, str]] = []
    monkeypatch.setattr(alerts, "error", lambda parent, title, text, details="": errors.append((title, text, details)))
    path = write(tmp_path / "good.xlsx", good_rows())
    dlg = ImportEnterprisesDialog(ctx)
    qtbot.addWidget(dlg)
    assert dlg.load(path)
    dlg.show()
    assert dlg.preview_model.rowCount() == 2

    def broken(session, path, *, progress=None):
        raise RuntimeError("internal failure")

    monkeypatch.setattr(excel, "read_workbook", broken)
    qtbot.mouseClick(dlg.reload_button, LEFT)  # the file changed meanwhile and now trips an unforeseen bug
    assert len(errors) == 1
    title, text, details = errors[0]
    assert title == "无法导入" and "意外错误" in text and "good.xlsx" in text
    assert "internal failure" in details  # for the administrator, under 详细信息
    assert_no_plan_shown(dlg)
    assert dlg.result() != QDialog.DialogCode.Accepted and count(ctx) == 0


def test_run_keeps_the_dialog_open_after_a_file_that_cannot_be_read(qtbot, ctx, tmp_path, said, monkeypatch):
    """The explanation may point to 保存导入模板…: the dialog then opens, so that button is there to press."""
    docx = write_docx(tmp_path / "通知.docx")
    good = write(tmp_path / "good.xlsx", good_rows())
    choices = iter([docx, good])
    monkeypatch.setattr(imp.QFileDialog, "getOpenFileName", lambda *a, **kw: (next(choices), ""))
    seen: list[tuple[Any, ...]] = []

    def fake_exec(self: ImportEnterprisesDialog) -> int:
        seen.append((self.plan, self.load_error, self.template_button.isEnabled()))
        self.choose_other_file()  # 选择文件… : the right file this time
        seen.append((self.plan is not None, self.load_error))
        self.import_all()
        return self.result()

    monkeypatch.setattr(ImportEnterprisesDialog, "exec", fake_exec)
    result = ImportEnterprisesDialog.run(None, ctx)
    assert seen[0][0] is None and "Word 文档" in seen[0][1] and seen[0][2]
    assert seen[1] == (True, "")
    assert result is not None and result.created == 2
    assert [k for k, _t, _x in said] == ["error", "info"]


def test_preview_lists_new_changed_and_unchanged_rows(qtbot, qtmodeltester, ctx, tmp_path, said):
    with ctx.session() as s:
        town = towns(s)[0].id
        shangma = villages(s, town)[0].id
        svc.create(s, f.enterprise_input(town, 1, village_id=shangma, legal_rep_phone="13812345678"))
        svc.create(s, f.enterprise_input(town, 2, village_id=shangma, legal_rep_phone="13900001111"))
    rows = good_rows() + [["汨罗市测试3号化工有限公司", f.code(3), "危险化学品", "归义镇", None, None]]
    dlg = ImportEnterprisesDialog(ctx)
    qtbot.addWidget(dlg)
    assert dlg.load(write(tmp_path / "mixed.xlsx", rows))
    dlg.show()
    model = dlg.preview_model
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "行号", "操作", "单位名称", "统一社会信用代码", "所属镇", "变更内容"]
    lines = [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]
    assert lines == [
        (2, "无变化", "汨罗市测试1号化工有限公司", f.code(1), "归义镇", ""),
        (3, "更新", "汨罗市测试2号化工有限公司", f.code(2), "归义镇", "法定代表人电话"),
        (4, "新增", "汨罗市测试3号化工有限公司", f.code(3), "归义镇", ""),
    ]
    assert "法定代表人电话" in model.index(1, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert dlg.tabs.currentIndex() == dlg.PREVIEW_TAB and dlg.preview_table.isVisible()
    assert not dlg.tabs.isTabEnabled(dlg.PROBLEMS_TAB) and not dlg.table.isVisible()
    assert dlg.preview_count_label.text() == "共 3 行"
    assert dlg.tabs.tabText(dlg.PREVIEW_TAB) == "预览（3 行）"

    dlg.filter_combo.setCurrentIndex(dlg.filter_combo.findData(RowAction.UPDATE))
    assert model.rowCount() == 1 and model.index(0, 1).data() == "更新"
    assert dlg.preview_count_label.text() == "共 1 行"
    qtmodeltester.check(model)

    qtbot.mouseClick(dlg.import_button, LEFT)
    assert dlg.import_result == (1, 1, 1, 0)


def test_preview_of_a_bad_file_marks_the_bad_rows(qtbot, qtmodeltester, ctx, tmp_path, said):
    dlg = ImportEnterprisesDialog(ctx)
    qtbot.addWidget(dlg)
    assert dlg.load(write(tmp_path / "bad.xlsx", bad_rows()))
    dlg.show()
    model = dlg.preview_model
    qtmodeltester.check(model)
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == ["新增", "新增", "有问题", "有问题"]
    assert model.index(3, 5).data() == "问题：单位名称、所属镇、法定代表人电话"
    assert "白水镇" in model.index(3, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert dlg.tabs.currentIndex() == dlg.PROBLEMS_TAB and dlg.table.isVisible()
    assert dlg.tabs.tabText(dlg.PROBLEMS_TAB) == "问题（4 处）"
    dlg.tabs.setCurrentIndex(dlg.PREVIEW_TAB)
    assert dlg.preview_table.isVisible()


def test_preview_model_pages_a_large_plan(qtmodeltester, qapp):
    actions = [RowAction.NEW, RowAction.UPDATE, RowAction.UNCHANGED]
    rows = [PlannedRow(row_number=n + 2, action=actions[n % 3], name=f"企业{n}", uscc=f.code(n), town="归义镇",
                       changes=("address",) if n % 3 == 1 else ()) for n in range(450)]
    model = PreviewModel()
    model.set_plan(ImportPlan(path="/x/a.xlsx", sheet="Sheet1", header_row=1, columns={}, rows=rows))
    assert (model.total, model.rowCount()) == (450, PreviewModel.PAGE)
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 450 and model.index(449, 2).data() == "企业449"
    model.set_action(RowAction.UPDATE)
    assert (model.total, model.rowCount()) == (150, 150) and not model.canFetchMore(QModelIndex())
    assert model.index(0, 5).data() == "地址"
    qtmodeltester.check(model)


def test_template_button_saves_a_template_the_import_accepts(qtbot, ctx, tmp_path, said, monkeypatch):
    dlg = ImportEnterprisesDialog(ctx)
    qtbot.addWidget(dlg)
    assert dlg.load(write(tmp_path / "bad.xlsx", bad_rows()))
    dlg.show()
    assert dlg.template_button.text() == "保存导入模板…" and dlg.template_button.isEnabled()
    monkeypatch.setattr(imp.QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "我的模板"), ""))
    qtbot.mouseClick(dlg.template_button, LEFT)
    template = tmp_path / "我的模板.xlsx"
    assert template.exists()
    assert said[-1][0] == "info" and str(template) in said[-1][2]
    with ctx.session() as s, pytest.raises(ImportFileError) as exc:
        excel.read_workbook(s, template)
    assert "没有企业数据行" in str(exc.value) and "缺少" not in str(exc.value)  # the headers were all recognised
    assert dlg.plan is not None and dlg.plan.bad_count == 2  # the dialog still shows the file being imported


def test_error_text_is_styled_by_a_property_not_a_style_sheet(qtbot, ctx, tmp_path, said):
    dlg = ImportEnterprisesDialog(ctx)
    qtbot.addWidget(dlg)
    assert dlg.load(write(tmp_path / "bad.xlsx", bad_rows()))
    assert dlg.problems_label.property("role") == "error"  # QLabel[role="error"] in resources/styles/tijian.qss
    assert dlg.load(write(tmp_path / "good.xlsx", good_rows()))
    assert dlg.problems_label.property("role") == ""
    assert all(w.styleSheet() == "" for w in [dlg, *dlg.findChildren(QWidget)])


def _translate_calls(tree: ast.AST) -> list[ast.Call]:
    def name(node: ast.expr) -> str:
        if isinstance(node, ast.Attribute):
            return node.attr
        return node.id if isinstance(node, ast.Name) else ""

    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and name(n.func) in ("tr", "translate")]


def test_every_visible_string_reaches_lupdate(tmp_path):
    """self.tr("中文") or QCoreApplication.translate("Context", "中文"), literally: no alias, no variable."""
    source = Path(imp.__file__)
    tree = ast.parse(source.read_text(encoding="utf-8"))
    aliases = [n for n in ast.walk(tree) if isinstance(n, ast.Assign) and isinstance(n.value, ast.Attribute)
               and n.value.attr in ("translate", "tr")]
    assert aliases == [], "translate() assigned to another name"
    expected: set[tuple[str, str]] = set()
    for call in _translate_calls(tree):
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr == "tr":
            assert isinstance(func.value, ast.Name) and func.value.id == "self", ast.unparse(call)
            assert isinstance(call.args[0], ast.Constant), ast.unparse(call)
            expected.add(("ImportEnterprisesDialog", call.args[0].value))
        else:
            assert ast.unparse(func) == "QCoreApplication.translate", ast.unparse(call)
            assert all(isinstance(a, ast.Constant) for a in call.args[:2]), ast.unparse(call)
            expected.add((call.args[0].value, call.args[1].value))
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in text) for _c, text in expected)  # Chinese sources
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    ts = tmp_path / "out.ts"
    subprocess.run([str(lupdate), str(source), "-ts", str(ts)], capture_output=True, check=True)
    found = {(c.findtext("name"), m.findtext("source")) for c in ET.parse(ts).getroot().iter("context")
             for m in c.iter("message")}
    assert expected <= found, sorted(expected - found)
    assert ("ImportEnterprisesDialog", "保存导入模板…") in found and ("PreviewModel", "更新") in found


# ------------------------------------------------------------------------------------------------ ui.tasks


def test_run_task_runs_off_the_ui_thread_and_reports_progress(qtbot):
    seen: dict[str, Any] = {}

    def work(progress):
        seen["thread"] = threading.current_thread()
        for i in range(5):
            progress(i, 5, f"第{i}步")
        return 42

    assert run_task(None, "测试", "请稍候", work) == 42
    assert seen["thread"] is not threading.main_thread()


def test_run_task_reraises_the_workers_error(qtbot):
    def work(progress):
        raise ValueError("坏了")

    with pytest.raises(ValueError, match="坏了"):
        run_task(None, "测试", "请稍候", work)


def test_run_task_cancel_stops_the_worker_and_rolls_back(qtbot, ctx):
    started = threading.Event()

    def work(session, progress):
        svc.create(session, f.enterprise_input(f.town(session, "新市镇"), 9))
        started.set()
        while True:  # until the user cancels: progress() then raises TaskCancelled
            progress(0, 0, "工作中")
            threading.Event().wait(0.01)

    def press_cancel() -> None:
        if not started.is_set():
            QTimer.singleShot(20, press_cancel)
            return
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
        assert len(dialogs) == 1
        dialogs[0].findChild(QPushButton).click()

    QTimer.singleShot(20, press_cancel)
    with pytest.raises(TaskCancelled):
        run_in_session(None, ctx, "测试", "请稍候", work)
    assert count(ctx) == 0  # the worker's session rolled back
