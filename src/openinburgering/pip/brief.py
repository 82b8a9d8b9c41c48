"""The beschikking letter: HTML rendered by WeasyPrint, stored privately, never served statically.

The Dutch text is the decision. A short summary in the person's language can follow; its dates
come from the same ``regels`` results as the Dutch text. Fonts ship with the project
(``ui/static/fonts``, Noto, SIL OFL), so every script shows real glyphs without system fonts.
"""

import hashlib
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from openinburgering.regels.base import datum_nl
from openinburgering.regels.codes import Leerroute

FONTS = Path(__file__).resolve().parent.parent / "ui" / "static" / "fonts"

ROUTE_NAMEN = {
    "en": {
        "B": "the B1 route",
        "O": "the education route",
        "Z": "the self-reliance route (Z-route)",
    },
    "ar": {"B": "مسار B1", "O": "مسار التعليم", "Z": "مسار الاعتماد على الذات (Z)"},
    "uk": {"B": "маршрут B1", "O": "освітній маршрут", "Z": "маршрут самостійності (Z)"},
    "ti": {"B": "B1 መስመር", "O": "ናይ ትምህርቲ መስመር", "Z": "Z መስመር"},
}

# {route}, {einde} and {bezwaar} are filled in; dates are isolated for right-to-left text.
SAMENVATTINGEN = {
    "en": {
        "kop": "Summary in English",
        "tekst": [
            "This letter is a decision about your personal integration and participation plan "
            "(PIP).",
            "Your learning route is {route}.",
            "You must finish your integration by {einde}.",
            "Do you not agree with this decision? You can object in writing until {bezwaar}.",
            "The Dutch text of this letter is the official decision.",
        ],
        "dir": "ltr",
    },
    "ar": {
        "kop": "ملخص باللغة العربية",
        "tekst": [
            "هذه الرسالة قرار بشأن خطتك الشخصية للاندماج والمشاركة (PIP).",
            "مسار التعلم الخاص بك هو {route}.",
            "يجب أن تنهي الاندماج في موعد أقصاه {einde}.",
            "هل أنت غير موافق على هذا القرار؟ يمكنك تقديم اعتراض كتابي حتى {bezwaar}.",
            "النص الهولندي لهذه الرسالة هو القرار الرسمي.",
        ],
        "dir": "rtl",
    },
    "uk": {
        "kop": "Короткий зміст українською мовою",
        "tekst": [
            "Цей лист є рішенням щодо вашого персонального плану інтеграції та участі (PIP).",
            "Ваш навчальний маршрут: {route}.",
            "Ви маєте завершити інтеграцію не пізніше {einde}.",
            "Ви не згодні з цим рішенням? Ви можете подати письмове заперечення до {bezwaar}.",
            "Офіційним рішенням є текст цього листа нідерландською мовою.",
        ],
        "dir": "ltr",
    },
    "ti": {
        "kop": "ብትግርኛ ሓጺር መግለጺ",
        "tekst": [
            "እዚ ደብዳበ ብዛዕባ ውልቃዊ መደብ ውህደትን ተሳትፎን (PIP) ዝምልከት ውሳነ እዩ።",
            "ናይ ትምህርቲ መስመርኩም {route} እዩ።",
            "ውህደትኩም ክሳብ {einde} ክትውድኡ ኣለኩም።",
            "በዚ ውሳነ ዘይትሰማምዑ እንተ ኾይንኩም፡ ክሳብ {bezwaar} ብጽሑፍ ተቓውሞ ከተቕርቡ ትኽእሉ ኢኹም።",
            "እቲ ብሆላንድኛ ዝተጻሕፈ ጽሑፍ እዩ ወግዓዊ ውሳነ።",
        ],
        "dir": "ltr",
    },
}


def samenvatting(taal: str, *, leerroute: str, einde, bezwaar) -> dict | None:
    if taal not in SAMENVATTINGEN:
        return None
    s = SAMENVATTINGEN[taal]
    waarden = {
        "route": ROUTE_NAMEN[taal][leerroute],
        "einde": f"\u2068{datum_nl(einde)}\u2069",
        "bezwaar": f"\u2068{datum_nl(bezwaar)}\u2069",
    }
    return {
        "taal": taal,
        "dir": s["dir"],
        "kop": s["kop"],
        "zinnen": [zin.format(**waarden) for zin in s["tekst"]],
    }


def render_beschikking(
    *, pip, inburgeraar, gemeente, termijn, bezwaar, wijziging_uitleg=""
) -> bytes:
    """The letter as PDF bytes. Pure rendering: no database writes, no files."""
    from openinburgering.brieven import html_naar_pdf

    context = {
        "pip": pip,
        "inburgeraar": inburgeraar,
        "gemeente": gemeente,
        "leerroute": Leerroute(pip.leerroute),
        "termijn": termijn,
        "bezwaar": bezwaar,
        "wijziging_uitleg": wijziging_uitleg,
        "samenvatting": samenvatting(
            pip.samenvatting_taal,
            leerroute=pip.leerroute,
            einde=termijn.laatste_dag,
            bezwaar=bezwaar.laatste_dag,
        ),
        "fonts": FONTS.as_uri(),
    }
    with translation.override("nl"):
        html = render_to_string("pip/beschikking.html", context)
    return html_naar_pdf(html)


def beschikking_opslaan(*, inhoud: bytes, gemeente_code: str, naam: str) -> tuple[str, str]:
    """Write the PDF under PRIVATE_MEDIA_ROOT; return (relative path, sha256)."""
    relatief = Path("beschikkingen") / gemeente_code / f"{naam}.pdf"
    pad = Path(settings.PRIVATE_MEDIA_ROOT) / relatief
    pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = pad.with_suffix(".tmp")
    tijdelijk.write_bytes(inhoud)
    tijdelijk.replace(pad)
    return str(relatief), hashlib.sha256(inhoud).hexdigest()


def beschikking_pad(relatief: str) -> Path:
    basis = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    pad = (basis / relatief).resolve()
    if basis not in pad.parents:
        raise ValueError("path outside PRIVATE_MEDIA_ROOT")
    return pad
