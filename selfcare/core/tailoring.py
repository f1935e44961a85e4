"""A session made safe for one person: steps left out or softened, each change with reasons.

`safety.py` says what a person's conditions mean for each point and muscle group; this
module applies that to a script's steps. It keeps the steps' own numbers, so the
recorded narration of every kept step still plays, and it never writes new words into a
step (there would be no recorded voice for them): what changed is shown on screen as
`Change`s, such as "SP6 left out: pregnancy".

How steps are grouped: an acupressure or reflexology block is the steps that focus on
one point or area, with the step just before them that tells where to find it. A
paired point's first block is "one side" and its later blocks are "the other side", as
the scripts are written. In muscle relaxation, a group is tensed in its steps with a
`hold` and let go in the steps after; relaxing only keeps the letting go, and the first
tensing step of each round becomes a quiet moment (its chime and picture, no words, no
hold) so the person still knows which area comes next.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum

from selfcare.core.points import POINTS, Side, point
from selfcare.core.safety import (
    Condition,
    PointAction,
    PointAdvice,
    Reason,
    RegionAction,
    RegionAdvice,
    SafetyProfile,
    advice_for,
)
from selfcare.core.scripts import SessionScript, Step

QUIET_SECONDS = 3.0  # what is left of a tensing step turned into a moment of rest


class ChangeKind(StrEnum):
    LEFT_OUT = "left-out"  # a point or an area is not worked on at all
    ONE_SIDE = "one-side"  # a paired point on one side only
    GENTLE = "gentle"  # light pressure only
    RELAX_ONLY = "relax-only"  # a muscle group let go, never tensed


@dataclass(frozen=True, slots=True)
class Change:
    """One thing done differently for this person, and why."""

    code: str  # a point code ("SP6") or a region code ("arm-left-whole")
    kind: ChangeKind
    reasons: tuple[Reason, ...]
    side: str | None = None  # ONE_SIDE: the side to press, "left" or "right"
    check_skin: bool = False  # look at the skin afterwards (reduced feeling)


@dataclass(frozen=True, slots=True)
class TailoredSession:
    script: SessionScript  # the steps this person will do, with their original numbers
    changes: tuple[Change, ...]
    left_out_steps: tuple[int, ...]  # step numbers not played

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def tailor(script: SessionScript, profile: SafetyProfile | None) -> TailoredSession:
    """The session as this person should do it; unchanged when nothing applies."""
    if profile is None or profile == SafetyProfile():
        return TailoredSession(script, (), ())
    advice = advice_for((s.focus for s in script.steps if s.focus), profile)
    if script.kind == "pmr":
        steps, changes = _relax_only(script.steps, advice)
    elif script.kind == "acupressure":
        steps, changes = _press_safely(script.steps, advice, profile)
    else:
        return TailoredSession(script, (), ())
    kept = {step.number for step in steps}
    left_out = tuple(step.number for step in script.steps if step.number not in kept)
    if not steps:  # nothing safe is left: keep a single quiet step rather than an empty run
        steps = [Step(number=script.steps[0].number, pause=QUIET_SECONDS)]
    return TailoredSession(dataclasses.replace(script, steps=tuple(steps)), tuple(changes),
                           left_out)


def _press_safely(steps: tuple[Step, ...], advice: dict[str, PointAdvice | RegionAdvice],
                  profile: SafetyProfile) -> tuple[list[Step], list[Change]]:
    blocks = _blocks(steps)
    seen: dict[str, int] = {}  # blocks of each code met so far
    kept: list[Step] = []
    changes: dict[str, Change] = {}
    for code, block in blocks:
        found = advice.get(code) if code else None
        nth = seen.get(code, 0) if code else 0
        if code:
            seen[code] = nth + 1
        if found is None:
            kept.extend(block)
            continue
        change, keep = _point_change(found, nth, profile)
        if change is not None:
            changes.setdefault(code, change)  # type: ignore[arg-type]
        if keep:
            kept.extend(block)
    return kept, list(changes.values())


def _point_change(found: PointAdvice | RegionAdvice, nth: int, profile: SafetyProfile
                  ) -> tuple[Change | None, bool]:
    """The change for a block of steps on a point or area, and whether the block stays."""
    if isinstance(found, RegionAdvice):  # reflexology works on a foot or hand, not a point
        if found.action is RegionAction.RELAX_ONLY:
            return Change(found.code, ChangeKind.LEFT_OUT, found.reasons), False
        gentle = _gentle_for_area(found.code, profile)
        if gentle:
            return Change(found.code, ChangeKind.GENTLE, gentle,
                          check_skin=any(r.condition is Condition.NEUROPATHY
                                         for r in gentle)), True
        return None, True
    if found.action is PointAction.LEAVE_OUT:
        return Change(found.code, ChangeKind.LEFT_OUT, found.reasons), False
    if found.action is PointAction.ONE_SIDE and point(found.code).sides is Side.BOTH:
        side = found.press_sides[0]
        return (Change(found.code, ChangeKind.ONE_SIDE, found.reasons, side=side,
                       check_skin=found.check_skin), nth == 0)
    if found.gentle and found.reasons:
        return Change(found.code, ChangeKind.GENTLE, found.reasons,
                      check_skin=found.check_skin), True
    return None, True


def _blocks(steps: tuple[Step, ...]) -> list[tuple[str | None, list[Step]]]:
    """Steps cut into runs on one focus code, each with the step that leads into it;
    steps outside any run (welcome, safety words, the close) have the code None."""
    blocks: list[tuple[str | None, list[Step]]] = []
    for index, step in enumerate(steps):
        if step.focus is None:
            following = steps[index + 1].focus if index + 1 < len(steps) else None
            leads_in = following is not None and following in _WORKED and step.hold == 0
            blocks.append((following if leads_in else None, [step]))
        elif blocks and blocks[-1][0] == step.focus:
            blocks[-1][1].append(step)
        else:
            blocks.append((step.focus, [step]))
    return blocks


def _relax_only(steps: tuple[Step, ...], advice: dict[str, PointAdvice | RegionAdvice]
                ) -> tuple[list[Step], list[Change]]:
    kept: list[Step] = []
    changes: dict[str, Change] = {}
    previous_focus: str | None = None
    for step in steps:
        found = advice.get(step.focus) if step.focus else None
        tensing = step.hold > 0
        if (isinstance(found, RegionAdvice) and found.action is RegionAction.RELAX_ONLY
                and tensing):
            changes.setdefault(found.code, Change(found.code, ChangeKind.RELAX_ONLY,
                                                  found.reasons))
            if step.cue is not None or step.focus != previous_focus:
                kept.append(Step(number=step.number, cue=step.cue, focus=step.focus,
                                 pause=QUIET_SECONDS))
        else:
            kept.append(step)
        previous_focus = step.focus
    return kept, list(changes.values())


def _gentle_for_area(code: str, profile: SafetyProfile) -> tuple[Reason, ...]:
    """Why pressure on a whole foot or hand must stay light: bleeding risk, or numbness."""
    reasons = [Reason(Condition.LOW_PLATELETS)] if profile.low_platelets else []
    if profile.neuropathy_feet and code.startswith(("foot", "feet")):
        reasons.append(Reason(Condition.NEUROPATHY, "feet"))
    if profile.neuropathy_hands and code.startswith("hand"):
        reasons.append(Reason(Condition.NEUROPATHY, "hands"))
    return tuple(reasons)


_WORKED = frozenset(POINTS) | {"foot-left", "foot-right", "feet", "hand-left", "hand-right",
                               "hands"}


def plain_english(change: Change) -> str:
    """One line for the terminal and the log, e.g. 'SP6 left out: pregnancy'."""
    why = ", ".join(reason.condition.value + (f" ({reason.where})" if reason.where else "")
                    for reason in change.reasons)
    what = {
        ChangeKind.LEFT_OUT: f"{change.code} left out",
        ChangeKind.ONE_SIDE: f"{change.code} on the {change.side} side only",
        ChangeKind.GENTLE: f"{change.code} pressed gently",
        ChangeKind.RELAX_ONLY: f"{change.code} relaxed, not tensed",
    }[change.kind]
    skin = "; check the skin afterwards" if change.check_skin else ""
    return f"{what}: {why}{skin}" if why else what + skin
