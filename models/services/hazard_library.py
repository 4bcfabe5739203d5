"""The hazard library (隐患库): standard hazard descriptions with their basis, and reusable phrases (常用语).

Built-in entries come from ``resources/hazard_library/*.toml`` (each file versioned like a template) and carry a
``builtin_key``; the office adds its own (``builtin_key`` None). No Qt; services take a session, never commit.

Built-in entries the office edits become the office's: the edit renames the key to ``"~" + key``, so later
versions of the data file neither overwrite the office's wording nor add the original text again. A built-in the
office only deactivated (or used) stays built-in and follows the file. Entries are never deleted: a built-in that a
newer file drops is deactivated.

Search runs on an in-memory copy of the table per engine, checked on every call against a change stamp (row
count, sum of row versions, latest update, sum of use counts — one aggregate query), so another user's edit shows at
the next keystroke. Measured with ``python -m models.services.hazard_library`` (SQLite file, 1,000 entries, a
2-core VM): 0.5–0.8 ms per search including the stamp query (1.2–3 ms while the machine was busy with other test
runs); after another user's edit the reload costs about 20 ms once, after a use was counted (only use counts
changed) about 7 ms. The library ships 230 entries, a third of that.
"""

from __future__ import annotations

import heapq
import re
import time
import tomllib
import uuid
import weakref
from dataclasses import dataclass, replace
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session

from models.entities import HazardLibraryEntry
from models.enums import HAZARD_CATEGORIES, SEVERITY_LABELS, Severity
from models.services import audit
from models.services.errors import ConcurrentEdit, FieldError, NotFound, ValidationFailed
from models.services.locking import flush_or_conflict, saved_meanwhile
from models.text import initials

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "resources" / "hazard_library"

KINDS: dict[str, str] = {"hazard": "隐患描述", "phrase": "常用语"}
TAKEN_OVER = "~"  # prefix of the builtin_key of a built-in entry the office has edited
SYNC_ACTOR = "内置隐患库"
SECTOR_SEP = "、"

FIELD_LABELS: dict[str, str] = {
    "kind": "类型",
    "text": "内容",
    "basis": "依据",
    "category": "类别",
    "severity": "隐患等级",
    "measure": "整改措施",
    "sectors": "适用行业",
}
_LIMITS = {"text": 500, "basis": 1000, "category": 40, "measure": 1000, "sectors": 200}
_CONTENT = ("kind", "text", "basis", "category", "severity", "measure", "sectors")


# ================================================================================================ data


@dataclass(frozen=True)
class LibraryEntry:
    """One entry as lists, the completer and forms show it."""

    id: uuid.UUID
    kind: str
    text: str
    basis: str
    category: str
    severity: str
    measure: str
    sectors: tuple[str, ...]  # () = any sector
    builtin: bool  # shipped in resources and not edited by the office
    use_count: int
    active: bool
    version: int = 0  # for update(..., version=...)
    edited_builtin: bool = False  # was built-in; the office edited it, so it is the office's now

    @property
    def major(self) -> bool:
        return self.severity == Severity.MAJOR


@dataclass
class EntryDraft:
    """What the form supplies. ``sectors`` may be a sequence or a "、"-separated string ("" = any)."""

    text: str
    kind: str = "hazard"
    basis: str = ""
    category: str = ""
    severity: str = Severity.GENERAL
    measure: str = ""
    sectors: tuple[str, ...] | list[str] | str = ()


def _split_sectors(value: tuple[str, ...] | list[str] | str | None) -> tuple[str, ...]:
    if not value:
        return ()
    parts = re.split(r"[、,，;；/\s]+", value) if isinstance(value, str) else [str(x) for x in value]
    return tuple(dict.fromkeys(p.strip() for p in parts if p and p.strip()))


def _clean(draft: EntryDraft) -> dict[str, str]:
    kind = (draft.kind or "").strip()
    values = {
        "kind": kind,
        "text": (draft.text or "").strip(),
        "basis": (draft.basis or "").strip(),
        "category": (draft.category or "").strip(),
        "severity": (draft.severity or Severity.GENERAL).strip(),
        "measure": (draft.measure or "").strip(),
        "sectors": SECTOR_SEP.join(_split_sectors(draft.sectors)),
    }
    if kind == "phrase":  # a phrase is a piece of text: no grading
        values["severity"] = Severity.GENERAL
    return values


