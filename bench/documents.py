"""Enforcement documents (issue 6): "One order with 10 hazards ≤ 100 ms after the first; a batch of 200 orders ≤ 20 s;
side by side with LibreOffice converting an equivalent .docx to PDF: report the ratio."

A fresh SQLite file (schema from ``ensure_current``): one chemical firm on an expert visit with **10 hazards** (2 of
them major, three deadline groups, each with its basis and measure, as an order prints them), two officers with valid
certificates, and the firm's issued 现场检查记录 the orders refer to.

Figures (median and max of RUNS runs after a first one that is reported apart — the first pays for importing
reportlab and registering the CJK font):

- ``order_10_hazards_render_ms``: ``document_pdf.render`` of the issued order (number, QR code, payload);
- ``order_10_hazards_preview_ms``: ``documents.preview`` in a new session (build from the database + draft render);
- ``order_10_hazards_issue_ms``: ``documents.issue`` in its own transaction, commit included (number taken under the
  lock, build, render, SHA-256, insert): what the clerk waits for after 出具;
- ``batch_200_orders_s``: 200 orders issued one after the other, each in its own transaction;
- ``export_200_one_file_s`` / ``export_200_folder_s``: ``documents.export`` of those 200 (merged with pypdf / one file
  each);
- ``libreoffice_docx_to_pdf_ms``: ``libreoffice --headless --convert-to pdf`` of an equivalent .docx (the same text,
  A4, the official margins, 16 pt, written by hand as WordprocessingML: python-docx is not a dependency), one process
  per document as an office would run it, with a profile folder of its own (its first start, which creates the
  profile, is reported apart); ``ratio`` = LibreOffice's median / ``order_10_hazards_issue_ms``'s median. Skipped with
  a note when ``libreoffice`` is not on PATH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import uuid
import zipfile
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from bench.common import OUT, emit, median

RUNS = 12
LO_RUNS = 5
BATCH = 200
FOLDER = OUT / "documents"

HAZARDS = [
    ("甲类仓库", "甲醇储罐区可燃气体检测报警装置未与紧急切断阀联锁", True, "《危险化学品企业安全风险隐患排查治理导则》4.2",
     "设置联锁并定期校验"),
    ("甲类仓库", "仓库内电气设备不符合防爆要求", True, "GB 50058-2014 第5.2.1条", "更换为防爆型电气设备"),
    ("装卸区", "装卸作业未设置静电接地报警装置", False, "GB 12158-2006 第6.3条", "设置静电接地报警器"),
    ("装卸区", "装卸软管未定期检测，无检测记录", False, "AQ 3036-2010", "检测软管并建立台账"),
    ("配电房", "配电箱前堆放杂物，未保持0.8米通道", False, "GB 50054-2011 第4.2.5条", "清理杂物"),
    ("厂区", "应急预案未按规定组织演练，演练记录缺失", False, "《生产安全事故应急条例》第八条", "组织演练并记录"),
    ("厂区", "特种作业人员（电工）1人证书过期", False, "《安全生产法》第三十条", "持证上岗"),
    ("办公楼", "安全生产责任制未覆盖新设岗位", False, "《安全生产法》第二十二条", "修订责任制"),
    ("动火区", "动火作业票未经审批即作业", False, "GB 30871-2022 第5.2条", "严格执行作业票审批"),
    ("消防泵房", "消防泵未定期启动试验，压力表失效", False, "GB 25201-2010 第5.3条", "更换压力表并定期试验"),
]


def _setup(url: str) -> dict[str, object]:
    from models import schema, uscc
    from models.db import make_engine, make_session_factory, session_scope
    from models.entities import Expert, Town, Village, Visit, VisitMember, VisitStop
    from models.enums import DocumentKind, Severity
    from models.services import documents, enterprises, officers
    from models.services import inspection as svc
    from models.services.enterprises import EnterpriseInput

    engine = make_engine(url)
    schema.ensure_current(engine)
    factory = make_session_factory(engine)
    day = date.today()
    with session_scope(factory) as s:
        town = Town(name="归义镇", sort_order=0)
        s.add(town)
        s.flush()
        village = Village(town_id=town.id, name="高泉社区", is_community=True)
        s.add(village)
        s.flush()
        firm = enterprises.create(s, EnterpriseInput(
            name="汨罗市归义精细化工有限公司", uscc=uscc.make("91430681" + "000000101"), sector="危险化学品",
            town_id=town.id, village_id=village.id, address="归义镇高泉社区循环经济产业园纬二路8号",
            legal_rep="周建国", legal_rep_phone="13907301234", safety_manager="李安全"))
        expert = Expert(name="张卫东", employer="岳阳市化工设计院")
        s.add(expert)
        visit = Visit(kind="inspection_expert", day=day, status="scheduled", start_time="09:00", end_time="11:30")
        s.add(visit)
        s.flush()
        stop = VisitStop(visit_id=visit.id, enterprise_id=firm, seq=0, place="甲类仓库、装卸区、配电房")
        s.add(stop)
        s.add(VisitMember(visit_id=visit.id, role="expert", expert_id=expert.id))
        s.flush()
        for k, (where, text, major, basis, measure) in enumerate(HAZARDS):
            hid = svc.add_hazard(s, stop.id, description=text, basis=basis, measure=measure,
                                 severity=Severity.MAJOR if major else Severity.GENERAL)
            svc.update_hazard(s, hid, "location", where)
            svc.update_hazard(s, hid, "deadline", day + timedelta(days=(90 if major else 15 + 15 * (k % 2))))
        o1 = officers.create_officer(s, officers.OfficerInput("陈志刚", "执法大队", "43060100612", date(2030, 12, 31)))
        o2 = officers.create_officer(s, officers.OfficerInput("易红梅", "执法大队", "43060100733", date(2030, 12, 31)))
        record = documents.issue(s, documents.DraftInput(
            kind=DocumentKind.INSPECTION_RECORD, enterprise_id=firm, stop_id=stop.id, officer_ids=[o1, o2]),
            actor="bench")
    return {"engine": engine, "factory": factory, "draft": documents.DraftInput(
        kind=DocumentKind.RECTIFICATION_ORDER, enterprise_id=firm, refers_to_id=record.id, officer_ids=[o1, o2])}


def _timed(fn) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def _series(name: str, fn, target: str, runs: int = RUNS, **extra: object) -> float:  # type: ignore[no-untyped-def]
    first = _timed(fn)
    times = [_timed(fn) for _ in range(runs)]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    emit(name, median(times), "ms", target, first_ms=round(first, 1), max_ms=round(max(times), 1), runs=runs,
         load_avg=load, **extra)
    return median(times)


# ------------------------------------------------------------------------------------------------ the .docx


def _paragraphs(data) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(style, text) of the order as printed: the same sentences as the PDF (documents.md)."""
    from models.services.document_pdf import date_text, numbers_text

    out = [("header", data.header_line), ("title", "责令限期整改指令书"), ("number", data.number or ""),
           ("plain", f"{data.enterprise_name}："), ("body", "经查，你单位存在下列问题：")]
    for h in data.hazards:
        extra = (f"（依据：{h.basis}）" if h.basis else "") + (f"整改措施：{h.measure}" if h.measure else "")
        out.append(("item", f"{h.seq}. {h.text}{extra}"))
    major = [h.seq for h in data.hazards if h.major]
    if major:
        out.append(("body", f"其中第{numbers_text(major)}项属于重大事故隐患。"))
    groups: dict[date, list[int]] = {}
    for h in data.hazards:
        groups.setdefault(h.deadline, []).append(h.seq)
    clauses = "，".join(f"对上述第{numbers_text(seqs)}项问题于{date_text(d)}前整改完毕" for d, seqs in sorted(groups.items()))
    basis = f"依据{data.legal_basis}的规定，" if data.legal_basis else ""
    out.append(("body", f"{basis}现责令你单位{clauses}，达到有关法律法规规章和标准规定的要求。由此造成事故的，依法追究有关人员的责任。"))
    out.append(("body", "整改期间，你单位应当采取措施，确保安全生产。对安全生产违法行为，将依法予以行政处罚。"))
    out.append(("body", data.appeal_clause))
    for o in data.officers:
        out.append(("plain", f"安全生产监管行政执法人员（签名）：________ 证号：{o.certificate_no}"))
    out.append(("plain", "被检查单位负责人（签名）：________"))
    out.append(("right", f"{data.agency}（印章）"))
    out.append(("right", date_text(data.issue_date)))
    out.append(("plain", data.copies_line))
    return out


