"""Schema state at start-up (models/schema.py) on SQLite and PostgreSQL: new, current, older, newer and foreign
databases, the SQLite backup, and the connection settings every SQLite connection must have.

Most tests are independent of how many migrations exist: "older than the program" is simulated by letting the
program know one more (fake) revision than the database has, so they keep working when 0002 and later appear;
``test_real_upgrade_from_the_previous_revision`` runs the real upgrade once there is a previous revision.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

import models.entities  # noqa: F401  (registers every table on the metadata)
from models import schema
from models.base import Base
from models.db import BUSY_TIMEOUT_MS, make_engine, make_session_factory, session_scope, sqlite_path
from models.entities import EnterpriseContact, Town
from models.schema import SchemaError, SchemaState, SchemaStatus
from models.services import enterprises as enterprise_service
from tests import factories as f

NEWER = "ffff_from_a_newer_program"
BACKUP_NAME = re.compile(r"(?P<stem>.+)\.backup-(?P<stamp>\d{8}-\d{6})(?P<suffix>\.sqlite3)")
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def engine(empty_db_url: str) -> Iterator[Engine]:
    """An engine on an empty database (overrides conftest's migrated one for this module)."""
    eng = make_engine(empty_db_url)
    yield eng
    eng.dispose()


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def schema_diffs(engine: Engine) -> list:
    """Alembic's autogenerate comparison of the live database with the models: [] when they match.

    Nothing is filtered on either backend: with named constraints (models/base.py) and batch migrations SQLite
    shows no noise today. If a future Alembic/SQLAlchemy reports SQLite-only noise, filter that one kind here,
    explicitly and with a comment, rather than loosening the comparison."""
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
        return compare_metadata(ctx, Base.metadata)


def table_names(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def version_rows(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))]


def set_version(engine: Engine, revision: str) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": revision})


def backups_beside(engine: Engine) -> list[Path]:
    path = sqlite_path(engine)
    if path is None:
        return []
    return sorted(p for p in path.parent.iterdir() if BACKUP_NAME.fullmatch(p.name))


def file_hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def add_town(engine: Engine, name: str) -> None:
    with session_scope(make_session_factory(engine)) as s:
        f.town(s, name)


def town_names(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return sorted(r[0] for r in conn.execute(text("SELECT name FROM towns")))


# ------------------------------------------------------------------------------------------------ new database


def test_empty_database_is_migrated_to_head_and_matches_the_models(engine: Engine) -> None:
    head = schema.known_revisions()[-1]
    assert schema.status(engine) == SchemaStatus(SchemaState.EMPTY, None, head)

    st, backup = schema.ensure_current(engine)

    assert st == SchemaStatus(SchemaState.EMPTY, None, head)
    assert backup is None  # nothing worth backing up
    assert backups_beside(engine) == []
    assert schema.status(engine) == SchemaStatus(SchemaState.CURRENT, head, head)
    assert version_rows(engine) == [head]
    assert table_names(engine) == set(Base.metadata.tables) | {"alembic_version"}
    assert schema_diffs(engine) == []


def test_current_database_is_left_alone(engine: Engine) -> None:
    schema.ensure_current(engine)
    add_town(engine, "归义镇")

    st, backup = schema.ensure_current(engine)

    assert st.state is SchemaState.CURRENT
    assert backup is None and backups_beside(engine) == []
    assert town_names(engine) == ["归义镇"]


def test_every_revision_applies_in_turn(engine: Engine) -> None:
    """Upgrading one revision at a time (as databases of every older release will) ends at the models' schema."""
    revisions = schema.known_revisions()
    for rev in revisions:
        schema.upgrade(engine, rev)
        assert version_rows(engine) == [rev]
    assert schema.status(engine).state is SchemaState.CURRENT
    assert schema_diffs(engine) == []


def test_empty_alembic_version_table_counts_as_a_new_database(engine: Engine) -> None:
    """What Alembic leaves after a downgrade to base: its table, no row, nothing else."""
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)"))
    assert schema.status(engine).state is SchemaState.EMPTY

    st, backup = schema.ensure_current(engine)

    assert st.state is SchemaState.EMPTY
    assert backup is None and backups_beside(engine) == []
    assert schema.status(engine).state is SchemaState.CURRENT
    assert schema_diffs(engine) == []


