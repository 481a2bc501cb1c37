from django.urls import path

from reader import views

app_name = "reader"
urlpatterns = [
    path("", views.article_list, name="articles"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("passages/<int:pk>/reading/", views.passage_reading_correct, name="passage-reading"),
    path("preferences/", views.preferences_save, name="preferences"),
]
