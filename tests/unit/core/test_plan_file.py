"""The plan file: what is written is read back the same; anything else is refused whole."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfcare.core.plan_file import (
    PlanFile,
    PlanFileError,
    checksum,
    identify,
    read_plan_file,
    write_plan_file,
)
from selfcare.core.plans import Template, make_plan
from selfcare.core.safety import Limb, SafetyProfile
from tests.helpers.mutations import mutated

SAVED = datetime(2026, 12, 6, 10, 30, tzinfo=UTC)


def sample(template: Template = Template.WEEKLY_THEN_MONTHLY) -> PlanFile:
    plan = make_plan(template, ["acupressure-relaxing", "pmr-short"], date(2026, 12, 7))
    safety = SafetyProfile(pregnancy=True, lymphoedema=frozenset({Limb.ARM_LEFT}),
                           bone_metastases=frozenset({"spine"}), note="Ask about SP6")
    return PlanFile("P-0042", "Ana", "es", plan, (time(18, 0),), safety, SAVED)


def test_a_written_plan_file_reads_back_the_same() -> None:
    content = sample()
    data = write_plan_file(content)
    assert identify(data) == "plan"
    assert read_plan_file(data) == content
    custom = make_plan(Template.CUSTOM, ["pmr-short"], date(2026, 12, 7),
                       end=date(2027, 1, 31), weekdays=[0, 3])
    other = PlanFile("P-7", "Tom", "en", custom, (), SafetyProfile(), SAVED,
                     date(2027, 1, 31), (0, 3))
    assert read_plan_file(write_plan_file(other)) == other


def edited(change) -> bytes:
    raw = json.loads(write_plan_file(sample()))
    change(raw)
    return json.dumps(raw).encode()


def resealed(change) -> bytes:
    raw = json.loads(write_plan_file(sample()))
    change(raw)
    raw["checksum"] = checksum(raw)
    return json.dumps(raw).encode()


@pytest.mark.parametrize(("data", "says"), [
    (b"", "not complete JSON"),
    (write_plan_file(sample())[:-40], "not complete JSON"),
    (b"\xff\xfe{}", "not UTF-8"),
    (b"[1, 2]", "not a Selfcare plan file"),
    (b'{"format": "something-else"}', "not a Selfcare plan file"),
    (b'{"format": "selfcare-log", "version": 1}', "a log of sessions, not a plan"),
    (edited(lambda raw: raw["plan"].update(sessions=["pmr-16-groups"])), "checksum"),
    (edited(lambda raw: raw["safety"].update(pregnancy=False)), "checksum"),
    (resealed(lambda raw: raw.update(version=2)), "newer Selfcare"),
    (resealed(lambda raw: raw["safety"].update(bone_metastases=["knee"])), "unknown body area"),
    (resealed(lambda raw: raw["plan"].update(template="custom")), "custom plan needs"),
    (resealed(lambda raw: raw["plan"].update(sessions=[])), "not a valid plan"),
    (resealed(lambda raw: raw["patient"].update(code="../../etc")), "not a valid plan"),
    (resealed(lambda raw: raw.update(extra=1)), "not a valid plan"),
    (resealed(lambda raw: raw.update(saved_at="2026-12-06T10:30:00")), "UTC offset"),
    (b" " * 1_000_001, "too large"),
], ids=["empty", "cut-short", "not-utf8", "a-list", "foreign", "a-log", "sessions-changed",
        "safety-changed", "newer", "unknown-area", "custom-without-days", "no-sessions",
        "bad-code", "unknown-field", "naive-time", "too-large"])
def test_a_bad_file_is_refused_with_one_line_saying_why(data: bytes, says: str) -> None:
    with pytest.raises(PlanFileError) as refused:
        read_plan_file(data)
    message = str(refused.value)
    assert says in message and "\n" not in message


GOOD = write_plan_file(sample())


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_thousand_mutated_plan_files_are_read_whole_or_refused_in_one_line(data) -> None:
    damaged = mutated(data, GOOD)
    try:
        content = read_plan_file(damaged)
    except PlanFileError as refused:
        assert "\n" not in str(refused) and str(refused)
    else:
        assert isinstance(content, PlanFile)  # survived: whitespace or an equivalent edit
        assert content.plan.slots and content.plan.sessions


@settings(max_examples=300, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=10), inner, max_size=4), max_leaves=30))
def test_any_json_at_all_is_refused_cleanly(value) -> None:
    with pytest.raises(PlanFileError):
        read_plan_file(json.dumps(value).encode())


def test_the_published_schema_is_the_one_the_reader_enforces_and_fits_a_written_file() -> None:
    import jsonschema

    from selfcare.core.plan_file import json_schema
    from tests.conftest import REPO

    published = json.loads((REPO / "docs" / "plan-file.schema.json").read_text("utf-8"))
    assert published == json_schema(), (
        "regenerate: python -m selfcare.core.plan_file > docs/plan-file.schema.json")
    jsonschema.validate(json.loads(write_plan_file(sample())), published)
