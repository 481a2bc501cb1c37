"""Reading a file from a command exactly as an upload is read."""

from pathlib import Path

from django.core.management.base import CommandError

from corpus.text.document import Document, read_document
from corpus.text.errors import InputError


def document_from_path(path: str) -> Document:
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror or error}.") from None
    try:
        return read_document(data, name=file.stem, filename=file.name)
    except InputError as error:
        raise CommandError(f"{path}: {error}") from None
