"""Enforcement documents service (models/services/documents.py) on both databases: every kind built and issued from
real records, numbering per kind and year (also under two processes at once), the refers-to rules, void and
correction, verify (match, void, tampered, unknown), export, and `tijian verify`."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import subprocess
import sys
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from models.db import make_engine, make_session_factory, session_scope
from models.entities import AuditEntry, Document, DocumentCounter, Enterprise, Expert, ReinspectionItem
from models.enums import DocumentKind, DocumentStatus, Outcome, ReinspectionOutcome, Severity
from models.services import document_data, enterprises, inspection, officers, settings
from models.services import documents as docs
from models.services.documents import DraftInput, SeizedItem
from models.services.errors import ServiceError, ValidationFailed
from tests import factories as f

ROOT = Path(__file__).resolve().parent.parent
DAY = date(2026, 6, 10)
ISSUE = date(2026, 6, 11)


@dataclass
class World:
    firm: uuid.UUID
    firm_name: str
    other_firm: uuid.UUID
    visit: uuid.UUID
    stop: uuid.UUID
    hazards: list[uuid.UUID]  # in seq order; the second is major
    officers: list[uuid.UUID]
    expired_officer: uuid.UUID


def _officer(s, name: str, cert: str, expiry: date) -> uuid.UUID:  # type: ignore[no-untyped-def]
    return officers.create_officer(s, officers.OfficerInput(name=name, department="执法大队", certificate_no=cert,
                                                            certificate_expiry=expiry))


def world(s) -> World:  # type: ignore[no-untyped-def]
    town = f.town(s)
    firm = enterprises.create(s, f.enterprise_input(town, 1, name="汨罗市归义化工有限公司", legal_rep="李建国",
                                                    legal_rep_phone="13807301234"))
    other = enterprises.create(s, f.enterprise_input(town, 2, name="汨罗市新市烟花有限公司"))
    tid = f.template(s, n_items=3)
    expert = Expert(name="王工", employer="岳阳市安全技术服务中心")
    s.add(expert)
    s.flush()
    visit, stop = f.visit_with_stop(s, firm, day=DAY, templates=(tid,), expert_ids=(expert.id,))
    data = inspection.open_inspection(s, stop)
    inspection.set_outcome(s, stop, data.items[0].item_id, Outcome.PASS)
    inspection.set_outcome(s, stop, data.items[1].item_id, Outcome.FAIL)  # creates hazard 1
    inspection.set_outcome(s, stop, data.items[2].item_id, Outcome.NOT_APPLICABLE)
    inspection.add_hazard(s, stop, description="液氨储罐区未设置可燃气体报警装置", severity=Severity.MAJOR,
                          measure="设置报警装置并联锁")
    inspection.add_hazard(s, stop, description="配电箱前堆放杂物", measure="清理杂物")
    inspection.set_stop_text(s, stop, "place", "液氨罐区、配电房")
    inspection.set_stop_text(s, stop, "summary", "企业基本落实主体责任，发现问题如下。")
    hazards = [h.id for h in inspection.hazards_of_stop(s, stop)]
    o1 = _officer(s, "张三", "43060100123", date(2028, 12, 31))
    o2 = _officer(s, "李四", "43060100456", date(2028, 12, 31))
    old = _officer(s, "赵五", "43060100789", date(2026, 1, 31))
    return World(firm, "汨罗市归义化工有限公司", other, visit, stop, hazards, [o1, o2], old)


def record_draft(w: World, **kw) -> DraftInput:  # type: ignore[no-untyped-def]
    return DraftInput(kind=DocumentKind.INSPECTION_RECORD, enterprise_id=w.firm, stop_id=w.stop,
                      officer_ids=list(w.officers), issue_date=kw.pop("issue_date", ISSUE), **kw)


def order_draft(w: World, record: uuid.UUID, **kw) -> DraftInput:  # type: ignore[no-untyped-def]
    return DraftInput(kind=DocumentKind.RECTIFICATION_ORDER, enterprise_id=w.firm, refers_to_id=record,
                      officer_ids=list(w.officers), issue_date=kw.pop("issue_date", ISSUE), **kw)


def pdf_text(pdf: bytes) -> str:
    """All text of the PDF without whitespace (CJK and Helvetica runs of one line come out split by spaces)."""
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in reader.pages))


# ------------------------------------------------------------------------------------------------ each kind


def test_every_kind_is_built_from_the_records_and_issued(session) -> None:  # type: ignore[no-untyped-def]
    w = world(session)
    rec = docs.issue(session, record_draft(w), actor="文书员")
    assert (rec.number, rec.status, rec.seq, rec.year) == ("（汨）应急检记〔2026〕1号", DocumentStatus.ISSUED, 1, 2026)
    assert rec.visit_id == w.visit and rec.visit_day == DAY and rec.enterprise_name == w.firm_name
    data = docs.content(session, rec.id)
    assert [c.result for c in data.checklist] == ["合格", "不合格", "不适用"]
    assert [e.name for e in data.experts] == ["王工"] and data.experts[0].employer == "岳阳市安全技术服务中心"
    assert [o.certificate_no for o in data.officers] == ["43060100123", "43060100456"]
    assert data.place == "液氨罐区、配电房" and data.summary.startswith("企业基本落实")
    assert data.legal_rep == "李建国" and data.phone == "13807301234"
    assert data.appeal_clause == "" and data.copies_line == ""  # a record is not a decision

    order = docs.issue(session, order_draft(w, rec.id, deadlines={w.hazards[2]: date(2026, 6, 20)}), actor="文书员")
    assert order.number == "（汨）应急责改〔2026〕1号" and order.refers_to_id == rec.id
    assert order.refers_to_number == rec.number
    od = docs.content(session, order.id)
    assert [h.seq for h in od.hazards] == [1, 2, 3]
    assert [h.major for h in od.hazards] == [False, True, False]
    assert od.hazards[1].deadline == date(2026, 6, 10).replace(month=9, day=8)  # major: 90 days (the setting)
    assert od.hazards[2].deadline == date(2026, 6, 20)  # the clerk's override
    assert od.legal_basis == "《中华人民共和国安全生产法》第六十五条第一款第（二）项、第（三）项"  # major: 第（三）项 too
    assert od.appeal_clause.startswith("如不服本指令") and "汨罗市人民政府" in od.appeal_clause
    assert "向人民法院提起行政诉讼" in od.appeal_clause  # no court configured: 人民法院 alone
    assert od.copies_line == "本文书一式两份：一份由汨罗市应急管理局备案，一份交被检查单位。"

    decision = docs.issue(session, DraftInput(
        kind=DocumentKind.ONSITE_DECISION, enterprise_id=w.firm, refers_to_id=rec.id, officer_ids=w.officers,
        hazard_ids=[w.hazards[1]], decisions=["责令暂时停产停业", "停止使用相关设施、设备"], issue_date=ISSUE),
        actor="文书员")
    dd = docs.content(session, decision.id)
    assert decision.number == "（汨）应急现决〔2026〕1号"
    assert [h.text for h in dd.hazards] == ["液氨储罐区未设置可燃气体报警装置"]
    assert dd.decisions == ("责令暂时停产停业", "停止使用相关设施、设备")
    assert dd.appeal_clause.startswith("如不服本决定") and dd.inspection_date == DAY

    seizure = docs.issue(session, DraftInput(
        kind=DocumentKind.SEIZURE_DECISION, enterprise_id=w.firm, refers_to_id=rec.id, officer_ids=w.officers,
        hazard_ids=[w.hazards[1]], seized=[SeizedItem("燃料油", quantity=114, unit="吨", place="1号罐区")],
        seizure_from=date(2026, 6, 11), summary="储存场所不符合安全要求", issue_date=ISSUE), actor="文书员")
    sd = docs.content(session, seizure.id)
    assert seizure.number == "（汨）应急查扣〔2026〕1号"
    assert sd.seized[0].quantity == "114" and sd.seizure_days == 30 and sd.seizure_reason == "储存场所不符合安全要求"
    assert "第六十五条第一款第（四）项" in sd.legal_basis

    # The re-inspection visit decides items 1 and 3 of the order (ReinspectionItem rows written directly).
    rvisit, _rstop = f.visit_with_stop(session, w.firm, kind="reinspection", day=date(2026, 6, 25))
    session.add_all([
        ReinspectionItem(visit_id=rvisit, hazard_id=w.hazards[0], outcome=ReinspectionOutcome.RECTIFIED,
                         decided_at=datetime(2026, 6, 25, 3)),
        ReinspectionItem(visit_id=rvisit, hazard_id=w.hazards[2], outcome=ReinspectionOutcome.PARTIAL,
                         new_deadline=date(2026, 7, 10), note="杂物已清理一半", decided_at=datetime(2026, 6, 25, 3)),
        ReinspectionItem(visit_id=rvisit, hazard_id=w.hazards[1], outcome=None),  # not decided yet: not printed
    ])
    session.flush()
    opinion = docs.issue(session, DraftInput(
        kind=DocumentKind.REINSPECTION_OPINION, enterprise_id=w.firm, visit_id=rvisit, refers_to_id=order.id,
        officer_ids=w.officers, issue_date=date(2026, 6, 26)), actor="文书员")
    pd = docs.content(session, opinion.id)
    assert opinion.number == "（汨）应急复查〔2026〕1号" and opinion.visit_id == rvisit
    assert [(line.seq, line.outcome, line.new_deadline) for line in pd.review_lines] == [
        (1, "已整改", None), (3, "部分整改", date(2026, 7, 10))]  # numbered as in the order
    assert (pd.refers_to_title, pd.refers_to_number, pd.refers_to_date) == (
        "责令限期整改指令书", order.number, ISSUE)
    assert pd.inspection_date == date(2026, 6, 25)

    for row in (rec, order, decision, seizure, opinion):
        pdf = docs.pdf_bytes(session, row.id)
        assert hashlib.sha256(pdf).hexdigest() == row.sha256
        reader = PdfReader(io.BytesIO(pdf))
        assert len(reader.pages) == row.pages >= 1
        body = pdf_text(pdf)
        assert row.number in body, row.kind
        assert w.firm_name in body, row.kind
        assert "草稿" not in body
    audit = session.execute(select(AuditEntry.action, AuditEntry.detail).where(
        AuditEntry.entity == "document")).all()
    assert [a for a, _ in audit].count("issue") == 5
    assert {d["number"] for _, d in audit} == {r.number for r in (rec, order, decision, seizure, opinion)}


def test_a_preview_has_no_number_and_a_draft_watermark(session) -> None:  # type: ignore[no-untyped-def]
    w = world(session)
    data = docs.build(session, record_draft(w))
    assert data.number is None and data.verify_payload is None
    body = pdf_text(docs.preview(session, record_draft(w)))
    assert "草稿" in body and "应急检记" not in body
    assert session.execute(select(Document)).first() is None  # a preview stores nothing
    assert session.execute(select(DocumentCounter)).first() is None


def test_the_qr_payload_names_the_number_the_content_hash_and_the_document(session) -> None:  # type: ignore[no-untyped-def]
    w = world(session)
    rec = docs.issue(session, record_draft(w), actor="文书员")
    data = docs.content(session, rec.id)
    number, chash, doc_id = docs.parse_payload(data.verify_payload)
    assert (number, doc_id) == (rec.number, rec.id)
    assert chash == document_data.content_hash(document_data.from_json(
        {**document_data.to_json(data), "verify_payload": None}))
    assert docs.payload_from_pdf(docs.pdf_bytes(session, rec.id)) == data.verify_payload


def test_rare_characters_are_issued_and_reported(session) -> None:  # type: ignore[no-untyped-def]
    from models.fonts import missing_glyphs

    w = world(session)
    name = "汨罗市𠮷䶮化工有限公司"
    firm = session.get(Enterprise, w.firm)
    firm.name = name
    session.flush()
    lacking = missing_glyphs(name)
    result = docs.render_preview(session, record_draft(w))
    assert set(lacking) <= set(result.missing)
    row = docs.issue(session, record_draft(w), actor="a")
    assert row.enterprise_name == name and docs.content(session, row.id).enterprise_name == name
    detail = session.execute(select(AuditEntry.detail).where(AuditEntry.entity_id == row.id)).scalar_one()
    assert set(lacking) <= set(detail["missing_glyphs"])
    assert docs.verify(session, docs.pdf_bytes(session, row.id)).status == "match"


# ------------------------------------------------------------------------------------------------ numbers


def test_numbers_run_per_kind_and_year_from_one(session) -> None:  # type: ignore[no-untyped-def]
    w = world(session)
    records = [docs.issue(session, record_draft(w), actor="a") for _ in range(3)]
    assert [r.seq for r in records] == [1, 2, 3]
    assert records[2].number == "（汨）应急检记〔2026〕3号"
    order = docs.issue(session, order_draft(w, records[0].id), actor="a")
    assert order.seq == 1  # its own counter
    new_year = docs.issue(session, record_draft(w, issue_date=date(2027, 1, 4)), actor="a")
    assert (new_year.year, new_year.seq, new_year.number) == (2027, 1, "（汨）应急检记〔2027〕1号")
    assert docs.issue(session, record_draft(w), actor="a").seq == 4  # 2026 goes on


def test_the_number_follows_the_settings(session) -> None:  # type: ignore[no-untyped-def]
    w = world(session)
    settings.put(session, "county_abbr", "罗")
    settings.put(session, "doc_office_codes", {**settings.DEFAULTS["doc_office_codes"], "inspection_record": "应急检"})
    settings.put(session, "doc_court", "岳阳市岳阳楼区人民法院")
    rec = docs.issue(session, record_draft(w), actor="a")
    assert rec.number == "（罗）应急检〔2026〕1号"
    od = docs.build(session, order_draft(w, rec.id))
    assert "向岳阳市岳阳楼区人民法院提起行政诉讼" in od.appeal_clause


def test_a_failed_issue_gives_its_number_back(session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    w = world(session)
    docs.issue(session, record_draft(w), actor="a")
    from models.services import document_pdf

    real = document_pdf.render

    def broken(data):  # type: ignore[no-untyped-def]
        raise RuntimeError("printer on fire")

    monkeypatch.setattr(document_pdf, "render", broken)
    with pytest.raises(RuntimeError):
        docs.issue(session, record_draft(w), actor="a")
    monkeypatch.setattr(document_pdf, "render", real)
    # The caller's transaction goes on (the number was taken in a savepoint) and the next document gets 2.
    assert docs.issue(session, record_draft(w), actor="a").seq == 2
    assert session.get(DocumentCounter, (DocumentKind.INSPECTION_RECORD, 2026)).last_seq == 2


def test_shared_visit_number(session) -> None:  # type: ignore[no-untyped-def]
    w = world(session)
    settings.put(session, "doc_share_visit_number", True)
    docs.issue(session, record_draft(w), actor="a")  # n = 1 (another visit, say)
    rec = docs.issue(session, record_draft(w), actor="a")  # n = 2
    order = docs.issue(session, order_draft(w, rec.id), actor="a")
    assert order.number == "（汨）应急责改〔2026〕2号"
    with pytest.raises(ServiceError, match="共用现场检查记录的编号.*（汨）应急责改〔2026〕2号已经出具"):
        docs.issue(session, order_draft(w, rec.id), actor="a")
    fixed = docs.correct(session, order.id, "期限写错", order_draft(w, rec.id), actor="a")
    assert fixed.number == "（汨）应急责改〔2026〕3号"  # a correction takes a fresh number; 2 stays with the void one


# ------------------------------------------------------------------------------------------------ refers-to


def _messages(exc: pytest.ExceptionInfo) -> str:
    return str(exc.value)


def test_what_a_document_must_refer_to(session) -> None:  # type: ignore[no-untyped-def]
    w = world(session)
    with pytest.raises(ValidationFailed, match="须引用本单位已出具的现场检查记录") as exc:
        docs.build(session, order_draft(w, None))
    assert exc.value.errors[0].field == "refers_to_id"
    rec = docs.issue(session, record_draft(w), actor="a")
    order = docs.issue(session, order_draft(w, rec.id), actor="a")
    with pytest.raises(ValidationFailed, match="须引用现场检查记录，不能引用责令限期整改指令书"):
        docs.build(session, order_draft(w, order.id))
    opinion = DraftInput(kind=DocumentKind.REINSPECTION_OPINION, enterprise_id=w.firm, refers_to_id=rec.id,
                         officer_ids=w.officers, issue_date=ISSUE)
    with pytest.raises(ValidationFailed, match="整改复查意见书须引用责令限期整改指令书或现场处理措施决定书"):
        docs.build(session, opinion)
    # Another firm's record.
    other = DraftInput(kind=DocumentKind.RECTIFICATION_ORDER, enterprise_id=w.other_firm, refers_to_id=rec.id,
                       officer_ids=w.officers, issue_date=ISSUE)
    with pytest.raises(ValidationFailed, match="不是“汨罗市新市烟花有限公司”的文书"):
        docs.build(session, other)
    # A voided record cannot be referred to; sources() no longer offers it.
    assert {r.id for r in docs.sources(session, w.firm)} == {rec.id, order.id}
    docs.void(session, rec.id, "检查人员写错", actor="a")
    with pytest.raises(ValidationFailed, match="已作废，请引用有效的文书"):
        docs.build(session, order_draft(w, rec.id))
    assert [r.id for r in docs.sources(session, w.firm)] == [order.id]
    # An opinion needs decided re-inspection items.
    with pytest.raises(ValidationFailed, match="没有已作出复查结论的隐患"):
        docs.build(session, DraftInput(kind=DocumentKind.REINSPECTION_OPINION, enterprise_id=w.firm,
                                       refers_to_id=order.id, officer_ids=w.officers, issue_date=ISSUE))


def test_officers_hazards_and_decisions_are_checked(session) -> None:  # type: ignore[no-untyped-def]
    w = world(session)
    with pytest.raises(ValidationFailed, match="须选择两名执法人员（现在 1 名）"):
        docs.build(session, DraftInput(kind=DocumentKind.INSPECTION_RECORD, enterprise_id=w.firm, stop_id=w.stop,
                                       officer_ids=[w.officers[0]], issue_date=ISSUE))
    with pytest.raises(ValidationFailed, match="赵五.*执法证已于2026-01-31到期"):
        docs.build(session, DraftInput(kind=DocumentKind.INSPECTION_RECORD, enterprise_id=w.firm, stop_id=w.stop,
                                       officer_ids=[w.officers[0], w.expired_officer], issue_date=ISSUE))
    rec = docs.issue(session, record_draft(w), actor="a")
    with pytest.raises(ValidationFailed, match="第1项隐患的整改期限（2026-06-01）早于文书日期"):
        docs.build(session, order_draft(w, rec.id, deadlines={w.hazards[0]: date(2026, 6, 1)}))
    with pytest.raises(ValidationFailed, match="没有需要限期整改的隐患"):
        docs.build(session, order_draft(w, rec.id, hazard_ids=[]))
    with pytest.raises(ValidationFailed, match="请填写现场处理决定"):
        docs.build(session, DraftInput(kind=DocumentKind.ONSITE_DECISION, enterprise_id=w.firm, refers_to_id=rec.id,
                                       officer_ids=w.officers, issue_date=ISSUE))
    with pytest.raises(ValidationFailed, match="须列明查封、扣押的场所、设施或者财物"):
        docs.build(session, DraftInput(kind=DocumentKind.SEIZURE_DECISION, enterprise_id=w.firm, refers_to_id=rec.id,
                                       officer_ids=w.officers, summary="理由", issue_date=ISSUE))
    # Hazards rectified on the spot or closed are not ordered again.
    from models.entities import Hazard as _Hazard

    for hid in w.hazards[:2]:
        h = session.get(_Hazard, hid)
        if h.severity == "major":  # a major hazard is never rectified on the spot: this one was closed
            h.status, h.closed_on = "closed", ISSUE
            session.flush()
        else:
            inspection.update_hazard(session, hid, "rectified_on_site", True)
    od = docs.build(session, order_draft(w, rec.id))
    assert [h.text for h in od.hazards] == ["配电箱前堆放杂物"]
    assert od.legal_basis == "《中华人民共和国安全生产法》第六十五条第一款第（二）项"  # no major hazard left


# ------------------------------------------------------------------------------------------------ void, correct


def test_void_keeps_the_document_and_its_number(session) -> None:  # type: ignore[no-untyped-def]
    w = world(session)
    first = docs.issue(session, record_draft(w), actor="a")
    with pytest.raises(ValidationFailed, match="作废文书须写明原因"):
        docs.void(session, first.id, "  ", actor="b")
    docs.void(session, first.id, "被检查单位名称有误", actor="b")
    (row,) = docs.documents(session, enterprise_id=w.firm)
    assert (row.status, row.void_reason, row.voided_by, row.number) == (
        DocumentStatus.VOID, "被检查单位名称有误", "b", first.number)
    assert docs.pdf_bytes(session, first.id)  # the paper stays in the archive
    assert docs.documents(session, enterprise_id=w.firm, include_void=False) == []
    with pytest.raises(ServiceError, match="已于.*作废"):
        docs.void(session, first.id, "again", actor="b")
    assert docs.issue(session, record_draft(w), actor="a").seq == 2  # 1 is never given again


def test_correct_voids_and_issues_a_replacement(session) -> None:  # type: ignore[no-untyped-def]
    w = world(session)
    rec = docs.issue(session, record_draft(w), actor="a")
    order = docs.issue(session, order_draft(w, rec.id), actor="a")
    new = docs.correct(session, order.id, "整改期限有误", order_draft(w, rec.id, deadlines={
        w.hazards[0]: date(2026, 7, 1)}), actor="b")
    assert (new.seq, new.replaces_id, new.status) == (2, order.id, DocumentStatus.ISSUED)
    old = next(r for r in docs.documents(session, kind=DocumentKind.RECTIFICATION_ORDER) if r.id == order.id)
    assert (old.status, old.replaced_by_id, old.void_reason) == (DocumentStatus.VOID, new.id, "整改期限有误")
    assert docs.content(session, new.id).hazards[0].deadline == date(2026, 7, 1)
    with pytest.raises(ValidationFailed, match="更正后的文书应仍为责令限期整改指令书"):
        docs.correct(session, new.id, "x", record_draft(w), actor="b")
    assert session.get(Document, new.id).status == DocumentStatus.ISSUED  # the refused correction changed nothing


def test_documents_filters(session) -> None:  # type: ignore[no-untyped-def]
    w = world(session)
    rec = docs.issue(session, record_draft(w), actor="a")
    order = docs.issue(session, order_draft(w, rec.id), actor="a")
    assert {r.id for r in docs.documents(session, visit_id=w.visit)} == {rec.id, order.id}
    assert [r.id for r in docs.documents(session, kind=DocumentKind.RECTIFICATION_ORDER)] == [order.id]
    assert docs.documents(session, enterprise_id=w.other_firm) == []
    assert {r.id for r in docs.documents(session, day=date.today())} == {rec.id, order.id}
    assert docs.documents(session, day=date(2020, 1, 1)) == []


# ------------------------------------------------------------------------------------------------ verify, export


def test_verify(session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    w = world(session)
    rec = docs.issue(session, record_draft(w), actor="文书员")
    pdf = docs.pdf_bytes(session, rec.id)
    v = docs.verify(session, pdf)
    assert (v.ok, v.status, v.document.id) == (True, "match", rec.id)
    assert rec.number in v.message and "一致" in v.message

    # One byte of page 1's content stream changed; bytes appended after %%EOF: both refused as tampered.
    contents = PdfReader(io.BytesIO(pdf)).pages[0].raw_get("/Contents")
    obj = pdf.index(f"\n{contents.idnum} 0 obj".encode())
    start = pdf.index(b"stream", obj) + len(b"stream\n")
    flipped = pdf[:start + 20] + bytes([pdf[start + 20] ^ 0x01]) + pdf[start + 21:]
    for bad in (flipped, pdf + b"\n% appended\n"):
        v = docs.verify(session, bad)
        assert (v.ok, v.status, v.document.id) == (False, "tampered", rec.id)
        assert "不一致" in v.message and rec.number in v.message

    order = docs.issue(session, order_draft(w, rec.id), actor="a")
    old_pdf = docs.pdf_bytes(session, order.id)
    new = docs.correct(session, order.id, "期限写错", order_draft(w, rec.id), actor="a")
    v = docs.verify(session, old_pdf)
    assert (v.ok, v.status) == (False, "void")
    assert "作废" in v.message and "期限写错" in v.message and new.number in v.message

    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(100, 700, "Some other PDF")
    c.save()
    v = docs.verify(session, buf.getvalue())
    assert (v.ok, v.status, v.document) == (False, "unknown", None)
    assert "不是本系统出具" in v.message
    assert docs.verify(session, b"hello").status == "unknown"


def test_export_one_file_or_a_folder(session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    w = world(session)
    rec = docs.issue(session, record_draft(w), actor="a")
    order = docs.issue(session, order_draft(w, rec.id), actor="a")
    docs.void(session, rec.id, "重开", actor="a")
    (merged,) = docs.export(session, [rec.id, order.id], tmp_path / "out" / "当日文书.pdf", one_file=True)
    assert len(PdfReader(merged).pages) == rec.pages + order.pages
    files = docs.export(session, [rec.id, order.id], tmp_path / "folder", one_file=False)
    assert [p.name for p in files] == ["（汨）应急检记〔2026〕1号（作废）.pdf", "（汨）应急责改〔2026〕1号.pdf"]
    assert docs.verify(session, files[1].read_bytes()).status == "match"  # the exported bytes are the archived ones
    assert docs.verify(session, files[0].read_bytes()).status == "void"


def test_tijian_verify_command(db_url, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(db_url)
    with session_scope(make_session_factory(engine)) as s:
        w = world(s)
        rec = docs.issue(s, record_draft(w), actor="a")
        pdf = docs.pdf_bytes(s, rec.id)
    engine.dispose()
    good = tmp_path / "good.pdf"
    good.write_bytes(pdf)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(pdf + b"x")
    from desktop.cli import main

    assert main(["verify", str(good), "--db", db_url]) == 0
    assert "与档案一致" in capsys.readouterr().out
    assert main(["--db", db_url, "verify", str(bad)]) == 1
    assert "可能已被修改" in capsys.readouterr().out
    assert main(["verify", str(tmp_path / "missing.pdf"), "--db", db_url]) == 1
    assert "找不到文件" in capsys.readouterr().err


# ------------------------------------------------------------------------------------------------ concurrency


@pytest.mark.slow
def test_two_processes_issuing_at_once_get_consecutive_numbers(db_url) -> None:  # type: ignore[no-untyped-def]
    """Two clerks (OS processes) issue 200 orders each at the same moment: 400 distinct numbers 1..400."""
    engine = make_engine(db_url)
    with session_scope(make_session_factory(engine)) as s:
        w = world(s)
        rec = docs.issue(s, record_draft(w), actor="a")
    engine.dispose()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    args = [db_url, str(w.firm), str(rec.id), str(w.officers[0]), str(w.officers[1]), "200"]
    children = [subprocess.Popen([sys.executable, "-m", "tests.doc_issue_child", *args], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
                for _ in range(2)]
    try:
        for c in children:
            assert c.stdout.readline().strip() == "READY", c.stderr.read()
        for c in children:
            c.stdin.write("go\n")
            c.stdin.flush()
        results = []
        for c in children:
            out, err = c.communicate(timeout=300)
            assert c.returncode == 0, err
            results.append(json.loads(out.strip().splitlines()[-1]))
    finally:
        for c in children:
            if c.poll() is None:
                c.kill()
    a, b = results
    assert a["started"] < b["finished"] and b["started"] < a["finished"]  # they really ran at the same time
    assert len(a["seqs"]) == len(b["seqs"]) == 200
    assert sorted(a["seqs"] + b["seqs"]) == list(range(1, 401))
    engine = make_engine(db_url)
    with session_scope(make_session_factory(engine)) as s:
        rows = s.execute(select(Document.seq, Document.number).where(
            Document.kind == DocumentKind.RECTIFICATION_ORDER)).all()
        assert sorted(r.seq for r in rows) == list(range(1, 401))
        assert len({r.number for r in rows}) == 400
        assert s.get(DocumentCounter, (DocumentKind.RECTIFICATION_ORDER, 2026)).last_seq == 400
    engine.dispose()



def test_county_wording_settings_are_forgiving_and_a_broken_one_is_explained(session):
    """A court typed as the place only gets 人民法院; a broken placeholder is a Chinese message, not a crash."""
    from models.services import documents as docs
    from models.services import settings as settings_svc
    from models.services.errors import ServiceError

    settings_svc.put(session, "doc_court", "湘阴县")
    assert "向湘阴县人民法院提起行政诉讼" in docs.appeal_clause(session, "rectification_order")
    settings_svc.put(session, "doc_court", "湘阴县人民法院")
    assert "向湘阴县人民法院提起" in docs.appeal_clause(session, "rectification_order")
    settings_svc.put(session, "doc_appeal_clause", "如不服本{act，可以向{review_body}申请")
    with pytest.raises(ServiceError, match="doc_appeal_clause"):
        docs.appeal_clause(session, "rectification_order")
