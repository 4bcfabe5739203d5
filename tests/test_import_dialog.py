"""The import dialog, the export helper and the background-task helper, driven offscreen (SQLite only)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog, QPushButton
from sqlalchemy import func, select

from models.entities import Enterprise
from models.services import enterprises as svc
from models.services.regions import towns
from tests import factories as f
from ui import alerts
from ui import import_dialog as imp
from ui.context import AppContext
from ui.import_dialog import ImportEnterprisesDialog
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
