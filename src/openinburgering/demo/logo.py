"""A made-up logo for the demo gemeente, drawn on the fly (no image file, no real emblem)."""

from io import BytesIO


def demologo(naam: str) -> bytes:
    """A PNG word mark: a blue block with three waves and "Gemeente <naam>" beside it."""
    from PIL import Image, ImageDraw, ImageFont

    from openinburgering.brieven.lettertypen import LETTERTYPEN, _ttf

    vet = next(lt for lt in LETTERTYPEN if lt.familie == "OI Brief Latin" and lt.gewicht == 700)
    font = ImageFont.truetype(str(_ttf(vet)), 44)
    klein = ImageFont.truetype(str(_ttf(vet)), 26)
    beeld = Image.new("RGB", (720, 160), "white")
    teken = ImageDraw.Draw(beeld)
    teken.rounded_rectangle((0, 10, 140, 150), radius=18, fill=(0, 82, 155))
    for y in (55, 85, 115):
        teken.arc((12, y - 20, 72, y + 20), 200, 340, fill="white", width=7)
        teken.arc((68, y - 20, 128, y + 20), 200, 340, fill="white", width=7)
    teken.text((170, 30), "Gemeente", font=klein, fill=(0, 82, 155))
    teken.text((168, 62), naam, font=font, fill=(0, 40, 80))
    uit = BytesIO()
    beeld.save(uit, format="PNG")
    return uit.getvalue()
