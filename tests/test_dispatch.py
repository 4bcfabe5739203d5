"""Dispatch sheet (派工单) PDF and per-person .ics (models/services/dispatch.py): data on both databases, the PDF
read back with pdfplumber/pypdf, the calendar parsed back by a small RFC 5545 reader."""

from __future__ import annotations

import io
import re
import uuid
from datetime import date

import pdfplumber
import pypdf
import pytest

from models.db import session_scope
from models.entities import (
    ChecklistTemplate,
    Enterprise,
    EnterpriseContact,
    Expert,
    Officer,
    Specialty,
    Supervisor,
    Visit,
    VisitChecklist,
    VisitMember,
    VisitStop,
)
from models.enums import MemberRole, VisitKind, VisitStatus
from models.services import dispatch as svc
from tests import factories as f

DAY = date(2026, 6, 15)  # a Monday
AGENCY = "汨罗市应急管理局"
MM = 72 / 25.4
LEFT = 28 * MM


# --------------------------------------------------------------------------------------------------- builders


def _firm(s, n: int, **kw) -> uuid.UUID:  # type: ignore[no-untyped-def]
    e = Enterprise(name=kw.pop("name", f"汨罗市测试{n}号化工有限公司"), uscc=f.code(n), sector="危险化学品",
                   address=kw.pop("address", f"归义镇工业园{n}号"), legal_rep=kw.pop("legal_rep", f"王{n}"),
                   legal_rep_phone=kw.pop("legal_rep_phone", f"1380013{n:04d}"), **kw)
    s.add(e)
    s.flush()
    return e.id


def _visit(s, firms, *, day=DAY, officers=(), experts=(), observers=(), refused=(), **kw) -> uuid.UUID:  # type: ignore[no-untyped-def]
    v = Visit(kind=kw.pop("kind", VisitKind.INSPECTION_EXPERT), day=day, status=kw.pop("status", VisitStatus.SCHEDULED),
              purpose=kw.pop("purpose", "汛期危险化学品安全检查"), **kw)
    s.add(v)
    s.flush()
    for i, fid in enumerate(firms):
        s.add(VisitStop(visit_id=v.id, enterprise_id=fid, seq=i + 1))
    for oid in officers:
        s.add(VisitMember(visit_id=v.id, role=MemberRole.OFFICER, officer_id=oid))
    for eid in experts:
        s.add(VisitMember(visit_id=v.id, role=MemberRole.EXPERT, expert_id=eid))
    for eid in refused:
        s.add(VisitMember(visit_id=v.id, role=MemberRole.EXPERT, expert_id=eid, refused=True))
    for sid in observers:
        s.add(VisitMember(visit_id=v.id, role=MemberRole.OBSERVER, supervisor_id=sid))
    s.flush()
    return v.id


@pytest.fixture
def world(factory):  # type: ignore[no-untyped-def]
    """Two officers, two experts (one refuses), an observer, three firms and a checklist."""
    with session_scope(factory) as s:
        chem = Specialty(name="危险化学品", sectors=["危险化学品"], sort_order=1)
        fire = Specialty(name="消防", sectors=[], sort_order=2)
        s.add_all([chem, fire])
        s.flush()
        o1 = Officer(name="张伟", department="汨罗市应急管理局执法大队", certificate_no="43068120001")
        o2 = Officer(name="李娜", department="汨罗市应急管理局危化股", certificate_no="43068120002")
        e1 = Expert(name="赵建国", employer="湖南岳安安全科技有限公司", title="高级工程师", specialties=[chem, fire])
        e2 = Expert(name="钱多多", employer="拒绝单位", specialties=[chem])
        sup = Supervisor(name="孙红", affiliation="市人大代表", phone="13900001111")
        s.add_all([o1, o2, e1, e2, sup])
        s.flush()
        firms = [_firm(s, 1, address="归义镇工业园1号，A栋；北门"), _firm(s, 2), _firm(s, 3)]
        s.add(EnterpriseContact(enterprise_id=firms[0], name="周安全", role="安全员", phone="13700002222"))
        tpl = ChecklistTemplate(code="WHP-01", name="危险化学品企业安全检查表")
        s.add(tpl)
        s.flush()
        # Route order 3, 1, 2 on purpose: the sheet follows seq, not creation.
        vid = _visit(s, [firms[2], firms[0], firms[1]], officers=[o1.id, o2.id], experts=[e1.id], refused=[e2.id],
                     observers=[sup.id], part_of_day="am", start_time="09:00", end_time="11:30")
        s.add(VisitChecklist(visit_id=vid, template_id=tpl.id))
        # A later pm visit without times, an earlier one, a cancelled one and one on another day.
        pm = _visit(s, [firms[1]], officers=[o1.id], part_of_day="pm", kind=VisitKind.REINSPECTION)
        early = _visit(s, [firms[2]], experts=[e1.id], part_of_day="am", start_time="08:00")
        cancelled = _visit(s, [firms[0]], officers=[o1.id], status=VisitStatus.CANCELLED, start_time="07:00")
        other = _visit(s, [firms[0]], officers=[o1.id], day=date(2026, 6, 20), status=VisitStatus.PLANNED)
        ids = dict(o1=o1.id, o2=o2.id, e1=e1.id, e2=e2.id, sup=sup.id, visit=vid, pm=pm, early=early,
                   cancelled=cancelled, other=other, firms=firms)
    return ids


