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
from datetime import datetime

from .spec import Specs

GEBEURTENIS = re.compile(r"^[0-9A-Z]{1,6}$")


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
