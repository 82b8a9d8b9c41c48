"""Roles and the permission matrix: the one place that says who may do what.

A role belongs to a membership of a gemeente, so one person can be klantregisseur in one
gemeente and teamleider in another. ``docs/rollen.md`` is generated from this table.
"""

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    KLANTREGISSEUR = "klantregisseur", _("Klantregisseur")
    TEAMLEIDER = "teamleider", _("Teamleider")
    BELEIDSMEDEWERKER = "beleidsmedewerker", _("Beleidsmedewerker")
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", _("Functioneel beheerder")


class ExterneRol(models.TextChoices):
    """Roles of partner staff, who are linked to their organisation and not to a gemeente."""

    TAALAANBIEDER = "taalaanbieder", _("Taalaanbieder")


ALLE_ROLLEN = [*Rol, *ExterneRol]


class Recht(StrEnum):
    PERSOONSGEGEVENS_LEZEN = "persoonsgegevens_lezen"
    INBURGERAAR_WIJZIGEN = "inburgeraar_wijzigen"
    DOSSIER_STATUS_WIJZIGEN = "dossier_status_wijzigen"
    WERK_TOEWIJZEN = "werk_toewijzen"
    CIJFERS_LEZEN = "cijfers_lezen"
    LOGBOEK_LEZEN = "logboek_lezen"
    REGELS_LEZEN = "regels_lezen"
    INTAKE_VOEREN = "intake_voeren"
    GEZONDHEID_LEZEN = "gezondheid_lezen"
    PIP_VASTSTELLEN = "pip_vaststellen"
    BEGELEIDING_BEHEREN = "begeleiding_beheren"
    TRAJECT_VASTLEGGEN = "traject_vastleggen"
    HANDHAVING_VOORBEREIDEN = "handhaving_voorbereiden"
    BOETE_OPLEGGEN = "boete_opleggen"
    CONTRACTEN_LEZEN = "contracten_lezen"
    CONTRACTEN_BEHEREN = "contracten_beheren"
    VERWIJZEN = "verwijzen"
    DEELNEMERS_SCHOOL_LEZEN = "deelnemers_school_lezen"
    DEELNAME_MELDEN = "deelname_melden"
    KOPPELING_BEHEREN = "koppeling_beheren"
    CONTACTPERSONEN_BEHEREN = "contactpersonen_beheren"
    CONTACTPERSOON_KOPPELEN = "contactpersoon_koppelen"
    GEMEENTE_INSTELLEN = "gemeente_instellen"
    TWEEDE_FACTOR_BEHEREN = "tweede_factor_beheren"
    ABONNEMENTEN_BEHEREN = "abonnementen_beheren"
    CBS_AANLEVEREN = "cbs_aanleveren"
    KENNISBANK_BEHEREN = "kennisbank_beheren"
    FINANCIEN_LEZEN = "financien_lezen"
    RIJKSBIJDRAGEN_VASTLEGGEN = "rijksbijdragen_vastleggen"
    KOSTEN_BOEKEN = "kosten_boeken"
    ONTZORGEN_VASTLEGGEN = "ontzorgen_vastleggen"
    BETAALRUN_GOEDKEUREN = "betaalrun_goedkeuren"


