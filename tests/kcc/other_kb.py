"""A small KB in another house style than the sample (other headings, other templates), for behaviour tests."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_kb

HEAD = """---
id: {id}
title: {title}
type: {type}
audience: public
owner: {owner}
reviewed: 2026-05-01
keywords: [{keywords}]
---
"""


def _article(article_id: str, title: str, body: str, owner: str = "Publiekszaken", keywords: str = "",
             kind: str = "product") -> str:
    return HEAD.format(id=article_id, title=title, type=kind, owner=owner, keywords=keywords) + body


OTHER_KB = {
    "reisdocument-paspoort": _article(
        "reisdocument-paspoort", "Paspoort", "## Omschrijving\nMet een paspoort kunt u reizen buiten Europa. Een "
        "paspoort is 10 jaar geldig voor volwassenen.\n\n## Aanvragen\nU maakt een afspraak bij de balie in het "
        "Raadhuis. U neemt een pasfoto mee.\n\n## Tarieven\n| Paspoort | Bedrag |\n|---|---|\n| volwassene | "
        "€ 81,20 |\n| kind | € 58,90 |\n\n## Levertijd\nUw paspoort is na 6 werkdagen klaar.",
        keywords="reisdocument, reizen, pas"),
    "huwelijk": _article(
        "huwelijk", "Trouwen of geregistreerd partnerschap", "## Omschrijving\nU wilt trouwen of een "
        "geregistreerd partnerschap sluiten in de gemeente.\n\n## Melding\nU doet eerst een melding voorgenomen "
        "huwelijk, minstens 2 weken voor de datum.\n\n## Tarieven\nEen huwelijk op maandagochtend is gratis. Een "
        "huwelijk op een andere dag kost € 395,00.", owner="Burgerzaken", keywords="trouwen, bruiloft, huwelijk"),
    "naturalisatie": _article(
        "naturalisatie", "Nederlander worden (naturalisatie)", "## Omschrijving\nU wilt de Nederlandse "
        "nationaliteit. Dat heet naturalisatie. U moet het inburgeringsexamen hebben gehaald.\n\n## Tarieven\n"
        "Een naturalisatieverzoek kost € 1.066,00 voor één persoon.\n\n## Levertijd\nDe IND beslist binnen "
        "1 jaar.", owner="Burgerzaken", keywords="nationaliteit, Nederlander worden, IND"),
    "parkeervergunning": _article(
        "parkeervergunning", "Parkeervergunning voor bewoners", "## Omschrijving\nWoont u in het centrum? Dan "
        "kunt u een parkeervergunning aanvragen.\n\n## Tarieven\nEen bewonersvergunning kost € 96,00 per "
        "jaar.\n\n## Aanvragen\nU vraagt de vergunning online aan met DigiD.", owner="Parkeren",
        keywords="parkeren, auto, vergunning"),
    "grofvuil": _article(
        "grofvuil", "Grof huisvuil laten ophalen", "## Omschrijving\nGrote spullen zoals een bank, kast of matras "
        "halen wij op.\n\n## Tarieven\nDe eerste 2 keer per jaar is ophalen gratis. Daarna kost het € 30,00.\n\n"
        "## Aanvragen\nMaak online een afspraak. Zet het grofvuil op de ophaaldag voor 7.30 uur buiten.",
        owner="Afval", keywords="bank, matras, kast, meubels"),
    "hondenbelasting": _article(
        "hondenbelasting", "Hondenbelasting", "## Omschrijving\nHeeft u een hond? Dan betaalt u "
        "hondenbelasting.\n\n## Tarieven\nVoor de eerste hond betaalt u € 78,60 per jaar.\n\n## Aanmelden\n"
        "Meld uw hond binnen 14 dagen aan.", owner="Belastingen", keywords="hond, belasting, aanmelden"),
}


def write_other_kb(folder: Path) -> Path:
    return write_kb(folder, OTHER_KB)
