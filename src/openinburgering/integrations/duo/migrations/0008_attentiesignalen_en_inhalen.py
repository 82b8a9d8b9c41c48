from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("duo", "0007_werkitem_pip_ontbreekt"),
    ]

    operations = [
        migrations.AddField(
            model_name="notificatie",
            name="ingehaald",
            field=models.BooleanField(default=False, verbose_name="ingehaald"),
        ),
        migrations.AlterField(
            model_name="werkitem",
            name="soort",
            field=models.CharField(
                choices=[
                    ("persoonsgegevens_aanvullen", "Persoonsgegevens aanvullen"),
                    ("brede_intake", "Brede intake plannen"),
                    ("pip_termijn", "PIP vaststellen binnen 10 weken"),
                    ("pip_nieuwe_gemeente", "Nieuw PIP na verhuizing"),
                    ("leerroute_hervatten", "Leerroute hervatten"),
                    ("pip_ontbreekt", "PIP ontbreekt"),
                    ("doelgroep_gewijzigd", "Doelgroep gewijzigd"),
                    ("aow_leeftijd", "AOW-leeftijd nadert"),
                    ("lbt_uitslag", "Uitslag leerbaarheidstoets"),
                    ("termijn_verlengd", "Inburgeringstermijn verlengd"),
                    ("besluit_duo", "Besluit van DUO"),
                    ("plicht_gepauzeerd", "Plicht gepauzeerd"),
                    ("vertrokken", "Vertrokken: gegevens aanvullen en overdragen"),
                    ("leerroute_te_laat", "Termijn voor de leerroute verstreken"),
                    ("aanbod_ontbreekt", "Inburgeringsaanbod ontbreekt"),
                    ("opleidingscontract", "Opleidingscontract nakijken"),
                    ("advies_ontheffing", "Advies over ontheffing (BIO)"),
                    ("certificaat_zroute", "Certificaat Z-route uitreiken"),
                    ("opleiding_beeindigd", "Niet-vrijstellende opleiding beëindigd"),
                    ("duo_afwijzing", "Melding afgewezen door DUO"),
                    ("duo_niet_bezorgd", "Melding niet bezorgd bij DUO"),
                    ("duo_verschil", "Verschil met DUO"),
                    ("persoon_onbekend", "Persoon bekend bij DUO, niet bij ons"),
                    ("verwerking_mislukt", "Notificatie van DUO niet verwerkt"),
                ],
                max_length=40,
                verbose_name="soort",
            ),
        ),
    ]
