"""The 樟脑油准入 page driven offscreen (SQLite): the register and its totals, the filters, the history panel of the
selected firm, opening the archive by Enter / double-click, the export, and fresh data when the page is shown again."""

from __future__ import annotations

import uuid
from datetime import date

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.entities import ChecklistItem, ChecklistResult, ChecklistTemplate, Visit, VisitStop
from models.enums import EnterpriseStatus, EntryStatus, Outcome, VisitKind, VisitStatus
from models.services import camphor
from models.services import enterprises as ent_svc
from tests import factories as f
from ui import alerts
from ui import camphor_page as page_mod
from ui.camphor_page import STATUS_COLUMN, CamphorPage
from ui.context import AppContext

pytestmark = pytest.mark.gui

HALT = "2022年5月 停产停业决定"


def _stop(s, firm: uuid.UUID, day: date) -> uuid.UUID:  # type: ignore[no-untyped-def]
    v = Visit(kind=VisitKind.CAMPHOR_ENTRY, day=day, status=VisitStatus.DONE)
    s.add(v)
    s.flush()
    st = VisitStop(visit_id=v.id, enterprise_id=firm, done=True)
    s.add(st)
    s.flush()
    return st.id


@pytest.fixture
def ctx(sqlite_url):
    """Four camphor-oil firms halted in May 2022: 白水 refused (3 items failed), 长乐 admitted after a recheck,
    安乐 recheck, 新市 never checked; and a chemical firm that the register does not list."""
    c = AppContext.open(sqlite_url, actor="测试员")
    with c.session() as s:
        guiyi, xinshi = f.town(s, "归义镇"), f.town(s, "新市镇", 1)
        ids = {}
        for n, (key, name, town) in enumerate((("baishui", "白水樟脑油厂", guiyi), ("changle", "长乐樟脑油厂", guiyi),
                                               ("anle", "安乐林产化工厂", xinshi), ("xinshi", "新市樟脑油厂", xinshi)),
                                              start=1):
            ids[key] = ent_svc.create(s, f.enterprise_input(town, n, name=name, sector="樟脑油",
                                                            status=EnterpriseStatus.HALTED, status_reason="停产停业"))
            camphor.set_initial_status(s, ids[key], EntryStatus.NOT_CHECKED, reason=HALT, on=date(2022, 5, 20),
                                       actor="办公室")
        ent_svc.create(s, f.enterprise_input(guiyi, 9, name="归义化工有限公司"))
        stop = _stop(s, ids["baishui"], date(2022, 7, 5))
        camphor.record_verdict(s, stop, EntryStatus.REFUSED, "未落实安全设施“三同时”。", actor="王专家",
                               halt_ref="汨应急停字〔2022〕5号", evidence="企业提交的整改报告")
        t = ChecklistTemplate(code="camphor_entry", name="樟脑油企业准入检查表",
                              items=[ChecklistItem(seq=i, text=f"检查项{i}") for i in range(1, 6)])
        s.add(t)
        s.flush()
        for item, outcome in zip(t.items, [Outcome.FAIL] * 3 + [Outcome.PASS] * 2, strict=True):
            s.add(ChecklistResult(stop_id=stop, item_id=item.id, outcome=outcome,
                                  note="储油间无阻火器" if item.seq == 1 else ""))
        camphor.record_verdict(s, _stop(s, ids["changle"], date(2022, 7, 6)), EntryStatus.RECHECK, "缺防雷检测报告。",
                               actor="王专家")
        camphor.record_verdict(s, _stop(s, ids["changle"], date(2022, 8, 9)), EntryStatus.ADMITTED, "整改完成。",
                               actor="李专家")
        camphor.record_verdict(s, _stop(s, ids["anle"], date(2022, 7, 7)), EntryStatus.RECHECK, "防爆电气不合格。",
                               actor="王专家")
    c.ids = ids  # type: ignore[attr-defined]
    c.towns = {"归义镇": guiyi, "新市镇": xinshi}  # type: ignore[attr-defined]
    yield c
    c.engine.dispose()


@pytest.fixture
def page(qtbot, ctx):
    p = CamphorPage(ctx)
    qtbot.addWidget(p)
    p.resize(1280, 720)
    p.show()
    qtbot.waitExposed(p)
    return p


@pytest.fixture
def said(monkeypatch) -> list[tuple[str, str, str]]:
    calls: list[tuple[str, str, str]] = []
    for kind in ("error", "warning", "info"):
        monkeypatch.setattr(alerts, kind, lambda parent, title, text, *a, _k=kind, **kw: calls.append((_k, title, text)))
    return calls


def shown(p: CamphorPage, column: int = 0) -> list[str]:
    m = p.model
    return [m.index(r, column).data() for r in range(m.rowCount())]


def test_the_register_shows_every_firm_with_status_and_totals(page):
    assert shown(page) == ["白水樟脑油厂", "安乐林产化工厂", "新市樟脑油厂", "长乐樟脑油厂"]
    assert shown(page, STATUS_COLUMN) == ["不予准入（关停）", "整改后复查", "未检查", "准予准入"]
    assert shown(page, 1) == ["归义镇", "新市镇", "新市镇", "归义镇"]
    assert shown(page, 3) == ["2022-07-05", "2022-07-07", "未检查", "2022-08-09"]
    assert shown(page, 4) == ["1", "1", "0", "2"]
    assert shown(page, 5)[0] == "未落实安全设施“三同时”。"
    assert page.totals_label.text() == "共 4 家 · 已检查 3 · 准予准入 1 · 整改后复查 1 · 不予准入（关停） 1 · 未检查 1"
    assert page.count_label.text() == "显示 4 家"
    m = page.model
    assert m.index(0, STATUS_COLUMN).data(Qt.ItemDataRole.DecorationRole) is not None  # the coloured dot
    tip = m.index(3, STATUS_COLUMN).data(Qt.ItemDataRole.ToolTipRole).splitlines()
    assert tip == ["2022-05-20  — → 未检查  2022年5月 停产停业决定",
                   "2022-07-06  未检查 → 整改后复查  缺防雷检测报告。  （检查 2022-07-06）",
                   "2022-08-09  整改后复查 → 准予准入  整改完成。  （检查 2022-08-09）"]


