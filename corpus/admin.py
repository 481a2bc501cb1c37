from django.contrib import admin

from corpus.models import Article


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "script", "status", "owner", "char_count", "created_at"]
    list_filter = ["status", "script"]
    search_fields = ["title"]
    readonly_fields = ["script", "meta", "char_count", "source_name"]
