"""A ``Draft`` (corpus.text.importing) to plain data and back, for ``ImportDraft.content``."""

from dataclasses import asdict

from corpus.text.importing import Draft, DraftLine


def draft_to_data(draft: Draft) -> dict:
    data = asdict(draft)
    data["lines"] = [[line.text, line.kind, line.reason, line.garbled] for line in draft.lines]
    data["notes"] = list(draft.notes)
    return data


def draft_from_data(data: dict) -> Draft:
    fields = dict(data)
    fields["lines"] = tuple(DraftLine(text, kind, reason, garbled) for text, kind, reason, garbled in data["lines"])
    fields["notes"] = tuple(data.get("notes", ()))
    return Draft(**fields)