def test_filters_by_status_town_and_text(page, ctx):
    page.status.set_value(EntryStatus.REFUSED.value)
    assert shown(page) == ["白水樟脑油厂"] and page.count_label.text() == "显示 1 家"
    page.status.set_value(EntryStatus.NOT_CHECKED.value)
    assert shown(page) == ["新市樟脑油厂"]
    page.status.set_value(None)
    page.town.set_value(ctx.towns["新市镇"])
    assert shown(page) == ["安乐林产化工厂", "新市樟脑油厂"]
    page.search.setText("allc")  # pinyin initials of 安乐林产…
    assert shown(page) == ["安乐林产化工厂"]
    page.search.setText("归义化工")  # not a camphor-oil firm
    assert shown(page) == [] and page.firm_title.text() == "未选择企业"
    # the totals stay those of the whole register
    assert page.totals_label.text().startswith("共 4 家 · 已检查 3")


def test_selecting_a_firm_shows_its_history_and_last_check(page, qtbot):
    assert page.selected_id() is not None and "白水樟脑油厂" in page.firm_title.text()
    assert page.status_chip.text() == "不予准入（关停）" and page.status_chip.property("entry") == "refused"
    assert page.firm_status.text() == "企业状态：关闭取缔"
    h = page.history
    assert [[h.item(r, c).text() for c in range(4)] for r in range(h.rowCount())] == [
        ["2022-05-20", "— → 未检查", HALT, "决定"],
        ["2022-07-05", "未检查 → 不予准入（关停）", "未落实安全设施“三同时”。", "检查 2022-07-05"]]
    text = page.last_check.toPlainText()
    for part in ("检查日期：2022-07-05", "结论：不予准入（关停）", "原停产停业决定：汨应急停字〔2022〕5号",
                 "整改佐证材料：企业提交的整改报告", "符合 2 · 不符合 3 · 不适用 0", "1. 检查项1（储油间无阻火器）",
                 "现场处理措施决定书"):
        assert part in text

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # keyboard: the last firm, 长乐 (admitted after a recheck)
    assert "长乐樟脑油厂" in page.firm_title.text() and page.status_chip.property("entry") == "admitted"
    assert [h.item(r, 1).text() for r in range(h.rowCount())] == ["— → 未检查", "未检查 → 整改后复查",
                                                                  "整改后复查 → 准予准入"]
    text = page.last_check.toPlainText()
    assert "检查日期：2022-08-09" in text and "逐项检查结果：未逐项记录" in text
    assert f"原停产停业决定：{HALT}（2022-05-20，见准入历程）" in text  # none on the check: the decision line

    qtbot.keyClick(page.table, Qt.Key.Key_Up)
    assert "新市樟脑油厂" in page.firm_title.text() and "尚未进行准入检查" in page.last_check.toPlainText()
    assert page.history.rowCount() == 1


def test_enter_and_double_click_open_the_archive(page, qtbot, ctx):
    page.table.setFocus()
    with qtbot.waitSignal(page.openEnterprise, timeout=1000) as sig:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert sig.args == [ctx.ids["baishui"]]
    rect = page.table.visualRect(page.model.index(3, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click's press
    assert "长乐樟脑油厂" in page.firm_title.text()
    with qtbot.waitSignal(page.openEnterprise, timeout=1000) as sig:
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == [ctx.ids["changle"]]


def test_ctrl_f_goes_to_the_search(page, qtbot):
    page.table.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search


def test_export_writes_the_listed_firms(page, tmp_path, monkeypatch, said):
    page.town.set_value(page.town.itemData(1))  # 归义镇
    target = tmp_path / "名册"
    monkeypatch.setattr(page_mod.QFileDialog, "getSaveFileName", lambda *a, **kw: (str(target), ""))
    assert page.export_file() == 2
    out = tmp_path / "名册.xlsx"
    rows = list(openpyxl.load_workbook(out)["樟脑油企业名册"].iter_rows(values_only=True))
    assert [r[1] for r in rows[1:]] == ["白水樟脑油厂", "长乐樟脑油厂"]
    assert rows[1][6] == "不予准入（关停）" and rows[1][10] == 3
    assert said == [("info", "导出樟脑油企业名册", f"已导出 2 家企业到：\n{out}")]

    monkeypatch.setattr(page_mod.QFileDialog, "getSaveFileName", lambda *a, **kw: ("", ""))
    assert page.export_file() is None


def test_an_export_that_cannot_be_written_says_why(page, tmp_path, said):
    assert page.export_file(str(tmp_path / "无此文件夹" / "x.xlsx")) is None
    assert said[-1][0] == "error" and "不存在" in said[-1][2]


def test_showing_the_page_again_shows_new_verdicts(page, ctx, qtbot):
    page.hide()
    with ctx.session() as s:
        camphor.record_verdict(s, _stop(s, ctx.ids["xinshi"], date(2022, 9, 1)), EntryStatus.ADMITTED, "",
                               actor="李专家")
    page.show()
    qtbot.waitExposed(page)
    assert "新市樟脑油厂" in shown(page)[-2:]
    assert shown(page, STATUS_COLUMN).count("准予准入") == 2
    assert page.totals_label.text() == "共 4 家 · 已检查 4 · 准予准入 2 · 整改后复查 1 · 不予准入（关停） 1"

