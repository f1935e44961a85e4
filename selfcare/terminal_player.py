"""`selfcare play --no-gui`: a whole session in the terminal, recorded like the GUI's.

A real mode for terminal and screen-reader users and for checks: it asks for the
ratings (or takes --pre/--post), prints each caption with its time as it is
heard, and ends cleanly on Ctrl+C or SIGTERM (a logout) with the session
recorded as interrupted.
"""

from __future__ import annotations

import queue
import signal
import sys
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import TextIO, TypeVar

from selfcare.core.questions import NOTE_LONGEST, Answer, Question, Soreness, check_note
from selfcare.core.ratings import NRS_MAX, NRS_MIN, check_rating
from selfcare.core.session_run import Outcome, RunState, SessionRun
from selfcare.core.timeline import Event, EventKind

POLL_S = 0.05
T = TypeVar("T")
PAIN_QUESTION = (
    "How much pain do you have right now?\n"
    "  0 = no pain   ...   10 = worst pain you can imagine\n"
    "Type a number from 0 to 10 and press Enter (or s to skip): "
)


SORENESS_QUESTION = (
    "Any soreness or bruising where you pressed?\n"
    "Type n for none, m for mild, o for more than mild (or s to skip): "
)
SORENESS_KEYS = {"n": Soreness.NONE, "none": Soreness.NONE, "m": Soreness.MILD,
                 "mild": Soreness.MILD, "o": Soreness.MORE, "more": Soreness.MORE}
NOTE_QUESTION = "A note about this session for your records (optional; Enter for none): "

COMMANDS_HELP = ("While it plays, type a letter and press Enter: p pause or resume, "
                 "n next step, b previous step, s stop.")


class NoOneToAskError(Exception):
    """A rating was needed but nobody can be asked."""


class InputLines:
    """Lines typed on stdin, read by one thread, for questions and for commands.

    One reader serves both the rating questions and the commands during play, so
    they never compete for the terminal.
    """

    _EOF = object()

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream if stream is not None else sys.stdin
        self._lines: queue.Queue[object] = queue.Queue()
        self._reader = threading.Thread(target=self._read, name="selfcare-stdin", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        try:
            for line in self._stream:
                self._lines.put(line.rstrip("\n"))
        except (OSError, ValueError):
            pass
        self._lines.put(self._EOF)

    def ask(self, prompt: str) -> str:
        """Like input(): EOFError at the end of input."""
        sys.stdout.write(prompt)
        sys.stdout.flush()
        line = self._lines.get()
        if line is self._EOF:
            self._lines.put(self._EOF)
            raise EOFError
        return str(line)

    def poll(self) -> str | None:
        try:
            line = self._lines.get_nowait()
        except queue.Empty:
            return None
        if line is self._EOF:
            self._lines.put(self._EOF)
            return None
        return str(line)


def scale_prompt(question: Question) -> str:
    """The words of a 0-10 question other than pain, from its questionnaire file."""
    item, instrument = question.item, question.instrument
    assert item is not None and instrument is not None
    intro = instrument.intro.get("en")
    lines = [intro] if intro else []
    lines += [item.text["en"], f"  0 = {item.low['en']}   ...   10 = {item.high['en']}",
              "Type a number from 0 to 10 and press Enter (or s to skip): "]
    return "\n".join(lines)


def ask_question(question: Question, read: Callable[[str], str], write: TextIO) -> object:
    """The answer to any question before or after a session; None when skipped."""
    if question.is_pain:
        return ask_rating(read, write)
    if question.answer is Answer.SCALE:
        return ask_rating(read, write, scale_prompt(question))
    return _ask_until(read, write, SORENESS_QUESTION, SORENESS_KEYS.get,
                      "Please type n, m or o, or s to skip.\n")


def ask_note(read: Callable[[str], str]) -> str | None:
    try:
        return check_note(read(NOTE_QUESTION)[:NOTE_LONGEST])
    except EOFError:
        return None


def ask_rating(read: Callable[[str], str], write: TextIO, prompt: str = PAIN_QUESTION
               ) -> int | None:
    """Ask until the answer is 0-10 or a skip; raises NoOneToAskError at end of input."""
    return _ask_until(read, write, prompt, _rating_typed,
                      "Please type a whole number from 0 to 10, or s to skip.\n")


def _rating_typed(answer: str) -> int | None:
    if answer.isdigit() and NRS_MIN <= int(answer) <= NRS_MAX:
        return check_rating(int(answer))
    return None


def _ask_until(read: Callable[[str], str], write: TextIO, prompt: str,
               understood: Callable[[str], T | None], again: str) -> T | None:
    """Ask until `understood` makes sense of the answer or it is a skip (None);
    NoOneToAskError at the end of input."""
    while True:
        try:
            answer = read(prompt).strip().lower()
        except EOFError as exc:
            raise NoOneToAskError from exc
        if answer in ("s", "skip"):
            return None
        value = understood(answer)
        if value is not None:
            return value
        write.write(again)


def format_time(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes):d}:{rest:04.1f}"


