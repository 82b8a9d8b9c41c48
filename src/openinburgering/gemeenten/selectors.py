from .models import Lidmaatschap


def lidmaatschap_list(*, user):
    if not user.is_authenticated:
        return Lidmaatschap.objects.none()
    return (
        Lidmaatschap.objects.filter(user=user).select_related("gemeente").order_by("gemeente__naam")
    )
