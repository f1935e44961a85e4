"""The script validator: every fault named by file, step and field; valid scripts load."""

from __future__ import annotations

from selfcare.core.assets import ClipState
from selfcare.core.problems import Severity, errors_in
from selfcare.core.scripts import parse_script
from tests.conftest import DATA

GOOD = """
format = 1
id = "good"
kind = "pmr"
ambience = "soft-drone"
title = { en = "Good", es = "Bueno" }
summary = { en = "A test.", es = "Una prueba." }

[[steps]]
pause = 2

[[steps]]
say = { en = "Make a fist.", es = "Cierra el puño." }
cue = "chime"
focus = "hand-right"
hold = 5
pause = 20
"""


class Assets:
    def __init__(self, clip: ClipState = ClipState.OK) -> None:
        self.clip = clip

    def has_cue(self, name: str) -> bool:
        return name == "chime"

    def has_ambience(self, name: str) -> bool:
        return name == "soft-drone"

    def clip_state(self, lang: str, script_id: str, number: int, words: str) -> ClipState:
        return self.clip


def problems_of(text: str, expected_id: str | None = "good", assets=None):
    return parse_script(text, "x.toml", expected_id=expected_id, assets=assets).problems


def test_a_valid_script_loads_with_its_steps_and_languages():
    result = parse_script(GOOD, "good.toml", expected_id="good", assets=Assets())
    assert result.problems == []
    script = result.script
    assert script is not None
    assert script.languages == ("en", "es")
    assert [s.number for s in script.steps] == [1, 2]
    assert script.steps[1].hold == 5.0 and script.steps[1].focus == "hand-right"


def test_three_different_faults_give_three_lines_naming_file_step_and_field():
    path = DATA / "scripts" / "bad" / "three-faults.toml"
    result = parse_script(path.read_text(), str(path), expected_id="three-faults")
    assert result.script is None
    lines = [str(p) for p in result.problems]
    assert lines == [
        f"{path}: step 1: colour: unknown key",
        f"{path}: step 2: pause: must not be negative (got -3)",
        f"{path}: step 3: say: missing language 'es'",
    ]


def test_id_must_match_the_file_name():
    problems = problems_of(GOOD, expected_id="other")
    assert [(p.code, p.field) for p in problems] == [("id-mismatch", "id")]


def test_asset_paths_that_leave_the_assets_folder_are_errors():
    text = GOOD.replace('ambience = "soft-drone"', 'ambience = "../../etc/passwd"').replace(
        'cue = "chime"', 'cue = "C:\\\\Windows\\\\x"')
    problems = problems_of(text, assets=Assets())
    assert {(p.code, p.step, p.field) for p in problems} == {
        ("path-outside-assets", None, "ambience"),
        ("path-outside-assets", 2, "cue"),
    }


def test_wrong_types_unknown_focus_and_empty_steps_are_reported_together():
    text = GOOD + '\n[[steps]]\nhold = "7"\n\n[[steps]]\nfocus = "LI44"\n\n[[steps]]\n'
    problems = problems_of(text)
    assert [(p.step, p.field, p.code) for p in problems] == [
        (3, "hold", "wrong-type"),
        (4, None, "empty-step"),
        (4, "focus", "unknown-focus"),
        (5, None, "empty-step"),
    ]


def test_booleans_are_not_numbers_and_nan_is_not_a_time():
    problems = problems_of(GOOD + "\n[[steps]]\nhold = true\n\n[[steps]]\npause = nan\n")
    assert [(p.step, p.field) for p in problems] == [(3, "hold"), (4, "pause")]


def test_a_language_not_in_the_title_is_an_error():
    text = GOOD.replace('es = "Cierra el puño."', 'es = "Cierra el puño.", fr = "Serrez."')
    problems = problems_of(text)
    assert [(p.code, p.step, p.field) for p in problems] == [("unknown-language", 2, "say")]


def test_header_faults_are_reported_alongside_step_faults():
    text = GOOD.replace("format = 1", "format = 2").replace('kind = "pmr"', 'kind = "yoga"')
    text += "\n[[steps]]\npause = -1\n"
    problems = problems_of(text)
    assert {(p.step, p.field) for p in problems} == {(None, "format"), (None, "kind"),
                                                     (3, "pause")}


def test_missing_clips_are_warnings_and_do_not_stop_the_script():
    result = parse_script(GOOD, "good.toml", expected_id="good",
                          assets=Assets(ClipState.MISSING))
    assert result.script is not None
    assert errors_in(result.problems) == []
    assert [(p.severity, p.step, p.field) for p in result.problems] == [
        (Severity.WARNING, 2, "say.en"), (Severity.WARNING, 2, "say.es")]
    assert "captions only" in str(result.problems[0])


def test_stale_clips_are_flagged_so_voice_and_captions_never_disagree():
    result = parse_script(GOOD, "good.toml", expected_id="good", assets=Assets(ClipState.STALE))
    assert all("older words" in p.message for p in result.problems)


def test_broken_toml_names_the_line():
    problems = problems_of('format = 1\ntitle = { en = "x" \n')
    assert len(problems) == 1
    assert problems[0].code == "toml-syntax" and "line" in problems[0].message


def test_steps_must_be_tables_and_at_least_one():
    assert [p.field for p in problems_of(GOOD.split("[[steps]]")[0] + "steps = []")] == ["steps"]
    problems = problems_of(GOOD.split("[[steps]]")[0] + "steps = [1]")
    assert [(p.step, p.code) for p in problems] == [(1, "step-type")]


def test_bad_language_keys_are_explained():
    problems = problems_of(GOOD.replace('title = { en = "Good", es = "Bueno" }',
                                        'title = { EN = "Good" }'))
    assert any("not a language code" in p.message for p in problems)


def test_odd_values_anywhere_give_problems_never_an_exception():
    import itertools

    odd = [None, True, -1, 1e308, float("inf"), "", " ", [], {}, {"en": ""}, {"EN": "x"},
           {"en": 3}, [1, 2], "../x", "x" * 300]
    keys = ["format", "id", "kind", "ambience", "tags", "title", "summary"]
    for key, value in itertools.product(keys, odd):
        text_free = {"format": 1, "id": "good", "kind": "pmr", "title": {"en": "T"},
                     "steps": [{"pause": 1}]}
        text_free[key] = value
        checker_result = _parse_raw(text_free)
        assert checker_result.script is None or key in ("ambience", "tags", "summary")
    for key, value in itertools.product(["say", "cue", "focus", "hold", "pause"], odd):
        raw = {"format": 1, "id": "good", "kind": "pmr", "title": {"en": "T"},
               "steps": [{key: value}]}
        result = _parse_raw(raw)
        assert all(p.step == 1 for p in result.problems if p.is_error)


def _parse_raw(raw):
    from selfcare.core.scripts import ScriptResult, _Checker

    checker = _Checker("x.toml", "good", None)
    return ScriptResult(checker.check(raw), checker.problems)
