"""Not cooperating with the brede intake: each step a dated entry with a B1 letter (PDF), and the
fine only as the one handhaving zaak for art. 22 (R30, R31, R53; ADR 0040)."""

from datetime import date, datetime
from decimal import Decimal
from io import BytesIO

from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine
from pypdf import PdfReader

from openinburgering.accounts.rollen import Rol
from openinburgering.core.exceptions import Geweigerd, RegelsGeschonden
from openinburgering.handhaving import services as handhaving_services
from openinburgering.handhaving.models import Handhavingszaak, ZaakStatus
from openinburgering.intake import services
from openinburgering.intake.models import Handhavingsstap
from openinburgering.logboek.models import Verwerking
from openinburgering.pip.tests.helpers import actor_voor

pytestmark = pytest.mark.django_db
D = date.fromisoformat


@pytest.fixture(autouse=True)
def _prive(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


@pytest.fixture
def gemeente(gemeente_a):
    gemeente_a.telefoonnummer = "020 123 45 67"
    gemeente_a.email = "inburgering@amstelwaard.example"
    gemeente_a.adres = "Markt 1, Amstelwaard"
    gemeente_a.save()
    return gemeente_a


@pytest.fixture
def kim(gemeente, medewerker):
    return medewerker(Rol.KLANTREGISSEUR, gemeente, first_name="Kim", last_name="de Boer")


@pytest.fixture
def actor(gemeente, kim):
    return actor_voor(gemeente, kim)


@pytest.fixture
def persoon(gemeente, inburgeraar_factory):
    return inburgeraar_factory(gemeente, voornamen="Yonas", achternaam="Proefdijk")


@pytest.fixture
def intake(actor, persoon):
    return services.intake_starten(actor=actor, dossier=persoon.dossier)


def _om(tekst: str):
    return timezone.make_aware(datetime.fromisoformat(tekst))


def _uitnodiging(actor, intake, datum="2025-01-06", op="2025-01-13 14:30", **kw):
    return services.handhavingsstap_vastleggen(
        actor=actor, intake=intake, soort=kw.pop("soort", "uitnodiging"), datum=D(datum),
        afspraak_op=_om(op), afspraak_plaats="Stadhuis, Markt 1, kamer 2.04", **kw,
    )  # fmt: skip


def _pdf_tekst(stap) -> str:
    from openinburgering import brieven

    inhoud = brieven.pad(stap.brief_pad).read_bytes()
    return " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(BytesIO(inhoud)).pages
    )


@time_machine.travel(D("2025-03-01"))
def test_an_invitation_is_a_dated_step_with_a_b1_letter(actor, intake):
    stap = _uitnodiging(actor, intake)
    assert stap.brief_pad and len(stap.brief_sha256) == 64
    tekst = _pdf_tekst(stap)
    for verwacht in (
        "6 januari 2025",  # date of the letter
        "Yonas Proefdijk",  # the person's name and address
        "Proefstraat 7",
        "9999 ZZ PROEFDORP",
        f"Kenmerk {intake.gemeente.code}-2025-000001",  # the readable kenmerk
        "U bent uitgenodigd voor een gesprek",
        "maandag 13 januari 2025",  # date, time and place of the meeting
        "14:30 uur",
        "Stadhuis, Markt 1, kamer 2.04",
        "artikel 14",
        "Gemeente Amstelwaard",  # the gemeente's contact details
        "020 123 45 67",
        "inburgering@amstelwaard.example",
        "Kim de Boer",
    ):
        assert verwacht in tekst, verwacht
    assert intake.dossier.gebeurtenissen.filter(soort="intake_uitnodiging").exists()


@time_machine.travel(D("2025-03-01"))
def test_a_reminder_names_the_new_meeting_and_a_warning_the_fine_of_art_22(actor, intake):
    herinnering = _uitnodiging(
        actor, intake, soort="herinnering", datum="2025-01-14", op="2025-01-20 09:00"
    )
    tekst = _pdf_tekst(herinnering)
    assert "Herinnering" in tekst and "maandag 20 januari 2025" in tekst and "09:00 uur" in tekst
    waarschuwing = services.handhavingsstap_vastleggen(
        actor=actor, intake=intake, soort="waarschuwing", datum=D("2025-01-24")
    )
    tekst = _pdf_tekst(waarschuwing)
    assert "Dit is een waarschuwing" in tekst
    assert "€ 250" in tekst and "artikel 22" in tekst
    assert waarschuwing.afspraak_op is None


