"""Line rules: is this paragraph page junk, and which kind?

Each rule is a small predicate over one line (a paragraph of a scraped page). They
are ordered from most to least specific; the first that fires names the reason.
Patterns were written against the junk found in Multi-News' original web text and
our invented example, and err on the side of keeping prose: a rule that fires only
on short lines, or on a line that is nothing but the junk, never on a sentence that
merely mentions a photo or a comment.
"""

from __future__ import annotations

import re

from storyline.text import MONTH, count_words

# A comment section starts at one of these lines and runs to the end of the page.
COMMENT_MARKERS = re.compile(
    r"""^\s*(
        comments?\s*[(\[]?\s*\d+\s*[)\]]?                 # COMMENTS (3), Comments 12
      | (\d+\s+)?comments?\s*:?                           # Comments / 3 comments
      | (blog\s+)?comments\s+powered\s+by\b.*             # blog comments powered by Disqus
      | comments\s+are\s+(moderated|closed)\b.*
      | (leave|post|add|write)\s+a\s+(comment|reply)\b.*
      | join\s+the\s+(conversation|discussion)\b.*
      | (show|view|read|load)\s+(all\s+)?\d*\s*comments\b.*
      | replying\s+to\s+@?\S+.*
      | reader\s+comments\b.*
      | what\s+do\s+you\s+think\?.*
      | we\s+welcome\s+your\s+comments\b.*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

_CREDIT_TAIL = re.compile(
    r"""(
        \((photo|image|picture|photograph|credit|foto)s?\s*(:|by)[^)]{1,80}\)\s*$   # (Photo: Lena Marsh/Herald)
      | \b(photo|image|picture)s?\s*(:|by)\s*[\w .,'&/-]{2,60}$                    # Photo: Reuters
      | \b[A-Z][\w&-]*(\s[A-Z][\w&-]*)?\s*/\s*(file|getty\simages|pool)\b\.?\)?\s*$  # AFP/File, VPA/File
      | \((ap|afp|reuters|getty|epa|file)(\s*photo)?[^)]{0,60}\)\s*$                 # (AP Photo/John Doe)
      | \bfile\s+photo\b\.?\)?\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# "(U.S. Navy photo)" closing a line: a caption, no headline ("... next to her favourite
# image (a wedding photo)", with a determiner, is prose). The credit itself is cut inside
# the line (`inline_credit`).
_SOURCE_PHOTO_TAIL = re.compile(
    r"\((?!\s*(?:a|an|the|her|his|their|my|our|your|its|this|that|one|some)\b)([\w.&'’-]+\s+){1,3}"
    r"(photo|photograph|image)s?\)\s*$",
    re.IGNORECASE,
)
_CAPTION_START = re.compile(
    r"^\s*(\(?(file\s+)?photo\b|image\s*(copyright|caption)?\s*:|picture\s*:|pictured\s*:|caption\s*:|"
    r"\[?(image|photo|video)\]?\s*$|getty\s+images|ap\s+photo)",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"(©|\(c\)\s*\d{4}|\bcopyright\s+(©\s*)?\d{4}|all rights reserved)", re.IGNORECASE)
# The terms of reuse that follow a notice: "no portion ... may be used", "may not be reproduced".
_REUSE = re.compile(
    r"\bno\s+(portion|part)\s+of\s+(the|this)\s+(materials?|article|publication|content)\b"
    r"|\bmay\s+not\s+be\s+(re)?(produced|published|broadcast|rewritten|redistributed)\b",
    re.IGNORECASE,
)

