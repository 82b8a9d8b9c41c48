import factory

from openinburgering.accounts.models import User

WACHTWOORD = "een-lang-testwachtwoord"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"medewerker{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Medewerker {n}")
    email = factory.Sequence(lambda n: f"medewerker{n}@gemeente.example")
    password = factory.PostGenerationMethodCall("set_password", WACHTWOORD)

    @factory.post_generation
    def _opslaan(self, create, extracted, **kwargs):
        if create:
            self.save()
