from django.urls import path

from corpus import views

app_name = "corpus"
urlpatterns = [
    path("", views.texts, name="texts"),
    path("drafts/<uuid:pk>/", views.draft_detail, name="draft"),
    path("drafts/<uuid:pk>/encoding/", views.draft_encoding, name="draft-encoding"),
    path("<int:pk>/edit/", views.article_edit, name="edit"),
    path("<int:pk>/progress/", views.article_progress, name="progress"),
]
