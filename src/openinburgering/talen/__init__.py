"""The portal's languages (issue 20, ADR 0089 and 0090): the newcomer's choice (cookie, and on
their dossier once signed in), the language switch, and the review status of the translations.

What the languages are lives in ``core/talen.py`` (foundation); this app holds what needs a
person: the stored preference, the switch, and the middleware that shows the portal in it.
"""
