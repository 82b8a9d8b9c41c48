# Only the ASCII digits 0-9 in a gemeentecode and an OIN (issue 15): a regex "\\d" also
# matches the digits of other scripts.

import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('gemeenten', '0004_gemeente_logo'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='gemeente',
            name='gemeente_code_4_cijfers',
        ),
        migrations.RemoveConstraint(
            model_name='gemeente',
            name='gemeente_oin_20_cijfers',
        ),
        migrations.AlterField(
            model_name='gemeente',
            name='code',
            field=models.CharField(max_length=4, unique=True, validators=[django.core.validators.RegexValidator('^[0-9]{4}$', 'Een gemeentecode bestaat uit 4 cijfers.')], verbose_name='gemeentecode'),
        ),
        migrations.AlterField(
            model_name='gemeente',
            name='oin',
            field=models.CharField(max_length=20, unique=True, validators=[django.core.validators.RegexValidator('^[0-9]{20}$', 'Een OIN bestaat uit 20 cijfers.')], verbose_name='OIN'),
        ),
        migrations.AddConstraint(
            model_name='gemeente',
            constraint=models.CheckConstraint(condition=models.Q(('code__regex', '^[0-9]{4}$')), name='gemeente_code_4_cijfers'),
        ),
        migrations.AddConstraint(
            model_name='gemeente',
            constraint=models.CheckConstraint(condition=models.Q(('oin__regex', '^[0-9]{20}$')), name='gemeente_oin_20_cijfers'),
        ),
    ]
