"""One client per DUO API (``specs/duo-m2m/<API>/openapi.yml``), on ``requests``.

Every request goes to ``DUO_API_ROOT + "/v1" + <path in the spec>`` with the headers ``bron`` (the
gemeente's OIN), ``doel`` (DUO's OIN) and ``berichtId`` (fresh, or the outbox's fixed one), the
client certificate and CA bundle from the settings, and connect/read timeouts. Answers come back as
the dataclasses of :mod:`.data`; problems as the exceptions of :mod:`.fouten`.

Reads are only made for persons relevant to the gemeente (R47, :func:`controleer_relevantie`).
Writes are not called directly by the product: they go through the outbox (:mod:`.meldingen`).
"""

from __future__ import annotations

import time
from urllib.parse import quote
from uuid import UUID, uuid4

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

import requests
import structlog

from openinburgering.accounts.context import Actor
from openinburgering.core import bsn as bsn_tools
from openinburgering.inburgeraars.models import Inburgeraar
from openinburgering.inburgeraars.workflow import Eindreden
from openinburgering.logboek.models import Activiteit, Resultaat
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels.duo import Relevantie, toets_relevantie

from . import data
from .fouten import (
    DuoAfwijzing,
    DuoNietBereikbaar,
    DuoNietGevonden,
    DuoNietRelevant,
    DuoOngeldigAntwoord,
)

logger = structlog.get_logger(__name__)

TIJDELIJKE_STATUSSEN = frozenset({408, 425, 429})


def controleer_relevantie(*, gemeente, bsn: str, notificatie=None) -> None:
    """R47: may this gemeente read this person at DUO? Raise :class:`DuoNietRelevant` if not.

    A person with a dossier in the gemeente counts as living there. A notification DUO sent to
    this gemeente about the person links the person to it while that notification is processed.
    A dossier closed because the person moved away no longer gives access.
    """
    zoekhash = bsn_tools.zoekhash(bsn)
    if (
        notificatie is not None
        and notificatie.gemeente_id == gemeente.pk
        and notificatie.bsn_hash == zoekhash
    ):
        relevantie = Relevantie(woont_in_gemeente=True)
    else:
        inburgeraar = (
            Inburgeraar.objects.filter(gemeente=gemeente, bsn_hash=zoekhash)
            .select_related("dossier")
            .first()
        )
        if inburgeraar is None:
            relevantie = Relevantie()
        elif inburgeraar.dossier.eindreden == Eindreden.VERHUISD:
            relevantie = Relevantie(vorig_pip_van_gemeente=True)
        else:
            relevantie = Relevantie(woont_in_gemeente=True)
    uitkomst = toets_relevantie(relevantie, timezone.localdate())
    if not uitkomst.toegestaan:
        raise DuoNietRelevant(" ".join(uitkomst.meldingen), regel=uitkomst.regel_ids[0])


