"""The log file: read back the same, refused whole when wrong, and merged without duplicates."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfcare.core.log_file import (
    LogFile,
    LogFileError,
    LoggedSession,
    LoggedWeek,
    new_sessions,
    read_log_file,
    write_log_file,
)
from selfcare.core.plan_file import checksum, identify
from tests.helpers.mutations import mutated

T0 = datetime(2026, 12, 7, 18, 0, 0, 123456, tzinfo=UTC)


def session(n: int, **changes) -> LoggedSession:
    fields = {"started_at": T0 + timedelta(days=n), "script_id": "pmr-short",
              "status": "completed", "step_reached": 17, "steps_total": 17,
              "ended_at": T0 + timedelta(days=n, minutes=8), "kind": "pmr", "lang": "es",
              "before": {"pain": 6, "tension": None}, "after": {"pain": 4},
              "soreness": None, "note": None}
    fields.update(changes)
    return LoggedSession(**fields)


def sample() -> LogFile:
    return LogFile("P-0042", T0 + timedelta(days=30), (
        session(0), session(1, status="interrupted", step_reached=4, after={"pain": None}),
        session(2, script_id="acupressure-relaxing", kind="acupressure", soreness="mild",
                note="bruise, left hand"),
    ), (LoggedWeek(date(2026, 12, 7), "weekly-check", "1", "average-pain", 6),
        LoggedWeek(date(2026, 12, 7), "weekly-check", "1", "enjoyment", None)))


def test_a_written_log_reads_back_the_same() -> None:
    data = write_log_file(sample())
    assert identify(data) == "log"
    assert read_log_file(data) == sample()


def test_importing_the_same_log_twice_adds_each_session_once() -> None:
    log = read_log_file(write_log_file(sample()))
    first = new_sessions(log, [])
    assert len(first) == 3
    assert new_sessions(log, [s.key for s in first]) == []
    longer = LogFile("P-0042", T0 + timedelta(days=40), (*sample().sessions, session(5)))
    assert [s.started_at for s in new_sessions(longer, [s.key for s in first])] == \
        [T0 + timedelta(days=5)]


def resealed(change) -> bytes:
    raw = json.loads(write_log_file(sample()))
    change(raw)
    raw["checksum"] = checksum(raw)
    return json.dumps(raw).encode()


@pytest.mark.parametrize(("data", "says"), [
    (write_log_file(sample())[:-30], "not complete JSON"),
    (b'{"format": "selfcare-plan", "version": 1}', "a plan, not a log"),
    (resealed(lambda raw: raw.update(version=3)), "newer Selfcare"),
    (resealed(lambda raw: raw["sessions"][0].update(before={"pain": 11})), "not a valid log"),
    (resealed(lambda raw: raw["sessions"][0].update(step_reached=99)), "reached step 99"),
    (resealed(lambda raw: raw["sessions"].append(raw["sessions"][0])), "listed twice"),
    (resealed(lambda raw: raw["sessions"][0].update(started_at="2026-12-07T18:00:00")),
     "without its UTC offset"),
    (resealed(lambda raw: raw["sessions"][0].update(status="running")), "not a valid log"),
], ids=["cut-short", "a-plan", "newer", "rating-11", "step-past-end", "duplicate",
        "naive-time", "still-running"])
def test_a_bad_log_is_refused_with_one_line_saying_why(data: bytes, says: str) -> None:
    with pytest.raises(LogFileError) as refused:
        read_log_file(data)
    assert says in str(refused.value) and "\n" not in str(refused.value)


def test_a_changed_rating_fails_the_checksum() -> None:
    raw = json.loads(write_log_file(sample()))
    raw["sessions"][0]["after"]["pain"] = 1
    with pytest.raises(LogFileError, match="checksum"):
        read_log_file(json.dumps(raw).encode())


GOOD = write_log_file(sample())


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_thousand_mutated_logs_are_read_whole_or_refused_in_one_line(data) -> None:
    damaged = mutated(data, GOOD)
    try:
        log = read_log_file(damaged)
    except LogFileError as refused:
        assert "\n" not in str(refused) and str(refused)
    else:
        assert log.patient_code and len(log.sessions) <= len(sample().sessions)


def test_the_published_schema_is_the_one_the_reader_enforces_and_fits_a_written_log() -> None:
    import jsonschema

    from selfcare.core.log_file import json_schema
    from tests.conftest import REPO

    published = json.loads((REPO / "docs" / "log-file.schema.json").read_text("utf-8"))
    assert published == json_schema(), (
        "regenerate: python -m selfcare.core.log_file > docs/log-file.schema.json")
    jsonschema.validate(json.loads(write_log_file(sample())), published)
    jsonschema.Draft202012Validator.check_schema(published)


def test_the_example_in_the_documentation_is_a_log_that_reads() -> None:
    import re

    from tests.conftest import REPO

    page = (REPO / "docs" / "log-file.md").read_text("utf-8")
    example = re.search(r"```json\n(.*?)```", page, re.DOTALL)
    assert example is not None, "docs/log-file.md has no ```json example"
    log = read_log_file(example.group(1).encode("utf-8"))
    assert log.patient_code and log.sessions and log.weekly
