"""Hours per period (language, participation, brede intake) → DUO GevolgdeUren; Z-route (R41)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import structlog

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Recht
from openinburgering.core import publicatie
from openinburgering.core.exceptions import Geweigerd, RegelsGeschonden
from openinburgering.core.teksten import Tekst, label
from openinburgering.inburgeraars.services import gebeurtenis_toevoegen
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels.codes import Leerroute
from openinburgering.regels.leerroutes import toets_zroute_afronding

from . import duo
from .afronding import afronding_get, bron, vereis
from .models import Afronding, Onderdeel, Urenregistratie, UrenSoort
from .routefeiten import routefeiten

logger = structlog.get_logger(__name__)

#: More hours than this per calendar day in a period is a typing error (not law).
MAX_UREN_PER_DAG = 12


def uren_per_soort(dossier) -> dict[str, int]:
    rijen = (
        Urenregistratie.objects.filter(dossier=dossier)
        .values("soort")
        .annotate(t=Sum("uren"))
        .values_list("soort", "t")
    )
    totalen = {s: 0 for s in UrenSoort.values}
    totalen.update({s: int(t) for s, t in rijen})
    return totalen


@transaction.atomic
def uren_registreren(
    *,
    actor: Actor,
    dossier,
    soort: str,
    periode_start: date,
    periode_einde: date,
    uren: int,
    omschrijving: str = "",
) -> Urenregistratie:
    """Record hours for one period and send DUO the new total of that kind. All or nothing."""
    vereis(actor, Recht.TRAJECT_VASTLEGGEN, dossier)
    fouten: dict[str, str] = {}
    vandaag = timezone.localdate()
    if soort not in UrenSoort.values:
        fouten["soort"] = _("Kies een soort uren.")
    if uren is None or uren < 1:
        fouten["uren"] = _("Vul een aantal uren van 1 of meer in.")
    if periode_einde < periode_start:
        fouten["periode_einde"] = _("Het einde van de periode ligt vóór het begin.")
    elif periode_einde > vandaag:
        fouten["periode_einde"] = _(
            "Het einde van de periode ligt in de toekomst; leg uren vast als ze gevolgd zijn."
        )
    elif uren and uren > MAX_UREN_PER_DAG * ((periode_einde - periode_start).days + 1):
        dagen = (periode_einde - periode_start).days + 1
        fouten["uren"] = _(
            "%(uren)s uur in %(dagen)s dagen is meer dan %(max)s uur per dag; controleer de "
            "uren of de periode."
        ) % {"uren": uren, "dagen": dagen, "max": MAX_UREN_PER_DAG}
    if not fouten:
        duo_soort = duo.UREN_NAAR_DUO[UrenSoort(soort)]
        nieuw_totaal = duo.uren_totaal(dossier=dossier, duo_soort=duo_soort) + uren
        if nieuw_totaal > duo.DUO_UREN_MAXIMUM:
            fouten["uren"] = _("Het totaal wordt %(t)s uur; DUO neemt hoogstens %(max)s aan.") % {
                "t": nieuw_totaal,
                "max": duo.DUO_UREN_MAXIMUM,
            }
    if fouten:
        raise ValidationError(fouten)
    registratie = Urenregistratie.objects.create(
        gemeente=actor.gemeente,
        dossier=dossier,
        soort=soort,
        periode_start=periode_start,
        periode_einde=periode_einde,
        uren=uren,
        omschrijving=omschrijving.strip(),
        vastgelegd_door=actor.user,
    )
    inhoud = duo.uren_melden(actor=actor, dossier=dossier, duo_soort=duo_soort)
    publicatie.publiceren(
        publicatie.Feit(
            gemeente_id=actor.gemeente.pk,
            soort=publicatie.Soort.UREN_GEMELD,
            onderwerp=registratie.uuid,
            dossier=dossier.uuid,
            inburgeraar=dossier.inburgeraar.uuid,
            objecten={"urenregistratie": registratie.uuid},
        )
    )
    gebeurtenis_toevoegen(
        dossier=dossier,
        soort="uren_vastgelegd",
        omschrijving=Tekst(
            gettext_noop(
                "%(uren)s uur %(soort)s vastgelegd (%(van)s t/m %(tot)s). Nieuw totaal "
                "%(totaal)s uur klaargezet voor DUO."
            ),
            uren=uren,
            soort=label(UrenSoort(soort).label, klein=True),
            van=periode_start,
            tot=periode_einde,
            totaal=inhoud["uren"],
        ),
        bron=bron(actor),
        actor=actor,
    )
    verwerkingen_vastleggen(
        actor=actor, activiteit=Activiteit.WIJZIGEN, pseudoniemen=[dossier.inburgeraar.pseudoniem]
    )
    return registratie


@transaction.atomic
def zroute_afronden(*, actor: Actor, dossier, datum: date) -> Afronding:
    """Complete the Z-route: only in the Z-route, R41 from ``regels``, then the date to DUO."""
    vereis(actor, Recht.TRAJECT_VASTLEGGEN, dossier)
    feiten = routefeiten(dossier)
    if feiten.leerroute is not Leerroute.Z_ROUTE:
        raise Geweigerd(
            _("Afronden van de Z-route kan alleen als het geldende PIP de Z-route heeft."),
            veld="datum",
        )
    if datum > timezone.localdate():
        raise ValidationError({"datum": _("De datum van afronding ligt in de toekomst.")})
    termijn = feiten.termijn
    if termijn is not None and datum < termijn.start:
        raise ValidationError(
            {
                "datum": _("De datum ligt vóór de start van de inburgeringstermijn (%(d)s).")
                % {"d": termijn.start.strftime("%d-%m-%Y")}
            }
        )
    # R41 counts the totals DUO gets (school reports included), never a count of its own.
    uren = duo.zroute_uren(dossier=dossier)
    uitkomst = toets_zroute_afronding(**uren)
    if not uitkomst.toegestaan:
        raise RegelsGeschonden(uitkomst)
    afronding, _nieuw = Afronding.objects.update_or_create(
        dossier=dossier,
        onderdeel=Onderdeel.ZROUTE,
        defaults={"gemeente": actor.gemeente, "datum": datum, "vastgelegd_door": actor.user},
    )
    inhoud = duo.zroute_melden(actor=actor, afronding=afronding, uren=uren)
    gebeurtenis_toevoegen(
        dossier=dossier,
        soort="zroute_afgerond",
        omschrijving=Tekst(
            gettext_noop("Z-route afgerond op %(d)s; klaargezet voor DUO."), d=datum
        ),
        bron=bron(actor),
        actor=actor,
        gegevens={"duo": inhoud},
    )
    verwerkingen_vastleggen(
        actor=actor, activiteit=Activiteit.WIJZIGEN, pseudoniemen=[dossier.inburgeraar.pseudoniem]
    )
    return afronding


def zroute_afronding(dossier):
    return afronding_get(dossier, Onderdeel.ZROUTE)