class DuoApiClient:
    """Shared plumbing; one subclass per DUO API."""

    #: DUO's API (folder name in ``specs/duo-m2m``), for logging.
    api = ""

    def __init__(
        self,
        gemeente,
        *,
        session: requests.Session | None = None,
        notificatie=None,
        actor: Actor | None = None,
        vastgelegd: set | None = None,
    ):
        self.gemeente = gemeente
        self.session = session or requests.Session()
        self.notificatie = notificatie
        #: Who asks DUO, for the processing log (the caseworker, or the DUO link itself).
        self.actor = actor or Actor(gemeente=gemeente, systeem="DUO-koppeling")
        #: (activity, pseudonym) already in the processing log for this client (or ``Duo``):
        #: asking DUO five things about one person is one processing of that person.
        self.vastgelegd = vastgelegd if vastgelegd is not None else set()

    def _vastleggen(self, methode: str, bsn: str, status: int) -> None:
        """Processing log: one record per person for what DUO answered (no BSN, a pseudonym).

        A read is ``duo_opgevraagd``, a write ``duo_gemeld``. Nothing when DUO did not answer or
        was unavailable: then no data was exchanged. DUO's refusal is logged as refused.
        """
        if status >= 500 or status in TIJDELIJKE_STATUSSEN:
            return
        lezen = methode == "GET"
        gelukt = 200 <= status < 300 or (lezen and status == 404)
        activiteit = Activiteit.DUO_OPGEVRAAGD if lezen else Activiteit.DUO_GEMELD
        pseudoniem = bsn_tools.pseudoniem(bsn)
        sleutel = (activiteit, pseudoniem, gelukt)
        if sleutel in self.vastgelegd:
            return
        verwerkingen_vastleggen(
            actor=self.actor,
            activiteit=activiteit,
            pseudoniemen=[pseudoniem],
            resultaat=Resultaat.OK if gelukt else Resultaat.GEWEIGERD,
        )
        self.vastgelegd.add(sleutel)

    # --- plumbing ---------------------------------------------------------------------------

    def _url(self, pad: str, parameters: dict) -> str:
        ingevuld = pad.format(**{k: quote(str(v), safe="") for k, v in parameters.items()})
        return f"{settings.DUO_API_ROOT.rstrip('/')}/v1{ingevuld}"

    def _verzoek(
        self,
        methode: str,
        pad: str,
        *,
        operatie: str,
        bsn: str | None = None,
        parameters: dict | None = None,
        inhoud=None,
        bericht_id: UUID | str | None = None,
    ) -> requests.Response:
        parameters = dict(parameters or {})
        if bsn is not None:
            if methode == "GET":
                controleer_relevantie(gemeente=self.gemeente, bsn=bsn, notificatie=self.notificatie)
            parameters["bsn"] = bsn
        bericht_id = str(bericht_id or uuid4())
        headers = {
            "bron": self.gemeente.oin,
            "doel": settings.DUO_OIN,
            "berichtId": bericht_id,
            "Accept": "application/json",
        }
        opties = {"timeout": (settings.DUO_CONNECT_TIMEOUT, settings.DUO_READ_TIMEOUT)}
        if settings.DUO_CLIENT_CERT:
            opties["cert"] = (
                (settings.DUO_CLIENT_CERT, settings.DUO_CLIENT_KEY)
                if settings.DUO_CLIENT_KEY
                else settings.DUO_CLIENT_CERT
            )
        if settings.DUO_CA_BUNDLE:
            opties["verify"] = settings.DUO_CA_BUNDLE
        if inhoud is not None:
            opties["json"] = inhoud
        begin = time.monotonic()
        # The URL holds the BSN: it is never logged, and the exceptions of requests (which
        # quote the URL) are replaced without chaining.
        try:
            response = self.session.request(
                methode, self._url(pad, parameters), headers=headers, **opties
            )
        except requests.Timeout:
            logger.warning("duo_verzoek_timeout", api=self.api, operatie=operatie)
            raise DuoNietBereikbaar(_("DUO antwoordde niet op tijd.")) from None
        except requests.RequestException:
            logger.warning("duo_verzoek_geen_verbinding", api=self.api, operatie=operatie)
            raise DuoNietBereikbaar(_("Geen verbinding met DUO.")) from None
        logger.info(
            "duo_verzoek",
            api=self.api,
            operatie=operatie,
            status=response.status_code,
            duur_ms=round((time.monotonic() - begin) * 1000),
            bericht_id=bericht_id,
            gemeente=self.gemeente.code,
        )
        if bsn is not None:
            self._vastleggen(methode, bsn, response.status_code)
        self._controleer(response)
        return response

    @staticmethod
    def _controleer(response: requests.Response) -> None:
        status = response.status_code
        if 200 <= status < 300:
            return
        if status == 404:
            raise DuoNietGevonden(_("DUO heeft deze gegevens niet."), status=status)
        if status >= 500 or status in TIJDELIJKE_STATUSSEN:
            raise DuoNietBereikbaar(
                _("DUO is tijdelijk niet beschikbaar (status %(status)s).") % {"status": status},
                status=status,
            )
        raise DuoAfwijzing(status=status, meldingen=_fout_teksten(response))

    @staticmethod
    def _json(response: requests.Response):
        try:
            return response.json()
        except ValueError:
            raise DuoOngeldigAntwoord(_("DUO gaf een antwoord dat geen JSON is.")) from None

    def _object(self, response, maker):
        inhoud = self._json(response)
        try:
            return maker(inhoud)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise DuoOngeldigAntwoord(
                _("DUO's antwoord wijkt af van de specificatie (%(api)s).") % {"api": self.api}
            ) from None

    def _lijst(self, response, maker) -> list:
        def alles(inhoud):
            if not isinstance(inhoud, list):
                raise TypeError("expected a list")
            uit = []
            for item in inhoud:
                gemaakt = maker(item)
                uit.extend(gemaakt if isinstance(gemaakt, list) else [gemaakt])
            return uit

        return self._object(response, alles)


