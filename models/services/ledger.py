"""The hazard ledger (隐患台账): every hazard in one list, its filters, totals, order and the start-up reminders.

Two ways to the same answers:

* ``LedgerIndex`` — an in-memory column store of what the ledger filters, sorts and shows, for the ledger page. At
  100,000 hazards a filter or a keystroke is a few C-level ``map``/``compress`` passes over columns (a few ms)
  instead of a join and a table scan. It follows ``registry_index.py``: reload when a change stamp differs.
* ``count_sql`` / ``rows_sql`` — the same filters in plain SQL, for the export, the enterprise archive's own ledger
  (tens of rows), the reminders and the tests (which check the index against them on SQLite and PostgreSQL).

Both put rows in the same order: ``rows_sql`` filters in SQL and then orders with the very code the index uses
(``_Data.order``), so an export lists exactly what the page shows, in its order.

Overdue and the escalation level are derived from the deadline and ``today`` by ``hazard_rules`` (never stored);
the index applies the rule once per distinct deadline (a few thousand dates) and picks per row by lookup.

Loading the index costs about a second at 100,000 hazards (most of it the database handing over the rows), so
``load_data`` is a plain function a worker thread can run with its own session, and ``LedgerIndex.install`` swaps
the result in on the UI thread; ``first_rows`` + ``count_sql`` give the first screen before that from a few index
lookups. No Qt here.
"""

from __future__ import annotations

import time
import uuid
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate, compress, repeat
from operator import add, eq, ge, gt, itemgetter, le, mul, ne
from operator import and_ as both
from typing import Any, NamedTuple

from sqlalchemy import String, and_, cast, false, func, select
from sqlalchemy import or_ as sql_or
from sqlalchemy.orm import Session

from models.entities import Enterprise, Expert, Hazard, Officer, Town, Village, Visit
from models.enums import HazardStatus, Severity, VisitKind
from models.services import hazard_rules
from models.services import settings as settings_svc

CLOSED = HazardStatus.CLOSED.value
OPEN_STATUSES: tuple[str, ...] = tuple(s.value for s in HazardStatus if s != HazardStatus.CLOSED)
MAJOR = Severity.MAJOR.value
OPEN = "open"  # LedgerFilter.status: every status but 已销号

# Sort keys (one per ledger column, plus "overdue_days"); "ledger" is the ledger's own order: found date, firm
# (pinyin), number within the inspection. Every order ends with that, then the hazard id, so it is total.
SORT_KEYS: tuple[str, ...] = ("ledger", "enterprise", "town", "description", "severity", "category", "found_on",
                              "deadline", "status", "escalation", "finder", "visit_kind", "review_note", "closed_on",
                              "overdue_days")
DEFAULT_SORT = "found_on"
DEFAULT_DESCENDING = True  # newest first

_NOT_LATE = -(10 ** 9)  # the "days overdue" sort value of closed and undated hazards: below every real value
_STATUS_RANK = {s.value: i for i, s in enumerate(HazardStatus)}
_SEVERITY_RANK = {MAJOR: 0, Severity.GENERAL.value: 1}
_KIND_RANK = {k.value: i for i, k in enumerate(VisitKind)}


# ================================================================================================ public data


@dataclass
class LedgerFilter:
    """What the ledger shows. ``status``: a HazardStatus code or ``"open"`` (not 已销号). ``overdue``: True = only
    overdue hazards, False = none of them. Dates are inclusive. ``escalation_min``: escalation level ≥ n (1 到期,
    2 逾期3天以上, 3 逾期7天以上). ``text``: words that must all occur in the hazard (description, location, basis,
    measure, responsible person, pinyin initials of the description) or its firm (name, pinyin initials, USCC,
    address, legal representative)."""

    town_id: uuid.UUID | None = None
    village_id: uuid.UUID | None = None
    enterprise_id: uuid.UUID | None = None
    sector: str | None = None
    severity: str | None = None
    status: str | None = None
    overdue: bool | None = None
    deadline_from: date | None = None
    deadline_to: date | None = None
    found_from: date | None = None
    found_to: date | None = None
    expert_id: uuid.UUID | None = None
    visit_kind: str | None = None
    escalation_min: int | None = None
    text: str = ""

    def words(self) -> list[str]:
        return self.text.lower().split()


@dataclass(frozen=True)
class LedgerTotals:
    """The totals line: 发现 N · 已销号 N · 整改率 x% · 逾期 N · 重大未销号 N."""

    found: int = 0
    closed: int = 0
    open: int = 0
    rectification_rate: float = 0.0  # closed / found, 0 when nothing was found
    overdue: int = 0
    major_open: int = 0

    @classmethod
    def of(cls, found: int, closed: int, overdue: int, major_open: int) -> LedgerTotals:
        return cls(found, closed, found - closed, closed / found if found else 0.0, overdue, major_open)


