"""The hazard library service on both databases: the shipped data, sync, search as the user types, validation."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models.entities import AuditEntry, HazardLibraryEntry
from models.enums import HAZARD_CATEGORIES, SECTORS, Severity
from models.services import hazard_library as lib
from models.services.errors import ConcurrentEdit, NotFound, ValidationFailed


def _texts(found: list[lib.LibraryEntry]) -> list[str]:
    return [e.text for e in found]


def _write(folder: Path, body: str, version: str = "1") -> None:
    folder.mkdir(exist_ok=True)
    (folder / "test.toml").write_text(f'version = "{version}"\n{body}', encoding="utf-8")


A = """
[[hazard]]
key = "a"
text = "灭火器压力不足"
basis = "GB 50140"
category = "消防安全"
measure = "更换"
"""
B = """
[[hazard]]
key = "b"
text = "配电箱未接地"
category = "电气安全"
"""
ONE = A + B


# ------------------------------------------------------------------ the shipped data


def test_shipped_files_load_with_versions_and_valid_vocabulary() -> None:
    files = lib.read_builtin()
    assert {f.path.name for f in files} == {"hazards.toml", "phrases.toml"}
    assert all(f.version for f in files)
    hazards = [v for f in files for _, v in f.entries if v["kind"] == "hazard"]
    phrases = [v for f in files for _, v in f.entries if v["kind"] == "phrase"]
    assert len(hazards) >= 120 and len(phrases) >= 40
    assert all(v["category"] in HAZARD_CATEGORIES for v in hazards)
    assert all(v["basis"] and v["measure"] for v in hazards)
    assert all(s in SECTORS for v in hazards for s in lib._split_sectors(v["sectors"]))
    # major only where a 重大事故隐患判定标准 says so, and then the basis names it
    for v in hazards:
        if v["severity"] == Severity.MAJOR:
            assert "重大" in v["basis"] and "隐患判定标准" in v["basis"], v["text"]
    texts = {v["text"] for v in hazards}
    for example in ("灭火器压力不足/过期未检", "配电箱未接地、无警示标识", "员工宿舍设置在生产车间内",
                    "特种作业人员未持证上岗", "有限空间未设置安全警示标志", "危险化学品与禁忌物料混存",
                    "除尘系统未设置锁气卸灰装置"):
        assert example in texts


def test_sync_is_idempotent_and_loads_everything(session) -> None:
    first = lib.sync_builtin(session)
    total = sum(len(f.entries) for f in lib.read_builtin())
    assert first == total
    assert lib.sync_builtin(session) == 0
    assert len(lib.entries(session)) == total
    major = next(e for e in lib.entries(session, kind="hazard") if e.text == "特种作业人员未持证上岗")
    assert major.severity == Severity.MAJOR and major.builtin and major.major
    assert "第三条第（二）项" in major.basis


def test_sync_updates_unedited_builtins_keeps_office_edits_and_entries(session, tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    _write(folder, ONE)
    assert lib.sync_builtin(session, folder) == 2
    own = lib.add(session, lib.EntryDraft(text="仓库堆放杂物", category="作业环境"))
    a = next(e for e in lib.entries(session) if e.text == "灭火器压力不足")
    b = next(e for e in lib.entries(session) if e.text == "配电箱未接地")
    lib.record_use(session, a.id)
    lib.set_active(session, a.id, False)  # deactivated, not edited: still follows the file
    edited = lib.update(session, b.id, lib.EntryDraft(text="配电箱金属外壳未接地", category="电气安全"))
    assert not edited.builtin and edited.edited_builtin

    _write(folder, ONE.replace("GB 50140", "GB 50140-2005 第6.1.1条").replace("配电箱未接地", "配电箱未接地（新）")
           + '\n[[phrase]]\nkey = "c"\ntext = "现场未见"\n', version="2")
    assert lib.sync_builtin(session, folder) == 2  # a updated, c added; b is the office's now
    assert lib.sync_builtin(session, folder) == 0
    rows = {e.text: e for e in lib.entries(session, include_inactive=True)}
    assert rows["灭火器压力不足"].basis == "GB 50140-2005 第6.1.1条"
    assert rows["灭火器压力不足"].use_count == 1 and not rows["灭火器压力不足"].active
    assert "配电箱金属外壳未接地" in rows and "配电箱未接地（新）" not in rows and "配电箱未接地" not in rows
    assert rows["现场未见"].kind == "phrase"
    assert rows["仓库堆放杂物"].id == own.id

    _write(folder, '[[phrase]]\nkey = "c"\ntext = "现场未见"\n', version="3")  # a dropped from the file
    assert lib.sync_builtin(session, folder) == 0  # a was inactive already; nothing is deleted
    assert session.scalar(select(func.count()).select_from(HazardLibraryEntry)) == 4
    assert session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "sync")) == 2


def test_sync_retires_a_dropped_builtin_and_skips_a_text_the_office_has(session, tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    lib.add(session, lib.EntryDraft(text="配电箱未接地"))
    _write(folder, ONE)
    assert lib.sync_builtin(session, folder) == 1  # b's text exists as the office's entry: not doubled
    assert _texts(lib.search(session, "配电箱")) == ["配电箱未接地"]
    _write(folder, B, version="2")
    assert lib.sync_builtin(session, folder) == 1  # a retired
    assert lib.search(session, "灭火器") == []
    assert [e.text for e in lib.entries(session, include_inactive=True) if not e.active] == ["灭火器压力不足"]


def test_bad_data_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    _write(folder, '[[hazard]]\nkey = "x"\ntext = "a"\nseverity = "grave"\n')
    with pytest.raises(ValueError):
        lib.read_builtin(folder)
    _write(folder, '[[hazard]]\nkey = "x"\ntext = "a"\n[[phrase]]\nkey = "x"\ntext = "b"\n')
    with pytest.raises(ValueError, match="repeated"):
        lib.read_builtin(folder)


# ------------------------------------------------------------------ search


@pytest.fixture
def loaded(session):
    lib.sync_builtin(session)
    return session


def test_search_chinese_substring_in_text_and_basis(loaded) -> None:
    found = lib.search(loaded, "灭火器", limit=None)
    assert "灭火器压力不足/过期未检" in _texts(found)
    assert all("灭火器" in e.text or "灭火器" in e.basis for e in found)
    by_basis = lib.search(loaded, "3.3.5")
    assert _texts(by_basis) == ["员工宿舍设置在生产车间内"]
    # a match in the text ranks before a match in the basis only
    fire = lib.search(loaded, "消防", limit=None)
    in_text = [("消防" in e.text) for e in fire]
    assert in_text == sorted(in_text, reverse=True) and in_text[0] and not in_text[-1]


def test_search_pinyin_initials_and_several_words(loaded) -> None:
    assert "灭火器压力不足/过期未检" in _texts(lib.search(loaded, "mhq"))
    assert "配电箱未接地、无警示标识" in _texts(lib.search(loaded, "PDX"))
    both = lib.search(loaded, "灭火 过期")
    assert _texts(both) == ["灭火器压力不足/过期未检"]
    assert _texts(lib.search(loaded, "mhq gqwj")) == ["灭火器压力不足/过期未检"]
    assert lib.search(loaded, "灭火 接地") == []


def test_search_kind_and_limit(loaded) -> None:
    phrases = lib.search(loaded, "仓库", kind="phrase")
    assert {"仓库东侧", "仓库西侧"} <= set(_texts(phrases)) and all(e.kind == "phrase" for e in phrases)
    assert all(e.kind == "hazard" for e in lib.search(loaded, "仓库"))
    assert len(lib.search(loaded, "", limit=5)) == 5
    assert len(lib.search(loaded, "", kind=None, limit=None)) == len(lib.entries(loaded))


def test_search_ranks_sector_then_use_count_then_shorter(loaded) -> None:
    plain = _texts(lib.search(loaded, "防爆电气", limit=None))
    camphor = _texts(lib.search(loaded, "防爆电气", sector="樟脑油", limit=None))
    assert camphor[0] == "樟脑油蒸馏车间、储油区使用非防爆电气设备和照明灯具"
    assert plain[0] != camphor[0]
    # an entry for another sector only comes after the ones for any sector
    paint = "喷漆、涂装等易燃易爆场所使用非防爆电气设备"
    assert camphor.index(paint) == len(camphor) - 1

    found = lib.search(loaded, "灭火器", limit=None)
    assert [len(e.text) for e in found] == sorted(len(e.text) for e in found)  # unused: shorter first
    last = found[-1]
    lib.record_use(loaded, last.id)
    lib.record_use(loaded, last.id)
    again = lib.search(loaded, "灭火器", limit=None)
    assert again[0].id == last.id and again[0].use_count == 2


def test_search_hides_inactive_and_sees_changes_at_once(loaded) -> None:
    target = lib.search(loaded, "员工宿舍设置在生产车间内")[0]
    lib.set_active(loaded, target.id, False)
    assert lib.search(loaded, "员工宿舍 车间") == []
    assert _texts(lib.search(loaded, "员工宿舍 车间", include_inactive=True)) == [target.text]
    lib.set_active(loaded, target.id, True)
    assert _texts(lib.search(loaded, "员工宿舍 车间")) == [target.text]
    # a change made by another program (not through this service) shows on the next search
    loaded.execute(HazardLibraryEntry.__table__.update().where(HazardLibraryEntry.id == target.id)
                   .values(active=False, version=HazardLibraryEntry.version + 1))
    assert lib.search(loaded, "员工宿舍 车间") == []


def test_search_cache_is_per_database(factory, tmp_path: Path, sqlite_template: Path) -> None:
    from models.db import make_engine, make_session_factory

    other = tmp_path / "other.sqlite3"
    shutil.copyfile(sqlite_template, other)
    engine = make_engine(f"sqlite:///{other}")
    try:
        with factory() as a, make_session_factory(engine)() as b:
            lib.add(a, lib.EntryDraft(text="只在甲库"))
            lib.add(b, lib.EntryDraft(text="只在乙库"))
            assert _texts(lib.search(a, "只在")) == ["只在甲库"]
            assert _texts(lib.search(b, "只在")) == ["只在乙库"]
            a.rollback()
            b.rollback()
    finally:
        engine.dispose()


# ------------------------------------------------------------------ writes and validation


def test_add_update_and_audit(session) -> None:
    e = lib.add(session, lib.EntryDraft(text="  叉车货叉下站人 ", basis="GB 4387", category="作业环境",
                                        severity="major", measure="禁止", sectors="机械、轻工"), actor="张三")
    assert e.text == "叉车货叉下站人" and e.sectors == ("机械", "轻工") and not e.builtin and e.severity == "major"
    assert _texts(lib.search(session, "cchcx")) == ["叉车货叉下站人"]
    lib.record_use(session, e.id)  # a use is no edit: a form opened before it still saves
    changed = lib.update(session, e.id, lib.EntryDraft(text="叉车货叉下站人作业", sectors=()), version=e.version)
    assert changed.sectors == () and changed.version > e.version and changed.use_count == 1
    with pytest.raises(ConcurrentEdit):
        lib.update(session, e.id, lib.EntryDraft(text="别的"), version=e.version)
    actions = session.execute(select(AuditEntry.action).where(AuditEntry.entity_id == e.id)).scalars().all()
    assert sorted(actions) == ["create", "update"]
    phrase = lib.add(session, lib.EntryDraft(kind="phrase", text="现场查看", severity="major"))
    assert phrase.severity == Severity.GENERAL  # a phrase has no grade


def test_validation_messages_are_chinese(session) -> None:
    with pytest.raises(ValidationFailed) as empty:
        lib.add(session, lib.EntryDraft(text="  "))
    assert [e.field for e in empty.value.errors] == ["text"] and "请填写隐患描述" in str(empty.value)
    with pytest.raises(ValidationFailed) as grade:
        lib.add(session, lib.EntryDraft(text="某隐患", severity="severe"))
    assert "隐患等级“severe”无效" in str(grade.value)
    with pytest.raises(ValidationFailed, match="类型"):
        lib.add(session, lib.EntryDraft(text="某隐患", kind="rule"))
    first = lib.add(session, lib.EntryDraft(text="某隐患"))
    with pytest.raises(ValidationFailed, match="已有相同的隐患描述“某隐患”"):
        lib.add(session, lib.EntryDraft(text="某隐患 "))
    lib.add(session, lib.EntryDraft(text="某隐患", kind="phrase"))  # the same text as a phrase is fine
    lib.set_active(session, first.id, False)
    with pytest.raises(ValidationFailed, match="已停用"):
        lib.add(session, lib.EntryDraft(text="某隐患"))
    with pytest.raises(ValidationFailed, match="不能超过500个字"):
        lib.add(session, lib.EntryDraft(text="长" * 501))
    other = lib.add(session, lib.EntryDraft(text="另一隐患"))
    with pytest.raises(ValidationFailed, match="已有相同"):
        lib.update(session, other.id, lib.EntryDraft(text="某隐患"))
    lib.update(session, other.id, lib.EntryDraft(text="另一隐患", basis="新依据"))  # its own text is no duplicate
    with pytest.raises(NotFound):
        lib.record_use(session, uuid.uuid4())
    with pytest.raises(NotFound):
        lib.set_active(session, uuid.uuid4(), True)
