import pytest

from storyline.clean import classify_line, error_page_reason

JUNK = [
    ("Home | World | Business | Sport | Weather", "navigation"),
    ("Firefighters spray water on the warehouse. (Photo: Lena Marsh/Kessport Herald)", "caption"),
    ("Smoke rises over the site. VPA/File", "caption"),
    ("File photo of the plant.", "caption"),
    ("© 2026 Kessport Herald. All rights reserved.", "copyright"),
    ("By Tomas Rieder", "byline"),
    ("By Staff Reporter", "byline"),
    ("Last updated: March 8, 2026 17:45 GMT", "dateline"),
    ("Published 3/10/2026", "dateline"),
    ("9 March 2026, 10:15", "dateline"),
    ("KESSPORT, March 8 (Varnia Wire) -", "dateline"),
    ("Share this article: Facebook Twitter Email", "share_or_promo"),
    ("Read more:", "share_or_promo"),
    ("Subscribe to our newsletter", "share_or_promo"),
    ("[Advertisement]", "share_or_promo"),
    ("Facebook Twitter Email", "share_or_promo"),
    ("https://www.example.com/news/story-123", "url_or_email"),
    ("newsdesk@example.org", "url_or_email"),
    ("The Meridian Post", "fragment"),
    ("Follow Ana Roux on Twitter @anaroux", "share_or_promo"),
    ("Follow @kessportherald for live updates", "share_or_promo"),
    ("(Quiz: How well do you know the port?)", "share_or_promo"),
    ("(Video: Firefighters at the harbour)", "share_or_promo"),
    ("Ana Roux ‏επαληθευμένος @anaroux", "embed"),
    ("Kessport Herald @kessportherald", "embed"),
]

PROSE = [
    "The fire began in a warehouse at about 4:40 a.m. on Saturday and spread to an ammonia tank.",
    "By Sunday evening, more than 1,500 people had been moved out of the district, officials said.",
    "Read the full statement, the minister told reporters, and you will see we acted in time.",
    "Photographs taken by residents show a yellow cloud over the harbour, the union said.",
    "Share prices of Norvane fell 12 percent on Monday.",
    "He was pictured in court on Monday wearing a grey suit, and did not speak.",
    "Comments by the minister angered the union, which called them insulting.",
    '"We will find out who is responsible," Valkov said.',
    "Follow the money, the senator said on Monday, and you will find who paid.",
    "Police follow the suspects on foot through the old town, witnesses said.",
    "Write to the desk at @kessportherald and we will answer every letter we get this week.",
    "The post was shared on Monday by @kessportherald",
    "(The vote was 52 to 48, with two members absent.)",
    "JavaScript is required by most banking sites, and the new rules leave older browsers behind, the bank said.",
    "Your browser history can be read by the app, the regulator warned on Monday.",
    "Users had to enable JavaScript to see the maps, which drew complaints from the county's readers.",
    "The mayor showed a photo of the damage (a family photo) to the council on Monday.",
    "Follow the president on Twitter and you would think the trade war was already won, economists said.",
    "She keeps the picture of her late husband on her desk, next to her favorite image (a wedding photo)",
    "The agency released the suspect's booking photo on Monday, along with a description of his car, his "
    "clothes, the route he took from the bank and the names of two people who saw him leave (police photo)",
]


@pytest.mark.parametrize(("line", "reason"), JUNK)
def test_classify_line_junk(line: str, reason: str) -> None:
    assert classify_line(line) == reason


@pytest.mark.parametrize("line", PROSE)
def test_classify_line_keeps_prose(line: str) -> None:
    assert classify_line(line) is None


def test_error_page_reason() -> None:
    assert error_page_reason("We've detected that JavaScript is disabled in your browser.")
    assert error_page_reason("404 - Page not found. The page you requested does not exist.")
    assert error_page_reason("These crawls are part of an effort to archive pages as they are created.")
    long_report = "The hackers left a note saying page not found on the ministry site. " * 30
    assert error_page_reason(long_report) is None
    assert error_page_reason("A flood hit the town on Tuesday, officials said.") is None


# A wire service's notice with its terms of reuse runs past the 30 words of a short notice.
REUSE_NOTICE = (
    "MERIDIAN, K.S. 20410 Tel: 555-0100 Fax: 555-0101 COPYRIGHT 2026 BY LUNE WIRESOURCES, INC., A JOINT "
    "VENTURE OF KESSPORT MEDIA, INC. AND VARNIA TIMES, INC. NO PORTION OF THE MATERIALS CONTAINED HEREIN "
    "MAY BE USED IN ANY MEDIA WITHOUT ATTRIBUTION TO LUNE WIRESOURCES, INC."
)
# Prose about a copyright case, as long, keeps its place: no terms of reuse in it.
COPYRIGHT_CASE = (
    "The band won its copyright 2012 case in the Kessport court on Monday, and the judge said anyone "
    "who wants to sample the song in a film, an advertisement or a video game must now ask the band "
    "first and pay a fee that the two sides will set in the spring."
)


# Prose that quotes terms of reuse, as a report on a ruling does.
RULING = (
    "The judge ruled on Tuesday that excerpts of stories marked copyright 2025 and all rights reserved "
    "may not be republished wholesale by the aggregator, which had copied thousands of them, and "
    "ordered it to pay the Kessport Herald damages that will be set at a later hearing."
)


def test_a_long_notice_with_terms_of_reuse_is_a_copyright_line_and_prose_is_not() -> None:
    assert classify_line(REUSE_NOTICE) == "copyright"
    assert classify_line(COPYRIGHT_CASE) is None
    assert classify_line(RULING) is None
    assert classify_line(RULING.replace("republished", "reproduced")) is None
