"""The DUO integration's side of the port ``core.keten`` (ADR 0049).

Each domain fact of ``keten.uitgaand`` becomes an outbox row through :mod:`.meldingen` (which
checks DUO's acceptance rules with ``regels`` once more and refuses with the rule); the questions
of ``keten.raadplegen`` are answered with the client or the stored answers, in our own data
classes, with DUO's errors as one ``KetenFout``. :func:`registreren` runs in ``AppConfig.ready``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from openinburgering.accounts.context import Actor
from openinburgering.core.keten import raadplegen, uitgaand
from openinburgering.inburgeraars.models import Inburgeraar

from . import meldingen
from .fouten import DuoFout, DuoNietBereikbaar, DuoNietGevonden
from .models import (
    MeldingSoort,
    UitgaandBericht,
    UitgaandStatus,
    Werkitem,
    WerkitemSoort,
    WerkitemStatus,
)
from .services import werkitems_sluiten

# --- domain facts out --------------------------------------------------------------------------


def _ontvangst(bericht: UitgaandBericht) -> uitgaand.Ontvangst:
    return uitgaand.Ontvangst(bericht=bericht.uuid, inhoud=bericht.inhoud)


def _persoon(model: Model) -> Inburgeraar:
    assert isinstance(model, Inburgeraar), "a fact names the person by their Inburgeraar row"
    return model


def pip_vastgesteld(feit: uitgaand.PipVastgesteld, actor: Actor) -> uitgaand.Ontvangst:
    inburgeraar = _persoon(feit.inburgeraar)
    ontvangst = _ontvangst(
        meldingen.pip_melden(
            actor=actor, inburgeraar=inburgeraar, pip=feit.pip, context=feit.context
        )
    )
    # DUO's signals that the PIP was missing (SS132, SS126) are answered by this PIP.
    werkitems_sluiten(
        dossier=inburgeraar.dossier,
        soorten=[WerkitemSoort.PIP_ONTBREEKT, WerkitemSoort.LEERROUTE_TE_LAAT],
        afhandeling=_("Opgelost: het PIP is vastgesteld en aan DUO gemeld."),
        door=actor.label,
    )
    return ontvangst


def aanbod_gedaan(feit: uitgaand.AanbodGedaan, actor: Actor) -> uitgaand.Ontvangst:
    inburgeraar = _persoon(feit.inburgeraar)
    ontvangst = _ontvangst(
        meldingen.aanbod_melden(
            actor=actor,
            inburgeraar=inburgeraar,
            aanbod=feit.aanbod,
            leerroute=feit.leerroute,
            huidige_pip_dagtekening=feit.huidige_pip_dagtekening,
            termijn=feit.termijn,
        )
    )
    # DUO's signal that no offer had arrived (SS127) is answered by this one.
    werkitems_sluiten(
        dossier=inburgeraar.dossier,
        soorten=[WerkitemSoort.AANBOD_ONTBREEKT],
        afhandeling=_("Opgelost: het inburgeringsaanbod is gedaan en aan DUO gemeld."),
        door=actor.label,
    )
    return ontvangst


def uren_gevolgd(feit: uitgaand.UrenGevolgd, actor: Actor) -> uitgaand.Ontvangst:
    return _ontvangst(
        meldingen.uren_melden(
            actor=actor, inburgeraar=_persoon(feit.inburgeraar), soort=feit.soort, uren=feit.uren
        )
    )


def participatie_afgerond(feit: uitgaand.ParticipatieAfgerond, actor: Actor) -> uitgaand.Ontvangst:
    melden = {"MAP": meldingen.map_melden, "PVT": meldingen.pvt_melden}[feit.onderdeel]
    return _ontvangst(
        melden(
            actor=actor,
            inburgeraar=_persoon(feit.inburgeraar),
            datum=feit.datum,
            verwijtbaar=feit.verwijtbaar,
            termijn=feit.termijn,
            afronding=meldingen.Afronding(
                eigen_huidig_pip=feit.eigen_huidig_pip, zroute_afronding=feit.zroute_afronding
            ),
        )
    )


def zroute_afgerond(feit: uitgaand.ZrouteAfgerond, actor: Actor) -> uitgaand.Ontvangst:
    return _ontvangst(
        meldingen.zroute_melden(
            actor=actor,
            inburgeraar=_persoon(feit.inburgeraar),
            datum=feit.datum,
            taaluren=feit.taaluren,
            participatieuren=feit.participatieuren,
        )
    )


#: Before the outbox, a failed direct call to DUO left a work item with this key prefix.
LBT_WERKITEM = "lbt-vrijstelling:"


def lbt_overgeslagen(feit: uitgaand.LbtOvergeslagen, actor: Actor) -> uitgaand.Ontvangst:
    inburgeraar = _persoon(feit.inburgeraar)
    bericht = meldingen.lbt_overgeslagen_melden(
        actor=actor,
        inburgeraar=inburgeraar,
        visuele_beperking=feit.visuele_beperking,
        auditieve_beperking=feit.auditieve_beperking,
    )
    # The outbox takes over what such a work item asked for.
    Werkitem.objects.filter(
        gemeente=actor.gemeente,
        dossier=inburgeraar.dossier,
        sleutel__startswith=LBT_WERKITEM,
        status=WerkitemStatus.OPEN,
    ).update(
        status=WerkitemStatus.AFGEHANDELD,
        afgehandeld_op=timezone.now(),
        afhandeling=_("De melding staat nu in de wachtrij voor DUO."),
    )
    return _ontvangst(bericht)


def persoonsgegevens_aangevuld(
    feit: uitgaand.PersoonsgegevensAangevuld, actor: Actor
) -> uitgaand.Ontvangst:
    werkitems_sluiten(
        dossier=_persoon(feit.inburgeraar).dossier,
        soorten=[WerkitemSoort.PERSOONSGEGEVENS_AANVULLEN],
        afhandeling=_("Naam en geboortedatum aangevuld."),
        door=actor.label,
    )
    return uitgaand.Ontvangst()


def dossier_overgedragen(feit: uitgaand.DossierOvergedragen, actor: Actor) -> uitgaand.Ontvangst:
    """The dossier went to the new gemeente (R76): its open work items stop, except the one
    month to complete what DUO still lacks after a departure (R71, R47), which outlives it."""
    werkitems_sluiten(
        dossier=_persoon(feit.inburgeraar).dossier,
        soorten=[s for s in WerkitemSoort.values if s != WerkitemSoort.VERTROKKEN],
        afhandeling=_("Vervallen: het dossier is overgedragen aan de nieuwe gemeente (R76)."),
        door=actor.label,
    )
    return uitgaand.Ontvangst()


# --- questions in ------------------------------------------------------------------------------


def _vraag[T](vraag: Callable[[], T]) -> T:
    """DUO's errors as the foundation's one ``KetenFout`` (their text holds no BSN)."""
    try:
        return vraag()
    except DuoNietGevonden as exc:
        raise raadplegen.KetenNietGevonden(str(exc)) from None
    except DuoFout as exc:
        raise raadplegen.KetenFout(str(exc), tijdelijk=isinstance(exc, DuoNietBereikbaar)) from None


def _datum(gegevens: dict, sleutel: str, veld: str) -> date | None:
    waarde = (gegevens.get(sleutel) or {}).get(veld)
    return date.fromisoformat(waarde) if waarde else None


def verlengingen_uit_stand(gegevens: dict) -> tuple[raadplegen.DuoVerlengingsaanvraag, ...] | None:
    """DUO's extension requests as stored (``data.Verlengingsaanvraag.als_json``), by date."""
    if "verlengingen" not in gegevens:
        return None
    return tuple(
        sorted(
            (
                raadplegen.DuoVerlengingsaanvraag(
                    ontvangstdatum=date.fromisoformat(v["ontvangstdatum"]),
                    beoordeling=v["beoordeling_aanvraag"],
                    datum_beoordeling=date.fromisoformat(v["datum_beoordeling"])
                    if v.get("datum_beoordeling")
                    else None,
                )
                for v in gegevens["verlengingen"] or []
            ),
            key=lambda v: v.ontvangstdatum,
            reverse=True,
        )
    )


