"""From gaps to a plan: gap analysis, learning plan, SMART goals, 90-day plan, exit plan, iCal.

One module per concern, all pure (no I/O, no clocks: dates come in as arguments):

- :mod:`.gaps` — what stands between the person and a target occupation, prioritised;
- :mod:`.learning` — activities per gap with effort and proof, ordered and fitted into hours;
- :mod:`.smart` — a per-letter SMART checker; :mod:`.goals` — goals generated from the plan;
- :mod:`.tasks` — the task catalogue: strands, the rut check's signals, each task's wording;
- :mod:`.action` — the 90-day, week-by-week plan driven by the rut check's causes and strategies;
- :mod:`.credentials`, :mod:`.leave` — sourced tables: credentials and their costs, leave by state;
- :mod:`.exit` — runway, readiness to resign and a timeline;
- :mod:`.ics` — the action plan as an RFC 5545 calendar.
"""

from __future__ import annotations

from unstuck.core.plan.action import ActionPlan, build_action_plan
from unstuck.core.plan.exit import ExitInputs, readiness, runway, timeline
from unstuck.core.plan.gaps import Gap, GapAnalysis, analyse_gaps
from unstuck.core.plan.goals import goals_from_action_plan
from unstuck.core.plan.ics import to_ics
from unstuck.core.plan.learning import LearningPlan, Resource, build_learning_plan
from unstuck.core.plan.smart import GoalCheck, check_goal, target_context
from unstuck.core.plan.tasks import RutSignals

__all__ = [
    "ActionPlan",
    "ExitInputs",
    "Gap",
    "GapAnalysis",
    "GoalCheck",
    "LearningPlan",
    "Resource",
    "RutSignals",
    "analyse_gaps",
    "build_action_plan",
    "build_learning_plan",
    "check_goal",
    "goals_from_action_plan",
    "readiness",
    "runway",
    "target_context",
    "timeline",
    "to_ics",
]
