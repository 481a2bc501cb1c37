"""CSV and spreadsheet import/export of terms (django-import-export), used by the
admin and by ``manage.py load_glossary``: one path, one set of checks.

Rows are validated and saved one by one (errors are reported per row, and the
dry run shows them before anything is stored); the lexicon change is recorded
once for the whole import, after every row is in.
"""

from django.core.exceptions import ValidationError
from import_export import fields, resources

from glossary import services
from glossary.models import Term
from glossary.pinyin import split_list

COLUMNS = (
    "slug", "simplified", "traditional", "pinyin", "english", "explanation", "category", "origin", "variants", "related"
)


class TermResource(resources.ModelResource):
    # Related terms are slugs separated by ";". They are linked after every row is
    # in, so a term may name one that comes later in the same file.
    related = fields.Field(attribute=None, column_name="related")

    class Meta:
        model = Term
        fields = COLUMNS
        export_order = COLUMNS
        import_id_fields = ("slug",)
        skip_unchanged = True
        report_skipped = False
        use_transactions = True
        clean_model_instances = True

    def __init__(self, user=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user
        self._forms: list[str] = []
        self._old_forms: dict[str, list[str]] = {}
        self._related: dict[str, list[str]] = {}
        self._known_slugs: set[str] = set()

    def dehydrate_related(self, term: Term) -> str:
        return ";".join(term.related.order_by("slug").values_list("slug", flat=True))

    def before_import(self, dataset, **kwargs):
        missing = [column for column in ("slug", "simplified", "english") if column not in (dataset.headers or [])]
        if missing:
            raise ValidationError(f"The file has no {', '.join(missing)} column. Columns: {', '.join(COLUMNS)}.")
        self._known_slugs = set(Term.objects.values_list("slug", flat=True)) | {
            (row.get("slug") or "").strip() for row in dataset.dict
        }

    def before_import_row(self, row, **kwargs):
        related = split_list(row.get("related") or "")
        unknown = [slug for slug in related if slug not in self._known_slugs]
        if unknown:
            raise ValidationError(
                {"related": f"Unknown related term(s) {', '.join(unknown)}: not in this file or the glossary."}
            )
        self._related[(row.get("slug") or "").strip()] = related

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        old = Term.objects.filter(pk=instance.pk).first() if instance.pk else None
        # Kept until the row is really saved: unchanged rows are skipped.
        self._old_forms[instance.slug] = old.forms if old is not None else []
        services.term_validate(instance)
        if self.user is not None and self.user.is_authenticated:
            instance.updated_by = self.user

    def after_save_instance(self, instance, row, **kwargs):
        self._forms.extend([*self._old_forms.get(instance.slug, []), *instance.forms])

    def after_import(self, dataset, result, **kwargs):
        if kwargs.get("dry_run") or result.has_errors() or result.has_validation_errors():
            return
        for slug, related in self._related.items():
            term = Term.objects.filter(slug=slug).first()
            if term is not None:
                term.related.set(Term.objects.filter(slug__in=related))
        if self._forms:
            services.lexicon_record_change(forms=self._forms)
