from django import forms
from django.utils.translation import gettext_lazy as _

from corpus.text.decode import ENCODINGS, MAX_BYTES

ENCODING_CHOICES = [("", _("Detect automatically")), *((key, label) for key, (label, _) in ENCODINGS.items())]
UPLOAD_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".docx")


class UploadForm(forms.Form):
    text = forms.CharField(
        label=_("Paste the text (or the page's HTML)"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    file = forms.FileField(
        label=_("…or upload a file (.txt, .html, .docx)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(UPLOAD_SUFFIXES)}),
    )
    encoding = forms.ChoiceField(
        label=_("Encoding of the file"),
        choices=ENCODING_CHOICES,
        required=False,
        help_text=_("Leave on “Detect automatically” unless the preview looks garbled."),
    )

    def clean(self):
        data = super().clean()
        text, upload = data.get("text") or "", data.get("file")
        if bool(text.strip()) == bool(upload):
            raise forms.ValidationError(_("Paste a text or choose a file (one of the two)."))
        if upload:
            if upload.size > MAX_BYTES:
                raise forms.ValidationError(
                    _("The file is %(size).1f MB; the limit is %(limit)s MB. Split it into smaller files.")
                    % {"size": upload.size / 1024 / 1024, "limit": MAX_BYTES // 1024 // 1024}
                )
            if not upload.name.lower().endswith(UPLOAD_SUFFIXES):
                raise forms.ValidationError(
                    _("“%(name)s” is not a file we can read: upload .txt, .html or .docx.") % {"name": upload.name}
                )
        return data

    def upload_bytes(self) -> tuple[bytes, str]:
        """The uploaded bytes and their name (pasted text is UTF-8 by definition)."""
        upload = self.cleaned_data.get("file")
        if upload:
            return upload.read(), upload.name
        return self.cleaned_data["text"].encode("utf-8"), ""


class ReviseForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    text = forms.CharField(
        strip=False,
        widget=forms.Textarea(attrs={"rows": 24}),
        label=_("Text"),
        help_text=_(
            "One paragraph per line or separated by blank lines; start a heading with “# ”. "
            "Paragraphs you do not change keep learners' progress."
        ),
    )
