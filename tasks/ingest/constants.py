"""Thresholds and length limits of the ingest stage (decoding, boilerplate, datelines, content checks).

Why one module: each value is a judgement about what real article files and web pages look like; kept side by
side they can be reviewed against new sources at once. Word lists live in lexicons.toml. Lengths are in
characters of a stripped line unless said otherwise.
"""

from __future__ import annotations

# --- files and decoding -----------------------------------------------------------------------------------

MAX_BYTES = 20 * 1024 * 1024
"""A news article is a few kB; anything this large is a dump or a wrong file, not an article."""

MIN_CONTROLS = 2  # one stray control character (a form feed) is noise; from two on the share below decides
MAX_CONTROL_SHARE = 0.01  # more than 1% control characters is binary data, not a text with a few strays
MIN_CP1256_ARABIC_SHARE = 0.6  # a cp1256 guess is believed only if most letters it yields are Arabic
MAX_MOJIBAKE_SHARE = 0.25  # UTF-8 Arabic misread as cp1256 has ط/ظ for every other letter; real text far fewer
MIN_UTF16_PLAUSIBLE_SHARE = 0.95  # a BOM-less UTF-16 guess must read as news text almost everywhere
MAX_BAD_UTF8_SHARE = 0.1  # this few replacement characters among non-ASCII ones is corrupted UTF-8, not cp1256
CHARSET_HINT_BYTES = 65536  # charset-normalizer only names an encoding in the error message: 64 kB is plenty

# --- document assembly --------------------------------------------------------------------------------------

DOC_ID_LEN = 16  # hex digits of the text's sha256 in a doc_id: unique across any realistic corpus
ISO_DATE_LEN = 10  # «YYYY-MM-DD»: the date part of an ISO date-time string
TITLE_MAX = 200  # a headline is shorter; a longer first line is the first paragraph
DATELINE_SEARCH_LINES = 3  # the dateline opens the body; a «place (agency)» further down is a quote
YEAR_SLACK_DAYS = 7  # a yearless dateline up to a week after publication is this year's (time zones, late posts)
HALF_DAY_HOURS = 12  # «م» / p.m. adds twelve hours; 12 a.m. is hour 0

# --- the document's date (tasks/ingest/textdate.py, reader.ingest_file) -----------------------------------

DATE_SOURCES = ("dateline", "published", "text", "file_name", "file_mtime")
"""Where documents.document_date comes from, in the order they are tried: the dateline, the publication stamp, a
date the text gives as its own, a date the file is named with («…-20180525.txt», «2015-07-31_396_aawsat.txt»:
archives and scrapers name articles by their day), the file's modification time (when it was saved, not
published)."""
STATED_DATE_SOURCES = frozenset({"dateline", "published", "text", "file_name"})
"""The sources that date an article's commitments and events: what it states, and the day its file is named with;
not the mtime (a copied file's mtime is the copy's day, years after publication on the samples)."""
FILE_NAME_YEARS = (1990, 2100)  # a date in a file name is a publication day only within these years
TEXT_DATE_SEARCH_LINES = 4  # title and lead's first lines: a date-only or «اليوم …» line further down is a quote
TEXT_DATE_LINE_MAX_LEN = 120  # a labelled date line («آخر تحديث: …») is a stamp, not a sentence that starts with «نشر»

# --- datelines and stamps (regex limits) -----------------------------------------------------------------

PLACE_MAX_EXTRA_WORDS = 3  # a dateline place part has at most four words («مدينة الكويت»)
PLACE_MAX_EXTRA_PARTS = 2  # «city، region، country»: at most three comma-separated parts
AGENCY_PAREN_MAX_LEN = 40  # «(شينخوا)», «(وكالة الأنباء القطرية)»: an agency in parentheses is short
AGENCY_DASH_MAX_LEN = 20  # «- أ ف ب -»: an agency between dashes is shorter still (an unknown one is refused)
SOURCE_NAME_MAX_LEN = 40  # «/مصدر: شينخوا/»: a source's name, not a sentence
STAMP_MAX_LEN = 120  # a publication stamp line is a date, a time and a short source
STAMP_MAX_SOURCE_WORDS = 3  # words besides the date a stamp may carry when a source cue introduces them

# --- boilerplate lines ---------------------------------------------------------------------------------------

CREDIT_MAX_LEN = 40  # a bare «(أ ف ب)» / «رويترز» credit line
SHARE_MAX_LEN = 80  # a share bar is a few button labels
PHOTO_LABEL_MAX_LEN = 50  # «صورة: …» caption labels with a name
PHOTO_CREDIT_MAX_LEN = 100  # «مصدر الصورة: …» credit lines
CRUMB_MAX_LEN = 150  # a breadcrumb trail or a menu fits on a line of a page header
CRUMB_MAX_WORDS = 5  # each item of a breadcrumb is a short section name
MENU_MAX_LEN = 150  # a line of menu items
MENU_MIN_ITEMS = 3  # three section names in a row separated by spaces are a menu, two may be a phrase
MENU_MIN_PIPED_ITEMS = 2  # with «|» or «•» between them two section names are already a menu
VIDEO_NOTICE_MAX_LEN = 150  # «your browser does not support video» notices are one sentence
RELATED_MAX_LEN = 200  # «اقرأ أيضا: headline»: a link line with one headline
COPYRIGHT_MAX_LEN = 200  # a footer line with the copyright notice and the site's name
PROMO_MAX_LEN = 250  # «تابعونا على …» with a few channels named

# --- content checks (precheck) -----------------------------------------------------------------------------

MIN_ARABIC_SHARE = 0.5
"""An Arabic article quotes Latin names, agencies and URLs; below half Arabic letters it is another language."""

MAX_TAGS = 10
"""A few «<» in a text are fine; this many HTML tags mean the file is a web page, not its article text."""

MAX_TAG_ATTRS_LEN = 500  # attributes of one counted tag; longer is no tag (a «<» in prose followed by text)
