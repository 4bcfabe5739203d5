"""Expert recommendation for one firm among the pool (issue 3): 200 experts, 20,000 past visits at `large`."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from bench.common import demo_db, emit, median


def run() -> None:
    from sqlalchemy import func, select

    from models.db import make_engine, make_session_factory, session_scope
    from models.entities import Enterprise, Expert, Visit
    from models.services import scheduling

    engine = make_engine(demo_db("large"))
    factory = make_session_factory(engine)
    with session_scope(factory) as s:
        experts = s.scalar(select(func.count()).select_from(Expert))
        visits = s.scalar(select(func.count()).select_from(Visit))
        firms = list(s.scalars(select(Enterprise.id).order_by(Enterprise.name_sort).limit(2000)))
    rng = random.Random(1)
    day = date.today() + timedelta(days=7)
    times: list[float] = []
    with session_scope(factory) as s:
        scheduling.recommend(s, firms[0], day)  # warm-up: mappers, statement caches
        for firm in rng.sample(firms, 40):
            t0 = time.perf_counter()
            scheduling.recommend(s, firm, day)
            times.append((time.perf_counter() - t0) * 1000)
    emit("recommend_one_firm_large_median", median(times), "ms", "<= 50 ms", experts=experts, visits=visits,
         runs=len(times))
    emit("recommend_one_firm_large_max", max(times), "ms", "<= 50 ms", experts=experts, visits=visits,
         runs=len(times))
    engine.dispose()


if __name__ == "__main__":
    run()
