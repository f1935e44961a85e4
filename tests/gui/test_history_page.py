"""My history: the chart, the range, the table and "what helps me", on made-up records."""

from __future__ import annotations

import re
from datetime import date

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from selfcare.ui import style
from selfcare.ui.pages import history_page
from selfcare.ui.pages.history_page import HistoryPage
from selfcare.ui.style import HIGH_CONTRAST, apply_style
from selfcare.ui.widgets.history_table import AFTER, BEFORE, DASH
from tests.helpers.history_records import changes, newest_first, record


@pytest.fixture
def page(qtbot, qapp):
    apply_style(qapp)
    shown = HistoryPage()
    qtbot.addWidget(shown)
    shown.resize(1040, 760)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def texts(widget) -> str:
    """Every label the person can see in `widget`, in order."""
    return "\n".join(w.text() for w in widget.findChildren(QLabel)
                     if w.isVisibleTo(widget) and w.text())


def plotted(page, kind: str, moment: str) -> list[float]:
    _x, y = page.chart.scatter[(kind, moment)].getData()
    return [] if y is None else list(y)


def test_each_rating_is_a_point_of_its_kind_hollow_before_and_filled_after(page):
    page.set_records(newest_first([
        record(1, "pmr", 6, 3), record(2, "pmr", 7, 5), record(3, "pmr", 5, 5),
        record(4, "imagery", 8, None), record(5, "imagery", 7, None),
        record(6, "breathing", None, 2), record(7, None, 9, 9, script_id="gone"),
    ]))
    counts = page.chart.counts()
    assert counts == {("pmr", "before"): 3, ("pmr", "after"): 3,
                      ("imagery", "before"): 2, ("imagery", "after"): 0,
                      ("breathing", "before"): 0, ("breathing", "after"): 1,
                      ("other", "before"): 1, ("other", "after"): 1}
    assert sorted(plotted(page, "pmr", "after")) == [3, 5, 5]
    symbols = {kind: page.chart.scatter[(kind, "before")].opts["symbol"]
               for kind in ("pmr", "imagery", "breathing", "other")}
    assert len(set(symbols.values())) == 4  # shape as well as colour
    before = page.chart.scatter[("pmr", "before")].opts
    after = page.chart.scatter[("pmr", "after")].opts
    assert before["brush"].color() == QColor(style.STANDARD.card)  # hollow
    assert after["brush"].color() == before["pen"].color() != QColor(style.STANDARD.card)
    imagery = page.chart.scatter[("imagery", "after")].opts["brush"].color()
    assert imagery != after["brush"].color()


def test_a_skipped_rating_is_never_drawn_and_shows_as_a_dash_read_as_skipped(page):
    page.set_records(newest_first([record(1, "pmr", None, 4), record(2, "pmr", 6, None)]))
    assert plotted(page, "pmr", "before") == [6]
    assert plotted(page, "pmr", "after") == [4]
    model = page.table.model()
    newest = model.index(0, BEFORE)
    assert model.data(newest) == DASH
    assert model.data(newest, Qt.ItemDataRole.AccessibleTextRole) == "skipped"
    assert model.data(model.index(0, AFTER)) == "4"
    assert model.data(model.index(1, AFTER)) == DASH


def test_the_range_chooses_the_sessions_of_the_chart_and_the_table(page, qtbot):
    page.set_records(newest_first([record(3, "pmr", 5, 4), record(40, "pmr", 6, 4),
                                   record(200, "pmr", 7, 4)]))
    assert page.range_buttons["3-months"].isChecked()  # the default with older sessions
    assert page.table.model().rowCount() == 2
    assert page.chart.counts()[("pmr", "before")] == 2
    qtbot.mouseClick(page.range_buttons["4-weeks"], Qt.MouseButton.LeftButton)
    assert page.table.model().rowCount() == 1
    assert plotted(page, "pmr", "before") == [5]
    assert "Sessions from" in page.range_summary.text()
    assert page.range_summary.text().endswith(": 1.")
    qtbot.mouseClick(page.range_buttons["all"], Qt.MouseButton.LeftButton)
    assert page.table.model().rowCount() == 3
    assert sorted(plotted(page, "pmr", "before")) == [5, 6, 7]
    x_range = page.chart.plot.getPlotItem().getViewBox().viewRange()[0]
    newest = page._records[0].started_at.timestamp()
    assert x_range[0] < page._records[-1].started_at.timestamp() and x_range[1] > newest


