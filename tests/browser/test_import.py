from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import expect

from corpus.models import Article
from tests.browser.conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEWS = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "scraped-news.html"


def test_a_teacher_uploads_previews_restores_a_line_publishes_and_reads(
    live_server, page, django_user_model, tmp_path
):
    teacher = django_user_model.objects.create_user("teacher", password="a-long-teacher-password")
    teacher.user_permissions.add(Permission.objects.get(codename="add_article", content_type__app_label="corpus"))
    saved_page = tmp_path / "qingshi.html"
    saved_page.write_bytes(NEWS.read_text(encoding="utf-8").encode("gb18030"))  # as a mainland site serves it

    page.goto(live_server.url + "/accounts/login/?next=/texts/")
    page.fill("#id_username", "teacher")
    page.fill("#id_password", "a-long-teacher-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/texts/")
    page.set_input_files("#id_file", str(saved_page))
    page.get_by_role("button", name="Preview").click()

    page.wait_for_url("**/texts/drafts/**")
    expect(page.locator("#draft-title")).to_have_value("青石镇老街完成改造 居民回迁过上新生活")
    expect(page.locator(".draft-facts")).to_contain_text("GB18030")
    expect(page.locator(".draft-facts")).to_contain_text("周晓林")
    related = page.locator("tr", has_text="清河县启动第二批老旧街区改造")
    expect(related).to_contain_text("related links")
    footer = page.locator("tr", has_text="版权所有")
    expect(footer).to_contain_text("copyright notice")
    assert not related.get_by_role("checkbox").is_checked()

    related.get_by_role("checkbox").check()  # the teacher restores one dropped line
    page.fill("#draft-title", "老街的新生活")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "import-preview.png", full_page=True)
    page.get_by_role("button", name="Publish").click()

    article = Article.objects.get()
    page.wait_for_url(f"**{article.get_absolute_url()}")
    expect(page.locator("h1")).to_have_text("老街的新生活")
    passages = page.evaluate(
        """() => Array.from(document.querySelectorAll('.passage')).map(p => {
             const copy = p.cloneNode(true);
             copy.querySelectorAll('rt').forEach(rt => rt.remove());
             return [p.tagName, copy.textContent.trim()];
           })"""
    )
    texts = [text for _, text in passages]
    assert "清河县启动第二批老旧街区改造" in texts
    assert not any("版权所有" in text or "ICP" in text for text in texts)
    assert ["H2", "一、居民：房子还是原来的房子"] in passages
    assert texts[0].startswith("五月的青石镇") and "梁柱" in texts[1]
    word = page.locator(".w").filter(has_text="镇").first  # pinyin is in the popup by default, not in <rt>
    word.hover()
    popup = page.locator("#word-popup")
    expect(popup).to_be_visible()
    expect(popup).to_contain_text("zhèn")
