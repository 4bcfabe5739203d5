"""Enforcement documents as PDF (models/services/document_pdf.py) and their plain data
(models/services/document_data.py): every kind read back with pdfplumber/pypdf and checked field by field; long
lists flow over pages with right page numbers, nothing outside the margins, no line printed over another; fonts
embedded; rare characters reported; draft watermark; QR code and metadata of an issued document. No database."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from datetime import date, datetime

import pdfplumber
import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.enums import DocumentKind
from models.fonts import LATIN_FONT
from models.services import document_pdf as svc
from models.services.document_data import (
    ChecklistLine,
    DocumentData,
    ExpertRef,
    HazardLine,
    Officer,
    ReviewLine,
    SeizedItem,
    content_hash,
    from_json,
    to_json,
)
from models.services.settings import DEFAULTS

MM = 72 / 25.4
PAGE_W, PAGE_H = 595.2756, 841.8898
TOP, LEFT, RIGHT, BOTTOM = 37 * MM, 28 * MM, 26 * MM, 35 * MM
AGENCY = DEFAULTS["agency_name"]
FIRM = "汨罗市金盾化工有限公司"
NUMBER = "（汨）应急责改〔2026〕12号"
OFFICERS = (Officer("张伟", "43068120001"), Officer("李娜", "43068120002"))
ISSUED = date(2026, 11, 29)
PAYLOAD = "TJ1|（汨）应急责改〔2026〕12号|" + "0123456789abcdef" * 4
OFFICER_LINE = "安全生产监管行政执法人员（签名）：________证号：{}"


def appeal(act: str) -> str:
    return DEFAULTS["doc_appeal_clause"].format(act=act, review_body=DEFAULTS["doc_review_body"],
                                                court=DEFAULTS["doc_court"] or "人民法院")


COPIES = DEFAULTS["doc_copies_line"].format(agency=AGENCY)


def base(kind: str, **kw) -> DocumentData:  # type: ignore[no-untyped-def]
    values = dict(kind=kind, number=NUMBER, agency=AGENCY, header_line=DEFAULTS["doc_header_line"],
                  enterprise_name=FIRM, officers=OFFICERS, issue_date=ISSUED, copies_line=COPIES,
                  verify_payload=PAYLOAD)
    values.update(kw)
    return DocumentData(**values)


def order(n: int = 5, **kw) -> DocumentData:  # type: ignore[no-untyped-def]
    hazards = tuple(
        HazardLine(i, f"隐患{i:03d}号：配电箱未安装漏电保护器，电缆线老化破损" + "，存在触电风险" * (i % 3),
                   major=i in (2, 5), deadline=date(2026, 12, 20) if i in (2, 5) else date(2026, 12, 10))
        for i in range(1, n + 1))
    kw.setdefault("hazards", hazards)
    return base(DocumentKind.RECTIFICATION_ORDER, appeal_clause=appeal("指令"), **kw)


# --------------------------------------------------------------------------------------------------- reading back


def rotated(c: dict) -> bool:
    """A character of the diagonal draft watermark."""
    return abs(c["matrix"][1]) > 0.1


def upright(page):  # type: ignore[no-untyped-def]
    """The page without the (rotated) draft watermark."""
    return page.filter(lambda o: o.get("object_type") != "char" or not rotated(o))


def flat(text: str) -> str:
    return "".join(text.split())


def read(pdf: bytes) -> list[str]:
    """Per page, the text without whitespace and without the watermark."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [flat(upright(p).extract_text() or "") for p in doc.pages]


def body(pdf: bytes) -> str:
    """The whole document as one string, footers removed."""
    return "".join(re.sub(r"共\d+页第\d+页", "", t) for t in read(pdf))


