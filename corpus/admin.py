from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from corpus import services
from corpus.models import Article, ReadingCorrection, Tag


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "script", "status", "owner", "char_count", "hsk_level", "created_at"]
    list_filter = ["status", "script", "hsk_level", "tags"]
    search_fields = ["title"]
    readonly_fields = ["script", "meta", "char_count", "source_name", "hsk_profile", "hsk_level"]
    filter_horizontal = ["tags"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(ReadingCorrection)
class ReadingCorrectionAdmin(admin.ModelAdmin):
    list_display = ["text", "pinyin", "passage", "author", "updated_at"]
    search_fields = ["text"]
    readonly_fields = ["passage", "offset", "text", "pinyin", "author", "created_at", "updated_at"]
    actions = ["promote"]

    def has_add_permission(self, request):
        return False  # corrections are made on the reading page, by the article's owner

    @admin.action(description="Promote to a global reading rule (applies everywhere)", permissions=["promote"])
    def promote(self, request, queryset):
        for correction in queryset.select_related("passage__article"):
            try:
                rule = services.reading_correction_promote(correction=correction, user=request.user)
            except ValidationError as error:
                self.message_user(request, f"{correction.text}: {'; '.join(error.messages)}", messages.ERROR)
            else:
                self.message_user(request, f"{rule.word} is now read {rule.pinyin} everywhere.")

    def has_promote_permission(self, request):
        return request.user.has_perm("glossary.add_readingrule") and request.user.has_perm(
            "glossary.change_readingrule"
        )