class LedgerRow(NamedTuple):
    """One ledger line (a NamedTuple: 100,000 of them for an export are made 10x faster than frozen dataclasses). ``overdue``, ``days_overdue`` and ``escalation`` are for the ``today`` the row was made
    for. ``basis``, ``measure``, ``responsible_person`` and ``location`` come with ``rows_sql`` (the export and the
    archive); rows of the in-memory index leave them empty (the page does not show them)."""

    id: uuid.UUID
    enterprise_id: uuid.UUID
    enterprise: str
    town: str
    village: str
    seq: int
    description: str
    severity: str
    category: str
    found_on: date
    deadline: date | None
    status: str
    overdue: bool
    days_overdue: int
    escalation: int
    finder: str
    visit_kind: str | None
    review_note: str
    closed_on: date | None
    basis: str = ""
    measure: str = ""
    responsible_person: str = ""
    location: str = ""


def escalation_thresholds(session: Session) -> tuple[int, ...]:
    """Setting ``escalation_days`` (days past the deadline for levels 1, 2, 3), ascending; defaults if unreadable."""
    try:
        values = [int(x) for x in settings_svc.get(session, "escalation_days")]
    except (TypeError, ValueError):
        values = [int(x) for x in settings_svc.DEFAULTS["escalation_days"]]
    return tuple(sorted(values))


def _int_setting(session: Session, key: str) -> int:
    try:
        return int(settings_svc.get(session, key))
    except (TypeError, ValueError):
        return int(settings_svc.DEFAULTS[key])


# ================================================================================================ column store

# A firm as the ledger needs it (positions in the tuples of ``_Data.firms``).
(F_NAME, F_NAME_SORT, F_TOWN, F_VILLAGE, F_TOWN_ORDER, F_TOWN_ID, F_VILLAGE_ID, F_SECTOR, F_SEARCH) = range(9)
_NO_FIRM = ("", "", "", "", None, "", "", "", "")
# Derived columns load_data makes at once (the filters' and the totals' first use would otherwise pay for them).
_PREPARED = ("firm", "fsearch", "town_id", "village_id", "sector", "open", "closed_mask", "major_open", "finder")

# Per-hazard columns handed to _Data, in this order.
_COLUMNS = ("keys", "firm_keys", "seq", "description", "category", "severity", "found", "deadline", "status",
            "closed", "expert", "officer", "kind", "review")
# Columns with few distinct values: one string object per value instead of one per row.
_SHARED = ("firm_keys", "category", "severity", "found", "deadline", "status", "closed", "expert", "officer", "kind",
           "review")


def _none_first(value: Any) -> tuple[int, Any]:
    return (0, 0) if value is None else (1, value)


