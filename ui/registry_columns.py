"""Columns of the enterprise list and how a row is shown. Needs Qt only (no database layer), so that start-up can
paint the registry's first rows before SQLAlchemy is imported (desktop/quickstart.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPixmap

from models.enums import RISK_SHORT, STATUS_LABELS
from ui.widgets import colour_dot

RISK_COLOURS = {"red": "#e53935", "orange": "#fb8c00", "yellow": "#fdd835", "blue": "#1e88e5"}

# (sort key, header). headers() repeats the header literals so that lupdate finds them.
COLUMNS: list[tuple[str, str]] = [
    ("name", "单位名称"),
    ("uscc", "统一社会信用代码"),
    ("town", "所属镇"),
    ("village", "村（社区）"),
    ("sector", "行业领域"),
    ("risk_level", "风险"),
    ("is_high_risk", "高危"),
    ("in_park", "园区"),
    ("status", "状态"),
    ("address", "地址"),
    ("legal_rep", "法定代表人"),
    ("legal_rep_phone", "联系电话"),
]
RISK_COLUMN = next(i for i, (k, _h) in enumerate(COLUMNS) if k == "risk_level")
CENTRED_COLUMNS = {i for i, (k, _h) in enumerate(COLUMNS) if k in ("risk_level", "is_high_risk", "in_park")}
WIDTHS = {"name": 250, "uscc": 165, "town": 84, "village": 110, "sector": 96, "risk_level": 64,
          "is_high_risk": 60, "in_park": 60, "status": 96, "address": 250, "legal_rep": 90}


def headers() -> list[str]:
    return [
        QCoreApplication.translate("EnterpriseTableModel", "单位名称"),
        QCoreApplication.translate("EnterpriseTableModel", "统一社会信用代码"),
        QCoreApplication.translate("EnterpriseTableModel", "所属镇"),
        QCoreApplication.translate("EnterpriseTableModel", "村（社区）"),
        QCoreApplication.translate("EnterpriseTableModel", "行业领域"),
        QCoreApplication.translate("EnterpriseTableModel", "风险"),
        QCoreApplication.translate("EnterpriseTableModel", "高危"),
        QCoreApplication.translate("EnterpriseTableModel", "园区"),
        QCoreApplication.translate("EnterpriseTableModel", "状态"),
        QCoreApplication.translate("EnterpriseTableModel", "地址"),
        QCoreApplication.translate("EnterpriseTableModel", "法定代表人"),
        QCoreApplication.translate("EnterpriseTableModel", "联系电话"),
    ]


def display_row(name: str, uscc: str, town: str, village: str, sector: str, risk_level: str | None,
                is_high_risk: bool, in_park: bool, status: str, address: str, legal_rep: str,
                legal_rep_phone: str) -> tuple[str, ...]:
    """The texts of one list row, in COLUMNS order."""
    translate = QCoreApplication.translate  # labels looked up at run time are marked in ui/_enum_marks.py
    yes = QCoreApplication.translate("EnterpriseTableModel", "是")
    return (
        name, uscc, town, village, translate("enums", sector),
        translate("enums", RISK_SHORT[risk_level]) if risk_level else "—",
        yes if is_high_risk else "", yes if in_park else "",
        translate("enums", STATUS_LABELS.get(status, status)), address, legal_rep, legal_rep_phone,
    )


def risk_dot(level: str) -> QPixmap:
    """A small filled circle in the risk colour."""
    return colour_dot(RISK_COLOURS[level])