def search_text(text: str, basis: str) -> str:
    """The stored search column: lower-case text, pinyin initials of the text, lower-case basis."""
    return f"{text.lower()} | {initials(text)} | {basis.lower()}"


def _entry(r: Any) -> LibraryEntry:
    key = r.builtin_key
    return LibraryEntry(
        id=r.id, kind=r.kind, text=r.text, basis=r.basis or "", category=r.category or "",
        severity=r.severity or Severity.GENERAL, measure=r.measure or "", sectors=_split_sectors(r.sectors),
        builtin=key is not None and not key.startswith(TAKEN_OVER), use_count=r.use_count or 0,
        active=bool(r.active), version=r.version, edited_builtin=key is not None and key.startswith(TAKEN_OVER))


# ================================================================================================ validation


def validate(session: Session, values: dict[str, str], entry_id: uuid.UUID | None = None) -> list[FieldError]:
    errors: list[FieldError] = []
    kind = values["kind"]
    if kind not in KINDS:
        errors.append(FieldError("kind", f"类型“{kind}”无效，只能是隐患描述或常用语。"))
    what = KINDS.get(kind, "内容")
    if not values["text"]:
        errors.append(FieldError("text", f"请填写{what}。"))
    if values["severity"] not in SEVERITY_LABELS:
        errors.append(FieldError("severity", f"隐患等级“{values['severity']}”无效，只能是一般或重大。"))
    for name, most in _LIMITS.items():
        if len(values[name]) > most:
            errors.append(FieldError(name, f"{FIELD_LABELS[name]}不能超过{most}个字（现有{len(values[name])}个）。"))
    if values["text"] and kind in KINDS:
        q = select(HazardLibraryEntry.id, HazardLibraryEntry.active).where(
            HazardLibraryEntry.kind == kind, HazardLibraryEntry.text == values["text"])
        if entry_id is not None:
            q = q.where(HazardLibraryEntry.id != entry_id)
        same = session.execute(q.limit(1)).first()
        if same is not None:
            hint = "（已停用，可在隐患库中重新启用）" if not same.active else ""
            errors.append(FieldError("text", f"隐患库中已有相同的{what}“{values['text']}”{hint}。"))
    return errors


# ================================================================================================ writes


def add(session: Session, draft: EntryDraft, *, actor: str = "") -> LibraryEntry:
    """The office's own entry; ValidationFailed (nothing written) for empty text, an unknown grade, a text the
    library has already for the same kind."""
    values = _clean(draft)
    errors = validate(session, values)
    if errors:
        raise ValidationFailed(errors)
    ent = HazardLibraryEntry(id=uuid.uuid4(), builtin_key=None, use_count=0, active=True,
                             search_text=search_text(values["text"], values["basis"]), **values)
    session.add(ent)
    audit.record(session, actor, "hazard_library", ent.id, "create", kind=values["kind"], text=values["text"])
    session.flush()
    _invalidate(session)
    return _entry(ent)


def _get(session: Session, entry_id: uuid.UUID) -> HazardLibraryEntry:
    ent = session.get(HazardLibraryEntry, entry_id)
    if ent is None:
        raise NotFound("该隐患库条目已不存在（可能已被其他用户删除）。")
    return ent


def update(session: Session, entry_id: uuid.UUID, draft: EntryDraft, *, version: int | None = None,
           actor: str = "") -> LibraryEntry:
    """Save an edit (made on ``version`` when given: ConcurrentEdit if somebody saved in between). Editing a
    built-in entry's content makes it the office's (see the module docstring)."""
    ent = _get(session, entry_id)
    if version is not None and ent.version != version:
        raise ConcurrentEdit(saved_meanwhile(f"隐患库条目“{ent.text[:20]}”", ent.updated_at))
    values = _clean(draft)
    errors = validate(session, values, entry_id)
    if errors:
        raise ValidationFailed(errors)
    changes = {f: [getattr(ent, f), v] for f, v in values.items() if getattr(ent, f) != v}
    if changes:
        for f, v in values.items():
            setattr(ent, f, v)
        ent.search_text = search_text(values["text"], values["basis"])
        if ent.builtin_key is not None and not ent.builtin_key.startswith(TAKEN_OVER):
            ent.builtin_key = TAKEN_OVER + ent.builtin_key
            changes["builtin_key"] = [ent.builtin_key[1:], ent.builtin_key]
        audit.record(session, actor, "hazard_library", ent.id, "update", changes=changes)
        flush_or_conflict(session, "隐患库条目")
        _invalidate(session)
    return _entry(ent)


