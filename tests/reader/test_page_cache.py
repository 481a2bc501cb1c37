"""A cached page is never served after what it is made of has changed through the services."""

import re

from corpus import services
from glossary.models import Term
from glossary.services import term_delete, term_save

TEXT = "河流\n\n这条河很宽，银行旁边就是码头。\n"


def passages(html: str) -> str:
    """The passages' markup, ruby readings kept, word spans removed."""
    inner = "".join(re.findall(r'<p class="passage"[^>]*>(.*?)</p>', html))
    return re.sub(r"</?span[^>]*>", "", inner)


def test_a_correction_shows_on_the_next_view(client, make_article, django_user_model):
    owner = django_user_model.objects.create_user("owner")
    article = make_article(TEXT, owner=owner)
    url = article.get_absolute_url() + "?pinyin=ruby"
    assert "<ruby>行<rt>háng</rt></ruby>" in client.get(url).content.decode()
    passage = article.passages.get()
    services.reading_correct(
        passage=passage, offset=passage.text.index("银行"), text="银行", pinyin=["yín", "xíng"], author=owner
    )
    assert "<ruby>行<rt>xíng</rt></ruby>" in client.get(url).content.decode()


def test_a_new_or_deleted_glossary_term_shows_on_the_next_view(
    client, make_article, django_capture_on_commit_callbacks
):
    article = make_article(TEXT)
    assert "w term" not in client.get(article.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # the re-annotation runs after commit
        term = term_save(term=Term(slug="ma-tou", simplified="码头", pinyin="mǎ tóu", english="wharf"))
    html = client.get(article.get_absolute_url()).content.decode()
    assert "w term" in html and '"ma-tou"' in html
    with django_capture_on_commit_callbacks(execute=True):
        term_delete(term=Term.objects.get(pk=term.pk))
    assert "w term" not in client.get(article.get_absolute_url()).content.decode()


def test_each_script_and_mode_is_its_own_page(client, make_article):
    article = make_article("河流\n\n这条河里的鱼很多。\n")
    plain = passages(client.get(article.get_absolute_url()).content.decode())
    traditional = passages(client.get(article.get_absolute_url() + "?script=traditional").content.decode())
    ruby = passages(client.get(article.get_absolute_url() + "?script=traditional&pinyin=ruby").content.decode())
    assert "這條" not in plain and "这条" in plain
    assert "這條" in traditional and "<rt>" not in traditional
    assert "<ruby>這<rt>zhè</rt></ruby>" in ruby
