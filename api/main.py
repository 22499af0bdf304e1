"""The API built from the settings alone, for a process manager: ``uvicorn api.main:app --workers 4`` (with
``KCC_QDRANT_URL`` and a PostgreSQL ``KCC_DATABASE_URL``; ``kcc serve --workers N`` does this for you).

Nothing is opened at import: the store and the contact log open in the app's lifespan, per worker.
"""

from api.app import app_from_env

app = app_from_env()
