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
    delete_now(main)


def delete_now(widget) -> None:
    """Delete a window at once, not when Python gets round to it: a closed window kept
    alive keeps its timers and thousands of widgets, and every later test gets slower."""
    from PySide6.QtCore import QCoreApplication, QEvent

    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _english_standard_look(qapp):
    """A test that switches language or look leaves the next one in English, standard."""
    yield
    from selfcare.ui import i18n

    i18n.install_language("en")
    apply_style(qapp)