def _fout_teksten(response: requests.Response) -> tuple[str, ...]:
    """DUO's ``Foutmelding`` list (or one ``Foutmelding``) as plain texts."""
    try:
        inhoud = response.json()
    except ValueError:
        return ()
    items = inhoud if isinstance(inhoud, list) else [inhoud]
    return tuple(
        str(item["fouttekst"])[:200]
        for item in items
        if isinstance(item, dict) and item.get("fouttekst")
    )


# --- one client per API -----------------------------------------------------------------------


class InburgeringsplichtClient(DuoApiClient):
    api = "Inburgeringsplicht"

    def plicht(self, *, bsn: str) -> data.Inburgeringsplicht:
        r = self._verzoek(
            "GET", "/personen/{bsn}/inburgeringsplicht", operatie="getInburgeringsplicht", bsn=bsn
        )
        return self._object(r, data.Inburgeringsplicht.uit_json)

    def plicht_historie(self, *, bsn: str) -> list[data.InburgeringsplichtHistorie]:
        r = self._verzoek(
            "GET",
            "/personen/{bsn}/inburgeringsplicht/historie",
            operatie="getInburgeringsplichthistorie",
            bsn=bsn,
        )
        return self._lijst(r, data.InburgeringsplichtHistorie.uit_json)

    def doelgroep(self, *, bsn: str) -> data.Doelgroep:
        r = self._verzoek("GET", "/personen/{bsn}/doelgroep", operatie="getDoelgroep", bsn=bsn)
        return self._object(r, data.Doelgroep.uit_json)

    def doelgroep_historie(self, *, bsn: str) -> list[data.DoelgroepHistorie]:
        r = self._verzoek(
            "GET", "/personen/{bsn}/doelgroep/historie", operatie="getDoelgroephistorie", bsn=bsn
        )
        return self._lijst(r, data.DoelgroepHistorie.uit_json)


class LeerbaarheidstoetsClient(DuoApiClient):
    api = "Leerbaarheidstoets"

    def examennummer(self, *, bsn: str) -> data.Examennummer:
        r = self._verzoek(
            "GET", "/personen/{bsn}/lbt/examennummer", operatie="getExamennummer", bsn=bsn
        )
        return self._object(r, data.Examennummer.uit_json)

    def examennummer_verwijderen(self, *, bsn: str, bericht_id=None) -> None:
        """The LBT is skipped (R27): DUO removes the exam number."""
        self._verzoek(
            "DELETE",
            "/personen/{bsn}/lbt/examennummer",
            operatie="deleteExamennummer",
            bsn=bsn,
            bericht_id=bericht_id,
        )

    def resultaten(self, *, bsn: str) -> list[data.LbtResultaat]:
        r = self._verzoek(
            "GET", "/personen/{bsn}/lbt/resultaten", operatie="getLbtResultaten", bsn=bsn
        )
        return self._lijst(r, data.LbtResultaat.uit_json)


