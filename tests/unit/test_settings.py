"""Preferences: declared once, saved when changed, never lost or clobbered."""

from __future__ import annotations

import json

import pytest

from selfcare.settings import OPTIONS, Settings


def test_every_option_has_a_description_and_a_default_it_accepts():
    for option in OPTIONS.values():
        assert option.description
        assert option.accept(option.default) == option.default


def test_values_survive_a_restart_and_only_changes_are_saved(tmp_path):
    settings = Settings(tmp_path)
    settings.set("voice_volume", 0.6)
    settings.set("background_volume", OPTIONS["background_volume"].default)
    saved = json.loads((tmp_path / "settings.json").read_text())
    assert saved == {"version": 1, "values": {"voice_volume": 0.6}}
    assert Settings(tmp_path).get("voice_volume") == 0.6


def test_out_of_range_values_are_clamped(tmp_path):
    settings = Settings(tmp_path)
    settings.set("background_volume", 7)
    assert settings.get("background_volume") == 1.0


def test_an_unreadable_file_is_moved_aside_and_defaults_used(tmp_path):
    (tmp_path / "settings.json").write_text("{not json")
    settings = Settings(tmp_path)
    assert settings.get("voice_volume") == OPTIONS["voice_volume"].default
    kept = list(tmp_path.glob("settings.json.damaged-*"))
    assert len(kept) == 1 and kept[0].read_text() == "{not json"


def test_a_newer_file_is_left_untouched(tmp_path):
    newer = '{"version": 99, "values": {"voice_volume": 0.1}}'
    (tmp_path / "settings.json").write_text(newer)
    settings = Settings(tmp_path)
    settings.set("voice_volume", 0.5)
    assert (tmp_path / "settings.json").read_text() == newer


def test_yes_no_and_choice_options_keep_their_type(tmp_path):
    settings = Settings(tmp_path)
    settings.set("high_contrast", True)
    settings.set("language", "es")
    again = Settings(tmp_path)
    assert again.flag("high_contrast") is True
    assert again.choice("language") == "es"
    assert again.flag("captions") is True  # on unless turned off


def test_a_value_of_the_wrong_kind_is_refused_and_nothing_is_saved(tmp_path):
    settings = Settings(tmp_path)
    for name, value in (("language", "fr"), ("high_contrast", 1), ("text_scale", "big"),
                        ("captions", "no")):
        with pytest.raises(ValueError):
            settings.set(name, value)
    assert not (tmp_path / "settings.json").exists()


def test_odd_values_in_the_file_fall_back_to_defaults(tmp_path):
    (tmp_path / "settings.json").write_text(json.dumps({"version": 1, "values": {
        "language": "klingon", "high_contrast": "yes", "text_scale": 9, "captions": None,
        "unknown": 1}}))
    settings = Settings(tmp_path)
    assert settings.choice("language") == ""
    assert settings.flag("high_contrast") is False
    assert settings.get("text_scale") == 2.0  # clamped, as numbers are
    assert settings.flag("captions") is True
