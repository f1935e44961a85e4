"""The clinic overview read while the clinician types their PIN.

Reading every patient's year takes about a third of a second here and more on an old
laptop, and a PIN takes longer than that to type. So when the PIN is asked for, a
background thread reads the overview through its own connection to the record file;
once the PIN is right, the rows are usually there already. Nothing is shown before the
PIN is right, and a failed read is simply done again, on the spot, by the caller (which
then reports the problem as usual).
"""

from __future__ import annotations

import logging
import threading
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selfcare.core.overview import OverviewRow

log = logging.getLogger(__name__)


class OverviewPrefetch:
    def __init__(self, path: Path, today: date) -> None:
        self.today = today
        self._path = path
        self._rows: list[OverviewRow] | None = None
        self._thread = threading.Thread(target=self._read, name="overview-prefetch",
                                        daemon=True)
        self._thread.start()

    def _read(self) -> None:
        from sqlite_utils import Database

        from selfcare.store.overview import ClinicOverview

        try:
            db = Database(self._path)
            try:
                self._rows = ClinicOverview(db).rows(self.today)
            finally:
                db.close()
        except Exception:  # the caller reads again and says what is wrong
            log.warning("reading the clinic overview ahead failed", exc_info=True)

    def rows(self, wait: float, today: date) -> list[OverviewRow] | None:
        """The rows read ahead, waiting up to `wait` seconds; None if they are not for
        `today` or could not be read."""
        self._thread.join(wait)
        if self._thread.is_alive() or today != self.today:
            return None
        return self._rows