class InburgeringstermijnClient(DuoApiClient):
    api = "Inburgeringstermijn"

    def termijn(self, *, bsn: str) -> data.Inburgeringstermijn:
        r = self._verzoek(
            "GET",
            "/personen/{bsn}/inburgeringstermijn",
            operatie="getInburgeringstermijn",
            bsn=bsn,
        )
        return self._object(r, data.Inburgeringstermijn.uit_json)

    def termijn_historie(self, *, bsn: str) -> list[data.InburgeringstermijnHistorie]:
        r = self._verzoek(
            "GET",
            "/personen/{bsn}/inburgeringstermijn/historie",
            operatie="getInburgeringstermijnhistorie",
            bsn=bsn,
        )
        return self._lijst(r, data.InburgeringstermijnHistorie.uit_json)

    def verlengingsgronden(self) -> list[data.Verlengingsgrond]:
        r = self._verzoek("GET", "/verlengingsgronden", operatie="getVerlengingsgronden")
        return self._lijst(r, data.Verlengingsgrond.uit_json)


class VrijstellingClient(DuoApiClient):
    api = "Vrijstelling"

    def vrijstellingen(self, *, bsn: str) -> list[data.Vrijstelling]:
        r = self._verzoek(
            "GET", "/personen/{bsn}/vrijstellingen", operatie="getVrijstellingen", bsn=bsn
        )
        return self._lijst(r, data.Vrijstelling.lijst_uit_json)


class OntheffingClient(DuoApiClient):
    api = "Ontheffing"

    def ontheffingen(self, *, bsn: str) -> list[data.Ontheffing]:
        r = self._verzoek(
            "GET", "/personen/{bsn}/ontheffingen", operatie="getOntheffingen", bsn=bsn
        )
        return self._lijst(r, data.Ontheffing.lijst_uit_json)


class PipClient(DuoApiClient):
    api = "PIP"

    def pip(self, *, bsn: str) -> data.Pip:
        r = self._verzoek("GET", "/personen/{bsn}/PIP", operatie="getPip", bsn=bsn)
        return self._object(r, data.Pip.uit_json)

    def registreren(self, *, bsn: str, pip: dict, bericht_id=None) -> None:
        self._verzoek(
            "POST",
            "/personen/{bsn}/PIP",
            operatie="postPip",
            bsn=bsn,
            inhoud=pip,
            bericht_id=bericht_id,
        )

    def verwijderen(self, *, bsn: str, bericht_id=None) -> None:
        self._verzoek(
            "DELETE", "/personen/{bsn}/PIP", operatie="deletePip", bsn=bsn, bericht_id=bericht_id
        )


class ContactpersoonClient(DuoApiClient):
    api = "Contactpersoon"

    def aanmaken(self, *, gegevens: dict, bericht_id=None) -> data.ContactpersoonBijDuo:
        r = self._verzoek(
            "POST",
            "/contactpersonen",
            operatie="createContactpersoon",
            inhoud=gegevens,
            bericht_id=bericht_id,
        )
        return self._object(r, data.ContactpersoonBijDuo.uit_json)

    def wijzigen(self, *, id: int, gegevens: dict, bericht_id=None) -> None:
        self._verzoek(
            "PUT",
            "/contactpersonen/{id}",
            operatie="updateContactpersoon",
            parameters={"id": id},
            inhoud=gegevens,
            bericht_id=bericht_id,
        )

    def verwijderen(self, *, id: int, bericht_id=None) -> None:
        self._verzoek(
            "DELETE",
            "/contactpersonen/{id}",
            operatie="deleteContactpersoon",
            parameters={"id": id},
            bericht_id=bericht_id,
        )

    def koppelen(self, *, id: int, bsn: str, bericht_id=None) -> None:
        """R48: DUO replaces an existing link of the person."""
        self._verzoek(
            "POST",
            "/contactpersonen/{id}/personen/{bsn}",
            operatie="postContactpersoonByBsn",
            parameters={"id": id},
            bsn=bsn,
            bericht_id=bericht_id,
        )

    def ontkoppelen(self, *, id: int, bsn: str, bericht_id=None) -> None:
        self._verzoek(
            "DELETE",
            "/contactpersonen/{id}/personen/{bsn}",
            operatie="deleteContactpersoonByBsn",
            parameters={"id": id},
            bsn=bsn,
            bericht_id=bericht_id,
        )


