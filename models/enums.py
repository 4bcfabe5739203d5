"""Closed vocabularies. Codes are stored (stable, English); labels are the Chinese the office reads.

The UI passes labels through ``QCoreApplication.translate("enums", label)`` for the English interface.
"""

from __future__ import annotations

from enum import StrEnum


class RiskLevel(StrEnum):
    RED = "red"
    ORANGE = "orange"
    YELLOW = "yellow"
    BLUE = "blue"


RISK_LABELS: dict[str, str] = {
    RiskLevel.RED: "红（重大风险）",
    RiskLevel.ORANGE: "橙（较大风险）",
    RiskLevel.YELLOW: "黄（一般风险）",
    RiskLevel.BLUE: "蓝（低风险）",
}
RISK_SHORT: dict[str, str] = {RiskLevel.RED: "红", RiskLevel.ORANGE: "橙", RiskLevel.YELLOW: "黄", RiskLevel.BLUE: "蓝"}


class EnterpriseStatus(StrEnum):
    NORMAL = "normal"
    RECTIFYING = "rectifying"  # 停产整顿
    HALTED = "halted"  # 暂时停产停业
    CLOSED = "closed"  # 关闭取缔
    DEREGISTERED = "deregistered"  # 已注销


STATUS_LABELS: dict[str, str] = {
    EnterpriseStatus.NORMAL: "正常",
    EnterpriseStatus.RECTIFYING: "停产整顿",
    EnterpriseStatus.HALTED: "暂时停产停业",
    EnterpriseStatus.CLOSED: "关闭取缔",
    EnterpriseStatus.DEREGISTERED: "已注销",
}

# Sectors (行业领域). Free text is allowed in the database; this is the vocabulary offered in forms and filters.
SECTORS: tuple[str, ...] = (
    "危险化学品",
    "烟花爆竹",
    "非煤矿山",
    "成品油",
    "樟脑油",
    "冶金",
    "有色",
    "建材",
    "机械",
    "轻工",
    "纺织",
    "烟草",
    "商贸",
    "粉尘涉爆",
    "涉氨制冷",
    "建筑施工",
    "交通运输",
    "人员密集场所",
    "其他",
)


class EntryStatus(StrEnum):
    """Camphor-oil entry status (樟脑油准入)."""

    NOT_CHECKED = "not_checked"
    ADMITTED = "admitted"  # 准予准入
    RECHECK = "recheck"  # 整改后复查
    REFUSED = "refused"  # 不予准入（关停）


ENTRY_LABELS: dict[str, str] = {
    EntryStatus.NOT_CHECKED: "未检查",
    EntryStatus.ADMITTED: "准予准入",
    EntryStatus.RECHECK: "整改后复查",
    EntryStatus.REFUSED: "不予准入（关停）",
}


class VisitKind(StrEnum):
    INSPECTION_EXPERT = "inspection_expert"
    ENFORCEMENT_EXPERT = "enforcement_expert"
    CAMPHOR_ENTRY = "camphor_entry"
    REINSPECTION = "reinspection"
    SPECIAL = "special"


VISIT_KIND_LABELS: dict[str, str] = {
    VisitKind.INSPECTION_EXPERT: "检查+专家",
    VisitKind.ENFORCEMENT_EXPERT: "执法+专家",
    VisitKind.CAMPHOR_ENTRY: "樟脑油准入检查",
    VisitKind.REINSPECTION: "复查",
    VisitKind.SPECIAL: "专项检查",
}


class VisitStatus(StrEnum):
    PLANNED = "planned"
    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


VISIT_STATUS_LABELS: dict[str, str] = {
    VisitStatus.PLANNED: "计划中",
    VisitStatus.SCHEDULED: "已排定",
    VisitStatus.IN_PROGRESS: "进行中",
    VisitStatus.DONE: "已完成",
    VisitStatus.CANCELLED: "已取消",
}


