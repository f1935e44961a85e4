"""Selfcare: offline guided self-care sessions for pain, with before/after ratings.

The one source of truth for the application's identity: packaging, the desktop
entry and the running application all read these names from here.
"""

__version__ = "0.1.0"
APP_ID = "org.selfcare.Selfcare"
APP_NAME = "Selfcare"
