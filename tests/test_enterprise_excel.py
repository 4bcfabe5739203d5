"""Excel import/export of the registry (models/services/enterprise_excel.py), on SQLite and PostgreSQL."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from models.db import make_engine, make_session_factory, session_scope
from models.entities import AuditEntry, Enterprise
from models.enums import EnterpriseStatus, RiskLevel
from models.services import enterprise_excel as xl
from models.services import enterprises as svc
from models.services.enterprise_excel import ImportFileError, RowAction
from models.services.errors import ConcurrentEdit, ServiceError
from tests import factories as f

HEADER = ["单位名称", "统一社会信用代码", "行业领域", "所属镇", "所属村（社区）", "地址", "法定代表人电话"]


def write_xlsx(path: Path, rows: list[list[Any]], *, title: str = "Sheet1", before: list[list[Any]] | None = None,
               extra_sheets: dict[str, list[list[Any]]] | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r in (before or []) + rows:
        ws.append(r)
    for name, sheet_rows in (extra_sheets or {}).items():
        extra = wb.create_sheet(name)
        for r in sheet_rows:
            extra.append(r)
    wb.save(path)
    return path


def regions(session) -> dict[str, Any]:
    t1 = f.town(session, "归义镇", 0)
    t2 = f.town(session, "新市镇", 1)
    return {"归义镇": t1, "新市镇": t2, "上马社区": f.village(session, t1, "上马社区"),
            "花桥村": f.village(session, t1, "花桥村"), "新市村": f.village(session, t2, "新市村")}


def row(n: int, **kw: Any) -> list[Any]:
    values = {"name": f"汨罗市测试{n}号化工有限公司", "uscc": f.code(n), "sector": "危险化学品", "town": "归义镇",
              "village": "上马社区", "address": f"工业园{n}号", "phone": "13812345678"}
    values.update(kw)
    return [values["name"], values["uscc"], values["sector"], values["town"], values["village"], values["address"],
            values["phone"]]


def count(factory) -> int:
    with session_scope(factory) as s:
        return s.scalar(select(func.count(Enterprise.id))) or 0


def read(factory, path: Path) -> xl.ImportPlan:
    with session_scope(factory) as s:
        return xl.read_workbook(s, path)


def apply(factory, plan: xl.ImportPlan, **kw: Any) -> xl.ImportResult:
    with session_scope(factory) as s:
        return xl.apply(s, plan, "导入员", **kw)


@pytest.fixture
def sqlite_factory(sqlite_url):
    """For checks where the database plays no part (file-level errors, cell parsing)."""
    engine = make_engine(sqlite_url)
    yield make_session_factory(engine)
    engine.dispose()


# ------------------------------------------------------------------------------------------------ good files


def test_good_file_with_aliases_title_row_and_every_kind_of_cell(factory, tmp_path):
    with session_scope(factory) as s:
        reg = regions(s)
    header = ["序号", "企业名称", "信用代码", "行业", "镇", "村", "详细地址", "风险等级", "是否高危", "是否园区", "状态",
              "负责人", "联系电话", "安全负责人", "安全负责人电话", "从业人数", "主要产品", "成立日期", "备注"]
    rows = [
        header,
        [1, " 汨罗市恒达化工有限公司 ", f.code(1).lower(), "危险化学品", "归义镇", "上马社区", "归义镇工业园1号", "较大风险",
         "√", "否", "停产整顿", "张三", 13812345678, "李四", "0730-5212345", "35人", "甲醇", datetime(2019, 3, 8), "备注一"],
        [2, "新市镇顺发五金厂", f.code(2), "机械", "新市", None, "新市镇", "蓝", "否", "是", None, "王五", None, None, None,
         12, None, "2020年1月5日", None],
        [None, None, None, None, None, None, None, None, None, None, None, None, None, None, None, None, None, None,
         None],  # a blank line in the middle is skipped
        [3, "汨罗樟香林产化工厂", f.code(3), "樟脑油", "新市镇", "新市村", "", "红（重大风险）", 1, 0, "正常", "", "", "",
         "", None, "", "2021-06-30", "第一行\n第二行"],
        [None, "   ", None],  # only spaces: skipped too
    ]
    path = write_xlsx(tmp_path / "名录.xlsx", rows, before=[["汨罗市安全生产监管企业名录（2024年）"], []])
    plan = read(factory, path)
    assert plan.problems == []
    assert (plan.header_row, plan.sheet, plan.ignored_columns) == (3, "Sheet1", ["序号"])
    assert [r.row_number for r in plan.rows] == [4, 5, 7]
    assert (plan.new_count, plan.update_count, plan.unchanged_count, plan.bad_count) == (3, 0, 0, 0)
    assert plan.columns["name"] == "企业名称" and plan.columns["town_id"] == "镇"

    result = apply(factory, plan)
    assert result == xl.ImportResult(created=3, updated=0, unchanged=0, skipped=0)
    with session_scope(factory) as s:
        by_name = {r.name: r.id for r in svc.rows(s, svc.find_ids(s)).values()}
        a = svc.archive(s, by_name["汨罗市恒达化工有限公司"]).data
        assert a.uscc == f.code(1)
        assert (a.town_id, a.village_id) == (reg["归义镇"], reg["上马社区"])
        assert (a.risk_level, a.is_high_risk, a.in_park, a.status) == (RiskLevel.ORANGE, True, False,
                                                                      EnterpriseStatus.RECTIFYING)
        assert (a.legal_rep, a.legal_rep_phone, a.safety_manager, a.safety_manager_phone) == (
            "张三", "13812345678", "李四", "0730-5212345")
        assert (a.employees, a.main_products, a.established_on, a.notes) == (35, "甲醇", date(2019, 3, 8), "备注一")
        b = svc.archive(s, by_name["新市镇顺发五金厂"]).data
        assert (b.town_id, b.village_id, b.risk_level, b.in_park, b.status) == (
            reg["新市镇"], None, RiskLevel.BLUE, True, EnterpriseStatus.NORMAL)
        assert (b.employees, b.established_on) == (12, date(2020, 1, 5))
        c = svc.archive(s, by_name["汨罗樟香林产化工厂"])
        assert (c.data.risk_level, c.data.is_high_risk, c.data.established_on) == (RiskLevel.RED, True,
                                                                                 date(2021, 6, 30))
        assert c.data.notes == "第一行\n第二行"
        assert c.status_history[0].reason == "建档（Excel导入：名录.xlsx）"
        assert c.status_history[0].changed_by == "导入员"
        audit = s.scalars(select(AuditEntry).where(AuditEntry.entity == "enterprise_import")).one()
        assert audit.detail["created"] == 3 and audit.actor == "导入员"


def test_header_on_a_later_sheet_is_found(factory, tmp_path):
    with session_scope(factory) as s:
        regions(s)
    path = write_xlsx(tmp_path / "a.xlsx", [["填写说明：请在第二个工作表填写"], ["单位名称 必填"]],
                      extra_sheets={"企业": [HEADER, row(1)]})
    plan = read(factory, path)
    assert plan.sheet == "企业" and plan.new_count == 1


# ------------------------------------------------------------------------------------------------ bad rows


def test_bad_rows_are_reported_with_row_column_reason_and_block_the_import(factory, tmp_path):
    with session_scope(factory) as s:
        regions(s)
    wrong_check = f.code(2)[:-1] + ("0" if f.code(2)[-1] != "0" else "1")
    rows = [
        HEADER,
        row(1),                                   # 2: good
        row(2, uscc=wrong_check),                 # 3: wrong check character
        row(3, name=""),                          # 4: missing name
        row(4, town="白水镇"),                     # 5: unknown town
        row(5),                                   # 6: duplicate USCC …
        row(6),                                   # 7: good
        row(5, name="重复的另一家"),               # 8: … of row 6
        row(8, phone="12345"),                    # 9: bad phone
        row(9, village="新市村"),                  # 10: village of another town
        row(10, village="不存在村"),               # 11: unknown village
        row(7, village=None),                     # 12: good (no village)
    ]
    path = write_xlsx(tmp_path / "bad.xlsx", rows)
    plan = read(factory, path)
    got = {(p.row_number, p.column): p.reason for p in plan.problems}
    assert set(got) == {(3, "统一社会信用代码"), (4, "单位名称"), (5, "所属镇"), (6, "统一社会信用代码"),
                        (8, "统一社会信用代码"), (9, "法定代表人电话"), (10, "所属村（社区）"), (11, "所属村（社区）")}
    assert "第18位应为" in got[(3, "统一社会信用代码")]
    assert got[(4, "单位名称")] == "单位名称不能为空。"
    assert "白水镇" in got[(5, "所属镇")] and "归义镇" in got[(5, "所属镇")]
    assert "第8行" in got[(6, "统一社会信用代码")] and "第6行" in got[(8, "统一社会信用代码")]
    assert "12345" in got[(9, "法定代表人电话")]
    assert "属于新市镇" in got[(10, "所属村（社区）")]
    assert "不存在村" in got[(11, "所属村（社区）")]
    assert [p.row_number for p in plan.problems] == sorted(p.row_number for p in plan.problems)
    assert (plan.new_count, plan.bad_count, plan.good_count) == (3, 8, 3)

    with pytest.raises(ServiceError, match="8 行存在问题"):
        apply(factory, plan)
    assert count(factory) == 0

    result = apply(factory, plan, only_good_rows=True)
    assert result == xl.ImportResult(created=3, updated=0, unchanged=0, skipped=8)
    with session_scope(factory) as s:
        usccs = sorted(r.uscc for r in svc.rows(s, svc.find_ids(s)).values())
    assert usccs == sorted([f.code(1), f.code(6), f.code(7)])


def test_cell_values_that_cannot_be_understood(factory, tmp_path):
    with session_scope(factory) as s:
        regions(s)
    header = HEADER + ["风险等级", "高危企业", "状态", "从业人数", "成立日期"]
    rows = [header,
            row(1) + ["紫", "也许", "倒闭", "很多", "去年"],
            row(2) + [None, None, None, 3.5, 20200230],
            row(3, uscc=914306810000000) + [None, None, None, None, date(2999, 1, 1)],
            row(4, name="厂" * 101) + [None, None, None, None, None]]
    plan = read(factory, write_xlsx(tmp_path / "cells.xlsx", rows))
    got = {(p.row_number, p.column): p.reason for p in plan.problems}
    assert "红、橙、黄、蓝" in got[(2, "风险等级")]
    assert "“是”或“否”" in got[(2, "高危企业")]
    assert "停产整顿" in got[(2, "状态")]
    assert "不是整数" in got[(2, "从业人数")] and "不是整数" in got[(3, "从业人数")]
    assert "无法识别" in got[(2, "成立日期")] and "无法识别" in got[(3, "成立日期")]
    assert "数字格式" in got[(4, "统一社会信用代码")]
    assert "不能晚于今天" in got[(4, "成立日期")]
    assert "过长" in got[(5, "单位名称")]
    assert plan.good_count == 0


@pytest.mark.parametrize(("value", "expected"), [
    ("红", "red"), ("橙色", "orange"), ("一般风险", "yellow"), ("蓝（低风险）", "blue"), ("红(重大风险)", "red"),
    ("YELLOW", "yellow"), (" 较大风险 ", "orange"), (None, None), ("", None), ("未定级", None)])
def test_risk_words(value, expected):
    assert xl._risk(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("是", True), ("√", True), (1, True), (True, True), ("Y", True), ("否", False), ("", False), (None, False),
    (0, False), ("×", False)])
def test_yes_no_words(value, expected):
    assert xl._bool(value) is expected


@pytest.mark.parametrize(("value", "expected"), [
    (datetime(2020, 1, 5, 0, 0), date(2020, 1, 5)), ("2020-01-05", date(2020, 1, 5)), ("2020/1/5", date(2020, 1, 5)),
    ("2020.01.05", date(2020, 1, 5)), ("2020年1月5日", date(2020, 1, 5)), (" 2020 年 1 月 5 日 ", date(2020, 1, 5)),
    ("20200105", date(2020, 1, 5)), (20200105, date(2020, 1, 5)), (43835, date(2020, 1, 5)),
    ("2020-01-05 00:00:00", date(2020, 1, 5)), (None, None), ("", None)])
def test_date_forms(value, expected):
    assert xl._date(value) == expected


# ------------------------------------------------------------------------------------------------ repeat, update


def test_importing_the_same_file_again_creates_no_duplicates(factory, tmp_path):
    with session_scope(factory) as s:
        regions(s)
    path = write_xlsx(tmp_path / "a.xlsx", [HEADER] + [row(n) for n in range(1, 6)])
    assert apply(factory, read(factory, path)).created == 5
    plan = read(factory, path)
    assert (plan.new_count, plan.update_count, plan.unchanged_count) == (0, 0, 5)
    assert apply(factory, plan) == xl.ImportResult(created=0, updated=0, unchanged=5, skipped=0)
    assert count(factory) == 5
    with session_scope(factory) as s:
        assert set(s.scalars(select(Enterprise.version))) == {1}  # unchanged rows are not rewritten


def test_update_changes_the_existing_record_and_keeps_columns_the_file_lacks(factory, tmp_path):
    with session_scope(factory) as s:
        reg = regions(s)
        eid = svc.create(s, f.enterprise_input(reg["归义镇"], 1, village_id=reg["花桥村"], legal_rep="旧法人",
                                               risk_level=RiskLevel.YELLOW, employees=50, notes="原备注"))
    fullwidth_lower = "".join(chr(ord(c) + 0xFEE0) for c in f.code(1)).lower()
    rows = [["单位名称", "统一社会信用代码", "行业领域", "所属镇", "法定代表人", "状态", "风险等级"],
            ["汨罗市测试1号化工有限公司（更名）", fullwidth_lower, "危险化学品", "归义镇", "新法人", "停产整顿", None]]
    plan = read(factory, write_xlsx(tmp_path / "u.xlsx", rows))
    assert plan.problems == []
    assert (plan.new_count, plan.update_count) == (0, 1)
    assert plan.rows[0].enterprise_id == eid and plan.rows[0].version == 1
    assert apply(factory, plan) == xl.ImportResult(created=0, updated=1, unchanged=0, skipped=0)
    with session_scope(factory) as s:
        a = svc.archive(s, eid)
    assert a.version == 2
    assert (a.data.name, a.data.legal_rep, a.data.status) == ("汨罗市测试1号化工有限公司（更名）", "新法人",
                                                              EnterpriseStatus.RECTIFYING)
    assert a.data.risk_level is None  # the column is there and the cell is empty: cleared
    # columns the file does not have keep their values (the village belongs to the same town)
    assert (a.data.village_id, a.data.employees, a.data.notes, a.data.address) == (
        reg["花桥村"], 50, "原备注", "归义镇工业园1号")
    assert a.status_history[-1].reason == "Excel导入：u.xlsx"
    assert count(factory) == 1

    # An empty 状态 cell keeps the current status; moving to another town drops the old village.
    rows = [["单位名称", "统一社会信用代码", "行业领域", "所属镇", "状态"],
            ["汨罗市测试1号化工有限公司（更名）", f.code(1), "危险化学品", "新市镇", None]]
    plan = read(factory, write_xlsx(tmp_path / "u2.xlsx", rows))
    assert plan.update_count == 1
    apply(factory, plan)
    with session_scope(factory) as s:
        a = svc.archive(s, eid)
    assert (a.version, a.data.status, a.data.town_id, a.data.village_id) == (
        3, EnterpriseStatus.RECTIFYING, reg["新市镇"], None)


def test_registry_changed_between_reading_and_importing_writes_nothing(factory, tmp_path):
    with session_scope(factory) as s:
        reg = regions(s)
        eid = svc.create(s, f.enterprise_input(reg["归义镇"], 1))
    path = write_xlsx(tmp_path / "a.xlsx", [HEADER, row(1, address="新地址"), row(2)])
    plan = read(factory, path)
    assert (plan.update_count, plan.new_count) == (1, 1)
    with session_scope(factory) as s:  # someone saves the archive meanwhile
        a = svc.archive(s, eid)
        svc.update(s, eid, replace(a.data, notes="别人改的"), a.version)
    with pytest.raises(ConcurrentEdit, match="重新读取"):
        apply(factory, plan)
    assert count(factory) == 1

    plan = read(factory, path)  # read again: now it goes through
    with session_scope(factory) as s:  # … but someone registers the new firm meanwhile
        svc.create(s, f.enterprise_input(reg["归义镇"], 2))
    with pytest.raises(ConcurrentEdit):
        apply(factory, plan)
    with session_scope(factory) as s:
        assert svc.archive(s, eid).data.address == "归义镇工业园1号"


# ------------------------------------------------------------------------------------------------ file-level errors


def test_files_that_are_not_excel(sqlite_factory, tmp_path):
    cases = {
        "text.xlsx": ("单位名称,统一社会信用代码\n".encode(), "不是 Excel 工作簿"),
        "empty.xlsx": (b"", "0 字节"),
        "old.xlsx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".xls"),
        "broken.xlsx": (b"PK\x03\x04" + b"\x00" * 100, "已损坏"),
    }
    good = write_xlsx(tmp_path / "good.xlsx", [HEADER, row(1)])
    cases["truncated.xlsx"] = (good.read_bytes()[:400], "已损坏")
    zip_path = tmp_path / "not-a-workbook.zip"
    with zipfile.ZipFile(zip_path, "w") as z:
        z.writestr("hello.txt", "你好")
    cases["zip.xlsx"] = (zip_path.read_bytes(), "已损坏")
    for name, (content, message) in cases.items():
        p = tmp_path / name
        p.write_bytes(content)
        with pytest.raises(ImportFileError, match=message.replace(".", r"\.")):
            read(sqlite_factory, p)
    with pytest.raises(ImportFileError, match="找不到文件"):
        read(sqlite_factory, tmp_path / "missing.xlsx")


def test_a_real_workbook_is_read_whatever_its_name_ends_with(sqlite_factory, tmp_path):
    with session_scope(sqlite_factory) as s:
        regions(s)
    path = write_xlsx(tmp_path / "a.xlsx", [HEADER, row(1)])
    renamed = path.rename(tmp_path / "下载的文件.tmp")
    assert read(sqlite_factory, renamed).new_count == 1


def test_empty_workbook_and_header_without_data(sqlite_factory, tmp_path):
    wb = openpyxl.Workbook()
    wb.save(tmp_path / "empty.xlsx")
    with pytest.raises(ImportFileError, match="没有任何内容"):
        read(sqlite_factory, tmp_path / "empty.xlsx")
    write_xlsx(tmp_path / "header.xlsx", [HEADER, [None] * 7, ["", " "]])
    with pytest.raises(ImportFileError, match="没有企业数据行"):
        read(sqlite_factory, tmp_path / "header.xlsx")


def test_missing_required_columns_are_named(sqlite_factory, tmp_path):
    write_xlsx(tmp_path / "a.xlsx", [["序号", "单位名称", "地址", "电话"], [1, "某公司", "某地", "13812345678"]])
    with pytest.raises(ImportFileError) as exc:
        read(sqlite_factory, tmp_path / "a.xlsx")
    message = str(exc.value)
    assert "“统一社会信用代码”、“行业领域”、“所属镇”" in message
    assert "单位名称”" not in message.split("缺少")[1]


def test_no_header_row(sqlite_factory, tmp_path):
    write_xlsx(tmp_path / "a.xlsx", [["甲", "乙", "丙"], [1, 2, 3]])
    with pytest.raises(ImportFileError, match="没有找到表头"):
        read(sqlite_factory, tmp_path / "a.xlsx")
    # a header below row 10 is not looked for
    write_xlsx(tmp_path / "b.xlsx", [[f"说明{i}"] for i in range(10)] + [HEADER, row(1)])
    with pytest.raises(ImportFileError, match="前10行"):
        read(sqlite_factory, tmp_path / "b.xlsx")


def test_template_has_the_import_headers(sqlite_factory, tmp_path):
    xl.write_template(tmp_path / "模板.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "模板.xlsx")
    assert wb.sheetnames == ["企业名录", "填写说明"]
    assert [c.value for c in wb["企业名录"][1]] == list(svc.FIELD_LABELS.values())
    with pytest.raises(ImportFileError, match="没有企业数据行"):  # headers recognised, no rows yet
        read(sqlite_factory, tmp_path / "模板.xlsx")


# ------------------------------------------------------------------------------------------------ size


@pytest.mark.slow
def test_ten_thousand_rows(factory, tmp_path):
    with session_scope(factory) as s:
        regions(s)
    n = 10_000
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("企业")
    ws.append(HEADER + ["风险等级", "高危企业", "从业人数", "成立日期"])
    towns = [("归义镇", "上马社区"), ("归义镇", "花桥村"), ("新市镇", "新市村"), ("新市镇", None)]
    for i in range(n):
        town, village = towns[i % 4]
        ws.append(row(i, town=town, village=village) + ["红橙黄蓝"[i % 4], "是" if i % 7 == 0 else "否", i % 300,
                                                        date(2000 + i % 20, 1 + i % 12, 1 + i % 28)])
    ws.append(row(0))  # one duplicate at the very end
    path = tmp_path / "big.xlsx"
    wb.save(path)

    plan = read(factory, path)
    assert len(plan.rows) == n + 1
    assert {(p.row_number, p.column) for p in plan.problems} == {(2, "统一社会信用代码"), (n + 2, "统一社会信用代码")}
    assert plan.new_count == n - 1
    result = apply(factory, plan, only_good_rows=True)
    assert result == xl.ImportResult(created=n - 1, updated=0, unchanged=0, skipped=2)
    assert count(factory) == n - 1
    with session_scope(factory) as s:
        ids = svc.find_ids(s, svc.EnterpriseFilter(text=f.code(4321)))
        a = svc.archive(s, ids[0]).data
        assert (a.name, a.risk_level, a.is_high_risk, a.employees, a.established_on) == (
            "汨罗市测试4321号化工有限公司", "orange", False, 4321 % 300, date(2001, 2, 10))
        assert svc.count(s, svc.EnterpriseFilter(high_risk=True)) == len([i for i in range(1, n) if i % 7 == 0])
    assert read(factory, path).unchanged_count == n - 1


# ------------------------------------------------------------------------------------------------ export


def test_export_then_import_round_trip(factory, tmp_path):
    with session_scope(factory) as s:
        reg = regions(s)
        svc.create(s, f.enterprise_input(reg["归义镇"], 1, name="乙化工", village_id=reg["上马社区"],
                                         risk_level=RiskLevel.RED, is_high_risk=True, in_park=True,
                                         legal_rep="张三", legal_rep_phone="0730-5212345", safety_manager="李四",
                                         safety_manager_phone="13912345678", employees=0, main_products="硫酸",
                                         established_on=date(2001, 2, 3), notes="多行\n备注",
                                         status=EnterpriseStatus.HALTED))
        svc.create(s, f.enterprise_input(reg["新市镇"], 2, name="甲五金厂", sector="机械"))
        svc.create(s, f.enterprise_input(reg["归义镇"], 3, name="丙商贸", sector="商贸", address=""))
    out = tmp_path / "企业名录.xlsx"
    with session_scope(factory) as s:
        assert xl.export(s, svc.EnterpriseFilter(), out, sort="name", descending=True) == 3
        expected_order = [svc.rows(s, [i])[i].name for i in svc.find_ids(s, sort="name", descending=True)]

    wb = openpyxl.load_workbook(out)
    ws = wb.active
    header = [c.value for c in ws[1]]
    assert header == list(svc.FIELD_LABELS.values())
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["A"].width > 20
    assert [r[0] for r in ws.iter_rows(min_row=2, values_only=True)] == expected_order
    first = dict(zip(header, next(ws.iter_rows(min_row=2, values_only=True)), strict=True))
    assert first["单位名称"] in expected_order
    by_name = {r[0]: dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)}
    b = by_name["乙化工"]
    assert (b["所属镇"], b["所属村（社区）"], b["风险等级"], b["高危企业"], b["园区企业"], b["状态"]) == (
        "归义镇", "上马社区", "红（重大风险）", "是", "是", "暂时停产停业")
    assert (b["从业人数"], b["成立日期"].date(), b["统一社会信用代码"]) == (0, date(2001, 2, 3), f.code(1))
    assert by_name["甲五金厂"]["高危企业"] == "否" and by_name["甲五金厂"]["风险等级"] is None

    plan = read(factory, out)
    assert plan.problems == [] and plan.ignored_columns == []
    assert (plan.new_count, plan.update_count, plan.unchanged_count) == (0, 0, 3)

    # a filtered export has only the matching firms
    with session_scope(factory) as s:
        assert xl.export(s, svc.EnterpriseFilter(town_id=reg["新市镇"]), tmp_path / "b.xlsx") == 1


def test_export_into_a_missing_folder_is_a_clear_error(factory, tmp_path):
    with session_scope(factory) as s, pytest.raises(ServiceError, match="不存在"):
        xl.export(s, None, tmp_path / "no" / "such" / "a.xlsx")


def test_export_then_import_into_an_empty_database(factory, tmp_path):
    """An export is also a transfer file: imported into a database with the same towns it recreates the firms."""
    with session_scope(factory) as s:
        reg = regions(s)
        for n in range(1, 4):
            svc.create(s, f.enterprise_input(reg["新市镇"], n, village_id=reg["新市村"], risk_level=RiskLevel.BLUE))
    out = tmp_path / "x.xlsx"
    with session_scope(factory) as s:
        xl.export(s, None, out)
        for e in s.scalars(select(Enterprise)):
            s.delete(e)
    plan = read(factory, out)
    assert plan.new_count == 3 and not plan.problems
    assert apply(factory, plan).created == 3
    with session_scope(factory) as s:
        assert {r.village for r in svc.rows(s, svc.find_ids(s)).values()} == {"新市村"}
    assert [r.action for r in read(factory, out).rows] == [RowAction.UNCHANGED] * 3


def test_a_cancelled_export_leaves_no_file(factory, tmp_path):
    with session_scope(factory) as s:
        reg = regions(s)
        for n in range(1, 4):
            svc.create(s, f.enterprise_input(reg["归义镇"], n))

    class Stop(Exception):
        pass

    def progress(done, total, text):
        if done:
            raise Stop

    folder = tmp_path / "out"
    folder.mkdir()
    with session_scope(factory) as s, pytest.raises(Stop):
        xl.export(s, None, folder / "out.xlsx", progress=progress)
    assert list(folder.iterdir()) == []


def test_changes_committed_while_the_import_writes_are_refused_at_the_database(factory, tmp_path, monkeypatch):
    """The last line of defence: someone commits between the import's own checks and its flush."""
    with session_scope(factory) as s:
        reg = regions(s)
        eid = svc.create(s, f.enterprise_input(reg["归义镇"], 1))
    path = write_xlsx(tmp_path / "a.xlsx", [HEADER, row(1, address="导入的地址"), row(2)])
    plan = read(factory, path)
    real_flush = xl._flush_batch

    def flush_after_someone_else_saved(session):
        with session_scope(factory) as other:
            a = svc.archive(other, eid)
            svc.update(other, eid, replace(a.data, notes="别人改的"), a.version)
        real_flush(session)

    monkeypatch.setattr(xl, "_flush_batch", flush_after_someone_else_saved)
    with pytest.raises(ConcurrentEdit):
        apply(factory, plan)
    with session_scope(factory) as s:
        a = svc.archive(s, eid)
        assert (a.data.notes, a.data.address, a.version) == ("别人改的", "归义镇工业园1号", 2)
    assert count(factory) == 1

    # the same USCC registered by someone else after the import's own check
    plan = read(factory, write_xlsx(tmp_path / "b.xlsx", [HEADER, row(3)]))
    monkeypatch.setattr(xl, "_flush_batch", real_flush)
    monkeypatch.setattr(xl, "_check_still_current", lambda session, plan: None)
    with session_scope(factory) as s:
        svc.create(s, f.enterprise_input(reg["归义镇"], 3))
    with pytest.raises(ConcurrentEdit):
        apply(factory, plan)
    assert count(factory) == 2


