"""The commands behind `selfcare COMMAND`: each parses its options and calls the layers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfcare.cli import EXIT_OK, EXIT_PROBLEM, CommandError, print_json

if TYPE_CHECKING:  # the real imports wait until a command runs: `selfcare` alone stays fast
    from selfcare.core.scripts import SessionScript


def register(commands: Any) -> None:
    _validate(commands.add_parser(
        "validate", help="check session scripts; print every problem, one per line"))
    _timeline(commands.add_parser("timeline", help="print a session's timed events"))
    _render(commands.add_parser("render", help="write a session's exact stream to a WAV file"))
    _play(commands.add_parser("play", help="play a session (--no-gui: in the terminal)"))
    _history(commands.add_parser("history", help="list recorded sessions"))
    _export(commands.add_parser("export", help="write your records to a file"))
    _import(commands.add_parser(
        "import", help="apply a plan file from a clinic, or merge a log file into a patient"))
    from selfcare.audio.build_cli import register as register_build

    register_build(commands)


def _validate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="script files or folders (default: the built-in scripts)")
    parser.add_argument("--measures", metavar="FOLDER", nargs="?", const="",
                        help="check the questionnaire files in FOLDER instead (default: the "
                             "built-in ones, which are also checked when no PATH is given)")
    parser.set_defaults(run=run_validate)


def run_validate(args: argparse.Namespace) -> int:
    from selfcare import library, paths
    from selfcare.core.problems import Problem, errors_in

    if args.measures is not None:
        return _validate_measures(Path(args.measures) if args.measures else None)
    files: list[Path] = []
    for given in args.paths or [str(paths.scripts_dir())]:
        path = Path(given)
        files.extend(library.script_files(path) if path.is_dir() else [path])
    if not files:
        raise CommandError("no script files found")
    assets = library.FileAssetIndex()
    problems: list[Problem] = []
    for file in files:
        problems.extend(library.load_script_file(file, assets).problems)
    for problem in problems:
        print(problem)
    errors = errors_in(problems)
    summary = f"{len(files)} script(s) checked: {len(errors)} error(s), " \
        f"{len(problems) - len(errors)} warning(s)"
    print(summary, file=sys.stderr)
    measures_failed = not args.paths and _validate_measures(None) != EXIT_OK
    return EXIT_PROBLEM if errors or measures_failed else EXIT_OK


def _validate_measures(folder: Path | None) -> int:
    from selfcare import paths
    from selfcare.measures_files import load_measures

    folder = folder or paths.measures_dir()
    if not folder.is_dir():
        raise CommandError(f"{folder}: not a folder of questionnaire files")
    found = load_measures(folder)
    for problem in found.problems:
        print(problem)
    print(f"{len(found.instruments) + len(found.problems)} questionnaire file(s) checked: "
          f"{len(found.problems)} error(s)", file=sys.stderr)
    return EXIT_PROBLEM if found.problems else EXIT_OK


def load_session(id_or_path: str) -> SessionScript:
    """A valid script, or a CommandError naming every error in it."""
    from selfcare import library
    from selfcare.core.problems import errors_in

    result = library.resolve_script(id_or_path)
    if result.script is None:
        errors = errors_in(result.problems) or result.problems
        raise CommandError("\n".join(str(p) for p in errors))
    return result.script


def pick_language(script: SessionScript, lang: str | None) -> str:
    if lang is None:
        return script.languages[0]
    if lang not in script.languages:
        raise CommandError(
            f"session '{script.id}' has no language '{lang}' "
            f"(it has: {', '.join(script.languages)})"
        )
    return lang


def _tailored(script: SessionScript, opened: Any) -> SessionScript:
    """The script made safe for the person at home, each change said once."""
    from selfcare.core.ports import StoreUnavailable
    from selfcare.core.tailoring import plain_english, tailor
    from selfcare.exchange import safety_for

    try:
        profile = safety_for(opened.db, None)
    except StoreUnavailable as exc:
        print(f"warning: safety settings could not be read ({exc})", file=sys.stderr)
        return script
    tailored = tailor(script, profile)
    for change in tailored.changes:
        print(f"Changed for you: {plain_english(change)}")
    return tailored.script


def _add_session_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", metavar="ID-or-PATH", help="a built-in id or a script file")
    parser.add_argument("--lang", help="language code, e.g. en or es (default: the first)")


def _timeline(parser: argparse.ArgumentParser) -> None:
    _add_session_args(parser)
    parser.add_argument("--json", action="store_true", help="print JSON events")
    parser.set_defaults(run=run_timeline)


def run_timeline(args: argparse.Namespace) -> int:
    from selfcare.audio.clips import clip_lengths
    from selfcare.core.timeline import compile_timeline

    script = load_session(args.session)
    lang = pick_language(script, args.lang)
    timeline = compile_timeline(script, lang, clip_lengths(script, lang))
    if args.json:
        print_json(timeline.to_json())
        return EXIT_OK
    for event in timeline.events:
        detail = event.text or event.cue or event.focus or ""
        step = f"step {event.step:>2}" if event.step else "       "
        length = f"{event.frames / timeline.rate:7.2f}s" if event.frames else " " * 8
        print(f"{event.frame / timeline.rate:9.3f}  {step}  {event.kind.value:<5} {length}  "
              f"{detail[:70]}")
    return EXIT_OK


def _render(parser: argparse.ArgumentParser) -> None:
    _add_session_args(parser)
    parser.add_argument("--out", required=True, metavar="FILE.wav", help="where to write")
    parser.set_defaults(run=run_render)


def run_render(args: argparse.Namespace) -> int:
    from selfcare.audio.render import render_to_wav
    from selfcare.audio.session_audio import build_mixer
    from selfcare.session_setup import build_timeline

    script = load_session(args.session)
    timeline = build_timeline(script, pick_language(script, args.lang))
    mixer, problems = build_mixer(script, timeline)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    try:
        frames = render_to_wav(mixer, Path(args.out))
    except OSError as exc:
        raise CommandError(f"cannot write {args.out}: {exc.strerror or exc}") from exc
    print(f"{args.out}: {frames} frames, {frames / timeline.rate:.2f} s at {timeline.rate} Hz")
    return EXIT_OK


def _rating_arg(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 10:
        raise argparse.ArgumentTypeError("a pain rating is a whole number from 0 to 10")
    return int(text)


def _play(parser: argparse.ArgumentParser) -> None:
    _add_session_args(parser)
    parser.add_argument("--no-gui", action="store_true",
                        help="play in the terminal, printing captions as they are heard")
    parser.add_argument("--pre", type=_rating_arg, metavar="N", help="pain before (0-10)")
    parser.add_argument("--post", type=_rating_arg, metavar="N", help="pain after (0-10)")
    parser.set_defaults(run=run_play)


def run_play(args: argparse.Namespace) -> int:
    if not args.no_gui:
        from selfcare.app import run

        return run(data_dir=None, session=args.session, lang=args.lang)
    from selfcare import paths
    from selfcare.audio.output import open_output
    from selfcare.core.clock import SystemClock
    from selfcare.core.ports import StoreUnavailable
    from selfcare.core.questions import QuestionChoices, before_session
    from selfcare.core.session_run import SessionRun
    from selfcare.core.timeline import SAMPLE_RATE
    from selfcare.measures_files import load_measures
    from selfcare.session_setup import build_audio, build_timeline
    from selfcare.settings import Settings, question_choices
    from selfcare.terminal_player import (
        COMMANDS_HELP,
        InputLines,
        NoOneToAskError,
        TerminalPlayer,
        ask_question,
        ask_rating,
        summary_line,
    )

    script = load_session(args.session)
    timeline = build_timeline(script, pick_language(script, args.lang))
    clock = SystemClock()
    lines = InputLines()
    interactive = args.pre is None
    choices = question_choices(Settings(paths.default_data_dir())) if interactive \
        else QuestionChoices(weekly_check=False, soreness=False, note=False)
    measures = load_measures().instruments if interactive else {}
    pre_extras: dict[str, int | None] = {}
    try:
        pre = args.pre if args.pre is not None else ask_rating(lines.ask, sys.stdout)
        for question in before_session(choices, measures)[1:]:
            pre_extras[question.key] = ask_question(question, lines.ask, sys.stdout)  # type: ignore[assignment]
    except NoOneToAskError as exc:
        raise CommandError("no one to ask for the pain rating: give --pre and --post") from exc
    opened = _open_store_or_fail(paths.default_data_dir(), clock)
    script = _tailored(script, opened)
    timeline = build_timeline(script, timeline.lang)
    output = open_output(clock, SAMPLE_RATE)
    try:
        if output.silent_reason:
            print(f"No sound: {output.silent_reason}. The session runs silently with "
                  "captions.", file=sys.stderr)
        audio = build_audio(script, timeline, output)
        for problem in audio.problems:
            print(f"warning: {problem}", file=sys.stderr)
        print(f"{script.title_in(timeline.lang)} \u2014 {timeline.duration / 60:.1f} minutes")
        print(COMMANDS_HELP)
        session = SessionRun.begin(script, timeline, opened.store, audio, clock, pre,
                                   pre_extras)
        player = TerminalPlayer(session, sys.stdout, lines.poll)
        player.play()
        if player.signal_received is not None and args.post is None:
            print(summary_line(session.outcome()))
            return 128 + player.signal_received
        try:
            post = args.post if args.post is not None else ask_rating(lines.ask, sys.stdout)
        except NoOneToAskError:
            post = None
        try:
            outcome = session.give_post_rating(post)
        except StoreUnavailable as exc:
            raise CommandError(f"Your after-rating could not be saved: {exc}") from exc
        if interactive and args.post is None:
            _ask_after_in_terminal(lines, opened, outcome.session_id, script.kind, choices,
                                   measures)
        print(summary_line(outcome))
        return EXIT_OK
    finally:
        output.close()
        opened.close()


def _ask_after_in_terminal(lines: Any, opened: Any, session_id: int, kind: str,
                           choices: Any, measures: dict[str, Any]) -> None:
    """The questions after pain, each saved when answered, then an optional note."""
    from datetime import UTC, date, datetime

    from selfcare.core.answers import save_after
    from selfcare.core.measures import WEEKLY_CHECK
    from selfcare.core.ports import StoreUnavailable
    from selfcare.core.questions import after_session, weekly_due
    from selfcare.terminal_player import NoOneToAskError, ask_note, ask_question

    try:
        due = weekly_due(opened.answers.last_weekly_week(WEEKLY_CHECK), date.today())
        for question in after_session(choices, measures, kind=kind, weekly_due=due)[1:]:
            answer = ask_question(question, lines.ask, sys.stdout)
            save_after(question, answer, session_id=session_id, at=datetime.now(UTC),
                       today=date.today(), sessions=opened.store, answers=opened.answers)
        if choices.note:
            note = ask_note(lines.ask)
            if note:
                opened.answers.record_note(session_id, note, datetime.now(UTC))
    except NoOneToAskError:
        return  # input ended: what was answered is saved
    except StoreUnavailable as exc:
        raise CommandError(f"Your answer could not be saved: {exc}") from exc


def _open_store_or_fail(data_dir: Path, clock: Any) -> Any:
    """Open the store (and the log beside it), or fail with one plain line."""
    from selfcare.logs import setup_logging
    from selfcare.session_setup import open_store
    from selfcare.store.errors import StorageUnavailable

    try:
        opened = open_store(data_dir, clock)
    except StorageUnavailable as exc:
        raise CommandError(str(exc)) from exc
    setup_logging(data_dir)
    if opened.moved_aside is not None and opened.restored_taken is not None:
        print(f"The database was damaged. It was kept as {opened.moved_aside}, and the last "
              f"good backup, from {opened.restored_taken.astimezone():%Y-%m-%d %H:%M}, was "
              "put back; sessions after that time may be missing.", file=sys.stderr)
    elif opened.moved_aside is not None:
        print(f"The database was damaged. It was kept as {opened.moved_aside} and a new one "
              "was started.", file=sys.stderr)
    return opened


def _history(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="newest N only")
    parser.set_defaults(run=run_history)


def run_history(args: argparse.Namespace) -> int:
    from selfcare import paths
    from selfcare.core.clock import SystemClock

    opened = _open_store_or_fail(paths.default_data_dir(), SystemClock())
    try:
        records = opened.store.history(limit=args.limit)
    finally:
        opened.close()
    if args.json:
        print_json([record.to_json() for record in records])
        return EXIT_OK
    if not records:
        print("No sessions recorded yet.")
    for r in records:
        pre = "-" if r.pre is None else r.pre
        post = "-" if r.post is None else r.post
        print(f"{r.started_at:%Y-%m-%d %H:%M}  {r.status:<11}  step {r.step_reached}/"
              f"{r.steps_total}  pain {pre} \u2192 {post}  {r.title} ({r.lang})")
    return EXIT_OK


def _export(parser: argparse.ArgumentParser) -> None:
    formats = parser.add_subparsers(dest="format", metavar="FORMAT", required=True)
    from selfcare.cli_reports import add_range_args

    csv_parser = formats.add_parser(
        "csv", help="one row per session, ratings as columns (UTF-8 with BOM, ISO times)")
    csv_parser.add_argument("--out", required=True, metavar="FILE",
                            help="the file to write ('-' for standard output)")
    add_range_args(csv_parser)
    csv_parser.set_defaults(run=run_export_csv)
    weekly_parser = formats.add_parser(
        "weekly-csv", help="one row per week of the weekly check, with its score")
    weekly_parser.add_argument("--out", required=True, metavar="FILE",
                               help="the file to write ('-' for standard output)")
    add_range_args(weekly_parser)
    weekly_parser.set_defaults(run=run_export_weekly_csv)
    plan_parser = formats.add_parser(
        "plan", help="a clinic patient's plan and safety settings, to take home")
    plan_parser.add_argument("--patient", required=True, metavar="CODE",
                             help="the patient's code")
    plan_parser.add_argument("--out", required=True, metavar="FILE", help="the file to write")
    plan_parser.set_defaults(run=run_export_plan)
    log_parser = formats.add_parser(
        "log", help="sessions and ratings since the plan began, to take to the clinic")
    log_parser.add_argument("--out", required=True, metavar="FILE", help="the file to write")
    log_parser.add_argument("--patient", metavar="CODE",
                            help="a clinic patient's log instead of this computer's person")
    log_parser.set_defaults(run=run_export_log)
    from selfcare.cli_reports import add_report_formats

    add_report_formats(formats)


def _save_exchange(data: bytes, out: str) -> Path:
    from selfcare.cli_reports import save_file

    return save_file(data, out)


def run_export_plan(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from selfcare import paths
    from selfcare.core.clock import SystemClock
    from selfcare.exchange import ExchangeError, plan_for_patient

    opened = _open_store_or_fail(paths.default_data_dir(), SystemClock())
    try:
        data = plan_for_patient(opened.db, args.patient, datetime.now(UTC))
    except ExchangeError as exc:
        raise CommandError(str(exc)) from None
    finally:
        opened.close()
    out = _save_exchange(data, args.out)
    print(f"plan for {args.patient} written to {out}", file=sys.stderr)
    return EXIT_OK


def run_export_log(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from selfcare import paths
    from selfcare.core.clock import SystemClock
    from selfcare.exchange import ExchangeError, log_for_home

    opened = _open_store_or_fail(paths.default_data_dir(), SystemClock())
    try:
        data, log = log_for_home(opened.store, opened.answers, opened.db, datetime.now(UTC),
                                 args.patient)
    except ExchangeError as exc:
        raise CommandError(str(exc)) from None
    finally:
        opened.close()
    out = _save_exchange(data, args.out)
    print(f"{len(log.sessions)} session(s) and {len(log.weekly)} weekly answer(s) for "
          f"{log.patient_code} written to {out}", file=sys.stderr)
    return EXIT_OK


def _import(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a plan file or a log file")
    parser.set_defaults(run=run_import)


def run_import(args: argparse.Namespace) -> int:
    """A plan becomes this computer's plan; a log merges into the patient with its code."""
    from datetime import UTC, datetime

    from selfcare import paths
    from selfcare.core.clock import SystemClock
    from selfcare.core.log_file import LogFile
    from selfcare.exchange import ExchangeError, apply_log, apply_plan, read_exchange_file

    try:
        content = read_exchange_file(Path(args.file))
    except ExchangeError as exc:
        raise CommandError(str(exc)) from None
    data_dir = paths.default_data_dir()
    opened = _open_store_or_fail(data_dir, SystemClock())
    try:
        if isinstance(content, LogFile):
            try:
                merged = apply_log(opened.db, content)
            except ExchangeError as exc:
                raise CommandError(f"{args.file}: {exc}") from None
            print(f"{merged.added} new session(s) added to {merged.patient_code} "
                  f"({merged.already_here} already here)")
            return EXIT_OK
        try:
            patient = apply_plan(opened.db, content, datetime.now(UTC))
        except ExchangeError as exc:
            raise CommandError(str(exc)) from None
    finally:
        opened.close()
    from selfcare.settings import Settings

    if patient is None:  # the interface is the home person's; a clinic's stays as it is
        Settings(data_dir).set("language", content.language)
    else:
        print(f"applied to patient {content.patient_code} ({patient})")
    for line in plan_summary(content):
        print(line)
    return EXIT_OK


