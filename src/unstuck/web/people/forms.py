"""Forms for the people pages: what the person typed, parsed for the services.

The rules (a name is needed, an email must look like one, a cadence is 1 to 3,650 days, dates
from 1900 to 2100) live in :mod:`unstuck.app.people.services` and the contacts model; these
forms offer the choices and split what was typed (tags by commas, one email or phone a line).
A service's :class:`~unstuck.core.people.PeopleError` is put beside the field it is about by
:func:`show_error`.
"""

from __future__ import annotations

from typing import Any

from django import forms

from unstuck.core import people as core
from unstuck.text.contacts import Email, Phone

#: the biggest contacts file the import page takes: LinkedIn's messages.csv of years of
#: messages is the largest file it reads (see :mod:`unstuck.text.contacts.model`)
MAX_IMPORT_BYTES = 50 * 1000 * 1000
MAX_IMPORT_LABEL = "50 MB"
IMPORT_TYPES = ".csv,.vcf,.vcard,.zip,text/csv,text/vcard"

KIND_LABELS = {
    "call": "Call",
    "coffee": "Coffee",
    "message": "Message",
    "event": "Event",
    "informational-interview": "Informational interview",
}


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"})


def split_tags(text: str) -> tuple[str, ...]:
    """ "mentor, recruiter" -> ("mentor", "recruiter"); empty parts dropped."""
    return tuple(t.strip() for t in text.replace(";", ",").split(",") if t.strip())


def _typed(line: str) -> tuple[str, tuple[str, ...]]:
    """ "work: ann@acme.example" -> (address, ("work",)); a line without types is the address.
    A ``mailto:`` or ``tel:`` address is an address, not a type."""
    head, sep, rest = line.partition(":")
    if head.strip().casefold() in ("mailto", "tel"):
        return line.strip(), ()
    if sep and rest.strip() and all(p.strip().isalnum() for p in head.split(",")):
        return rest.strip(), tuple(p.strip() for p in head.split(",") if p.strip())
    return line.strip(), ()


def emails_of(text: str) -> tuple[Email, ...]:
    return tuple(Email(*_typed(line)) for line in text.splitlines() if line.strip())


def phones_of(text: str) -> tuple[Phone, ...]:
    return tuple(Phone(*_typed(line)) for line in text.splitlines() if line.strip())


def typed_lines(items: list[dict[str, Any]], key: str) -> str:
    """Stored emails or phones as the edit form shows them, one a line."""
    lines = []
    for item in items:
        types = ",".join(item.get("types", ()))
        lines.append(f"{types}: {item[key]}" if types else str(item[key]))
    return "\n".join(lines)


class AddForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=500, error_messages={"required": "Type the person's name."}
    )
    organisation = forms.CharField(
        label="Organisation", required=False, max_length=500, help_text="Where they work now."
    )
    title = forms.CharField(label="Job title", required=False, max_length=500)
    how_known = forms.CharField(label="How you know them", required=False, max_length=2000)
    tags = forms.CharField(
        label="Tags",
        required=False,
        max_length=2000,
        help_text="Separated by commas: mentor, peer, recruiter, referral, alumni or your own.",
    )


class EditForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=500, error_messages={"required": "Type the person's name."}
    )
    how_known = forms.CharField(
        label="How you know them", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    tags = forms.CharField(
        label="Tags", required=False, max_length=20_000, help_text="Separated by commas."
    )
    emails = forms.CharField(
        label="Email addresses",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One a line; a type first if you like: work: ann@acme.example",
    )
    phones = forms.CharField(
        label="Phone numbers",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One a line; a type first if you like: cell: +1 555 0100",
    )
    notes = forms.CharField(label="Notes", required=False, widget=forms.Textarea(attrs={"rows": 4}))


class CadenceForm(forms.Form):
    cadence_days = forms.IntegerField(
        label="Follow up every (days)",
        required=False,
        min_value=1,
        max_value=core.MAX_CADENCE_DAYS,
        help_text="Counted from the last time you were in touch. Leave empty for no follow-up.",
    )


class RoleForm(forms.Form):
    organisation = forms.CharField(label="Organisation", required=False, max_length=500)
    title = forms.CharField(label="Job title", required=False, max_length=500)
    start = forms.DateField(label="From", required=False, widget=_date_input())
    end = forms.DateField(
        label="Until",
        required=False,
        widget=_date_input(),
        help_text="Leave empty if they are still there.",
    )

    def clean(self) -> dict[str, Any]:
        d = super().clean() or {}
        if not (d.get("organisation") or "").strip() and not (d.get("title") or "").strip():
            self.add_error("organisation", "Give the organisation, the job title or both.")
        return d


class LogForm(forms.Form):
    kind = forms.ChoiceField(label="What happened", choices=list(KIND_LABELS.items()))
    date = forms.DateField(
        label="On", required=False, widget=_date_input(), help_text="Default: today."
    )
    notes = forms.CharField(label="Notes", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    back = forms.CharField(required=False, widget=forms.HiddenInput)


class SnoozeForm(forms.Form):
    days = forms.IntegerField(min_value=1, max_value=core.MAX_SNOOZE_DAYS)
    back = forms.CharField(required=False)


class InterviewForm(forms.Form):
    target_code = forms.ChoiceField(label="About which target occupation", required=False)


class MoveInterviewForm(forms.Form):
    stage = forms.ChoiceField(
        label="Move to",
        required=False,
        choices=[("", "The next stage")]
        + [(s, core.STAGE_LABELS[s].capitalize()) for s in core.STAGES],
    )
    on = forms.DateField(
        label="On", required=False, widget=_date_input(), help_text="Default: today."
    )
    scheduled_for = forms.DateField(
        label="Interview day",
        required=False,
        widget=_date_input(),
        help_text="When it is scheduled for.",
    )
    back = forms.CharField(required=False, widget=forms.HiddenInput)


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Contacts file",
        help_text=(
            "LinkedIn's Connections.csv or messages.csv, LinkedIn's whole export (.zip), or a "
            f"vCard file (.vcf) from your phone or address book; up to {MAX_IMPORT_LABEL}."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": IMPORT_TYPES}),
        error_messages={"required": "Choose a file to import."},
    )
    encoding = forms.ChoiceField(
        label="The file's encoding",
        required=False,
        choices=[
            ("", "UTF-8 (the usual: LinkedIn, phones, most address books)"),
            ("cp1252", "Windows, Western European (cp1252)"),
            ("latin-1", "Latin-1 (ISO 8859-1)"),
            ("mac_roman", "Older Mac (Mac Roman)"),
        ],
        help_text="Change it only when the import says the file is not UTF-8 text.",
    )
    skip_bad = forms.BooleanField(
        label="Import the good rows even if some are bad (the bad ones are listed)",
        required=False,
    )

    def clean_file(self) -> Any:
        f = self.cleaned_data.get("file")
        size = getattr(f, "size", 0) or 0
        if size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                f"This file is {size / 1000 / 1000:.1f} MB; the limit is {MAX_IMPORT_LABEL}."
            )
        if f is not None and size == 0:
            raise forms.ValidationError("This file is empty.")
        return f


#: words of a service's message -> the field it is about (the first that matches wins)
_WORDS_FIELD = (
    ("no name", "name"),
    ("the name", "name"),
    ("given name", "name"),
    ("family name", "name"),
    ("email", "emails"),
    ("phone", "phones"),
    ("organisation", "organisation"),
    ("a title", "title"),
    ("role's start", "start"),
    ("role's end", "end"),
    ("a role ends", "end"),
    ("tag", "tags"),
    ("how you know", "how_known"),
    ("notes", "notes"),
    ("cadence", "cadence_days"),
    ("snooze", "days"),
    ("the date", "date"),
    ("the day", "scheduled_for"),
    ("occupation code", "target_code"),
    ("stage", "stage"),
)


def show_error(form: forms.Form, error: Exception) -> None:
    """Put a service's error beside the field it is about (or above the form)."""
    text = str(error)
    lowered = text.casefold()
    target = None
    for words, name in _WORDS_FIELD:
        if words in lowered:
            target = name
            break
    if target == "date" and "on" in form.fields and "date" not in form.fields:
        target = "on"
    if target not in form.fields:
        target = None
    message = text[:1].upper() + text[1:]
    form.add_error(target, message if message.endswith(".") else message + ".")
