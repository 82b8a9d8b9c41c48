"""The languages of the newcomer's portal (issue 20, ADR 0089).

The staff UI stays Dutch and English (``settings.LANGUAGES``); only the portal offers these
eight. Each is a Django language code: the catalogue lives in ``locale/<code>/`` and the code is
what ``<html lang>`` says. Dutch is the source language (B1 wording in the msgids themselves).

- Dari and Farsi share one entry, ``fa``: the same Perso-Arabic script, one text written so both
  can read it (as the letter summaries do, ``brieven/samenvattingen.py``). Django knows ``fa``
  (right-to-left, its own form messages in Persian); a Dari-only wording could later live in
  ``fa-af``, whose lookups fall back to ``fa``.
- Django's ``LANG_INFO`` has no Tigrinya or Somali; :func:`registreer_lang_info` adds them (and
  Dari, for ``get_language_info("prs")`` on free-text input) when the project starts.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf.locale import LANG_INFO

STANDAARD = "nl"

#: The cookie that remembers the portal language; apart from Django's ``django_language`` so a
#: newcomer's choice never turns a caseworker's screen Arabic and the other way round.
COOKIE = "oi_portaaltaal"
COOKIE_LEEFTIJD = 365 * 24 * 3600


@dataclass(frozen=True)
class Portaaltaal:
    code: str
    #: The name in Dutch, for caseworkers (dossier, docs).
    naam_nl: str
    #: The name as its readers write it, in its own script: the language switch shows this.
    eigen_naam: str
    #: ISO 15924: the script, which decides the font (``ui/static/talen/talen.css``).
    schrift: str
    rechts_naar_links: bool = False

    @property
    def richting(self) -> str:
        return "rtl" if self.rechts_naar_links else "ltr"


PORTAALTALEN: tuple[Portaaltaal, ...] = (
    Portaaltaal("nl", "Nederlands", "Nederlands", "Latn"),
    Portaaltaal("en", "Engels", "English", "Latn"),
    Portaaltaal("ar", "Arabisch", "العربية", "Arab", rechts_naar_links=True),
    Portaaltaal("ti", "Tigrinya", "ትግርኛ", "Ethi"),
    Portaaltaal("fa", "Dari/Farsi", "دری / فارسی", "Arab", rechts_naar_links=True),
    Portaaltaal("uk", "Oekraïens", "Українська", "Cyrl"),
    Portaaltaal("tr", "Turks", "Türkçe", "Latn"),
    Portaaltaal("so", "Somalisch", "Soomaali", "Latn"),
)
PER_CODE = {t.code: t for t in PORTAALTALEN}
CODES = tuple(PER_CODE)

#: The languages with a portal catalogue of their own (``make portaal-messages``). Dutch is the
#: source; English shares the staff UI's catalogue (``make messages``).
VERTAALDE_CODES = tuple(c for c in CODES if c not in ("nl", "en"))

#: What Django's ``LANG_INFO`` lacks (checked in ``core/tests/test_talen.py``).
EXTRA_LANG_INFO: dict[str, dict[str, object]] = {
    "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
    "so": {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"},
    "prs": {"bidi": True, "code": "prs", "name": "Dari", "name_local": "دری"},
}


def registreer_lang_info() -> None:
    """Add the missing languages to Django's ``LANG_INFO`` (once, at start; idempotent).

    Django's own entries win: should a later Django ship Tigrinya, its entry stays.
    """
    for code, info in EXTRA_LANG_INFO.items():
        LANG_INFO.setdefault(code, info)


def portaaltaal(code: str | None) -> Portaaltaal:
    """The portal language for ``code`` ("ar", "fa-af", "EN"), Dutch for anything else."""
    code = (code or "").lower().replace("_", "-")
    return PER_CODE.get(code) or PER_CODE.get(code.split("-")[0]) or PER_CODE[STANDAARD]


def is_portaaltaal(code: str | None) -> bool:
    return (code or "") in PER_CODE
