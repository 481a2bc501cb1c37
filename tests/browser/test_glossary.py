import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTICLE = "平安工作简报\n\n今年全县的平安建设工作成效明显，群众安全感不断提升。\n"


def test_an_admin_adds_a_term_and_a_learner_sees_it_explained(live_server, browser, make_article, django_user_model):
    django_user_model.objects.create_superuser("admin", "admin@example.org", "a-long-admin-password")
    article = make_article(ARTICLE)
    learner = browser.new_context(locale="en-US").new_page()
    learner.goto(live_server.url + article.get_absolute_url() + "?pinyin=ruby")
    assert learner.locator(".w.term").count() == 0

    admin = browser.new_context(locale="en-US").new_page()
    admin.goto(live_server.url + "/admin/glossary/term/add/")
    admin.fill("#id_username", "admin")
    admin.fill("#id_password", "a-long-admin-password")
    admin.click("input[type=submit]")
    admin.fill("#id_simplified", "平安建设")
    admin.fill("#id_pinyin", "píng ān jiàn shè")
    admin.fill("#id_english", "Peaceful China initiative")
    admin.fill("#id_explanation", "A long-running national effort to keep society safe and orderly.")
    admin.select_option("#id_category", "governance")
    admin.click("input[name=_save]")
    assert "was added successfully" in admin.locator(".messagelist").inner_text()

    learner.reload()
    term = learner.locator(".w.term")
    assert term.count() == 1
    assert term.locator("rt").all_inner_texts() == ["píng", "ān", "jiàn", "shè"]
    term.hover()
    popup = learner.locator("#word-popup")
    popup.wait_for(state="visible")
    assert "Peaceful China initiative" in popup.inner_text()
    assert "keep society safe and orderly" in popup.inner_text()
    assert term.get_attribute("aria-describedby") == "word-popup"
    learner.screenshot(path=_artifact("glossary_term_popup.png"))
    popup.get_by_role("link", name="More about this term").click()
    learner.wait_for_url("**/glossary/ping-an-jian-she/")
    assert learner.get_by_role("heading", level=1).inner_text().startswith("平安建设")
    assert learner.locator(".occurrences a").first.inner_text() == "平安工作简报"


def test_keyboard_focus_opens_the_popup_and_escape_closes_it(live_server, page, make_article):
    article = make_article("简报\n\n银行工作很忙。\n")
    page.goto(live_server.url + article.get_absolute_url())
    page.keyboard.press("Tab")  # brand link
    while page.evaluate("document.activeElement.classList.contains('w')") is False:
        page.keyboard.press("Tab")
    popup = page.locator("#word-popup")
    popup.wait_for(state="visible")
    assert "yín háng" in popup.inner_text() and "bank" in popup.inner_text()
    page.keyboard.press("Escape")
    popup.wait_for(state="hidden")


def _artifact(name):
    from tests.browser.conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name
