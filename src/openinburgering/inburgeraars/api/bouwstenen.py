"""A building block for the resources under a person (``/inburgeraars/{uuid}/…``).

It lives here rather than in ``api.bouwstenen``: ``api`` sits below the domain apps in the
layers (ADR 0048) and may not read a person through ``inburgeraars.selectors``.
"""

from collections.abc import Iterable

from openinburgering.api.bouwstenen import Lijst
from openinburgering.inburgeraars import selectors as inburgeraar_selectors


# No docstring: drf-spectacular prints a view's (inherited) docstring as the description of an
# operation without one, and the document should stay as it was.
class LijstVanPersoon(Lijst):
    # A list of one person's rows (``/inburgeraars/{uuid}/…``): the person is read first (404
    # for another gemeente's), and logged once even when the page is empty (that there is
    # nothing is a fact about the person too).

    def persoon(self):
        if not hasattr(self, "_persoon"):
            self._persoon = inburgeraar_selectors.inburgeraar_get(
                actor=self.actor, uuid=self.kwargs["uuid"]
            )
        return self._persoon

    def gelezen(self, pagina) -> Iterable[str]:
        return [self.persoon().pseudoniem]