def write_docx(data, path: Path) -> None:  # type: ignore[no-untyped-def]
    """A minimal WordprocessingML package: A4, margins 37/26/35/28 mm, 仿宋 16 pt body, 22 pt title."""
    sizes = {"title": 44, "header": 28}
    runs = []
    for style, text in _paragraphs(data):
        ppr = {"title": '<w:jc w:val="center"/>', "header": '<w:jc w:val="center"/>', "number": '<w:jc w:val="right"/>',
               "right": '<w:jc w:val="right"/>', "body": '<w:ind w:firstLineChars="200" w:firstLine="640"/>',
               "item": '<w:ind w:left="640" w:hanging="320"/>'}.get(style, "")
        size = sizes.get(style, 32)
        runs.append(
            f'<w:p><w:pPr><w:spacing w:line="560" w:lineRule="exact"/>{ppr}</w:pPr><w:r><w:rPr>'
            f'<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋"/>'
            f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t>'
            f'</w:r></w:p>')
    mm = 56.6929  # twips per mm
    body = "".join(runs) + (
        f'<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="{round(37 * mm)}" w:right="{round(26 * mm)}" '
        f'w:bottom="{round(35 * mm)}" w:left="{round(28 * mm)}" w:header="851" w:footer="992" w:gutter="0"/>'
        '</w:sectPr>')
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f'<w:body>{body}</w:body></w:document>')
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", document)