def test_many_updates_across_flush_batches_bump_every_version(factory, tmp_path):
    with session_scope(factory) as s:
        regions(s)
    n = 620  # more than one flush batch
    apply(factory, read(factory, write_xlsx(tmp_path / "a.xlsx", [HEADER] + [row(i) for i in range(n)])))
    header = HEADER + ["状态"]
    rows = [row(i, address=f"新地址{i}") + ["停产整顿" if i % 2 else None] for i in range(n)]
    plan = read(factory, write_xlsx(tmp_path / "b.xlsx", [header] + rows))
    assert plan.update_count == n
    assert apply(factory, plan) == xl.ImportResult(created=0, updated=n, unchanged=0, skipped=0)
    with session_scope(factory) as s:
        got = {u: (a, v, st) for u, a, v, st in s.execute(
            select(Enterprise.uscc, Enterprise.address, Enterprise.version, Enterprise.status))}
    assert len(got) == n
    for i in (0, 1, 499, 500, 619):
        status = EnterpriseStatus.RECTIFYING if i % 2 else EnterpriseStatus.NORMAL
        assert got[f.code(i)] == (f"新地址{i}", 2, status)


# ------------------------------------------------------------------------------------------------ review fixes


def write_office_zip(path: Path, main_part: str = "word/document.xml") -> Path:
    """A .docx-like OOXML package: a valid zip with content types and a main part, but no workbook."""
    kind = "wordprocessingml.document" if main_part.startswith("word/") else "presentationml.presentation"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?>'
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   f'<Override PartName="/{main_part}" '
                   f'ContentType="application/vnd.openxmlformats-officedocument.{kind}.main+xml"/></Types>')
        z.writestr(main_part, '<?xml version="1.0" encoding="UTF-8"?>'
                              '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                              '<w:body><w:p><w:r><w:t>企业名录</w:t></w:r></w:p></w:body></w:document>')
    return path


def test_a_word_document_is_explained_not_crashed_on(sqlite_factory, tmp_path):
    """openpyxl raises OSError("File contains no valid workbook part") for a .docx: a clear Chinese message."""
    for name in ("通知.docx", "名录.xlsx"):  # chosen as is, or renamed to .xlsx
        path = write_office_zip(tmp_path / name)
        with pytest.raises(ImportFileError) as exc:
            read(sqlite_factory, path)
        assert "Word 文档" in str(exc.value) and "不是 Excel 工作簿" in str(exc.value)
        assert isinstance(exc.value.__cause__, OSError)
    with pytest.raises(ImportFileError, match="PowerPoint 演示文稿"):
        read(sqlite_factory, write_office_zip(tmp_path / "汇报.pptx", "ppt/presentation.xml"))


def test_unexpected_errors_inside_openpyxl_become_import_file_errors(sqlite_factory, tmp_path, monkeypatch):
    with session_scope(sqlite_factory) as s:
        regions(s)
    path = write_xlsx(tmp_path / "a.xlsx", [HEADER] + [row(n) for n in range(1, 30)])

    def broken_open(*a: Any, **kw: Any) -> Any:
        raise RuntimeError("something openpyxl did not expect")

    with monkeypatch.context() as m:
        m.setattr(xl.openpyxl, "load_workbook", broken_open)
        with pytest.raises(ImportFileError, match="已损坏"):
            read(sqlite_factory, path)

    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    real_get_row = ReadOnlyWorksheet._get_row
    calls = {"n": 0}

    def breaks_at_row_20(self: Any, *a: Any, **kw: Any) -> Any:
        calls["n"] += 1
        if calls["n"] > xl.HEADER_SCAN_ROWS + 1 + 20:  # the header scan, then 20 data rows
            raise RuntimeError("bad cell")
        return real_get_row(self, *a, **kw)

    with monkeypatch.context() as m:
        m.setattr(ReadOnlyWorksheet, "_get_row", breaks_at_row_20)
        with pytest.raises(ImportFileError, match="读取到一半"):
            read(sqlite_factory, path)


def test_a_cancel_while_reading_is_not_mistaken_for_a_damaged_file(sqlite_factory, tmp_path):
    with session_scope(sqlite_factory) as s:
        regions(s)
    path = write_xlsx(tmp_path / "a.xlsx", [HEADER] + [row(n) for n in range(1, 700)])

    class Stop(Exception):
        pass

    def progress(done: int, total: int, text: str) -> None:
        if text == "正在读取文件…":
            raise Stop

    with session_scope(sqlite_factory) as s, pytest.raises(Stop):
        xl.read_workbook(s, path, progress=progress)


def write_two_row_header(path: Path, layout: str, data: list[list[Any]]) -> Path:
    """The same columns under three kinds of two-row header (see test_two_row_headers)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    top = ["单位名称", "统一社会信用代码", "行业领域", "所属镇", "所属村（社区）", "法定代表人", None, "安全负责人", None]
    sub = [None, None, None, None, None, "姓名", "联系电话", "姓名", "电话"]
    if layout == "merged":  # 单位名称 … merged down over A1:A2 …; 法定代表人 over F1:G1, 安全负责人 over H1:I1
        ws.append(top)
        ws.append(sub)
        for col in "ABCDE":
            ws.merge_cells(f"{col}1:{col}2")
        ws.merge_cells("F1:G1")
        ws.merge_cells("H1:I1")
    elif layout == "unmerged_below_title":  # a merged title, then the parent written once over blank cells
        ws.append(["汨罗市安全生产监管企业名录"])
        ws.merge_cells("A1:I1")
        ws.append(top)
        ws.append(["", "", "", "", "", "姓名", "手机号码", "姓名", "电话"])
    else:  # "group_row": a row of group captions above the column names
        ws.append(["基本情况", None, None, None, None, "法定代表人", None, "安全负责人", None])
        ws.append(["单位名称", "统一社会信用代码", "行业领域", "所属镇", "所属村（社区）", "姓名", "联系电话", "姓名", "电话"])
        ws.merge_cells("A1:E1")
        ws.merge_cells("F1:G1")
        ws.merge_cells("H1:I1")
    for r in data:
        ws.append(r)
    wb.save(path)
    return path


@pytest.mark.parametrize("layout", ["merged", "unmerged_below_title", "group_row"])
def test_two_row_headers(factory, tmp_path, layout):
    with session_scope(factory) as s:
        regions(s)
    data = [[f"汨罗市测试{n}号化工有限公司", f.code(n), "危险化学品", "归义镇", "上马社区", f"法人{n}", "13812345678",
             f"安全员{n}", "0730-5212345"] for n in (1, 2)]
    data.append(["汨罗市测试3号化工有限公司", f.code(3), "危险化学品", "归义镇", None, "法人3", "12345", None, None])
    plan = read(factory, write_two_row_header(tmp_path / f"{layout}.xlsx", layout, data))
    first = 2 if layout == "unmerged_below_title" else 1
    assert (plan.header_first_row, plan.header_row) == (first, first + 1)
    assert [r.row_number for r in plan.rows] == [first + 2, first + 3, first + 4]  # the sub-header is no data row
    assert {f for f in plan.columns} == {"name", "uscc", "sector", "town_id", "village_id", "legal_rep",
                                         "legal_rep_phone", "safety_manager", "safety_manager_phone"}
    phone_header = plan.columns["legal_rep_phone"]
    assert phone_header.startswith("法定代表人/") and phone_header.endswith(("联系电话", "手机号码"))
    assert plan.columns["safety_manager_phone"] == "安全负责人/电话"
    assert plan.ignored_columns == []
    # a problem names the column as the file shows it, parent and child
    assert [(p.row_number, p.column) for p in plan.problems] == [(first + 4, phone_header)]
    assert (plan.new_count, plan.bad_count) == (2, 1)

    apply(factory, plan, only_good_rows=True)
    with session_scope(factory) as s:
        a = svc.archive(s, svc.find_ids(s, svc.EnterpriseFilter(text=f.code(1)))[0]).data
    assert (a.legal_rep, a.legal_rep_phone, a.safety_manager, a.safety_manager_phone) == (
        "法人1", "13812345678", "安全员1", "0730-5212345")


def test_a_first_data_row_is_not_taken_for_a_sub_header(sqlite_factory, tmp_path):
    """Only header words make a sub-header: names, codes, numbers below the header are data."""
    with session_scope(sqlite_factory) as s:
        regions(s)
    header = ["单位名称", "统一社会信用代码", "行业领域", "所属镇", "法定代表人", "法定代表人电话"]
    rows = [["汨罗市测试1号化工有限公司", f.code(1), "危险化学品", "归义镇", "姓名", 13812345678],  # odd, but data
            ["汨罗市测试2号化工有限公司", f.code(2), "危险化学品", "归义镇", None, None]]
    plan = read(sqlite_factory, write_xlsx(tmp_path / "a.xlsx", [header, *rows]))
    assert (plan.header_first_row, plan.header_row) == (1, 1)
    assert [r.row_number for r in plan.rows] == [2, 3] and plan.problems == []


def test_sub_headers_under_an_unknown_parent_are_not_guessed(sqlite_factory, tmp_path):
    """电话 under 企业联系人 is somebody's phone, not the legal representative's: left out, and said so."""
    with session_scope(sqlite_factory) as s:
        regions(s)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["单位名称", "统一社会信用代码", "行业领域", "所属镇", "企业联系人", None, "法定代表人", None])
    ws.append([None, None, None, None, "姓名", "电话", "姓名", "职务"])
    for col in "ABCD":
        ws.merge_cells(f"{col}1:{col}2")
    ws.merge_cells("E1:F1")
    ws.merge_cells("G1:H1")
    ws.append(["某公司", f.code(1), "机械", "归义镇", "王五", "13900001111", "张三", "总经理"])
    wb.save(tmp_path / "a.xlsx")
    plan = read(sqlite_factory, tmp_path / "a.xlsx")
    assert plan.ignored_columns == ["企业联系人/姓名", "企业联系人/电话", "法定代表人/职务"]
    assert plan.columns["legal_rep"] == "法定代表人/姓名" and "legal_rep_phone" not in plan.columns
    assert plan.rows[0].data is not None and plan.rows[0].data.legal_rep_phone == ""


def test_missing_columns_of_a_two_row_header_name_both_rows(sqlite_factory, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["单位名称", "统一社会信用代码", "法定代表人", None])
    ws.append([None, None, "姓名", "联系电话"])
    ws.merge_cells("A1:A2")
    ws.merge_cells("B1:B2")
    ws.merge_cells("C1:D1")
    ws.append(["某公司", f.code(1), "张三", "13812345678"])
    wb.save(tmp_path / "a.xlsx")
    with pytest.raises(ImportFileError, match="第1–2行的表头缺少必需的列：“行业领域”、“所属镇”"):
        read(sqlite_factory, tmp_path / "a.xlsx")


def test_the_plan_lists_town_and_the_fields_an_update_changes(factory, tmp_path):
    with session_scope(factory) as s:
        reg = regions(s)
        svc.create(s, f.enterprise_input(reg["归义镇"], 1, village_id=reg["上马社区"], address="工业园1号",
                                         legal_rep_phone="13812345678"))
        svc.create(s, f.enterprise_input(reg["归义镇"], 2, village_id=reg["上马社区"], address="工业园2号",
                                         legal_rep_phone="13812345678"))
    rows = [HEADER,
            row(1, phone="138-1234-5678"),  # the same number written with dashes: unchanged
            row(2, address="新地址", town="归义", village="花桥村"),  # changed: address and village
            row(3, town="新市"),  # new (the village is not in 新市镇: a problem)
            row(4, town="新市", village=None)]  # new
    plan = read(factory, write_xlsx(tmp_path / "a.xlsx", rows))
    got = {r.row_number: (r.action, r.town, r.changes) for r in plan.rows}
    assert got == {2: (RowAction.UNCHANGED, "归义镇", ()),
                   3: (RowAction.UPDATE, "归义镇", ("village_id", "address")),
                   4: (RowAction.BAD, "新市镇", ()),
                   5: (RowAction.NEW, "新市镇", ())}
    plan = read(factory, write_xlsx(tmp_path / "b.xlsx", [HEADER, row(5, town="白水镇")]))
    assert plan.rows[0].town == "白水镇"  # not registered: as written


def test_apply_refuses_an_incomplete_plan_with_a_service_error(factory, tmp_path):
    """The plan's invariants are checked with real errors (an assert vanishes under python -O)."""
    with session_scope(factory) as s:
        regions(s)
    plan = read(factory, write_xlsx(tmp_path / "a.xlsx", [HEADER, row(1), row(2)]))
    assert plan.new_count == 2
    broken = replace(plan, rows=[plan.rows[0], replace(plan.rows[1], data=None)])
    with pytest.raises(ServiceError, match="第3行"):
        apply(factory, broken)
    update_without_version = replace(plan, rows=[replace(plan.rows[0], action=RowAction.UPDATE)])
    with pytest.raises(ServiceError, match="不完整"):
        apply(factory, update_without_version)
    assert count(factory) == 0
    assert apply(factory, plan).created == 2


def test_long_names_and_phones_are_reported_by_the_services_own_checks(sqlite_factory, tmp_path):
    """The import keeps no length table of its own (check_fields has them): still one clear problem per cell."""
    with session_scope(sqlite_factory) as s:
        regions(s)
    header = HEADER + ["法定代表人", "安全负责人", "主要产品"]
    rows = [header, row(1, phone="1" * 21) + ["张" * 41, "李" * 41, "品" * 201]]
    plan = read(sqlite_factory, write_xlsx(tmp_path / "a.xlsx", rows))
    got = {p.column: p.reason for p in plan.problems}
    assert set(got) == {"法定代表人电话", "法定代表人", "安全负责人", "主要产品"}
    assert "最多40字" in got["法定代表人"] and "最多40字" in got["安全负责人"] and "最多200字" in got["主要产品"]
    assert not hasattr(xl, "_MAX_LEN") and not hasattr(xl, "DATA_FIELDS")  # one copy of these rules: the service's
