"""The interface language: Qt translators for the app and for Qt's own words.

English is the source language, so it needs no catalogue. Spanish comes from
`assets/translations/selfcare_es.qm` (compiled from the `.ts` beside it by
`make translations`) plus Qt's `qtbase_es.qm` for standard buttons and dialogs.
Switching installs the new translators and sets the default locale, so dates and
numbers follow; the window then rebuilds its pages (see `MainWindow.set_language`).

Strings outside a QObject use `tr()` from here: `pyside6-lupdate` files a bare
`tr("...")` call under the empty context, which is the context this `tr` looks up.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
LANGUAGES = {"en": "English", "es": "Espa\u00f1ol"}  # each name in its own language
CATALOGUE_PREFIX = "selfcare_"

_installed: list[QTranslator] = []


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate text that lives outside a QObject (module-level helpers)."""
    return QCoreApplication.translate("", text, disambiguation, n)


def system_language() -> str:
    """The person's system language if the app speaks it, else English."""
    code = QLocale.system().name().split("_")[0]
    return code if code in LANGUAGES else SOURCE_LANGUAGE


def current_language() -> str:
    code = QLocale().name().split("_")[0]
    return code if code in LANGUAGES else SOURCE_LANGUAGE


def install_language(lang: str) -> bool:
    """Make `lang` the interface language; False (and English) if its catalogue is missing."""
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    if lang not in LANGUAGES:
        lang = SOURCE_LANGUAGE
    QLocale.setDefault(QLocale(lang))
    if lang == SOURCE_LANGUAGE or app is None:
        return True
    from selfcare import paths  # pathlib: kept out of the first paint

    own = QTranslator(app)
    if not own.load(f"{CATALOGUE_PREFIX}{lang}", str(paths.translations_dir())):
        log.warning("no interface catalogue for %s in %s; English is used", lang,
                    paths.translations_dir())
        QLocale.setDefault(QLocale(SOURCE_LANGUAGE))
        return False
    app.installTranslator(own)
    _installed.append(own)
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    else:
        log.info("Qt's own %s catalogue not found in %s", lang, qt_dir)
    return True


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Words and dates in `lang` for a while (a report in the patient's language), then
    the interface language again."""
    before = current_language()
    if lang == before:
        yield
        return
    install_language(lang)
    try:
        yield
    finally:
        install_language(before)
