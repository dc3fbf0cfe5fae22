"""Forms for the application pages: what the person typed, parsed for the services.

The rules (what is needed, what a salary may be, which stages need the resume sent) live in
:mod:`unstuck.app.applications.services`; these forms only offer the choices and read the
files. A service's :class:`~unstuck.app.applications.services.ApplicationError` names the field
it is about, and :func:`show_error` puts it beside that field.
"""

from __future__ import annotations

from typing import Any

from django import forms

from unstuck.app.applications.services import ApplicationError, Sent
from unstuck.web.documents.forms import MAX_UPLOAD_LABEL, _check_size

NO_RESUME = ""
#: what a resume choice means: an imported resume ("r12") or none
RESUME_PREFIX = "r"


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"})


class SentMixin(forms.Form):
    """The resume and cover letter sent: an imported resume, or the file itself."""

    resume = forms.ChoiceField(
        label="Resume sent",
        required=False,
        help_text="One of your imported resumes; a tailored file goes beside it.",
    )
    resume_file = forms.FileField(
        label="Or the resume file you sent",
        required=False,
        help_text=f"PDF, Word or text, up to {MAX_UPLOAD_LABEL}; kept exactly as sent.",
    )
    cover_letter_file = forms.FileField(label="Cover letter sent (optional)", required=False)

    def set_resumes(self, resumes: list[tuple[int, str]], default: int | None) -> None:
        self.fields["resume"].choices = [(NO_RESUME, "None recorded")] + [
            (f"{RESUME_PREFIX}{pk}", label) for pk, label in resumes
        ]
        if default is not None and not self.is_bound:
            self.initial["resume"] = f"{RESUME_PREFIX}{default}"

    def clean_resume_file(self) -> Any:
        f = self.cleaned_data.get("resume_file")
        if f:
            _check_size(f)
        return f

    def clean_cover_letter_file(self) -> Any:
        f = self.cleaned_data.get("cover_letter_file")
        if f:
            _check_size(f)
        return f

    def sent(self) -> tuple[Sent | None, Sent | None]:
        """(resume, cover letter) as the services take them; a file wins over a choice."""
        d = self.cleaned_data
        resume = None
        if d.get("resume_file"):
            resume = Sent(data=d["resume_file"].read(), filename=d["resume_file"].name)
        elif d.get("resume", "").startswith(RESUME_PREFIX):
            resume = Sent(resume_id=int(d["resume"][len(RESUME_PREFIX) :]))
        letter = None
        if d.get("cover_letter_file"):
            f = d["cover_letter_file"]
            letter = Sent(data=f.read(), filename=f.name)
        return resume, letter


class AddForm(SentMixin):
    posting = forms.ChoiceField(label="From a saved posting", required=False)
    company = forms.CharField(label="Employer", required=False, max_length=200)
    role_title = forms.CharField(label="Job title", required=False, max_length=200)
    stage = forms.ChoiceField(label="Stage")
    at = forms.DateField(
        label="Since", required=False, widget=_date_input(), help_text="Default: today."
    )
    target_code = forms.ChoiceField(label="Target occupation", required=False)
    source = forms.CharField(
        label="Where you found it", required=False, max_length=200,
        help_text="A job board, a referral, the employer's site.",
    )  # fmt: skip
    salary_min = forms.CharField(label="Salary from", required=False, max_length=20)
    salary_max = forms.CharField(label="Salary to", required=False, max_length=20)
    next_action = forms.CharField(label="Next action", required=False, max_length=200)
    next_action_on = forms.DateField(label="Next action by", required=False, widget=_date_input())
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def fields_for_service(self) -> dict[str, Any]:
        d = self.cleaned_data
        out = {
            k: d[k]
            for k in (
                "company",
                "role_title",
                "target_code",
                "source",
                "salary_min",
                "salary_max",
                "next_action",
                "next_action_on",
            )  # fmt: skip
            if d.get(k) not in (None, "")
        }
        return out


class MoveForm(SentMixin):
    stage = forms.ChoiceField(label="Move to")
    at = forms.DateField(
        label="On", required=False, widget=_date_input(), help_text="Default: today."
    )
    round_number = forms.IntegerField(
        label="Round", required=False, min_value=1, help_text="For interviews; default: the next."
    )
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class EditForm(forms.Form):
    company = forms.CharField(label="Employer", max_length=200)
    role_title = forms.CharField(label="Job title", max_length=200)
    target_code = forms.ChoiceField(label="Target occupation", required=False)
    source = forms.CharField(label="Where you found it", required=False, max_length=200)
    salary_min = forms.CharField(label="Salary from", required=False, max_length=20)
    salary_max = forms.CharField(label="Salary to", required=False, max_length=20)
    next_action = forms.CharField(label="Next action", required=False, max_length=200)
    next_action_on = forms.DateField(label="Next action by", required=False, widget=_date_input())
    notes = forms.CharField(label="Notes", required=False, widget=forms.Textarea(attrs={"rows": 4}))


class PersonForm(forms.Form):
    """Link a person to the application: one already known, or a new one by name."""

    person = forms.ChoiceField(label="Someone you know", required=False)
    name = forms.CharField(
        label="Or a new person's name", required=False, max_length=200,
        help_text="Added to your people at this employer.",
    )  # fmt: skip
    part = forms.ChoiceField(label="Their part")

    def clean(self) -> dict[str, Any]:
        d = super().clean() or {}
        if not d.get("person") and not (d.get("name") or "").strip():
            raise forms.ValidationError("Choose someone you know or type a new person's name.")
        return d


class NoNewsForm(forms.Form):
    action = forms.ChoiceField(choices=[("confirm", "confirm"), ("dismiss", "dismiss"),
                                        ("snooze", "snooze")])  # fmt: skip
    days = forms.IntegerField(required=False, min_value=1, max_value=365)


#: a service's field name -> the form field it is shown beside
_FIELD_OF = {"notes": "note", "cover_letter": "cover_letter_file", "round": "round_number"}


def show_error(form: forms.Form, error: ApplicationError) -> None:
    """Put the service's error beside the field it names (or above the form)."""
    name = error.field
    if name == "notes" and "notes" in form.fields:
        target: str | None = "notes"
    else:
        target = _FIELD_OF.get(name, name)
    if target not in form.fields:
        target = None
    form.add_error(target, error.reason)
