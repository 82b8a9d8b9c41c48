"""DUO -> gemeente: POST a notification to the gemeente's Notificatie API.

Headers and body as ``specs/duo-m2m/Notificatie/openapi.yml`` says: headers ``bron`` (DUO's
OIN), ``doel`` (the gemeente's OIN), ``berichtId`` (a new UUID); body ``registratieDatumTijd``,
``gebeurtenisId`` and ``bsn`` and/or ``vNummer``.
"""

import json
import re
import urllib.error
import urllib.request
import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

from .spec import Specs

GEBEURTENIS = re.compile(r"^[0-9A-Z]{1,6}$")

#: DUO's descriptions of its events (DUO's documentation, ``Gebeurtenissen``), as DUO's
#: Gebeurtenis API returns them in ``omschrijving``.
OMSCHRIJVINGEN = {
    "SS101": "Persoon is inburgeringsplichtig.",
    "SS102": "Inburgeringstermijn gestart",
    "SS103": "Termijn ambtshalve verlengd",
    "SS104": "Termijn op verzoek verlengd",
    "SS106": "Diploma behaald",
    "SS107": "Gehele vrijstelling toegekend",
    "SS108": "Gehele ontheffing toegekend",
    "SS109": "Tijdelijke vrijstelling toegekend",
    "SS110": "Inburgeringsplicht ingetrokken",
    "SS111": "Persoon is overleden",
    "SS112": "Verzoek verlenging ingediend",
    "SS113": "Verzoek verlenging afgewezen",
    "SS114": "Verzoek gehele vrijstelling afgewezen",
    "SS115": "Verzoek tijdelijke vrijstelling afgewezen",
    "SS116": "Verzoek gedeeltelijke vrijstelling afgewezen",
    "SS117": "Verzoek gedeeltelijke vrijstelling toegekend",
    "SS118": "Verzoek ontheffing afgewezen",
    "SS119": "Verzoek gedeeltelijke ontheffing toegekend",
    "SS120": "Inburgeringsplichtige in gemeente gevestigd zonder PIP.",
    "SS121": "Inburgeringsplichtige in gemeente gevestigd met PIP vorige gemeente",
    "SS122": "Vertrokken naar andere gemeente",
    "SS123": "Vertrokken uit Nederland",
    "SS124": "Doelgroep van asielstatushouder naar gezinsmigrant en overige migrant gewijzigd",
    "SS125": "Doelgroep van gezinsmigrant en overige migrant naar asielstatushouder gewijzigd",
    "SS126": "10 weken verstreken zonder leerroute",
    "SS127": "Nog geen inburgeringsaanbod ontvangen",
    "SS128": "Persoon is inburgeringsplichtig, maar bereikt AOW-leeftijd binnen 6 maanden.",
    "SS129": "Tijdelijke vrijstelling ingetrokken, nog geen leerroute bekend.",
    "SS130": "Tijdelijke vrijstelling ingetrokken, PIP al bekend.",
    "SS131": "Leerbaarheidstoets is afgenomen en resultaat is bekend",
    "SS132": "Opleidingscontract ontvangen (nog geen PIP)",
    "SS133": "Opleidingscontract ontvangen met taalniveau niet conform de leerroute",
    "SS134": "Opleidingscontract ontvangen van een niet verwachte soort",
    "SS135": "Opleidingscontract ontvangen met te hoog taalniveau conform de PIP (Z-route)",
    "SS136": "Opleidingscontract voor taalschakeltraject ontvangen, geen onderwijsroute",
    "SS137": "Persoon is aangemeld voor de leerbaarheidstoets",
    "SS139": "Persoon is inburgeringsplichtig en de termijn van 10 weken voor vaststellen "
    "leerroute is gestart.",
    "SS140": "Verzoek ontheffing op bijzondere individuele omstandigheden: advies gevraagd",
    "SS141": "Tekst certificaat Z-route beschikbaar",
    "SS142": "Niet-vrijstellende opleiding beëindigd wegens uitschrijving",
    "SS199": "Uitslag examen bekend",
}

#: DUO is Dutch: the date of an event is the date in the Netherlands.
NEDERLAND = ZoneInfo("Europe/Amsterdam")


def omschrijving(gebeurtenis_id: str) -> str:
    return OMSCHRIJVINGEN.get(gebeurtenis_id, f"Gebeurtenis {gebeurtenis_id}")[:200]


def datum_van(moment: datetime) -> date:
    """The date DUO records for an event registered at ``moment``."""
    return moment.astimezone(NEDERLAND).date()


def bouw_notificatie(
    gebeurtenis_id: str, bsn: str | None, v_nummer: int | None, nu: datetime
) -> dict:
    body: dict = {
        "registratieDatumTijd": nu.isoformat(timespec="seconds"),
        "gebeurtenisId": gebeurtenis_id,
    }
    if bsn:
        body["bsn"] = bsn
    if v_nummer is not None:
        body["vNummer"] = v_nummer
    return body


def eigen_fouten(headers: dict, body: dict) -> list[str]:
    """The checks of the Notificatie spec, also when the spec folder is absent."""
    fouten = []
    if not isinstance(body.get("gebeurtenisId"), str) or not GEBEURTENIS.match(
        body["gebeurtenisId"]
    ):
        fouten.append("'gebeurtenisId' moet 1 tot 6 tekens uit 0-9 en A-Z zijn (bijv. SS139).")
    if "bsn" not in body and "vNummer" not in body:
        fouten.append("Een notificatie heeft een 'bsn' en/of een 'vNummer' nodig.")
    if "bsn" in body and not re.fullmatch(r"[0-9]{9}", str(body["bsn"])):
        fouten.append("'bsn' moet 9 cijfers zijn.")
    for header in ("bron", "doel"):
        waarde = headers.get(header) or ""
        if not (len(waarde) == 20 and waarde.isdigit()):
            fouten.append(f"Header '{header}' moet een OIN van 20 cijfers zijn.")
    return fouten


def verstuur(
    *,
    gemeente_url: str,
    duo_oin: str,
    doel_oin: str,
    body: dict,
    specs: Specs | None,
    timeout: float = 10.0,
) -> dict:
    """Send one notification. Returns what was sent and the gemeente's answer.

    Raises ValueError with the list of errors when the notification would not conform to the spec.
    """
    headers = {
        "bron": duo_oin,
        "doel": doel_oin,
        "berichtId": str(uuid.uuid4()),
        "Content-Type": "application/json",
    }
    fouten = eigen_fouten(headers, body)
    if specs is not None:
        fouten += [f for f in specs.valideer_notificatie(headers, body) if f not in fouten]
    if fouten:
        raise ValueError(fouten)

    url = gemeente_url.rstrip("/") + "/duo/v1/notificaties"
    verzoek = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers=headers, method="POST"
    )
    resultaat = {"url": url, "headers": headers, "body": body}
    try:
        with urllib.request.urlopen(verzoek, timeout=timeout) as antwoord:  # noqa: S310
            resultaat["status"] = antwoord.status
            resultaat["antwoord"] = antwoord.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as fout:
        resultaat["status"] = fout.code
        resultaat["antwoord"] = fout.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError) as fout:
        resultaat["status"] = None
        resultaat["antwoord"] = f"gemeente niet bereikbaar: {getattr(fout, 'reason', fout)}"
    return resultaat