def _pdf(factory, visit_ids, **kw) -> bytes:  # type: ignore[no-untyped-def]
    with session_scope(factory) as s:
        data = svc.dispatch_data(s, visit_ids)
    return svc.dispatch_pdf(data, AGENCY, **kw)


def _pages(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [p.extract_text() or "" for p in doc.pages]


def _flat(text: str) -> str:
    return "".join(text.split())


def _column(pdf: bytes, x0_mm: float, x1_mm: float, header: str = "") -> str:
    """Text inside a vertical band of the text area (x from the left margin, in mm), all pages, no whitespace.
    With ``header`` (the column's table header): on later pages only what follows the repeated header, and without
    the footer, so that a cell split over a page break reads as one."""
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for n, p in enumerate(doc.pages):
            band = p.crop((LEFT + x0_mm * MM, 0, LEFT + x1_mm * MM, p.height), strict=False)
            text = _flat(band.extract_text() or "")
            if header:
                if n > 0 and header in text:
                    text = text.split(header, 1)[1]
                text = re.sub(r"共\d+页第\d+页$", "", text)
            out.append(text)
    return "".join(out)


# --------------------------------------------------------------------------------------------------- data


def test_visits_of_day_in_time_order_without_cancelled(factory, world):
    with session_scope(factory) as s:
        assert svc.visits_of_day(s, DAY) == [world["early"], world["visit"], world["pm"]]
        assert svc.visits_of_day(s, date(2026, 6, 20)) == [world["other"]]
        assert svc.visits_of_day(s, date(2026, 6, 21)) == []


def test_dispatch_data(factory, world):
    with session_scope(factory) as s:
        (v,) = svc.dispatch_data(s, [world["visit"]])
        assert svc.dispatch_data(s, []) == []
        with pytest.raises(svc.NotFound):
            svc.dispatch_data(s, [uuid.uuid4()])
    assert v.kind_label == "检查+专家" and v.day == DAY and v.span_label == "上午 09:00至11:30"
    assert v.purpose == "汛期危险化学品安全检查" and v.status_label == "已排定"
    assert [o.name for o in v.officers] == ["李娜", "张伟"]  # pinyin order
    assert v.officers[1].certificate_no == "43068120001" and "执法大队" in v.officers[1].department
    assert [(e.name, e.employer, e.fields) for e in v.experts] == [
        ("赵建国", "湖南岳安安全科技有限公司", ("危险化学品", "消防"))]  # the refusing expert is not on the team
    assert [(o.name, o.affiliation) for o in v.observers] == [("孙红", "市人大代表")]
    assert [fm.enterprise_id for fm in v.firms] == [world["firms"][2], world["firms"][0], world["firms"][1]]
    assert [fm.seq for fm in v.firms] == [1, 2, 3]
    second = v.firms[1]
    assert second.legal_rep == "王1" and second.legal_rep_phone == "13800130001"
    assert [(c.role, c.name, c.phone) for c in second.contacts] == [
        ("法定代表人", "王1", "13800130001"), ("安全员", "周安全", "13700002222")]
    assert v.checklists == ("危险化学品企业安全检查表",)
    with session_scope(factory) as s:
        (pm,) = svc.dispatch_data(s, [world["pm"]])
    assert pm.checklists == () and pm.span_label == "下午" and pm.kind_label == "复查" and pm.experts == ()


# --------------------------------------------------------------------------------------------------- PDF


def test_pdf_reads_back_team_firms_and_embeds_the_font(factory, world):
    with session_scope(factory) as s:
        ids = svc.visits_of_day(s, DAY)
    pdf = _pdf(factory, ids, title_day=DAY)
    pages = _pages(pdf)
    text = _flat("".join(pages))
    assert pages[0].lstrip().startswith("派工单")
    assert AGENCY in text and "2026年6月15日（星期一）" in text
    assert "检查+专家" in text and "上午09:00至11:30" in text and "复查" in text
    assert "事由和目的：汛期危险化学品安全检查" in text and "检查表：危险化学品企业安全检查表" in text
    assert "检查表：无" in text
    # Every officer with certificate number, every expert with employer; the refusing expert is absent.
    team_names, team_units, team_ids = _column(pdf, 18, 38), _column(pdf, 38, 84), _column(pdf, 84, 128)
    for name, cert in [("张伟", "43068120001"), ("李娜", "43068120002")]:
        assert name in team_names and f"执法证号：{cert}" in team_ids
    assert "赵建国" in team_names and "湖南岳安安全科技有限公司（高级工程师）" in team_units
    assert "专业：危险化学品、消防" in team_ids
    assert "孙红" in team_names and "市人大代表" in team_units and "13900001111" in text
    assert "钱多多" not in text and "拒绝单位" not in text
    # Every firm with name, address and phone, in their columns.
    names, addresses, contacts = _column(pdf, 11, 56), _column(pdf, 56, 106), _column(pdf, 106, 156)
    for n in (1, 2, 3):
        assert f"汨罗市测试{n}号化工有限公司" in names
        assert f"1380013{n:04d}" in contacts and f"法定代表人：王{n}" in contacts
    assert "归义镇工业园1号，A栋；北门" in addresses and "归义镇工业园2号" in addresses
    assert "安全员：周安全13700002222" in contacts
    for m, page in enumerate(pages, start=1):
        assert f"共{len(pages)}页第{m}页" in _flat(page)
    # The CJK font is embedded (TrueType subset: FontFile2); Latin runs use the standard Helvetica.
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    fonts = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            fonts[str(font["/BaseFont"])] = font
    cjk = [font for name, font in fonts.items() if svc.LATIN_FONT not in name]
    assert cjk and all("/FontFile2" in font["/FontDescriptor"] for font in cjk)
    assert any(svc.LATIN_FONT in name for name in fonts)


def test_long_route_flows_over_pages_with_page_numbers(factory):
    with session_scope(factory) as s:
        firms = [_firm(s, n, address=f"汨罗市归义镇工业园区芙蓉北路{n}号综合楼东侧仓储区第{n}栋（靠近汨罗江大堤）")
                 for n in range(1, 31)]
        for fid in firms:
            s.add(EnterpriseContact(enterprise_id=fid, name="周安全", role="安全员", phone="13700002222"))
        o = Officer(name="张伟", department="执法大队", certificate_no="43068120001")
        s.add(o)
        s.flush()
        vid = _visit(s, firms, officers=[o.id])
    pdf = _pdf(factory, [vid])
    pages = _pages(pdf)
    total = len(pages)
    assert total >= 3
    for m, page in enumerate(pages, start=1):
        assert f"共{total}页第{m}页" in _flat(page)
        if m > 1:
            assert "派工单（续）" in _flat(page) and "序号" in page  # running head, repeated table header
    names = _column(pdf, 11, 56, header="被检查单位")
    addresses = _column(pdf, 56, 106, header="地址")
    for n in range(1, 31):
        assert f"汨罗市测试{n}号化工有限公司" in names
        assert f"汨罗市归义镇工业园区芙蓉北路{n}号综合楼东侧仓储区第{n}栋（靠近汨罗江大堤）" in addresses
    # Nothing printed outside the text area (left 28 mm, right 26 mm; body between 37 mm and 35 mm margins).
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for p in doc.pages:
            for ch in p.chars:
                assert LEFT - 0.5 <= ch["x0"] and ch["x1"] <= p.width - 26 * MM + 0.5
                assert ch["top"] >= 37 * MM - 14 * MM  # running head inside the top margin, below 23 mm
                assert ch["bottom"] <= p.height - 35 * MM + 16 * MM  # footer inside the bottom margin
    # The seq column: 1 … 30 once each.
    seqs = _column(pdf, 0, 11)
    for n in range(1, 31):
        assert str(n) in seqs


def _crafted(**kw) -> svc.DispatchVisit:  # type: ignore[no-untyped-def]
    firm = svc.RouteFirm(1, uuid.uuid4(), kw.pop("firm", "测试化工有限公司"), kw.pop("address", "归义镇1号"), "",
                         "王五", "13800138000", (svc.FirmContact("法定代表人", "王五", "13800138000"),))
    base = dict(visit_id=uuid.uuid4(), kind="special", kind_label="专项检查", status="scheduled",
                status_label="已排定", day=DAY, part_of_day="full", start_time=None, end_time=None, span_label="全天",
                purpose="", notes="", officers=(svc.TeamOfficer("张伟", "执法大队", "43068120001", ""),),
                experts=(), observers=(), firms=(firm,), checklists=(), version=1,
                updated_at=svc.datetime(2026, 6, 1, 8, 0))
    base.update(kw)
    return svc.DispatchVisit(**base)


def test_long_address_wraps_inside_its_column():
    address = "湖南省岳阳市汨罗市归义镇工业园区" * 8 + "第123号"
    pdf = svc.dispatch_pdf([_crafted(address=address)], AGENCY)
    assert address in _column(pdf, 56, 106)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        band = [c for c in page.chars if c["text"] == "湖"]
        assert len(band) == 8 and all(LEFT + 56 * MM <= c["x0"] and c["x1"] <= LEFT + 106 * MM for c in band)
        assert len({round(c["top"]) for c in band}) >= 3  # wrapped over several lines, not cut or overprinted


def test_missing_glyph_is_reported_not_boxed():
    data = [_crafted(firm="𠮷祥化工有限公司")]
    assert svc.missing_characters(data, AGENCY) == ["𠮷"]
    with pytest.raises(svc.MissingGlyphs) as exc:
        svc.dispatch_pdf(data, AGENCY)
    assert exc.value.chars == ["𠮷"] and "𠮷" in str(exc.value) and "𠮷祥化工有限公司" in str(exc.value)
    assert isinstance(exc.value, svc.ServiceError)
    pdf = svc.dispatch_pdf(data, AGENCY, replace_missing=True)
    text = _flat("".join(_pages(pdf)))
    assert "〓祥化工有限公司" in text and "𠮷" not in text
    # ASCII, digits and full-width punctuation are drawable (Helvetica / the CJK font).
    assert svc.missing_characters([_crafted(firm="ABC-12（汨罗）有限公司")]) == []


def test_several_days_page_per_visit_and_markup_characters():
    a = _crafted(firm="A&B <化工> 有限公司\t二厂", purpose="检查\n第二行")
    b = _crafted(day=date(2026, 6, 17), span_label="下午")
    pdf = svc.dispatch_pdf([a, b], AGENCY, page_per_visit=True)
    pages = _pages(pdf)
    text = _flat("".join(pages))
    assert len(pages) == 2 and "2026年6月15日（星期一）至2026年6月17日（星期三）" in text
    assert "A&B<化工>有限公司二厂" in _column(pdf, 11, 56) and "〓" not in text
    assert "二、专项检查2026年6月17日（星期三）下午" in _flat(pages[1])


def test_empty_day_still_makes_a_sheet():
    text = _flat("".join(_pages(svc.dispatch_pdf([], AGENCY, title_day=DAY))))
    assert "派工单" in text and "当日没有排定的检查" in text and "共1页第1页" in text


# --------------------------------------------------------------------------------------------------- iCalendar


def parse_ics(text: str) -> list[dict[str, tuple[dict[str, str], str]]]:
    """A small RFC 5545 reader: unfold, split name;params:value, unescape TEXT; returns the VEVENTs."""
    assert text.endswith("\r\n")
    raw = text.split("\r\n")[:-1]
    assert all("\n" not in line and "\r" not in line for line in raw)
    assert all(len(line.encode("utf-8")) <= 75 for line in raw)
    lines: list[str] = []
    for line in raw:
        if line.startswith((" ", "\t")):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    events, current = [], None
    for line in lines:
        head, value = line.split(":", 1)
        name, *params = head.split(";")
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            value = (value.replace("\\n", "\n").replace("\\N", "\n").replace("\\,", ",").replace("\\;", ";")
                     .replace("\\\\", "\\"))
            current[name] = (dict(p.split("=", 1) for p in params), value)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    return events


def test_ics_of_an_officer(factory, world):
    with session_scope(factory) as s:
        text = svc.person_ics(s, officer_id=world["o1"])
        again = svc.person_ics(s, officer_id=world["o1"])
        other_person = svc.person_ics(s, officer_id=world["o2"])
        june_15 = svc.person_ics(s, officer_id=world["o1"], start=DAY, end=DAY)
        with_cancelled = svc.person_ics(s, officer_id=world["o1"], include_cancelled=True)
    assert text == again  # stable: same UIDs, DTSTAMP from the visit's last change
    events = parse_ics(text)
    assert len(events) == 3  # the 09:00 visit, the pm re-inspection, the 20th; not the cancelled one
    first, pm, later = events
    assert first["DTSTART"] == ({"TZID": "Asia/Shanghai"}, "20260615T090000")
    assert first["DTEND"] == ({"TZID": "Asia/Shanghai"}, "20260615T113000")
    assert first["SUMMARY"][1] == "检查+专家：汨罗市测试3号化工有限公司等3家"
    assert first["LOCATION"][1] == "归义镇工业园3号"
    desc = first["DESCRIPTION"][1]
    assert "汨罗市测试1号化工有限公司（归义镇工业园1号，A栋；北门；法定代表人王1 13800130001" in desc
    assert "张伟（证号43068120001）" in desc and "赵建国（湖南岳安安全科技有限公司）" in desc and "孙红" in desc
    assert "钱多多" not in desc and "本人：执法人员" in desc
    assert first["STATUS"][1] == "CONFIRMED" and first["UID"][1] == f"{world['visit']}-{world['o1']}@tijian"
    assert pm["DTSTART"] == ({"VALUE": "DATE"}, "20260615") and pm["DTEND"] == ({"VALUE": "DATE"}, "20260616")
    assert pm["SUMMARY"][1] == "复查：汨罗市测试2号化工有限公司（下午）"
    assert later["DTSTART"][1] == "20260620" and later["STATUS"][1] == "TENTATIVE"
    assert all(e["DTSTAMP"][1].endswith("Z") for e in events)
    assert "BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n" in text and "X-WR-CALNAME:张伟 检查日程" in text
    # Another person: different UIDs for the same visit.
    (o2_event,) = parse_ics(other_person)
    assert o2_event["UID"][1] == f"{world['visit']}-{world['o2']}@tijian"
    assert len(parse_ics(june_15)) == 2
    cancelled = [e for e in parse_ics(with_cancelled) if e["STATUS"][1] == "CANCELLED"]
    assert len(cancelled) == 1 and cancelled[0]["UID"][1].startswith(str(world["cancelled"]))


def test_ics_of_expert_and_supervisor(factory, world):
    with session_scope(factory) as s:
        expert = parse_ics(svc.person_ics(s, expert_id=world["e1"]))
        refused = parse_ics(svc.person_ics(s, expert_id=world["e2"]))
        observer = parse_ics(svc.person_ics(s, supervisor_id=world["sup"]))
        with pytest.raises(svc.ServiceError):
            svc.person_ics(s)
        with pytest.raises(svc.ServiceError):
            svc.person_ics(s, officer_id=world["o1"], expert_id=world["e1"])
        with pytest.raises(svc.NotFound):
            svc.person_ics(s, expert_id=uuid.uuid4())
    assert [e["DTSTART"][1] for e in expert] == ["20260615T080000", "20260615T090000"]
    assert expert[0]["DTEND"][1] == "20260615T120000"  # no end time: end of the morning
    assert "本人：检查专家" in expert[0]["DESCRIPTION"][1]
    assert refused == []  # declined the assignment
    assert len(observer) == 1 and "本人：监督员" in observer[0]["DESCRIPTION"][1]


def test_ics_escaping_and_folding():
    assert svc.ics_escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "DESCRIPTION:" + "汨罗市应急管理局" * 20 + "x" * 7
    folded = svc.ics_fold(line)
    parts = folded.split("\r\n")
    assert len(parts) > 3 and all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert parts[0] + "".join(p[1:] for p in parts[1:]) == line  # no character split