def boetes_uit_stand(gegevens: dict) -> tuple[raadplegen.DuoBoete, ...] | None:
    """DUO's fines as stored (``data.BoeteBijDuo.als_json``), newest first."""
    if "boetes" not in gegevens:
        return None
    return tuple(
        sorted(
            (
                raadplegen.DuoBoete(bedrag=int(b["bedrag"]), datum=date.fromisoformat(b["datum"]))
                for b in gegevens["boetes"] or []
            ),
            key=lambda b: b.datum,
            reverse=True,
        )
    )


def _bericht(bericht: UitgaandBericht) -> raadplegen.BerichtStand:
    return raadplegen.BerichtStand(
        uuid=bericht.uuid,
        soort=bericht.soort,
        soort_label=str(MeldingSoort(bericht.soort).label),
        status=bericht.status,
        status_label=str(UitgaandStatus(bericht.status).label),
        pogingen=bericht.pogingen,
        laatste_fout=bericht.laatste_fout,
        fouten=tuple(str(f) for f in bericht.fouten or ()),
        inhoud=bericht.inhoud,
    )


class DuoRaadpleging:
    """``keten.raadplegen.Raadpleging`` with DUO's client and the stored answers."""

    def lbt_examennummer(self, *, gemeente: Model, actor: Actor, bsn: str) -> str:
        from .client import Duo

        return _vraag(lambda: Duo(gemeente, actor=actor).lbt.examennummer(bsn=bsn).examennummer)

    def examens(self, *, gemeente: Model, actor: Actor, bsn: str) -> raadplegen.Examens:
        from .client import Duo

        duo = Duo(gemeente, actor=actor)
        resultaten = _vraag(lambda: duo.examen.resultaten(bsn=bsn))
        pogingen = _vraag(lambda: duo.examen.gratis_pogingen(bsn=bsn))
        return raadplegen.Examens(
            uitslagen=tuple(
                raadplegen.Examenuitslag(
                    onderdeel=r.onderdeel,
                    examendatum=r.examendatum,
                    resultaat=r.resultaat,
                    niveau=r.niveau,
                    reden_geen_resultaat=r.reden_geen_resultaat,
                )
                for r in resultaten
            ),
            pogingen=tuple(
                raadplegen.GratisPoging(onderdeel=p.onderdeel, tegoed=p.tegoed) for p in pogingen
            ),
        )

    def instellingen(self, *, gemeente: Model) -> list[raadplegen.Instelling]:
        from .client import InburgeringsaanbodClient

        return [
            raadplegen.Instelling(
                instellingsnummer=i.instellingsnummer,
                naam=i.naam,
                postcode=i.postcode,
                huisnummer=i.huisnummer,
                plaatsnaam=i.plaatsnaam,
                huisnummertoevoeging=i.huisnummertoevoeging,
                bow=i.bow,
                brin=i.brin,
                keurmerk_bow=i.keurmerk_bow,
                keurmerk_tst=i.keurmerk_tst,
            )
            for i in _vraag(lambda: InburgeringsaanbodClient(gemeente).instellingen())
        ]

    def stand(self, inburgeraar: Model) -> raadplegen.DuoStand:
        stand = getattr(inburgeraar, "duo_stand", None)
        gegevens = stand.gegevens if stand is not None else {}
        return raadplegen.DuoStand(
            termijn_start=_datum(gegevens, "termijn", "startdatum"),
            termijn_einde=_datum(gegevens, "termijn", "einddatum"),
            verlengingsgrond=(gegevens.get("termijn") or {}).get("verlengingsgrondomschrijving", "")
            or "",
            pip_dagtekening=_datum(gegevens, "pip", "dagtekening"),
            pip_leerroute=(gegevens.get("pip") or {}).get("leerroute", "") or "",
            plicht_begindatum=_datum(gegevens, "plicht", "begindatum"),
            verlengingen=verlengingen_uit_stand(gegevens),
            boetes=boetes_uit_stand(gegevens),
        )

    def bericht(self, *, gemeente_id: int, uuid: UUID) -> raadplegen.BerichtStand | None:
        bericht = UitgaandBericht.objects.filter(gemeente_id=gemeente_id, uuid=uuid).first()
        return _bericht(bericht) if bericht is not None else None

    def berichten(
        self, *, inburgeraar_id: int, soort: str | None = None, limiet: int = 50
    ) -> list[raadplegen.BerichtStand]:
        berichten = UitgaandBericht.objects.filter(inburgeraar_id=inburgeraar_id)
        if soort is not None:
            berichten = berichten.filter(soort=soort)
        return [_bericht(b) for b in berichten.order_by("-id")[:limiet]]


def registreren() -> None:
    """Fill the port: one handler per domain fact, and the reads."""
    uitgaand.registreer(uitgaand.PipVastgesteld, pip_vastgesteld)
    uitgaand.registreer(uitgaand.AanbodGedaan, aanbod_gedaan)
    uitgaand.registreer(uitgaand.UrenGevolgd, uren_gevolgd)
    uitgaand.registreer(uitgaand.ParticipatieAfgerond, participatie_afgerond)
    uitgaand.registreer(uitgaand.ZrouteAfgerond, zroute_afgerond)
    uitgaand.registreer(uitgaand.LbtOvergeslagen, lbt_overgeslagen)
    uitgaand.registreer(uitgaand.PersoonsgegevensAangevuld, persoonsgegevens_aangevuld)
    uitgaand.registreer(uitgaand.DossierOvergedragen, dossier_overgedragen)
    raadplegen.registreer(DuoRaadpleging())