class InburgeringsaanbodClient(DuoApiClient):
    api = "Inburgeringsaanbod"

    def instellingen(self) -> list[data.Instelling]:
        r = self._verzoek("GET", "/instellingen", operatie="getInstellingen")
        return self._lijst(r, data.Instelling.uit_json)

    def registreren(
        self, *, bsn: str, instellingsnummer: str, aanbod: dict, bericht_id=None
    ) -> None:
        self._verzoek(
            "POST",
            "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}",
            operatie="postInburgeringsaanbod",
            bsn=bsn,
            parameters={"instellingsnummer": instellingsnummer},
            inhoud=aanbod,
            bericht_id=bericht_id,
        )

    def verwijderen(self, *, bsn: str, instellingsnummer: str, bericht_id=None) -> None:
        self._verzoek(
            "DELETE",
            "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}",
            operatie="deleteInburgeringsaanbod",
            bsn=bsn,
            parameters={"instellingsnummer": instellingsnummer},
            bericht_id=bericht_id,
        )


class MapPvtZrouteClient(DuoApiClient):
    api = "MAP-PVT-Zroute"

    def map(self, *, bsn: str) -> data.DatumMap:
        r = self._verzoek("GET", "/personen/{bsn}/map", operatie="getMap", bsn=bsn)
        return self._object(r, data.DatumMap.uit_json)

    def map_melden(self, *, bsn: str, resultaat: dict, bericht_id=None) -> None:
        self._verzoek(
            "PUT",
            "/personen/{bsn}/map",
            operatie="updateMap",
            bsn=bsn,
            inhoud=resultaat,
            bericht_id=bericht_id,
        )

    def pvt(self, *, bsn: str) -> data.DatumPvt:
        r = self._verzoek("GET", "/personen/{bsn}/pvt", operatie="getPvt", bsn=bsn)
        return self._object(r, data.DatumPvt.uit_json)

    def pvt_melden(self, *, bsn: str, resultaat: dict, bericht_id=None) -> None:
        self._verzoek(
            "PUT",
            "/personen/{bsn}/pvt",
            operatie="updatePvt",
            bsn=bsn,
            inhoud=resultaat,
            bericht_id=bericht_id,
        )

    def zroute_melden(self, *, bsn: str, resultaat: dict, bericht_id=None) -> None:
        self._verzoek(
            "PUT",
            "/personen/{bsn}/zroute",
            operatie="updateZroute",
            bsn=bsn,
            inhoud=resultaat,
            bericht_id=bericht_id,
        )


class GevolgdeUrenClient(DuoApiClient):
    api = "GevolgdeUren"

    PADEN = {
        "taalles_knm_brede_intake": "/personen/{bsn}/uren/bredeintake/taallesknm",
        "participatieactiviteiten": "/personen/{bsn}/uren/participatieactiviteiten",
        "participatie_taalles": "/personen/{bsn}/uren/participatietaalles",
    }

    def uren(self, *, bsn: str) -> list[data.GevolgdeUren]:
        r = self._verzoek("GET", "/personen/{bsn}/uren", operatie="getGevolgdeUren", bsn=bsn)
        return self._lijst(r, data.GevolgdeUren.uit_json)

    def melden(self, *, bsn: str, soort: str, uren: int, bericht_id=None) -> None:
        self._verzoek(
            "PUT",
            self.PADEN[soort],
            operatie=f"updateUren:{soort}",
            bsn=bsn,
            inhoud={"uren": uren},
            bericht_id=bericht_id,
        )