def describe(event: Event, rate: int) -> str | None:
    """The line printed when the stream reaches `event`, or None for a quiet event."""
    stamp = f"[{format_time(event.frame / rate)}]"
    if event.kind is EventKind.SAY:
        return f"{stamp} {event.text}"
    if event.kind is EventKind.HOLD:
        where = f" ({event.focus})" if event.focus else ""
        return f"{stamp} hold{where} for {event.frames / rate:g} seconds"
    if event.kind is EventKind.CUE:
        return f"{stamp} ({event.cue})"
    return None


class TerminalPlayer:
    """Drives a SessionRun from a loop, printing what is heard as it is heard."""

    def __init__(self, run: SessionRun, out: TextIO, commands: Callable[[], str | None],
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.run = run
        self.out = out
        self.commands = commands
        self.sleep = sleep
        self.signal_received: int | None = None
        self._printed = 0

    def play(self) -> None:
        previous = {sig: signal.signal(sig, self._on_signal)
                    for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            while self.run.active and self.signal_received is None:
                self._obey(self.commands())
                self._print_reached(self.run.poll().elapsed)
                self.sleep(POLL_S)
            if self.signal_received is not None:
                self.run.stop()
            elif self.run.state is RunState.FINISHED:
                self._print_reached(self.run.timeline.duration + 1)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _obey(self, command: str | None) -> None:
        if command is None or not command.strip():
            return
        letter = command.strip().lower()[0]
        if letter == "p":
            self.run.toggle_pause()
            self.out.write("(paused)\n" if self.run.state is RunState.PAUSED else "(resumed)\n")
        elif letter == "n":
            self.run.next_step()
            self._skip_printed()
        elif letter == "b":
            self.run.previous_step()
            self._skip_printed()
        elif letter in ("s", "q"):
            self.run.stop()
            self.out.write("(stopped)\n")
        self.out.flush()

    def _skip_printed(self) -> None:
        """After a jump, print from the new position on, not what was skipped."""
        position = self.run.poll().elapsed
        events = self.run.timeline.events
        rate = self.run.timeline.rate
        self._printed = next((i for i, e in enumerate(events) if e.frame / rate >= position),
                             len(events))

    def _print_reached(self, elapsed: float) -> None:
        timeline = self.run.timeline
        events = timeline.events
        while self._printed < len(events) and events[self._printed].frame / timeline.rate <= \
                elapsed:
            line = describe(events[self._printed], timeline.rate)
            if line:
                self.out.write(line + "\n")
                self.out.flush()
            self._printed += 1

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self.signal_received = signum


def summary_line(outcome: Outcome) -> str:
    status = "completed" if outcome.completed else (
        f"stopped at step {outcome.step_reached} of {outcome.steps_total}")
    before = "skipped" if outcome.before is None else str(outcome.before)
    after = "skipped" if outcome.after is None else str(outcome.after)
    return f"Session {status}. Pain before {before} \u2192 after {after}."
