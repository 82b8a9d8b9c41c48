import factory

from openinburgering.gemeenten.models import Gemeente


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{(n % 9000) + 1000:04d}")
    naam = factory.Sequence(lambda n: f"Testgemeente {n}")
    oin = factory.Sequence(lambda n: f"{n:020d}")
