"""Hijri dates to Gregorian ones.

hijridate implements the Umm al-Qura calendar, the one Arab news and states print, but only for
1343-1500 AH (1924-2077). Older years (archives cite 13th- and early 14th-century AH years) fall
back to the arithmetic (tabular) Islamic calendar, which stays within a day or two of the
observed one: enough for the month and year precision such dates are given at."""

from __future__ import annotations

from datetime import date, timedelta

# Julian day number of 1 Muharram 1 AH in the civil tabular calendar (16 July 622, Julian).
_TABULAR_EPOCH_JDN = 1948440
# date.toordinal() of a Julian day number.
_JDN_TO_ORDINAL = 1721425


def _tabular(year: int, month: int, day: int) -> date:
    days = (29 * (month - 1) + (month - 1 + 1) // 2  # alternating 30/29-day months: ceil(29.5 (m-1))
            + (year - 1) * 354 + (3 + 11 * year) // 30 + day - 1)
    return date.fromordinal(_TABULAR_EPOCH_JDN + days - _JDN_TO_ORDINAL)


def to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of a Hijri one, or None when it is not a date (day 30 of a 29-day month)."""
    if not (1 <= month <= 12 and 1 <= day <= 30 and 1 <= year <= 2000):
        return None
    # Imported here, not at the top: the window and CLI start without it (8 ms); only Hijri dates need it.
    from hijridate import Hijri

    try:
        return Hijri(year, month, day).to_gregorian()
    except OverflowError:
        return _tabular(year, month, day)
    except ValueError:
        return None


def month_in_gregorian(year: int, month: int) -> tuple[int, int] | None:
    """(year, month) of the Gregorian month holding most days of a Hijri month: its 15th day."""
    middle = to_gregorian(year, month, 15)
    return (middle.year, middle.month) if middle else None


def year_in_gregorian(year: int) -> int | None:
    """The Gregorian year holding most days of a Hijri year (it always straddles two):
    the one its middle day falls in."""
    start, end = to_gregorian(year, 1, 1), to_gregorian(year + 1, 1, 1)
    if start is None or end is None:
        return None
    return (start + timedelta(days=(end - start).days // 2)).year


def month_in_gregorian_year(gregorian_year: int, month: int) -> tuple[int, int] | None:
    """The Gregorian month of the Hijri month named in a Gregorian year ('رمضان عام 1992').
    A Hijri year is 11 days shorter, so about every 33 years a month falls twice in one
    Gregorian year: then there is no single answer and this gives None."""
    estimate = round((gregorian_year - 622) * 33 / 32)
    found = [m for m in (month_in_gregorian(h, month) for h in range(estimate - 2, estimate + 3))
             if m and m[0] == gregorian_year]
    return found[0] if len(found) == 1 else None
