"""Inloggen met DigiD op het eigen portaal van de inburgeraar: welk betrouwbaarheidsniveau.

Bronnen (gelezen 2026-12-07):

- [WDO] Wet digitale overheid, art. 5 (betrouwbaarheidsniveaus van inlogmiddelen) en het
  Besluit digitale overheid: een bestuursorgaan bepaalt per dienst welk niveau nodig is, volgens
  de eIDAS-niveaus laag, substantieel en hoog.
- [FS-BN] Forum Standaardisatie, "Handreiking betrouwbaarheidsniveaus voor digitale
  dienstverlening": diensten met het BSN en bijzondere of gevoelige persoonsgegevens (gezondheid,
  verblijfsstatus, een lopend besluit met sancties) vragen minstens Substantieel.
- [LOGIUS] Logius, DigiD-koppelvlak: de niveaus Basis, Midden, Substantieel en Hoog, in SAML als
  AuthnContextClassRef (PasswordProtectedTransport, MobileTwoFactorContract, Smartcard,
  SmartcardPKI); een OIDC-makelaar geeft hetzelfde niveau door in de claim ``acr``.
"""

from __future__ import annotations

from .base import Resultaat, definieer_regel

#: De DigiD-niveaus van laag naar hoog [LOGIUS].
NIVEAUS = ("basis", "midden", "substantieel", "hoog")

#: DigiD's AuthnContextClassRef per niveau [LOGIUS]; een makelaar geeft een van deze door.
NIVEAU_URNS = {
    "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport": "basis",
    "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract": "midden",
    "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard": "substantieel",
    "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI": "hoog",
}

R95 = definieer_regel(
    id="R95",
    titel="DigiD Substantieel voor het eigen inburgeringsdossier",
    titel_en="DigiD Substantieel for one's own integration file",
    bron="Wet digitale overheid, art. 5, met het Besluit digitale overheid; Forum "
    "Standaardisatie, Handreiking betrouwbaarheidsniveaus; Logius, DigiD-koppelvlak",
    tekst="""Het portaal toont het BSN-gebonden dossier van de inburgeraar: het PIP, afspraken,
    besluiten met sancties en soms gezondheid (een doktersbriefje). Daarvoor is minstens het
    betrouwbaarheidsniveau Substantieel nodig. Een inlog met een lager niveau (Basis of Midden)
    wordt geweigerd met uitleg; een onbekend niveau telt als te laag.""",
    tekst_en="""The portal shows the newcomer's BSN-linked file: the PIP, appointments,
    decisions with sanctions and sometimes health (a doctor's note). That needs at least the
    assurance level Substantieel. A login at a lower level (Basis or Midden) is refused with an
    explanation; an unknown level counts as too low.""",
    onderwerp="portaal",
    zekerheid="M",
    aanname="Substantieel volgt uit de handreiking voor BSN met gevoelige gegevens; de gemeente "
    "kan een hoger niveau instellen, nooit een lager.",
    aanname_en="Substantieel follows from the guidance for a BSN with sensitive data; the "
    "municipality may set a higher level, never a lower one.",
)


def niveau_uit_claim(waarde: str) -> str:
    """Het niveau (``basis`` … ``hoog``) uit wat DigiD of de makelaar doorgeeft: een naam of een
    SAML-URN [LOGIUS]; leeg als het onbekend is."""
    schoon = waarde.strip()
    if schoon.lower() in NIVEAUS:
        return schoon.lower()
    return NIVEAU_URNS.get(schoon, "")


def niveau_voldoende(gekregen: str, vereist: str = "substantieel") -> Resultaat[bool]:
    """R95: is het DigiD-niveau van deze inlog hoog genoeg voor het eigen dossier?

    ``vereist`` lager dan Substantieel telt als Substantieel: de instelling kan het niveau
    alleen verhogen.
    """
    minimum = max(NIVEAUS.index("substantieel"), _rang(vereist))
    rang = _rang(gekregen)
    nodig = NIVEAUS[minimum].capitalize()
    if rang < 0:
        return Resultaat(
            False,
            R95,
            f"Onbekend DigiD-niveau; {nodig} is nodig.",
            f"Unknown DigiD level; {nodig} is required.",
        )
    naam = NIVEAUS[rang].capitalize()
    if rang < minimum:
        return Resultaat(
            False,
            R95,
            f"DigiD {naam} is te laag; {nodig} is nodig.",
            f"DigiD {naam} is too low; {nodig} is required.",
        )
    return Resultaat(True, R95, f"DigiD {naam} is voldoende.", f"DigiD {naam} is sufficient.")


def _rang(niveau: str) -> int:
    naam = niveau_uit_claim(niveau)
    return NIVEAUS.index(naam) if naam else -1