def set_active(session: Session, entry_id: uuid.UUID, active: bool, *, actor: str = "") -> None:
    """Hide an entry from search (停用) or show it again; a built-in stays built-in."""
    ent = _get(session, entry_id)
    if bool(ent.active) == bool(active):
        return
    ent.active = bool(active)
    audit.record(session, actor, "hazard_library", ent.id, "activate" if active else "deactivate", text=ent.text)
    flush_or_conflict(session, "隐患库条目")
    _invalidate(session)


def record_use(session: Session, entry_id: uuid.UUID) -> None:
    """Count one use (the completer's choice): frequently used entries rank first. Not an edit: the row version
    stays, so an edit form open elsewhere is not disturbed."""
    t = HazardLibraryEntry.__table__
    # updated_at kept as is: its onupdate default would make the use look like an edit
    done = session.execute(sql_update(t).where(t.c.id == entry_id)
                           .values(use_count=t.c.use_count + 1, updated_at=t.c.updated_at))
    if done.rowcount == 0:
        raise NotFound("该隐患库条目已不存在（可能已被其他用户删除）。")


# ================================================================================================ built-in data


@dataclass(frozen=True)
class BuiltinFile:
    path: Path
    version: str
    entries: tuple[tuple[str, dict[str, str]], ...]  # (builtin_key, cleaned values)


def read_builtin(folder: Path = DEFAULT_FOLDER) -> list[BuiltinFile]:
    """The data files: ``version = "..."`` and ``[[hazard]]`` / ``[[phrase]]`` tables with key, text, basis,
    category, severity, measure, sectors. A malformed file is a programming error (ValueError)."""
    out: list[BuiltinFile] = []
    seen: set[str] = set()
    for path in sorted(Path(folder).glob("*.toml")):
        with path.open("rb") as f:
            data = tomllib.load(f)
        version = str(data.get("version") or "")
        if not version:
            raise ValueError(f"{path.name}: no version")
        entries: list[tuple[str, dict[str, str]]] = []
        for kind in KINDS:
            for raw in data.get(kind, []):
                key = str(raw.get("key") or "")
                if not key or key.startswith(TAKEN_OVER) or len(key) > 59 or key in seen:
                    raise ValueError(f"{path.name}: bad or repeated key {key!r}")
                seen.add(key)
                values = _clean(EntryDraft(
                    kind=kind, text=raw.get("text", ""), basis=raw.get("basis", ""),
                    category=raw.get("category", ""), severity=raw.get("severity", Severity.GENERAL),
                    measure=raw.get("measure", ""), sectors=raw.get("sectors", ())))
                if not values["text"] or values["severity"] not in SEVERITY_LABELS:
                    raise ValueError(f"{path.name}: entry {key!r} has no text or a bad severity")
                if any(len(values[n]) > most for n, most in _LIMITS.items()):
                    raise ValueError(f"{path.name}: entry {key!r} too long")
                entries.append((key, values))
        out.append(BuiltinFile(path, version, tuple(entries)))
    return out


