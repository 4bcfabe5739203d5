"""Domain entities and the services that are Tijian's use cases.

Nothing in this package imports Qt: it is tested without a display and could serve another front end.
"""