def test_with_only_recent_sessions_the_range_starts_at_all(page):
    page.set_records(newest_first([record(2), record(20)]))
    assert page.range_buttons["all"].isChecked()
    assert page.table.model().rowCount() == 2


def test_a_range_the_person_chose_stays_chosen_on_the_next_visit(page, qtbot):
    records = newest_first([record(3), record(40), record(200)])
    page.set_records(records)
    qtbot.mouseClick(page.range_buttons["all"], Qt.MouseButton.LeftButton)
    page.set_records(records)
    assert page.range_buttons["all"].isChecked()
    assert page.table.model().rowCount() == 3


def test_weekly_means_of_pain_before_and_after_are_lines(page, qtbot):
    last_monday = date.today().weekday() + 7  # days ago
    page.set_records(newest_first([
        record(last_monday, "pmr", 6, 4), record(last_monday - 1, "imagery", 8, 6),
        record(0, "pmr", 4, 2),  # this week
    ]))
    qtbot.mouseClick(page.range_buttons["4-weeks"], Qt.MouseButton.LeftButton)
    for moment, means in (("before", [7.0, 4.0]), ("after", [5.0, 2.0])):
        _x, y = page.chart.means[moment].getData()
        assert [float(v) for v in y if np.isfinite(v)] == means
    assert page.chart.means["after"].opts["pen"].style() == Qt.PenStyle.DashLine
    assert "Weekly average before" in texts(page.chart)


def test_years_of_sessions_are_joined_by_monthly_means(page, qtbot):
    page.set_records(newest_first([record(n, "pmr", 6, 4) for n in range(0, 400, 10)]))
    qtbot.mouseClick(page.range_buttons["all"], Qt.MouseButton.LeftButton)
    assert "Monthly average before" in texts(page.chart)
    _x, y = page.chart.means["before"].getData()
    assert 12 <= np.isfinite(y).sum() <= 15


def test_four_rated_sessions_are_not_enough_for_any_claim(page):
    page.set_records(newest_first(changes("pmr", [(8, 2), (7, 1), (8, 2), (9, 3)])))
    said = texts(page.what_helps)
    assert "Not enough yet (rated before and after so far: 4). From 5, this shows what " \
           "your ratings say." in said
    assert "points lower" not in said
    assert "These are your own ratings. They cannot show why your pain changed" in said


def test_a_clear_drop_is_said_with_its_likely_range(page):
    pairs = [(7, 4), (7, 5), (8, 5), (6, 4), (7, 4), (8, 6)]  # every time 2 or 3 lower
    page.set_records(newest_first(changes("imagery", pairs)))
    said = texts(page.what_helps)
    found = re.search(r"Guided imagery\nOn average your pain was (\d\.\d) points lower after "
                      r"\(likely range (\d\.\d) to (\d\.\d) points\)\.", said)
    assert found, said
    value, low, high = map(float, found.groups())
    assert value == 2.5 and 0 < low < value < high
    assert "in 6 of the 6 sessions you rated before and after." in said


def test_an_interval_that_includes_no_change_says_no_clear_difference(page):
    pairs = [(5, 6), (6, 5), (5, 7), (7, 5), (5, 5), (6, 6)]
    page.set_records(newest_first(changes("breathing", pairs)))
    said = texts(page.what_helps)
    assert "No clear difference yet between before and after: the likely range, from " in said
    assert "includes no change" in said
    assert "points lower after" not in said


def test_higher_pain_after_suggests_telling_the_care_team(page):
    pairs = [(3, 5), (4, 6), (3, 6), (2, 4), (3, 5)]
    page.set_records(newest_first(changes("acupressure", pairs)))
    said = texts(page.what_helps)
    assert "points higher after" in said and "tell your care team" in said


def test_nothing_scolds_or_counts_streaks(page):
    page.set_records(newest_first([record(n) for n in (1, 30, 31, 90)]))
    said = (texts(page) + page.chart.plot.accessibleDescription()).lower()
    for word in ("streak", "missed", "you should", "failed", "behind"):
        assert word not in said


def test_insights_are_computed_once_per_visit_not_per_range(page, qtbot, monkeypatch):
    calls = []
    real = history_page.insights
    monkeypatch.setattr(history_page, "insights", lambda s: calls.append(1) or real(s))
    page.set_records(newest_first([record(n) for n in (1, 30, 120)]))
    for key in ("4-weeks", "all", "3-months"):
        qtbot.mouseClick(page.range_buttons[key], Qt.MouseButton.LeftButton)
    assert calls == [1]


