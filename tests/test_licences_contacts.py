"""Licences and contacts of an enterprise (services), on both databases: create, update, delete, validation that
writes nothing, phone normalisation, NotFound, and an audit entry for every write."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import func, select

from models.db import session_scope
from models.entities import AuditEntry, Enterprise, EnterpriseContact, EnterpriseLicence
from models.services import enterprises as svc
from models.services.errors import NotFound, ValidationFailed
from tests import factories as f

ACTOR = "张三"


@pytest.fixture
def eid(factory) -> uuid.UUID:
    with session_scope(factory) as s:
        return svc.create(s, f.enterprise_input(f.town(s)), ACTOR)


def _count(factory, entity) -> int:  # type: ignore[no-untyped-def]
    with session_scope(factory) as s:
        return s.scalar(select(func.count()).select_from(entity)) or 0


def _audit(factory, entity: str, entity_id: uuid.UUID | None = None) -> list[AuditEntry]:
    with session_scope(factory) as s:
        q = select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.at)
        if entity_id is not None:
            q = q.where(AuditEntry.entity_id == entity_id)
        rows = list(s.scalars(q))
        s.expunge_all()
        return rows


# ------------------------------------------------------------------------------------------------ licences


def test_save_licence_creates_then_updates_the_same_record(factory, eid):
    with session_scope(factory) as s:
        lid = svc.save_licence(s, eid, svc.LicenceInput(
            kind="  安全生产许可证 ", number="(湘)WH安许证字[2024]001", issuer="岳阳市应急管理局",
            valid_from=date(2024, 1, 1), valid_until=date(2027, 1, 1), notes="正本在办公室"), actor=ACTOR)
    with session_scope(factory) as s:
        (row,) = svc.archive(s, eid).licences
    assert row == svc.LicenceRow(lid, "安全生产许可证", "(湘)WH安许证字[2024]001", "岳阳市应急管理局",
                                 date(2024, 1, 1), date(2027, 1, 1), "正本在办公室")

    with session_scope(factory) as s:
        same = svc.save_licence(s, eid, svc.LicenceInput(kind="危险化学品经营许可证", number="岳应急经字[2025]7号",
                                                         valid_until=date(2028, 6, 30)), lid, actor=ACTOR)
    assert same == lid
    with session_scope(factory) as s:
        (row,) = svc.archive(s, eid).licences
    assert (row.kind, row.number, row.issuer, row.valid_from, row.valid_until, row.notes) == (
        "危险化学品经营许可证", "岳应急经字[2025]7号", "", None, date(2028, 6, 30), "")
    entries = _audit(factory, "enterprise_licence", lid)
    assert [e.action for e in entries] == ["create", "update"]
    assert all(e.actor == ACTOR for e in entries)
    assert entries[1].detail["values"]["kind"] == "危险化学品经营许可证"
    assert entries[1].detail["before"]["kind"] == entries[0].detail["values"]["kind"]


def test_licence_fields_at_their_limits_are_stored(factory, eid):
    """40/60/60 characters fit the columns (VARCHAR on PostgreSQL counts characters)."""
    data = svc.LicenceInput(kind="证" * 40, number="号" * 60, issuer="局" * 60)
    with session_scope(factory) as s:
        svc.save_licence(s, eid, data, actor=ACTOR)
    with session_scope(factory) as s:
        (row,) = svc.archive(s, eid).licences
    assert (row.kind, row.number, row.issuer) == (data.kind, data.number, data.issuer)


@pytest.mark.parametrize(("data", "fields", "words"), [
    (svc.LicenceInput(kind="   "), {"kind"}, "证照名称不能为空"),
    (svc.LicenceInput(kind="证" * 41), {"kind"}, "证照名称过长（41字，最多40字）"),
    (svc.LicenceInput(kind="营业执照", number="1" * 61), {"number"}, "编号过长（61字，最多60字）"),
    (svc.LicenceInput(kind="营业执照", issuer="局" * 61), {"issuer"}, "发证机关过长（61字，最多60字）"),
    (svc.LicenceInput(kind="营业执照", valid_from=date(2025, 1, 1), valid_until=date(2024, 12, 31)),
     {"valid_until"}, "有效期止不能早于有效期起"),
    (svc.LicenceInput(kind="", number="1" * 61, valid_from=date(2025, 1, 1), valid_until=date(2024, 1, 1)),
     {"kind", "number", "valid_until"}, "证照名称不能为空"),
], ids=["empty-kind", "long-kind", "long-number", "long-issuer", "until-before-from", "all-at-once"])
def test_invalid_licence_is_refused_and_nothing_written(factory, eid, data, fields, words):
    with session_scope(factory) as s:  # the session commits: the service itself must have written nothing
        with pytest.raises(ValidationFailed) as exc:
            svc.save_licence(s, eid, data, actor=ACTOR)
    assert {e.field for e in exc.value.errors} == fields
    assert words in str(exc.value)
    assert _count(factory, EnterpriseLicence) == 0
    assert _audit(factory, "enterprise_licence") == []


def test_invalid_update_leaves_the_licence_as_it_was(factory, eid):
    with session_scope(factory) as s:
        lid = svc.save_licence(s, eid, svc.LicenceInput(kind="营业执照", number="A1"), actor=ACTOR)
    with session_scope(factory) as s:
        with pytest.raises(ValidationFailed):
            svc.save_licence(s, eid, svc.LicenceInput(kind="", number="B2"), lid, actor=ACTOR)
    with session_scope(factory) as s:
        (row,) = svc.archive(s, eid).licences
    assert (row.kind, row.number) == ("营业执照", "A1")
    assert len(_audit(factory, "enterprise_licence", lid)) == 1


def test_delete_licence(factory, eid):
    with session_scope(factory) as s:
        keep = svc.save_licence(s, eid, svc.LicenceInput(kind="营业执照"), actor=ACTOR)
        gone = svc.save_licence(s, eid, svc.LicenceInput(kind="安全生产许可证", number="X-9"), actor=ACTOR)
    with session_scope(factory) as s:
        svc.delete_licence(s, gone, ACTOR)
    with session_scope(factory) as s:
        assert [x.id for x in svc.archive(s, eid).licences] == [keep]
    (entry,) = [e for e in _audit(factory, "enterprise_licence", gone) if e.action == "delete"]
    assert entry.actor == ACTOR and entry.detail == {"kind": "安全生产许可证", "number": "X-9"}


def test_licence_for_a_missing_enterprise_or_record_is_not_found(factory, eid):
    with session_scope(factory) as s:
        with pytest.raises(NotFound, match="企业档案已不存在"):
            svc.save_licence(s, uuid.uuid4(), svc.LicenceInput(kind="营业执照"), actor=ACTOR)
        with pytest.raises(NotFound, match="证照记录已不存在"):
            svc.save_licence(s, eid, svc.LicenceInput(kind="营业执照"), uuid.uuid4(), actor=ACTOR)
    assert _count(factory, EnterpriseLicence) == 0
    assert _audit(factory, "enterprise_licence") == []


# ------------------------------------------------------------------------------------------------ contacts


@pytest.mark.parametrize(("typed", "stored"), [
    ("１３８－００１３－８０００", "13800138000"),  # full-width digits and dash from a Chinese input method
    (" 138 0013 8000 ", "13800138000"),
    ("（0730）5212345", "0730-5212345"),
    ("", ""),
])
def test_save_contact_normalises_the_phone(factory, eid, typed, stored):
    with session_scope(factory) as s:
        cid = svc.save_contact(s, eid, svc.ContactInput(name=" 李四 ", role="安全员", phone=typed, notes="夜班"),
                               actor=ACTOR)
    with session_scope(factory) as s:
        (row,) = svc.archive(s, eid).contacts
    assert row == svc.ContactRow(cid, "李四", "安全员", stored, "夜班")
    (entry,) = _audit(factory, "enterprise_contact", cid)
    assert (entry.action, entry.actor) == ("create", ACTOR)


def test_save_contact_updates_the_same_record(factory, eid):
    with session_scope(factory) as s:
        cid = svc.save_contact(s, eid, svc.ContactInput(name="李四", phone="13800138000"), actor=ACTOR)
    with session_scope(factory) as s:
        assert svc.save_contact(s, eid, svc.ContactInput(name="李四", role="安全总监", phone="0730-5212345"), cid,
                                actor=ACTOR) == cid
    with session_scope(factory) as s:
        assert svc.archive(s, eid).contacts == [svc.ContactRow(cid, "李四", "安全总监", "0730-5212345", "")]
    assert [e.action for e in _audit(factory, "enterprise_contact", cid)] == ["create", "update"]


@pytest.mark.parametrize(("data", "fields", "words"), [
    (svc.ContactInput(name="李四", phone="12345"), {"phone"}, "格式不正确"),
    (svc.ContactInput(name="李四", phone="138001380001"), {"phone"}, "格式不正确"),
    (svc.ContactInput(name="李四", phone="电话待补"), {"phone"}, "格式不正确"),
    (svc.ContactInput(name="  "), {"name"}, "联系人姓名不能为空"),
    (svc.ContactInput(name="李" * 41), {"name"}, "姓名过长（41字，最多40字）"),
    (svc.ContactInput(name="李四", role="职" * 41), {"role"}, "职务过长（41字，最多40字）"),
], ids=["short-phone", "long-mobile", "words-phone", "empty-name", "long-name", "long-role"])
def test_invalid_contact_is_refused_and_nothing_written(factory, eid, data, fields, words):
    with session_scope(factory) as s:
        with pytest.raises(ValidationFailed) as exc:
            svc.save_contact(s, eid, data, actor=ACTOR)
    assert {e.field for e in exc.value.errors} == fields
    assert words in str(exc.value)
    assert _count(factory, EnterpriseContact) == 0
    assert _audit(factory, "enterprise_contact") == []


def test_delete_contact(factory, eid):
    with session_scope(factory) as s:
        cid = svc.save_contact(s, eid, svc.ContactInput(name="王五", phone="13900000000"), actor=ACTOR)
    with session_scope(factory) as s:
        svc.delete_contact(s, cid, ACTOR)
    with session_scope(factory) as s:
        assert svc.archive(s, eid).contacts == []
    assert [(e.action, e.actor) for e in _audit(factory, "enterprise_contact", cid)] == [("create", ACTOR),
                                                                                          ("delete", ACTOR)]


def test_contact_for_a_missing_enterprise_or_record_is_not_found(factory, eid):
    with session_scope(factory) as s:
        with pytest.raises(NotFound, match="企业档案已不存在"):
            svc.save_contact(s, uuid.uuid4(), svc.ContactInput(name="李四"), actor=ACTOR)
        with pytest.raises(NotFound, match="联系人记录已不存在"):
            svc.save_contact(s, eid, svc.ContactInput(name="李四"), uuid.uuid4(), actor=ACTOR)
    assert _count(factory, EnterpriseContact) == 0
    assert _audit(factory, "enterprise_contact") == []


def test_a_record_of_another_enterprise_cannot_be_edited_through_this_one(factory, eid):
    with session_scope(factory) as s:
        other = svc.create(s, f.enterprise_input(s.get(Enterprise, eid).town_id, 77))
        lid = svc.save_licence(s, other, svc.LicenceInput(kind="营业执照"), actor=ACTOR)
        cid = svc.save_contact(s, other, svc.ContactInput(name="赵六"), actor=ACTOR)
    with session_scope(factory) as s:
        with pytest.raises(NotFound):
            svc.save_licence(s, eid, svc.LicenceInput(kind="改了别人的"), lid, actor=ACTOR)
        with pytest.raises(NotFound):
            svc.save_contact(s, eid, svc.ContactInput(name="改了别人的"), cid, actor=ACTOR)
    with session_scope(factory) as s:
        a = svc.archive(s, other)
    assert [x.kind for x in a.licences] == ["营业执照"] and [x.name for x in a.contacts] == ["赵六"]
