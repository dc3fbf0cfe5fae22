"""Forms for the plan pages: parsing and validation only; storing is :mod:`.services`."""

from __future__ import annotations

from datetime import date

from django import forms

from unstuck.core import limits

YES_NO_UNKNOWN = (("", "Not sure yet"), ("yes", "Yes"), ("no", "No"))
MONTHS = (("", "Any month"),) + tuple(
    (str(n), name)
    for n, name in enumerate(
        (
            "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December",
        ),  # fmt: skip
        start=1,
    )
)


class TargetForm(forms.Form):
    code = forms.CharField(max_length=10)
    start = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean_start(self) -> date | None:
        start: date | None = self.cleaned_data.get("start")
        problem = limits.start_problem(start, date.today())
        if problem:
            raise forms.ValidationError(problem[0].upper() + problem[1:] + ".")
        return start


class ExitForm(forms.Form):
    severance = forms.FloatField(
        required=False, min_value=0, max_value=limits.MONEY_MAX, label="Severance (one-off, $)"
    )
    notice_months = forms.FloatField(
        required=False, min_value=0, max_value=24, label="Notice period (months)"
    )
    monthly_benefits = forms.FloatField(
        required=False,
        min_value=0,
        max_value=limits.MONEY_MAX,
        label="Benefits a month after leaving ($)",
    )
    benefit_months = forms.FloatField(
        required=False, min_value=0, max_value=60, label="Months the benefits last"
    )
    other_income = forms.FloatField(
        required=False,
        min_value=0,
        max_value=limits.MONEY_MAX,
        label="Other income that continues, a month ($)",
    )
    extra_costs = forms.FloatField(
        required=False,
        min_value=0,
        max_value=limits.MONEY_MAX,
        label="Extra costs a month once you leave, such as health cover ($)",
    )
    monthly_saving = forms.FloatField(
        required=False,
        min_value=0,
        max_value=limits.MONEY_MAX,
        label="What you can save a month while still employed ($)",
    )
    leaving_month = forms.TypedChoiceField(
        choices=MONTHS,
        coerce=int,
        empty_value=None,
        required=False,
        label="A month you would rather leave in (end of a school year, after a bonus)",
    )
    conversations = forms.IntegerField(
        required=False, min_value=0, max_value=500, label="Informational interviews held so far"
    )
    has_offer = forms.TypedChoiceField(
        choices=YES_NO_UNKNOWN, required=False, label="A signed written offer?"
    )
    health_cover = forms.TypedChoiceField(
        choices=YES_NO_UNKNOWN, required=False, label="Health cover arranged for the gap?"
    )
    resume_updated = forms.TypedChoiceField(
        choices=YES_NO_UNKNOWN, required=False, label="Resume and LinkedIn updated?"
    )

    FLAGS = ("has_offer", "health_cover", "resume_updated")

    def values(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for name, value in self.cleaned_data.items():
            if name in self.FLAGS:
                out[name] = {"yes": True, "no": False}.get(value)
            else:
                out[name] = value
        return out

    @classmethod
    def initial_from(cls, state: object) -> dict[str, object]:
        initial: dict[str, object] = {}
        for name in cls.base_fields:
            value = getattr(state, name)
            if name in cls.FLAGS:
                value = "" if value is None else "yes" if value else "no"
            initial[name] = value
        return initial


class ResourceForm(forms.Form):
    gap = forms.CharField(max_length=200, label="For which gap")
    title = forms.CharField(max_length=200, required=False, label="What it is")
    url = forms.URLField(max_length=500, label="Link", assume_scheme="https")


class GoalForm(forms.Form):
    text = forms.CharField(max_length=1000, label="Goal", widget=forms.Textarea(attrs={"rows": 2}))
    source = forms.CharField(max_length=250, required=False)
    goal_id = forms.IntegerField(required=False)
