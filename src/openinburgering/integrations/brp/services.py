"""Writes of the BRP link: an answer taken into the dossier, a failure remembered, retries.

Name, birth date and address go onto the person through ``inburgeraars.services`` (validation,
version, timeline, processing log, and the DUO work item "naam aanvullen" closes itself through
``PersoonsgegevensAangevuld``). The markers a caseworker must see (confidentiality, an address
under investigation, death) go into :class:`~.models.BrpStand` and onto the timeline; death
closes the dossier with the reason "overleden" and stops its open work (ADR 0065). The read
itself happened before, outside any transaction (``client``).
"""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

import structlog

from openinburgering.accounts.context import Actor
from openinburgering.core import brp as brp_poort
from openinburgering.core.brp import BrpFout, BrpPersoon
from openinburgering.core.exceptions import Conflict, Geweigerd
from openinburgering.core.teksten import Tekst
from openinburgering.core.teksten import vertaal as _
from openinburgering.inburgeraars import services as inburgeraar_services
from openinburgering.inburgeraars.models import Bron, Gebeurtenis, Inburgeraar
from openinburgering.inburgeraars.workflow import Eindreden, Status
from openinburgering.integrations.duo.models import WerkitemSoort
from openinburgering.integrations.duo.services import signalen_bijwerken, werkitems_sluiten

from .models import BrpStand

logger = structlog.get_logger(__name__)

SYSTEEM = "BRP-koppeling"
#: A temporary failure is tried again after 2, 4, 8, … minutes, at most every 6 hours, for a week.
MAX_WACHTTIJD = timedelta(hours=6)
OPGEVEN_NA = timedelta(days=7)

OVERGENOMEN = gettext_noop("Gegevens overgenomen uit de BRP: %(velden)s.")

#: Texts of the work item earlier versions made on a death (ADR 0065 closes the dossier instead):
#: kept in the catalogue so that stored items still read in the reader's language.
EERDER_OPGESLAGEN = (
    gettext_noop("Overleden volgens de BRP: dossier beoordelen"),
    gettext_noop(
        "De BRP meldt dat deze persoon is overleden. Controleer het, stop lopende afspraken "
        "en brieven, en rond het dossier af (of wacht op DUO's melding SS111)."
    ),
)


def systeem_actor(gemeente) -> Actor:
    return Actor(gemeente=gemeente, systeem=SYSTEEM)


def _bron(actor: Actor) -> str:
    return {"medewerker": Bron.MEDEWERKER, "api": Bron.API}.get(actor.soort, Bron.SYSTEEM)


def _stand_velden(persoon: BrpPersoon) -> dict:
    return {
        "opgehaald_op": timezone.now(),
        "geheimhouding": persoon.geheimhouding,
        "adres_in_onderzoek": persoon.adres_in_onderzoek,
        "adres_in_onderzoek_sinds": persoon.adres_in_onderzoek_sinds,
        "overleden": persoon.overleden,
        "overlijdensdatum": persoon.overlijdensdatum,
        "nationaliteiten": list(persoon.nationaliteiten),
        "gemeente_van_inschrijving": persoon.gemeente_van_inschrijving,
        "gemeente_van_inschrijving_naam": persoon.gemeente_van_inschrijving_naam[:100],
        "datum_inschrijving_in_gemeente": persoon.datum_inschrijving_in_gemeente,
        "fout": "",
        "pogingen": 0,
        "volgende_poging_op": None,
    }


def _meldingen(persoon: BrpPersoon, oud: BrpStand | None) -> list[Tekst]:
    """What the caseworker must notice, each once: when it is new since the last answer."""
    teksten = []
    if persoon.geheimhouding and not (oud and oud.geheimhouding):
        teksten.append(
            Tekst(
                gettext_noop(
                    "De BRP meldt geheimhouding van persoonsgegevens: geef geen gegevens van "
                    "deze persoon aan derden."
                )
            )
        )
    if persoon.adres_in_onderzoek and not (oud and oud.adres_in_onderzoek):
        teksten.append(
            Tekst(
                gettext_noop(
                    "De BRP meldt dat het adres in onderzoek is: een brief komt daar mogelijk "
                    "niet aan."
                )
            )
        )
    if persoon.overleden and not (oud and oud.overleden):
        if persoon.overlijdensdatum:
            teksten.append(
                Tekst(
                    gettext_noop("Volgens de BRP is deze persoon overleden op %(datum)s."),
                    datum=persoon.overlijdensdatum,
                )
            )
        else:
            teksten.append(Tekst(gettext_noop("Volgens de BRP is deze persoon overleden.")))
    return teksten