RECHT_OMSCHRIJVING = {
    Recht.PERSOONSGEGEVENS_LEZEN: _("Inburgeraars en dossiers bekijken en zoeken"),
    Recht.INBURGERAAR_WIJZIGEN: _("Inburgeraars aanmaken en wijzigen"),
    Recht.DOSSIER_STATUS_WIJZIGEN: _("De status van een dossier wijzigen"),
    Recht.WERK_TOEWIJZEN: _("Dossiers aan klantregisseurs toewijzen"),
    Recht.CIJFERS_LEZEN: _("Geaggregeerde cijfers bekijken (geen persoonsgegevens)"),
    Recht.LOGBOEK_LEZEN: _("Het verwerkingenlogboek inzien"),
    Recht.REGELS_LEZEN: _("De regelcatalogus inzien"),
    Recht.INTAKE_VOEREN: _("De brede intake en voortgangsgesprekken voeren en vastleggen"),
    Recht.GEZONDHEID_LEZEN: _("Gegevens over gezondheid in de brede intake zien en vastleggen"),
    Recht.PIP_VASTSTELLEN: _("Een PIP opstellen, vaststellen en wijzigen; bezwaar registreren"),
    Recht.BEGELEIDING_BEHEREN: _(
        "De checklist maatschappelijke begeleiding van de gemeente inrichten"
    ),
    Recht.TRAJECT_VASTLEGGEN: _(
        "Begeleiding, PVT, MAP, uren en examens vastleggen en aan DUO doorgeven"
    ),
    Recht.HANDHAVING_VOORBEREIDEN: _(
        "Handhaving voorbereiden: overtreding, waarschuwing en voornemen tot boete; bezwaar "
        "tegen een boete registreren"
    ),
    Recht.BOETE_OPLEGGEN: _(
        "Een boete opleggen (besluit met bezwaarclausule) en op bezwaar tegen een boete beslissen"
    ),
    Recht.CONTRACTEN_LEZEN: _("Taalaanbieders, contracten en hun benutting bekijken (cijfers)"),
    Recht.CONTRACTEN_BEHEREN: _("Taalaanbieders bijwerken uit DUO en contracten vastleggen"),
    Recht.VERWIJZEN: _("Naar een taalaanbieder verwijzen en het inburgeringsaanbod melden"),
    Recht.DEELNEMERS_SCHOOL_LEZEN: _(
        "Als taalaanbieder de eigen verwezen deelnemers zien (alleen de verwijsgegevens)"
    ),
    Recht.DEELNAME_MELDEN: _(
        "Als taalaanbieder intake, uren, verzuim, voortgang, examens en afschaaladvies melden"
    ),
    Recht.KOPPELING_BEHEREN: _(
        "De DUO-koppeling beheren: berichten, incidenten en afstemming (geen persoonsgegevens)"
    ),
    Recht.CONTACTPERSONEN_BEHEREN: _(
        "De contactpersonen van de gemeente bij DUO aanmaken, wijzigen en verwijderen"
    ),
    Recht.CONTACTPERSOON_KOPPELEN: _(
        "Op het dossier een contactpersoon bij DUO koppelen of ontkoppelen"
    ),
    Recht.GEMEENTE_INSTELLEN: _(
        "De instellingen van de eigen gemeente wijzigen: naam, koppeling met DUO en "
        "contactgegevens op brieven"
    ),
    Recht.TWEEDE_FACTOR_BEHEREN: _(
        "Medewerkers van de eigen gemeente uitnodigen om de tweede factor in te stellen, en die "
        "tweede factor resetten"
    ),
    Recht.ABONNEMENTEN_BEHEREN: _(
        "Abonnementen (webhooks) van andere systemen op gebeurtenissen beheren en hun "
        "bezorglog inzien (geen persoonsgegevens)"
    ),
    Recht.CBS_AANLEVEREN: _(
        "Het kwartaalbestand voor het CBS (Statistiek Wet Inburgering) maken, controleren, "
        "downloaden en de levering vastleggen"
    ),
    Recht.KENNISBANK_BEHEREN: _("Artikelen in de kennisbank schrijven en bijwerken"),
    Recht.FINANCIEN_LEZEN: _(
        "Budget, uitgaven per cohort, prognose en verantwoording (SiSa) bekijken en exporteren"
    ),
    Recht.RIJKSBIJDRAGEN_VASTLEGGEN: _(
        "De rijksbijdragen per jaar met hun grondslag vastleggen (specifieke uitkering, "
        "Wi2013-middelen, structurele middelen)"
    ),
    Recht.KOSTEN_BOEKEN: _(
        "Kosten per inburgeraar boeken en met een tegenboeking corrigeren; de boekingen op het "
        "dossier zien"
    ),
    Recht.ONTZORGEN_VASTLEGGEN: _(
        "Bijstandsperiodes vastleggen en importeren, ontzorgen besluiten en een betaalrun maken"
    ),
    Recht.BETAALRUN_GOEDKEUREN: _(
        "Een betaalrun van een collega goedkeuren (vier ogen) en het betaalbestand downloaden"
    ),
}

