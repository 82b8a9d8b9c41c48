"""Bulk attendance from a school's own administration: CSV or XLSX, every row checked.

The web request only stores the file and enqueues :func:`verwerken` as a task (``tasks.py``);
the task reads the file within limits (``core.tabellen``), checks it, and imports a file without
errors. The school follows it on the upload's own page (ADR 0055).

Reading and checking never writes. :func:`controleren` returns the good rows and, per bad row,
every problem in plain Dutch; the view imports nothing from a file with errors unless the user
chooses to import only the good rows.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import structlog

from openinburgering.core.tabellen import Grenzen, TabelOngeldig, csv_tekst, lees_tabel

from . import selectors, services
from .codes import Bron, UploadStatus, Verzuimreden
from .models import Urenupload

logger = structlog.get_logger(__name__)

KOLOMMEN = (
    "kenmerk",
    "periode_start",
    "periode_einde",
    "uren_aangeboden",
    "uren_aanwezig",
    "uren_fysiek",
    "verzuimreden",
    "toelichting",
)
VERPLICHT = KOLOMMEN[:6]
MAX_BYTES = 2 * 1024 * 1024
MAX_REGELS = 5000
KOLOM_LABELS = {
    "kenmerk": "kenmerk",
    "periode_start": "periode_start",
    "periode_einde": "periode_einde",
    "uren_aangeboden": "uren_aangeboden",
    "uren_aanwezig": "uren_aanwezig",
    "uren_fysiek": "uren_fysiek",
    "verzuimreden": "verzuimreden",
}


#: What one file of hours may cost to read (ADR 0055): rows, columns, cell length and time.
GRENZEN = Grenzen(
    max_bytes=MAX_BYTES,
    max_rijen=MAX_REGELS,
    max_kolommen=30,
    max_cellen=MAX_REGELS * 30,
    max_cel_tekens=1000,
    max_seconden=30.0,
)

#: A file that cannot be read as a whole (wrong type, no header, over a limit).
BestandOngeldig = TabelOngeldig


@dataclass
class Regel:
    nummer: int  # the line number in the file, as the user sees it (header = 1)
    waarden: dict
    fouten: list[str] = field(default_factory=list)


@dataclass
class Controle:
    goed: list[Regel]
    fout: list[Regel]

    @property
    def aantal(self) -> int:
        return len(self.goed) + len(self.fout)


def voorbeeld_csv() -> str:
    """The template file schools download: header plus one fictional example row."""
    return csv_tekst(
        KOLOMMEN, [["VW-ABC234", "02-03-2026", "08-03-2026", "12", "9", "9", "ziek", ""]]
    )


def _tekst(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, datetime):
        return waarde.date().strftime("%d-%m-%Y")
    if isinstance(waarde, date):
        return waarde.strftime("%d-%m-%Y")
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde).strip()


def lees(naam: str, inhoud: bytes) -> list[Regel]:
    """Rows of a CSV (``;`` or ``,``) or XLSX file, as text, with their line numbers.

    Call it from the task (:func:`verwerken`), not from a view: the limits keep a hostile file
    cheap, but reading is still work a web worker should not do (ADR 0055).
    """
    rijen = lees_tabel(naam, inhoud, GRENZEN)
    if not rijen:
        raise BestandOngeldig(_("Het bestand is leeg."))
    kop = [_tekst(k).lower() for k in rijen[0]]
    ontbreekt = [k for k in VERPLICHT if k not in kop]
    if ontbreekt:
        raise BestandOngeldig(
            _("De eerste regel moet de kolomnamen bevatten. Ontbreekt: %(kolommen)s.")
            % {"kolommen": ", ".join(ontbreekt)}
        )
    regels = []
    for nummer, rij in enumerate(rijen[1:], start=2):
        waarden = {k: _tekst(rij[i]) if i < len(rij) else "" for i, k in enumerate(kop) if k}
        if not any(waarden.values()):
            continue
        regels.append(Regel(nummer=nummer, waarden=waarden))
    return regels


def _datum(tekst: str):
    for formaat in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(tekst, formaat).date()
        except ValueError:
            continue
    return None


def _uren(tekst: str):
    try:
        waarde = Decimal(tekst.replace(",", "."))
    except InvalidOperation:
        return None
    if waarde < 0 or waarde > 999 or waarde != waarde.quantize(Decimal("0.1")):
        return None
    return waarde


REDENEN = {
    **{r.value: r.value for r in Verzuimreden},
    **{str(r.label).lower(): r.value for r in Verzuimreden},
}


def controleren(*, instelling, regels: list[Regel]) -> Controle:
    """Check every row; a row is good only if the service would accept it as it stands."""
    verwijzingen = selectors.verwijzingen_op_kenmerk(
        instelling=instelling, kenmerken={r.waarden.get("kenmerk", "").upper() for r in regels}
    )
    gezien = {}
    goed, fout = [], []
    for regel in regels:
        w = regel.waarden
        kenmerk = w.get("kenmerk", "").upper()
        verwijzing = verwijzingen.get(kenmerk)
        if not kenmerk:
            regel.fouten.append(_("kenmerk ontbreekt."))
        elif verwijzing is None:
            regel.fouten.append(
                _("kenmerk %(k)s is geen deelnemer die naar uw school is verwezen.")
                % {"k": kenmerk}
            )
        elif verwijzing.intake_bevestigd_op is None:
            regel.fouten.append(
                _("de intake van %(k)s is nog niet bevestigd; bevestig die eerst.") % {"k": kenmerk}
            )
        start, einde = _datum(w.get("periode_start", "")), _datum(w.get("periode_einde", ""))
        if start is None:
            regel.fouten.append(_("periode_start is geen datum (dd-mm-jjjj)."))
        if einde is None:
            regel.fouten.append(_("periode_einde is geen datum (dd-mm-jjjj)."))
        uren = {}
        for kolom in ("uren_aangeboden", "uren_aanwezig", "uren_fysiek"):
            uren[kolom] = _uren(w.get(kolom, ""))
            if uren[kolom] is None:
                regel.fouten.append(
                    _("%(kolom)s is geen aantal uren tussen 0 en 999 (hoogstens één decimaal).")
                    % {"kolom": kolom}
                )
        reden_tekst = w.get("verzuimreden", "").strip().lower()
        reden = REDENEN.get(reden_tekst, None if reden_tekst else "")
        if reden is None:
            regel.fouten.append(
                _("verzuimreden ‘%(r)s’ is onbekend; kies uit: %(keuzes)s.")
                % {"r": w.get("verzuimreden"), "keuzes": ", ".join(Verzuimreden.values)}
            )
        if len(w.get("toelichting", "")) > 200:
            regel.fouten.append(_("toelichting is langer dan 200 tekens."))
        if start and einde:
            sleutel = (kenmerk, start, einde)
            if sleutel in gezien:
                regel.fouten.append(
                    _("dezelfde deelnemer en periode staan ook op regel %(n)s.")
                    % {"n": gezien[sleutel]}
                )
            gezien.setdefault(sleutel, regel.nummer)
        if None not in uren.values() and reden is not None:
            try:
                services.urenregel_toetsen(
                    verwijzing=verwijzing,
                    periode_start=start,
                    periode_einde=einde,
                    verzuimreden=reden,
                    **uren,
                )
            except ValidationError as exc:
                for veld, meldingen in exc.message_dict.items():
                    regel.fouten += [f"{veld}: {m}" for m in meldingen]
        if regel.fouten:
            fout.append(regel)
        else:
            regel.waarden = {
                "kenmerk": kenmerk,
                "periode_start": start.isoformat(),
                "periode_einde": einde.isoformat(),
                **{k: str(v) for k, v in uren.items()},
                "verzuimreden": reden,
                "toelichting": w.get("toelichting", ""),
            }
            goed.append(regel)
    return Controle(goed=goed, fout=fout)


@transaction.atomic
def importeren(*, user, instelling, rijen: list[dict]) -> int:
    """Import checked rows (as :func:`controleren` normalised them); DUO gets each total once."""
    verwijzingen = selectors.verwijzingen_op_kenmerk(
        instelling=instelling, kenmerken={r["kenmerk"] for r in rijen}
    )
    geraakt = {}
    for rij in rijen:
        verwijzing = verwijzingen[rij["kenmerk"]]
        actor = services.school_actor(user=user, verwijzing=verwijzing)
        services.uren_melden(
            actor=actor,
            verwijzing=verwijzing,
            periode_start=date.fromisoformat(rij["periode_start"]),
            periode_einde=date.fromisoformat(rij["periode_einde"]),
            uren_aangeboden=Decimal(rij["uren_aangeboden"]),
            uren_aanwezig=Decimal(rij["uren_aanwezig"]),
            uren_fysiek=Decimal(rij["uren_fysiek"]),
            verzuimreden=rij["verzuimreden"],
            toelichting=rij["toelichting"],
            bron=Bron.UPLOAD,
            duo_melden=False,
        )
        geraakt[verwijzing.inburgeraar_id] = (actor, verwijzing.inburgeraar)
    for actor, inburgeraar in geraakt.values():
        services.uren_bij_duo_melden(actor=actor, inburgeraar=inburgeraar)
    return len(rijen)


#: A read stops itself after ``tabellen`` time limit (30 s); a read still "bezig" this long after
#: it began lost its worker (killed, restarted) and will not end by itself.
AFGEBROKEN_NA = timedelta(minutes=5)


def afgebroken(upload: Urenupload, *, nu: datetime | None = None) -> bool:
    """Whether the read of this upload was cut off: begun long ago and never ended. Nothing of
    it was imported (the import is one transaction at the end)."""
    return (
        upload.status == UploadStatus.BEZIG
        and upload.gestart_op is not None
        and upload.gestart_op < (nu or timezone.now()) - AFGEBROKEN_NA
    )


def verwerken(*, upload_id: int) -> str:
    """The task's work: read and check one upload; import it whole when every row is good.

    Idempotent: an upload that is no longer waiting is left as it is. The file's bytes are
    dropped once read, whatever the outcome.
    """
    with transaction.atomic():
        upload = Urenupload.objects.select_for_update().filter(pk=upload_id).first()
        if upload is None or upload.status != UploadStatus.WACHT:
            return upload.status if upload else "onbekend"
        upload.status = UploadStatus.BEZIG
        upload.gestart_op = timezone.now()
        upload.save(update_fields=["status", "gestart_op"])
    inhoud = bytes(upload.inhoud)
    try:
        regels = lees(upload.bestandsnaam, inhoud)
    except BestandOngeldig as exc:
        return _afronden(upload, status=UploadStatus.GEWEIGERD, melding=exc.message)
    del inhoud
    with transaction.atomic():
        controle = controleren(instelling=upload.instelling, regels=regels)
        if not controle.goed and not controle.fout:
            return _afronden(
                upload,
                status=UploadStatus.GEWEIGERD,
                melding=_("Het bestand bevat geen regels met uren."),
            )
        if not controle.fout:
            aantal = importeren(
                user=upload.geupload_door,
                instelling=upload.instelling,
                rijen=[r.waarden for r in controle.goed],
            )
            return _afronden(
                upload,
                status=UploadStatus.GEIMPORTEERD,
                aantal_regels=controle.aantal,
                aantal_geimporteerd=aantal,
            )
        return _afronden(
            upload,
            status=UploadStatus.GECONTROLEERD,
            aantal_regels=controle.aantal,
            goed=[r.waarden for r in controle.goed],
            fout=[
                {"nummer": r.nummer, "kenmerk": r.waarden.get("kenmerk", ""), "fouten": r.fouten}
                for r in controle.fout
            ],
        )


def _afronden(upload: Urenupload, **velden) -> str:
    for veld, waarde in velden.items():
        setattr(upload, veld, waarde)
    upload.inhoud = b""
    upload.afgerond_op = timezone.now()
    upload.save()
    # The uuid and counts only: a file name or a refused cell may hold a person's name.
    logger.info(
        "urenupload_verwerkt",
        upload=str(upload.uuid),
        status=upload.status,
        regels=upload.aantal_regels,
        fout=len(upload.fout),
    )
    return upload.status


@transaction.atomic
def goede_regels_importeren(*, user, upload: Urenupload) -> int:
    """On the school's request: import the good rows of a checked upload, once."""
    upload = Urenupload.objects.select_for_update().get(pk=upload.pk)
    if upload.status != UploadStatus.GECONTROLEERD or not upload.goed:
        return 0
    aantal = importeren(user=user, instelling=upload.instelling, rijen=upload.goed)
    upload.status = UploadStatus.GEIMPORTEERD
    upload.aantal_geimporteerd = aantal
    upload.goed = []
    upload.save(update_fields=["status", "aantal_geimporteerd", "goed"])
    return aantal


@transaction.atomic
def upload_aanmaken(*, user, instelling, bestandsnaam: str, inhoud: bytes) -> Urenupload:
    """Store the file and enqueue its reading; nothing is read here (ADR 0055)."""
    from . import tasks

    upload = Urenupload.objects.create(
        instelling=instelling, geupload_door=user, bestandsnaam=bestandsnaam[:255], inhoud=inhoud
    )
    # Enqueued inside the transaction: the database backend's job row commits with the upload,
    # so a worker never sees a job without its upload.
    tasks.urenupload_verwerken.enqueue(upload.pk)
    return upload
