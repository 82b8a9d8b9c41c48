"""Texts kept as what they mean (a Dutch msgid and its parameters), shown in the reader's language.

A timeline entry or a work item is read long after it was written, by people who read Dutch or
English. Storing the sentence as rendered would freeze it in the language of whoever acted at the
time; storing the msgid and its parameters lets every reader see it in their own language. The
rendered Dutch text is kept beside it (search, API, and a fallback if a msgid ever disappears).

Stored form (JSON):

- ``"text"``: literal text, shown as is (a name, a school, DUO's own words);
- ``{"t": msgid, "p": {name: value}}``: translated at display time, then formatted;
- ``{"t": msgid, "f": "lower"}``: a code list label, in lower case inside a sentence;
- ``{"d": "2026-01-31"}``: a date, written as the application writes dates;
- ``{"j": [part, …], "s": " "}``: parts joined (a sentence plus "Reden: …").
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Any

from django.utils import dateformat
from django.utils.functional import Promise
from django.utils.translation import gettext, override

import structlog

logger = structlog.get_logger(__name__)


class Tekst:
    """A translatable text with its parameters; ``str()`` renders it in the active language.

    ``msgid`` must also appear in the source as a literal (``gettext_noop``/``gettext_lazy``), so
    that ``make messages`` puts it in the catalogue.
    """

    __slots__ = ("_json",)

    def __init__(self, msgid: str | Promise, /, **params) -> None:
        if isinstance(msgid, Promise):
            msgid = _msgid(msgid)
        self._json: object = {"t": str(msgid), "p": {k: als_json(v) for k, v in params.items()}}
        if not params:
            del self._json["p"]

    @classmethod
    def uit_json(cls, waarde) -> Tekst:
        tekst = cls.__new__(cls)
        tekst._json = waarde
        return tekst

    @classmethod
    def samen(cls, *delen, scheiding: str = " ") -> Tekst:
        """Several parts as one text (empty parts are left out)."""
        return cls.uit_json({"j": [als_json(d) for d in delen if d], "s": scheiding})

    def als_json(self):
        return self._json

    def in_taal(self, taal: str) -> str:
        with override(taal):
            return str(self)

    def __str__(self) -> str:
        return weergeven(self._json)

    def __add__(self, other) -> Tekst:
        return Tekst.samen(self, other, scheiding="")

    def __radd__(self, other) -> Tekst:
        return Tekst.samen(other, self, scheiding="")

    def __eq__(self, other) -> bool:
        return isinstance(other, Tekst) and other._json == self._json

    def __hash__(self) -> int:
        return hash(repr(self._json))

    def __repr__(self) -> str:
        return f"Tekst({self._json!r})"


class Vertaald(str):
    """What ``gettext`` returns (the text in the active language), remembering its msgid.

    ``from openinburgering.core.teksten import vertaal as _`` is a drop-in for ``gettext`` in
    services that write timeline entries or work items: it behaves as the translated string
    everywhere, and ``%`` and ``+`` keep the msgid and parameters, so a stored text can be shown
    later in another reader's language. Anything else (``.lower()``, f-strings, ``join``) gives a
    plain string, which is then stored and shown as it stands.
    """

    __slots__ = ("_json",)
    _json: dict[str, Any]

    def __new__(cls, tekst: str, json=None):
        # ``json`` may be absent when pickle or copy recreate the string; the slot follows.
        obj = super().__new__(cls, tekst)
        obj._json = json if json is not None else {"j": [str(tekst)], "s": ""}
        return obj

    def als_json(self):
        return self._json

    def __mod__(self, params):
        tekst = str.__mod__(self, params)
        if isinstance(params, dict) and isinstance(self._json, dict) and "p" not in self._json:
            return Vertaald(tekst, {**self._json, "p": {k: als_json(v) for k, v in params.items()}})
        return tekst

    def __add__(self, other):
        if not isinstance(other, str):
            return NotImplemented
        return Vertaald(str.__add__(self, other), {"j": [self._json, als_json(other)], "s": ""})

    def __radd__(self, other):
        if not isinstance(other, str):
            return NotImplemented
        return Vertaald(str.__add__(other, self), {"j": [als_json(other), self._json], "s": ""})


def vertaal(msgid: str) -> Vertaald:
    """``gettext`` that remembers the msgid (see :class:`Vertaald`)."""
    return Vertaald(gettext(msgid), {"t": msgid})


def label(waarde: str | Promise, *, klein: bool = False):
    """A code list label (a lazy translation) as a parameter, optionally in lower case."""
    json = als_json(waarde)
    if klein:
        if isinstance(json, dict):
            return Tekst.uit_json({**json, "f": "lower"})
        return json.lower()
    return Tekst.uit_json(json) if isinstance(json, dict) else json


def _msgid(promise: Promise) -> str:
    # gettext_lazy keeps its one argument, the msgid; anything else is rendered as it stands.
    args: tuple[object, ...] = getattr(promise, "_args", ())
    if len(args) == 1 and isinstance(args[0], str) and not getattr(promise, "_kw", None):
        return args[0]
    return str(promise)


def als_json(waarde):
    """A parameter in its stored form."""
    if isinstance(waarde, Tekst | Vertaald):
        return waarde.als_json()
    if isinstance(waarde, Promise):
        msgid = _msgid(waarde)
        return {"t": msgid}
    if isinstance(waarde, datetime.datetime):
        return str(waarde)
    if isinstance(waarde, datetime.date):
        return {"d": waarde.isoformat()}
    if isinstance(waarde, bool) or waarde is None:
        return str(waarde)
    if isinstance(waarde, int | str):
        return waarde
    if isinstance(waarde, float | Decimal):
        return str(waarde)
    return str(waarde)


def weergeven(json) -> str:
    """The stored form rendered in the active language; never raises on odd input."""
    if isinstance(json, str):
        return json
    if isinstance(json, int | float):
        return str(json)
    if not isinstance(json, dict):
        return ""
    if "j" in json:
        return str(json.get("s", " ")).join(weergeven(d) for d in json["j"] or ())
    if "d" in json:
        try:
            # The application's one date format, as its templates write dates.
            return dateformat.format(datetime.date.fromisoformat(json["d"]), "d-m-Y")
        except (TypeError, ValueError):
            return str(json["d"])
    msgid = json.get("t")
    if not isinstance(msgid, str):
        return ""
    tekst = gettext(msgid) if msgid else ""
    params = json.get("p")
    if isinstance(params, dict) and params:
        waarden = {k: v if isinstance(v, int | float) else weergeven(v) for k, v in params.items()}
        try:
            tekst = _invullen(tekst, waarden)
        except (KeyError, ValueError, TypeError):
            # A translation that no longer fits its parameters: the Dutch original does.
            logger.warning("tekst_vertaling_past_niet", msgid=msgid)
            try:
                tekst = _invullen(msgid, waarden)
            except (KeyError, ValueError, TypeError):
                tekst = msgid
    if json.get("f") == "lower":
        tekst = tekst.lower()
    return tekst


def _invullen(tekst: str, waarden: dict) -> str:
    try:
        return tekst % waarden
    except TypeError:
        # %(n)d with a number read back from a stored text (a string): as a number.
        return tekst % {
            k: int(v) if isinstance(v, str) and v.isdigit() else v for k, v in waarden.items()
        }


def opslaan(tekst) -> tuple[str, object | None]:
    """What a model stores for ``tekst``: the Dutch rendering and the stored form (or None for
    a plain string, which then is shown as it stands)."""
    if isinstance(tekst, Promise):
        tekst = Tekst(tekst)
    if isinstance(tekst, Tekst):
        return tekst.in_taal("nl"), tekst.als_json()
    if isinstance(tekst, Vertaald):
        with override("nl"):
            return weergeven(tekst.als_json()), tekst.als_json()
    return str(tekst), None


_PLAATSHOUDER = re.compile(r"%\((\w+)\)[sd]")


class Herkenner:
    """Maps a stored rendered text (Dutch, or English when the actor read English) back to its
    msgid and parameters, using the catalogue: for rows written before texts were stored as
    msgids. Texts it does not recognise stay as they are (``herken`` returns None)."""

    def __init__(self, taal: str = "en") -> None:
        from django.utils.translation import trans_real

        # Django merges every app's catalogue into this gettext internal; there is no public
        # accessor for the whole mapping.
        catalogus = trans_real.translation(taal)._catalog  # type: ignore[attr-defined]
        self.exact: dict[str, str] = {}
        self.patronen: dict[str, list[tuple[re.Pattern, str]]] = {}
        for msgid, msgstr in catalogus.items():
            if not isinstance(msgid, str) or not msgid:
                continue
            for vorm in (msgid, msgstr):
                if not isinstance(vorm, str) or not vorm:
                    continue
                if "%(" not in vorm:
                    self.exact.setdefault(vorm, msgid)
                    continue
                patroon = self._patroon(vorm)
                if patroon is not None:
                    self.patronen.setdefault(vorm[:2], []).append((patroon, msgid))

    @staticmethod
    def _patroon(vorm: str) -> re.Pattern | None:
        delen, namen, pos = [], set(), 0
        for m in _PLAATSHOUDER.finditer(vorm):
            if m.group(1) in namen:
                return None
            namen.add(m.group(1))
            delen.append(re.escape(vorm[pos : m.start()]))
            delen.append(f"(?P<{m.group(1)}>.+?)")
            pos = m.end()
        delen.append(re.escape(vorm[pos:]))
        return re.compile("".join(delen) + r"\Z", re.DOTALL)

    def herken(self, tekst: str):
        if not tekst:
            return None
        if tekst in self.exact:
            return {"t": self.exact[tekst]}
        for patroon, msgid in self.patronen.get(tekst[:2], ()):
            m = patroon.match(tekst)
            if m:
                params = {
                    k: ({"t": self.exact[v]} if v in self.exact else v)
                    for k, v in m.groupdict().items()
                }
                return {"t": msgid, "p": params}
        return None


def keuze(obj, veld: str, *, klein: bool = False):
    """The label of a model field's choice as a parameter, translated when it is shown."""
    waarde = getattr(obj, veld)
    return label(dict(obj._meta.get_field(veld).flatchoices).get(waarde, waarde), klein=klein)


