"""The project's URLs plus a view that fails on what the client sent, as a real bug would."""

from django.http import HttpResponse
from django.urls import path

from openinburgering.accounts.models import User
from openinburgering.urls import handler400, handler403, handler404, handler500  # noqa: F401
from openinburgering.urls import urlpatterns as project_urls


def zoek(request):
    # Django's UUIDField raises ValidationError(“<the input>” is not a valid UUID): the message
    # quotes the input.
    return HttpResponse(str(User.objects.filter(uuid=request.GET.get("id", "")).exists()))


urlpatterns = [*project_urls, path("zoek-op-id/", zoek)]
