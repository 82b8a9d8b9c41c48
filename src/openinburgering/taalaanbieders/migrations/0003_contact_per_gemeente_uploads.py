"""Contact details per gemeente (issue 15: one gemeente's write changed every gemeente's), and
uploads read by a task (ADR 0055).

The old contact on the national register is kept for each gemeente that has a contract with the
school: those are the gemeenten that could see and use it.
"""

import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models


def contact_per_gemeente(apps, schema_editor):
    Instelling = apps.get_model("taalaanbieders", "Instelling")
    Contract = apps.get_model("taalaanbieders", "Contract")
    InstellingContact = apps.get_model("taalaanbieders", "InstellingContact")
    for instelling in Instelling.objects.exclude(contactpersoon="", email="", telefoon=""):
        gemeenten = set(
            Contract.objects.filter(instelling=instelling).values_list("gemeente_id", flat=True)
        )
        for gemeente_id in gemeenten:
            InstellingContact.objects.get_or_create(
                gemeente_id=gemeente_id,
                instelling=instelling,
                defaults={
                    "contactpersoon": instelling.contactpersoon,
                    "email": instelling.email,
                    "telefoon": instelling.telefoon,
                },
            )


class Migration(migrations.Migration):

    dependencies = [
        ('gemeenten', '0004_gemeente_logo'),
        ('taalaanbieders', '0002_aandachtspunt_teksten'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Urenupload',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('bestandsnaam', models.CharField(max_length=255, verbose_name='bestandsnaam')),
                ('inhoud', models.BinaryField(default=bytes)),
                ('status', models.CharField(choices=[('wacht', 'In de wachtrij'), ('bezig', 'Wordt gelezen en gecontroleerd'), ('gecontroleerd', 'Gecontroleerd, met fouten'), ('geimporteerd', 'Geïmporteerd'), ('geweigerd', 'Niet gelezen')], default='wacht', max_length=20, verbose_name='status')),
                ('melding', models.TextField(blank=True, verbose_name='melding')),
                ('aantal_regels', models.PositiveIntegerField(default=0)),
                ('aantal_geimporteerd', models.PositiveIntegerField(default=0)),
                ('goed', models.JSONField(blank=True, default=list)),
                ('fout', models.JSONField(blank=True, default=list)),
                ('aangemaakt_op', models.DateTimeField(auto_now_add=True)),
                ('afgerond_op', models.DateTimeField(blank=True, null=True)),
                ('geupload_door', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('instelling', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='uploads', to='taalaanbieders.instelling')),
            ],
            options={
                'verbose_name': 'upload met uren',
                'verbose_name_plural': 'uploads met uren',
                'ordering': ['-aangemaakt_op', '-id'],
            },
        ),
        migrations.CreateModel(
            name='InstellingContact',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('contactpersoon', models.CharField(blank=True, max_length=100, verbose_name='contactpersoon')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mailadres')),
                ('telefoon', models.CharField(blank=True, max_length=20, verbose_name='telefoonnummer')),
                ('gemeente', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='gemeenten.gemeente')),
                ('instelling', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='contacten', to='taalaanbieders.instelling')),
            ],
            options={
                'verbose_name': 'contact bij een cursusinstelling',
                'verbose_name_plural': 'contacten bij cursusinstellingen',
                'constraints': [models.UniqueConstraint(fields=('gemeente', 'instelling'), name='instellingcontact_een_per_gemeente')],
            },
        ),
        migrations.RunPython(contact_per_gemeente, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='instelling',
            name='contactpersoon',
        ),
        migrations.RemoveField(
            model_name='instelling',
            name='email',
        ),
        migrations.RemoveField(
            model_name='instelling',
            name='telefoon',
        ),
    ]
