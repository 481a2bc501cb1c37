import pytest
from playwright.sync_api import expect

from corpus.models import ReadingCorrection

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_teacher_corrects_a_reading_in_her_article(live_server, page, make_article, django_user_model):
    teacher = django_user_model.objects.create_user("teacher", password="a-long-teacher-password")
    article = make_article("简报\n\n这条路很长。\n", owner=teacher)

    page.goto(live_server.url + "/accounts/login/?next=" + article.get_absolute_url())
    page.fill("#id_username", "teacher")
    page.fill("#id_password", "a-long-teacher-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**{article.get_absolute_url()}")
    page.goto(live_server.url + article.get_absolute_url() + "?pinyin=ruby")

    word = page.locator(".w").filter(has=page.locator("ruby", has_text="长")).first
    before = word.locator("rt").inner_text()
    word.click()
    page.get_by_role("button", name="Correct the reading here").click()
    form = page.locator("#correct-reading")
    form.wait_for(state="visible")
    field = form.get_by_label("Correct reading of")
    assert field.input_value() == before
    field.fill("chang2")  # numbers instead of tone marks: refused with a message
    form.get_by_role("button", name="Save").click()
    expect(form.locator(".correct-error")).to_contain_text("tone marks")
    field.fill("cháng")
    form.get_by_role("button", name="Save").click()
    form.wait_for(state="hidden")
    expect(word.locator("rt")).to_have_text("cháng")

    page.reload()
    word = page.locator(".w").filter(has=page.locator("ruby", has_text="长")).first
    assert word.locator("rt").inner_text() == "cháng"
    assert ReadingCorrection.objects.get().pinyin == ["cháng"]


def test_a_learner_is_not_offered_corrections(live_server, page, make_article, django_user_model):
    django_user_model.objects.create_user("learner", password="a-long-learner-password")
    article = make_article("简报\n\n这条路很长。\n")
    page.goto(live_server.url + "/accounts/login/?next=" + article.get_absolute_url())
    page.fill("#id_username", "learner")
    page.fill("#id_password", "a-long-learner-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**{article.get_absolute_url()}")
    page.locator(".w").first.click()
    page.locator("#word-popup").wait_for(state="visible")
    assert page.get_by_role("button", name="Correct the reading here").count() == 0
