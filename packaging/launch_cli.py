"""The bundle's `selfcare-cli` program: the command line, with a console on Windows."""

from selfcare.cli import main

raise SystemExit(main())
