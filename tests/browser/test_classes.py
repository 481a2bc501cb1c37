"""User stories of classes and progress in real Chromium."""

import pytest
from playwright.sync_api import expect

from corpus.models import Article
from reader import classes, progress
from reader.models import PassageRead, SavedWord

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STORY = """小林的第一天

小林今天第一次去新学校上课。

老师请大家用中文介绍自己。

下课以后，同学们带他参观了图书馆。

放学的时候，他觉得这一天过得很快。
"""


def _sign_in(page, base, username, password, next_url="/"):
    page.goto(f"{base}/accounts/login/?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**{next_url}")


def test_a_learner_joins_reads_marks_and_undoes_and_the_teacher_sees_it(
    live_server, browser, page, make_article, django_user_model, roles
):
    teacher = django_user_model.objects.create_user("ms_wang", password="ms-wang-long-password")
    teacher.groups.add(roles["teacher"])
    classroom = classes.classroom_create(teacher=teacher, name="Beginners 1")
    article = make_article(STORY, owner=teacher, status=Article.Status.CLASSES)
    classes.assignment_create(classroom=classroom, article=article, teacher=teacher)
    passages = list(article.passages.order_by("position"))

    # The learner signs up with the join code her teacher gave her.
    page.goto(live_server.url + "/accounts/signup/")
    page.get_by_label("Username").fill("xiao_li")
    page.get_by_label("Email").fill("li@example.org")
    page.get_by_label("Password", exact=True).fill("xiao-li-long-password")
    page.get_by_label("Password confirmation").fill("xiao-li-long-password")
    page.get_by_label("Class join code").fill(classroom.join_code.lower())
    page.get_by_role("button", name="Sign up").click()
    page.wait_for_url("**/me/")
    expect(page.get_by_role("heading", name="Assigned to you")).to_be_visible()

    # She opens the assigned article from her dashboard.
    page.get_by_role("link", name=article.title).click()
    page.wait_for_url(f"**{article.get_absolute_url()}")
    buttons = page.locator(".mark-read")
    expect(buttons).to_have_count(len(passages))
    expect(buttons.first).to_be_enabled()

    # By click ...
    buttons.nth(0).click()
    expect(buttons.nth(0)).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#progress-status")).to_contain_text("1 of 4 passages read")
    # ... and by keyboard: Space and Enter on a focused button.
    buttons.nth(1).focus()
    page.keyboard.press("Space")
    expect(buttons.nth(1)).to_have_attribute("aria-pressed", "true")
    buttons.nth(2).focus()
    page.keyboard.press("Enter")
    expect(buttons.nth(2)).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#progress-status")).to_contain_text("3 of 4 passages read")
    # She undoes the first one.
    buttons.nth(0).click()
    expect(buttons.nth(0)).to_have_attribute("aria-pressed", "false")
    expect(buttons.nth(0)).to_have_text("Mark as read")
    expect(page.locator("#progress-status")).to_contain_text("Mark undone. 2 of 4")
    learner = django_user_model.objects.get(username="xiao_li")
    assert set(PassageRead.objects.filter(learner=learner).values_list("passage_id", flat=True)) == {
        passages[1].pk,
        passages[2].pk,
    }

    # The marks are there after a reload.
    page.reload()
    expect(buttons.nth(1)).to_have_attribute("aria-pressed", "true")
    expect(buttons.nth(0)).to_have_attribute("aria-pressed", "false")

    # She saves a word from its popup.
    library = page.locator(".w", has_text="图书馆").first
    library.click()
    page.locator("#word-popup").get_by_role("button", name="Save word").click()
    save = page.locator("#word-popup .popup-save")
    expect(save).to_have_text("Saved ✓")
    saved = SavedWord.objects.get(learner=learner)
    assert saved.simplified == "图书馆" and saved.sentence == "下课以后，同学们带他参观了图书馆。"

    # The teacher's dashboard shows it, down to the passages.
    teacher_page = browser.new_context(locale="en-US").new_page()
    _sign_in(teacher_page, live_server.url, "ms_wang", "ms-wang-long-password", classroom.get_absolute_url())
    cell = teacher_page.locator("table.matrix tbody tr", has_text="xiao_li").locator("td").first
    expect(cell).to_contain_text("50% (2/4)")
    teacher_page.get_by_role("link", name=article.title).first.click()
    rows = teacher_page.locator("table.passages-read tbody tr")
    expect(rows.nth(1)).to_contain_text("✓ read")
    expect(rows.nth(0)).not_to_contain_text("✓ read")
    teacher_page.screenshot(path=str(_artifact("teacher_passages.png")), full_page=True)
    teacher_page.context.close()


def test_auto_mark_marks_passages_that_stay_on_screen(live_server, page, make_article, django_user_model):
    learner = django_user_model.objects.create_user("reader", password="reader-long-password")
    progress.progress_settings_save(user=learner, auto_mark=True)
    article = make_article("短文\n\n今天晴天。\n\n我们去公园。\n")
    _sign_in(page, live_server.url, "reader", "reader-long-password", article.get_absolute_url())
    buttons = page.locator(".mark-read")
    # Short passages need the minimum time on screen (2 s); nothing is marked before.
    expect(buttons.nth(0)).to_have_attribute("aria-pressed", "false")
    expect(buttons.nth(0)).to_have_attribute("aria-pressed", "true", timeout=10_000)
    expect(buttons.nth(1)).to_have_attribute("aria-pressed", "true", timeout=10_000)
    # The buttons change at once; the rows arrive with the answers.
    for _ in range(50):
        if PassageRead.objects.filter(learner=learner).count() == 2:
            break
        page.wait_for_timeout(100)
    assert PassageRead.objects.filter(learner=learner).count() == 2


def _artifact(name):
    from tests.browser.conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name
