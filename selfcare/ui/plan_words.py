"""A plan said in plain words, for the preview before a plan file is applied."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from selfcare.ui.i18n import tr
from selfcare.ui.names import language_name
from selfcare.ui.safety_words import profile_lines

if TYPE_CHECKING:
    from selfcare.core.plan_file import PlanFile
    from selfcare.core.plans import Template


def template_name(template: Template) -> str:
    from selfcare.core.plans import Template

    return {
        Template.WEEKLY_THEN_MONTHLY: tr("Weekly for 10 weeks, then monthly to week 26"),
        Template.WEEKLY_12: tr("Weekly for 12 weeks"),
        Template.DAILY_4_WEEKS: tr("Every day for 4 weeks"),
        Template.CUSTOM: tr("On chosen days of the week"),
    }[template]


def plan_lines(content: PlanFile, titles: Mapping[str, str]) -> list[str]:
    plan = content.plan
    lines = [
        tr("For: %1").replace("%1", content.display_name),
        tr("Sessions: %1").replace("%1", ", ".join(titles.get(s, s) for s in plan.sessions)),
        tr("How often: %1").replace("%1", template_name(plan.template)),
        tr("From %1 to %2").replace("%1", plan.start.isoformat())
        .replace("%2", plan.end.isoformat()),
        tr("Language: %1").replace("%1", language_name(content.language)),
    ]
    if content.reminders:
        lines.append(tr("Reminders at %1").replace(
            "%1", ", ".join(moment.strftime("%H:%M") for moment in content.reminders)))
    safety = profile_lines(content.safety)
    lines.append(tr("Safety settings: %1").replace("%1", "; ".join(safety) if safety
                                                      else tr("none marked")))
    return lines