def plan_summary(content: Any) -> list[str]:
    """What an applied plan file set, in plain English, for the terminal."""
    from selfcare.core.safety import SafetyProfile, safety_json

    plan = content.plan
    lines = [f"Plan for {content.display_name} ({content.patient_code}) applied.",
             f"Sessions: {', '.join(plan.sessions)}",
             f"Schedule: {plan.template.value}, {plan.start} to {plan.end}, "
             f"{len(plan.slots)} practice(s) due",
             f"Language: {content.language}"]
    if content.reminders:
        lines.append("Reminders: " + ", ".join(t.strftime("%H:%M") for t in content.reminders))
    marked = {key: value for key, value in safety_json(content.safety).items()
              if value and value != safety_json(SafetyProfile())[key]}
    lines.append("Safety: " + ("; ".join(
        f"{key.replace('_', ' ')}" + (f" ({', '.join(value)})" if isinstance(value, list)
                                     else f": {value}" if isinstance(value, str) else "")
        for key, value in marked.items()) or "nothing marked"))
    return lines


def run_export_csv(args: argparse.Namespace) -> int:
    """One person's sessions in a range of days (default: all of the person at home)."""
    from selfcare import paths
    from selfcare.core.clock import SystemClock
    from selfcare.store.clinic import UnknownPatientError
    from selfcare.store.export import (
        patient_id,
        person_sessions,
        save_sessions_csv,
        session_details,
        write_sessions_csv,
    )

    if args.since and args.until and args.until < args.since:
        raise CommandError("--to is before --from")
    opened = _open_store_or_fail(paths.default_data_dir(), SystemClock())
    try:
        person = patient_id(opened.db, args.patient)
        records = person_sessions(opened.store, person, since=args.since, until=args.until)
        details = session_details(opened.store, opened.answers)
    except UnknownPatientError:
        raise CommandError(f"no patient with the code {args.patient} on this computer") from None
    finally:
        opened.close()
    if args.out == "-":
        write_sessions_csv(records, sys.stdout, bom=False, details=details)
        return EXIT_OK
    out = Path(args.out)
    try:
        save_sessions_csv(records, out, details)
    except OSError as exc:
        raise CommandError(f"{args.out}: cannot write ({exc.strerror or exc})") from exc
    print(f"{len(records)} session(s) written to {out}", file=sys.stderr)
    return EXIT_OK


