"""The contact log's database: models, engine and sessions, and the Alembic migrations that define the tables."""

from kcc.contacts.db.engine import Database, make_engine, normalise_url, safe_url
from kcc.contacts.db.migrate import current_revision, head_revision, upgrade
from kcc.contacts.db.models import AnswerFeedback, Base, Callback, Contact, ContactQuestion, Feedback, Grade

__all__ = ["AnswerFeedback", "Base", "Callback", "Contact", "ContactQuestion", "Database", "Feedback", "Grade",
           "current_revision", "head_revision", "make_engine", "normalise_url", "safe_url", "upgrade"]
