"""Shared pieces of the benchmarks: cached demo databases and the JSON line format."""

from __future__ import annotations

import json
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"  # gitignored; demo databases are cached here between runs


def emit(name: str, value: float, unit: str, target: str, **extra: object) -> dict:
    row = {"name": name, "value": round(value, 4), "unit": unit, "target": target, **extra}
    print(json.dumps(row, ensure_ascii=False), flush=True)
    return row


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def demo_db(scale: str, seed: int = 0) -> str:
    """URL of a SQLite file holding the demo data set of ``scale`` (generated once, then reused)."""
    from models import schema
    from models.db import make_engine, make_session_factory
    from models.services import demo

    head = schema.known_revisions()[-1]
    path = OUT / f"demo-{scale}-{seed}-{head}.sqlite3"
    url = f"sqlite:///{path}"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".partial")
        for p in tmp.parent.glob(tmp.name + "*"):
            p.unlink()
        engine = make_engine(f"sqlite:///{tmp}")
        schema.ensure_current(engine)
        print(f"generating the {scale} demo database (once)…", file=sys.stderr, flush=True)
        demo.generate(make_session_factory(engine), scale, seed)
        with engine.connect() as c:
            c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()
        os.replace(tmp, path)
    return url


def machine() -> dict:
    import platform

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"python": platform.python_version(), "system": platform.platform(), "cpu": cpu, "cores": os.cpu_count()}