@pytest.mark.parametrize(
    ("kwargs", "veld"),
    [
        ({"soort": "uitnodiging"}, "afspraak_op"),
        ({"soort": "herinnering", "afspraak_op": "2025-01-13 10:00"}, "afspraak_plaats"),
        (
            {"soort": "uitnodiging", "afspraak_op": "2025-01-01 10:00", "afspraak_plaats": "x"},
            "afspraak_op",
        ),  # the meeting before the letter
        ({"soort": "boete"}, "soort"),  # a fine is not an intake step (ADR 0040)
        (
            {
                "soort": "uitnodiging",
                "afspraak_op": "2025-03-05 10:00",
                "afspraak_plaats": "x",
                "genegeerd": True,
            },
            "genegeerd",
        ),  # "did not come" to a meeting that is still ahead
    ],
)
@time_machine.travel(D("2025-03-01"))
def test_a_step_without_what_the_letter_needs_is_refused_and_nothing_saved(
    actor, intake, kwargs, veld
):
    if "afspraak_op" in kwargs:
        kwargs["afspraak_op"] = _om(kwargs["afspraak_op"])
    with pytest.raises(Geweigerd) as exc:
        services.handhavingsstap_vastleggen(
            actor=actor, intake=intake, datum=D("2025-01-06"), **kwargs
        )
    assert exc.value.veld == veld
    assert not Handhavingsstap.objects.exists()


@time_machine.travel(D("2025-03-01"))
def test_the_fine_is_the_one_handhaving_zaak_of_art_22(actor, intake, gemeente, medewerker):
    # R31: no ignored call, or only one: a fine is not possible yet; the rule says why.
    with pytest.raises(RegelsGeschonden) as exc:
        services.handhaving_starten(actor=actor, intake=intake)
    assert exc.value.uitkomst.regel_ids == ("R31",)
    eerste = _uitnodiging(actor, intake)
    services.stap_genegeerd_vastleggen(actor=actor, stap=eerste)
    with pytest.raises(RegelsGeschonden, match="schriftelijke waarschuwing"):
        services.handhaving_starten(actor=actor, intake=intake)
    services.handhavingsstap_vastleggen(
        actor=actor, intake=intake, soort="waarschuwing", datum=D("2025-01-15")
    )
    tweede = _uitnodiging(
        actor, intake, soort="herinnering", datum="2025-01-15", op="2025-01-22 10:00"
    )
    services.stap_genegeerd_vastleggen(actor=actor, stap=tweede)

    zaak, nieuw = services.handhaving_starten(actor=actor, intake=intake)
    assert nieuw
    assert zaak.dossier.gebeurtenissen.filter(soort="handhaving").exists()
    assert zaak.artikel == "Wi2021 art. 22" and zaak.verplichting == "brede_intake"
    assert zaak.genegeerde_oproepen == 2 and zaak.overtredingsdatum == D("2025-01-15")
    # Pressing again goes to the same zaak: one place for the fine.
    assert services.handhaving_starten(actor=actor, intake=intake) == (zaak, False)

    # The fine itself goes through handhaving: € 250 fixed (R30), with a letter and bezwaar.
    teamleider = actor_voor(gemeente, medewerker(Rol.TEAMLEIDER, gemeente), Rol.TEAMLEIDER)
    with pytest.raises(Exception, match="R30"):
        handhaving_services.besluit_nemen(
            actor=teamleider, zaak=zaak, datum=D("2025-02-01"), bedrag=Decimal(300)
        )
    besluit = handhaving_services.besluit_nemen(
        actor=teamleider, zaak=zaak, datum=D("2025-02-01"), bedrag=Decimal(250)
    )
    assert besluit.brief_pad
    assert "€ 250" in _pdf_tekst(besluit)

    # Third call ignored: a second zaak for the second fine (R31).
    derde = _uitnodiging(
        actor, intake, soort="herinnering", datum="2025-02-03", op="2025-02-10 10:00"
    )
    assert services.handhaving_starten(actor=actor, intake=intake) == (zaak, False)
    services.stap_genegeerd_vastleggen(actor=actor, stap=derde)
    tweede_zaak, nieuw = services.handhaving_starten(actor=actor, intake=intake)
    assert nieuw and tweede_zaak != zaak and tweede_zaak.genegeerde_oproepen == 3
    assert Handhavingszaak.objects.filter(status=ZaakStatus.OPEN).count() == 1


