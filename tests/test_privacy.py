"""The personal-data rule of the bulk export, on made-up cases and on every contact of the fixture project."""
from __future__ import annotations

import pytest

from generator.opendata.privacy import (
    is_mobile,
    is_personal_email,
    public_contact,
    public_contacts,
)
from generator.records.model import Contact

# (e-mail, contact's name, personal?)
EMAILS = [
    ("an.peeters@stad.gent", "An Peeters", True),  # a 2-letter first name: the surname decides
    ("M.moen@eindhoven.nl", "Menno Moen", True),  # initial + surname
    ("elmiraerstukajeva@cawoostvlaanderen.be", "Elmira Erstukajeva", True),  # glued together
    ("jessie.vandenheuvel@genk.be", "Jessie Van den Heuvel", True),  # particles glued
    ("Fie.Velghe@integratie-inburgering.be", "Fie Velghe", True),  # capitals
    ("jan.janssens@gemeente.be", None, True),  # no name given: firstname.lastname
    ("info@vzwpin.be", "Pepijn Hellebuyck", False),
    ("openinlooptaal@stad.antwerpen.be", "Katrien Van Boxel en Hans Jackmaert", False),
    ("onderwijs@aalst.be", None, False),
    ("connect2work@stad.antwerpen.be", None, False),
    ("dienst.integratie@gemeente.be", None, False),  # dotted, but a service
    ("integratie@gemeente.be", "Jan Van den Berg", False),
]


@pytest.mark.parametrize("email, naam, personal", EMAILS)
def test_personal_email_rule(email, naam, personal):
    assert is_personal_email(email, naam) is personal


@pytest.mark.parametrize("number, mobile", [
    ("0491 52 97 34", True), ("0471 84.04.56", True), ("+32 471 58 03 87", True), ("+31 610 986 520", True),
    ("06 12345678", True), ("056 74 21 50", False), ("02/5035629", False), ("09 266 83 00", False),
    ("+32 2 371 63 28", False), ("014 44 33 15", False),
])
def test_mobile_numbers(number, mobile):
    assert is_mobile(number) is mobile


def test_a_contact_with_nothing_public_left_points_to_the_page():
    pagina = "https://gids.test/praktijken/x/"
    assert public_contacts((Contact(naam="Kim Van Belleghem", functie="directeur W13", telefoon="0499 77 90 84"),), pagina) \
        == (Contact(functie="directeur W13", website=pagina),)
    assert public_contacts(None, pagina) is None


def test_a_contact_with_nothing_public_left_is_dropped_by_public_contact():
    assert public_contact(Contact(naam="Hanne Van Beneden", email="hanne.vanbeneden@kortrijk.be")) is None
    assert public_contact(Contact(naam="Kim Van Belleghem", functie="directeur W13", telefoon="0499 77 90 84")) is None
    kept = public_contact(Contact(naam="Miek Stevens", functie="Stafmedewerker", email="miek.stevens@minor-ndako.be",
                                  telefoon="02/5035629", website="www.minor-ndako.be"))
    assert kept == Contact(functie="Stafmedewerker", telefoon="02/5035629", website="www.minor-ndako.be")


# Every e-mail address in the fixture project's records (the guide's own) and what the rule decides.
FIXTURE_EMAILS = {
    "taalcoach@aalst.be": False, "onderwijs@aalst.be": False, "inburgering@aalst.be": False,
    "david.lowyck@minor-ndako.be": True, "miek.stevens@minor-ndako.be": True, "dennis.sysmans@vdab.be": True,
    "connect2work@stad.antwerpen.be": False, "openinlooptaal@stad.antwerpen.be": False,
    "marrit.volckaert@dilbeek.be": True, "M.moen@eindhoven.nl": True, "jessie.vandenheuvel@genk.be": True,
    "caroline.beyers@stad.gent": True, "David.DeKeukelaere@ocmw.gent": True, "Janick.Smessaert@stad.gent": True,
    "kathleen.vandekerckhove@stad.gent": True, "hanne.vanbeneden@kortrijk.be": True,
    "Fie.Velghe@integratie-inburgering.be": True, "nancy.van.nerum@ocmw-leuven.be": True,
    "koen.cromheecke@ocmwmaldegem.be": True, "annelien.vandamme@mechelen.be": True,
    "corinne.huybers@mechelen.be": True, "elmiraerstukajeva@cawoostvlaanderen.be": True,
    "pepijn.hellebuyck@vzwpin.be": True, "info@vzwpin.be": False, "charlotte.brosius@isom.be": True,
    "kathleen.boel@integratie-inburgering.be": True, "stefan.verhaeghe@sint-niklaas.be": True,
    "isabelle.vanderhaegen@sint-pieters-leeuw.be": True, "pascale.vanbael@turnhout.be": True,
    "bieke.vanriel@turnhout.be": True, "kim.vanbelleghem@welzijn13.be": True,
}


def test_every_fixture_email_is_judged_as_expected(fixture_records):
    seen = {}
    for record in fixture_records:
        for fiche in record.fiches:
            for contact in fiche.contact or ():
                if contact.email:
                    seen[contact.email] = is_personal_email(contact.email, contact.naam)
    assert seen == FIXTURE_EMAILS