def velden_vullen(obj, **velden) -> list[str]:
    """Set text fields of ``obj`` (which has a ``teksten`` JSON field): the Dutch rendering in the
    field itself, the stored form in ``teksten`` so it is shown in the reader's language.
    Returns the names of the fields to save."""
    opgeslagen = dict(obj.teksten or {})
    for veld, waarde in velden.items():
        nederlands, json = opslaan(waarde)
        setattr(obj, veld, nederlands)
        if json is None:
            opgeslagen.pop(veld, None)
        else:
            opgeslagen[veld] = json
    obj.teksten = opgeslagen
    return [*velden, "teksten"]


def veld_weergeven(obj, veld: str) -> str:
    """A text field of ``obj`` in the reader's language, or as stored when it has no msgid."""
    json = (getattr(obj, "teksten", None) or {}).get(veld)
    if json is None:
        return getattr(obj, veld)
    return weergeven(json) or getattr(obj, veld)


def velden_herkennen(model, velden: tuple[str, ...]) -> None:
    """For a data migration: fill ``teksten`` of existing rows whose text fields the catalogue
    recognises (:class:`Herkenner`); other rows keep showing their stored text."""
    herkenner = Herkenner()
    bijwerken = []
    for obj in model.objects.only("id", "teksten", *velden).iterator(chunk_size=2000):
        gevonden = {v: herkenner.herken(getattr(obj, v)) for v in velden}
        gevonden = {v: t for v, t in gevonden.items() if t is not None}
        if gevonden:
            obj.teksten = {**(obj.teksten or {}), **gevonden}
            bijwerken.append(obj)
        if len(bijwerken) >= 2000:
            model.objects.bulk_update(bijwerken, ["teksten"])
            bijwerken = []
    model.objects.bulk_update(bijwerken, ["teksten"])


def veld_tekst(obj, veld: str):
    """A text field of ``obj`` as a parameter: its msgid where it has one, else its text."""
    json = (getattr(obj, "teksten", None) or {}).get(veld)
    return getattr(obj, veld) if json is None else Tekst.uit_json(json)