def test_the_power_to_fine_lapses_after_3_years_r53(actor, intake):
    with time_machine.travel(D("2025-03-01")):
        for datum, op in (("2025-01-06", "2025-01-13 10:00"), ("2025-01-15", "2025-01-22 10:00")):
            stap = _uitnodiging(actor, intake, datum=datum, op=op)
            services.stap_genegeerd_vastleggen(actor=actor, stap=stap)
    with time_machine.travel(D("2028-01-16")), pytest.raises(RegelsGeschonden) as exc:
        services.handhaving_starten(actor=actor, intake=intake)
    assert exc.value.uitkomst.regel_ids == ("R53",)
    assert not Handhavingszaak.objects.exists()


@time_machine.travel(D("2025-03-01"))
def test_the_intake_page_lists_the_letters_and_explains_a_blocked_start(
    actor, intake, persoon, kim, inloggen
):
    stap = _uitnodiging(actor, intake)
    client = inloggen(kim)
    pagina = client.get(reverse("intake:intake", kwargs={"uuid": persoon.uuid})).content.decode()
    assert reverse("intake:brief", kwargs={"uuid": stap.uuid}) in pagina
    assert "Handhaving starten (art. 22)" in pagina
    antwoord = client.post(reverse("intake:handhaving_starten", kwargs={"uuid": persoon.uuid}))
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert "R31" in tekst and "Een boete kan nog niet" in tekst
    assert not Handhavingszaak.objects.exists()

    # Two ignored calls later the button opens the zaak, which links back to the intake.
    services.stap_genegeerd_vastleggen(actor=actor, stap=stap)
    tweede = _uitnodiging(
        actor, intake, soort="herinnering", datum="2025-01-15", op="2025-01-22 10:00"
    )
    services.stap_genegeerd_vastleggen(actor=actor, stap=tweede)
    antwoord = client.post(
        reverse("intake:handhaving_starten", kwargs={"uuid": persoon.uuid}), follow=True
    )
    zaak = Handhavingszaak.objects.get()
    assert antwoord.redirect_chain[-1][0] == reverse("handhaving:zaak", kwargs={"uuid": zaak.uuid})
    tekst = antwoord.content.decode()
    assert "Handhaving gestart (art. 22)" in tekst
    assert reverse("intake:intake", kwargs={"uuid": persoon.uuid}) in tekst
    pagina = client.get(reverse("intake:intake", kwargs={"uuid": persoon.uuid})).content.decode()
    assert reverse("handhaving:zaak", kwargs={"uuid": zaak.uuid}) in pagina


@time_machine.travel(D("2025-03-01"))
def test_the_letter_is_served_to_the_gemeente_only_and_logged(
    actor, intake, persoon, kim, inloggen, gemeente_b, medewerker
):
    stap = _uitnodiging(actor, intake)
    url = reverse("intake:brief", kwargs={"uuid": stap.uuid})
    antwoord = inloggen(kim).get(url)
    assert antwoord.status_code == 200 and antwoord["Content-Type"] == "application/pdf"
    assert b"".join(antwoord.streaming_content).startswith(b"%PDF")
    assert Verwerking.objects.filter(betrokkene=persoon.pseudoniem, activiteit="inzien").exists()
    vreemd = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_b))
    assert vreemd.get(url).status_code == 404
    niet_gekomen = reverse("intake:stap_genegeerd", kwargs={"uuid": stap.uuid})
    assert vreemd.post(niet_gekomen).status_code == 404
    stap.refresh_from_db()
    assert not stap.genegeerd