def _overleden(*, actor: Actor, inburgeraar: Inburgeraar) -> None:
    """The BRP reports the person deceased: the dossier closes with the reason "overleden"
    through the dossier's transition table, and the open work stops (the DUO link's work items
    close; the deadline engine drops the closed dossier's items), as DUO's SS111 does (R45).
    Nothing waits for a caseworker to confirm what the BRP, the source for death, says."""
    dossier = inburgeraar.dossier
    werkitems_sluiten(
        dossier=dossier,
        soorten=list(WerkitemSoort.values),
        afhandeling=_("Vervallen: volgens de BRP is deze persoon overleden (R45)."),
        door=actor.label,
    )
    if dossier.status != Status.AFGEROND:
        try:
            inburgeraar_services.dossier_status_wijzigen(
                actor=actor, dossier=dossier, naar=Status.AFGEROND, eindreden=Eindreden.OVERLEDEN
            )
        except (Geweigerd, Conflict):
            raise BrpFout(
                _(
                    "Volgens de BRP is deze persoon overleden, maar het dossier kon niet worden "
                    "afgerond (het veranderde op hetzelfde moment). Probeer het opnieuw."
                ),
                tijdelijk=True,
            ) from None
    signalen_bijwerken(dossier)
    logger.info("brp_overleden_dossier_afgerond", dossier=str(dossier.uuid))


def _tijdlijn(
    *, actor: Actor, inburgeraar: Inburgeraar, teksten: list[Tekst], opslaan: bool = True
) -> Gebeurtenis | None:
    if not teksten:
        return None
    gebeurtenis = inburgeraar_services.gebeurtenis_maken(
        dossier=inburgeraar.dossier,
        soort="brp",
        omschrijving=Tekst.samen(*teksten),
        bron=_bron(actor),
        actor=actor,
    )
    if opslaan:
        gebeurtenis.save(force_insert=True)
    return gebeurtenis


def _verhuizing(
    *, actor: Actor, inburgeraar: Inburgeraar, persoon: BrpPersoon, oud: BrpStand | None
) -> None:
    """The BRP registers the person in another gemeente: a departure, once per new gemeente
    (the verhuizing app reacts through ``core.brp``, ADR 0066)."""
    code = persoon.gemeente_van_inschrijving
    if not code or code == inburgeraar.gemeente.code:
        return
    if oud is not None and oud.gemeente_van_inschrijving == code:
        return
    brp_poort.verhuizing_gemeld(
        brp_poort.BrpVerhuizing(
            inburgeraar=inburgeraar,
            actor=actor,
            gemeentecode=code,
            gemeentenaam=persoon.gemeente_van_inschrijving_naam,
            datum_inschrijving=persoon.datum_inschrijving_in_gemeente,
        )
    )


@transaction.atomic
def overnemen(*, actor: Actor, inburgeraar: Inburgeraar, persoon: BrpPersoon) -> list[str]:
    """Take the BRP's answer into the dossier of a person we know; returns the fields changed.

    All or nothing: when the person cannot take the BRP's values (a rule refuses them, someone
    changed the person at the same moment) nothing is saved and a :class:`BrpFout` says why.
    """
    inburgeraar = Inburgeraar.objects.select_related("dossier", "gemeente").get(pk=inburgeraar.pk)
    oud = BrpStand.objects.filter(inburgeraar=inburgeraar).first()
    velden = {
        veld: waarde
        for veld, waarde in persoon.persoonsgegevens.items()
        if getattr(inburgeraar, veld) != waarde
    }
    if velden:
        try:
            with transaction.atomic():
                inburgeraar_services.inburgeraar_wijzigen(
                    actor=actor, inburgeraar=inburgeraar, versie=None, tijdlijn=OVERGENOMEN,
                    **velden,
                )  # fmt: skip
        except (Geweigerd, Conflict, ValidationError) as exc:
            melding = getattr(exc, "message", None) or "; ".join(getattr(exc, "messages", []))
            raise BrpFout(
                _("De gegevens uit de BRP konden niet worden overgenomen: %(reden)s")
                % {"reden": melding}
            ) from None
    BrpStand.objects.update_or_create(
        inburgeraar=inburgeraar,
        defaults={"gemeente": inburgeraar.gemeente, **_stand_velden(persoon)},
    )
    _tijdlijn(actor=actor, inburgeraar=inburgeraar, teksten=_meldingen(persoon, oud))
    if persoon.overleden:
        _overleden(actor=actor, inburgeraar=inburgeraar)
    _verhuizing(actor=actor, inburgeraar=inburgeraar, persoon=persoon, oud=oud)
    logger.info("brp_overgenomen", inburgeraar=str(inburgeraar.uuid), velden=sorted(velden))
    return list(velden)