MATRIX: dict[str, frozenset[Recht]] = {
    Rol.KLANTREGISSEUR: frozenset(
        {
            Recht.PERSOONSGEGEVENS_LEZEN,
            Recht.INBURGERAAR_WIJZIGEN,
            Recht.DOSSIER_STATUS_WIJZIGEN,
            Recht.CIJFERS_LEZEN,
            Recht.REGELS_LEZEN,
            Recht.INTAKE_VOEREN,
            # The caseworker who talks with the person needs the health section (Wi2021 art. 14).
            Recht.GEZONDHEID_LEZEN,
            Recht.PIP_VASTSTELLEN,
            Recht.TRAJECT_VASTLEGGEN,
            Recht.HANDHAVING_VOORBEREIDEN,
            Recht.CONTRACTEN_LEZEN,
            Recht.VERWIJZEN,
            # DUO shows the inburgeraar who at the gemeente to contact (Contactpersoon API).
            Recht.CONTACTPERSOON_KOPPELEN,
            # The caseworker decides ontzorgen and prepares the payment run (ADR 0080).
            Recht.ONTZORGEN_VASTLEGGEN,
        }
    ),
    Rol.TEAMLEIDER: frozenset(
        {
            Recht.PERSOONSGEGEVENS_LEZEN,
            Recht.INBURGERAAR_WIJZIGEN,
            Recht.DOSSIER_STATUS_WIJZIGEN,
            Recht.WERK_TOEWIJZEN,
            Recht.CIJFERS_LEZEN,
            Recht.REGELS_LEZEN,
            Recht.INTAKE_VOEREN,
            # A teamleider reviews and signs decisions, but does not need health details.
            Recht.PIP_VASTSTELLEN,
            Recht.TRAJECT_VASTLEGGEN,
            Recht.HANDHAVING_VOORBEREIDEN,
            # Four eyes: the caseworker prepares a fine, the teamleider decides on it.
            Recht.BOETE_OPLEGGEN,
            Recht.CONTRACTEN_LEZEN,
            Recht.CONTRACTEN_BEHEREN,
            Recht.VERWIJZEN,
            Recht.CONTACTPERSOON_KOPPELEN,
            # The teamleider keeps the list of the team's contact persons at DUO up to date.
            Recht.CONTACTPERSONEN_BEHEREN,
            # Money (ADR 0082): the teamleider answers for the team's spend and books the costs
            # per person; caseworkers do not see amounts.
            Recht.FINANCIEN_LEZEN,
            Recht.KOSTEN_BOEKEN,
            Recht.ONTZORGEN_VASTLEGGEN,
            # Four eyes on the money: another person approves the run (R89, ADR 0080).
            Recht.BETAALRUN_GOEDKEUREN,
        }
    ),
    # Policy staff work with aggregates only and never see personal data.
    # Contract utilisation is aggregate (no personal data), so policy staff may see it.
    # The CBS delivery is the one exception (ADR 0070): the file carries each person's BSN
    # because CBS links on it, and the check report names dossiers (by number, never by name or
    # BSN). The beleidsmedewerker prepares it; every build is in the processing log.
    Rol.BELEIDSMEDEWERKER: frozenset(
        {
            Recht.CIJFERS_LEZEN,
            Recht.REGELS_LEZEN,
            Recht.CONTRACTEN_LEZEN,
            Recht.CBS_AANLEVEREN,
            Recht.KENNISBANK_BEHEREN,
        }
    ),
    # The functioneel beheerder audits and configures, but does not work on cases.
    Rol.FUNCTIONEEL_BEHEERDER: frozenset(
        {
            Recht.KOPPELING_BEHEREN,
            Recht.GEMEENTE_INSTELLEN,
            Recht.LOGBOEK_LEZEN,
            Recht.CIJFERS_LEZEN,
            Recht.REGELS_LEZEN,
            Recht.BEGELEIDING_BEHEREN,
            Recht.CONTRACTEN_LEZEN,
            Recht.CONTRACTEN_BEHEREN,
            # Staff contact details, no inburgeraar's personal data; linking stays with the team.
            Recht.CONTACTPERSONEN_BEHEREN,
            # Enrolment of a second factor only through an invitation from a beheerder (ADR 0054).
            Recht.TWEEDE_FACTOR_BEHEREN,
            # Which other systems hear what happened (UUIDs only, no personal data; ADR 0072).
            Recht.ABONNEMENTEN_BEHEREN,
            # The curated knowledge base (ADR 0071). The CBS delivery is the beleidsmedewerker's
            # (ADR 0070): one more top-level page would break this role's navigation (ADR 0043).
            Recht.KENNISBANK_BEHEREN,
            # The grants are the gemeente's settings for money (ADR 0082): the beheerder enters
            # them with their legal basis and sees the aggregates, never a person's bookings.
            Recht.FINANCIEN_LEZEN,
            Recht.RIJKSBIJDRAGEN_VASTLEGGEN,
        }
    ),
    # School staff: only their own referred participants, only the referred fields (ADR 0030).
    ExterneRol.TAALAANBIEDER: frozenset(
        {Recht.DEELNEMERS_SCHOOL_LEZEN, Recht.DEELNAME_MELDEN, Recht.REGELS_LEZEN}
    ),
}


def heeft_recht(rol: str | None, recht: Recht) -> bool:
    return rol is not None and recht in MATRIX.get(rol, frozenset())


def matrix_als_markdown() -> str:
    rollen = ALLE_ROLLEN
    kop = "| recht | " + " | ".join(str(r.label) for r in rollen) + " |"
    lijn = "|---|" + "---|" * len(rollen)
    regels = [
        "# Rollen en rechten",
        "",
        "Gegenereerd uit `src/openinburgering/accounts/rollen.py` (`make rollen-docs`).",
        "",
        kop,
        lijn,
    ]
    for recht in Recht:
        cellen = " | ".join("ja" if recht in MATRIX[r] else "–" for r in rollen)
        regels.append(f"| {RECHT_OMSCHRIJVING[recht]} | {cellen} |")
    regels.append("")
    return "\n".join(regels)