class _TextColumn:
    """A text column searched for substrings: the rows' texts joined by NUL into a few long strings (one per
    ``chunk`` rows), so that finding a word is ``str.find`` over the joined text at C speed plus a step per
    matching row, instead of a ``in`` test per row on 100,000 strings spread over memory (3-4x faster, and less
    memory than 100,000 string objects). Chunks keep one rare character (stored 4 bytes wide) from widening all."""

    def __init__(self, texts: Sequence[str], chunk: int = 4096) -> None:
        self.chunk = chunk
        self.parts: list[tuple[str, list[int]]] = []  # (joined text, start offset of each row + the end)
        for first in range(0, len(texts), chunk):
            rows = [t.replace("\x00", "") for t in texts[first:first + chunk]]
            starts = list(accumulate(map(len, rows), lambda a, n: a + n + 1, initial=0))
            self.parts.append(("\x00".join(rows) + "\x00", starts))

    def __getitem__(self, i: int) -> str:
        text, starts = self.parts[i // self.chunk]
        k = i % self.chunk
        return text[starts[k]:starts[k + 1] - 1]

    def rows_with(self, word: str) -> list[int]:
        """Rows whose text contains ``word``, ascending."""
        out: list[int] = []
        if not word or "\x00" in word:
            return out
        for p, (text, starts) in enumerate(self.parts):
            base, find, append = p * self.chunk, text.find, out.append
            at = find(word)
            while at >= 0:
                k = bisect_right(starts, at) - 1
                append(base + k)
                at = find(word, starts[k + 1])  # the rest of this row need not be searched
        return out


class _Data:
    """One loaded state of the ledger: per-hazard columns (tuples/lists, dates as ISO text, ids as the database
    renders them as text), the firms and people they refer to, and caches derived from them. Built off the UI
    thread by ``load_data``; afterwards read (and its caches filled) by one thread only."""

    def __init__(self, columns: dict[str, Sequence[Any]], firms: dict[str, tuple], people: dict[str, str],
                 stamp: tuple | None = None, extra: dict[str, Sequence[Any]] | None = None,
                 search: _TextColumn | None = None) -> None:
        self.cols: dict[str, Sequence[Any]] = columns
        self.search = search  # the hazards' search_text (load_data; rows_sql filters in SQL and has none)
        self.n = len(columns["keys"])
        self.firms = firms
        self.people = people
        self.stamp = stamp
        self.extra = extra or {}  # rows_sql: basis, measure, responsible, location
        self._lazy: dict[str, list[Any]] = {}
        self._orders: dict[tuple[str, bool], list[int]] = {}
        self.today: date | None = None
        self.thresholds: tuple[int, ...] = hazard_rules.DEFAULT_ESCALATION_DAYS
        self.totals_all: LedgerTotals | None = None  # LedgerIndex.totals of every row, for today

    # ------------------------------------------------------------------ columns

    def col(self, name: str) -> Sequence[Any]:
        """A stored column, or one derived from them (made once)."""
        got = self.cols.get(name)
        if got is not None:
            return got
        got = self._lazy.get(name)
        if got is None:
            got = self._lazy[name] = self._make(name)
        return got

    def _firm_col(self, position: int) -> list[Any]:
        return list(map(itemgetter(position), self.col("firm")))

    def _make(self, name: str) -> list[Any]:
        c = self.cols
        if name == "firm":
            return list(map(self.firms.get, c["firm_keys"], repeat(_NO_FIRM)))
        if name in ("town_id", "village_id", "sector", "fsearch", "name_sort", "name"):
            return self._firm_col({"town_id": F_TOWN_ID, "village_id": F_VILLAGE_ID, "sector": F_SECTOR,
                                   "fsearch": F_SEARCH, "name_sort": F_NAME_SORT, "name": F_NAME}[name])
        if name == "open":
            return list(map(ne, c["status"], repeat(CLOSED)))
        if name == "closed_mask":
            return list(map(eq, c["status"], repeat(CLOSED)))
        if name == "major_open":
            return list(map(both, map(eq, c["severity"], repeat(MAJOR)), map(ne, c["status"], repeat(CLOSED))))
        if name == "finder":
            people = self.people
            return [people.get(x) or people.get(o) or "" for x, o in zip(c["expert"], c["officer"], strict=True)]
        raise KeyError(name)

    # ------------------------------------------------------------------ derived from today

    def derive(self, today: date, thresholds: Sequence[int]) -> None:
        """Days overdue, overdue and escalation level for ``today``, by the rule in hazard_rules applied once per
        distinct deadline."""
        thresholds = tuple(sorted(thresholds))
        if today == self.today and thresholds == self.thresholds:
            return
        dated = {d for d in self.cols["deadline"] if d}
        open_ = HazardStatus.PENDING.value
        late_of: dict[str, int] = {"": _NOT_LATE}
        level_of: dict[str, int] = {"": 0}
        for d in dated:
            day = date.fromisoformat(d)
            late_of[d] = hazard_rules.days_overdue(open_, day, today)
            level_of[d] = hazard_rules.escalation_level(open_, day, today, thresholds)
        deadline, is_open = self.cols["deadline"], self.col("open")
        # closed hazards: not late at all (hazard_rules: 0 days, level 0, not overdue)
        late = [late_of[d] if o else _NOT_LATE for d, o in zip(deadline, is_open, strict=True)]
        self._lazy["late"] = late
        self._lazy["level"] = [level_of[d] if o else 0 for d, o in zip(deadline, is_open, strict=True)]
        self._lazy["overdue"] = overdue = list(map(gt, late, repeat(0)))
        # what the totals line counts, as one small number per row: 1 closed, 2 overdue, 4 major and open
        self._lazy["kind_code"] = list(map(add, map(add, self.col("closed_mask"), map(mul, overdue, repeat(2))),
                                           map(mul, self.col("major_open"), repeat(4))))
        for k in [k for k in self._orders if k[0] in ("escalation", "overdue_days")]:
            del self._orders[k]
        self.today, self.thresholds = today, thresholds
        self.totals_all = None

    # ------------------------------------------------------------------ order

    def _base(self) -> list[int]:
        got = self._orders.get(("ledger", False))
        if got is None:
            c = self.cols
            ties = list(zip(c["found"], self.col("name_sort"), self.col("name"), c["seq"], c["keys"], strict=True))
            got = self._orders[("ledger", False)] = sorted(range(self.n), key=ties.__getitem__)
        return got

    def _rank_by_firm(self, key: Callable[[tuple], Any]) -> list[int]:
        """Per row, the rank of its firm by ``key`` (firms are few: sorting them is cheaper than sorting rows)."""
        values = {k: key(f) for k, f in self.firms.items()}
        rank = {v: i for i, v in enumerate(sorted(set(values.values())))}  # equal values, equal rank
        by_firm = {k: rank[v] for k, v in values.items()}
        return list(map(by_firm.get, self.cols["firm_keys"], repeat(-1)))

    def _values(self, sort: str) -> Sequence[Any]:
        c = self.cols
        if sort == "enterprise":
            return self._rank_by_firm(lambda f: (f[F_NAME_SORT], f[F_NAME]))
        if sort == "town":
            return self._rank_by_firm(lambda f: (_none_first(f[F_TOWN_ORDER]), f[F_TOWN]))
        if sort == "description":
            return c["description"]
        if sort == "severity":
            return list(map(_SEVERITY_RANK.get, c["severity"], repeat(9)))
        if sort == "category":
            return c["category"]
        if sort == "found_on":
            return c["found"]
        if sort == "deadline":
            return c["deadline"]
        if sort == "status":
            return list(map(_STATUS_RANK.get, c["status"], repeat(9)))
        if sort in ("escalation", "overdue_days"):  # the level grows with the days overdue: one order for both
            if self.today is None:
                raise RuntimeError("derive(today) first")
            return self.col("late")
        if sort == "finder":
            return self.col("finder")
        if sort == "visit_kind":
            return list(map(_KIND_RANK.get, c["kind"], repeat(9)))
        if sort == "review_note":
            return c["review"]
        if sort == "closed_on":
            return c["closed"]
        raise ValueError(f"unknown sort key {sort!r}")

    def order(self, sort: str, descending: bool) -> list[int]:
        """Row positions in display order: the sort key, then the ledger order (stable, also when descending)."""
        if sort not in SORT_KEYS:
            raise ValueError(f"unknown sort key {sort!r}")
        got = self._orders.get((sort, descending))
        if got is None:
            base = self._base()
            if sort == "ledger":
                if not descending:
                    return base
                got = base[::-1]
            else:
                values = self._values(sort)
                got = sorted(base, key=values.__getitem__, reverse=descending)
            self._orders[(sort, descending)] = got
        return got

    # ------------------------------------------------------------------ rows

    def row(self, i: int) -> LedgerRow:
        return self.rows([i])[0]

    def rows(self, positions: Sequence[int]) -> list[LedgerRow]:
        """Ledger rows for ``positions`` (dates and firm ids made once per distinct value)."""
        c, x, derived = self.cols, self.extra, self.today is not None
        keys, firm_keys, seq, description = c["keys"], c["firm_keys"], c["seq"], c["description"]
        severity, category, found, deadline, status = c["severity"], c["category"], c["found"], c["deadline"], c["status"]
        kind, review, closed = c["kind"], c["review"], c["closed"]
        firm, finder = self.col("firm"), self.col("finder")
        late_col, level_col = (self.col("late"), self.col("level")) if derived else (None, None)
        basis, measure, responsible, location = (x["basis"], x["measure"], x["responsible"], x["location"]) if x \
            else (None, None, None, None)
        days: dict[str, date | None] = {"": None}
        firm_ids: dict[str, uuid.UUID] = {}

        def day(text: str) -> date | None:
            got = days.get(text, days)
            if got is days:
                got = days[text] = date.fromisoformat(text)
            return got  # type: ignore[return-value]

        out = []
        for i in positions:
            f, fk = firm[i], firm_keys[i]
            fid = firm_ids.get(fk)
            if fid is None:
                fid = firm_ids[fk] = uuid.UUID(fk)
            late = late_col[i] if late_col is not None else _NOT_LATE
            out.append(LedgerRow(
                id=uuid.UUID(keys[i]), enterprise_id=fid, enterprise=f[F_NAME], town=f[F_TOWN],
                village=f[F_VILLAGE], seq=seq[i], description=description[i], severity=severity[i],
                category=category[i], found_on=day(found[i]), deadline=day(deadline[i]),  # type: ignore[arg-type]
                status=status[i], overdue=late > 0, days_overdue=0 if late == _NOT_LATE else late,
                escalation=level_col[i] if level_col is not None else 0, finder=finder[i],
                visit_kind=kind[i] or None, review_note=review[i], closed_on=day(closed[i]),
                basis=basis[i] if basis is not None else "", measure=measure[i] if measure is not None else "",
                responsible_person=responsible[i] if responsible is not None else "",
                location=location[i] if location is not None else ""))
        return out


# ================================================================================================ loading

_H = Hazard.__table__.c
_E = Enterprise.__table__.c
_V = Visit.__table__.c


def _text(column: Any) -> Any:
    return func.coalesce(cast(column, String), "")


def _hazard_columns() -> list[Any]:
    """The per-hazard columns of ``_COLUMNS``, as SQL (ids and dates as text; '' for none)."""
    return [cast(_H.id, String), cast(_H.enterprise_id, String), _H.seq, _H.description, _H.category, _H.severity,
            cast(_H.found_on, String), _text(_H.deadline), _H.status, _text(_H.closed_on),
            _text(_H.found_by_expert_id), _text(_H.found_by_officer_id), func.coalesce(_V.kind, ""), _H.review_note]


def _firm_columns(t: Any, v: Any) -> list[Any]:
    return [cast(_E.id, String), _E.name, func.coalesce(_E.name_sort, ""), func.coalesce(t.c.name, ""),
            func.coalesce(v.c.name, ""), t.c.sort_order, _text(_E.town_id), _text(_E.village_id), _E.sector,
            _E.search_text]


def _firms(conn: Any, ids: set[uuid.UUID] | None = None) -> dict[str, tuple]:
    """The firms ``ids`` (default: every firm with a hazard) by id as text, as the tuples F_NAME … F_SEARCH."""
    t, v = Town.__table__.alias(), Village.__table__.alias()
    q = (select(*_firm_columns(t, v)).select_from(Enterprise.__table__)
         .outerjoin(t, t.c.id == _E.town_id).outerjoin(v, v.c.id == _E.village_id))
    q = q.where(_E.id.in_(select(_H.enterprise_id).distinct()) if ids is None else _E.id.in_(ids))
    return {r[0]: tuple(r[1:]) for r in conn.execute(q)}


def _people(session: Session) -> dict[str, str]:
    """Experts' and officers' names by id as text (both tables are small)."""
    conn = session.connection()
    out: dict[str, str] = {}
    for table in (Expert.__table__, Officer.__table__):
        out.update(conn.execute(select(cast(table.c.id, String), table.c.name)).all())
    return out


def stamp(session: Session) -> tuple:
    """Changes whenever a hazard is added, removed or updated (updates bump ``version``), and when a firm or a
    person the ledger names changes. One statement of scalar subqueries."""
    from models.services.registry_index import stamp as registry_stamp

    h, x = Hazard.__table__, Expert.__table__
    q = select(select(func.count()).select_from(h).scalar_subquery(),
               select(func.coalesce(func.sum(h.c.version), 0)).scalar_subquery(),
               select(func.max(h.c.updated_at)).scalar_subquery(),
               select(func.count()).select_from(x).scalar_subquery(),
               select(func.coalesce(func.sum(x.c.version), 0)).scalar_subquery())
    return tuple(session.connection().execute(q).one()) + registry_stamp(session)


def load_data(session: Session, stamp_value: tuple | None = None) -> _Data:
    """Read every hazard into a new column store (about a second at 100,000 hazards; safe in a worker thread with
    its own session). Pass the ``stamp`` read before, so that changes made while loading are seen next time."""
    conn = session.connection()
    q = (select(*_hazard_columns(), _H.search_text).select_from(Hazard.__table__)
         .outerjoin(Visit.__table__, _V.id == _H.visit_id))
    columns = _read_columns(conn.execute(q), (*_COLUMNS, "search"))
    search = _TextColumn(columns.pop("search"))
    data = _Data(columns, _firms(conn), _people(session), stamp_value, search=search)
    # What the first filters and the first screen need, made here rather than on the UI thread.
    for name in _PREPARED:
        data.col(name)
    data.order(DEFAULT_SORT, DEFAULT_DESCENDING)
    return data


def _read_columns(result: Any, names: Sequence[str]) -> dict[str, list[Any]]:
    """Columns of a query result, read in chunks so that only a chunk of rows exists at a time; the columns with
    few distinct values keep one string object per value (a date, a status) instead of one per row."""
    cols: list[list[Any]] = [[] for _ in names]
    pool: dict[Any, Any] = {}
    shared = [name in _SHARED for name in names]
    for part in result.partitions(10_000):
        for col, values, share in zip(cols, zip(*part, strict=True), shared, strict=True):
            col.extend(map(pool.setdefault, values, values) if share else values)
    return dict(zip(names, cols, strict=True))


def _key_text(value: uuid.UUID, sample: str | None) -> str:
    """A UUID as the database renders it as text (hex on SQLite, dashed on PostgreSQL)."""
    return str(value) if sample is None or "-" in sample else value.hex


# ================================================================================================ the index


class LedgerIndex:
    """The ledger in memory (see the module doc). ``ids`` returns row positions; ``row``/``key`` read them.

    Freshness as in registry_index: ``refresh`` asks the change stamp at most every ``max_age`` seconds (and at
    once after ``invalidate``) and reloads when it differs; a new ``today`` only recomputes what is derived."""

    def __init__(self, max_age: float = 2.0) -> None:
        self.max_age = max_age
        self._data: _Data | None = None
        self._checked = 0.0
        self._today: date | None = None
        self._thresholds: tuple[int, ...] = hazard_rules.DEFAULT_ESCALATION_DAYS

    # ------------------------------------------------------------------ freshness

    @property
    def loaded(self) -> bool:
        return self._data is not None

    @property
    def stamp_value(self) -> tuple | None:
        return None if self._data is None else self._data.stamp

    @property
    def today(self) -> date | None:
        return self._today

    def invalidate(self) -> None:
        """Ask the database on next ``refresh`` (call after this program wrote hazards)."""
        self._checked = 0.0
        if self._data is not None:
            self._data.stamp = None

    def due(self) -> bool:
        """Whether ``refresh`` would ask the database now."""
        return self._data is None or self._data.stamp is None or time.monotonic() - self._checked >= self.max_age

    def refresh(self, session: Session, today: date) -> bool:
        """Reload when the database changed (asked at most every ``max_age`` s) and derive for ``today``; returns
        True when the rows or the derived values changed."""
        changed = False
        if self.due():
            current = stamp(session)
            self._checked = time.monotonic()
            if self._data is None or current != self._data.stamp:
                self.install(load_data(session, current))
                changed = True
            self._thresholds = escalation_thresholds(session)
        return self.set_today(today) or changed

    def install(self, data: _Data) -> None:
        """Use ``data`` (from ``load_data``, maybe made by a worker) from now on."""
        self._data = data
        self._checked = time.monotonic()
        if self._today is not None:
            data.derive(self._today, self._thresholds)

    def set_today(self, today: date, thresholds: Sequence[int] | None = None) -> bool:
        if thresholds is not None:
            self._thresholds = tuple(sorted(thresholds))
        if self._data is None:
            self._today = today
            return False
        before = (self._data.today, self._data.thresholds)
        self._today = today
        self._data.derive(today, self._thresholds)
        return before != (today, self._thresholds)

    def _current(self) -> _Data:
        if self._data is None:
            raise RuntimeError("LedgerIndex.refresh first")
        return self._data

    # ------------------------------------------------------------------ queries

    def __len__(self) -> int:
        return 0 if self._data is None else self._data.n

    def snapshot(self) -> _Data:
        """The state the positions of the last ``ids`` refer to; a reload replaces it, never changes it."""
        return self._current()

    def ids(self, flt: LedgerFilter | None = None, sort_key: str = DEFAULT_SORT,
            descending: bool = DEFAULT_DESCENDING) -> list[int]:
        """Positions of the hazards that pass ``flt``, in display order (same rules as ``count_sql``/``rows_sql``)."""
        data = self._current()
        flt = flt or LedgerFilter()
        order = data.order(sort_key, descending)
        c = data.col

        def sample(column: str) -> str | None:
            return next(filter(None, c(column)), None)

        # (column, test, value): keep the rows whose test(cell, value) holds; the text words come last, on the
        # fewest rows. Each step is C-level map/compress over the rows still picked, so it costs in proportion to
        # them and no Python code runs per row.
        steps: list[tuple[Sequence[Any], Callable[[Any, Any], Any], Any]] = []
        if flt.enterprise_id is not None:
            steps.append((c("firm_keys"), eq, _key_text(flt.enterprise_id, sample("firm_keys"))))
        if flt.status == OPEN:
            steps.append((c("open"), eq, True))
        elif flt.status:
            steps.append((c("status"), eq, flt.status))
        if flt.overdue is not None or flt.escalation_min is not None:
            if data.today is None:
                raise RuntimeError("LedgerIndex: set_today or refresh first")
            if flt.overdue is not None:
                steps.append((c("overdue"), eq, flt.overdue))
            if flt.escalation_min is not None:
                steps.append((c("level"), ge, flt.escalation_min))
        if flt.severity:
            steps.append((c("severity"), eq, flt.severity))
        if flt.village_id is not None:
            steps.append((c("village_id"), eq, _key_text(flt.village_id, sample("village_id") or sample("firm_keys"))))
        if flt.town_id is not None:
            steps.append((c("town_id"), eq, _key_text(flt.town_id, sample("town_id") or sample("firm_keys"))))
        if flt.sector:
            steps.append((c("sector"), eq, flt.sector))
        if flt.expert_id is not None:
            steps.append((c("expert"), eq, _key_text(flt.expert_id, sample("expert") or sample("firm_keys"))))
        if flt.visit_kind:
            steps.append((c("kind"), eq, flt.visit_kind))
        if flt.deadline_from is not None:
            steps.append((c("deadline"), ge, flt.deadline_from.isoformat()))  # '' (no deadline) is below any date
        if flt.deadline_to is not None:
            steps.append((c("deadline"), le, flt.deadline_to.isoformat()))
            steps.append((c("deadline"), ne, ""))
        if flt.found_from is not None:
            steps.append((c("found"), ge, flt.found_from.isoformat()))
        if flt.found_to is not None:
            steps.append((c("found"), le, flt.found_to.isoformat()))
        picked = order
        for column, test, value in steps:
            picked = list(compress(picked, map(test, map(column.__getitem__, picked), repeat(value))))
        for word in flt.words():
            picked = self._with_word(data, picked, word)
        return list(picked) if picked is order else picked

    @staticmethod
    def _with_word(data: _Data, picked: list[int], word: str) -> list[int]:
        """The picked rows whose hazard or firm search text contains ``word``."""
        if data.search is None:
            raise RuntimeError("no search text (rows_sql data)")
        if len(picked) * 4 < data.n:  # a quarter or less left: look at those (a pass over all costs as much)
            search, firm = data.search, data.col("fsearch")
            return [i for i in picked if word in search[i] or word in firm[i]]
        firm_hit = {k: word in f[F_SEARCH] for k, f in data.firms.items()}
        mask = list(map(firm_hit.get, data.cols["firm_keys"], repeat(False)))
        for i in data.search.rows_with(word):
            mask[i] = True
        return list(compress(picked, map(mask.__getitem__, picked)))

    def totals(self, ids: Sequence[int]) -> LedgerTotals:
        """The totals line over the rows ``ids`` (positions from ``ids``)."""
        data = self._current()
        if data.today is None:
            raise RuntimeError("LedgerIndex: set_today or refresh first")
        if len(ids) == data.n:  # everything: the same answer until the next reload or day
            cached = data.totals_all
            if cached is not None:
                return cached
        # one C-level pass: count the rows per kind (1 closed, 2 overdue, 4 major and open)
        counts = Counter(map(data.col("kind_code").__getitem__, ids))
        closed = sum(n for code, n in counts.items() if code & 1)
        overdue = sum(n for code, n in counts.items() if code & 2)
        major = sum(n for code, n in counts.items() if code & 4)
        got = LedgerTotals.of(len(ids), closed, overdue, major)
        if len(ids) == data.n:
            data.totals_all = got
        return got

    def row(self, i: int, snapshot: _Data | None = None) -> LedgerRow:
        return (snapshot or self._current()).row(i)

    def key(self, i: int, snapshot: _Data | None = None) -> str:
        """The hazard id as the database renders it as text (cheaper than a UUID)."""
        return (snapshot or self._current()).cols["keys"][i]

    def hazard_id(self, i: int, snapshot: _Data | None = None) -> uuid.UUID:
        return uuid.UUID(self.key(i, snapshot))

    def position_of(self, hazard_id: uuid.UUID, snapshot: _Data | None = None) -> int:
        """The row position of a hazard, or -1."""
        keys = (snapshot or self._current()).cols["keys"]
        if not keys:
            return -1
        k = _key_text(hazard_id, keys[0])
        try:
            return keys.index(k)
        except ValueError:
            return -1


# ================================================================================================ plain SQL


def _needs_firm(flt: LedgerFilter) -> bool:
    return bool(flt.town_id or flt.village_id or flt.sector or flt.words())


def _conditions(flt: LedgerFilter, today: date, thresholds: Sequence[int]) -> list[Any]:
    """The filter as SQL conditions over hazards (``_H``), enterprises (``_E``) and visits (``_V``)."""
    is_open = _H.status.in_(OPEN_STATUSES)
    out: list[Any] = []
    for word in flt.words():
        out.append(sql_or(_H.search_text.contains(word, autoescape=True),
                          _E.search_text.contains(word, autoescape=True)))
    if flt.enterprise_id is not None:
        out.append(_H.enterprise_id == flt.enterprise_id)
    if flt.town_id is not None:
        out.append(_E.town_id == flt.town_id)
    if flt.village_id is not None:
        out.append(_E.village_id == flt.village_id)
    if flt.sector:
        out.append(_E.sector == flt.sector)
    if flt.severity:
        out.append(_H.severity == flt.severity)
    if flt.status == OPEN:
        out.append(is_open)
    elif flt.status:
        out.append(_H.status == flt.status)
    if flt.expert_id is not None:
        out.append(_H.found_by_expert_id == flt.expert_id)
    if flt.visit_kind:
        out.append(_V.kind == flt.visit_kind)
    if flt.found_from is not None:
        out.append(_H.found_on >= flt.found_from)
    if flt.found_to is not None:
        out.append(_H.found_on <= flt.found_to)
    if flt.deadline_from is not None:
        out.append(_H.deadline >= flt.deadline_from)
    if flt.deadline_to is not None:
        out.append(_H.deadline <= flt.deadline_to)
    overdue = and_(is_open, _H.deadline < today)
    if flt.overdue is True:
        out.append(overdue)
    elif flt.overdue is False:
        out.append(sql_or(_H.status == CLOSED, _H.deadline.is_(None), _H.deadline >= today))
    if flt.escalation_min is not None and flt.escalation_min > 0:
        ordered = sorted(thresholds)
        if flt.escalation_min > len(ordered):
            out.append(false())
        else:  # level ≥ k  ⇔  open and at least thresholds[k-1] days past the deadline
            out.append(and_(is_open, _H.deadline <= today - timedelta(days=ordered[flt.escalation_min - 1])))
    return out


def _from(q: Any, flt: LedgerFilter) -> Any:
    q = q.select_from(Hazard.__table__)
    if _needs_firm(flt):
        q = q.join(Enterprise.__table__, _E.id == _H.enterprise_id)
    if flt.visit_kind:
        q = q.outerjoin(Visit.__table__, _V.id == _H.visit_id)
    return q


def count_sql(session: Session, flt: LedgerFilter | None, today: date) -> LedgerTotals:
    """The totals of the hazards that pass ``flt``, in plain SQL: four counts, each answered from an index when
    the filter allows (about 20 ms over 100,000 hazards with no filter)."""
    flt = flt or LedgerFilter()
    conds = _conditions(flt, today, escalation_thresholds(session))
    conn = session.connection()

    def n(*extra: Any) -> int:
        return conn.execute(_from(select(func.count()), flt).where(*conds, *extra)).scalar() or 0

    found = n()
    if not found:
        return LedgerTotals()
    return LedgerTotals.of(found, n(_H.status == CLOSED), n(_H.status.in_(OPEN_STATUSES), _H.deadline < today),
                           n(_H.severity == MAJOR, _H.status.in_(OPEN_STATUSES)))


def rows_sql(session: Session, flt: LedgerFilter | None, today: date, sort_key: str = DEFAULT_SORT,
             descending: bool = DEFAULT_DESCENDING) -> list[LedgerRow]:
    """The hazards that pass ``flt`` as ledger rows with everything the export needs, in the page's order
    (filtered in SQL, ordered by the index's own code)."""
    flt = flt or LedgerFilter()
    thresholds = escalation_thresholds(session)
    conn = session.connection()
    q = select(*_hazard_columns(), _H.basis, _H.measure, _H.responsible_person, _H.location).select_from(Hazard.__table__)
    if _needs_firm(flt):
        q = q.join(Enterprise.__table__, _E.id == _H.enterprise_id)
    q = q.outerjoin(Visit.__table__, _V.id == _H.visit_id).where(*_conditions(flt, today, thresholds))
    extra_names = ("basis", "measure", "responsible", "location")
    got = _read_columns(conn.execute(q), (*_COLUMNS, *extra_names))
    if not got["keys"]:
        return []
    firm_ids = {uuid.UUID(k) for k in set(got["firm_keys"])}
    columns: dict[str, Sequence[Any]] = {n: got[n] for n in _COLUMNS}
    extra: dict[str, Sequence[Any]] = {n: got[n] for n in extra_names}
    firms = _firms(conn, firm_ids if len(firm_ids) <= 500 else None)
    data = _Data(columns, firms, _people(session), extra=extra)
    data.derive(today, thresholds)
    return data.rows(data.order(sort_key, descending))


def first_rows(session: Session, today: date, limit: int = 80) -> list[LedgerRow]:
    """The first ``limit`` rows of the whole ledger in the default order (newest first), from the found-date
    index: the page's first screen before the index is loaded. Same rows as ``LedgerIndex.ids()[:limit]``."""
    conn = session.connection()
    cutoff = conn.execute(select(_H.found_on).order_by(_H.found_on.desc()).offset(max(0, limit - 1)).limit(1)).scalar()
    if cutoff is None:  # fewer hazards than limit
        return rows_sql(session, LedgerFilter(), today)[:limit]
    return rows_sql(session, LedgerFilter(found_from=cutoff), today)[:limit]


def firm_stamp(session: Session, enterprise_id: uuid.UUID) -> tuple:
    """Changes when one firm's hazards change (answered from the firm's index entries): the archive's ledger asks
    it every few seconds while shown."""
    q = (select(func.count(), func.coalesce(func.sum(_H.version), 0), func.max(_H.updated_at))
         .where(_H.enterprise_id == enterprise_id))
    return tuple(session.connection().execute(q).one())


def experts(session: Session) -> list[tuple[uuid.UUID, str]]:
    """(id, name) of every expert, by name: the ledger's 发现人 filter."""
    t = Expert.__table__.c
    return [(r[0], r[1]) for r in session.connection().execute(select(t.id, t.name).order_by(t.name, t.id))]


# ================================================================================================ reminders


def due_soon_and_overdue(session: Session, today: date) -> tuple[list[LedgerRow], list[LedgerRow]]:
    """The start-up reminders. ``due_soon``: open hazards whose deadline is today or within the setting
    ``reminder_days_before`` days, soonest first. ``overdue``: open hazards past their deadline by at least the
    setting ``reminder_days_after`` days (and at least one), most overdue first. Both from the (status, deadline)
    index."""
    before = max(0, _int_setting(session, "reminder_days_before"))
    after = max(1, _int_setting(session, "reminder_days_after"))
    soon = rows_sql(session, LedgerFilter(status=OPEN, deadline_from=today,
                                          deadline_to=today + timedelta(days=before)), today, "deadline", False)
    late = rows_sql(session, LedgerFilter(status=OPEN, deadline_to=today - timedelta(days=after)), today,
                    "overdue_days", True)
    return soon, late


__all__ = [
    "CLOSED",
    "DEFAULT_DESCENDING",
    "DEFAULT_SORT",
    "OPEN",
    "SORT_KEYS",
    "LedgerFilter",
    "LedgerIndex",
    "LedgerRow",
    "LedgerTotals",
    "count_sql",
    "due_soon_and_overdue",
    "escalation_thresholds",
    "experts",
    "firm_stamp",
    "first_rows",
    "load_data",
    "rows_sql",
    "stamp",
]
