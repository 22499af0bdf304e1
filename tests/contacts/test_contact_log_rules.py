"""The contact-log rules through the core alone, no HTTP: a session, plain inputs, domain errors."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from kcc.contacts.errors import ContactLogError
from kcc.contacts.inputs import ContactIn, FeedbackIn, GradeIn
from kcc.contacts.log import log_contact
from kcc.contacts.quality import add_feedback, add_grade
from kcc.contacts.stats import FcrFilter, fcr_stats
from kcc.settings import Settings


def contact(**changes) -> ContactIn:
    fields = {"channel": "phone", "question": "Wat kost een paspoort? Mijn BSN is 111222333.",
              "outcome": "Zelfstandig afgehandeld", "duration_seconds": 120, "agent_id": "agent-01",
              "answer_status": "answered", "sources": [{"article_id": "paspoort", "section": "Wat kost het?"}]}
    return ContactIn(**{**fields, **changes})


def test_a_contact_gets_the_fcr_rule_its_team_and_no_personal_data(session, articles):
    settings = Settings()
    logged = log_contact(session, contact(), settings, articles)
    assert logged.resolved_first_contact is True and logged.resolved_overridden is False
    assert "111222333" not in logged.question
    transferred = log_contact(session, contact(outcome="Doorverbonden", forwarded_to="Afval"), settings, articles)
    assert transferred.resolved_first_contact is False and transferred.team == "Afval"
    stats = fcr_stats(session, settings, FcrFilter())
    assert (stats["total"], stats["resolved_first_contact"], stats["rate"]) == (2, 1, 0.5)


@pytest.mark.parametrize(("changes", "code"), [
    ({"outcome": "Opgehangen"}, "unknown_outcome"),
    ({"duration_seconds": -1}, "invalid_duration"),
])
def test_values_outside_the_contract_are_refused_with_a_domain_error(session, articles, changes, code):
    with pytest.raises(ContactLogError) as error:
        log_contact(session, contact(**changes), Settings(), articles)
    assert error.value.kind == "invalid" and error.value.code == code and error.value.message


@pytest.mark.parametrize("changes", [{"channel": "fax"}, {"answer_status": "misschien"}, {"question": "a\x00b"},
                                     {"created_at": "0001-01-01T00:00:00+23:59"}])
def test_closed_sets_and_unstorable_values_are_refused_by_the_input_model(changes):
    with pytest.raises(ValidationError):
        contact(**changes)


def test_created_at_is_the_servers_unless_an_import_sets_it(session, articles):
    dated = contact(created_at="2026-11-02T10:30:00+01:00")
    with pytest.raises(ContactLogError) as error:
        log_contact(session, dated, Settings(), articles)
    assert error.value.kind == "forbidden" and error.value.code == "created_at_not_allowed"
    imported = log_contact(session, dated, Settings(), articles, import_created_at=True)
    assert imported.created_at == datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
    with pytest.raises(ContactLogError) as error:
        log_contact(session, contact(created_at="2999-01-01T00:00:00Z"), Settings(), articles, import_created_at=True)
    assert error.value.code == "invalid_created_at"


def test_an_imported_contact_is_masked_as_of_its_own_day(session, articles):
    """A whole date beside a name is a date of birth when its year lies two years or more before the year it was
    typed in: an imported contact's year, not the import's (a date from the year before that call is an appointment)."""
    year = datetime.now(UTC).year
    question = f"Kl. Anouk Verbeek, 23-07-{year - 2}, belde over de aanslag."
    imported = log_contact(session, contact(question=question, created_at=f"{year - 1}-03-10T10:00:00Z"), Settings(),
                           articles, import_created_at=True)
    assert imported.question == f"Kl. [naam], 23-07-{year - 2}, belde over de aanslag."
    today = log_contact(session, contact(question=question), Settings(), articles)
    assert today.question == "Kl. [naam], [geboortedatum], belde over de aanslag."


def test_feedback_and_grades_name_what_is_missing(session, articles):
    with pytest.raises(ContactLogError) as error:
        add_feedback(session, FeedbackIn(article_id="bestaat-niet", comment="x", agent_id="a"), articles)
    assert error.value.kind == "not_found" and error.value.code == "unknown_article"
    refused = log_contact(session, contact(answer_status="no_answer", sources=[]), Settings(), articles)
    with pytest.raises(ContactLogError) as error:
        add_grade(session, GradeIn(contact_id=refused.id, grader="tl", juist=True, volledig=True, bron_klopt=True,
                                   begrijpelijk=True))
    assert error.value.kind == "invalid" and error.value.code == "not_gradable"
