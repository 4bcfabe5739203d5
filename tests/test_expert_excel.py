"""Excel import and export of the expert pool on both databases, and the 专家库 page's import/export buttons."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from models.db import session_scope
from models.entities import Expert
from models.enums import PersonStatus
from models.services import expert_excel as xl
from models.services import experts as svc
from models.services.errors import ServiceError

HEADER = ["姓名", "性别", "联系电话", "单位", "职称", "注册资格", "专业领域", "专家组", "聘期起", "聘期止", "状态", "备注"]


def _write(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "专家"
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


GOOD = [
    ["李建国", "男", "13800138000", "湖南岳安安全科技有限公司", "高级工程师", "注册安全工程师", "危险化学品、消防", "化工组",
     date(2024, 1, 1), date(2026, 12, 31), "在库", ""],
    ["王芳", "女", "139-0013-9000", "岳阳市应急管理学会", "工程师", "", "樟脑油/林产化工 消防", "", None, None, "", "兼职"],
    ["赵强", "", "", "", "", "", "消防", "", "", "", "暂停", ""],
]


@pytest.fixture
def pool(factory):
    with session_scope(factory) as s:
        ids = {name: svc.add_specialty(s, name, [], "测试员") for name in ("危险化学品", "消防", "樟脑油/林产化工")}
    return {"factory": factory, **ids}


def _import(factory, path: Path, only_good_rows: bool = False) -> tuple[xl.ExpertImportPlan, xl.ImportResult]:
    with session_scope(factory) as s:
        plan = xl.read_workbook(s, path)
        result = xl.apply(s, plan, "测试员", only_good_rows=only_good_rows)
    return plan, result


def test_good_file_imports_every_row(pool, tmp_path):
    factory = pool["factory"]
    plan, result = _import(factory, _write(tmp_path / "good.xlsx", GOOD))
    assert not plan.problems
    assert (result.created, result.updated, result.unchanged, result.skipped) == (3, 0, 0, 0)
    with session_scope(factory) as s:
        rows = {r.name: r for r in svc.search(s)}
    assert set(rows) == {"李建国", "王芳", "赵强"}
    assert rows["李建国"].specialties == ("危险化学品", "消防")
    assert rows["李建国"].term_end == date(2026, 12, 31)
    assert rows["王芳"].phone == "13900139000"
    assert set(rows["王芳"].specialties) == {"樟脑油/林产化工", "消防"}
    assert rows["赵强"].status == PersonStatus.SUSPENDED


def test_bad_rows_reported_with_row_column_reason_and_nothing_imported(pool, tmp_path):
    factory = pool["factory"]
    rows = [
        GOOD[0],
        ["钱伟", "", "13700137000", "", "", "", "消防、核安全", "", None, None, "", ""],  # row 3: unknown field
        ["", "", "13600136000", "", "", "", "消防", "", None, None, "", ""],  # row 4: no name
        ["孙丽", "", "12345", "", "", "", "消防", "", None, None, "", ""],  # row 5: bad phone
        ["周杰", "", "", "", "", "", "消防", "", date(2025, 6, 1), date(2025, 1, 1), "", ""],  # row 6: end < start
    ]
    path = _write(tmp_path / "bad.xlsx", rows)
    with session_scope(factory) as s:
        plan = xl.read_workbook(s, path)
    got = {(p.row_number, p.column): p.reason for p in plan.problems}
    assert set(got) == {(3, "专业领域"), (4, "姓名"), (5, "联系电话"), (6, "聘期止")}
    assert "核安全" in got[(3, "专业领域")] and "危险化学品、消防、樟脑油/林产化工" in got[(3, "专业领域")]
    assert got[(4, "姓名")] == "姓名不能为空。"
    assert "格式不正确" in got[(5, "联系电话")]
    assert got[(6, "聘期止")] == "聘期止不能早于聘期起。"
    assert (plan.bad_count, plan.good_count) == (4, 1)
    with pytest.raises(ServiceError, match="4 行存在问题"), session_scope(factory) as s:
        xl.apply(s, xl.read_workbook(s, path), "测试员")
    with session_scope(factory) as s:
        assert s.query(Expert).count() == 0
    _plan, result = _import(factory, path, only_good_rows=True)
    assert (result.created, result.skipped) == (1, 4)
    with session_scope(factory) as s:
        assert [r.name for r in svc.search(s)] == ["李建国"]


def test_same_file_twice_creates_no_duplicates(pool, tmp_path):
    factory = pool["factory"]
    path = _write(tmp_path / "good.xlsx", GOOD)
    _import(factory, path)
    plan, result = _import(factory, path)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    assert plan.unchanged_count == 3
    with session_scope(factory) as s:
        assert s.query(Expert).count() == 3


def test_update_of_an_existing_expert(pool, tmp_path):
    factory = pool["factory"]
    with session_scope(factory) as s:
        eid = svc.create(s, svc.ExpertInput(name="李建国", phone="13800138000", title="工程师",
                                            specialty_ids=[pool["消防"]], notes="原备注"))
    # matched by name + phone; a file without a phone column matches the unique name
    path = _write(tmp_path / "upd.xlsx", [["李建国", "高级工程师", "危险化学品"]], ["姓名", "职称", "专业领域"])
    plan, result = _import(factory, path)
    assert (result.created, result.updated) == (0, 1)
    assert set(plan.rows[0].changes) == {"title", "specialty_ids"}
    with session_scope(factory) as s:
        rec = svc.get(s, eid)
        assert s.query(Expert).count() == 1
    assert rec.data.title == "高级工程师" and rec.specialties == ["危险化学品"]
    assert rec.data.phone == "13800138000" and rec.data.notes == "原备注"  # columns not in the file are kept
    # another phone under the same name is another expert
    _import(factory, _write(tmp_path / "other.xlsx", [["李建国", "13900000000", "消防"]], ["姓名", "电话", "专业领域"]))
    with session_scope(factory) as s:
        assert s.query(Expert).count() == 2


def test_file_level_errors(pool, tmp_path):
    factory = pool["factory"]
    text = tmp_path / "experts.xlsx"
    text.write_text("姓名,专业领域\n李建国,消防\n", encoding="utf-8")
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    missing = _write(tmp_path / "missing.xlsx", [["李建国", "13800138000"]], ["姓名", "电话"])
    blank = tmp_path / "blank.xlsx"
    openpyxl.Workbook().save(blank)
    with session_scope(factory) as s:
        with pytest.raises(xl.ImportFileError, match="不是 Excel 工作簿"):
            xl.read_workbook(s, text)
        with pytest.raises(xl.ImportFileError, match="是空的"):
            xl.read_workbook(s, empty)
        with pytest.raises(xl.ImportFileError, match="缺少必需的列：“专业领域”"):
            xl.read_workbook(s, missing)
        with pytest.raises(xl.ImportFileError, match="没有任何内容"):
            xl.read_workbook(s, blank)
        with pytest.raises(xl.ImportFileError, match="没有专家数据行"):
            xl.read_workbook(s, _write(tmp_path / "header.xlsx", []))


def test_export_then_reimport_is_unchanged(pool, tmp_path):
    factory = pool["factory"]
    _import(factory, _write(tmp_path / "good.xlsx", GOOD))
    with session_scope(factory) as s:
        before = [(r.name, r.phone, r.specialties, r.term_start, r.term_end, r.status) for r in svc.search(s)]
        n = xl.export(s, svc.ExpertFilter(status=PersonStatus.ACTIVE), tmp_path / "active.xlsx")
        assert n == 2
        assert xl.export(s, None, tmp_path / "all.xlsx") == 3
    ws = openpyxl.load_workbook(tmp_path / "all.xlsx").active
    assert [c.value for c in ws[1]] == list(svc.FIELD_LABELS.values())
    assert [ws.cell(row=i, column=1).value for i in range(2, 5)] == [b[0] for b in before]  # search order
    plan, result = _import(factory, tmp_path / "all.xlsx")
    assert not plan.problems
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    with session_scope(factory) as s:
        after = [(r.name, r.phone, r.specialties, r.term_start, r.term_end, r.status) for r in svc.search(s)]
        assert {r.name: svc.get(s, r.id).data.notes for r in svc.search(s)}["王芳"] == "兼职"
    assert after == before


@pytest.mark.gui
def test_page_import_and_export_buttons(sqlite_url, qtbot, tmp_path, monkeypatch):
    from ui import alerts
    from ui.context import AppContext
    from ui.experts_page import ExpertsPage

    ctx = AppContext.open(sqlite_url, actor="测试员")
    try:
        with ctx.session() as s:
            for name in ("危险化学品", "消防", "樟脑油/林产化工"):
                svc.add_specialty(s, name, [], "测试员")
        messages: list[str] = []
        monkeypatch.setattr(alerts, "info", lambda _p, _t, text: messages.append(text))
        monkeypatch.setattr(alerts, "error", lambda _p, _t, text, details="": messages.append(text))
        page = ExpertsPage(ctx)
        qtbot.addWidget(page)
        assert page.model.rowCount() == 0
        assert page.import_file(str(_write(tmp_path / "good.xlsx", GOOD))) is not None
        assert page.model.rowCount() == 3
        # a file with bad rows: declining imports nothing, accepting imports the good rows
        bad = _write(tmp_path / "bad.xlsx", [["钱伟", "", "", "", "", "", "消防", "", None, None, "", ""],
                                             ["孙丽", "", "", "", "", "", "核安全", "", None, None, "", ""]])
        monkeypatch.setattr(alerts, "confirm", lambda _p, _t, text: messages.append(text) or False)
        assert page.import_file(str(bad)) is None
        assert "第3行 专业领域：" in messages[-1] and "仅导入正确的行？" in messages[-1]
        assert page.model.rowCount() == 3
        monkeypatch.setattr(alerts, "confirm", lambda _p, _t, text: True)
        assert page.import_file(str(bad)) is not None
        assert page.model.rowCount() == 4
        assert page.export_file(str(tmp_path / "out.xlsx")) == 4
        assert openpyxl.load_workbook(tmp_path / "out.xlsx").active.max_row == 5
    finally:
        ctx.engine.dispose()
