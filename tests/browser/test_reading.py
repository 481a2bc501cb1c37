import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reader_opens_an_article_from_the_list_and_sees_pinyin_above_the_characters(live_server, page, make_article):
    article = make_article()
    page.goto(live_server.url + "/")
    page.get_by_role("link", name=article.title).click()
    page.wait_for_url(f"**/articles/{article.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == article.title
    page.get_by_text("Reading settings").click()
    page.get_by_label("Pinyin").select_option("ruby")
    page.wait_for_url(f"**/articles/{article.pk}/?pinyin=ruby*")

    bank = page.locator(".w").filter(has=page.locator("ruby", has_text="银")).first
    assert bank.locator("rt").all_inner_texts() == ["yín", "háng"]
    bank.hover()
    popup = page.locator("#word-popup")
    popup.wait_for(state="visible")
    assert "yín háng" in popup.inner_text() and "bank" in popup.inner_text()
    # The reading sits above its character, not beside it.
    char_box = bank.locator("ruby").first.bounding_box()
    rt_box = bank.locator("rt").first.bounding_box()
    assert rt_box["y"] + rt_box["height"] <= char_box["y"] + char_box["height"] / 2
    assert page.locator("h2.passage").count() == 1
