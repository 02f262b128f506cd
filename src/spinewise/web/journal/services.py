"""The journal's reads and writes: check-ins, PSFS, pain interference, weekly reviews,
progress, outcomes and exports.

Web views, the API and the CLI all come through here, so what is logged in the terminal
shows on the dashboard. Every decision is the core's.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from spinewise.core.checkin import retriage, unasked_flags
from spinewise.core.instruments import Instrument, InstrumentResult, packaged_instrument
from spinewise.core.intake import RECOVERY_SCREEN, Intake
from spinewise.core.journal import (
    INTERFERENCE_INSTRUMENT,
    DailyEntry,
    DayWindow,
    InterferenceRating,
    JournalError,
    PsfsActivity,
    PsfsRating,
    journal_window,
    parse_checkin,
    parse_idempotency_key,
    parse_interference,
    parse_rating,
)
from spinewise.core.journal import week_start_of as week_start_of  # the views' and tests'
from spinewise.core.pathway import score_screen
from spinewise.core.personal_outcomes import PersonalOutcomes, personal_outcomes
from spinewise.core.plan import finished_weeks
from spinewise.core.progress import WINDOW_DAYS, PainPoint, ProgressSummary, summary
from spinewise.core.review import WeeklyReview, apply_review, review_week
from spinewise.core.triage import Triage
from spinewise.reports.charts import adherence_chart, outcomes_chart, pain_chart, psfs_chart
from spinewise.reports.fhir import InstrumentAnswers
from spinewise.web.assessments.models import SavedAssessment
from spinewise.web.assessments.services import emergency_number
from spinewise.web.journal.models import (
    CheckIn,
    CheckInKey,
    InterferenceEntry,
    PsfsEntry,
    WeeklyReviewRecord,
)
from spinewise.web.prepared_reads import PreparedRead
from spinewise.web.programmes.models import SavedProgramme

# Defined once, in programmes.selectors; re-exported for the journal's callers.
from spinewise.web.programmes.selectors import latest_programme as latest_programme
from spinewise.web.programmes.selectors import (
    latest_programme_and_today as latest_programme_and_today,
)
from spinewise.web.programmes.selectors import today_for as today_for

PROGRESS_CACHE_SECONDS = 24 * 60 * 60
DASHBOARD_DAYS = 14  # daily rows kept for the dashboard's table


@dataclass(frozen=True)
class CheckInResult:
    checkin: CheckIn
    created: bool
    triage: Triage | None  # set when a new warning sign was reported
    replayed: bool = False  # the idempotency key was seen before: nothing was written


def latest_assessment(user: User) -> SavedAssessment | None:
    return SavedAssessment.objects.filter(user=user).first()


def baseline_pain(user: User) -> float | None:
    """The pain reported in the latest assessment: the starting point for change."""
    saved = latest_assessment(user)
    return float(saved.parsed_intake.intensity) if saved else None


def first_programme_start(user: User) -> date | None:
    starts = SavedProgramme.objects.filter(user=user).order_by("start").values_list("start")
    first = starts.first()
    return first[0] if first else None


def window_for(user: User, today: date | None = None) -> DayWindow:
    """The days this person may log (the core's date rule, in their own time zone)."""
    return journal_window(today or today_for(user), first_programme_start(user))


def record_checkin(
    user: User, entry: DailyEntry | Mapping[str, Any], idempotency_key: str | None = None
) -> CheckInResult:
    """Saves the day's check-in (replacing an earlier one that day) and re-triages.

    Raw data is validated by the core (``parse_checkin``); a ready entry is checked against
    the date rule. Either way a bad check-in raises JournalError naming each field.

    With an ``idempotency_key`` the check-in is recorded at most once: the same key again
    (a phone resending what it saved offline, not knowing the first attempt arrived) writes
    nothing and answers with the check-in the key made, ``replayed`` set, the warning-sign
    verdict included, even if that day was edited since.
    """
    key = parse_idempotency_key(idempotency_key)
    if key is None:
        return _record_checkin(user, entry)
    earlier = _replay(user, key)
    if earlier is not None:
        return earlier
    try:
        with transaction.atomic():
            result = _record_checkin(user, entry)
            CheckInKey.objects.create(user=user, key=key, checkin=result.checkin)
    except IntegrityError:
        # The same key arrived twice at once: the other request recorded it.
        earlier = _replay(user, key)
        if earlier is None:
            raise
        return earlier
    return result


def _retriage(user: User, flags: list[str]) -> Triage | None:
    saved = latest_assessment(user)
    return retriage(
        saved.parsed_intake if saved else None, flags, emergency_number=emergency_number()
    )


def _replay(user: User, key: str) -> CheckInResult | None:
    found = CheckInKey.objects.select_related("checkin").filter(user=user, key=key).first()
    if found is None:
        return None
    checkin = found.checkin
    triage = _retriage(user, list(checkin.new_red_flags))
    return CheckInResult(checkin=checkin, created=False, triage=triage, replayed=True)


@transaction.atomic
def _record_checkin(user: User, entry: DailyEntry | Mapping[str, Any]) -> CheckInResult:
    window = window_for(user)
    if isinstance(entry, DailyEntry):
        why = window.problem(entry.day)
        if why is not None:
            raise JournalError([("day", why)])
    else:
        entry = parse_checkin(entry, window=window)
    saved = latest_assessment(user)
    base = saved.parsed_intake if saved else None
    unasked = unasked_flags(base, list(entry.new_red_flags))
    if unasked:
        raise JournalError(
            [
                (
                    "new_red_flags",
                    f"not asked of you at a check-in: {', '.join(unasked)} (the pregnancy "
                    "signs are asked only when your latest assessment says you are pregnant; "
                    "if you are, take the assessment again)",
                )
            ]
        )
    checkin, created = CheckIn.objects.update_or_create(
        user=user,
        day=entry.day,
        defaults={
            "pain": entry.pain,
            "worst": entry.worst,
            "sessions_done": entry.sessions_done,
            "sitting_hours": entry.sitting_hours,
            "leg_pain": entry.leg_pain,
            "flare_up": entry.flare_up,
            "note": entry.note,
            "new_red_flags": list(entry.new_red_flags),
        },
    )
    triage = retriage(
        base,
        list(entry.new_red_flags),
        emergency_number=emergency_number(),
    )
    return CheckInResult(checkin=checkin, created=created, triage=triage)


_ENTRY_FIELDS = (
    "day", "pain", "worst", "sessions_done", "sitting_hours", "leg_pain", "flare_up", "note",
    "new_red_flags",
)  # fmt: skip


def entries_for(user: User) -> list[DailyEntry]:
    """Every check-in, oldest first. Rows were validated when written, so they are read
    without validating again: years of history stay cheap to chart."""
    rows = CheckIn.objects.filter(user=user).order_by("day").values_list(*_ENTRY_FIELDS)
    return [
        DailyEntry.model_construct(**dict(zip(_ENTRY_FIELDS, row, strict=True))) for row in rows
    ]


def checkin_on(user: User, day: date) -> CheckIn | None:
    return CheckIn.objects.filter(user=user, day=day).first()


def delete_checkin(user: User, day: date) -> bool:
    """Removes the person's check-in for ``day``; False when there was none."""
    deleted, _ = CheckIn.objects.filter(user=user, day=day).delete()
    return deleted > 0


def checkins_newest_first(user: User) -> list[CheckIn]:
    return list(CheckIn.objects.filter(user=user).order_by("-day"))


def psfs_newest_first(user: User) -> list[PsfsEntry]:
    return list(PsfsEntry.objects.filter(user=user).order_by("-week_start"))


def psfs_on(user: User, week_start: date) -> PsfsEntry | None:
    return PsfsEntry.objects.filter(user=user, week_start=week_start).first()


def delete_psfs(user: User, week_start: date) -> bool:
    """Removes the person's activity rating for that week; False when there was none."""
    deleted, _ = PsfsEntry.objects.filter(user=user, week_start=week_start).delete()
    return deleted > 0


def save_psfs(
    user: User, week_start: date, activities: list[PsfsActivity] | list[dict[str, Any]]
) -> PsfsEntry:
    """Saves (or replaces) the week's rating; JournalError when it breaks the rules."""
    data = {
        "week_start": week_start,
        "activities": [a.model_dump() if isinstance(a, PsfsActivity) else a for a in activities],
    }
    rating = parse_rating(data, window=window_for(user))
    entry, _ = PsfsEntry.objects.update_or_create(
        user=user,
        week_start=week_start,
        defaults={"activities": [a.model_dump() for a in rating.activities]},
    )
    return entry


def ratings_for(user: User) -> list[PsfsRating]:
    return [p.to_rating() for p in PsfsEntry.objects.filter(user=user)]


def interference_newest_first(user: User) -> list[InterferenceEntry]:
    return list(InterferenceEntry.objects.filter(user=user).order_by("-week_start"))


def interference_on(user: User, week_start: date) -> InterferenceEntry | None:
    return InterferenceEntry.objects.filter(user=user, week_start=week_start).first()


def delete_interference(user: User, week_start: date) -> bool:
    """Removes the person's pain-interference rating for that week; False when there was none."""
    deleted, _ = InterferenceEntry.objects.filter(user=user, week_start=week_start).delete()
    return deleted > 0


def save_interference(user: User, data: Mapping[str, Any]) -> InterferenceEntry:
    """Saves (or replaces) the week's pain-interference rating; JournalError when it breaks
    the rules (the core's ``parse_interference``, with the person's date window)."""
    rating = parse_interference(data, window=window_for(user))
    entry, _ = InterferenceEntry.objects.update_or_create(
        user=user,
        week_start=rating.week_start,
        defaults={"pain": rating.pain, "enjoyment": rating.enjoyment, "activity": rating.activity},
    )
    return entry


def interference_for(user: User) -> list[InterferenceRating]:
    return [e.to_rating() for e in InterferenceEntry.objects.filter(user=user)]


def interference_instrument() -> Instrument:
    """The weekly pain-interference questions (for the page's intro and licence note)."""
    return packaged_instrument(INTERFERENCE_INSTRUMENT)


def instrument_answers_for(user: User) -> list[InstrumentAnswers]:
    """Every completed instrument rating, for the FHIR export: the recovery screen at the
    latest assessment and at each re-screen, and each weekly pain-interference rating."""
    found: list[InstrumentAnswers] = []
    saved = latest_assessment(user)
    intake = saved.parsed_intake if saved else None
    screen = packaged_instrument(RECOVERY_SCREEN)
    if saved is not None and isinstance(intake, Intake) and intake.recovery is not None:
        found.append(InstrumentAnswers(screen, dict(intake.recovery), saved.created.date()))
    programme = latest_programme(user)
    for record in programme.programme.rescreens if programme else []:
        found.append(InstrumentAnswers(screen, dict(record.answers), record.day))
    interference = interference_instrument()
    found.extend(
        InstrumentAnswers(interference, rating.answers(), rating.week_start)
        for rating in interference_for(user)
    )
    return found


def assessment_screen(user: User) -> InstrumentResult | None:
    """The recovery screen as the latest assessment scored it (None when not answered)."""
    saved = latest_assessment(user)
    intake = saved.parsed_intake if saved else None
    return score_screen(intake.recovery) if isinstance(intake, Intake) else None


def outcomes_for(user: User, until: date | None = None) -> PersonalOutcomes:
    """The person's outcomes over the programme weeks (the core decides every mark)."""
    saved = latest_programme(user)
    return personal_outcomes(
        programme=saved.programme if saved else None,
        interference=interference_for(user),
        psfs=ratings_for(user),
        entries=entries_for(user),
        until=until,
        assessment_screen=assessment_screen(user),
    )


def reviews_for(saved: SavedProgramme) -> list[WeeklyReview]:
    return [WeeklyReview.model_validate(r.data) for r in saved.reviews.order_by("week")]


def _due_weeks(saved: SavedProgramme, today: date, reviewed: set[int]) -> list[int]:
    finished = finished_weeks(saved.start, saved.weeks, today)
    return [number for number in finished if number not in reviewed]


def run_due_reviews(saved: SavedProgramme, today: date) -> list[WeeklyReview]:
    """Reviews every finished week not yet reviewed, and re-tailors the weeks after it.

    Idempotent: a week is reviewed once, and a visit with nothing due writes nothing. A
    "retriage" verdict stops the adjustments; the person is asked to take the assessment
    again.
    """
    review_due_weeks(saved, today)
    return reviews_for(saved)


@functools.cache
def _verdicts() -> PreparedRead[WeeklyReviewRecord]:
    """(week, verdict) of a programme's reviews: read by every programme page."""
    return PreparedRead(WeeklyReviewRecord, where=[("programme", "=")], columns=["week", "verdict"])


def review_due_weeks(saved: SavedProgramme, today: date) -> bool:
    """Reviews the finished weeks not reviewed yet; True when it wrote anything.

    The check reads two small columns, so a visit with nothing due costs one query.
    """
    verdicts = {int(week): str(verdict) for week, verdict in _verdicts().rows(saved.pk)}
    if "retriage" in verdicts.values() or not _due_weeks(saved, today, set(verdicts)):
        return False
    before = len(verdicts)
    return len(_review_due_weeks(saved.pk, today)) > before


@transaction.atomic
def _review_due_weeks(programme_pk: int, today: date) -> list[WeeklyReview]:
    saved = SavedProgramme.objects.select_for_update().get(pk=programme_pk)
    history = reviews_for(saved)  # again, under the lock: another request may have won
    reviewed = {review.week_number for review in history}
    due = _due_weeks(saved, today, reviewed)
    if not due or any(r.verdict == "retriage" for r in history):
        return history
    programme = saved.programme
    baseline = baseline_pain(saved.user) or 0.0
    checkins = entries_for(saved.user)
    ratings = ratings_for(saved.user)
    for number in due:
        review = review_week(programme, number, checkins, baseline, history, ratings)
        WeeklyReviewRecord.objects.create(
            programme=saved,
            week=number,
            verdict=review.verdict,
            data=review.model_dump(mode="json"),
        )
        history.append(review)
        if review.verdict == "retriage":
            break
        programme = apply_review(programme, review)
    saved.store(programme)
    saved.save(update_fields=["data", "revision", "start", "end", "weeks", "level", "region"])
    return history


def _version_sql() -> str:
    checkins = CheckIn._meta.db_table
    ratings = PsfsEntry._meta.db_table
    assessments = SavedAssessment._meta.db_table
    reviews = WeeklyReviewRecord._meta.db_table
    interference = InterferenceEntry._meta.db_table
    # One round trip for everything the dashboard's summary reads (several ORM queries
    # cost more to build than to run).
    return (
        f"SELECT (SELECT COUNT(*) FROM {checkins} WHERE user_id = %s),"
        f" (SELECT MAX(updated) FROM {checkins} WHERE user_id = %s),"
        f" (SELECT COUNT(*) FROM {ratings} WHERE user_id = %s),"
        f" (SELECT MAX(updated) FROM {ratings} WHERE user_id = %s),"
        f" (SELECT id FROM {assessments} WHERE user_id = %s ORDER BY created DESC, id DESC"
        " LIMIT 1),"
        f" (SELECT COUNT(*) FROM {reviews} WHERE programme_id = %s),"
        f" (SELECT COUNT(*) FROM {reviews} WHERE programme_id = %s AND verdict = 'retriage'),"
        f" (SELECT COUNT(*) FROM {checkins} WHERE user_id = %s AND day = %s),"
        f" (SELECT COUNT(*) FROM {interference} WHERE user_id = %s),"
        f" (SELECT MAX(updated) FROM {interference} WHERE user_id = %s)"
    )


@dataclass(frozen=True)
class DashboardState:
    """What one query tells the dashboard: the data's version and what is due."""

    version: str
    has_assessment: bool
    checked_in_today: bool
    reviews_due: bool


def dashboard_state(user: User, saved: SavedProgramme | None, today: date) -> DashboardState:
    """The version of everything the summary reads, in one round trip.

    Reviews cover weeks 1, 2, ... in order (``_review_due_weeks``), so a week is due when
    fewer weeks are reviewed than have finished, unless a "retriage" stopped them.
    """
    programme = saved.pk if saved else None
    with connection.cursor() as cursor:
        cursor.execute(
            _version_sql(), [user.pk] * 5 + [programme, programme, user.pk, today, user.pk, user.pk]
        )
        row = cursor.fetchone()
    summary_parts = (*row[:6], *row[8:10])
    reviewed, retriage, today_rows = row[5], row[6], row[7]
    finished = len(finished_weeks(saved.start, saved.weeks, today)) if saved else 0
    parts = (*summary_parts, programme, saved.revision if saved else None)
    return DashboardState(
        version=hashlib.sha256(repr(parts).encode()).hexdigest()[:24],
        has_assessment=row[4] is not None,
        checked_in_today=today_rows > 0,
        reviews_due=saved is not None and not retriage and reviewed < finished,
    )


def progress_for(user: User, until: date | None = None) -> ProgressSummary:
    """The full progress summary, every day included (reports, the CLI, exports)."""
    saved = latest_programme(user)
    return summary(
        entries_for(user),
        saved.programme if saved else None,
        ratings_for(user),
        baseline_pain(user),
        until=until,
    )


@dataclass(frozen=True)
class Dashboard:
    """What the dashboard shows: the summary (last days only), its charts and the reviews."""

    progress: ProgressSummary
    pain_svg: str
    adherence_svg: str
    psfs_svg: str
    reviews: list[WeeklyReview]
    has_assessment: bool
    outcomes: PersonalOutcomes
    outcomes_svg: str

    @property
    def recent(self) -> list[PainPoint]:
        """The last days, newest first (the page's table)."""
        return list(reversed(self.progress.series[-WINDOW_DAYS:]))


def dashboard_for(user: User, saved: SavedProgramme | None, until: date | None = None) -> Dashboard:
    """The dashboard's content, computed once per change of the person's data.

    The cache key holds a version of everything the summary reads, so a cached dashboard is
    never stale, whichever cache backend is configured. Only the last days of the daily
    series are kept (the page's table); the chart uses the downsampled series. So years of
    history cost one computation per check-in, not one per page view.
    """
    state = dashboard_state(user, saved, until or date.today())
    key = f"spinewise:dashboard:{user.pk}:{until}:{state.version}"
    cached = cache.get(key)
    if isinstance(cached, Dashboard):
        return cached
    full = progress_for(user, until)
    progress = full.model_copy(update={"series": full.series[-DASHBOARD_DAYS:]})
    outcomes = outcomes_for(user, until)
    made = Dashboard(
        progress=progress,
        pain_svg=pain_chart(progress.chart_series, progress.pain.baseline),
        adherence_svg=adherence_chart(progress.adherence) if progress.adherence else "",
        psfs_svg=psfs_chart(progress.psfs) if progress.psfs else "",
        reviews=list(reversed(reviews_for(saved))) if saved else [],
        has_assessment=state.has_assessment,
        outcomes=outcomes,
        outcomes_svg="" if outcomes.empty else outcomes_chart(outcomes),
    )
    cache.set(key, made, timeout=PROGRESS_CACHE_SECONDS)
    return made


def dashboard_progress(user: User, until: date | None = None) -> ProgressSummary:
    """The summary the dashboard shows (cached with the rest of ``dashboard_for``)."""
    return dashboard_for(user, latest_programme(user), until).progress


def everything_about(user: User) -> dict[str, Any]:
    """All the app holds about a person, for "download all my data"."""
    programmes = SavedProgramme.objects.filter(user=user)
    return {
        "schema": "spinewise.export/1",
        "exported": datetime.now(tz=timezone.get_current_timezone()).isoformat(),
        "account": {
            "email": user.email,
            "joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "assessments": [
            {"id": a.pk, "created": a.created.isoformat(), "intake": a.intake, "result": a.result}
            for a in SavedAssessment.objects.filter(user=user)
        ],
        "programmes": [
            {
                "id": p.pk,
                "created": p.created.isoformat(),
                "preferences": p.prefs,
                "programme": p.data,
                "ticks": [
                    {"day": t.day.isoformat(), "exercise": t.exercise_id}
                    for t in p.ticks.order_by("day", "exercise_id")
                ],
                "weekly_reviews": [r.data for r in p.reviews.order_by("week")],
            }
            for p in programmes
        ],
        "checkins": [e.model_dump(mode="json") for e in entries_for(user)],
        "psfs": [r.model_dump(mode="json") for r in ratings_for(user)],
        "pain_interference": [r.model_dump(mode="json") for r in interference_for(user)],
        "api_tokens": [
            {"name": t.name, "created": t.created.isoformat()} for t in user.api_tokens.all()
        ],
    }