def test_an_empty_history_is_said_kindly_and_makes_no_chart(page):
    page.set_records([])
    assert page.empty.isVisible()
    assert page.empty.text().startswith("No sessions yet.")
    assert not page.content.isVisible()
    assert page.chart is None


def test_the_chart_says_in_words_what_it_shows(page):
    page.set_records(newest_first([record(n, "pmr", 6, 4) for n in range(0, 40, 3)]))
    plot = page.chart.plot
    assert plot.accessibleName() == "Chart of your pain before and after each session"
    description = plot.accessibleDescription()
    assert re.match(r"Sessions from .+ to .+: 14\. Pain rated before: 14; after: 14\. "
                    r"Week by week, ", description), description
    assert "The table lists the same sessions." in description


def test_the_mouse_cannot_pan_or_zoom_the_chart(page):
    page.set_records([record(1)])
    item = page.chart.plot.getPlotItem()
    assert item.getViewBox().state["mouseEnabled"] == [False, False]
    assert not item.menuEnabled()
    assert item.buttonsHidden


@pytest.mark.parametrize(("theme", "scale"), [(HIGH_CONTRAST, 1.0), (style.STANDARD, 2.0),
                                              (HIGH_CONTRAST, 2.0)])
def test_high_contrast_and_large_text_draw(page, qapp, theme, scale):
    page.set_records(newest_first([record(1, "pmr"), record(2, "imagery", None, 3)]))
    normal = page.chart.scatter[("pmr", "before")].opts["size"]
    apply_style(qapp, theme, scale)
    page.set_records(newest_first([record(1, "pmr"), record(2, "imagery", None, 3)]))
    assert not page.grab().isNull()
    chart = page.chart
    background = chart.plot.backgroundBrush().color()
    assert background == QColor(theme.card)
    tick_font = chart.plot.getPlotItem().getAxis("bottom").style["tickFont"]
    assert tick_font.pointSizeF() == pytest.approx(style.BASE_POINT_SIZE * scale)
    if scale > 1:
        assert chart.scatter[("pmr", "before")].opts["size"] > normal
    if theme is HIGH_CONTRAST:
        assert background == QColor("#000000")
        assert chart.plot.getPlotItem().getAxis("left").pen().widthF() >= 2
        assert chart.plot.getPlotItem().getAxis("left").pen().color() == QColor("#FFFFFF")


def test_chart_and_table_sit_side_by_side_only_when_there_is_room(page, qtbot, qapp):
    page.set_records([record(1)])
    assert not page.split.beside()
    page.resize(1700, 900)
    qtbot.waitUntil(page.split.beside)
    apply_style(qapp, style.STANDARD, 2.0)
    page.resize(1690, 900)
    qtbot.waitUntil(lambda: not page.split.beside())


def wheel(widget, qapp, steps: int = -3) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    qapp.sendEvent(widget, event)


def test_the_wheel_scrolls_the_page_past_the_table_until_the_table_is_chosen(page, qapp, qtbot):
    from PySide6.QtWidgets import QScrollArea

    page.set_records(newest_first([record(n, number=n) for n in range(80)]))
    qtbot.wait(10)
    area = page.findChild(QScrollArea)
    rows = page.table.verticalScrollBar()
    before = area.verticalScrollBar().value()
    wheel(page.table.viewport(), qapp)
    assert area.verticalScrollBar().value() > before
    assert rows.value() == 0
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    wheel(page.table.viewport(), qapp)
    assert rows.value() > 0


def test_titles_wrap_whole_in_the_table_at_large_text(page, qapp, qtbot):
    apply_style(qapp, style.STANDARD, 2.0)
    page.set_records(newest_first([record(n, kind) for n, kind in enumerate(
        ("pmr", "imagery", "acupressure", "breathing"))]))
    qtbot.wait(10)
    table = page.table
    metrics = table.fontMetrics()
    session = table.columnWidth(1)
    for row in range(4):
        for word in table.model().index(row, 1).data().split():
            assert metrics.horizontalAdvance(word) <= session
        assert table.rowHeight(row) >= table.sizeHintForRow(row)
    assert sum(table.columnWidth(c) for c in range(5)) <= table.viewport().width() + 1
