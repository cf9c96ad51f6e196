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
_CAPTION_START = re.compile(
    r"^\s*(\(?(file\s+)?photo\b|image\s*(copyright|caption)?\s*:|picture\s*:|pictured\s*:|caption\s*:|"
    r"\[?(image|photo|video)\]?\s*$|getty\s+images|ap\s+photo)",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"(©|\(c\)\s*\d{4}|\bcopyright\s+(©\s*)?\d{4}|all rights reserved)", re.IGNORECASE)

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
    return bool(_COPYRIGHT.search(line)) and count_words(line) <= 30


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


def is_share(line: str) -> bool:
    return count_words(line) <= 20 and bool(_SHARE.match(line))


def is_url_or_email(line: str) -> bool:
    return bool(_URL_OR_EMAIL.match(line))


def is_fragment(line: str) -> bool:
    """A short line that is no sentence: an outlet name, a username, a menu word."""
    return count_words(line) <= 3 and not _SENTENCE_END.search(line)


def looks_like_headline(line: str) -> bool:
    """A first line short enough and unpunctuated enough to be a headline."""
    n_words = count_words(line)
    return 3 <= n_words <= 25 and not line.rstrip().endswith((".", ",", ";"))


# Order matters: the first rule that matches gives the reason.
LINE_RULES: tuple[tuple[str, object], ...] = (
    ("url_or_email", is_url_or_email),
    ("caption", is_caption),
    ("copyright", is_copyright),
    ("byline", is_byline),
    ("dateline", is_dateline_or_date),
    ("navigation", is_nav),
    ("share_or_promo", is_share),
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
