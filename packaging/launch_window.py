"""The bundle's `Selfcare` program: the window (or a command, given arguments)."""

from selfcare.cli import main

raise SystemExit(main())
