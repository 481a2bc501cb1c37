from django.urls import path

from glossary import views

app_name = "glossary"
urlpatterns = [
    path("", views.term_index, name="index"),
    path("<slug:slug>/", views.term_detail, name="term"),
]
