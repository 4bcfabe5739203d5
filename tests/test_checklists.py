"""Checklist templates on both databases: the shipped data files, loading them (idempotent, a file version bump makes
a new revision and old results keep their items), office edits as new revisions, validation, stale saves, retire/
restore, and which templates suit a visit."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models.db import session_scope
from models.entities import AuditEntry, ChecklistItem, ChecklistResult, ChecklistTemplate, Visit, VisitStop
from models.enums import HAZARD_CATEGORIES, VisitKind, VisitStatus
from models.services import checklists as svc
from models.services import enterprises
from models.services.errors import ConcurrentEdit, ValidationFailed
from models.text import pinyin_keys
from tests import factories as f

DOMAIN = Path("/work/shared/domain")


# ------------------------------------------------------------------------------------------ the shipped files


def _files() -> dict[str, svc.TemplateFile]:
    return {t.code: t for t in svc.load_files()}


def test_every_shipped_file_loads_with_the_expected_codes_and_counts():
    files = _files()
    assert set(files) == {"general", "industry_trade_major", "chemical_major", "camphor_entry"}
    assert len(files["chemical_major"].items) == 20
    assert len(files["camphor_entry"].items) == 12
    assert len(files["industry_trade_major"].items) == 3 + 10 + 2 + 2
    assert 30 <= len(files["general"].items) <= 40
    assert files["industry_trade_major"].partial and "第四条至第十条" in files["industry_trade_major"].description
    assert not files["chemical_major"].partial
    assert files["camphor_entry"].visit_kinds == ("camphor_entry",)
    assert "危险化学品" in files["chemical_major"].sectors
    assert {"冶金", "机械", "轻工", "粉尘涉爆", "涉氨制冷"} <= set(files["industry_trade_major"].sectors)
    for t in files.values():
        for i in t.items:
            assert i.text and i.basis and i.measure, (t.code, i.text)
            assert i.deadline_days is not None and i.deadline_days >= 1
            assert i.category in HAZARD_CATEGORIES
    assert all(i.major for i in files["chemical_major"].items)
    assert all(i.major for i in files["industry_trade_major"].items)


def _quotes(text: str) -> str:
    """hazards.md writes ASCII quotes; the data files the Chinese “…” of the published text."""
    return re.sub(r'"([^"]*)"', r"“\1”", text)


def test_criteria_texts_are_word_for_word_from_the_domain_notes():
    md = (DOMAIN / "hazards.md").read_text(encoding="utf-8")
    chem = re.findall(r"^(\d+)\. (.+)$", md.split("## Criteria for major hazards in chemical")[1]
                      .split("## Criteria for major hazards in industry")[0], re.M)
    assert len(chem) == 20
    files = _files()
    assert [i.text for i in files["chemical_major"].items] == [_quotes(t) for _n, t in chem]
    trade = md.split("Items confirmed word for word")[1]
    clauses = [re.sub(r"\s*\[[^\]]*verify\]\s*$", "", _quotes(t)).strip()
               for t in re.findall(r"^（[一二三四五六七八九十]+）(.+)$", trade, re.M)]
    assert len(clauses) == 17
    assert [i.text for i in files["industry_trade_major"].items] == clauses
    notes = [i.note for i in files["industry_trade_major"].items]
    assert sum(bool(n) for n in notes) == 4  # the three [verify] marks and the inferred article number


def test_camphor_entry_items_follow_the_domain_table():
    md = (DOMAIN / "camphor-oil.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d+) \| (.+?) \| (.+?) \|$", md, re.M)
    assert [int(n) for n, *_ in rows] == list(range(1, 13))
    items = _files()["camphor_entry"].items
    assert len(items) == 12
    assert "三同时" in items[1].text and "安全生产法" in items[1].basis and items[1].note
    assert "防爆" in items[5].text and "第十二项" in items[5].basis
    assert "锁气卸灰" in items[7].text and "第十一条" in items[7].basis


def test_a_bad_file_names_the_file_and_the_item(tmp_path):
    src = (svc.DEFAULT_FOLDER / "camphor_entry.toml").read_text(encoding="utf-8")
    (tmp_path / "x.toml").write_text(src.replace("deadline_days = 7", "deadline_days = 0", 1), encoding="utf-8")
    with pytest.raises(svc.BadTemplateFile, match=r"x\.toml 第9项.*整改期限"):
        svc.load_files(tmp_path)
    (tmp_path / "x.toml").write_text(src.replace('category = "消防安全"', 'category = "消防"'), encoding="utf-8")
    with pytest.raises(svc.BadTemplateFile, match=r"x\.toml 第9项.*未知的隐患类别“消防”"):
        svc.load_files(tmp_path)
    (tmp_path / "x.toml").write_text(src.replace('version = "1"\n', ""), encoding="utf-8")
    with pytest.raises(svc.BadTemplateFile, match=r"x\.toml：缺少文件版本"):
        svc.load_files(tmp_path)
    (tmp_path / "x.toml").write_text(src.replace("[[items]]", "[[items]", 1), encoding="utf-8")
    with pytest.raises(svc.BadTemplateFile, match=r"x\.toml 格式错误"):
        svc.load_files(tmp_path)


# ------------------------------------------------------------------------------------------ sync


def _count(s, model) -> int:  # type: ignore[no-untyped-def]
    return s.scalar(select(func.count()).select_from(model))


def test_sync_is_idempotent(factory):
    with session_scope(factory) as s:
        assert svc.sync_builtin(s) == 4
    with session_scope(factory) as s:
        assert svc.sync_builtin(s) == 0
        assert _count(s, ChecklistTemplate) == 4
        assert _count(s, ChecklistItem) == 40 + 17 + 20 + 12
        names = [t.name for t in svc.templates(s)]
        assert names == sorted(names, key=pinyin_keys)
        chem = next(t for t in svc.templates(s, with_items=True) if t.code == "chemical_major")
        assert (chem.revision, chem.is_current, chem.file_version, chem.changed_by) == (1, True, "1", "系统")
        assert [i.seq for i in chem.items] == list(range(1, 21))
        trade = next(t for t in svc.templates(s) if t.code == "industry_trade_major")
        assert trade.is_partial and trade.item_count == 17 and "待核实" in trade.description


def _stop_with_result(s, item_id):  # type: ignore[no-untyped-def]
    town = f.town(s)
    firm = enterprises.create(s, f.enterprise_input(town, 1))
    v = Visit(kind=VisitKind.INSPECTION_EXPERT, day=date(2027, 3, 10), status=VisitStatus.DONE)
    s.add(v)
    s.flush()
    stop = VisitStop(visit_id=v.id, enterprise_id=firm, seq=0)
    s.add(stop)
    s.flush()
    s.add(ChecklistResult(stop_id=stop.id, item_id=item_id, outcome="fail", note="未持证"))
    s.flush()


def test_file_version_bump_adds_a_revision_and_old_results_keep_their_items(factory, tmp_path):
    folder = tmp_path / "checklists"
    shutil.copytree(svc.DEFAULT_FOLDER, folder)
    with session_scope(factory) as s:
        svc.sync_builtin(s, folder)
        old = next(t for t in svc.templates(s, with_items=True) if t.code == "chemical_major")
        _stop_with_result(s, old.items[1].id)
    path = folder / "chemical_major.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('version = "1"', 'version = "2"').replace("特种作业人员未持证上岗。",
                                                                         "特种作业人员未持证上岗（修订）。"),
                    encoding="utf-8")
    with session_scope(factory) as s:
        assert svc.sync_builtin(s, folder) == 1
        assert svc.sync_builtin(s, folder) == 0
    with session_scope(factory) as s:
        history = svc.revisions(s, "chemical_major")
        assert [(t.revision, t.is_current, t.file_version) for t in history] == [(2, True, "2"), (1, False, "1")]
        new = svc.template(s, history[0].id)
        assert new.items[1].text == "特种作业人员未持证上岗（修订）。"
        result = s.scalars(select(ChecklistResult)).one()
        item = s.get(ChecklistItem, result.item_id)
        assert item.template_id == old.id and item.text == "特种作业人员未持证上岗。"
        assert svc.template(s, old.id).items == old.items
        assert [t.id for t in svc.templates(s) if t.code == "chemical_major"] == [new.id]


def test_a_new_file_version_keeps_the_offices_edit_as_an_older_revision(factory, tmp_path):
    folder = tmp_path / "checklists"
    shutil.copytree(svc.DEFAULT_FOLDER, folder)
    with session_scope(factory) as s:
        svc.sync_builtin(s, folder)
        base = next(t for t in svc.templates(s, with_items=True) if t.code == "camphor_entry")
        d = svc.TemplateDraft.from_data(base)
        d.items.append(svc.ItemDraft(text="是否设置视频监控。", deadline_days=15, category="设备设施"))
        svc.save_revision(s, base.id, d, actor="王科长", note="加视频监控")
    path = folder / "camphor_entry.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('version = "1"', 'version = "1.1"'), encoding="utf-8")
    with session_scope(factory) as s:
        assert svc.sync_builtin(s, folder) == 1
        hist = svc.revisions(s, "camphor_entry")
        assert [(t.revision, t.is_current, t.changed_by, t.item_count) for t in hist] == [
            (3, True, "系统", 12), (2, False, "王科长", 13), (1, False, "系统", 12)]


# ------------------------------------------------------------------------------------------ editing


@pytest.fixture
def loaded(factory):
    with session_scope(factory) as s:
        svc.sync_builtin(s)
        ids = {t.code: t.id for t in svc.templates(s)}
    return factory, ids


def test_save_revision_makes_revision_2_and_leaves_revision_1_untouched(loaded):
    factory, ids = loaded
    with session_scope(factory) as s:
        base = svc.template(s, ids["general"])
        d = svc.TemplateDraft.from_data(base)
        d.name = "通用安全检查表（本县）"
        d.items[0].text = "建立全员安全生产责任制。"
        del d.items[-1]
        d.items.insert(0, svc.ItemDraft(text="  主要负责人在岗。 ", section="人员", deadline_days=3))
        new = svc.save_revision(s, base.id, d, actor="王科长", note="按本县要求调整")
    with session_scope(factory) as s:
        assert (new.code, new.revision, new.is_current, new.file_version) == ("general", 2, True, None)
        assert (new.changed_by, new.change_note) == ("王科长", "按本县要求调整")
        assert [i.seq for i in new.items] == list(range(1, 41))
        assert new.items[0].text == "主要负责人在岗。" and new.items[1].text == "建立全员安全生产责任制。"
        old = svc.template(s, ids["general"])
        assert not old.is_current and old.revision == 1 and old.name == "通用安全检查表"
        assert old.items == base.items  # same ids, same texts
        assert {i.id for i in old.items}.isdisjoint({i.id for i in new.items})
        assert [t.id for t in svc.templates(s) if t.code == "general"] == [new.id]
        assert [t.revision for t in svc.revisions(s, "general")] == [2, 1]
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "revise")).one()
        assert entry.actor == "王科长" and entry.detail["revision"] == 2


def test_validation_messages_in_chinese_and_nothing_saved(loaded):
    factory, ids = loaded
    with session_scope(factory) as s:
        base = svc.template(s, ids["camphor_entry"])
    bad = svc.TemplateDraft.from_data(base)
    bad.name = "  "
    bad.items[2].text = " "
    bad.items[4].deadline_days = 0
    bad.visit_kinds = ["camphor_entry", "party"]
    with pytest.raises(ValidationFailed) as exc, session_scope(factory) as s:
        svc.save_revision(s, base.id, bad, actor="王科长", note="")
    by_field = {e.field: e.message for e in exc.value.errors}
    assert by_field == {"name": "检查表名称不能为空。", "items[2].text": "第3项：检查内容不能为空。",
                        "items[4].deadline_days": "第5项：整改期限至少为1天。",
                        "visit_kinds": "未知的检查类型“party”。"}
    empty = replace(svc.TemplateDraft.from_data(base), items=[])
    with pytest.raises(ValidationFailed, match="至少要有一个检查项"), session_scope(factory) as s:
        svc.save_revision(s, base.id, empty, actor="王科长")
    with pytest.raises(ValidationFailed, match="内容没有改动"), session_scope(factory) as s:
        svc.save_revision(s, base.id, svc.TemplateDraft.from_data(base), actor="王科长")
    with session_scope(factory) as s:
        assert [t.revision for t in svc.revisions(s, "camphor_entry")] == [1]


def test_a_stale_base_is_refused(loaded):
    factory, ids = loaded
    with session_scope(factory) as s:
        base = svc.template(s, ids["chemical_major"])
    mine = svc.TemplateDraft.from_data(base)
    mine.edition = "2017 本局"
    theirs = svc.TemplateDraft.from_data(base)
    theirs.description = "另一位同事的修改"
    with session_scope(factory) as s:
        svc.save_revision(s, base.id, theirs, actor="李", note="")
    with pytest.raises(ConcurrentEdit, match="已有更新的版本"), session_scope(factory) as s:
        svc.save_revision(s, base.id, mine, actor="王", note="")
    with session_scope(factory) as s:
        hist = svc.revisions(s, "chemical_major")
        assert [(t.revision, t.changed_by) for t in hist] == [(2, "李"), (1, "系统")]


def test_two_saves_from_the_same_base_at_the_same_time_keep_one(loaded):
    factory, ids = loaded
    s1, s2 = factory(), factory()
    try:
        d1 = svc.TemplateDraft.from_data(svc.template(s1, ids["general"]))
        d1.edition = "甲"
        d2 = svc.TemplateDraft.from_data(svc.template(s2, ids["general"]))
        d2.edition = "乙"
        svc.save_revision(s1, ids["general"], d1, actor="甲", note="")
        s1.commit()
        with pytest.raises(ConcurrentEdit):
            svc.save_revision(s2, ids["general"], d2, actor="乙", note="")
        s2.rollback()
    finally:
        s1.close()
        s2.close()
    with session_scope(factory) as s:
        assert [(t.revision, t.edition, t.is_current) for t in svc.revisions(s, "general")] == [
            (2, "甲", True), (1, "2021", False)]


def test_create_gives_a_custom_code_and_retire_restore(loaded):
    factory, ids = loaded
    draft = svc.TemplateDraft(name="汛期专项检查表", visit_kinds=["special"],
                              items=[svc.ItemDraft(text="排水设施是否完好。", deadline_days=7, category="设备设施")])
    with session_scope(factory) as s:
        a = svc.create(s, draft, actor="王科长")
        b = svc.create(s, replace(draft, name="节前检查表"), actor="王科长")
        assert (a.code, a.revision, a.is_current) == ("custom-1", 1, True)
        assert b.code == "custom-2"
    with pytest.raises(ValidationFailed, match="名称不能为空"), session_scope(factory) as s:
        svc.create(s, replace(draft, name=""), actor="王科长")
    with session_scope(factory) as s:
        svc.retire(s, "custom-1", actor="王科长")
        assert "custom-1" not in {t.code for t in svc.templates(s)}
        assert "custom-1" not in {t.code for t in svc.suggested_for(s, VisitKind.SPECIAL, "商贸")}
        listed = {t.code: t.is_current for t in svc.catalogue(s)}
        assert listed["custom-1"] is False and listed["custom-2"] is True and len(listed) == 6
    with pytest.raises(ConcurrentEdit, match="已停用"), session_scope(factory) as s:
        svc.retire(s, "custom-1", actor="王科长")
    with pytest.raises(ConcurrentEdit, match="已有更新的版本"), session_scope(factory) as s:
        svc.save_revision(s, a.id, replace(draft, name="改名"), actor="王科长")
    with session_scope(factory) as s:
        back = svc.restore(s, "custom-1", actor="王科长")
        assert back.id == a.id and back.is_current
        assert "custom-1" in {t.code for t in svc.suggested_for(s, VisitKind.SPECIAL, "商贸")}


def test_suggested_for_by_visit_kind_and_sector(loaded):
    factory, _ids = loaded

    def codes(kind: str, sector: str) -> list[str]:
        with session_scope(factory) as s:
            return [t.code for t in svc.suggested_for(s, kind, sector)]

    assert codes(VisitKind.CAMPHOR_ENTRY, "樟脑油") == ["camphor_entry"]
    assert codes(VisitKind.CAMPHOR_ENTRY, "轻工") == ["camphor_entry"]
    assert codes(VisitKind.INSPECTION_EXPERT, "危险化学品") == ["general", "chemical_major"]
    assert codes(VisitKind.ENFORCEMENT_EXPERT, "机械") == ["general", "industry_trade_major"]
    assert codes(VisitKind.SPECIAL, "粉尘涉爆") == ["general", "industry_trade_major"]
    assert codes(VisitKind.REINSPECTION, "人员密集场所") == ["general"]
    assert codes(VisitKind.INSPECTION_EXPERT, "") == ["general"]


def test_items_for_templates_in_the_given_order(loaded):
    factory, ids = loaded
    with session_scope(factory) as s:
        items = svc.items_for_templates(s, [ids["camphor_entry"], ids["chemical_major"]])
        assert len(items) == 32
        assert [i.seq for i in items] == list(range(1, 13)) + list(range(1, 21))
        assert items[12].text == "危险化学品生产、经营单位主要负责人和安全生产管理人员未依法经考核合格。"
        assert svc.items_for_templates(s, []) == []
