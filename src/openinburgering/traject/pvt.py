"""PVT groups: plan workshops, invite, register attendance and the signing (then R39/R40 → DUO)."""

import hashlib
from datetime import date, time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import structlog

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Recht
from openinburgering.core.exceptions import Geweigerd
from openinburgering.core.teksten import Tekst
from openinburgering.inburgeraars.services import gebeurtenis_toevoegen
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen

from .afronding import afronding_get, afronding_vastleggen, bron, vereis
from .models import (
    Aanwezigheid,
    Afronding,
    DeelnameStatus,
    Onderdeel,
    PvtAanwezigheid,
    PvtBijeenkomst,
    PvtDeelname,
    PvtGroep,
    PvtMateriaal,
)

logger = structlog.get_logger(__name__)

#: Uploaded materials: what we accept (the Toolbox Participatieverklaring is PDF, PPTX, DOCX).
MATERIAAL_EXTENSIES = {".pdf", ".pptx", ".docx", ".odt", ".odp", ".png", ".jpg", ".mp4"}
MATERIAAL_MAX_BYTES = 25 * 1024 * 1024


def _eigen(actor: Actor, groep: PvtGroep) -> None:
    vereis(actor, Recht.TRAJECT_VASTLEGGEN)
    if groep.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Deze groep hoort bij een andere gemeente."))


@transaction.atomic
def groep_aanmaken(
    *,
    actor: Actor,
    naam: str,
    locatie: str,
    taal: str,
    capaciteit: int,
    begeleider: str,
    tolk: str = "",
    opmerkingen: str = "",
) -> PvtGroep:
    vereis(actor, Recht.TRAJECT_VASTLEGGEN)
    groep = PvtGroep(
        gemeente=actor.gemeente,
        naam=naam.strip(),
        locatie=locatie.strip(),
        taal=taal.strip(),
        tolk=tolk.strip(),
        capaciteit=capaciteit,
        begeleider=begeleider.strip(),
        opmerkingen=opmerkingen.strip(),
    )
    groep.full_clean(exclude=["gemeente"])
    groep.save()
    logger.info("pvt_groep_aangemaakt", groep=str(groep.uuid))
    return groep


@transaction.atomic
def bijeenkomst_toevoegen(
    *, actor: Actor, groep: PvtGroep, datum: date, begintijd: time, eindtijd: time, onderwerp: str
) -> PvtBijeenkomst:
    _eigen(actor, groep)
    if eindtijd <= begintijd:
        raise ValidationError({"eindtijd": _("De eindtijd ligt niet na de begintijd.")})
    bijeenkomst = PvtBijeenkomst(
        groep=groep,
        datum=datum,
        begintijd=begintijd,
        eindtijd=eindtijd,
        onderwerp=onderwerp.strip(),
    )
    bijeenkomst.full_clean(exclude=["groep"])
    bijeenkomst.save()
    logger.info("pvt_bijeenkomst_toegevoegd", groep=str(groep.uuid))
    return bijeenkomst


def _bestandsnaam_veilig(naam: str) -> str:
    return "".join(c if c.isalnum() or c in "._- " else "_" for c in Path(naam).name)[:150]


@transaction.atomic
def materiaal_toevoegen(
    *, actor: Actor, bijeenkomst: PvtBijeenkomst, titel: str, link: str = "", bestand=None
) -> PvtMateriaal:
    """A title with a link, or an uploaded file stored privately (never under static/media)."""
    _eigen(actor, bijeenkomst.groep)
    if bool(link) == bool(bestand):
        raise ValidationError(
            _("Geef een link óf een bestand, niet allebei en niet geen van beide.")
        )
    materiaal = PvtMateriaal(bijeenkomst=bijeenkomst, titel=titel.strip(), link=link.strip())
    if bestand is not None:
        extensie = Path(bestand.name).suffix.lower()
        if extensie not in MATERIAAL_EXTENSIES:
            raise ValidationError(
                {
                    "bestand": _("Dit soort bestand kan niet. Toegestaan: %(lijst)s.")
                    % {"lijst": ", ".join(sorted(MATERIAAL_EXTENSIES))}
                }
            )
        if bestand.size > MATERIAAL_MAX_BYTES:
            raise ValidationError({"bestand": _("Het bestand is groter dan 25 MB.")})
        inhoud = bestand.read()
        relatief = Path("pvt-materiaal") / actor.gemeente.code / f"{materiaal.uuid}{extensie}"
        pad = Path(settings.PRIVATE_MEDIA_ROOT) / relatief
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_bytes(inhoud)
        materiaal.bestand_pad = str(relatief)
        materiaal.bestandsnaam = _bestandsnaam_veilig(bestand.name)
        materiaal.sha256 = hashlib.sha256(inhoud).hexdigest()
    materiaal.full_clean(exclude=["bijeenkomst"])
    materiaal.save()
    return materiaal


