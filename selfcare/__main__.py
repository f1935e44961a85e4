"""`python -m selfcare` runs the same command line as the `selfcare` entry point."""

from selfcare.cli import main

raise SystemExit(main())
