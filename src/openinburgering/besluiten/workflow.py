"""The statuses of a beschikking and of a bezwaar, each as a transition table.

A beschikking is bekendgemaakt when its letter is sent; a bezwaar puts it ``in_bezwaar`` until
every open bezwaar is decided. A replaced decision (a newer PIP) stays replaced whatever happens
to a bezwaar against it: the bezwaar is still decided, the status no longer moves.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BeschikkingStatus(models.TextChoices):
    BEKENDGEMAAKT = "bekendgemaakt", _("Bekendgemaakt")
    IN_BEZWAAR = "in_bezwaar", _("Bezwaar loopt")
    IN_STAND = "in_stand", _("In stand gebleven na bezwaar")
    HERZIEN = "herzien", _("Herzien na bezwaar")
    VERVANGEN = "vervangen", _("Vervangen door een nieuw besluit")


class BezwaarUitkomst(models.TextChoices):
    OPEN = "open", _("Nog geen beslissing")
    GEGROND = "gegrond", _("Gegrond")
    DEELS_GEGROND = "deels_gegrond", _("Deels gegrond")
    ONGEGROND = "ongegrond", _("Ongegrond")
    NIET_ONTVANKELIJK = "niet_ontvankelijk", _("Niet-ontvankelijk")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


_S = BeschikkingStatus
OVERGANGEN: dict[BeschikkingStatus, frozenset[BeschikkingStatus]] = {
    _S.BEKENDGEMAAKT: frozenset({_S.IN_BEZWAAR, _S.VERVANGEN}),
    # Back to bekendgemaakt when the only bezwaar is withdrawn.
    _S.IN_BEZWAAR: frozenset({_S.BEKENDGEMAAKT, _S.IN_STAND, _S.HERZIEN, _S.VERVANGEN}),
    _S.IN_STAND: frozenset({_S.IN_BEZWAAR, _S.VERVANGEN}),
    _S.HERZIEN: frozenset({_S.IN_BEZWAAR, _S.VERVANGEN}),
    _S.VERVANGEN: frozenset(),
}

#: A bezwaar is decided once; every outcome but ``open`` is final.
BEZWAAR_OVERGANGEN: dict[BezwaarUitkomst, frozenset[BezwaarUitkomst]] = {
    BezwaarUitkomst.OPEN: frozenset(set(BezwaarUitkomst) - {BezwaarUitkomst.OPEN}),
    **{u: frozenset() for u in BezwaarUitkomst if u != BezwaarUitkomst.OPEN},
}

#: What a decided bezwaar means for the beschikking, when no other bezwaar is still open.
NA_BESLISSING: dict[BezwaarUitkomst, BeschikkingStatus] = {
    BezwaarUitkomst.GEGROND: _S.HERZIEN,
    BezwaarUitkomst.DEELS_GEGROND: _S.HERZIEN,
    BezwaarUitkomst.ONGEGROND: _S.IN_STAND,
    BezwaarUitkomst.NIET_ONTVANKELIJK: _S.IN_STAND,
    BezwaarUitkomst.INGETROKKEN: _S.BEKENDGEMAAKT,
}


def mag_naar(van: str, naar: str) -> bool:
    return BeschikkingStatus(naar) in OVERGANGEN[BeschikkingStatus(van)]


def bezwaar_mag_naar(van: str, naar: str) -> bool:
    return BezwaarUitkomst(naar) in BEZWAAR_OVERGANGEN[BezwaarUitkomst(van)]


def status_na_bezwaar(
    *, huidig: str, uitkomst: str, nog_open: int, eerder: list[str] | None = None
) -> BeschikkingStatus:
    """The beschikking's status once a bezwaar got ``uitkomst`` and ``nog_open`` others remain.

    ``eerder``: the outcomes of bezwaren decided before; a herziening stays a herziening when a
    later bezwaar is withdrawn.
    """
    status = BeschikkingStatus(huidig)
    if status == _S.VERVANGEN or nog_open:
        return status
    uitkomsten = [*(eerder or []), uitkomst]
    gevolgen = {NA_BESLISSING[BezwaarUitkomst(u)] for u in uitkomsten}
    for gevolg in (_S.HERZIEN, _S.IN_STAND):
        if gevolg in gevolgen:
            return gevolg
    return _S.BEKENDGEMAAKT
