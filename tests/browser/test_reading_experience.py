"""The reading page in real Chromium: popups, pinyin modes, scripts, keyboard, phone, pages, languages."""

import re

import pytest
from playwright.sync_api import expect

from corpus.models import Article
from glossary.models import Term
from glossary.services import term_save

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RIVER = "河边的早晨\n\n这条河里的鱼很多，银行旁边就是码头。\n\n老人每天早上都来河边散步，顺便看看水里的鱼。\n"


def word_with(page, chars: str):
    """The first word on the page whose characters start with ``chars``."""
    return page.locator(".w").filter(has_text=chars).first


def test_hovering_a_word_shows_its_pinyin_and_definition_in_a_popup(live_server, page, make_article):
    article = make_article(RIVER)
    page.goto(live_server.url + article.get_absolute_url())
    assert page.locator(".reading rt").count() == 0  # default mode: pinyin in the popup
    word_with(page, "银行").hover()
    popup = page.locator("#word-popup")
    expect(popup).to_be_visible()
    assert "yín háng" in popup.inner_text() and "bank" in popup.inner_text()
    assert "銀行" in popup.inner_text()  # both scripts


def test_other_features_can_add_buttons_to_an_open_popup(live_server, page, make_article):
    article = make_article(RIVER)
    page.add_init_script(
        """document.addEventListener("yuedu:popup-open", (e) => {
             const b = document.createElement("button"); b.textContent = "Save " + e.detail.word.textContent;
             e.detail.popup.querySelector(".popup-actions").appendChild(b);
           });"""
    )
    page.goto(live_server.url + article.get_absolute_url())
    word_with(page, "码头").click()
    expect(page.locator("#word-popup .popup-actions")).to_contain_text("Save 码头")


def test_ruby_mode_puts_pinyin_above_every_character(live_server, page, make_article):
    article = make_article(RIVER)
    page.goto(live_server.url + article.get_absolute_url() + "?pinyin=ruby")
    fish = word_with(page, "鱼")
    assert fish.locator("rt").all_inner_texts() == ["yú"]
    char_box = fish.locator("ruby").first.bounding_box()
    rt_box = fish.locator("rt").first.bounding_box()
    assert rt_box["y"] + rt_box["height"] <= char_box["y"] + char_box["height"] / 2


def test_pinyin_off_hides_it_until_the_reader_asks(live_server, page, make_article):
    article = make_article(RIVER)
    page.goto(live_server.url + article.get_absolute_url() + "?pinyin=off")
    word_with(page, "银行").click()
    popup = page.locator("#word-popup")
    expect(popup).to_be_visible()
    assert "yín" not in popup.inner_text() and "bank" in popup.inner_text()
    popup.get_by_role("button", name="Show pinyin").click()
    expect(popup).to_contain_text("yín háng")


def test_switching_script_changes_the_characters_and_keeps_the_popups_right(live_server, page, make_article):
    article = make_article(RIVER)
    page.goto(live_server.url + article.get_absolute_url() + "?pinyin=ruby")

    def shown():
        rubies = page.locator(".passage").first.locator("ruby")
        return "".join(rubies.evaluate_all("rs => rs.map(r => r.firstChild.textContent)"))

    assert shown().startswith("这条河里的鱼")
    page.get_by_text("Reading settings").click()
    page.get_by_label("Characters").select_option("tw")
    page.wait_for_url("**script=tw**")
    assert shown().startswith("這條河裡的魚")
    river_word = page.locator(".w").filter(has=page.locator("ruby", has_text="裡")).first
    assert river_word.locator("rt").all_inner_texts() == ["hé", "lǐ"]
    page.locator(".w").filter(has=page.locator("ruby", has_text="銀")).first.hover()
    popup = page.locator("#word-popup")
    expect(popup).to_contain_text("yín háng")
    expect(popup).to_contain_text("bank")
    page.screenshot(path=_artifact("script_tw_popup.png"))


def test_keyboard_reaches_words_in_order_and_the_popup_and_back(live_server, page, make_article):
    term_save(term=Term(slug="ma-tou", simplified="码头", pinyin="mǎ tóu", english="wharf", explanation="A pier."))
    article = make_article(RIVER)
    page.goto(live_server.url + article.get_absolute_url())
    words = page.locator(".reading .w")
    words.first.focus()
    popup = page.locator("#word-popup")
    expect(popup).to_be_visible()
    assert words.first.get_attribute("aria-describedby") == "word-popup"
    first_text = words.first.inner_text()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == words.nth(1).inner_text() != first_text
    term = page.locator(".w.term").first
    term.focus()
    expect(popup).to_contain_text("wharf")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == "More about this term"
    page.keyboard.press("Escape")
    expect(popup).to_be_hidden()
    assert page.evaluate("document.activeElement.textContent") == "码头"


def test_a_phone_reader_taps_a_word_at_360_pixels(live_server, browser, make_article):
    article = make_article(RIVER)
    phone = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True}
    context = browser.new_context(**phone, locale="en-US")
    page = context.new_page()
    page.goto(live_server.url + article.get_absolute_url())
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    word_with(page, "散步").tap()
    popup = page.locator("#word-popup")
    expect(popup).to_be_visible()
    assert "walk" in popup.inner_text()
    box = popup.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    page.screenshot(path=_artifact("phone_360_tap.png"), full_page=True)
    page.locator("h1").tap()
    expect(popup).to_be_hidden()
    context.close()


