"""A real main window with real services (SQLite file, pygame on the dummy driver)."""

from __future__ import annotations

import pytest

from selfcare.ui.main_window import MainWindow
from selfcare.ui.style import apply_style


@pytest.fixture
def window(qtbot, qapp, data_dir):
    from selfcare.services import load_services

    apply_style(qapp)
    main = MainWindow()
    qtbot.addWidget(main)
    services = load_services(main, data_dir)
    main.attach(services)
    main.show()
    yield main
    if services.controller.active:
        services.controller.stop()
    services.close()


@pytest.fixture(autouse=True)
def _english_standard_look(qapp):
    """A test that switches language or look leaves the next one in English, standard."""
    yield
    from selfcare.ui import i18n

    i18n.install_language("en")
    apply_style(qapp)