class MemberRole(StrEnum):
    OFFICER = "officer"
    EXPERT = "expert"
    OBSERVER = "observer"


class PersonStatus(StrEnum):
    ACTIVE = "active"  # 在库
    SUSPENDED = "suspended"  # 暂停
    DISMISSED = "dismissed"  # 解聘


PERSON_STATUS_LABELS: dict[str, str] = {
    PersonStatus.ACTIVE: "在库",
    PersonStatus.SUSPENDED: "暂停",
    PersonStatus.DISMISSED: "解聘",
}


class Outcome(StrEnum):
    """Result of one checklist item."""

    PASS = "pass"  # 符合
    FAIL = "fail"  # 不符合
    NOT_APPLICABLE = "na"  # 不适用


class Severity(StrEnum):
    GENERAL = "general"
    MAJOR = "major"


SEVERITY_LABELS: dict[str, str] = {Severity.GENERAL: "一般", Severity.MAJOR: "重大"}

OUTCOME_LABELS: dict[str, str] = {Outcome.PASS: "符合", Outcome.FAIL: "不符合", Outcome.NOT_APPLICABLE: "不适用"}

# Hazard categories (隐患类别) offered in forms and filters; free text is allowed in the database.
HAZARD_CATEGORIES: tuple[str, ...] = (
    "安全管理",
    "人员资质",
    "设备设施",
    "电气安全",
    "特种设备",
    "消防安全",
    "危化品储存使用",
    "粉尘防爆",
    "有限空间",
    "特殊作业",
    "作业环境",
    "应急管理",
    "其他",
)


class HazardStatus(StrEnum):
    PENDING = "pending"  # 待整改
    IN_PROGRESS = "in_progress"  # 整改中
    AWAITING_REVIEW = "awaiting_review"  # 待复查
    CLOSED = "closed"  # 已销号


HAZARD_STATUS_LABELS: dict[str, str] = {
    HazardStatus.PENDING: "待整改",
    HazardStatus.IN_PROGRESS: "整改中",
    HazardStatus.AWAITING_REVIEW: "待复查",
    HazardStatus.CLOSED: "已销号",
}


class ReinspectionOutcome(StrEnum):
    RECTIFIED = "rectified"  # 已整改 → closed
    PARTIAL = "partial"  # 部分整改 → new deadline
    NOT_RECTIFIED = "not_rectified"  # 未整改 → stays overdue, escalates


REINSPECTION_LABELS: dict[str, str] = {
    ReinspectionOutcome.RECTIFIED: "已整改",
    ReinspectionOutcome.PARTIAL: "部分整改",
    ReinspectionOutcome.NOT_RECTIFIED: "未整改",
}

# The six parts of a major hazard's remediation plan (hazards.md), keys of Hazard.remediation_plan.
REMEDIATION_PLAN_PARTS: dict[str, str] = {
    "goal": "治理的目标和任务",
    "methods": "采取的方法和措施",
    "funds": "经费和物资的落实",
    "responsible": "负责治理的机构和人员",
    "time_limit": "治理的时限和要求",
    "safety": "安全措施和应急预案",
}


class DocumentKind(StrEnum):
    INSPECTION_RECORD = "inspection_record"
    RECTIFICATION_ORDER = "rectification_order"
    REINSPECTION_OPINION = "reinspection_opinion"
    ONSITE_DECISION = "onsite_decision"
    SEIZURE_DECISION = "seizure_decision"


DOCUMENT_KIND_LABELS: dict[str, str] = {
    DocumentKind.INSPECTION_RECORD: "现场检查记录",
    DocumentKind.RECTIFICATION_ORDER: "责令限期整改指令书",
    DocumentKind.REINSPECTION_OPINION: "整改复查意见书",
    DocumentKind.ONSITE_DECISION: "现场处理措施决定书",
    DocumentKind.SEIZURE_DECISION: "查封扣押决定书",
}


class DocumentStatus(StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"
    VOID = "void"
