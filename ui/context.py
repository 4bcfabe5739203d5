"""What every page needs from the running program: the database and who is working."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from models.db import make_engine, make_session_factory, session_scope


@dataclass
class AppContext:
    url: str
    engine: Engine
    factory: sessionmaker[Session]
    actor: str = ""  # the name written into audit entries and histories

    @classmethod
    def open(cls, url: str, actor: str = "") -> AppContext:
        engine = make_engine(url)
        return cls(url=url, engine=engine, factory=make_session_factory(engine), actor=actor)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One session per user action; commits on success, rolls back on error."""
        with session_scope(self.factory) as s:
            yield s
