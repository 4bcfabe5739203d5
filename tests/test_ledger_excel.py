"""The ledger's Excel export, read back with openpyxl: layout, values, real dates, odd text, no half files."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from models.enums import HazardStatus, Severity
from models.services import ledger_excel
from models.services.errors import ServiceError
from models.services.ledger import LedgerRow


def _row(n: int, **over) -> LedgerRow:  # type: ignore[no-untyped-def]
    values = dict(
        id=uuid.uuid4(), enterprise_id=uuid.uuid4(), enterprise=f"汨罗市测试{n}号化工有限公司", town="归义镇",
        village="上马社区", seq=n, description=f"配电箱未接地{n}", severity=Severity.GENERAL, category="电气安全",
        found_on=date(2026, 3, 1), deadline=date(2026, 3, 16), status=HazardStatus.PENDING, overdue=False,
        days_overdue=-3, escalation=0, finder="王专家", visit_kind="inspection_expert", review_note="",
        closed_on=None, basis="GB 50054 第3.1条", measure="重新接地并检测", responsible_person="张三", location="配电房")
    values.update(over)
    return LedgerRow(**values)


def test_the_ledger_layout_read_back(tmp_path: Path):
    rows = [
        _row(1),
        _row(2, severity=Severity.MAJOR, status=HazardStatus.IN_PROGRESS, overdue=True, days_overdue=8, escalation=3),
        _row(3, status=HazardStatus.CLOSED, closed_on=date(2026, 3, 12), review_note="复查合格，予以销号", deadline=None),
    ]
    path = tmp_path / "台账.xlsx"
    seen: list[tuple[int, int]] = []
    assert ledger_excel.export(rows, path, lambda done, total, _t: seen.append((done, total)), title="测试台账") == 3
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)

    wb = openpyxl.load_workbook(path)
    ws = wb["隐患台账"]
    assert ws["A1"].value == "测试台账" and ws["A1"].font.bold
    assert "A1:K1" in {str(r) for r in ws.merged_cells.ranges}
    assert [c.value for c in ws[2]] == list(ledger_excel.HEADERS) == [
        "序号", "单位", "隐患描述", "等级", "判定依据", "整改措施", "责任人", "整改期限", "状态", "复查情况", "销号日期"]
    assert ws.freeze_panes == "C3"
    assert ws.column_dimensions["C"].width == 48 and ws.column_dimensions["B"].width == 30
    assert ws.auto_filter.ref == "A2:K5"
    got = [[c.value for c in r] for r in ws.iter_rows(min_row=3)]
    assert got[0] == [1, "汨罗市测试1号化工有限公司", "配电箱未接地1", "一般", "GB 50054 第3.1条", "重新接地并检测", "张三",
                      datetime(2026, 3, 16), "待整改", None, None]
    assert got[1][0] == 2 and got[1][3] == "重大" and got[1][8] == "整改中（逾期）"
    assert got[2][7] is None and got[2][8] == "已销号" and got[2][9] == "复查合格，予以销号"
    assert got[2][10] == datetime(2026, 3, 12)
    assert ws["H3"].is_date and ws["H3"].number_format == "yyyy-mm-dd" and ws["K5"].is_date
    assert ws["C3"].alignment.wrap_text and ws["A3"].alignment.horizontal == "center"


def test_text_that_xml_cannot_hold_as_is(tmp_path: Path):
    odd = 'A&B <阀门> "引号" \x07响铃\x0b 𠮷 行一\n行二  '
    path = tmp_path / "odd.xlsx"
    ledger_excel.export([_row(1, description=odd, measure="  前后空格  ")], path)
    ws = openpyxl.load_workbook(path)["隐患台账"]
    assert ws["C3"].value == 'A&B <阀门> "引号" 响铃 𠮷 行一\n行二  '
    assert ws["F3"].value == "  前后空格  "


def test_an_empty_ledger_gives_title_and_header_only(tmp_path: Path):
    path = tmp_path / "empty.xlsx"
    assert ledger_excel.export([], path) == 0
    ws = openpyxl.load_workbook(path)["隐患台账"]
    assert ws.max_row == 2 and ws["A1"].value == ledger_excel.DEFAULT_TITLE


def test_a_cancelled_export_leaves_no_file_and_keeps_an_older_one(tmp_path: Path):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(b"older file")

    class Cancelled(Exception):
        pass

    def progress(done: int, total: int, _text: str) -> None:
        if done > 0:
            raise Cancelled()

    with pytest.raises(Cancelled):
        ledger_excel.export([_row(n) for n in range(1, 5000)], path, progress)
    assert path.read_bytes() == b"older file"
    assert [p.name for p in tmp_path.iterdir()] == ["台账.xlsx"]  # no temporary file left


def test_a_missing_folder_is_told_in_chinese(tmp_path: Path):
    with pytest.raises(ServiceError, match="文件夹"):
        ledger_excel.export([_row(1)], tmp_path / "nope" / "a.xlsx")


def test_many_rows_keep_their_order_and_numbers(tmp_path: Path):
    rows = [_row(n) for n in range(1, 4500)]  # more than one chunk
    path = tmp_path / "many.xlsx"
    ledger_excel.export(rows, path)
    ws = openpyxl.load_workbook(path, read_only=True)["隐患台账"]
    got = [(r[0], r[2]) for r in ws.iter_rows(min_row=3, values_only=True)]
    assert got == [(n, f"配电箱未接地{n}") for n in range(1, 4500)]
