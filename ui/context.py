"""What every page needs from the running program: the database and who is working."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from models.db import make_engine, make_session_factory, session_scope

if TYPE_CHECKING:
    from models.services.ledger import LedgerIndex
    from models.services.registry_index import RegistryIndex


@dataclass
class AppContext:
    url: str
    engine: Engine
    factory: sessionmaker[Session]
    actor: str = ""  # the name written into audit entries and histories
    _registry_index: RegistryIndex | None = field(default=None, repr=False)
    _ledger_index: LedgerIndex | None = field(default=None, repr=False)

    @property
    def registry_index(self) -> RegistryIndex:
        """The in-memory registry list shared by this window's list views (models/services/registry_index.py)."""
        if self._registry_index is None:
            from models.services.registry_index import RegistryIndex

            self._registry_index = RegistryIndex()
        return self._registry_index

    @property
    def ledger_index(self) -> LedgerIndex:
        """The in-memory hazard ledger shared by the ledger page and the archives (models/services/ledger.py)."""
        if self._ledger_index is None:
            from models.services.ledger import LedgerIndex

            self._ledger_index = LedgerIndex()
        return self._ledger_index

    @classmethod
    def open(cls, url: str, actor: str = "") -> AppContext:
        engine = make_engine(url)
        return cls(url=url, engine=engine, factory=make_session_factory(engine), actor=actor)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One session per user action; commits on success, rolls back on error."""
        with session_scope(self.factory) as s:
            yield s