def lines_of(page) -> list[dict]:  # type: ignore[no-untyped-def]
    """Upright characters grouped into printed lines (chars whose vertical extents overlap by more than half)."""
    chars = sorted((c for c in page.chars if not rotated(c)), key=lambda c: (c["top"], c["x0"]))
    lines: list[dict] = []
    for c in chars:
        for line in lines:
            overlap = min(line["bottom"], c["bottom"]) - max(line["top"], c["top"])
            if overlap > 0.5 * min(line["bottom"] - line["top"], c["bottom"] - c["top"]):
                line["chars"].append(c)
                line["top"], line["bottom"] = min(line["top"], c["top"]), max(line["bottom"], c["bottom"])
                break
        else:
            lines.append({"top": c["top"], "bottom": c["bottom"], "chars": [c]})
    for line in lines:
        line["chars"].sort(key=lambda c: c["x0"])
        line["text"] = "".join(c["text"] for c in line["chars"]).replace(" ", "")
    return sorted(lines, key=lambda line: line["top"])


def assert_layout(pdf: bytes) -> None:
    """Nothing outside the margins (the footer alone sits in the bottom margin), no printed line overlaps the
    next one, no character is printed over its neighbour."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        total = len(doc.pages)
        for m, page in enumerate(doc.pages, start=1):
            lines = lines_of(page)
            footer = [ln for ln in lines if ln["top"] > PAGE_H - BOTTOM]
            assert [ln["text"] for ln in footer] == [f"共{total}页第{m}页"]
            mid = (min(c["x0"] for c in footer[0]["chars"]) + max(c["x1"] for c in footer[0]["chars"])) / 2
            assert abs(mid - PAGE_W / 2) < 1
            for ln in lines:
                if ln in footer:
                    continue
                for c in ln["chars"]:
                    assert LEFT - 0.5 <= c["x0"] and c["x1"] <= PAGE_W - RIGHT + 0.5, (m, ln["text"])
                    assert TOP - 0.5 <= c["top"] and c["bottom"] <= PAGE_H - BOTTOM + 0.5, (m, ln["text"])
            for a, b in zip(lines, lines[1:], strict=False):
                assert a["bottom"] <= b["top"] + 0.5, (m, a["text"], b["text"])
                assert b["text"][0] not in "，。、；：？！）》」", (m, b["text"])  # no line starts with these
            for ln in lines:
                for a, b in zip(ln["chars"], ln["chars"][1:], strict=False):
                    assert a["x1"] <= b["x0"] + 0.5, (m, ln["text"])


def in_order(text: str, parts: list[str]) -> None:
    pos = -1
    for part in parts:
        found = text.find(part, pos + 1)
        assert found > pos, f"{part!r} missing or out of order"
        pos = found


# --------------------------------------------------------------------------------------------------- the forms


def test_rectification_order_reads_back_field_by_field():
    data = order(5, hazards=(
        HazardLine(1, "未建立安全风险分级管控制度", deadline=date(2026, 12, 10),
                   basis="《中华人民共和国安全生产法》第四十一条", measure="建立制度并组织培训"),
        HazardLine(2, "液氨储罐区未设置可燃有毒气体检测报警装置", major=True, deadline=date(2026, 12, 20)),
        HazardLine(3, "消防通道堆放杂物", deadline=date(2026, 12, 10)),
        HazardLine(4, "特种作业人员未持证上岗", deadline=date(2026, 12, 10)),
        HazardLine(5, "危险化学品仓库设在员工宿舍楼内", major=True, deadline=date(2026, 12, 20)),
    ))
    result = svc.render(data)
    assert result.missing == ()
    pages = read(result.pdf)
    assert result.pages == len(pages)
    text = body(result.pdf)
    in_order(text, [
        "安全生产行政执法文书", "责令限期整改指令书", NUMBER, f"{FIRM}：", "经查，你单位存在下列问题：",
        "1.未建立安全风险分级管控制度（依据：《中华人民共和国安全生产法》第四十一条）。整改措施：建立制度并组织培训",
        "2.液氨储罐区未设置可燃有毒气体检测报警装置", "3.消防通道堆放杂物", "4.特种作业人员未持证上岗",
        "5.危险化学品仓库设在员工宿舍楼内",
        "其中第2、5项属于重大事故隐患。",
        "现责令你单位对上述第1、3、4项问题于2026年12月10日前整改完毕，对上述第2、5项问题于2026年12月20日前整改完毕，"
        "达到有关法律法规规章和标准规定的要求。由此造成事故的，依法追究有关人员的责任。",
        "整改期间，你单位应当采取措施，确保安全生产。对安全生产违法行为，将依法予以行政处罚。",
        appeal("指令"),
        OFFICER_LINE.format("43068120001"), OFFICER_LINE.format("43068120002"),
        "被检查单位负责人（签名）：________",
        f"{AGENCY}（印章）", "2026年11月29日", COPIES,
    ])
    assert "不服本指令" in text and "不服本决定" not in text
    # Signatures are blank lines: the officers' names are nowhere on the order.
    assert "张伟" not in text and "李娜" not in text
    assert text.count("安全生产监管行政执法人员（签名）") == 2
    assert_layout(result.pdf)


def test_number_right_aligned_and_seal_on_the_right_with_the_date_under_it():
    pdf = svc.render(order(3)).pdf
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        lines = [ln for p in doc.pages for ln in lines_of(p)]
        number = next(ln for ln in lines if ln["text"] == NUMBER)
        assert abs(number["chars"][-1]["x1"] - (PAGE_W - RIGHT)) < 2
        title = next(ln for ln in lines if ln["text"] == "责令限期整改指令书")
        centre = (title["chars"][0]["x0"] + title["chars"][-1]["x1"]) / 2
        assert abs(centre - (LEFT + (PAGE_W - LEFT - RIGHT) / 2)) < 2
        seal = next(ln for ln in lines if ln["text"] == f"{AGENCY}（印章）")
        day = lines[lines.index(seal) + 1]
        assert day["text"] == "2026年11月29日"
        assert seal["chars"][-1]["x1"] > PAGE_W - RIGHT - 20  # right side of the page
        seal_mid = (seal["chars"][0]["x0"] + seal["chars"][-1]["x1"]) / 2
        day_mid = (day["chars"][0]["x0"] + day["chars"][-1]["x1"]) / 2
        assert abs(seal_mid - day_mid) < 2  # the date centred under the seal line


def test_order_without_major_hazards_or_deadlines_prints_the_forms_blanks():
    data = order(2, hazards=(HazardLine(1, "安全出口锁闭"), HazardLine(2, "应急照明损坏")), copies_line="")
    text = body(svc.render(data).pdf)
    assert "重大事故隐患" not in text
    assert "现责令你单位对上述第1、2项问题于____年__月__日前整改完毕，" in text
    assert "本文书一式两份" not in text


def test_order_with_a_legal_basis_cites_it_before_the_deadline_sentence():
    data = order(3, legal_basis=DEFAULTS["doc_basis_order"])
    text = body(svc.render(data).pdf)
    assert (f"依据{DEFAULTS['doc_basis_order']}的规定，现责令你单位对上述第1、3项问题于2026年12月10日前整改完毕，"
            "对上述第2项问题于2026年12月20日前整改完毕，") in text


def test_onsite_decision_reads_back():
    data = base(
        DocumentKind.ONSITE_DECISION, number="（汨）应急现决〔2026〕3号", inspection_date=date(2026, 11, 28),
        hazards=(HazardLine(1, "樟脑油生产车间未办理危险化学品安全生产许可", major=True),
                 HazardLine(2, "储存114吨燃料油的储罐未设置防火堤")),
        legal_basis=DEFAULTS["doc_basis_onsite"],
        decisions=("暂时停产停业，停止使用相关设施设备，撤离区域内人员", "责令立即排除事故隐患"),
        appeal_clause=appeal("决定"),
    )
    result = svc.render(data)
    text = body(result.pdf)
    in_order(text, [
        "现场处理措施决定书", "（汨）应急现决〔2026〕3号", f"{FIRM}：",
        "本机关于2026年11月28日现场检查时，发现你单位有下列违法违规行为和事故隐患：",
        "1.樟脑油生产车间未办理危险化学品安全生产许可（重大事故隐患）", "2.储存114吨燃料油的储罐未设置防火堤",
        f"以上存在的问题无法保证安全生产，依据{DEFAULTS['doc_basis_onsite']}的规定，现作出如下现场处理决定：",
        "1.暂时停产停业，停止使用相关设施设备，撤离区域内人员", "2.责令立即排除事故隐患",
        appeal("决定"), OFFICER_LINE.format("43068120001"), OFFICER_LINE.format("43068120002"),
        "被检查单位负责人（签名）：________", f"{AGENCY}（印章）", "2026年11月29日", COPIES,
    ])
    assert "不服本指令" not in text
    assert_layout(result.pdf)


def test_seizure_decision_states_what_the_law_requires_and_its_list_flows_over_pages():
    items = tuple(SeizedItem(f"燃料油{i:02d}", "30立方米", 114 if i == 1 else 2.5, "吨",
                             "东侧储罐区", "已贴封条") for i in range(1, 61))
    data = base(
        DocumentKind.SEIZURE_DECISION, number="（汨）应急查扣〔2026〕1号", address="汨罗市归义镇工业园1号",
        inspection_date=date(2026, 11, 28), hazards=(HazardLine(1, "未取得危险化学品经营许可证储存燃料油"),),
        seizure_reason="上述物品存在重大火灾爆炸危险。", legal_basis=DEFAULTS["doc_basis_seizure"], seizure_days=30,
        seizure_from=date(2026, 11, 29), seized=items, appeal_clause=appeal("决定"),
    )
    result = svc.render(data)
    pages = read(result.pdf)
    text = body(result.pdf)
    in_order(text, [
        "查封扣押决定书", "（汨）应急查扣〔2026〕1号", f"{FIRM}：", "地址：汨罗市归义镇工业园1号",
        "本机关于2026年11月28日现场检查时，发现你单位存在下列违法行为和事故隐患：",
        "1.未取得危险化学品经营许可证储存燃料油", "上述物品存在重大火灾爆炸危险。",
        f"依据{DEFAULTS['doc_basis_seizure']}的规定，本机关决定对你单位的有关场所、设施、设备和物品"
        "（详见所附查封扣押物品清单）予以查封、扣押，期限为30日，自2026年11月29日起计算。",
        appeal("决定"), OFFICER_LINE.format("43068120001"), "当事人（签名）：________", f"{AGENCY}（印章）",
        "查封扣押物品清单", "（汨）应急查扣〔2026〕1号附件", f"当事人：{FIRM}",
        "序号名称规格型号数量单位存放地点备注",
        "1燃料油0130立方米114吨东侧储罐区已贴封条",
        "2燃料油0230立方米2.5吨东侧储罐区已贴封条",
        "60燃料油6030立方米2.5吨东侧储罐区已贴封条",
        OFFICER_LINE.format("43068120002"), "当事人（签名）：________",
        f"本清单一式两份：一份交当事人，一份由{AGENCY}存档。",
    ])
    for i in range(1, 61):
        assert text.count(f"燃料油{i:02d}") == 1
    # The list starts on a page of its own and repeats its header row on every page it covers.
    first = next(i for i, t in enumerate(pages) if f"当事人：{FIRM}" in t)
    list_pages = pages[first:]
    assert len(list_pages) >= 2 and "查封扣押决定书" not in "".join(list_pages)
    assert all(t.count("序号名称规格型号数量单位存放地点备注") == 1 for t in list_pages)
    assert_layout(result.pdf)


def test_reinspection_opinion_reads_back_item_by_item_without_appeal_clause():
    data = base(
        DocumentKind.REINSPECTION_OPINION, number="（汨）应急复查〔2026〕5号", refers_to_title="责令限期整改指令书",
        refers_to_number=NUMBER, refers_to_date=date(2026, 11, 1),
        review_lines=(ReviewLine(1, "配电箱未安装漏电保护器", "已整改"),
                      ReviewLine(2, "消防通道堵塞", "部分整改", date(2026, 12, 20), "已清理一半。"),
                      ReviewLine(3, "未建立隐患排查制度", "未整改")),
        copies_line="",
    )
    result = svc.render(data)
    text = body(result.pdf)
    in_order(text, [
        "整改复查意见书", "（汨）应急复查〔2026〕5号", f"{FIRM}：",
        f"本机关于2026年11月1日作出了责令限期整改指令书的决定（文号：{NUMBER}），经对你单位整改情况进行复查，提出如下意见：",
        "1.配电箱未安装漏电保护器：已整改。", "2.消防通道堵塞：部分整改（须于2026年12月20日前整改完毕）。已清理一半。",
        "3.未建立隐患排查制度：未整改。",
        "被复查单位负责人（签名）：________", OFFICER_LINE.format("43068120001"), OFFICER_LINE.format("43068120002"),
        f"{AGENCY}（印章）", "2026年11月29日",
    ])
    assert "行政复议" not in text and "行政诉讼" not in text
    assert_layout(result.pdf)
    applied = body(svc.render(replace(data, applied_on=date(2026, 12, 5))).pdf)
    assert (f"的决定（文号：{NUMBER}），根据你单位2026年12月5日提出的复查申请，经对你单位整改情况进行复查，提出如下意见："
            in applied)


def test_inspection_record_reads_back_fields_in_order_with_experts_and_checklist():
    data = base(
        DocumentKind.INSPECTION_RECORD, number="（汨）应急检记〔2026〕7号", address="汨罗市归义镇工业园1号",
        legal_rep="王老五", legal_rep_title="总经理", phone="13800138000", place="生产车间、仓库",
        started_at=datetime(2026, 11, 28, 9, 5), finished_at=datetime(2026, 11, 28, 11, 30),
        experts=(ExpertRef("赵建国", "湖南岳安安全科技有限公司"), ExpertRef("孙红", "")), witness="钱七",
        purpose="汛期危险化学品安全检查", summary="现场检查了生产车间、仓库和储罐区。\n企业安全管理制度基本健全。",
        checklist=(ChecklistLine(1, "是否建立安全生产责任制", "合格"), ChecklistLine(2, "是否设置安全警示标志", "不合格"),
                   ChecklistLine(3, "是否有锅炉", "不适用")),
        hazards=(HazardLine(1, "安全警示标志缺失"),), copies_line="",
    )
    result = svc.render(data)
    text = body(result.pdf)
    in_order(text, [
        "现场检查记录", "（汨）应急检记〔2026〕7号", f"被检查单位：{FIRM}", "地址：汨罗市归义镇工业园1号",
        "法定代表人（负责人）：王老五职务：总经理联系电话：13800138000", "检查场所：生产车间、仓库",
        "检查时间：2026年11月28日9时05分至11月28日11时30分", "事由和目的：汛期危险化学品安全检查",
        "检查专家：赵建国（湖南岳安安全科技有限公司）、孙红", "见证人：钱七",
        f"我们是{AGENCY}行政执法人员张伟、李娜，证件号码为43068120001、43068120002，这是我们的证件（出示证件）。"
        "现依法对你单位进行现场检查，请予以配合。",
        "检查情况：", "现场检查了生产车间、仓库和储罐区。", "企业安全管理制度基本健全。",
        "序号检查项目检查结果", "1是否建立安全生产责任制合格", "2是否设置安全警示标志不合格", "3是否有锅炉不适用",
        "检查发现的问题：", "1.安全警示标志缺失",
        "检查人员（签名）：________证号：43068120001", "检查人员（签名）：________证号：43068120002",
        "检查专家（签名）：________", "检查专家（签名）：________", "被检查单位现场负责人（签名）：________",
        "见证人（签名）：________", f"{AGENCY}（印章）", "2026年11月29日",
    ])
    assert text.count("检查专家（签名）") == 2
    assert "行政复议" not in text
    assert_layout(result.pdf)


def test_blank_inspection_record_prints_lines_to_fill_by_hand_and_no_expert_line():
    data = DocumentData(kind=DocumentKind.INSPECTION_RECORD, agency=AGENCY)
    text = body(svc.render(data).pdf)
    in_order(text, ["被检查单位：________", "地址：________", "检查时间：____年__月__日__时__分至__月__日__时__分",
                    f"我们是{AGENCY}行政执法人员________、________，证件号码为________、________",
                    "检查人员（签名）：________证号：________", "被检查单位现场负责人（签名）：________",
                    f"{AGENCY}（印章）年月日"])
    assert "检查专家" not in text and "见证人" not in text


# --------------------------------------------------------------------------------------------------- long lists


def test_order_with_60_hazards_flows_over_pages_with_page_numbers_and_clean_layout():
    result = svc.render(order(60))
    pages = read(result.pdf)
    total = len(pages)
    assert total >= 4 and result.pages == total
    for m, page in enumerate(pages, start=1):
        assert page.endswith(f"共{total}页第{m}页")
    text = body(result.pdf)
    for i in range(1, 61):
        assert text.count(f"隐患{i:03d}号") == 1
    in_order(text, [f"{i}.隐患{i:03d}号" for i in range(1, 61)])
    assert "其中第2、5项属于重大事故隐患。" in text
    others = "、".join(str(i) for i in (1, 3, 4)) + "、" + "6至60"
    assert f"对上述第{others}项问题于2026年12月10日前整改完毕，对上述第2、5项问题于2026年12月20日前整改完毕" in text
    assert_layout(result.pdf)
    # The signatures are not alone on their page: the appeal clause comes with them.
    last = pages[-1]
    assert "安全生产监管行政执法人员（签名）" in last and appeal("指令") in last


def test_a_checklist_item_longer_than_a_page_continues_in_the_next_rows_under_a_repeated_header():
    long_text = "储罐区可燃气体检测报警装置的设置位置、数量和联锁" * 60  # more than a page of the 检查项目 column
    data = base(DocumentKind.INSPECTION_RECORD, copies_line="", checklist=tuple(
        ChecklistLine(i, long_text if i == 3 else f"检查项目{i}", "合格") for i in range(1, 30)))
    result = svc.render(data)
    assert_layout(result.pdf)
    column = ""
    with pdfplumber.open(io.BytesIO(result.pdf)) as doc:
        for page in doc.pages:  # the 检查项目 column alone, without its repeated header
            band = upright(page).crop((LEFT + 15 * MM, TOP, LEFT + 125 * MM, PAGE_H - BOTTOM), strict=False)
            text = flat(band.extract_text() or "")
            column += text.removeprefix("检查项目")  # the header repeated on a new page
    assert long_text in column  # nothing cut off, in order
    pages = read(result.pdf)
    text = "".join(pages)
    assert text.index("29检查项目29") < text.index("检查人员（签名）")  # the signatures follow the last rows
    # Every page the table continues on starts with its header row (no header-less continuation).
    for t in pages:
        if "检查项目2" in t or "检查项目1" in t:
            assert "序号检查项目检查结果" in t


@settings(max_examples=25, deadline=None, derandomize=True)
@given(st.lists(st.text(alphabet="安全生产隐患整改，。、；：（）《》“”0123456789ABC -", min_size=1, max_size=120)
                .filter(lambda t: t.strip() and t.strip()[0] not in "，。、；：）》”"), min_size=1, max_size=12))
def test_any_text_stays_inside_the_margins_without_overprinting(texts):
    """Punctuation never starts a line (unless the text starts with it) and never hangs into the margin."""
    data = order(hazards=tuple(HazardLine(i, t, deadline=date(2026, 12, 1)) for i, t in enumerate(texts, start=1)),
                 enterprise_name="".join(texts)[:60])
    assert_layout(svc.render(data).pdf)


def test_qr_code_of_reportlab_reproduced_for_payloads_of_every_size():
    from reportlab.graphics.barcode.qr import QrCodeWidget

    for payload in ["x", "TJ1|（汨）应急查扣〔2026〕1号|" + "ab" * 32, "长" * 150]:
        widget = QrCodeWidget(payload, barLevel="M")
        widget.qr.make()
        assert svc.qr_modules(payload) == [[bool(m) for m in row] for row in widget.qr.modules]


def test_numbers_text_writes_runs_of_three_or_more_as_ranges():
    assert svc.numbers_text([5, 1, 2, 3, 7, 8]) == "1至3、5、7、8"
    assert svc.numbers_text([4]) == "4"
    assert svc.numbers_text([]) == "__"


# --------------------------------------------------------------------------------------------------- fonts


def test_cjk_font_embedded_as_subset_and_digits_in_helvetica():
    pdf = svc.render(order(3)).pdf
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    fonts = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            fonts[str(font["/BaseFont"])] = font
    cjk = [(name, font) for name, font in fonts.items() if LATIN_FONT not in name]
    assert cjk
    for name, font in cjk:
        assert re.match(r"^/?[A-Z]{6}\+", name) or "+" in name, name  # subset prefix
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        assert "/FontFile2" in descendant["/FontDescriptor"]
    assert any(LATIN_FONT in name for name in fonts)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        digits = [c for c in doc.pages[0].chars if c["text"] in "0123456789"]
        assert digits and all(LATIN_FONT in c["fontname"] for c in digits)


def test_rare_characters_never_crash_are_reported_and_printed_as_code_points():
    data = order(2, enterprise_name="汨罗市䶮𠮷化工有限公司",
                 hazards=(HazardLine(1, "储罐①号阀门泄漏"), HazardLine(2, "仓库无标识")))
    result = svc.render(data)
    assert result.missing == ("①", "𠮷")
    text = body(result.pdf)
    assert "汨罗市䶮[U+20BB7]化工有限公司：" in text  # 䶮 (Extension A) is in the font and printed as itself
    assert "1.储罐[U+2460]号阀门泄漏" in text
    assert "〓" not in text and "□" not in text
    assert_layout(result.pdf)
    assert svc.render(order(2)).missing == ()


# --------------------------------------------------------------------------------------------------- draft, QR


def _qr_rects(pdf: bytes) -> list[dict]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [r for r in doc.pages[0].rects if r["non_stroking_color"] not in (None, (1,), [1], (1, 1, 1))
                and r["bottom"] < TOP]


def test_draft_has_watermark_on_every_page_no_number_no_qr_and_the_layout_of_the_issued_paper():
    draft = replace(order(30), number=None, verify_payload=None, issue_date=None)
    result = svc.render(draft)
    with pdfplumber.open(io.BytesIO(result.pdf)) as doc:
        for page in doc.pages:
            marks = "".join(c["text"] for c in page.chars if rotated(c))
            assert marks == "草稿"
            assert max(c["size"] for c in page.chars if rotated(c)) > 100
    text = body(result.pdf)
    assert "〔2026〕" not in text and "号" not in text.split("汨罗市金盾")[0]
    assert f"{AGENCY}（印章）年月日" in text  # blank date under the seal
    assert _qr_rects(result.pdf) == []
    assert svc.read_payload(result.pdf) is None
    issued = svc.render(replace(draft, number=NUMBER, verify_payload=PAYLOAD, issue_date=ISSUED))
    assert issued.pages == result.pages
    assert read(issued.pdf)[0].count("草稿") == 0


def test_issued_document_carries_qr_code_and_payload_in_metadata():
    result = svc.render(order(3))
    assert svc.read_payload(result.pdf) == PAYLOAD
    meta = pypdf.PdfReader(io.BytesIO(result.pdf)).metadata
    assert meta.subject == PAYLOAD
    assert meta.title == f"责令限期整改指令书 {NUMBER}"
    # The QR code: its dark modules, rebuilt from the rectangles drawn in the top margin of page 1, are those
    # of the payload's code.
    from reportlab.graphics.barcode.qr import QrCodeWidget

    rects = _qr_rects(result.pdf)
    widget = QrCodeWidget(PAYLOAD, barLevel="M", barBorder=0)
    widget.qr.make()
    modules = widget.qr.modules
    n = len(modules)
    x0, top = min(r["x0"] for r in rects), min(r["top"] for r in rects)
    size = (max(r["x1"] for r in rects) - x0) / n
    assert 0.4 * MM < size < 1 * MM  # a module a phone can read
    dark = set()
    for r in rects:
        row = round((r["top"] - top) / size)
        for col in range(round((r["x0"] - x0) / size), round((r["x1"] - x0) / size)):
            dark.add((row, col))
    assert dark == {(r, c) for r in range(n) for c in range(n) if modules[r][c]}
    assert x0 + n * size <= PAGE_W - RIGHT + 0.5 and max(r["bottom"] for r in rects) < TOP  # in the top margin
    for page in pypdf.PdfReader(io.BytesIO(result.pdf)).pages[1:]:
        assert "草稿" not in (page.extract_text() or "")


def test_read_payload_ignores_foreign_pdfs():
    assert svc.read_payload(b"%PDF-1.4 nothing here") is None


def test_same_data_gives_the_same_bytes():
    assert svc.render(order(4)).pdf == svc.render(order(4)).pdf
    assert svc.render(order(4)).pdf != svc.render(order(5)).pdf


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_every_kind_renders_from_minimal_data(kind):
    result = svc.render(DocumentData(kind=kind))
    assert result.pages >= 1 and result.pdf.startswith(b"%PDF")
    with pdfplumber.open(io.BytesIO(result.pdf)) as doc:  # no number: a draft
        assert "".join(c["text"] for c in doc.pages[0].chars if rotated(c)) == "草稿"
    assert_layout(result.pdf)


# --------------------------------------------------------------------------------------------------- plain data


def test_document_data_json_round_trip_and_content_hash():
    data = replace(order(3), started_at=datetime(2026, 11, 28, 9, 5), inspection_date=date(2026, 11, 28),
                   seized=(SeizedItem("燃料油", quantity=114.0, unit="吨"),), experts=(ExpertRef("赵建国", "岳安"),),
                   checklist=(ChecklistLine(1, "责任制", "合格"),), decisions=("责令立即排除事故隐患",),
                   review_lines=(ReviewLine(1, "消防通道", "部分整改", date(2026, 12, 20)),))
    raw = to_json(data)
    stored = json.loads(json.dumps(raw))  # what the JSON column gives back
    assert stored["hazards"][0]["deadline"] == "2026-12-10" and stored["started_at"] == "2026-11-28T09:05:00"
    assert stored["seized"][0]["quantity"] == "114"
    back = from_json(stored)
    assert back == data and content_hash(back) == content_hash(data)
    assert len(content_hash(data)) == 64
    assert content_hash(replace(data, enterprise_name="别的公司")) != content_hash(data)
    # Content stored by another version of the program: unknown keys ignored, missing keys take their defaults.
    old = from_json({"kind": "rectification_order", "number": None, "future_field": 1, "hazards": [
        {"seq": 1, "text": "x", "major": False, "deadline": None, "new_thing": 2}]})
    assert old.hazards == (HazardLine(1, "x"),) and old.is_draft and old.seizure_days == 30
