"""The programme as an iCalendar file: sessions, movement breaks and weekly reviews.

Every UID is derived from the programme id and the event's key, and DTSTAMP from the
programme start, so exporting the same programme twice gives the same file: calendar
apps update the events instead of duplicating them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, vRecur

from spinewise.core.plan import WEEKDAYS, Preferences, Programme, Session, Week

PRODID = "-//Spinewise//Six-week back programme//EN"
CALENDAR_NAME = "Spinewise: six-week back programme"
UID_DOMAIN = "spinewise"
ALARM_MINUTES_BEFORE = 10
REVIEW_MINUTES_AFTER_SESSION = 45
REVIEW_MINUTES = 15
BREAK_MINUTES = 5
# A few nudges through the working day (not one every 30 minutes: the file stays small
# and the calendar stays usable). The habit text asks for more breaks in between.
BREAK_TIMES = (time(10, 0), time(11, 0), time(12, 0), time(14, 0), time(15, 0), time(16, 0))
_ICAL_DAYS = {
    "mon": "MO",
    "tue": "TU",
    "wed": "WE",
    "thu": "TH",
    "fri": "FR",
    "sat": "SA",
    "sun": "SU",
}


def _uid(programme: Programme, key: str) -> str:
    return f"{programme.id}-{key}@{UID_DOMAIN}"


def _alarm(description: str, minutes_before: int) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", description)
    alarm.add("trigger", timedelta(minutes=-minutes_before))
    return alarm


def _event(
    programme: Programme,
    key: str,
    summary: str,
    start: datetime,
    minutes: int,
    description: str,
    stamp: datetime,
) -> Event:
    event = Event()
    event.add("uid", _uid(programme, key))
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=minutes))
    event.add("summary", summary)
    event.add("description", description)
    event.add("categories", ["Spinewise"])
    event.add("transp", "TRANSPARENT")
    return event


def session_description(programme: Programme, week: Week, session: Session) -> str:
    lines = [
        f"Week {week.number} of {len(programme.weeks)}: {week.phase_name}.",
        f"About {session.estimated_minutes} minutes.",
        "",
    ]
    if week.planned_note:
        lines[2:2] = [week.planned_note, ""]
    for number, item in enumerate(session.exercises, start=1):
        lines.append(f"{number}. {item.name}: {item.dosage}")
    lines += ["", f"Also today: walk for about {week.walking_minutes} minutes."]
    if session is week.sessions[0]:
        lines += ["", f"This week's read: {week.education.title}. {week.education.summary}"]
    lines += ["", programme.safety_note]
    return "\n".join(lines)


def _first_workday(start: date, days: list[str]) -> date:
    for offset in range(7):
        day = start + timedelta(days=offset)
        if WEEKDAYS[day.weekday()] in days:
            return day
    return start


def _days_from(day: date, days: int) -> date:
    """``day`` moved by ``days``, kept inside the calendar (a plan stored before the date
    rule may start on 1 January of year 1)."""
    ordinal = day.toordinal() + days
    return date.fromordinal(min(max(ordinal, 1), date.max.toordinal()))


def programme_to_ics(
    programme: Programme, prefs: Preferences, stamp: datetime | None = None
) -> bytes:
    """The programme as an .ics file, in the person's time zone, with reminders.

    ``stamp`` is the DTSTAMP of every event; it defaults to the programme start (midnight
    UTC) so that two exports of one programme are byte-for-byte the same.
    """
    zone = ZoneInfo(prefs.timezone)
    stamp = stamp or datetime.combine(programme.start, time(0, 0), tzinfo=UTC)
    clock = prefs.session_clock

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    calendar.add("x-wr-timezone", prefs.timezone)

    for week in programme.weeks:
        for session in week.sessions:
            start = datetime.combine(session.date, clock, tzinfo=zone)
            planned = "" if week.confirmed else " (planned)"
            event = _event(
                programme,
                f"session-{session.date.isoformat()}",
                f"Back exercises{planned}: week {week.number}, {week.phase_name.lower()} "
                f"({session.estimated_minutes} min)",
                start,
                session.estimated_minutes,
                session_description(programme, week, session),
                stamp,
            )
            event.add_component(
                _alarm(
                    f"Back exercises in {ALARM_MINUTES_BEFORE} minutes "
                    f"({session.estimated_minutes} min)",
                    ALARM_MINUTES_BEFORE,
                )
            )
            # RFC 5545: a week still waiting for its review is tentative, not confirmed.
            event.add("status", "CONFIRMED" if week.confirmed else "TENTATIVE")
            calendar.add_component(event)

        review_start = datetime.combine(week.end, clock, tzinfo=zone) + timedelta(
            minutes=REVIEW_MINUTES_AFTER_SESSION
        )
        review = _event(
            programme,
            f"review-week-{week.number}",
            f"Spinewise check-in: how did week {week.number} go?",
            review_start,
            REVIEW_MINUTES,
            "Open Spinewise and check in: rate your pain from 0 to 10 (and your leg pain if "
            "it spreads into a leg), tick the sessions you managed and note any flare-ups. "
            "This review sets next week: harder exercises only if pain and leg symptoms "
            "are stable or better. If you notice any warning sign, answer the safety "
            "questions again straight away.",
            stamp,
        )
        review.add_component(_alarm("Time for your weekly check-in", 0))
        calendar.add_component(review)

    breaks = programme.movement_breaks
    if breaks is not None and breaks.days:
        first = _first_workday(programme.start, list(breaks.days))
        until = datetime.combine(programme.end, time(23, 59, 59), tzinfo=zone).astimezone(UTC)
        rule = vRecur(freq="WEEKLY", byday=[_ICAL_DAYS[day] for day in breaks.days], until=until)
        for slot in BREAK_TIMES:
            event = _event(
                programme,
                f"break-{slot.strftime('%H%M')}",
                "Move for a minute",
                datetime.combine(first, slot, tzinfo=zone),
                BREAK_MINUTES,
                f"Stand up, walk about or do a couple of your exercises. {breaks.reason} "
                f"Aim to get up every {breaks.every_minutes} minutes; this is a nudge.",
                stamp,
            )
            event.add("rrule", rule)
            event.add_component(_alarm("Time to get up and move", 0))
            calendar.add_component(event)

    calendar.add_missing_timezones(
        first_date=_days_from(programme.start, -1),
        last_date=_days_from(programme.end, 2),
    )
    ics: bytes = calendar.to_ical()
    return ics
