from .models import Gemeente, Lidmaatschap


def lidmaatschap_list(*, user):
    if not user.is_authenticated:
        return Lidmaatschap.objects.none()
    return (
        Lidmaatschap.objects.filter(user=user).select_related("gemeente").order_by("gemeente__naam")
    )


def actieve_gemeente_get(*, actor) -> Gemeente:
    """A fresh read of the actor's own active gemeente; there is no way to ask for another."""
    return Gemeente.objects.get(pk=actor.gemeente.pk)