class ExamenClient(DuoApiClient):
    api = "Examen"

    def resultaten(self, *, bsn: str) -> list[data.Examenresultaat]:
        r = self._verzoek(
            "GET", "/personen/{bsn}/examens/resultaten", operatie="getExamenresultaten", bsn=bsn
        )
        return self._lijst(r, data.Examenresultaat.uit_json)

    def gratis_pogingen(self, *, bsn: str) -> list[data.GratisPogingen]:
        r = self._verzoek(
            "GET",
            "/personen/{bsn}/examens/gratispogingen",
            operatie="getGratisPogingenTegoed",
            bsn=bsn,
        )
        return self._lijst(r, data.GratisPogingen.uit_json)


class GebeurtenisClient(DuoApiClient):
    """Every event DUO recorded for a person (Gebeurtenis API 1.0.0): the catch-up list."""

    api = "Gebeurtenis"

    def gebeurtenissen(self, *, bsn: str) -> list[data.GebeurtenisBijDuo]:
        r = self._verzoek(
            "GET",
            "/personen/{bsn}/gebeurtenissen",
            operatie="getGebeurtenissenByBsn",
            bsn=bsn,
        )
        return self._lijst(r, data.GebeurtenisBijDuo.uit_json)


class VerlengingClient(DuoApiClient):
    """The person's requests to extend the term and DUO's assessment (Verlenging API 1.0.0)."""

    api = "Verlenging"

    def verlengingen(self, *, bsn: str) -> list[data.Verlengingsaanvraag]:
        r = self._verzoek(
            "GET",
            "/personen/{bsn}/verlengingen",
            operatie="getVerlengingenByBsn",
            bsn=bsn,
        )
        return self._lijst(r, data.Verlengingsaanvraag.uit_json)


class BoeteClient(DuoApiClient):
    """The fines DUO imposed on the person (Boete API 1.0.0)."""

    api = "Boete"

    def boetes(self, *, bsn: str) -> list[data.BoeteBijDuo]:
        r = self._verzoek("GET", "/personen/{bsn}/boetes", operatie="getBoetesByBsn", bsn=bsn)
        return self._lijst(r, data.BoeteBijDuo.uit_json)


class Duo:
    """All clients for one gemeente, sharing one HTTP session (connection reuse)."""

    def __init__(
        self,
        gemeente,
        *,
        session: requests.Session | None = None,
        notificatie=None,
        actor: Actor | None = None,
    ):
        self.session = session or requests.Session()
        kwargs = {
            "session": self.session,
            "notificatie": notificatie,
            "actor": actor,
            # One processing-log record per person for all of these clients together.
            "vastgelegd": set(),
        }
        self.plicht = InburgeringsplichtClient(gemeente, **kwargs)
        self.lbt = LeerbaarheidstoetsClient(gemeente, **kwargs)
        self.termijn = InburgeringstermijnClient(gemeente, **kwargs)
        self.vrijstelling = VrijstellingClient(gemeente, **kwargs)
        self.ontheffing = OntheffingClient(gemeente, **kwargs)
        self.pip = PipClient(gemeente, **kwargs)
        self.contactpersoon = ContactpersoonClient(gemeente, **kwargs)
        self.aanbod = InburgeringsaanbodClient(gemeente, **kwargs)
        self.map_pvt_zroute = MapPvtZrouteClient(gemeente, **kwargs)
        self.uren = GevolgdeUrenClient(gemeente, **kwargs)
        self.examen = ExamenClient(gemeente, **kwargs)
        self.gebeurtenis = GebeurtenisClient(gemeente, **kwargs)
        self.verlenging = VerlengingClient(gemeente, **kwargs)
        self.boete = BoeteClient(gemeente, **kwargs)