def sync_builtin(session: Session, folder: Path = DEFAULT_FOLDER) -> int:
    """Bring the built-in entries in line with the data files; returns how many rows were added, updated or
    deactivated (0 when nothing changed: safe to call at every start).

    - a new key is added (unless the office has an entry of the same kind with the same text already);
    - a built-in the office has not edited takes the file's texts (its use count and active flag stay);
    - a built-in the office edited (key ``~…``) is left alone, and its original is not added again;
    - a built-in key the files no longer have is deactivated; the office's own entries are never touched.

    Cost: about 20 ms when nothing changed (reading the TOML is 8 ms of it); the first load into a new database
    computes the pinyin initials of every entry, about 0.8 s with the import of pypinyin."""
    files = read_builtin(folder)
    t = HazardLibraryEntry.__table__
    # plain rows to compare (cheap at every start); ORM objects only for the rows that change
    rows = {r.builtin_key: r for r in session.execute(
        select(t.c.id, t.c.builtin_key, t.c.active, *(t.c[f] for f in _CONTENT)).where(t.c.builtin_key.is_not(None)))}
    office_texts = {(k, t) for k, t in session.execute(
        select(HazardLibraryEntry.kind, HazardLibraryEntry.text).where(HazardLibraryEntry.builtin_key.is_(None)))}
    added = updated = retired = 0
    wanted: set[str] = set()
    for file in files:
        for key, values in file.entries:
            wanted.add(key)
            row = rows.get(key)
            if row is None:
                if TAKEN_OVER + key in rows or (values["kind"], values["text"]) in office_texts:
                    continue
                session.add(HazardLibraryEntry(id=uuid.uuid4(), builtin_key=key, use_count=0, active=True,
                                               search_text=search_text(values["text"], values["basis"]), **values))
                added += 1
            elif any(getattr(row, f) != v for f, v in values.items()):
                ent = session.get(HazardLibraryEntry, row.id)
                for f, v in values.items():
                    setattr(ent, f, v)
                ent.search_text = search_text(values["text"], values["basis"])
                updated += 1
    for key, row in rows.items():
        if not key.startswith(TAKEN_OVER) and key not in wanted and row.active:
            session.get(HazardLibraryEntry, row.id).active = False  # type: ignore[union-attr]
            retired += 1
    changed = added + updated + retired
    if changed:
        audit.record(session, SYNC_ACTOR, "hazard_library", None, "sync",
                     files={f.path.name: f.version for f in files}, added=added, updated=updated, retired=retired)
        session.flush()
        _invalidate(session)
    return changed


# ================================================================================================ reads


def entries(session: Session, *, kind: str | None = None, include_inactive: bool = False) -> list[LibraryEntry]:
    """All entries (of ``kind``): hazards before phrases, by category (in the order of HAZARD_CATEGORIES, other
    categories after them), then by text."""
    q = select(HazardLibraryEntry)
    if kind is not None:
        q = q.where(HazardLibraryEntry.kind == kind)
    if not include_inactive:
        q = q.where(HazardLibraryEntry.active.is_(True))
    rows = [_entry(r) for r in session.execute(q).scalars()]
    kinds = {k: i for i, k in enumerate(KINDS)}
    categories = {c: i for i, c in enumerate(HAZARD_CATEGORIES)}
    return sorted(rows, key=lambda e: (kinds.get(e.kind, 9), categories.get(e.category, len(categories)),
                                       e.category, e.text))


def get(session: Session, entry_id: uuid.UUID) -> LibraryEntry:
    return _entry(_get(session, entry_id))


class _Index:
    """The table in memory: entries and their search columns, loaded when the stamp changes."""

    def __init__(self) -> None:
        self.stamp: tuple | None = None
        self.entries: list[LibraryEntry] = []
        self.full: list[str] = []  # the search column
        self.head: list[str] = []  # text and initials only (a match there ranks before a basis-only match)
        self._positions: dict[tuple[str | None, bool], list[int]] = {}

    def load(self, rows: list[Any], stamp: tuple) -> None:
        self.entries = [_entry(r) for r in rows]
        self.full = [r.search_text or search_text(r.text, r.basis or "") for r in rows]
        self.head = [s.rsplit(" | ", 1)[0] if s.count(" | ") >= 2 else s for s in self.full]
        self._positions = {}
        self.stamp = stamp

    def positions(self, kind: str | None, include_inactive: bool) -> list[int]:
        """Positions of the entries of ``kind`` (None: all), active ones only unless ``include_inactive``."""
        key = (kind, include_inactive)
        found = self._positions.get(key)
        if found is None:
            found = self._positions[key] = [
                i for i, e in enumerate(self.entries)
                if (kind is None or e.kind == kind) and (e.active or include_inactive)]
        return found


_INDEXES: weakref.WeakKeyDictionary[Engine, _Index] = weakref.WeakKeyDictionary()


def _engine(session: Session) -> Engine:
    bind = session.get_bind()
    return bind.engine if hasattr(bind, "engine") else bind  # type: ignore[return-value]


def _invalidate(session: Session) -> None:
    index = _INDEXES.get(_engine(session))
    if index is not None:
        index.stamp = None


def _stamp(session: Session) -> tuple:
    t = HazardLibraryEntry.__table__
    q = select(func.count(), func.coalesce(func.sum(t.c.version), 0), func.max(t.c.updated_at),
               func.coalesce(func.sum(t.c.use_count), 0)).select_from(t)
    return tuple(session.execute(q).one())


