"""Labels the portal shows from other apps' code lists (ADR 0090).

The portal prints ``get_leerroute_display()`` and the like; those msgids live in the apps that
own the lists, outside the portal's catalogues. Named here (``gettext_noop``), they are extracted
into every portal catalogue. ``talen/tests/test_vertalingen.py`` checks that every label of the
fields in :data:`VELDEN` is here, so a new choice in one of those lists cannot slip by.
"""

from django.utils.translation import gettext_noop

#: (app label, model, field) whose display value a portal page shows.
VELDEN = (
    ("pip", "PipVersie", "leerroute"),
    ("taalaanbieders", "Examendatum", "onderdeel"),
    ("intake", "Handhavingsstap", "soort"),
    ("handhaving", "Handhavingsstap", "soort"),
)

LABELS = (
    gettext_noop("B1-route"),
    gettext_noop("Onderwijsroute"),
    gettext_noop("Zelfredzaamheidsroute (Z-route)"),
    gettext_noop("Lezen"),
    gettext_noop("Luisteren"),
    gettext_noop("Schrijven"),
    gettext_noop("Spreken"),
    gettext_noop("Kennis van de Nederlandse Maatschappij (KNM)"),
    gettext_noop("Uitnodiging"),
    gettext_noop("Herinnering"),
    gettext_noop("Schriftelijke waarschuwing"),
    gettext_noop("Voornemen tot boete (zienswijze)"),
    gettext_noop("Zienswijze ontvangen"),
    gettext_noop("Besluit: boete opgelegd"),
    gettext_noop("Doorgezet naar de Participatiewet"),
    gettext_noop("Gestopt zonder boete"),
)
