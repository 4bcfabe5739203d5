"""The in-memory registry index answers exactly as the SQL services do, and notices changes."""

from __future__ import annotations

import itertools
import time
from dataclasses import replace

from models.db import session_scope
from models.enums import EnterpriseStatus, RiskLevel
from models.services import enterprises as svc
from models.services import regions
from models.services.demo import generate
from models.services.registry_index import RegistryIndex


def test_every_filter_and_sort_matches_the_sql_services(factory):
    generate(factory, "seed", 11)
    index = RegistryIndex()
    with session_scope(factory) as s:
        index.ensure_fresh(s)
        towns = regions.towns(s)
        village = regions.villages(s, towns[0].id)[0]
        filters = [
            svc.EnterpriseFilter(),
            svc.EnterpriseFilter(text="化工"),
            svc.EnterpriseFilter(text="MLS"),  # upper case finds pinyin initials too
            svc.EnterpriseFilter(text="有限 公司"),
            svc.EnterpriseFilter(text="914306"),
            svc.EnterpriseFilter(text="100%_"),
            svc.EnterpriseFilter(town_id=towns[0].id),
            svc.EnterpriseFilter(town_id=towns[0].id, village_id=village.id),
            svc.EnterpriseFilter(sector="樟脑油"),
            svc.EnterpriseFilter(risk_level=RiskLevel.RED, high_risk=True),
            svc.EnterpriseFilter(risk_level="none"),
            svc.EnterpriseFilter(in_park=True, status=EnterpriseStatus.NORMAL),
            svc.EnterpriseFilter(high_risk=False, in_park=False, text="镇"),
        ]
        sorts = list(itertools.product(svc.SORT_KEYS, (False, True)))
        for i, flt in enumerate(filters):
            for sort, desc in sorts if i < 2 else sorts[:4]:
                want = svc.find_keys(s, flt, sort, desc)
                got = [index.key(p) for p in index.query(flt, sort, desc)]
                assert got == want, (flt, sort, desc)
        assert len(index.query(svc.EnterpriseFilter())) == 4027
        row = index.row(index.query(svc.EnterpriseFilter(text="化工"))[0])
        assert svc.rows(s, [row.id])[row.id] == row


def test_changes_by_others_are_seen_after_max_age_and_own_changes_at_once(factory):
    with session_scope(factory) as s:
        from tests import factories as f

        t = f.town(s)
        eid = svc.create(s, f.enterprise_input(t, 1, name="汨罗市旧名化工厂"))
    index = RegistryIndex(max_age=0.3)
    with session_scope(factory) as s:
        index.ensure_fresh(s)
    with session_scope(factory) as s:  # another user renames the firm
        a = svc.archive(s, eid)
        svc.update(s, eid, replace(a.data, name="汨罗市新名化工厂"), a.version)
    with session_scope(factory) as s:
        assert index.ensure_fresh(s) is False  # checked less than max_age ago: not asked again
        assert index.row(0).name == "汨罗市旧名化工厂"
    time.sleep(0.35)
    with session_scope(factory) as s:
        assert index.ensure_fresh(s) is True
        assert index.row(0).name == "汨罗市新名化工厂"
        svc.create(s, f.enterprise_input(t, 2))
    index.invalidate()  # what the program does after its own writes
    with session_scope(factory) as s:
        assert index.ensure_fresh(s) is True and len(index) == 2


def test_a_view_keeps_its_rows_when_the_index_reloads_underneath(factory):
    from tests import factories as f

    with session_scope(factory) as s:
        t = f.town(s)
        for n in range(3):
            svc.create(s, f.enterprise_input(t, n))
    index = RegistryIndex()
    with session_scope(factory) as s:
        index.ensure_fresh(s)
    positions, snapshot = index.query(svc.EnterpriseFilter()), index.snapshot()
    shown = [index.row(p, snapshot).name for p in positions]
    with session_scope(factory) as s:  # another list view reloads after a new firm sorts first
        svc.create(s, f.enterprise_input(t, 9, name="阿达化工厂"))
    index.invalidate()
    with session_scope(factory) as s:
        index.ensure_fresh(s)
    assert [index.row(p, snapshot).name for p in positions] == shown  # the old view is unchanged
    assert index.row(index.query(svc.EnterpriseFilter())[0]).name == "阿达化工厂"