def test_a_long_text_is_read_page_by_page(live_server, page, make_article):
    paragraph = "老人每天早上都来河边散步，顺便看看水里的鱼，再和邻居聊几句家常。" * 15
    text = "很长的散步记\n\n" + "\n\n".join(f"第{n}天：{paragraph}" for n in range(1, 13)) + "\n"
    article = make_article(text)
    page.goto(live_server.url + article.get_absolute_url())
    pages = page.get_by_role("navigation", name="Pages")
    expect(pages.locator('[aria-current="page"]')).to_have_text("1")
    first_ids = page.locator(".passage").evaluate_all("ps => ps.map(p => p.id)")
    pages.get_by_role("link", name="Next page").click()
    page.wait_for_url("**page=2**")
    second_ids = page.locator(".passage").evaluate_all("ps => ps.map(p => p.id)")
    assert second_ids and not set(first_ids) & set(second_ids)
    assert page.locator(".passage").first.inner_text().startswith("第")  # a whole passage starts the page
    word_with(page, "散步").hover()
    expect(page.locator("#word-popup")).to_contain_text("sàn bù")


def test_the_interface_in_chinese(live_server, page, make_article):
    article = make_article(RIVER)
    page.goto(live_server.url + article.get_absolute_url())
    page.get_by_role("button", name="简体中文").click()
    page.wait_for_url(f"**{article.get_absolute_url()}")
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    expect(page.get_by_text("阅读设置")).to_be_visible()
    expect(page.locator(".site-footer")).to_contain_text("释义来自")
    word_with(page, "码头").click()
    expect(page.locator("#word-popup")).to_contain_text("wharf")
    page.screenshot(path=_artifact("interface_chinese.png"))
    page.get_by_role("button", name="English").click()
    expect(page.get_by_text("Reading settings")).to_be_visible()


def test_xss_and_glossary_markup_in_an_article_render_as_text(live_server, page, make_article):
    term_save(term=Term(slug="ping-an-jian-she", simplified="平安建设", english="<b>safe</b> society",
                        explanation='<img src=x onerror="window.pwned=1">Keeping order.'))
    payload = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>'
    article = make_article(f"{payload}标题\n\n平安建设很重要{payload}。\n")
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(live_server.url + article.get_absolute_url())
    assert page.get_by_role("heading", level=1).inner_text() == f"{payload}标题"
    assert payload in page.locator(".passage").first.inner_text()
    term = page.locator(".w.term").first
    term.hover()
    popup = page.locator("#word-popup")
    expect(popup).to_contain_text("<b>safe</b> society")
    expect(popup).to_contain_text('<img src=x onerror="window.pwned=1">Keeping order.')
    assert page.evaluate("window.pwned") is None and dialogs == []
    assert page.locator(".reading img, #word-popup img, .reading b").count() == 0


def test_settings_are_remembered_in_the_browser_for_anonymous_readers(live_server, page, make_article):
    article = make_article(RIVER)
    page.goto(live_server.url + article.get_absolute_url())
    page.get_by_text("Reading settings").click()
    page.get_by_label("Text size").select_option("xl")
    page.get_by_label("Tone colours").check()
    reading = page.locator("article.reading")
    expect(reading).to_have_class(re.compile(r"size-xl.*tones|tones.*size-xl"))
    fish = word_with(page, "鱼").locator("[data-tone]").first
    assert fish.get_attribute("data-tone") == "2"
    page.get_by_label("Pinyin").select_option("ruby")
    page.wait_for_url("**pinyin=ruby**")
    page.goto(live_server.url + article.get_absolute_url())  # the plain URL again
    page.wait_for_url("**pinyin=ruby**")
    expect(page.locator("article.reading")).to_have_class(re.compile("size-xl"))
    assert word_with(page, "鱼").locator("rt").inner_text() == "yú"


def test_settings_are_remembered_for_a_signed_in_reader(live_server, page, make_article, django_user_model):
    django_user_model.objects.create_user("reader", password="a-long-reader-password")
    article = make_article(RIVER)
    page.goto(live_server.url + "/accounts/login/?next=" + article.get_absolute_url())
    page.fill("#id_username", "reader")
    page.fill("#id_password", "a-long-reader-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**{article.get_absolute_url()}")
    page.get_by_text("Reading settings").click()
    with page.expect_response("**/preferences/") as saved:
        page.get_by_label("Line spacing").select_option("loose")
    assert saved.value.ok
    other = make_article("另一篇\n\n今天天气很好。\n", status=Article.Status.PUBLISHED)
    page.goto(live_server.url + other.get_absolute_url())
    expect(page.locator("article.reading")).to_have_class(re.compile("spacing-loose"))


def test_read_aloud_controls_exist_only_with_a_chinese_voice(live_server, page, make_article):
    article = make_article(RIVER)
    page.goto(live_server.url + article.get_absolute_url())
    page.wait_for_timeout(500)  # voices load asynchronously
    has_voice = page.evaluate(
        "'speechSynthesis' in window && speechSynthesis.getVoices().some(v => /^(zh|cmn)/i.test(v.lang))"
    )
    word_with(page, "银行").click()
    expect(page.locator("#word-popup")).to_be_visible()
    listen = page.locator("#word-popup").get_by_role("button", name="Listen")
    if has_voice:
        assert page.locator(".passage .speak").count() == page.locator(".passage").count()
        assert listen.count() == 1
    else:
        assert page.locator(".speak").count() == 0
        assert listen.count() == 0


def _artifact(name):
    from tests.browser.conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name
