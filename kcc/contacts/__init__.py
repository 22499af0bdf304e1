"""The contact log, the core's second domain beside the answers: every contact an agent logs (question,
answer shown, outcome, first-contact resolution by the configured rule), feedback and grades, and what is
computed from them (FCR statistics, the gaps, the grading sample). Plain inputs and
:class:`kcc.contacts.errors.ContactLogError`; the API (``api/``) maps them to HTTP, the CLI to messages.
Storage: ``kcc.contacts.db`` (SQLAlchemy models, Alembic migrations; SQLite or PostgreSQL)."""
