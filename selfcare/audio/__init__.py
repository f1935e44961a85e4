"""Sound: decoding clips, mixing a timeline into frames, and sending frames to a device.

This layer may use numpy, soundfile and pygame (output only); it never imports Qt.
"""