def run_export_weekly_csv(args: argparse.Namespace) -> int:
    """One person's weekly checks, the weeks whose Monday is in the range."""
    from selfcare import paths
    from selfcare.core.clock import SystemClock
    from selfcare.measures_files import load_measures
    from selfcare.store.clinic import UnknownPatientError
    from selfcare.store.export import patient_id, person_weeks, save_csv, write_weekly_csv

    if args.since and args.until and args.until < args.since:
        raise CommandError("--to is before --from")
    opened = _open_store_or_fail(paths.default_data_dir(), SystemClock())
    try:
        person = patient_id(opened.db, args.patient)
        answers = person_weeks(opened.answers, person, since=args.since, until=args.until)
    except UnknownPatientError:
        raise CommandError(f"no patient with the code {args.patient} on this computer") from None
    finally:
        opened.close()
    instruments = load_measures().instruments
    if args.out == "-":
        write_weekly_csv(answers, instruments, sys.stdout, bom=False)
        return EXIT_OK
    out = Path(args.out)
    try:
        weeks = save_csv(lambda handle: write_weekly_csv(answers, instruments, handle), out)
    except OSError as exc:
        raise CommandError(f"{args.out}: cannot write ({exc.strerror or exc})") from exc
    print(f"{weeks} week(s) written to {out}", file=sys.stderr)
    return EXIT_OK
