"""Forms for the wizard's "about you" and "skills" steps (the assessments use plain radios)."""

from __future__ import annotations

from typing import Any

from django import forms

from unstuck.core.limits import MONEY_MAX
from unstuck.core.profile import EDUCATION_LEVELS

RISK_CHOICES = (
    ("low", "Low — I need a safe, gradual change"),
    ("medium", "Medium — some risk is fine if the plan is sound"),
    ("high", "High — I can take a leap"),
)


class AboutForm(forms.Form):
    title_query = forms.CharField(
        label="Your current job title",
        required=False,
        max_length=200,
        help_text="Type it as you would say it, then choose the closest O*NET occupation.",
    )
    occupation_code = forms.CharField(required=False, max_length=10)
    years_in_occupation = forms.FloatField(
        label="Years in this kind of work", required=False, min_value=0, max_value=70
    )
    education = forms.TypedChoiceField(
        label="Highest education completed",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Prefer not to say")] + [(k, v) for k, v in EDUCATION_LEVELS.items()],
    )
    credentials = forms.CharField(
        label="Licences and certifications you hold",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One a line, as you would write them on a resume (for example "
        "“Class A CDL” or “LCSW, California”). They count towards what other work needs.",
    )
    location = forms.CharField(
        label="Where you work or want to work",
        required=False,
        max_length=200,
        help_text="A state or metro area; wages are shown for it.",
    )
    current_pay = forms.IntegerField(
        label="What you earn now, a year (US dollars)",
        required=False,
        min_value=0,
        max_value=MONEY_MAX,
        help_text="Pay changes are shown against it; left blank, your job's median stands in.",
    )
    min_pay = forms.IntegerField(
        label="Lowest yearly pay you could accept (US dollars)",
        required=False,
        min_value=0,
        max_value=MONEY_MAX,
    )
    hours_per_week = forms.FloatField(
        label="Hours a week you can spend on making a change",
        required=False,
        min_value=0,
        max_value=168,
    )
    retraining_months = forms.IntegerField(
        label="Months of retraining you would accept", required=False, min_value=0, max_value=120
    )
    learning_budget = forms.IntegerField(
        label="Learning budget (US dollars)", required=False, min_value=0, max_value=MONEY_MAX
    )
    risk_tolerance = forms.ChoiceField(
        label="How much risk can you take?",
        choices=RISK_CHOICES,
        initial="medium",
        widget=forms.RadioSelect,
    )
    savings = forms.IntegerField(
        label="Savings (US dollars)", required=False, min_value=0, max_value=MONEY_MAX
    )
    monthly_expenses = forms.IntegerField(
        label="Monthly expenses (US dollars)", required=False, min_value=0, max_value=MONEY_MAX
    )

    def clean_credentials(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data.get("credentials", "").splitlines()]
        out = list(dict.fromkeys(line for line in lines if line))
        if len(out) > 40:
            raise forms.ValidationError("List at most 40 licences and certifications.")
        too_long = [line for line in out if len(line) > 200]
        if too_long:
            raise forms.ValidationError(
                f"“{too_long[0][:40]}…” is longer than 200 characters; shorten it."
            )
        return out

    def __init__(self, *args: Any, areas: list[tuple[str, str]] | None = None, **kw: Any):
        kw.setdefault("label_suffix", "")
        super().__init__(*args, **kw)
        if areas:
            # Known OEWS areas: a select grouped by kind keeps the value exact.
            self.fields["location"] = forms.ChoiceField(
                label="Where you work or want to work",
                required=False,
                choices=[("", "Anywhere / not sure"), *areas],
                help_text="A state or metro area; wages are shown for it.",
            )
