from django.urls import path, re_path

from openinburgering.cijfers import views

app_name = "cijfers"
urlpatterns = [
    path("cijfers/", views.dashboard, name="dashboard"),
    path("cijfers/bijwerken/", views.bijwerken, name="bijwerken"),
    # A page and a section are names from a fixed set, a gemeente code is public: no objects,
    # so no uuid (ui/tests/test_toegang.py); patterns, not converters, say what fits.
    re_path(r"^cijfers/(?P<pagina>[a-z-]+)/$", views.dashboard, name="pagina"),
    re_path(
        r"^cijfers/export/(?P<sectie>[a-z_-]+)\.(?P<formaat>[a-z]+)$", views.export, name="export"
    ),
    # Public, without login: aggregate figures only, suppressed (R78, R79).
    re_path(r"^raadsinformatie/(?P<code>[0-9]{4})/$", views.raad, name="raad"),
    re_path(r"^raadsinformatie/(?P<code>[0-9]{4})/pdf/$", views.raad_pdf, name="raad_pdf"),
]
