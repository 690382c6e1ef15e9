"""Date formats htmldate's quick parser does not read, and leaves to dateparser (too slow to call on
every short text near a headline): read here, or rewritten into a form the quick parser reads."""
from __future__ import annotations

import re
from datetime import datetime

from htmldate.extractors import try_date_expr

# Month first, the day past 19 ("2/24/2026"): the quick parser takes a middle number up to 19 for a month.
_MONTH_FIRST = re.compile(r"(?<![\d/.])(1[0-2]|0?[1-9])/(2\d|3[01])/((?:19|20)\d\d)(?![\d/])")
# Chinese, Japanese and Korean: 2026年2月24日, 2026년 2월 24일.
_CJK = re.compile(r"((?:19|20)\d\d)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
# "Feb. 24, 2026", "Sept. 4": an abbreviated month with its full stop, or four letters for September.
_ABBREVIATED = re.compile(r"\b(jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)(?:t\.?|\.)(?=\s)", re.I)
# "24-Feb-2026".
_DASHED = re.compile(r"\b(\d{1,2})-([a-z]{3,9})-((?:19|20)\d\d)\b", re.I)
# Month names the quick parser lacks (it reads English, German, French, Indonesian, Turkish), as dates
# write them, January to December: Spanish, Portuguese, Italian, Catalan, Romanian, Swedish; Polish,
# Czech, Slovak, Russian, Ukrainian, Bulgarian and Greek in the genitive ("24 lutego 2026", "24 февраля
# 2026 г."); Finnish in the partitive ("24. helmikuuta 2026"). Not Croatian: its "listopada" is October,
# Polish's November.
_MONTH_NAMES = (
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "ledna února března dubna května června července srpna září října listopadu prosince",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    "gener febrer març abril maig juny juliol agost setembre octubre novembre desembre",
    "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
    "januari februari mars april maj juni juli augusti september oktober november december",
    "januára februára marca apríla mája júna júla augusta septembra októbra novembra decembra",
    "януари февруари март април май юни юли август септември октомври ноември декември",
    "ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου οκτωβρίου "
    "νοεμβρίου δεκεμβρίου",
    "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta "
    "lokakuuta marraskuuta joulukuuta",
)
_MONTH_NUMBER = {name: number for names in _MONTH_NAMES for number, name in enumerate(names.split(), 1)}
_MONTH_NUMBER["setiembre"] = 9  # Spanish, as written in Peru and Uruguay
# Day, month, year: "24 de febrero de 2026", "3 de março de 2025", "24. září 2025", "4 d'abril de 2025".
_NAMED = re.compile(r"(?<!\d)(\d{1,2})\.?\s+(?:de\s+|d['’])?(" + "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
                    + r")(?![^\W\d_])\s+(?:de\s+|del\s+)?((?:19|20)\d\d)(?!\d)", re.I)

# Year, month, day, as Hungarian writes a date: "2025. március 4.".
_HUNGARIAN_MONTHS = "január február március április május június július augusztus szeptember október november december"
_HUNGARIAN = {name: number for number, name in enumerate(_HUNGARIAN_MONTHS.split(), 1)}
_YEAR_FIRST = re.compile(r"(?<!\d)((?:19|20)\d\d)\.\s+(" + "|".join(_HUNGARIAN) + r")\s+(\d{1,2})(?!\d)", re.I)

# A numeric date, day and month in either order: "03/01/2017", "10.12.2023".
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d\d)(?![\d/.-])")


def numeric_order(text: str) -> str | None:
    """How a page writes its numeric dates, "month first" or "day first", told by the dates whose
    order shows (12/17/2025, 17/12/2025); None when none shows or they disagree."""
    orders = set()
    for first, _, second, _ in _NUMERIC.findall(text):
        if int(first) <= 12 < int(second) <= 31:
            orders.add("month first")
        elif int(second) <= 12 < int(first) <= 31:
            orders.add("day first")
    return orders.pop() if len(orders) == 1 else None


def ambiguous_numeric(text: str) -> tuple[str, str, str] | None:
    """(year, first, second) of a numeric date that reads both ways ("03/01/2017"), else None."""
    match = _NUMERIC.search(text)
    if not match:
        return None
    first, _, second, year = match.groups()
    return (year, first, second) if int(first) <= 12 and int(second) <= 12 and first != second else None


def in_order(found: str, numbers: tuple[str, str, str], order: str) -> str:
    """The day `found` (YYYY-MM-DD, as htmldate read `numbers`) read in the page's order instead."""
    year, first, second = numbers
    month, day = (first, second) if order == "month first" else (second, first)
    candidate = f"{year}-{int(month):02d}-{int(day):02d}"
    return candidate if sorted(candidate[5:].split("-")) == sorted(found[5:].split("-")) else found


def written_day(text: str, earliest: datetime, latest: datetime) -> str | None:
    """The day (YYYY-MM-DD) a short text writes, within earliest..latest: htmldate's quick parser,
    then the formats it leaves to dateparser."""
    return try_date_expr(text, "%Y-%m-%d", False, earliest, latest) or unread_day(text, earliest, latest)


def unread_day(text: str, earliest: datetime, latest: datetime) -> str | None:
    """The day (YYYY-MM-DD) `text` shows in one of these formats, within earliest..latest."""
    if match := _MONTH_FIRST.search(text):
        month, day, year = match.groups()
        return _day(year, month, day, earliest, latest)
    if match := _CJK.search(text):
        return _day(*match.groups(), earliest, latest)
    if match := _NAMED.search(text):
        day, month, year = match.groups()
        return _day(year, str(_MONTH_NUMBER[month.lower()]), day, earliest, latest)
    if match := _YEAR_FIRST.search(text):
        year, month, day = match.groups()
        return _day(year, str(_HUNGARIAN[month.lower()]), day, earliest, latest)
    rewritten = _DASHED.sub(r"\1 \2 \3", _ABBREVIATED.sub(r"\1", text))
    if text.isupper():  # "OCTOBER 13, 2025": the quick parser knows month names as running text writes them
        rewritten = " ".join(word.capitalize() for word in rewritten.split(" "))
    return try_date_expr(rewritten, "%Y-%m-%d", False, earliest, latest) if rewritten != text else None


def _day(year: str, month: str, day: str, earliest: datetime, latest: datetime) -> str | None:
    try:
        found = datetime(int(year), int(month), int(day))
    except ValueError:  # 2/30
        return None
    return found.strftime("%Y-%m-%d") if earliest <= found <= latest else None
