from django import forms

from corpus.text.decode import ENCODINGS, MAX_BYTES

ENCODING_CHOICES = [("", "Detect automatically"), *((key, label) for key, (label, _) in ENCODINGS.items())]
UPLOAD_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".docx")


class UploadForm(forms.Form):
    text = forms.CharField(
        label="Paste the text (or the page's HTML)",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    file = forms.FileField(
        label="…or upload a file (.txt, .html, .docx)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(UPLOAD_SUFFIXES)}),
    )
    encoding = forms.ChoiceField(
        label="Encoding of the file", choices=ENCODING_CHOICES, required=False,
        help_text="Leave on “Detect automatically” unless the preview looks garbled.",
    )

    def clean(self):
        data = super().clean()
        text, upload = data.get("text") or "", data.get("file")
        if bool(text.strip()) == bool(upload):
            raise forms.ValidationError("Paste a text or choose a file (one of the two).")
        if upload:
            if upload.size > MAX_BYTES:
                raise forms.ValidationError(
                    f"The file is {upload.size / 1024 / 1024:.1f} MB; the limit is {MAX_BYTES // 1024 // 1024} MB. "
                    "Split it into smaller files."
                )
            if not upload.name.lower().endswith(UPLOAD_SUFFIXES):
                raise forms.ValidationError(
                    f"“{upload.name}” is not a file we can read: upload .txt, .html or .docx."
                )
        return data

    def upload_bytes(self) -> tuple[bytes, str]:
        """The uploaded bytes and their name (pasted text is UTF-8 by definition)."""
        upload = self.cleaned_data.get("file")
        if upload:
            return upload.read(), upload.name
        return self.cleaned_data["text"].encode("utf-8"), ""


class ReviseForm(forms.Form):
    title = forms.CharField(max_length=300)
    text = forms.CharField(
        strip=False,
        widget=forms.Textarea(attrs={"rows": 24}),
        help_text="One paragraph per line or separated by blank lines; start a heading with “# ”. "
        "Paragraphs you do not change keep learners' progress.",
    )
