from django.http import Http404

from .models import ApiToken, Gemeente, Lidmaatschap


def lidmaatschap_list(*, user):
    if not user.is_authenticated:
        return Lidmaatschap.objects.none()
    return (
        Lidmaatschap.objects.filter(user=user).select_related("gemeente").order_by("gemeente__naam")
    )


def actieve_gemeente_get(*, actor) -> Gemeente:
    """A fresh read of the actor's own active gemeente; there is no way to ask for another."""
    return Gemeente.objects.get(pk=actor.gemeente.pk)


def apitoken_list(*, actor):
    """The API tokens of the actor's own gemeente (no keys: only their hashes are stored)."""
    return ApiToken.objects.filter(gemeente=actor.gemeente).order_by("-aangemaakt_op", "-id")


def apitoken_get(*, actor, uuid) -> ApiToken:
    try:
        return ApiToken.objects.get(gemeente=actor.gemeente, uuid=uuid)
    except (ApiToken.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
