"""The Qt layer: windows, pages and widgets that show state and pass on intents.

No business rules live here: pages ask a controller, the controller asks the
core. Every visible string goes through `tr()`.
"""
