"""The demo's statushouder on bijstand with ontzorgen (issue 19): Werk en Inkomen delivers the
bijstand period through the API path, the caseworker decides ontzorgen with four fixed costs and
an afbouw plan, she makes this month's payment run and the teamleider approves it."""

from datetime import timedelta

from django.utils import timezone

from openinburgering.accounts.context import Actor
from openinburgering.inburgeraars.codes import Doelgroep
from openinburgering.inburgeraars.models import Dossier
from openinburgering.inburgeraars.workflow import Status
from openinburgering.ontzorgen import services
from openinburgering.ontzorgen.models import Beleid, DatumBron

#: Fictional payees; the IBANs are the well-known example numbers (valid check digits).
LASTEN = [
    ("huur", "Woonstichting Demodam", "NL91ABNA0417164300", 61250, "HUUR-4471"),
    ("energie", "Proefenergie BV", "NL20INGB0001234567", 12400, "EN-889120"),
    ("water", "Waterbedrijf Demodam", "NL69INGB0123456789", 2133, "W-55120"),
    ("zorgverzekering", "Zorgverzekeraar Proef", "NL02ABNA0123456789", 14567, "ZV-300771"),
]


def laden(*, gemeente, medewerker: Actor, teamleider: Actor) -> list[str]:
    Beleid.objects.update_or_create(
        gemeente=gemeente,
        defaults={
            "toestemming_vereist": True,
            "rekeninghouder": f"Gemeente {gemeente.naam}",
            "iban": "NL39RABO0300065264",
            "bic": "RABONL2U",
        },
    )
    dossier = (
        Dossier.objects.filter(
            gemeente=gemeente,
            inburgeraar__doelgroep=Doelgroep.ASIELSTATUSHOUDER,
            status__in=[Status.PIP_VASTGESTELD, Status.IN_UITVOERING],
        )
        .exclude(inburgeraar__straat_huisnummer="")
        .select_related("inburgeraar")
        .order_by("id")
        .first()
    )
    if dossier is None:
        return ["geen statushouder gevonden voor ontzorgen"]
    vandaag = timezone.localdate()
    start = vandaag - timedelta(days=75)
    [(periode, _nieuw)] = services.periodes_vastleggen(
        actor=medewerker,
        aanleveringen=[
            services.Aanlevering(
                dossier, f"WI-{dossier.pk:06d}", start, None, DatumBron.API,
                "API Werk en Inkomen (demo)",
            )
        ],
    )  # fmt: skip
    besluit = services.besluit_aanmaken(actor=medewerker, periode=periode)
    besluit = services.besluit_opslaan(
        actor=medewerker, besluit=besluit, versie=besluit.versie,
        afbouwplan="Elke maand nemen we samen de rekeningen door; per stap betaalt u er een zelf.",
        toestemming_op=start + timedelta(days=2),
    )  # fmt: skip
    for post, naam, iban, bedrag, kenmerk in LASTEN:
        services.vaste_last_toevoegen(
            actor=medewerker, besluit=besluit, post=post, begunstigde=naam, iban=iban,
            bedrag_centen=bedrag, frequentie="maandelijks", contractreferentie=kenmerk,
        )  # fmt: skip
    for dagen, stap in (
        (60, "Zelf de waterrekening betalen"),
        (120, "Zelf de zorgverzekering betalen"),
        (170, "Zelf huur en energie betalen"),
    ):
        services.afbouwstap_toevoegen(
            actor=medewerker,
            besluit=besluit,
            omschrijving=stap,
            datum=start + timedelta(days=dagen),
        )
    besluit.refresh_from_db()
    besluit = services.besluit_vaststellen(
        actor=medewerker,
        besluit=besluit,
        versie=besluit.versie,
        dagtekening=start + timedelta(days=5),
    )
    run = services.betaalrun_maken(
        actor=medewerker, maand=vandaag, uitvoerdatum=vandaag + timedelta(days=1)
    )
    services.betaalrun_goedkeuren(actor=teamleider, run=run)
    return [
        f"ontzorgen tot en met {besluit.einde:%d-%m-%Y}",
        f"betaalrun {run.maand:%m-%Y}: {run.aantal} betalingen, {run.totaal_centen / 100:.2f} euro",
    ]
