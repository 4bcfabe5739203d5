"""Guards on the Qt binding itself: a release that corrupts reference counts crashes the program at random."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(int, int, str)


def test_signal_emit_keeps_reference_counts(qapp):
    """PySide6 6.12.0 dropped a reference to True on every emit; after a few thousand the interpreter aborted
    ('deallocating True'). constraints.txt pins a release without the bug; this test keeps it that way."""
    e = _Emitter()
    seen = []
    e.changed.connect(lambda a, b, c: seen.append(a))
    before = sys.getrefcount(True)
    for i in range(2000):
        e.changed.emit(i, 2000, "进度")
    assert len(seen) == 2000
    # Other objects may take or drop a reference or two meanwhile; the bug dropped one per emit (-2000).
    assert abs(sys.getrefcount(True) - before) < 20