def _libreoffice(data, issue_ms: float) -> None:  # type: ignore[no-untyped-def]
    exe = shutil.which("libreoffice") or shutil.which("soffice")
    if exe is None:
        emit("libreoffice_docx_to_pdf_ms", 0, "ms", "report the ratio", skipped=True,
             note="LibreOffice is not installed (no libreoffice/soffice on PATH): comparison skipped")
        return
    work = Path(tempfile.mkdtemp(prefix="tijian-lo-", dir=FOLDER))
    docx = work / "order.docx"
    write_docx(data, docx)
    profile = (work / "profile").resolve().as_uri()
    cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(work),
           str(docx)]

    def convert() -> None:
        pdf = work / "order.pdf"
        pdf.unlink(missing_ok=True)
        subprocess.run(cmd, check=True, capture_output=True, timeout=180)
        if not pdf.exists():
            raise RuntimeError("LibreOffice made no PDF")

    version = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=60).stdout.strip()
    lo = _series("libreoffice_docx_to_pdf_ms", convert, "report the ratio", runs=LO_RUNS, version=version)
    emit("libreoffice_vs_issue_ratio", lo / issue_ms, "x", "report the ratio",
         note="LibreOffice median / order_10_hazards_issue_ms median")
    from pypdf import PdfReader

    emit("libreoffice_pdf_pages", len(PdfReader(work / "order.pdf").pages), "pages", "-")
    shutil.rmtree(work, ignore_errors=True)


# ------------------------------------------------------------------------------------------------ run


def run() -> None:
    from dataclasses import replace

    from models.db import session_scope
    from models.services import document_pdf, documents
    from models.services.document_data import content_hash

    FOLDER.mkdir(parents=True, exist_ok=True)
    path = FOLDER / "documents.sqlite3"
    for p in FOLDER.glob("documents.sqlite3*"):
        p.unlink()
    ids = _setup(f"sqlite:///{path}")
    factory, draft = ids["factory"], ids["draft"]

    with session_scope(factory) as s:  # type: ignore[arg-type]
        data = documents.build(s, draft)  # type: ignore[arg-type]
    data = replace(data, number="（汨）应急责改〔2026〕999号")
    data = replace(data, verify_payload=documents.payload(data.number, content_hash(data), uuid.uuid4()))
    pages = document_pdf.render(data).pages
    _series("order_10_hazards_render_ms", lambda: document_pdf.render(data), "<= 100 ms", pages=pages)

    def preview() -> None:
        with session_scope(factory) as s:  # type: ignore[arg-type]
            documents.preview(s, draft)  # type: ignore[arg-type]

    _series("order_10_hazards_preview_ms", preview, "<= 100 ms")

    issued: list = []

    def issue() -> None:
        with session_scope(factory) as s:  # type: ignore[arg-type]
            issued.append(documents.issue(s, draft, actor="bench").id)  # type: ignore[arg-type]

    issue_ms = _series("order_10_hazards_issue_ms", issue, "<= 100 ms")

    issued.clear()
    t0 = time.perf_counter()
    for _ in range(BATCH):
        issue()
    batch = time.perf_counter() - t0
    emit("batch_200_orders_s", batch, "s", "<= 20 s", per_order_ms=round(batch * 1000 / BATCH, 1))

    out = FOLDER / "export"
    shutil.rmtree(out, ignore_errors=True)
    t0 = time.perf_counter()
    with session_scope(factory) as s:  # type: ignore[arg-type]
        (merged,) = documents.export(s, issued, out / "batch.pdf", one_file=True)
    emit("export_200_one_file_s", time.perf_counter() - t0, "s", "-", mb=round(merged.stat().st_size / 1e6, 1))
    t0 = time.perf_counter()
    with session_scope(factory) as s:  # type: ignore[arg-type]
        files = documents.export(s, issued, out / "folder", one_file=False)
    emit("export_200_folder_s", time.perf_counter() - t0, "s", "-", files=len(files))
    shutil.rmtree(out, ignore_errors=True)
    with session_scope(factory) as s:  # type: ignore[arg-type]
        data = documents.content(s, issued[0])
    ids["engine"].dispose()  # type: ignore[attr-defined]
    _libreoffice(data, issue_ms)
