from django.urls import path

from . import views

app_name = "procedures"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("<slug:slug>/", views.procedure_detail, name="detail"),
]
