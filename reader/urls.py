from django.urls import path

from reader import views

app_name = "reader"
urlpatterns = [
    path("", views.article_list, name="articles"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("passages/<int:pk>/reading/", views.passage_reading_correct, name="passage-reading"),
    path("preferences/", views.preferences_save, name="preferences"),
    # Accounts, classes, dashboards, saved words and the progress API (issue 6).
    path("accounts/signup/", views.signup, name="signup"),
    path("me/", views.learner_dashboard, name="dashboard"),
    path("me/settings/", views.progress_settings, name="progress-settings"),
    path("classes/", views.class_list, name="classes"),
    path("classes/join/", views.class_join, name="class-join"),
    path("classes/<int:pk>/", views.class_detail, name="class"),
    path("classes/<int:pk>/leave/", views.class_leave, name="class-leave"),
    path("classes/<int:pk>/assignments/", views.class_assign, name="class-assign"),
    path(
        "classes/<int:pk>/assignments/<int:assignment_pk>/delete/",
        views.assignment_delete,
        name="assignment-delete",
    ),
    path("classes/<int:pk>/members/<int:membership_pk>/delete/", views.member_remove, name="member-remove"),
    path("classes/<int:pk>/learners/<int:learner_pk>/", views.class_learner, name="class-learner"),
    path("classes/<int:pk>/articles/<int:article_pk>/", views.class_article, name="class-article"),
    path("classes/<int:pk>/progress.csv", views.class_export, name="class-export"),
    path("articles/<int:pk>/visibility/", views.article_visibility, name="article-visibility"),
    path("words/", views.word_list, name="words"),
    path("words/save/", views.word_save, name="word-save"),
    path("words/<int:pk>/delete/", views.word_delete, name="word-delete"),
    path("words/export.csv", views.word_export, name="words-export"),
    path("api/progress/", views.progress_mark, name="api-progress"),
    path("api/articles/<int:pk>/progress/", views.article_progress, name="api-article-progress"),
]
