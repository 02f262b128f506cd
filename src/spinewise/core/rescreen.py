"""The recovery screen asked again at weeks 3 and 6: the pathway may change, with the reason.

A changed pathway applies to the weeks still to come: their lessons follow the new pathway
(the high pathway's lessons appear, or stop), and the programme's pathway and its reasons
are replaced. The session days and doses stay as the weekly reviews set them.
"""

from __future__ import annotations

from datetime import date

from spinewise.core.instruments import AnswersError
from spinewise.core.pathway import lessons_for, pathway_from_screen, score_screen
from spinewise.core.plan.models import Programme, RescreenRecord

RESCREEN_WEEKS = (3, 6)


class RescreenError(ValueError):
    """A re-screen that cannot be recorded; ``problems`` names each bad field."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{field}: {reason}" for field, reason in problems))


def rescreen(
    programme: Programme, week: int, answers: dict[str, str], day: date
) -> tuple[Programme, RescreenRecord]:
    """The programme after the re-screen of ``week`` (3 or 6), and the record of it.

    Raises RescreenError naming each problem (a week other than 3 or 6, a week already
    re-screened, answers that do not fit the screen).
    """
    problems: list[tuple[str, str]] = []
    if week not in RESCREEN_WEEKS:
        asked = " and ".join(map(str, RESCREEN_WEEKS))
        problems.append(("week", f"the screen is repeated at weeks {asked}"))
    elif day < programme.week(week).start:
        problems.append(("week", f"week {week} starts on {programme.week(week).start}"))
    if any(change.week == week for change in programme.rescreens):
        problems.append(("week", f"week {week} has already been re-screened"))
    try:
        result = score_screen(answers)
    except AnswersError as exc:
        problems.extend((f"answers.{item}", reason) for item, reason in exc.problems)
        result = None
    if problems or result is None:
        raise RescreenError(problems)
    new = pathway_from_screen(result)
    before = programme.pathway.id if programme.pathway else programme.basis.pathway
    changed = new.id != before
    verb = "moved you to" if changed else "keep you on"
    reason = (
        f"At week {week} your answers {verb} the {new.name.lower()}: {result.band_label.lower()}."
    )
    change = RescreenRecord(
        week=week,
        day=day,
        before=before,
        after=new.id,
        changed=changed,
        reason=reason,
        answers=dict(answers),
        scores=result.scores,
    )
    weeks = [
        w if w.number <= week else w.model_copy(update={"lessons": lessons_for(new.id, w.number)})
        for w in programme.weeks
    ]
    updated = programme.model_copy(
        update={
            "pathway": new.model_copy(update={"reasons": [reason, *new.reasons]}),
            "basis": programme.basis.model_copy(update={"pathway": new.id}),
            "weeks": weeks,
            "rescreens": [*programme.rescreens, change],
        }
    )
    return updated, change


def rescreen_due(programme: Programme, today: date) -> int | None:
    """The re-screen week (3 or 6) whose time has come and that is not yet answered."""
    done = {change.week for change in programme.rescreens}
    due = [
        week
        for week in RESCREEN_WEEKS
        if week <= len(programme.weeks) and programme.week(week).start <= today and week not in done
    ]
    return due[-1] if due else None
