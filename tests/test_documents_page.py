"""执法文书 UI offscreen on a real SQLite file with real data through the services: composing and issuing through the
dialog (inputs, preview, errors next to the inputs, 签发), the page (list, PDF shown, filters, void, correction,
batch print and export, openEnterprise), the verify dialog, and the firm's documents in the archive tab."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

import ui.pdf_view as pv
from models.entities import VisitMember
from models.enums import DocumentKind, DocumentStatus, Outcome, Severity
from models.services import documents as docs
from models.services import enterprises, inspection, officers
from models.services.documents import DraftInput
from tests import factories as f
from tests.test_pdf_view import FilePrinter
from ui import alerts
from ui import documents_page as page_mod
from ui.context import AppContext
from ui.document_dialog import DocumentDialog
from ui.documents_page import FIRM_COLUMN, STATUS_COLUMN, DocumentsPage, EnterpriseDocuments, NewDocumentDialog
from ui.verify_dialog import VerifyDialog

pytestmark = pytest.mark.gui

TODAY = date.today()
FIRM = "汨罗市归义化工有限公司"
ORDER = DocumentKind.RECTIFICATION_ORDER


def text_of(data: bytes) -> str:
    return "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages).replace("\n", "")


@pytest.fixture
def ctx(sqlite_url):
    """One firm inspected today by two officers (a third officer's certificate has expired): three hazards — an
    item failed on the checklist, a major one, a general one."""
    c = AppContext.open(sqlite_url, actor="办公室小王")
    with c.session() as s:
        town = f.town(s)
        firm = enterprises.create(s, f.enterprise_input(town, 1, name=FIRM, legal_rep="李建国"))
        other = enterprises.create(s, f.enterprise_input(town, 2, name="汨罗市新市烟花有限公司"))
        tid = f.template(s, n_items=3)
        visit, stop = f.visit_with_stop(s, firm, day=TODAY, templates=(tid,))
        ids = []
        for name, no, expiry in (("张三", "43060100123", date(2099, 12, 31)), ("李四", "43060100456", date(2099, 12, 31)),
                                 ("赵五", "43060100789", date(2020, 1, 31))):
            ids.append(officers.create_officer(s, officers.OfficerInput(name=name, department="执法大队",
                                                                        certificate_no=no, certificate_expiry=expiry)))
        for o in ids[:2]:
            s.add(VisitMember(visit_id=visit, role="officer", officer_id=o))
        s.flush()
        items = inspection.open_inspection(s, stop).items
        inspection.set_outcome(s, stop, items[1].item_id, Outcome.FAIL)
        inspection.add_hazard(s, stop, description="液氨储罐区未设置可燃气体报警装置", severity=Severity.MAJOR,
                              measure="设置报警装置并联锁")
        inspection.add_hazard(s, stop, description="配电箱前堆放杂物", measure="清理杂物")
        hazards = [h.id for h in inspection.hazards_of_stop(s, stop)]
    c.firm, c.other, c.visit, c.stop, c.officers, c.hazards = firm, other, visit, stop, ids, hazards  # type: ignore[attr-defined]
    yield c
    c.engine.dispose()


@pytest.fixture
def said(monkeypatch) -> list[tuple[str, str, str]]:
    calls: list[tuple[str, str, str]] = []
    for kind in ("error", "warning", "info"):
        monkeypatch.setattr(alerts, kind, lambda parent, title, text, *a, _k=kind, **kw: calls.append((_k, title, text)))
    monkeypatch.setattr(alerts, "confirm", lambda parent, title, text: calls.append(("confirm", title, text)) or True)
    return calls


def issue_record(ctx) -> docs.DocumentRow:  # type: ignore[no-untyped-def]
    with ctx.session() as s:
        return docs.issue(s, DraftInput(kind=DocumentKind.INSPECTION_RECORD, enterprise_id=ctx.firm, visit_id=ctx.visit,
                                        officer_ids=list(ctx.officers[:2])), actor="办公室小王")


def issue_order(ctx, record) -> docs.DocumentRow:  # type: ignore[no-untyped-def]
    with ctx.session() as s:
        return docs.issue(s, DraftInput(kind=ORDER, enterprise_id=ctx.firm, visit_id=ctx.visit,
                                        refers_to_id=record.id, officer_ids=list(ctx.officers[:2])),
                          actor="办公室小王")


def dialog(qtbot, ctx, kind=ORDER, **kw) -> DocumentDialog:  # type: ignore[no-untyped-def]
    d = DocumentDialog(None, ctx, kind=kind, enterprise_id=ctx.firm, visit_id=ctx.visit, **kw)
    qtbot.addWidget(d)
    d.show()
    d.resize(1280, 820)
    qtbot.waitExposed(d)
    return d


@pytest.fixture
def page(qtbot, ctx):
    p = DocumentsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1400, 800)
    p.show()
    qtbot.waitExposed(p)
    return p


def shown(p, column: int = 0) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.model.index(r, column).data() for r in range(p.model.rowCount())]


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(300)  # QPdfView renders its pages in a worker


# ================================================================================================ compose


def test_composing_an_order_offers_the_inputs_and_issues_number_1(qtbot, ctx, said, page, tmp_path):
    record = issue_record(ctx)
    d = dialog(qtbot, ctx)
    # the record of this visit is referred to; the visit's officers are chosen, the expired one is not offered
    assert d.refers.value() == record.id
    assert (d.officer1.value(), d.officer2.value()) == tuple(ctx.officers[:2])
    offered = [d.officer1.itemText(i) for i in range(d.officer1.count())]
    assert "张三（执法证号 43060100123）" in offered and not any("赵五" in t for t in offered)
    # only the order's inputs: hazards with deadlines, no decisions, seized items or legal basis
    assert d.hazard_table.rowCount() == 3 and d.checked_hazards() == ctx.hazards
    assert d.hazard_table.item(1, 2).text() == "重大" and d.hazard_table.item(1, 1).font().bold()
    assert not d.hazard_table.isColumnHidden(3)
    assert "decisions" not in d.messages and "seized" not in d.messages and "legal_basis" not in d.messages
    assert not d.decision_list.isVisibleTo(d) and not d.seized_table.isVisibleTo(d)
    qtbot.waitUntil(lambda: d.preview.page_count() >= 1)  # the draft is previewed on opening

    d.set_hazard_checked(ctx.hazards[0], False)
    deadline = TODAY + timedelta(days=20)
    d.set_deadline(ctx.hazards[2], deadline)
    qtbot.keyClick(d, Qt.Key.Key_F5)
    assert d.preview.page_count() >= 1
    draft_text = text_of(d.preview.pdf())
    assert "草稿" in draft_text and "〔" not in draft_text  # a draft: watermark, no number
    assert "配电箱前堆放杂物" in draft_text and "灭火器" not in draft_text
    settle(qtbot)
    assert d.grab().save(str(tmp_path / "order_dialog.png"))

    qtbot.mouseClick(d.issue_button, Qt.MouseButton.LeftButton)
    row = d.issued
    assert row is not None and row.seq == 1 and row.status == DocumentStatus.ISSUED
    assert row.number == f"（汨）应急责改〔{TODAY.year}〕1号"
    assert [c[0] for c in said] == ["confirm", "info"] and row.number in said[-1][2]
    assert d.result() == DocumentDialog.DialogCode.Accepted
    with ctx.session() as s:
        issued = text_of(docs.pdf_bytes(s, row.id))
    assert "液氨储罐区未设置可燃气体报警装置" in issued and "灭火器" not in issued and "草稿" not in issued
    assert f"{deadline.year}年{deadline.month}月{deadline.day}日" in issued

    page.reload()
    assert shown(page) == [row.number, record.number]
    assert shown(page, 1) == ["责令限期整改指令书", "现场检查记录"]
    assert shown(page, FIRM_COLUMN) == [FIRM, FIRM]
    assert shown(page, 3) == [TODAY.isoformat()] * 2
    assert shown(page, 5) == ["办公室小王"] * 2 and shown(page, STATUS_COLUMN) == ["已签发"] * 2
    page.select(row.id)
    assert page.pdf.page_count() == row.pages
    settle(qtbot)
    assert page.grab().save(str(tmp_path / "documents_page.png"))


def test_service_messages_show_next_to_the_inputs_and_nothing_is_issued(qtbot, ctx, said):
    issue_record(ctx)
    d = dialog(qtbot, ctx)
    d.officer2.set_value(None)
    d.set_deadline(ctx.hazards[2], TODAY - timedelta(days=1))
    qtbot.mouseClick(d.issue_button, Qt.MouseButton.LeftButton)
    assert d.issued is None and d.isVisible()
    assert d.messages["officer_ids"].isVisible() and "两名执法人员" in d.messages["officer_ids"].text()
    assert d.messages["hazard_ids"].isVisible() and "第3项隐患的整改期限" in d.messages["hazard_ids"].text()
    assert d.officer1.property("invalid") is True
    with ctx.session() as s:
        assert [r.kind for r in docs.documents(s)] == [DocumentKind.INSPECTION_RECORD]  # nothing half-saved
    # corrected, the messages go and the order is issued
    d.officer2.set_value(ctx.officers[1])
    d.set_deadline(ctx.hazards[2], TODAY + timedelta(days=5))
    qtbot.mouseClick(d.issue_button, Qt.MouseButton.LeftButton)
    assert d.issued is not None and d.issued.seq == 1


def test_an_onsite_decision_takes_typical_decisions_and_a_seizure_its_items(qtbot, ctx, said, tmp_path):
    issue_record(ctx)
    d = dialog(qtbot, ctx, kind=DocumentKind.ONSITE_DECISION)
    offered = [d.decision_pick.itemText(i) for i in range(d.decision_pick.count())]
    assert offered[:4] == ["责令立即排除事故隐患", "责令从危险区域撤出作业人员", "责令暂时停产停业", "停止使用相关设施、设备"]
    assert "暂时停产停业，停止使用相关设施设备，撤离区域内人员" in offered
    assert d.legal_basis.toPlainText() == "《中华人民共和国安全生产法》第六十五条第一款第（三）项"
    assert d.hazard_table.isColumnHidden(3)  # no deadlines on a decision
    d.decision_pick.setCurrentIndex(4)
    qtbot.mouseClick(d.decision_add, Qt.MouseButton.LeftButton)
    assert d.decisions() == ["暂时停产停业，停止使用相关设施设备，撤离区域内人员"]
    assert d.refresh_preview()
    assert "暂时停产停业，停止使用相关设施设备，撤离区域内人员" in text_of(d.preview.pdf())
    d.issue()
    assert d.issued is not None and d.issued.number == f"（汨）应急现决〔{TODAY.year}〕1号"

    s_dlg = dialog(qtbot, ctx, kind=DocumentKind.SEIZURE_DECISION)
    qtbot.mouseClick(s_dlg.issue_button, Qt.MouseButton.LeftButton)  # no items yet
    assert s_dlg.issued is None and "须列明查封" in s_dlg.messages["seized"].text()
    qtbot.mouseClick(s_dlg.seized_add, Qt.MouseButton.LeftButton)
    for col, value in enumerate(("燃料油", "重油", "114", "吨", "储油罐区", "")):
        s_dlg.seized_table.item(0, col).setText(value)
    s_dlg.add_seized_row(["待删除", "", "", "", "", ""])
    s_dlg.seized_table.selectRow(1)
    qtbot.mouseClick(s_dlg.seized_remove, Qt.MouseButton.LeftButton)
    assert [i.name for i in s_dlg.seized_items()] == ["燃料油"]
    assert s_dlg.refresh_preview()
    settle(qtbot)
    assert s_dlg.grab().save(str(tmp_path / "seizure_dialog.png"))
    s_dlg.issue()
    assert s_dlg.issued is not None
    with ctx.session() as s:
        seized = text_of(docs.pdf_bytes(s, s_dlg.issued.id))
    assert "燃料油" in seized and "114" in seized and "待删除" not in seized


# ================================================================================================ page


def test_void_with_a_reason_and_the_filters(qtbot, ctx, page, said, monkeypatch):
    record = issue_record(ctx)
    order = issue_order(ctx, record)
    page.reload()
    page.select(order.id)
    asked: list[str] = []
    monkeypatch.setattr(page_mod.ReasonDialog, "ask", lambda parent, title, prompt: asked.append(prompt) or None)
    assert not page.void_selected()  # cancelled: nothing happens
    assert shown(page, STATUS_COLUMN) == ["已签发", "已签发"] and order.number in asked[0]
    monkeypatch.setattr(page_mod.ReasonDialog, "ask", lambda parent, title, prompt: "整改期限写错")
    assert page.void_selected()
    assert shown(page, STATUS_COLUMN)[0] == "作废（整改期限写错）"
    assert not page.void_button.isEnabled() and not page.correct_button.isEnabled()
    tip = page.model.index(0, STATUS_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert "办公室小王" in tip and "整改期限写错" in tip
    page.include_void.setChecked(False)
    assert shown(page) == [record.number]
    page.include_void.setChecked(True)
    page.kind.set_value(DocumentKind.INSPECTION_RECORD.value)
    assert shown(page) == [record.number]
    page.kind.set_value(None)
    page.firm.setText("新市")
    assert shown(page) == [] and page.count_label.text() == "0 份"
    page.firm.setText("归义")
    assert len(shown(page)) == 2
    page.day.set_value(TODAY - timedelta(days=1))
    assert shown(page) == []
    page.day.set_value(TODAY)
    assert len(shown(page)) == 2


def test_a_correction_starts_from_the_voided_document(qtbot, ctx, page, said):
    record = issue_record(ctx)
    with ctx.session() as s:
        order = docs.issue(s, DraftInput(kind=ORDER, enterprise_id=ctx.firm, visit_id=ctx.visit,
                                         refers_to_id=record.id, officer_ids=list(ctx.officers[:2]),
                                         hazard_ids=ctx.hazards[1:], deadlines={ctx.hazards[2]: TODAY + timedelta(9)}),
                           actor="办公室小王")
    d = dialog(qtbot, ctx, kind=ORDER, correcting=order, refers_to_id=record.id)
    assert d.checked_hazards() == ctx.hazards[1:]
    assert d.hazard_table.cellWidget(2, 3).value() == TODAY + timedelta(9)
    assert (d.officer1.value(), d.officer2.value()) == tuple(ctx.officers[:2])
    qtbot.mouseClick(d.issue_button, Qt.MouseButton.LeftButton)
    assert d.issued is None and "更正理由" in d.messages["reason"].text()
    d.reason.setText("整改期限应为一个月")
    d.set_deadline(ctx.hazards[2], TODAY + timedelta(30))
    qtbot.mouseClick(d.issue_button, Qt.MouseButton.LeftButton)
    new = d.issued
    assert new is not None and new.seq == 2 and new.replaces_id == order.id
    page.reload()
    rows = {r.id: r for r in page.model.rows}
    assert rows[order.id].status == DocumentStatus.VOID and rows[order.id].void_reason == "整改期限应为一个月"
    assert rows[new.id].status == DocumentStatus.ISSUED


def test_batch_print_and_export_take_every_valid_document_of_the_day(qtbot, ctx, page, said, monkeypatch, tmp_path):
    record = issue_record(ctx)
    order = issue_order(ctx, record)
    with ctx.session() as s:
        docs.void(s, issue_order(ctx, record).id, "重复出具", actor="办公室小王")  # voided: never in a batch
    page.reload()
    page.select(order.id)
    assert [r.id for r in page.batch()] == [order.id, record.id]  # no day chosen: the selected document's visit
    page.day.set_value(TODAY)
    assert {r.id for r in page.batch()} == {order.id, record.id}
    pages = record.pages + order.pages

    printer = FilePrinter(tmp_path / "printed.pdf", dpi=72)
    monkeypatch.setattr(pv, "choose_printer", printer)
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert printer.asked == [pages]  # one dialog for the batch
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == pages
    printer.asked.clear()
    page.select(order.id)
    page.activateWindow()  # a long batch showed a progress window: the page's window is active again
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(page.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # 打印: the selected one
    assert printer.asked == [order.pages]

    merged = tmp_path / "out" / "merged.pdf"
    monkeypatch.setattr(DocumentsPage, "choose_pdf_file", staticmethod(lambda parent, name: str(merged)))
    assert page.export_one_file() == [merged]
    assert len(PdfReader(merged).pages) == pages
    folder = tmp_path / "folder"
    monkeypatch.setattr(DocumentsPage, "choose_folder", staticmethod(lambda parent: str(folder)))
    files = page.export_folder()
    assert sorted(p.name for p in files) == sorted(docs.file_name(r) for r in (record, order))
    assert said[-1][0] == "info" and str(folder) in said[-1][2]


def test_double_click_on_the_firm_opens_the_archive_and_new_uses_the_day_chooser(qtbot, ctx, page, said, monkeypatch):
    record = issue_record(ctx)
    page.reload()
    rect = page.table.visualRect(page.model.index(0, FIRM_COLUMN))
    with qtbot.waitSignal(page.openEnterprise) as got:
        QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QTest.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert got.args == [ctx.firm]

    chooser = NewDocumentDialog(None, ctx, day=TODAY)
    qtbot.addWidget(chooser)
    assert [chooser.stops.item(i).text().endswith(FIRM) for i in range(chooser.stops.count())] == [True]
    assert chooser.choice() == (ctx.firm, ctx.visit)
    chooser.day.set_value(TODAY - timedelta(days=3))
    assert chooser.choice() is None and not chooser.ok.isEnabled()

    composed: list[dict] = []
    monkeypatch.setattr(NewDocumentDialog, "choose", classmethod(
        lambda cls, parent, c, **kw: (DocumentKind.RECTIFICATION_ORDER.value, ctx.firm, ctx.visit)))
    monkeypatch.setattr(DocumentDialog, "compose", classmethod(lambda cls, parent, c, **kw: composed.append(kw)))
    page.select(record.id)
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert composed == [{"kind": "rectification_order", "enterprise_id": ctx.firm, "visit_id": ctx.visit,
                         "refers_to_id": record.id}]


# ================================================================================================ verify, archive


def test_verify_says_match_for_an_exported_file_and_refuses_a_modified_one(qtbot, ctx, said, monkeypatch, tmp_path):
    record = issue_record(ctx)
    with ctx.session() as s:
        (path,) = docs.export(s, [record.id], tmp_path, one_file=False)
    dlg = VerifyDialog(None, ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    monkeypatch.setattr(VerifyDialog, "choose_file", staticmethod(lambda parent: str(path)))
    qtbot.mouseClick(dlg.choose_button, Qt.MouseButton.LeftButton)
    assert dlg.result is not None and dlg.result.ok
    assert dlg.verdict.property("verdict") == "match" and "一致" in dlg.verdict.text()
    assert dlg.number.text() == record.number and dlg.firm.text() == FIRM and dlg.status.text() == "已签发"
    assert dlg.grab().save(str(tmp_path / "verify_match.png"))

    data = path.read_bytes()
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(data.replace(b"/Producer", b"/Producex", 1) if b"/Producer" in data else data + b"\n%x")
    result = dlg.check_file(forged)
    assert result is not None and not result.ok
    assert dlg.verdict.property("verdict") == "mismatch" and dlg.verdict.text() == result.message
    assert "不能作为有效文书" in result.message
    assert dlg.grab().save(str(tmp_path / "verify_mismatch.png"))


def test_the_archive_tab_lists_the_firms_documents_and_opens_them(qtbot, ctx, said, monkeypatch):
    record = issue_record(ctx)
    order = issue_order(ctx, record)
    tab = EnterpriseDocuments(ctx, ctx.firm)
    qtbot.addWidget(tab)
    tab.show()
    assert [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())] == [order.number, record.number]
    assert tab.count_label.text() == "共 2 份执法文书" and tab.table.isColumnHidden(FIRM_COLUMN)
    opened: list[tuple[str, bytes]] = []
    monkeypatch.setattr(page_mod.PdfDialog, "show_pdf", classmethod(lambda cls, p, title, data: opened.append((title, data))))
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert opened[0][0] == f"责令限期整改指令书 {order.number}"
    assert opened[0][1][:4] == b"%PDF" and len(PdfReader(io.BytesIO(opened[0][1])).pages) == order.pages
    tab.set_enterprise(ctx.other)
    assert tab.model.rowCount() == 0 and tab.count_label.text() == "共 0 份执法文书"


def test_characters_the_font_lacks_are_reported_before_issuing(qtbot, ctx, said):
    with ctx.session() as s:
        rare = enterprises.create(s, f.enterprise_input(f.town(s, "新市镇", 1), 3, name="汨罗市䶮𠮷化工有限公司"))
        visit, _stop = f.visit_with_stop(s, rare, day=TODAY)
        for o in ctx.officers[:2]:
            s.add(VisitMember(visit_id=visit, role="officer", officer_id=o))
    d = DocumentDialog(None, ctx, kind=DocumentKind.INSPECTION_RECORD, enterprise_id=rare, visit_id=visit)
    qtbot.addWidget(d)
    d.show()
    assert d.refresh_preview()
    assert d.glyphs.isVisible() and "𠮷" in d.glyphs.text() and "䶮" not in d.glyphs.text()
    d.issue()
    assert d.issued is not None  # reported, not refused