# --------------------------------------------------------------------------------------------- older database


def test_backup_sqlite_is_a_consistent_copy_including_the_wal(tmp_path: Path) -> None:
    path = tmp_path / "tijian.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    try:
        schema.ensure_current(engine)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").all()
        add_town(engine, "白水镇")  # committed, but only in the -wal file (the pool keeps the connection open)
        name = "白水镇".encode()
        assert name in Path(f"{path}-wal").read_bytes() and name not in path.read_bytes()

        backup = schema.backup_sqlite(engine, now=datetime(2026, 1, 2, 3, 4, 5))
    finally:
        engine.dispose()

    assert backup == tmp_path / "tijian.backup-20260102-030405.sqlite3"
    copy = sqlite3.connect(backup)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert [r[0] for r in copy.execute("SELECT name FROM towns")] == ["白水镇"]
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [(schema.known_revisions()[-1],)]
    finally:
        copy.close()


def test_backup_sqlite_without_a_file_makes_nothing(tmp_path: Path) -> None:
    memory = make_engine("sqlite://")
    missing = make_engine(f"sqlite:///{tmp_path / 'missing.sqlite3'}")
    try:
        assert schema.backup_sqlite(memory) is None
        assert schema.backup_sqlite(missing) is None
        assert list(tmp_path.iterdir()) == []
    finally:
        memory.dispose()
        missing.dispose()


