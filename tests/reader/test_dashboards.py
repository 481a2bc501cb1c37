import csv
import io

from reader import progress
from reader.reports import class_progress


def test_learner_dashboard_shows_articles_in_progress_and_where_to_continue(client, school):
    client.force_login(school["learner_a"])
    html = client.get("/me/").content.decode()
    article = school["for_class"]
    next_passage = article.passages.get(position=0)  # passage 1 is read, 0 is not
    assert f'href="{article.get_absolute_url()}#p-{next_passage.pk}"' in html
    assert "1 of 4 passages read (25%)" in html
    assert "Class 3B" in html  # assigned to her
    assert "Passages read per day" in html


def test_learner_dashboard_of_a_new_learner_points_to_the_articles(client, school):
    client.force_login(school["learner_b"])
    assert "not marked any passage read yet" in client.get("/me/").content.decode()


def test_class_matrix_counts_each_learner_and_article(school):
    classes_b = school["classroom"]
    from reader import classes

    classes.classroom_join(learner=school["learner_b"], code=classes_b.join_code)
    for passage in school["for_class"].passages.all():
        progress.passage_mark(learner=school["learner_b"], passage=passage, read=True)
    report = class_progress(classes_b)
    a, b, article = school["learner_a"].pk, school["learner_b"].pk, school["for_class"].pk
    assert (report.cell(a, article).read, report.cell(b, article).read) == (1, 4)
    assert report.article_share(article).share == 5 / 8
    assert report.cell(a, school["published"].pk).read == 0


def test_class_matrix_takes_a_fixed_number_of_queries(school, django_assert_num_queries):
    with django_assert_num_queries(4):  # learners, assignments, totals, reads
        class_progress(school["classroom"])


def test_teacher_sees_the_matrix_and_drills_down_to_a_learner_and_to_passages(client, school):
    client.force_login(school["owner"])
    classroom, article = school["classroom"], school["for_class"]
    html = client.get(classroom.get_absolute_url()).content.decode()
    assert 'data-read="1" data-total="4"' in html
    assert f"/classes/{classroom.pk}/learners/{school['learner_a'].pk}/" in html
    html = client.get(f"/classes/{classroom.pk}/learners/{school['learner_a'].pk}/").content.decode()
    assert "25% (1/4)" in html
    html = client.get(f"/classes/{classroom.pk}/articles/{article.pk}/").content.decode()
    assert html.count("✓ read") == 1
    assert "几位老人在柳树下" in html


def test_class_csv_has_one_row_per_learner_and_article(client, school):
    client.force_login(school["owner"])
    response = client.get(f"/classes/{school['classroom'].pk}/progress.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["learner", "article", "due date", "passages read", "passages", "share read"]
    assert ["learner_a", "河边的早晨", "", "1", "4", "0.25"] in rows
    assert len(rows) == 3


def test_class_csv_neutralises_spreadsheet_formulas(client, school, django_user_model):
    from reader import classes

    sneaky = django_user_model.objects.create_user("-cmd")
    classes.classroom_join(learner=sneaky, code=school["classroom"].join_code)
    client.force_login(school["owner"])
    text = client.get(f"/classes/{school['classroom'].pk}/progress.csv").content.decode("utf-8-sig")
    assert "'-cmd" in text


def test_the_library_shows_each_articles_progress_and_filters_unread(client, school):
    client.force_login(school["learner_a"])
    html = client.get("/").content.decode()
    assert "1 of 4 passages read" in html
    unread = client.get("/?unread=1").content.decode()
    assert school["for_class"].title not in unread and school["published"].title in unread
    client.logout()
    assert "passages read" not in client.get("/").content.decode()
