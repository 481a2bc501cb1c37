"""Glossary admin: terms (with CSV/XLSX import and export), segmentation and reading rules.

Saving and deleting go through glossary.services so that every change records a
new lexicon version. Only staff with the glossary permissions (admins, and the
"editor" group made by a migration) can change anything here.
"""

from django.contrib import admin
from django.utils.html import format_html_join
from import_export.admin import ImportExportModelAdmin

from glossary import services
from glossary.models import LexiconChange, ReadingRule, SegmentationRule, Term
from glossary.pinyin import plain_pinyin
from glossary.resources import TermResource


class SavedThroughServices:
    """Admin saves and deletes go through glossary.services, so each records a lexicon change."""

    def save_model(self, request, obj, form, change):
        self.save_with_service(obj, request.user)

    def delete_model(self, request, obj):
        self.delete_with_service(obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_with_service(obj)


@admin.register(Term)
class TermAdmin(SavedThroughServices, ImportExportModelAdmin):
    resource_classes = [TermResource]
    list_display = ["simplified", "traditional", "pinyin", "english", "category", "updated_at", "updated_by"]
    list_filter = ["category"]
    search_fields = ["simplified", "traditional", "variants", "english"]
    filter_horizontal = ["related"]
    readonly_fields = ["created_at", "updated_at", "updated_by"]

    def get_resource_kwargs(self, request, *args, **kwargs):
        return {**super().get_resource_kwargs(request, *args, **kwargs), "user": request.user}

    def get_search_results(self, request, queryset, search_term):
        # Pinyin is searched without tones or spaces: "lianggequeli" finds 两个确立.
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        plain = plain_pinyin(search_term)
        if plain:
            results |= queryset.filter(pinyin_plain__icontains=plain)
        return results, may_have_duplicates

    def save_with_service(self, term, user):
        services.term_save(term=term, user=user)

    def delete_with_service(self, term):
        services.term_delete(term=term)


@admin.register(SegmentationRule)
class SegmentationRuleAdmin(SavedThroughServices, admin.ModelAdmin):
    list_display = ["word", "kind", "parts", "example", "updated_at", "updated_by"]
    list_filter = ["kind"]
    search_fields = ["word", "example"]
    readonly_fields = ["example_segmentation", "updated_at", "updated_by"]
    fields = ["kind", "word", "parts", "example", "example_segmentation", "updated_at", "updated_by"]

    @admin.display(description="Example, segmented")
    def example_segmentation(self, rule: SegmentationRule):
        if not rule.pk or not rule.example:
            return "Save the rule with an example sentence to see how it segments with and without the rule."
        from glossary.preview import segmentation_with_and_without

        before, after = segmentation_with_and_without(rule)
        rows = [("Without this rule", " | ".join(before)), ("With this rule", " | ".join(after))]
        return format_html_join("", "<p><strong>{}:</strong> <span lang='zh'>{}</span></p>", rows)

    def save_with_service(self, rule, user):
        services.rule_save(rule=rule, user=user)

    def delete_with_service(self, rule):
        services.rule_delete(rule=rule)


@admin.register(ReadingRule)
class ReadingRuleAdmin(SavedThroughServices, admin.ModelAdmin):
    list_display = ["word", "pinyin", "note", "updated_at", "updated_by"]
    search_fields = ["word", "note"]
    readonly_fields = ["updated_at", "updated_by"]

    def save_with_service(self, rule, user):
        services.reading_rule_save(rule=rule, user=user)

    def delete_with_service(self, rule):
        services.reading_rule_delete(rule=rule)


@admin.register(LexiconChange)
class LexiconChangeAdmin(admin.ModelAdmin):
    list_display = ["version", "created_at", "forms"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
