from django.urls import path

from openinburgering.cijfers import views

app_name = "cijfers"
urlpatterns = [
    path("cijfers/", views.dashboard, name="dashboard"),
    path("cijfers/bijwerken/", views.bijwerken, name="bijwerken"),
    path("cijfers/<slug:pagina>/", views.dashboard, name="pagina"),
    path("cijfers/export/<slug:sectie>.<str:formaat>", views.export, name="export"),
    # Public, without login: aggregate figures only, suppressed (R78, R79).
    path("raadsinformatie/<str:code>/", views.raad, name="raad"),
    path("raadsinformatie/<str:code>/pdf/", views.raad_pdf, name="raad_pdf"),
]
