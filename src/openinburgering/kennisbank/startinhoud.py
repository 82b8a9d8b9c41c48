# ruff: noqa: E501  (prose: the sentences read better unbroken)
"""The kennisbank's first entries, written from the knowledge page the project started from.

That page (a Dutch knowledge page for gemeenten on inburgering: responsibilities, background,
tools, practice examples; kept outside the product) gave the topics; the texts below are our own
summaries, each with the public source it rests on and that source's date. The figures were
checked against the sources named (see docs/adr/0071). A data migration loads them in every
install; a beheerder maintains them from then on. Never read at run time from anywhere else.
"""

from datetime import date

ARTIKELEN = [
    {
        "slug": "wet-inburgering-2021-rol-gemeente",
        "titel": "Wet inburgering 2021: de regierol van de gemeente",
        "samenvatting": "Sinds 1 januari 2022 heeft de gemeente de regie: brede intake, PIP, "
        "leerroute, PVT, MAP, begeleiding en ontzorgen.",
        "tekst": (
            "Nieuwkomers moeten zo snel mogelijk volwaardig meedoen in de Nederlandse "
            "samenleving. Daarom is inburgering verplicht. Onder de Wet inburgering 2021 (in "
            "werking sinds 1 januari 2022) heeft de gemeente weer de regie.\n\n"
            "De gemeente voert de brede intake, stelt het persoonlijk plan inburgering en "
            "participatie (PIP) vast met een leerroute (B1-route, onderwijsroute of Z-route), "
            "biedt het participatieverklaringstraject (PVT) en de Module Arbeidsmarkt en "
            "Participatie (MAP) aan, begeleidt asielstatushouders maatschappelijk en ontzorgt hen "
            "financieel in de eerste maanden van de bijstand.\n\n"
            "De gemeente meldt de PIP, het aanbod, uren en PVT/MAP-resultaten aan DUO en levert elk "
            "kwartaal gegevens aan het CBS voor de Statistiek Wet Inburgering."
        ),
        "bron_titel": "Wet inburgering 2021 (Stb. 2021, 38), geconsolideerde tekst",
        "bron_url": "https://wetten.overheid.nl/BWBR0044770",
        "bron_datum": date(2022, 1, 1),
        "tags": "wet, regie, Wi2021, verantwoordelijkheden",
        "plaatsen": ["intake", "pip"],
        "regels": ["R80"],
    },
    {
        "slug": "wet-inburgering-2013-oude-gevallen",
        "titel": "Wet inburgering 2013: wat geldt voor oude gevallen",
        "samenvatting": "Wie vóór 2022 inburgeringsplichtig werd, valt onder de oude wet: zelf "
        "verantwoordelijk, met een lening van DUO; de gemeente begeleidt statushouders.",
        "tekst": (
            "Onder de Wet inburgering van 2013 (de wet uit 2007, zoals gewijzigd) zijn "
            "nieuwkomers zelf verantwoordelijk voor hun inburgering. Zij kunnen een lening van DUO "
            "krijgen en hebben drie jaar om het inburgeringsexamen te halen; wie op tijd slaagt, "
            "krijgt de lening (als asielstatushouder) kwijtgescholden.\n\n"
            "De gemeente had onder die wet alleen voor asielstatushouders een taak: "
            "maatschappelijke begeleiding, het participatieverklaringstraject en wegwijs maken in "
            "de gemeente en in de zorg. Deze wet blijft gelden voor wie er op 31 december 2021 "
            "onder viel; dit systeem houdt hen apart (regime Wi2013)."
        ),
        "bron_titel": "Wet inburgering (BWBR0020611), geldend voor oude gevallen",
        "bron_url": "https://wetten.overheid.nl/BWBR0020611",
        "bron_datum": date(2021, 12, 31),
        "tags": "Wi2013, overgangsrecht, lening, DUO",
        "plaatsen": ["intake", "handhaving"],
        "regels": [],
    },
    {
        "slug": "geld-begeleiding-en-pvt-wi2013",
        "titel": "Geld: € 2.370 per statushouder voor begeleiding en PVT (Wi2013)",
        "samenvatting": "Voor maatschappelijke begeleiding en het participatieverklaringstraject "
        "onder de Wi2013 kreeg de gemeente € 2.370 per statushouder.",
        "tekst": (
            "Onder de Wi2013 ontving de gemeente € 2.370 per inburgeringsplichtige "
            "asielstatushouder voor de maatschappelijke begeleiding, met daarin het "
            "participatieverklaringstraject, het wegwijs maken in de gemeente en in de "
            "Nederlandse gezondheidszorg.\n\n"
            "Het bedrag was eerder € 1.000; de verhoging met € 1.370 kwam uit het plan met het COA. "
            "Het is iets anders dan de € 4.430 per vergunninghouder voor integratie en participatie "
            "in bredere zin."
        ),
        "bron_titel": "VNG, € 2.370 maatschappelijke begeleiding versus € 4.430 per "
        "vergunninghouder: wat is het verschil?",
        "bron_url": "https://vng.nl/vragen-en-antwoorden/eu-2370-maatschappelijke-begeleiding-"
        "versus-eu-4430-integratie-participatie-etc-per-vergunninghouder-wat-is-het-verschil-0",
        "bron_datum": date(2020, 6, 3),
        "tags": "geld, financiering, begeleiding, PVT, Wi2013",
        "plaatsen": ["pvt"],
        "regels": [],
    },
    {
        "slug": "geld-structureel-35-miljoen",
        "titel": "Geld: structureel € 35,2 miljoen extra voor de nieuwe wet",
        "samenvatting": "Minister Koolmees en de VNG spraken in april 2020 structureel € 35,2 "
        "miljoen extra af voor de uitvoering van de Wi2021, plus incidenteel geld voor de invoering.",
        "tekst": (
            "Eind april 2020 bereikten minister Koolmees en de VNG overeenstemming over de nieuwe "
            "Wet inburgering. De regierol van de gemeente wordt sterker en er komt structureel € "
            "35,2 miljoen per jaar bij, zodat gemeenten de wet kunnen uitvoeren.\n\n"
            "Gemeenten hadden daarop aangedrongen omdat een onafhankelijk kostenonderzoek liet zien "
            "dat er meer geld nodig was. Daarnaast kwam er incidenteel geld voor de invoering van de "
            "wet. Het structurele bedrag gaat over de nieuwe wet, niet over de oude gevallen."
        ),
        "bron_titel": "Gemeente.nu, Akkoord over extra budget nieuw inburgeringsstelsel",
        "bron_url": "https://www.gemeente.nu/bedrijfsvoering/financien/akkoord-over-extra-budget-"
        "nieuw-inburgeringsstelsel/",
        "bron_datum": date(2020, 4, 30),
        "tags": "geld, financiering, VNG, akkoord",
        "plaatsen": [],
        "regels": [],
    },
    {
        "slug": "toolbox-participatieverklaring",
        "titel": "Toolbox Participatieverklaring (ProDemos)",
        "samenvatting": "ProDemos maakte in opdracht van SZW een toolbox voor het "
        "participatieverklaringstraject en de maatschappelijke begeleiding.",
        "tekst": (
            "ProDemos ontwikkelde in opdracht van het ministerie van SZW de Toolbox "
            "Participatieverklaring. Gemeenten en organisaties gebruiken haar bij de "
            "maatschappelijke begeleiding van statushouders en bij de workshops van het "
            "participatieverklaringstraject (vrijheid, gelijkwaardigheid, solidariteit, "
            "participatie).\n\n"
            "Alle onderdelen van de toolbox zijn te downloaden. Gebruik ze bij het plannen van "
            "PVT-bijeenkomsten en het kiezen van lesmateriaal."
        ),
        "bron_titel": "ProDemos, Toolbox Participatieverklaring",
        "bron_url": "https://prodemos.nl/",
        "bron_datum": date(2021, 1, 1),
        "tags": "PVT, participatieverklaring, lesmateriaal, ProDemos",
        "plaatsen": ["pvt"],
        "regels": [],
    },
    {
        "slug": "participatieverklaring-duo-rijksoverheid",
        "titel": "Het participatieverklaringstraject: wat de gemeente regelt",
        "samenvatting": "De gemeente is verantwoordelijk voor het PVT; de ondertekening meldt zij "
        "aan DUO, met een oordeel over verwijtbaarheid als het niet op tijd lukt.",
        "tekst": (
            "De gemeente voert het traject rond de participatieverklaring uit: workshops over de "
            "kernwaarden van de Nederlandse samenleving en de ondertekening van de verklaring.\n\n"
            "De datum van ondertekening, of het oordeel dat het niet op tijd lukte en of dat "
            "verwijtbaar is, gaat naar DUO. DUO en de Rijksoverheid geven uitleg over het traject "
            "en de uitvoering ervan."
        ),
        "bron_titel": "DUO, informatie over de participatieverklaring voor gemeenten",
        "bron_url": "https://www.duo.nl/zakelijk/inburgering-ketenpartners/",
        "bron_datum": date(2022, 1, 1),
        "tags": "PVT, participatieverklaring, DUO",
        "plaatsen": ["pvt", "handhaving"],
        "regels": [],
    },
    {
        "slug": "vng-divosa-duo-materiaal",
        "titel": "Materiaal van VNG, Divosa en DUO",
        "samenvatting": "Handreikingen voor de brede intake en het PIP (Divosa), achtergrond voor "
        "raadsleden (VNG) en de ketenpartnerpagina's van DUO.",
        "tekst": (
            "De VNG heeft veel achtergrond over inburgering en de rol van de gemeente, waaronder een "
            "introductie voor raadsleden en de stand van zaken. De Rijksoverheid heeft een "
            "onderwerpspagina Inburgering.\n\n"
            "Divosa schreef de Handreiking Brede intake en PIP en een vraag-en-antwoordreeks over de "
            "wet (doelgroep, financiën, handhaving). DUO beschrijft voor ketenpartners de "
            "leerbaarheidstoets, de koppeling en de gegevens die de gemeente meldt."
        ),
        "bron_titel": "Divosa, Handreiking Brede intake en PIP",
        "bron_url": "https://www.divosa.nl/handreiking-brede-intake-en-pip",
        "bron_datum": date(2021, 9, 1),
        "tags": "VNG, Divosa, DUO, handreiking, brede intake, PIP",
        "plaatsen": ["intake", "pip"],
        "regels": [],
    },
    {
        "slug": "handhaving-samenloop-sancties",
        "titel": "Handhaving: samenloop bij sanctioneren",
        "samenvatting": "Let bij een boete onder de Wi2021 op samenloop met maatregelen uit de "
        "Participatiewet; de VNG zet uiteen hoe dat zit.",
        "tekst": (
            "Werkt iemand niet mee aan de brede intake of het PIP, dan kan de gemeente een boete "
            "opleggen. Soms raakt hetzelfde gedrag ook de Participatiewet. De VNG legt uit hoe de "
            "gemeente dan kiest en hoe zij dubbel straffen voorkomt.\n\n"
            "De stappen in dit systeem (waarschuwing, voornemen met zienswijze, besluit) volgen de "
            "Algemene wet bestuursrecht; de regelcatalogus noemt de artikelen."
        ),
        "bron_titel": "VNG, Wet inburgering: samenloop bij sanctioneren",
        "bron_url": "https://vng.nl/artikelen/wet-inburgering-samenloop-bij-sanctioneren",
        "bron_datum": date(2022, 1, 1),
        "tags": "handhaving, boete, Participatiewet, samenloop",
        "plaatsen": ["handhaving"],
        "regels": ["R32"],
    },
    {
        "slug": "kennissessies",
        "titel": "Kennissessies van Divosa, DUO, SZW en VNG",
        "samenvatting": "Online kennissessies ter voorbereiding op en ondersteuning bij de "
        "regierol onder de nieuwe wet.",
        "tekst": (
            "Divosa, DUO, het ministerie van SZW en de VNG organiseren online kennissessies om "
            "gemeenten te helpen bij hun regierol onder de Wet inburgering 2021. Opnames en "
            "presentaties staan bij de organisatoren."
        ),
        "bron_titel": "Divosa, Wet inburgering: vraag en antwoord",
        "bron_url": "https://divosa.nl/publicaties/wet-inburgering-vraag-en-antwoord/financien/"
        "financien-algemeen",
        "bron_datum": date(2021, 6, 1),
        "tags": "kennissessie, leren, Divosa, DUO, SZW, VNG",
        "plaatsen": [],
        "regels": [],
    },
    {
        "slug": "praktijkvoorbeelden",
        "titel": "Inspiratie en praktijkvoorbeelden",
        "samenvatting": "Voorbeelden van andere gemeenten: de databank van de VNG, Platform31, "
        "de SER (Werkwijzer vluchtelingen) en VluchtelingenWerk.",
        "tekst": (
            "Wie wil zien hoe andere gemeenten het aanpakken, vindt voorbeelden in de "
            "praktijkvoorbeeldendatabank van de VNG, bij Platform31 (Inburgering & Integratie), in "
            "de initiatieven van de SER (Werkwijzer vluchtelingen) en bij VluchtelingenWerk.\n\n"
            "De startpagina van dit project noemde ook de aanpak van de gemeente Cuijk als "
            "voorbeeld."
        ),
        "bron_titel": "VNG, praktijkvoorbeelden",
        "bron_url": "https://vng.nl/",
        "bron_datum": date(2020, 6, 1),
        "tags": "praktijk, voorbeelden, inspiratie, VNG, Platform31, SER, VluchtelingenWerk",
        "plaatsen": [],
        "regels": [],
    },
    {
        "slug": "cbs-statistiek-wet-inburgering",
        "titel": "CBS: elk kwartaal leveren voor de Statistiek Wet Inburgering",
        "samenvatting": "Binnen 4 weken na elk kwartaal levert de gemeente (of haar berichtgever) "
        "gegevens aan het CBS via databestanden.cbs.nl.",
        "tekst": (
            "Het CBS verzamelt voor het ministerie van SZW gegevens over de uitvoering van de Wet "
            "inburgering 2021. Na afloop van elk kwartaal levert elke gemeente, of de berichtgever "
            "die voor haar levert, binnen 4 weken de gegevens over dat kwartaal aan via het "
            "uploadportaal van het CBS.\n\n"
            "Niet elk kenmerk is verplicht: wat nog niet gevuld kan worden of niet van toepassing "
            "is, blijft leeg. In dit systeem stelt de beleidsmedewerker of functioneel beheerder "
            "het bestand samen onder Beheer › Levering CBS."
        ),
        "bron_titel": "CBS, Wet Inburgering (deelnemers enquêtes, decentrale overheden)",
        "bron_url": "https://www.cbs.nl/nl-nl/deelnemers-enquetes/decentrale-overheden/overzicht/"
        "wet-inburgering",
        "bron_datum": date(2023, 1, 1),
        "tags": "CBS, SWI, statistiek, kwartaal",
        "plaatsen": [],
        "regels": ["R80", "R81", "R82"],
    },
]


def laden(artikel_model) -> int:
    """Add the entries whose slug is not there yet (the data migration, and tests after a flush).

    ``artikel_model`` is the historical model in a migration, ``Artikel`` elsewhere."""
    bestaand = set(artikel_model.objects.values_list("slug", flat=True))
    nieuw = [artikel_model(**velden) for velden in ARTIKELEN if velden["slug"] not in bestaand]
    artikel_model.objects.bulk_create(nieuw)
    return len(nieuw)
