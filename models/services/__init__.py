"""Use cases. Each function takes a Session, does not commit (the caller's ``session_scope`` does),
and returns plain data (dataclasses, tuples, ids), never live ORM objects the UI could keep."""
