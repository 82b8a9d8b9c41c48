"""The project's URLs plus one view that fails, to see the 500 page as a user would."""

from django.urls import path

from openinburgering.urls import handler400, handler403, handler404, handler500  # noqa: F401
from openinburgering.urls import urlpatterns as project_urls


def kapot(request):
    raise RuntimeError("bewust kapot voor de test")


urlpatterns = [*project_urls, path("kapot/", kapot)]
