"""Showing stored vocabulary codes and labels in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def enum_label(label: str) -> str:
    """A Chinese vocabulary label (models/enums.py) in the interface language; marked in ui/_enum_marks.py."""
    return QCoreApplication.translate("enums", label)
