"""Forms for the resume and posting pages: parsing and validation only; reading and storing is
:mod:`.services`.

Uploads are capped at :data:`MAX_UPLOAD_BYTES`. The views refuse a larger request from its
``Content-Length`` before the body is parsed (see :func:`.views.too_large`); the size check
here catches what gets past that (a request without a length, several files at once).
"""

from __future__ import annotations

from typing import Any

from django import forms

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_UPLOAD_LABEL = "10 MB"
MAX_PASTE_CHARS = 200_000
RESUME_TYPES = ".pdf,.docx,.txt,.md,.markdown,.json,.zip"


def _check_size(upload: object) -> None:
    size = getattr(upload, "size", 0) or 0
    if size > MAX_UPLOAD_BYTES:
        raise forms.ValidationError(
            f"This file is {size / 1024 / 1024:.1f} MB; the limit is {MAX_UPLOAD_LABEL}. "
            "Save a smaller copy (a PDF without images, or the text alone) and try again."
        )
    if size == 0:
        raise forms.ValidationError("This file is empty.")


class ResumeUploadForm(forms.Form):
    file = forms.FileField(
        label="Your resume or LinkedIn data export",
        help_text=(
            f"PDF, Word (.docx), plain text, Markdown, JSON Resume, or the LinkedIn export "
            f"(.zip); up to {MAX_UPLOAD_LABEL}."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": RESUME_TYPES}),
        error_messages={
            "required": "Choose a file to upload.",
            "empty": "This file is empty.",
            "invalid": "No file was received; choose the file again.",
        },
    )

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        _check_size(upload)
        return upload


class PostingForm(forms.Form):
    """One or more postings, from exactly one of: pasted text, an uploaded file, an address."""

    text = forms.CharField(
        label="Paste a job posting",
        required=False,
        max_length=MAX_PASTE_CHARS,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    file = forms.FileField(
        label="Or upload a posting file",
        required=False,
        help_text=(
            f"A saved web page (.html), text, JSON-LD, or a batch as CSV or JSON Lines; "
            f"up to {MAX_UPLOAD_LABEL}."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".html,.htm,.txt,.md,.json,.jsonl,.csv"}),
    )
    url = forms.URLField(
        label="Or the posting's web address",
        required=False,
        max_length=2000,
        assume_scheme="https",
    )
    target_choice = forms.ChoiceField(
        label="Which occupation are these postings for? (optional)",
        required=False,
        choices=(("", "Not one in particular"),),
        help_text="Postings with a target count toward that occupation's market view.",
    )
    target_code = forms.CharField(
        label="Or type its job title or O*NET-SOC code",
        required=False,
        max_length=200,
        help_text="The closest O*NET occupation is used, and named when the postings are added.",
    )

    def __init__(self, *args: Any, targets: list[tuple[str, str]] | None = None, **kw: Any):
        super().__init__(*args, **kw)
        if targets:
            self.fields["target_choice"].choices = [
                ("", "Not one in particular"),
                *((code, f"{title} ({code})") for code, title in targets),
            ]

    def clean_file(self) -> object:
        upload = self.cleaned_data.get("file")
        if upload:
            _check_size(upload)
        return upload

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        given = [name for name in ("text", "file", "url") if data.get(name)]
        if not given and not self.errors:
            raise forms.ValidationError("Paste a posting, choose a file, or give its address.")
        if len(given) > 1:
            raise forms.ValidationError(
                "Give one of: pasted text, a file, or an address (not " + " and ".join(given) + ")."
            )
        return data

    def source(self) -> tuple[bytes | None, str | None, str | None]:
        """``(data, filename, url)`` for :func:`.services.add_postings`."""
        data = self.cleaned_data
        if data.get("file"):
            upload = data["file"]
            return upload.read(), upload.name, None
        if data.get("text"):
            return data["text"].encode("utf-8"), None, None
        return None, None, data["url"]
