"""Errors a service raises for the user to read. Messages are Chinese sentences."""

from __future__ import annotations

from dataclasses import dataclass


class ServiceError(Exception):
    """Base of errors whose message is shown to the user as is."""


class NotFound(ServiceError):
    pass


class ConcurrentEdit(ServiceError):
    """Someone else saved the record since it was loaded; nothing was written."""


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class ValidationFailed(ServiceError):
    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("\n".join(e.message for e in errors))