def test_older_database_is_backed_up_then_upgraded(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """A database at the real head, with a program that knows one more revision ("next"), is BEHIND.

    The real upgrade cannot run to a revision that has no file, so ``schema.upgrade`` is replaced by a stand-in
    that records what it was asked and when, and stamps "next" as a successful upgrade would. The real upgrade
    path is covered by the tests above (empty → head) and by test_real_upgrade_from_the_previous_revision."""
    schema.ensure_current(engine)
    add_town(engine, "弼时镇")
    real = schema.known_revisions()
    nxt = "ffff_next"
    monkeypatch.setattr(schema, "known_revisions", lambda: [*real, nxt])
    calls: list[tuple[str, list[Path]]] = []

    def fake_upgrade(eng: Engine, revision: str = "head") -> None:
        assert eng is engine
        calls.append((revision, backups_beside(eng)))
        set_version(eng, nxt)

    monkeypatch.setattr(schema, "upgrade", fake_upgrade)

    st, backup = schema.ensure_current(engine)

    assert st == SchemaStatus(SchemaState.BEHIND, real[-1], nxt)
    assert schema.status(engine) == SchemaStatus(SchemaState.CURRENT, nxt, nxt)
    assert town_names(engine) == ["弼时镇"]
    if not is_sqlite(engine):
        assert backup is None  # the office server is backed up by its administrator, not by each laptop
        assert calls == [("head", [])]
        return
    # SQLite: a timestamped copy next to the file, made before the upgrade started
    assert backup is not None and backup.exists()
    assert calls == [("head", [backup])]
    m = BACKUP_NAME.fullmatch(backup.name)
    original = sqlite_path(engine)
    assert m and backup.parent == original.parent
    assert (m["stem"], m["suffix"]) == (original.stem, original.suffix)
    datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")
    # The copy opens with the program's own engine and holds the data and the revision from before the upgrade.
    copy = make_engine(f"sqlite:///{backup}")
    try:
        assert version_rows(copy) == [real[-1]]
        assert town_names(copy) == ["弼时镇"]
        with copy.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        copy.dispose()


def test_real_upgrade_from_the_previous_revision(engine: Engine) -> None:
    revisions = schema.known_revisions()
    if len(revisions) < 2:
        pytest.skip(f"only one migration ({revisions[0]}) so far: no older schema to upgrade from yet")
    schema.upgrade(engine, revisions[-2])

    st, backup = schema.ensure_current(engine)

    assert st == SchemaStatus(SchemaState.BEHIND, revisions[-2], revisions[-1])
    assert (backup is not None) == is_sqlite(engine)
    if backup is not None:
        with closing(sqlite3.connect(backup)) as copy:
            assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [(revisions[-2],)]
    assert schema.status(engine).state is SchemaState.CURRENT
    assert schema_diffs(engine) == []


# ------------------------------------------------------------------------------------ newer and foreign databases


def test_newer_database_is_refused_and_left_untouched(engine: Engine) -> None:
    schema.ensure_current(engine)
    add_town(engine, "罗江镇")
    set_version(engine, NEWER)
    path = sqlite_path(engine)
    tables = table_names(engine)
    engine.dispose()  # closes the SQLite file: the WAL is folded in, so the bytes on disk are the whole state
    before = file_hashes(path.parent) if path else None

    with pytest.raises(SchemaError) as exc:
        schema.ensure_current(engine)
    engine.dispose()

    message = str(exc.value)
    assert CJK.search(message) and NEWER in message and schema.known_revisions()[-1] in message
    assert "未作任何改动" in message
    if path is not None:
        assert file_hashes(path.parent) == before  # byte for byte, and no backup or other file appeared
    assert version_rows(engine) == [NEWER]
    assert table_names(engine) == tables
    assert town_names(engine) == ["罗江镇"]


def test_foreign_database_is_refused_and_its_data_kept(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(40))"))
        conn.execute(text("INSERT INTO customers VALUES (1, '汨罗市某公司')"))
    assert schema.status(engine) == SchemaStatus(SchemaState.FOREIGN, None, schema.known_revisions()[-1])

    with pytest.raises(SchemaError) as exc:
        schema.ensure_current(engine)

    assert CJK.search(str(exc.value)) and "不是本程序创建的数据库" in str(exc.value)
    assert table_names(engine) == {"customers"}  # no alembic_version, no Tijian table
    with engine.connect() as conn:
        assert conn.execute(text("SELECT id, name FROM customers")).all() == [(1, "汨罗市某公司")]
    assert backups_beside(engine) == []


def test_foreign_sqlite_file_is_left_byte_for_byte_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other-program.sqlite3"
    raw = sqlite3.connect(path)  # another program's file, in SQLite's default (rollback journal) mode
    raw.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    raw.execute("INSERT INTO customers VALUES (1, 'x')")
    raw.commit()
    raw.close()
    before = file_hashes(tmp_path)
    engine = make_engine(f"sqlite:///{path}")
    try:
        with pytest.raises(SchemaError):
            schema.ensure_current(engine)
    finally:
        engine.dispose()
    assert file_hashes(tmp_path) == before


# ------------------------------------------------------------------------------------------ SQLite specifics


def test_sqlite_connections_have_foreign_keys_wal_and_busy_timeout(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    try:
        with engine.connect() as a, engine.connect() as b:  # two pooled connections: each got the settings
            for conn in (a, b):
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS > 0
        with session_scope(make_session_factory(engine)) as s:
            assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
            s.add(Town(name="长乐镇"))
    finally:
        engine.dispose()


PROBE_MIGRATION = '''\
"""probe: rebuild the enterprises table (what any alter_column / drop_column / constraint change does on SQLite)"""
import sqlalchemy as sa
from alembic import op

revision = "ffff_probe_rebuild"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("enterprises", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("probe", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("enterprises", recreate="always") as batch_op:
        batch_op.drop_column("probe")
'''


def test_sqlite_table_rebuild_in_a_migration_keeps_child_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A future migration that rebuilds a parent table (batch mode on SQLite) must not delete its children."""
    migrations = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    head = schema.known_revisions()[-1]
    (migrations / "versions" / "ffff_probe_rebuild.py").write_text(PROBE_MIGRATION.format(down=head), encoding="utf-8")
    engine = make_engine(f"sqlite:///{tmp_path / 'tijian.sqlite3'}")
    try:
        schema.ensure_current(engine)
        with session_scope(make_session_factory(engine)) as s:
            eid = enterprise_service.create(s, f.enterprise_input(f.town(s)), "测试")
            s.add(EnterpriseContact(enterprise_id=eid, name="李四"))
        monkeypatch.setattr(schema, "MIGRATIONS_DIR", migrations)

        st, backup = schema.ensure_current(engine)

        assert st == SchemaStatus(SchemaState.BEHIND, head, "ffff_probe_rebuild")
        assert backup is not None
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM enterprises").scalar() == 1
            assert conn.exec_driver_sql("SELECT count(*) FROM enterprise_contacts").scalar() == 1
            assert conn.exec_driver_sql("SELECT count(*) FROM enterprise_status_changes").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_upgrade_to_0003_keeps_hazards_and_copies_their_deadline(engine: Engine) -> None:
    """0003 rebuilds hazards on SQLite: rows survive (with their photos' links) and original_deadline = deadline."""
    schema.upgrade(engine, "0002")
    with session_scope(make_session_factory(engine)) as s:
        town = Town(name="归义镇")
        s.add(town)
        s.flush()
        eid = enterprise_service.create(s, f.enterprise_input(town.id, 1))
    now = "2026-01-01 00:00:00"
    hid = "33333333-3333-3333-3333-333333333333"
    if is_sqlite(engine):
        hid, eid_value = hid.replace("-", ""), eid.hex
    else:
        eid_value = str(eid)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO hazards (id, created_at, updated_at, version, enterprise_id, seq, description, location,"
                " category, severity, basis, measure, found_on, deadline, responsible_person, rectified_on_site,"
                " status, supervised, remediation_plan, search_text) VALUES (:id, :now, :now, 1, :eid, 1, '灭火器过期',"
                " '', '', 'general', '', '', '2026-01-01', '2026-01-16', '', :f, 'pending', :f, '{}', '')"
            ),
            {"id": hid, "now": now, "eid": eid_value, "f": False},
        )

    schema.ensure_current(engine)

    with engine.connect() as conn:
        row = conn.execute(text("SELECT description, deadline, original_deadline, escalation, extension_pending,"
                                " closed_by FROM hazards")).one()
    assert row[0] == "灭火器过期" and str(row[1]) == str(row[2]) == "2026-01-16"
    assert (row[3], bool(row[4]), row[5]) == (0, False, "")
    assert schema_diffs(engine) == []


def test_upgrade_to_0002_keeps_checklists_and_fills_new_columns(engine: Engine) -> None:
    """0002 rebuilds checklist_templates on SQLite (batch mode): the items that reference it must survive, and the
    new NOT NULL columns of old rows are filled (not NULL, not an error on PostgreSQL)."""
    schema.upgrade(engine, "0001")
    tid, iid = "11111111111111111111111111111111", "22222222222222222222222222222222"
    if not is_sqlite(engine):
        tid, iid = f"{tid[:8]}-{tid[8:12]}-{tid[12:16]}-{tid[16:20]}-{tid[20:]}", f"{iid[:8]}-{iid[8:12]}-{iid[12:16]}-{iid[16:20]}-{iid[20:]}"
    now = "2026-01-01 00:00:00"
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO checklist_templates (id, created_at, updated_at, version, code, revision, name, source,"
                " is_partial, is_current) VALUES (:id, :now, :now, 1, 'general', 1, '通用检查表', '', :f, :t)"
            ),
            {"id": tid, "now": now, "f": False, "t": True},
        )
        conn.execute(
            text(
                "INSERT INTO checklist_items (id, created_at, updated_at, version, template_id, seq, section, text,"
                " basis, is_major_criterion, suggested_measure) VALUES (:id, :now, :now, 1, :tid, 1, '', '灭火器过期',"
                " '', :f, '')"
            ),
            {"id": iid, "tid": tid, "now": now, "f": False},
        )

    st, _backup = schema.ensure_current(engine)

    assert st.state is SchemaState.BEHIND
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name, edition, sectors, file_version FROM checklist_templates")).all() == [
            ("通用检查表", "", "", None)
        ]
        assert conn.execute(text("SELECT text, category FROM checklist_items")).all() == [("灭火器过期", "")]
    assert schema_diffs(engine) == []
