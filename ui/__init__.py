"""Qt windows, pages, dialogs and Qt models. Talks to the database only through models.services."""
