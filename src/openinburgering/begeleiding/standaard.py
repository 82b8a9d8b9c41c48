"""The default checklist a gemeente starts with; a functioneel beheerder adapts it afterwards.

The steps follow the law's description of the task (Wi2021 art. 13: "wegwijs maken in de
gemeente en in de Nederlandse gezondheidszorg") and common municipal practice. The day counts are
a starting point for the overdue signal, not a legal term.
"""

from django.utils.translation import gettext_noop as _

#: (naam, omschrijving, streefdagen)
STANDAARD_STAPPEN = [
    (_("Zorgverzekering afgesloten"), _("Basisverzekering en eventueel toeslag."), 14),
    (_("Bankrekening geopend"), _("Betaalrekening op eigen naam."), 14),
    (_("Ingeschreven bij een huisarts"), _("Naam en adres van de praktijk vastleggen."), 30),
    (_("Ingeschreven bij een tandarts"), "", 60),
    (_("DigiD aangevraagd"), _("Activeringsbrief komt per post."), 30),
    (_("Toeslagen aangevraagd"), _("Zorgtoeslag, huurtoeslag, kinderopvangtoeslag."), 30),
    (_("Kinderen naar school of kinderopvang"), _("Niet van toepassing zonder kinderen."), 30),
    (_("Uitleg Nederlandse gezondheidszorg"), _("Huisarts, spoedpost, apotheek, 112."), 60),
    (_("Kennismaking gemeentelijke diensten"), _("Loket, afvalinzameling, belastingen."), 60),
    (_("Lid van de bibliotheek"), _("Ook: Taalhuis en digitale hulp."), 90),
]
