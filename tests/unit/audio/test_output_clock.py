"""Where the stream is heard: the clock estimate, and how it recovers after a stall.

pygame is replaced here by a channel the test moves by hand, because the subject
is the bookkeeping around the device, not the device (which the disk-driver
tests capture for real).
"""

from __future__ import annotations

import numpy as np
import pytest

from selfcare.audio.output import HEARD_LATENCY_FRAMES, PygameStream
from tests.helpers.fakes import FakeClock

RATE = 48_000
CHUNK = RATE // 2


class Channel:
    def __init__(self) -> None:
        self.playing = None
        self.queued = None

    def play(self, sound):
        self.playing, self.queued = sound, None

    def queue(self, sound):
        self.queued = sound

    def get_queue(self):
        return self.queued

    def get_busy(self):
        return self.playing is not None

    def stop(self):
        self.playing = self.queued = None

    def pause(self):
        pass

    def advance_to_queued(self):
        self.playing, self.queued = self.queued, None


class Mixer:
    def __init__(self) -> None:
        self.channel = Channel()

    def Channel(self, index):  # noqa: N802 - pygame's name
        return self.channel

    def Sound(self, buffer):  # noqa: N802 - pygame's name
        return object()

    def pause(self):
        pass

    def unpause(self):
        pass

    def quit(self):
        pass


class FakePygame:
    def __init__(self) -> None:
        self.mixer = Mixer()


@pytest.fixture
def stream():
    clock = FakeClock()
    pygame = FakePygame()
    out = PygameStream(pygame, clock, RATE)
    out.play(lambda start, count: np.zeros((count, 2), np.float32), 0, 10 * CHUNK)
    out._halt_feeder()
    return out, clock, pygame.mixer.channel


def tick(out):
    out._feed_once()


def test_in_steady_play_the_position_follows_the_clock_minus_the_heard_latency(stream):
    out, clock, channel = stream
    tick(out)  # queues chunk 1
    clock.advance(0.25)
    assert out.position() == RATE // 4 - HEARD_LATENCY_FRAMES
    clock.advance(0.25)
    channel.advance_to_queued()
    tick(out)
    assert out.position() == CHUNK - HEARD_LATENCY_FRAMES


def test_after_a_device_stall_the_position_comes_back_to_the_chunk_being_heard(stream):
    out, clock, channel = stream
    tick(out)
    clock.advance(2.5)  # the device stopped pulling for two seconds
    assert out.position() == CHUNK  # held at the end of the chunk being mixed
    channel.advance_to_queued()  # chunk 1 finally starts
    tick(out)
    assert out.position() == CHUNK - HEARD_LATENCY_FRAMES
    clock.advance(0.1)
    assert out.position() == CHUNK - HEARD_LATENCY_FRAMES + RATE // 10


def test_the_feeder_noticing_late_does_not_move_the_clock(stream):
    out, clock, channel = stream
    tick(out)
    clock.advance(0.5)
    channel.advance_to_queued()
    clock.advance(0.05)  # the feeder wakes 50 ms after the chunk began
    tick(out)
    assert out.position() == CHUNK - HEARD_LATENCY_FRAMES + RATE // 20
