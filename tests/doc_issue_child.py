"""Run by tests/test_documents.py in a separate process: one clerk issuing rectification orders as fast as it can.

    python -m tests.doc_issue_child URL ENTERPRISE_ID RECORD_ID OFFICER_ID OFFICER_ID COUNT

Prints ``READY``, waits for a line on stdin (so that both clerks start together), issues COUNT orders, each in its own
transaction as the program does (one session per action), and prints one JSON line: the numbers it got, when it
started and finished, and how many times the database answered "busy" (the clerk would have clicked again)."""

from __future__ import annotations

import json
import sys
import time
import uuid
from datetime import date

from models.db import make_engine, make_session_factory, session_scope
from models.enums import DocumentKind
from models.services import documents
from models.services.errors import ConcurrentEdit


def main(url: str, firm: str, record: str, o1: str, o2: str, count: int) -> None:
    engine = make_engine(url)
    factory = make_session_factory(engine)
    draft = documents.DraftInput(kind=DocumentKind.RECTIFICATION_ORDER, enterprise_id=uuid.UUID(firm),
                                 refers_to_id=uuid.UUID(record), officer_ids=[uuid.UUID(o1), uuid.UUID(o2)],
                                 issue_date=date(2026, 6, 12))
    with session_scope(factory) as s:  # connect and warm up (font, imports) before the start signal
        documents.build(s, draft)
    print("READY", flush=True)
    sys.stdin.readline()
    started = time.time()
    seqs: list[int] = []
    busy = 0
    while len(seqs) < count:
        try:
            with session_scope(factory) as s:
                seqs.append(documents.issue(s, draft, actor=f"clerk-{len(seqs)}").seq)
        except ConcurrentEdit:
            busy += 1
            if busy > count:
                raise
    print(json.dumps({"seqs": seqs, "started": started, "finished": time.time(), "busy": busy}), flush=True)
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]))