_BYLINE = re.compile(
    r"""^\s*(?i:by|written\s+by|posted\s+by|reporting\s+by|words\s+by)\s+
        ([A-Z][\w.'’-]*|staff|our)(\s+([A-Z][\w.'’-]*|and|&|van|de|der|von|al|el|reporter|writer|correspondent)){0,7}
        \s*([,|•-].{0,60})?$""",
    re.VERBOSE,
)
_CREDITS = re.compile(
    r"^\s*\(?\s*(additional\s+)?(reporting|writing|editing|compiled|produced)\s+by\s+[A-Z].*\)?\s*$",
    re.IGNORECASE,
)
LINKS_HEADER = re.compile(
    r"^\s*(read\s+more|related(\s+(stories|articles|coverage|content|links))?|see\s+also|more\s+(on\s+this|stories))\s*:?\s*$",
    re.IGNORECASE,
)
_MONTH = MONTH
_DATE_ONLY = re.compile(
    rf"""^\s*((last\s+)?(updated|published|posted|modified|first\s+published)(\s+on)?\s*:?\s*)?
        ((mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?
        (
            {_MONTH}\s+\d{{1,2}}(st|nd|rd|th)?,?\s+\d{{4}}
          | \d{{1,2}}(st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}
          | \d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}
          | \d{{4}}-\d{{2}}-\d{{2}}(t[\d:]+z?)?
        )
        ([\s,|at-]+\d{{1,2}}[:.]\d{{2}}(\s*[ap]\.?m\.?)?(\s*[a-z]{{2,4}})?)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_DATE_PREFIXED = re.compile(
    r"^\s*(last\s+)?(updated|published|posted|modified)\s*(on\s*)?:?\s*\S.{0,50}$", re.IGNORECASE
)
_DATELINE_ONLY = re.compile(
    r"^\s*[A-Z][A-Z .'’-]{2,40}(,\s*[A-Za-z .]{2,30})?(,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(\([^)]{2,40}\))?\s*[-–—:]+\s*$"
)
_SHARE = re.compile(
    r"""^\s*(
        share(\s+(this|on|via|the)\b.*)?
      | (read|see|click|tap)\s+(more|also|here|next)\b.*
      | related(\s+(stories|articles|coverage|content|links))?\s*:.*
      | related(\s+(stories|articles|coverage|content|links))?
      | more\s+(on|from|about|stories)\b.{0,60}
      | (subscribe|sign\s+up|newsletter|follow\s+us|like\s+us|download\s+(our|the)\s+app)\b.*
      | follow\s+[\w.'’-]+(\s+[\w.'’-]+){0,3}\s+on\s+(twitter|facebook|instagram|x|threads|bluesky)\b(\s*:?\s*@\w+)?\s*[.!]?
      | follow\s+@\w+(\s+on\s+\w+)?(\s+for\s+[^.]{0,40})?\s*[.!]?
      | \(\s*(quiz|poll|video|watch|photos?|gallery|slideshow|related|read\s+more|more|see\s+also|also\s+read
          |listen|map|graphic|interactive|click\s+here|full\s+coverage)\s*:[^()]{0,120}\)      # (Quiz: Do you know X?)
      | (tweet|print|email|e-mail|facebook|twitter|linkedin|whatsapp|reddit|pinterest|telegram|copy\s+link)
        ([\s|,•/]+(tweet|print|email|e-mail|facebook|twitter|linkedin|whatsapp|reddit|pinterest|telegram|copy\s+link|share))*
      | \[?advertisement\]?|\[?ad\]?|sponsored(\s+content)?
      | (tags|topics|filed\s+under|categories)\s*:.*
      | (have\s+a\s+(news\s+)?tip|contact\s+us|send\s+us)\b.*
      | get\s+(the|our)\b.{0,60}\b(inbox|newsletter|email|app)\b.*
      | (back\s+to\s+top|skip\s+to\s+(main\s+)?content|jump\s+to\s+comments?)\b.*
      | reply|report(\s+abuse)?|flag|like|\d+\s+(likes?|replies|points?)
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_URL_OR_EMAIL = re.compile(
    r"^\s*([\w .-]{0,30}:\s*)?((https?://|www\.)\S+|[\w.+-]+@[\w-]+(\.[\w-]+)+)(\s+((https?://|www\.)\S+|[\w.+-]+@[\w-]+(\.[\w-]+)+))*\s*$",
    re.IGNORECASE,
)
# A list item's marker at the start of a paragraph: wire text writes "--Install belts.",
# "-- $5 million for ...", "_ Vitamin E eased pain."; pages "- ", "* ", "• ". A lone "-"
# or "*" is a marker only before a space or a letter ("-5 degrees" is a number, "-0-" a
# wire's end mark), and a rule of dashes ("------") is no marker.
BULLET_PREFIX = re.compile(
    r"""^\s*(
        --+\s*(?=[\w“"'‘`$(\[])               # --Install / -- $5 million / ---- Item
      | [-_*•·▪‣►–—]\s+(?=[\w“"'‘`$(\[])      # - Item / _ Item / • Item / — Item
      | [-*•](?=[^\W\d_])                    # -That / *Friday / •Item
    )""",
    re.VERBOSE,
)
READING_PREFIX = re.compile(r"^\s*(you['’]re|you\s+are|now|currently)\s+reading\s*:\s*", re.IGNORECASE)
# A video player's controls left before the text: "CLOSE President Donald Trump met ...",
# "reset Marco Rubio: The face of ...".
PLAYER_PREFIX = re.compile(r"^\s*(CLOSE|SKIP|REPLAY|reset|Watch\s+again)\s+(?=[A-Z])")
DATELINE_PREFIX = re.compile(
    r"""^\s*(
        (
            [A-Z][A-Z.'’-]{2,}(\s+[A-Z][A-Z.'’-]+){0,3}                     # KESSPORT / NEW YORK
            (,\s*[A-Z][\w.]+(\s+[A-Z][\w.]+){0,2})?                        # , Varnia / , Calif.
            (,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?                             # , March 10
            \s*(\(\s*[^()]{2,40}\s*\))?                                     # (Meridian Post)
          | [A-Z][\w.'’/-]+(\s+[\w.'’-]+){0,3}(,\s*[\w.'’-]+(\s+[\w.'’-]+){0,2})?  # Kiev, ukraine
            \s*\(\s*(?i:ap|afp|reuters|cnn|upi|xinhua|dpa|efe|ansa|pti|ians|bloomberg|ap\s+photo
                |cbs|nbc|abc|cns|marketwatch|mainstreet|[\w-]+\.com(/ap)?
                |[kw][a-z]{2,3}(-?tv)?\d?|(cbs|nbc|abc|fox)\s?\w{1,4}            # ( wkrc ), ( cbs dc )
                |[\w .'&-]{0,30}(news|wire|post|times|press|agency|herald|journal|tribune|health))\s*\)
        )\s*([-–—]+|_)\s+                                                  # -- / — / NYT wire's " _ "
      | ([A-Z][\w.'’/-]+(\s+[\w.'’-]+){0,3}(,\s*[\w.'’-]+(\s+[\w.'’-]+){0,2})?\s*)?  # Boston (CNN) jurors
        \(\s*(?i:ap|afp|reuters|cnn|upi|xinhua)\s*\)(\s*[-–—]+\s+|(?!\s*[-–—_])\s*)  # (CNN) -- / ( cnn ) alone
      | ((?!(?:AIDS|NASA|NATO|OPEC|FIFA|UEFA|POLL|NOAA|IAEA|UNHCR|UNICEF|UNESCO|ASEAN|NAFTA|OSCE|CNBC|MSNBC|ESPN|NYSE|NCAA|NAACP)\b)[A-Z][A-Z.'’-]{3,}(\s+[A-Z][A-Z.'’-]+){0,2}|[A-Z]{2,3}\s+[A-Z][A-Z.'’-]{3,}(\s+[A-Z][A-Z.'’-]+)?)(\s*/\s*((?!(?:AIDS|NASA|NATO|OPEC|FIFA|UEFA|POLL|NOAA|IAEA|UNHCR|UNICEF|UNESCO|ASEAN|NAFTA|OSCE|CNBC|MSNBC|ESPN|NYSE|NCAA|NAACP)\b)[A-Z][A-Z.'’-]{3,}(\s+[A-Z][A-Z.'’-]+){0,2}|[A-Z]{2,3}\s+[A-Z][A-Z.'’-]{3,}(\s+[A-Z][A-Z.'’-]+)?))+
        \s*[:\-–—]+\s+                                                  # BEIJING/ DAMASCUS: / NEW YORK/LONDON -
    )(?=\S)""",
    re.VERBOSE,
)
_NAV_SEPARATORS = re.compile(r"\s*[|•·»›>]\s*|\s+/\s+")
_SENTENCE_END = re.compile(r"[.!?…\"'”’)]\s*$")


def is_nav(line: str) -> bool:
    """A menu: three or more short items between separators ("Home | World | Sport")."""
    parts = [p for p in _NAV_SEPARATORS.split(line) if p.strip()]
    return len(parts) >= 3 and all(count_words(p) <= 4 for p in parts) and not _SENTENCE_END.search(line)


def is_caption(line: str) -> bool:
    """A photo caption or credit line."""
    n_words = count_words(line)
    if _CAPTION_START.search(line) and n_words <= 60:
        return True
    return bool(_CREDIT_TAIL.search(line) and n_words <= 80)


def is_copyright(line: str) -> bool:
    """A copyright notice: short, or set in capitals as long as a wire service's terms of
    reuse ("COPYRIGHT 1998 BY WORLDSOURCES, INC. ... NO PORTION OF THE MATERIALS CONTAINED
    HEREIN MAY BE USED ..."), which a summary took as a sentence."""
    if not _COPYRIGHT.search(line):
        return False
    n_words = count_words(line)
    return n_words <= 30 or (n_words <= 80 and _shouted(line) and bool(_REUSE.search(line)))


def _shouted(line: str) -> bool:
    """Most letters capitals, as a wire service's notice is set; prose about a copyright case
    that quotes terms of reuse is not."""
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def is_byline(line: str) -> bool:
    """A byline ("By Jo Tamsin") or a wire's credit line ("(Reporting by X; Editing by Y)")."""
    if count_words(line) <= 25 and _CREDITS.match(line):
        return True
    return count_words(line) <= 12 and bool(_BYLINE.match(line))


def is_dateline_or_date(line: str) -> bool:
    """A line that is only a date, an "Updated ..." stamp, or a dateline."""
    if count_words(line) > 12:
        return False
    if _DATE_ONLY.match(line) or _DATELINE_ONLY.match(line) or _DATE_PREFIXED.match(line):
        return True
    # "Kessport Herald | Saturday, 7 March 2026, 21:40": an outlet's name beside the date.
    parts = [p for p in re.split(r"\s+[|•·]\s+", line) if p.strip()]
    return (
        len(parts) > 1 and any(_DATE_ONLY.match(p) for p in parts) and all(count_words(p) <= 6 for p in parts)
    )


# An embedded post's header: "Donald J. Trump ‏@realDonaldTrump" (a site's "verified
# account" label in any language between), a short line ending in the handle.
_EMBED_HEADER = re.compile(r"^[^!?@]{2,80}\s@\w{1,30}\s*$")
_EMBED_HEADER_MAX_WORDS = 10


_PROSE_WORD = re.compile(
    r"\b(the|a|an|by|was|is|were|are|posted|said|says|wrote|from|to|of|in|on|at|and|with|for)\b"
)


def is_embed_header(line: str) -> bool:
    """A short line ending in a handle, with no word of prose before it ("The post was
    shared by @anaroux" is a sentence)."""
    return (
        count_words(line) <= _EMBED_HEADER_MAX_WORDS
        and bool(_EMBED_HEADER.match(line))
        and not _PROSE_WORD.search(line)
    )


def is_share(line: str) -> bool:
    return count_words(line) <= 20 and bool(_SHARE.match(line))


# A page's word to the reader's browser, opening its line: "JavaScript must be enabled to view
# our maps", "Please enable JavaScript to view the comments", "Your browser does not support
# the video tag", with the sentences after it that speak of the same ("Media requires
# JavaScript to play."). Scrapers often run the report on after it in one line ("Please
# enable javascript to watch. In his last press conference ..."), so it is cut as a prefix,
# not the line dropped. Only a line's opening words, said to the reader, with a short
# sentence of its own (a notice with no stop does not take the report after it): a report
# about a browser ("Users had to enable JavaScript", "JavaScript is required by most banks",
# "Your browser is not the only thing tracking you") is prose.
_NOTICE_OPENER = r"""
    (please\s+|you\s+(must|need\s+to|have\s+to)\s+)?(enable|turn\s+on|activate)\s+javascript\b
  | javascript\s+(is|must\s+be|needs\s+to\s+be|has\s+been|seems\s+to\s+be)\s+
      (required|disabled|enabled|turned\s+(on|off)|switched\s+off|not\s+enabled)
      \s*(to\s+(view|watch|see|use|play|read|access)\b|for\s+th|in\s+your\b|on\s+your\b|[.!]|$)
  | (this\s+(video|content|feature|page)\s+requires|to\s+(view|watch|see)\s+this\s+(video|content|map|page))
      \b[^.!?\n]{0,40}\bjavascript\b
  | your\s+(web\s+)?browser\s+((does\s+not|doesn['’]t)\s+support|is\s+(not\s+supported|out\s+of\s+date|outdated))\b
  | (please\s+)?(upgrade|update)\s+(to\s+)?(a\s+(newer|modern)\s+|your\s+)?browser\b
"""
_IN_SENTENCE = r"(?:[^.!?\n]|[.!?](?=\S))"  # a character of a sentence: "2.5" or "mt.gov" ends none
BROWSER_NOTICE_PREFIX = re.compile(
    rf"""^\s*(?:{_NOTICE_OPENER}){_IN_SENTENCE}{{0,60}}(?:[.!?]+(?=\s|$)|$)
    (?:\s*{_IN_SENTENCE}{{0,160}}\b(?:javascript|browsers?|noscript|html5)\b{_IN_SENTENCE}{{0,160}}
      (?:[.!?]+(?=\s|$)|$))*
    [\s→]*""",
    re.IGNORECASE | re.VERBOSE,
)


def is_url_or_email(line: str) -> bool:
    return bool(_URL_OR_EMAIL.match(line))


def is_fragment(line: str) -> bool:
    """A short line that is no sentence: an outlet name, a username, a menu word."""
    return count_words(line) <= 3 and not _SENTENCE_END.search(line)


def looks_like_headline(line: str) -> bool:
    """A first line short enough and unpunctuated enough to be a headline: not a sentence
    (a stop at its end), a list's lead-in (a colon: "WASHINGTON — Here are the milestones
    ...:"), a line that opens with a dateline (a report's body does) or a captioned photo."""
    n_words = count_words(line)
    return (
        3 <= n_words <= 25
        and not line.rstrip().endswith((".", ",", ";", ":"))
        and not DATELINE_PREFIX.match(line)
        and not _SOURCE_PHOTO_TAIL.search(line)
    )


# Order matters: the first rule that matches gives the reason.
LINE_RULES: tuple[tuple[str, object], ...] = (
    ("url_or_email", is_url_or_email),
    ("caption", is_caption),
    ("copyright", is_copyright),
    ("byline", is_byline),
    ("dateline", is_dateline_or_date),
    ("navigation", is_nav),
    ("share_or_promo", is_share),
    ("embed", is_embed_header),
    ("fragment", is_fragment),
)


def classify_line(line: str) -> str | None:
    """Return the junk reason for a line, or None to keep it."""
    for reason, rule in LINE_RULES:
        if rule(line):  # type: ignore[operator]
            return reason
    return None


# Whole documents that are not articles: error pages, archive notices, bot walls.
_ERROR_PAGE = re.compile(
    r"""(
        \b(404|403|410)\b.{0,40}\b(not\s+found|forbidden|gone|error)\b
      | \bpage\s+(you\s+requested\s+)?(was\s+)?(not\s+found|cannot\s+be\s+found|could\s+not\s+be\s+found|(is\s+)?(no\s+longer\s+)?unavailable|does\s+not\s+exist)\b
      | \bjavascript\s+is\s+(disabled|required|turned\s+off)\b|\benable\s+javascript\b
      | \b(access|permission)\s+denied\b
      | \bare\s+you\s+a\s+robot\b|\bcaptcha\b|\bverify\s+you\s+are\s+(a\s+)?human\b
      | \bthese\s+crawls\s+are\s+part\s+of\s+an\s+effort\b|\bcrawl\s+of\s+outlinks\b
      | \bwayback\s+machine\b|\bweb\s+wide\s+crawl\b|\bfocused\s+crawls\s+are\b
      | \bcrawl\s+data\s+to\s+the\s+internet\s+archive\b|\bseed\s+for\s+this\s+crawl\b
      | \b(this|the)\s+(video|content|story)\s+is\s+(not|no\s+longer)\s+available\b
      | \byour\s+browser\s+(is\s+not\s+supported|does\s+not\s+support)\b
      | \bplease\s+(enable|accept)\s+cookies\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_ERROR_PAGE_MAX_WORDS = 250


def error_page_reason(text: str) -> str | None:
    """Name the kind of non-article page `text` is, or None for an ordinary article.

    Only short documents are judged: a long report that quotes "page not found" is
    still a report.
    """
    if count_words(text) > _ERROR_PAGE_MAX_WORDS:
        return None
    match = _ERROR_PAGE.search(text)
    return f"error_page: {match.group(0).strip()[:40]}" if match else None


# Credits inside a paragraph. Scraped pages and Multi-News join a page's parts into one
# line, so a report's own dateline and agency credit can sit after a teaser headline or a
# photo caption: "... wednesday... ( associated press ) shanghai ( ap ) — china signed",
# "... parade. ( ap photo/carolyn kaster ) new delhi ( ap ) — ". A credit is dropped where
# its form cannot be prose: an agency in parentheses before a dash, a photo credit in
# parentheses, a BBC-style "Image copyright X image caption".
_AGENCY = (
    r"ap|afp|reuters|cnn|upi|xinhua|dpa|efe|ansa|pti|ians|bloomberg|cn|cns|thestreet|marketwatch"
    r"|associated\s+press|press\s+release|[\w-]+\.com(/ap)?"
)
_EDITION = r"philippines|health|money|politics|business|wire|español|espanol|tech|sports?|digital"
_WIRE_CREDIT = re.compile(
    rf"\(\s*(?P<agency>{_AGENCY})(?:\s+(?:{_EDITION}))?(?:,\s*{MONTH}\s+\d{{1,2}})?\s*\)"  # ( cnn philippines, june 25 )
    r"\s*(?:--+|[-–—_])\s+",
    re.IGNORECASE,
)
# An AP page's cut headline: the ellipsis is attached to the cut word ("wednesday..."), or
# the page's credit is followed by the report's own dateline ("... ( associated press )
# boise, idaho ( ap ) —"); a spaced ellipsis before prose is the writer's own.
_TEASER_CREDIT = re.compile(
    r"((?<=[\w.,;:])(?:\.\.\.|…)\s*\(\s*associated\s+press\s*\)\s*"
    r"|(?:\.\.\.|…)\s*\(\s*associated\s+press\s*\)\s*(?=[^()]{1,60}\(\s*ap\s*\)\s*(?:--+|[-–—_])\s))",
    re.IGNORECASE,
)
# The page's own credit just before the report's dateline: "( associated press ) london ( ap ) —".
_PAGE_CREDIT = re.compile(
    r"\(\s*associated\s+press\s*\)\s+(?=[^()]{1,60}\(\s*ap\s*\)\s*(?:--+|[-–—_])\s)", re.IGNORECASE
)
# Words no photo credit holds: a determiner or possessive makes "(a wedding photo)" prose.
_NOT_IN_CREDIT = r"(?!(?:a|an|the|her|his|their|my|our|your|its|this|that|these|those|one|some|any)\b)"
_PHOTO_CREDIT = re.compile(
    rf"""\(\s*(
        ([\w.&-]+\s+){{0,3}}photos?\s*(/|:|by\b)                         # ( ap photo/x ), ( photo: submitted )
          (?!\s*(?:left|right|above|below|top|bottom|see|members|\d))[^()]{{1,80}}
      | ({_NOT_IN_CREDIT}[\w.&'’-]+\s+){{1,3}}photos?                  # ( AP Photo ), ( U.S. Navy photo )
      | (ap|afp|reuters|epa|getty\s+images)\s*/\s*[^()]{{2,60}}       # (Reuters/John Smith)
    )\s*\)\s*""",
    re.IGNORECASE | re.VERBOSE,
)
# A page's text-size buttons that a scraper ran into the report ("Text size - + reset video:
# weiner's teary presser politico 44 for now, his vow ..."), with the related-video or photo
# teaser that follows them, up to the site's name.
_PAGE_TOOLS = re.compile(
    r"\btext\s+size\s*-\s*\+\s*reset\b"
    r"(?:\s+(?:\(\s*)?(?:video|photos?|in\s+\d+\s+secs)\s*:[^.!?\n]{0,100}?\bpolitico(?:\s+44)?\b"
    r"|\s+politico(?:\s+44)?\b)?\s*",
    re.IGNORECASE,
)
_IMAGE_COPYRIGHT = re.compile(
    r"""\bimage\s+copyright\s+(
        (?:(?!image\s+caption)\S+\s+){1,6}?image\s+caption\s+       # Image copyright getty images image caption
      | (afp|pa|ap|reuters|epa|bbc|getty\s+images|afp/getty\s+images|science\s+photo\s+library)\s+
    )
    | ^\s*image\s+caption\s+                                        # Image caption (a caption follows)""",
    re.IGNORECASE | re.VERBOSE,
)
# A word that ends a sentence, unless it is an abbreviation a dateline carries: a state
# or province ("n.y.", "okla.", "ont."), a month ("jan."), "st." or "ft.".
_ENDS_SENTENCE = re.compile(r"(?:[.!?…][\"”’']?|\|)$")
_ABBREVIATION = re.compile(
    r"""^(([a-z]\.){2,}|(ala|ariz|ark|calif|cal|colo|conn|del|fla|ga|ida|ill|ind|kan|ky|la|md|mass|mich|minn
        |miss|mo|mont|neb|nev|okla|ore|pa|penn|tenn|tex|va|vt|wash|wis|wisc|wyo|w\.va|mex|ont|que|alta|sask
        |man|nfld|yuk|nwt|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|st|ft|mt)\.)$""",
    re.IGNORECASE | re.VERBOSE,
)
_DATELINE_WORDS = 6
"""At most this many words of place (and date) before a mid-paragraph credit are its
dateline ("nairobi, kenya", "sansha, hainan, july 22"); more, and nothing is cut."""
# Words no dateline holds: a place and a date have no article, preposition or verb.
_NOT_A_PLACE = re.compile(
    r"\b(the|a|an|for|from|by|about|to|at|with|and|or|but|his|her|their|its|said|says|told|reported"
    r"|report|reports|agency|asked|according|is|was|were|are|has|had|have|he|she|they|it|we|i)\b|[\"“”]",
    re.IGNORECASE,
)
_TEASER_WORDS = 30


def inline_credit(line: str, *, datelines: bool = True, credits: bool = True) -> tuple[int, int, str] | None:
    """The first credit inside a line, as (start, end, reason): "dateline" for an agency
    credit with the place before it (unless `datelines` is false), "credit" for a photo or
    image credit or a page's own credit before the report's dateline, "teaser" for a cut
    headline that an agency's page puts before its credit (these two unless `credits` is
    false), "tools" for a page's text-size buttons run into it (with `credits`). None when
    there is none. An
    embedded post's signature ("— Ana Roux (@anaroux) March 8, 2026") stays: the quote stage
    reads its author from it."""
    found: list[tuple[int, int, str]] = []
    if credits and (match := _TEASER_CREDIT.search(line)):
        start = _text_start(line, match.start(), _TEASER_WORDS)
        if start is not None:
            found.append((start, match.end(), "teaser"))
    for match in _WIRE_CREDIT.finditer(line) if datelines else ():
        start = _dateline_start(line, match)
        if start is not None:
            found.append((start, match.end(), "dateline"))
            break
    for pattern, reason in (
        (
            (_PAGE_CREDIT, "credit"),
            (_PHOTO_CREDIT, "credit"),
            (_IMAGE_COPYRIGHT, "credit"),
            (_PAGE_TOOLS, "tools"),
        )
        if credits
        else ()
    ):
        if match := pattern.search(line):
            found.append((match.start(), match.end(), reason))
    return min(found) if found else None


def _dateline_start(line: str, credit: re.Match[str]) -> int | None:
    """Where the dateline of a credit inside a line starts ("nairobi, kenya ( cnn ) --"
    after a sentence), or None where the words before it are prose, not a place: too many,
    with no sentence end before them, holding an article, a preposition or a verb, or
    naming the agency itself ("a count by Reuters (reuters) --")."""
    start = _text_start(line, credit.start(), _DATELINE_WORDS)
    if start is None:
        return None
    before = line[start : credit.start()]
    if _NOT_A_PLACE.search(before):
        return None
    agency = re.escape(" ".join(credit.group("agency").split()))
    if re.search(rf"(\b{agency}|associated\s+press)\s*$", before, re.IGNORECASE):
        return None
    return start


def ends_a_sentence(text: str) -> bool:
    """Whether a word of `text` ends a sentence ("called." in "Police were called. goshen,
    n.y. ( ap ) —"): such a text is no dateline, though it ends like one."""
    return any(_sentence_end(word) for word in text.split()[:-1])


def _sentence_end(word: str) -> bool:
    return bool(_ENDS_SENTENCE.search(word)) and not _ABBREVIATION.match(word.lstrip("(\"“'‘"))


def _text_start(line: str, before: int, max_words: int) -> int | None:
    """Where the words that end at `before` start (after the last word that ends a
    sentence, or at the line's start), or None when that is more than `max_words` back."""
    words = list(re.finditer(r"\S+", line[:before]))
    start = 0
    for n, word in enumerate(reversed(words)):
        if _sentence_end(word.group()) or word.group().endswith(")"):
            start = word.end()
            break
        if n >= max_words:
            return None
    return start + len(line[start:before]) - len(line[start:before].lstrip())