def materiaal_pad(materiaal: PvtMateriaal) -> Path:
    basis = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    pad = (basis / materiaal.bestand_pad).resolve()
    if basis not in pad.parents:
        raise ValueError("path outside PRIVATE_MEDIA_ROOT")
    return pad


@transaction.atomic
def deelnemers_uitnodigen(*, actor: Actor, groep: PvtGroep, dossiers) -> list[PvtDeelname]:
    """Invite people; refused as a whole when the group would be over capacity."""
    _eigen(actor, groep)
    groep = PvtGroep.objects.select_for_update().get(pk=groep.pk)
    dossiers = [d for d in dossiers if d.gemeente_id == actor.gemeente.pk]
    al = set(
        PvtDeelname.objects.filter(groep=groep, dossier__in=dossiers).values_list(
            "dossier_id", flat=True
        )
    )
    nieuw = [d for d in dossiers if d.pk not in al]
    bezet = PvtDeelname.objects.filter(groep=groep, status=DeelnameStatus.UITGENODIGD).count()
    if bezet + len(nieuw) > groep.capaciteit:
        raise Geweigerd(
            _(
                "De groep heeft plaats voor %(cap)s deelnemers; er zijn er al %(bezet)s. "
                "Kies er hoogstens %(vrij)s of maak een tweede groep."
            )
            % {"cap": groep.capaciteit, "bezet": bezet, "vrij": max(groep.capaciteit - bezet, 0)}
        )
    vandaag = timezone.localdate()
    deelnames = PvtDeelname.objects.bulk_create(
        PvtDeelname(gemeente=actor.gemeente, groep=groep, dossier=d, uitgenodigd_op=vandaag)
        for d in nieuw
    )
    for d in nieuw:
        gebeurtenis_toevoegen(
            dossier=d,
            soort="pvt_uitgenodigd",
            omschrijving=Tekst(
                gettext_noop("Uitgenodigd voor PVT-groep ‘%(groep)s’."), groep=groep.naam
            ),
            bron=bron(actor),
            actor=actor,
        )
    verwerkingen_vastleggen(
        actor=actor,
        activiteit=Activiteit.WIJZIGEN,
        pseudoniemen=[d.inburgeraar.pseudoniem for d in nieuw],
    )
    return deelnames


@transaction.atomic
def aanwezigheid_vastleggen(
    *, actor: Actor, bijeenkomst: PvtBijeenkomst, statussen: dict[int, str]
) -> int:
    """``statussen``: deelname pk → Aanwezigheid. Only for a session that has taken place."""
    _eigen(actor, bijeenkomst.groep)
    if bijeenkomst.datum > timezone.localdate():
        raise Geweigerd(
            _("Deze bijeenkomst is op %(d)s; aanwezigheid kan pas vanaf die dag.")
            % {"d": bijeenkomst.datum.strftime("%d-%m-%Y")}
        )
    deelnames = {
        d.pk: d
        for d in PvtDeelname.objects.filter(
            groep=bijeenkomst.groep, pk__in=list(statussen)
        ).select_related("dossier__inburgeraar")
    }
    for pk, status in statussen.items():
        if pk not in deelnames or status not in Aanwezigheid.values:
            raise Geweigerd(_("Onbekende deelnemer of status."))
    for pk, status in statussen.items():
        PvtAanwezigheid.objects.update_or_create(
            deelname_id=pk, bijeenkomst=bijeenkomst, defaults={"status": status}
        )
    verwerkingen_vastleggen(
        actor=actor,
        activiteit=Activiteit.WIJZIGEN,
        pseudoniemen=[d.dossier.inburgeraar.pseudoniem for d in deelnames.values()],
    )
    return len(statussen)


def ondertekening_vastleggen(*, actor: Actor, deelname: PvtDeelname, datum: date) -> Afronding:
    """The participatieverklaring is signed: R39/R40 via ``afronding_vastleggen``, then DUO."""
    _eigen(actor, deelname.groep)
    bestaand = afronding_get(deelname.dossier, Onderdeel.PVT)
    return afronding_vastleggen(
        actor=actor,
        dossier=deelname.dossier,
        onderdeel=Onderdeel.PVT,
        datum=datum,
        verwijtbaar=bestaand.verwijtbaar if bestaand else "",
        motivering=bestaand.motivering if bestaand else "",
    )