def _index(session: Session) -> _Index:
    engine = _engine(session)
    index = _INDEXES.get(engine)
    if index is None:
        index = _INDEXES[engine] = _Index()
    current = _stamp(session)
    if current == index.stamp:
        return index
    t = HazardLibraryEntry.__table__
    if index.stamp is not None and current[:3] == index.stamp[:3]:  # only use counts changed: ~5x cheaper
        counts = {k: n for k, n in session.execute(select(t.c.id, t.c.use_count))}
        index.entries = [e if counts.get(e.id, e.use_count) == e.use_count else replace(e, use_count=counts[e.id])
                         for e in index.entries]
        index.stamp = current
    else:
        index.load(list(session.execute(select(t))), current)
    return index


def search(session: Session, query: str, *, kind: str | None = "hazard", sector: str | None = None,
           limit: int | None = 20, include_inactive: bool = False) -> list[LibraryEntry]:
    """Entries as the user types: every word of ``query`` (split on spaces) must occur in the text, the basis, or
    the pinyin initials of the text ("mhq gq" finds 灭火器…过期). ``kind`` None searches both kinds.

    Order: entries matched in their text (or initials) before those matched only in their basis; then entries for
    ``sector`` before those for any sector before those for other sectors; then the most used; then the shorter
    text. An empty query lists the entries in that order. Inactive entries only with ``include_inactive``."""
    index = _index(session)
    words = query.lower().split()
    full, head, all_entries = index.full, index.head, index.entries
    picked = index.positions(kind, include_inactive)
    for w in words:  # each word narrows the candidates: the later words look at few rows
        picked = [i for i in picked if w in full[i]]
    found: list[tuple[tuple, LibraryEntry]] = []
    for i in picked:
        entry = all_entries[i]
        tier = 0 if all(w in head[i] for w in words) else 1
        if sector is None or not entry.sectors:
            fit = 1 if sector is not None else 0
        else:
            fit = 0 if sector in entry.sectors else 2
        found.append(((tier, fit, -entry.use_count, len(entry.text), entry.text), entry))
    if limit is None or limit >= len(found):
        found.sort(key=itemgetter(0))
    else:
        found = heapq.nsmallest(limit, found, key=itemgetter(0))
    return [e for _, e in found]


# ================================================================================================ figures


def _measure() -> None:  # pragma: no cover - prints the docstring's figures
    import random
    import tempfile

    from models import schema
    from models.db import make_engine, make_session_factory

    with tempfile.TemporaryDirectory() as d:
        engine = make_engine(f"sqlite:///{d}/lib.sqlite3")
        schema.ensure_current(engine)
        factory = make_session_factory(engine)
        with factory() as s:
            sync_builtin(s)
            base = entries(s, kind="hazard")
            rnd = random.Random(1)
            n = len(entries(s, include_inactive=True))
            i = 0
            while n < 1000:
                e = rnd.choice(base)
                i += 1
                s.add(HazardLibraryEntry(id=uuid.uuid4(), kind="hazard", text=f"{e.text}（{i}号）", basis=e.basis,
                                         category=e.category, severity=e.severity, measure=e.measure,
                                         sectors=SECTOR_SEP.join(e.sectors), use_count=rnd.randint(0, 30),
                                         active=True, search_text=search_text(f"{e.text}（{i}号）", e.basis)))
                n += 1
            s.commit()
            t0 = time.perf_counter()
            search(s, "灭火")
            print(f"first search (load {n} rows): {(time.perf_counter() - t0) * 1000:.1f} ms")
            some = search(s, "")[0].id
            t0 = time.perf_counter()
            for _ in range(20):
                record_use(s, some)
                search(s, "灭火")
            print(f"search after another use was counted: {(time.perf_counter() - t0) * 50:.1f} ms")
            t0 = time.perf_counter()
            for _ in range(20):
                s.execute(sql_update(HazardLibraryEntry).where(HazardLibraryEntry.id == some)
                          .values(version=HazardLibraryEntry.version + 1))
                search(s, "灭火")
            print(f"search after an edit (full reload): {(time.perf_counter() - t0) * 50:.1f} ms")
            for q in ("灭", "灭火 过期", "mhq", "安全生产法", "配电箱 接地", "zzz"):
                t0 = time.perf_counter()
                for _ in range(100):
                    hits = search(s, q, sector="樟脑油")
                print(f"{q!r}: {(time.perf_counter() - t0) * 10:.2f} ms per search, {len(hits)} shown")
        engine.dispose()


if __name__ == "__main__":  # pragma: no cover
    _measure()
