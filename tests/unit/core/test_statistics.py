"""The core's statistics agree with scipy to many decimals, and refuse what has no answer."""

from __future__ import annotations

import pytest
from scipy import stats

from selfcare.core.statistics import (
    incomplete_beta,
    mean_with_interval,
    slope_with_interval,
    t_cdf,
    t_quantile,
)


@pytest.mark.parametrize("df", [1, 2, 3, 4, 5, 9, 29, 120, 3650])
@pytest.mark.parametrize("p", [0.5, 0.9, 0.975, 0.995, 0.025])
def test_t_quantiles_match_scipy(df, p):
    assert t_quantile(p, df) == pytest.approx(stats.t.ppf(p, df), rel=1e-9, abs=1e-12)


@pytest.mark.parametrize(("t", "df"), [(-3.2, 2), (0.0, 5), (1.7, 7), (2.5, 30), (8.0, 1)])
def test_t_cdf_matches_scipy(t, df):
    assert t_cdf(t, df) == pytest.approx(stats.t.cdf(t, df), rel=1e-10, abs=1e-14)


@pytest.mark.parametrize(("a", "b", "x"), [(0.5, 0.5, 0.3), (2, 3, 0.9), (10, 0.5, 0.99)])
def test_incomplete_beta_matches_scipy(a, b, x):
    from scipy.special import betainc

    assert incomplete_beta(a, b, x) == pytest.approx(betainc(a, b, x), rel=1e-10)


def test_a_mean_with_its_interval_matches_scipy():
    changes = [-3, -1, 0, -2, -4, 1, -2, -1]
    estimate = mean_with_interval(changes)
    low, high = stats.t.interval(0.95, len(changes) - 1, loc=stats.tmean(changes),
                                 scale=stats.sem(changes))
    assert estimate.value == pytest.approx(-1.5)
    assert (estimate.low, estimate.high) == pytest.approx((low, high), rel=1e-9)
    assert estimate.excludes_zero


def test_an_interval_that_crosses_zero_claims_nothing():
    estimate = mean_with_interval([-3, 2, -1, 1, 0])
    assert estimate.low < 0 < estimate.high
    assert not estimate.excludes_zero


def test_one_value_has_a_mean_but_no_interval():
    estimate = mean_with_interval([-2])
    assert (estimate.value, estimate.low, estimate.high, estimate.n) == (-2, None, None, 1)
    assert not estimate.excludes_zero
    with pytest.raises(ValueError):
        mean_with_interval([])


def test_identical_values_give_a_zero_width_interval():
    estimate = mean_with_interval([-2, -2, -2])
    assert estimate.low == estimate.high == -2 and estimate.excludes_zero


def test_a_slope_with_its_interval_matches_scipy():
    weeks = [0, 1, 2, 3, 4, 5, 6]
    pain = [7.0, 6.5, 6.8, 6.0, 5.2, 5.5, 4.9]
    estimate = slope_with_interval(weeks, pain)
    fit = stats.linregress(weeks, pain)
    half = stats.t.ppf(0.975, len(weeks) - 2) * fit.stderr
    assert estimate.value == pytest.approx(fit.slope, rel=1e-12)
    assert (estimate.low, estimate.high) == pytest.approx(
        (fit.slope - half, fit.slope + half), rel=1e-9)


def test_a_slope_needs_two_distinct_xs():
    with pytest.raises(ValueError):
        slope_with_interval([1], [2])
    with pytest.raises(ValueError):
        slope_with_interval([1, 1], [2, 3])
    assert slope_with_interval([0, 1], [5, 4]).low is None