@transaction.atomic
def aangemeld(
    *,
    actor: Actor,
    personen: list[tuple[Inburgeraar, BrpPersoon]],
    fouten: list[tuple[Inburgeraar, BrpFout]],
) -> None:
    """People just created with the BRP's name, birth date and address (DUO announced them):
    store the markers, one timeline entry each, a work item for the deceased; and remember a
    failed read so that it is tried again. A fixed number of statements for any number."""
    nu = timezone.now()
    standen = [
        BrpStand(gemeente=i.gemeente, inburgeraar=i, **_stand_velden(p)) for i, p in personen
    ]
    standen += [
        BrpStand(
            gemeente=i.gemeente,
            inburgeraar=i,
            fout=f.melding,
            pogingen=1,
            volgende_poging_op=nu + timedelta(minutes=2) if f.tijdelijk else None,
        )
        for i, f in fouten
    ]
    BrpStand.objects.bulk_create(standen)
    gebeurtenissen = []
    for inburgeraar, persoon in personen:
        opgehaald = [
            label
            for label, bekend in (
                (gettext_noop("naam"), persoon.naam_bekend_in_brp),
                (gettext_noop("geboortedatum"), persoon.geboortedatum is not None),
                (gettext_noop("adres"), persoon.adres is not None),
                (gettext_noop("nationaliteit"), bool(persoon.nationaliteit)),
            )
            if bekend
        ]
        teksten = []
        if opgehaald:
            teksten.append(
                Tekst(
                    gettext_noop("Opgehaald uit de BRP: %(velden)s."),
                    velden=Tekst.samen(*(Tekst(v) for v in opgehaald), scheiding=", "),
                )
            )
        teksten += _meldingen(persoon, None)
        gebeurtenis = _tijdlijn(
            actor=actor, inburgeraar=inburgeraar, teksten=teksten, opslaan=False
        )
        if gebeurtenis is not None:
            gebeurtenissen.append(gebeurtenis)
    Gebeurtenis.objects.bulk_create(gebeurtenissen)
    for inburgeraar, persoon in personen:
        if persoon.overleden:
            _overleden(actor=actor, inburgeraar=inburgeraar)


def _wachttijd(pogingen: int) -> timedelta:
    return min(timedelta(minutes=2 ** max(1, pogingen)), MAX_WACHTTIJD)


@transaction.atomic
def mislukt(*, inburgeraar: Inburgeraar, fout: BrpFout) -> BrpStand:
    """Remember a failed read; a temporary one is tried again later (:func:`achterstand`)."""
    stand, _nieuw = BrpStand.objects.select_for_update().get_or_create(
        inburgeraar=inburgeraar, defaults={"gemeente": inburgeraar.gemeente}
    )
    stand.fout = fout.melding
    stand.pogingen += 1
    opgeven = stand.opgehaald_op is None and inburgeraar.aangemaakt_op < timezone.now() - OPGEVEN_NA
    stand.volgende_poging_op = (
        timezone.now() + _wachttijd(stand.pogingen) if fout.tijdelijk and not opgeven else None
    )
    stand.save(update_fields=["fout", "pogingen", "volgende_poging_op", "bijgewerkt_op"])
    logger.warning("brp_mislukt", inburgeraar=str(inburgeraar.uuid), tijdelijk=fout.tijdelijk)
    return stand
