"""The message form: plain text, and at most one document that is what it says it is."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _

#: The largest document a newcomer may send (a photo of a doctor's note from a phone fits).
BIJLAGE_MAX_BYTES = 5 * 1024 * 1024
#: What a document may be, recognised by its first bytes ("magic bytes"), not by its name.
SOORTEN = {
    "application/pdf": (b"%PDF-", ".pdf"),
    "image/jpeg": (b"\xff\xd8\xff", ".jpg"),
    "image/png": (b"\x89PNG\r\n\x1a\n", ".png"),
}
ONDERWERP_MAX = 100
TEKST_MAX = 2000


def soort_van(begin: bytes) -> tuple[str, str] | None:
    """(MIME type, extension) from the file's first bytes, or None for anything else."""
    for soort, (magie, extensie) in SOORTEN.items():
        if begin.startswith(magie):
            return soort, extensie
    return None


def _zonder_stuurtekens(tekst: str) -> str:
    return "".join(t for t in tekst if t in "\n\t" or (ord(t) >= 0x20 and ord(t) != 0x7F))


class BerichtForm(forms.Form):
    onderwerp = forms.CharField(
        label=_("Onderwerp"),
        max_length=ONDERWERP_MAX,
        error_messages={"required": _("Schrijf waar uw bericht over gaat.")},
    )
    tekst = forms.CharField(
        label=_("Uw bericht"),
        max_length=TEKST_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Schrijf uw bericht.")},
    )
    bijlage = forms.FileField(
        label=_("Document (niet verplicht)"),
        help_text=_("Een foto of PDF, bijvoorbeeld een briefje van de dokter. Hooguit 5 MB."),
        required=False,
    )

    def clean_onderwerp(self):
        return _zonder_stuurtekens(self.cleaned_data["onderwerp"]).strip()

    def clean_tekst(self):
        return _zonder_stuurtekens(self.cleaned_data["tekst"]).strip()

    def clean_bijlage(self):
        bestand = self.cleaned_data.get("bijlage")
        self.bijlage_inhoud = None
        if not bestand:
            return None
        if bestand.size > BIJLAGE_MAX_BYTES:
            raise forms.ValidationError(
                _("Dit bestand is te groot. Het mag hooguit 5 MB zijn."), code="te_groot"
            )
        inhoud = bestand.read(BIJLAGE_MAX_BYTES + 1)
        if len(inhoud) > BIJLAGE_MAX_BYTES:
            raise forms.ValidationError(
                _("Dit bestand is te groot. Het mag hooguit 5 MB zijn."), code="te_groot"
            )
        herkend = soort_van(inhoud[:16])
        if herkend is None:
            raise forms.ValidationError(
                _("Dit soort bestand kan niet. Stuur een foto (JPG of PNG) of een PDF."),
                code="soort",
            )
        self.bijlage_inhoud = inhoud
        self.bijlage_soort, self.bijlage_extensie = herkend
        naam = Path(bestand.name).stem
        veilig = "".join(t if t.isalnum() or t in "._- " else "_" for t in naam)[:100] or "document"
        self.bijlage_naam = f"{veilig}{self.bijlage_extensie}"
        return bestand
