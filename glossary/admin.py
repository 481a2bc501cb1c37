from django.contrib import admin

from glossary import services
from glossary.models import Term


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["simplified", "traditional", "pinyin", "english", "updated_at"]
    search_fields = ["simplified", "traditional", "pinyin", "english"]
    prepopulated_fields = {"slug": ["english"]}

    # Saving goes through the service so that every change bumps the lexicon version.
    def save_model(self, request, obj, form, change):
        services.term_save(term=obj)

    def delete_model(self, request, obj):
        services.term_delete(term=obj)

    def delete_queryset(self, request, queryset):
        for term in queryset:
            services.term_delete(term=term)
