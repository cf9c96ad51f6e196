"""An invented story told by five reports over two weeks, with relative and absolute dates."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.model import Article


def _a(article_id: str, date: str | None, text: str, **fields: str) -> Article:
    return Article(text=text, id=article_id, date=dt.date.fromisoformat(date) if date else None, **fields)  # type: ignore[arg-type]


@pytest.fixture
def story() -> list[Article]:
    return [
        _a(
            "herald",
            "2012-02-06",  # a Monday
            "A fire broke out at the Kessport chemical plant on Saturday and forced 300 residents from their homes.\n"
            "Kessport firefighters brought the blaze under control yesterday after fighting it through the night.\n"
            "The plant had passed a safety inspection in the autumn, its owners said.",
        ),
        _a(
            "wire",
            "2012-02-07",  # a Tuesday: "on Saturday" is 4 February
            "A fire broke out at the Kessport chemical plant on Saturday and forced 300 residents out of their homes.\n"
            "The Kessport plant manager said on Tuesday that the cause of the fire was still unknown.\n"
            "Residents were allowed back into their homes on Monday evening.",
        ),
        _a(
            "gazette",
            "2012-02-10",
            "Kessport officials said the chemical plant would stay closed while inspectors examine the damage.\n"
            "The fire at the Kessport plant on February 4, 2012 was the worst in the town for a decade.\n"
            "Investigators said on Thursday that a faulty valve at the Kessport plant probably started the fire.",
        ),
        _a(
            "courier",
            "2012-02-18",
            "Kessport prosecutors charged the plant manager with negligence on February 17, 2012, a week after the fire.\n"
            "The February 4 fire at the Kessport plant forced hundreds of residents to leave their homes for two days.\n"
            "The manager will appear in court on March 30, 2012, prosecutors said.",
        ),
        _a(
            "post",
            "2012-02-18",
            "The manager of the Kessport chemical plant was charged with negligence on Friday, prosecutors said.\n"
            "He denies the charge, his lawyer told reporters outside the Kessport courthouse.",
        ),
    ]
