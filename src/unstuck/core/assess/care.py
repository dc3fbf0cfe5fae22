"""Care notes: saying kindly when answers suggest someone is struggling, and where to find help.

unstuck is not a clinical tool and never claims to diagnose anything. When the rut check's
emotional-toll answers or the wellbeing check-in are heavy, the result carries a
:class:`CareNote` that says so plainly, suggests talking to a professional and lists places to
find help. The reasons name the answers that raised it, like every other score.

The thresholds are set on purpose to err towards showing the note: a note nobody needed costs a
moment's reading; a missing one can cost more.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

CARE_MESSAGE = (
    "Some of your answers suggest that things are weighing on you heavily right now. That is "
    "common when work feels stuck, and it is nothing to be ashamed of. unstuck cannot tell you "
    "what it means and does not diagnose anything, but talking it through with someone trained "
    "to help — your doctor, a counsellor or a helpline — often makes the next steps lighter. "
    "You can take things at your own pace here; looking after yourself comes first."
)

#: Where to find help. General and long-lived on purpose: services change less than URLs.
HELP_RESOURCES: tuple[str, ...] = (
    "Your doctor or local health service can talk things through and point you to support.",
    "If your employer has an Employee Assistance Programme (EAP), it is usually free and "
    "confidential.",
    "Find a Helpline (findahelpline.com) lists free, confidential helplines by country.",
    "United States: call or text 988 (Suicide & Crisis Lifeline).",
    "UK and Ireland: Samaritans, 116 123, any time.",
    "If you are in danger or thinking about harming yourself, call your local emergency "
    "number now.",
)


@dataclass(frozen=True)
class CareNote:
    shown: bool
    reasons: tuple[str, ...] = ()
    message: str = CARE_MESSAGE
    resources: tuple[str, ...] = HELP_RESOURCES

    def to_dict(self) -> dict[str, Any]:
        if not self.shown:
            return {"shown": False}
        return {
            "shown": True,
            "message": self.message,
            "reasons": list(self.reasons),
            "resources": list(self.resources),
        }


NO_CARE_NOTE = CareNote(shown=False)


def care_note(reasons: Sequence[str]) -> CareNote:
    return CareNote(shown=True, reasons=tuple(reasons)) if reasons else NO_CARE_NOTE
