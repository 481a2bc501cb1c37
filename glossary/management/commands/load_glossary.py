from pathlib import Path

import tablib
from django.core.management.base import BaseCommand, CommandError

from glossary.resources import TermResource

DEFAULT_CSV = Path(__file__).resolve().parents[2] / "data" / "glossary.csv"


class Command(BaseCommand):
    help = "Load glossary terms from a CSV file (default: the starter glossary); existing slugs are updated."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(DEFAULT_CSV))
        parser.add_argument("--dry-run", action="store_true", help="check every row, store nothing")

    def handle(self, *args, path, dry_run, **options):
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror or error}.") from None
        except UnicodeDecodeError:
            raise CommandError(f"{path} is not UTF-8 text. Save it as UTF-8 CSV and try again.") from None
        try:
            dataset = tablib.Dataset().load(text, format="csv")
        except Exception as error:  # tablib raises several types for unreadable CSV
            raise CommandError(f"{path} is not a readable CSV file: {error}") from None
        # A dry run first, as the admin's import does: one bad row and nothing is stored.
        result = TermResource().import_data(dataset, dry_run=True, raise_errors=False)
        problems = [f"file: {error.error}" for error in result.base_errors]
        problems += [
            f"row {row.number}: {field}: {'; '.join(map(str, messages))}"
            for row in result.invalid_rows
            for field, messages in row.error_dict.items()
        ]
        problems += [f"row {number}: {errors[0].error}" for number, errors in result.row_errors()]
        if problems:
            raise CommandError("Nothing was loaded:\n  " + "\n  ".join(problems))
        if not dry_run:
            result = TermResource().import_data(dataset, dry_run=False, raise_errors=True)
        totals = result.totals
        verb = "Would load" if dry_run else "Loaded"
        self.stdout.write(
            f"{verb} {totals['new']} new and {totals['update']} changed terms ({totals['skip']} unchanged) from {path}."
        )
