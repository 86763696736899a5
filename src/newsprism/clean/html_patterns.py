"""Patterns for the HTML cleaner: which elements are boilerplate, which lines are captions or
page furniture.  Logic lives in ``html.py``; only data and regexes here (trafilatura keeps its
XPaths apart from its logic the same way)."""
from __future__ import annotations

import re

# Elements whose content is never article text.
DROP_TAGS = ("script", "style", "noscript", "template", "svg", "canvas", "iframe", "object",
             "embed", "button", "select", "textarea", "input", "link", "meta")

# Elements that hold page furniture, with the reason recorded in ``Cleaned.removed``.
FURNITURE_TAGS = {"nav": "navigation", "footer": "footer", "aside": "related"}
FURNITURE_ROLES = {"navigation": "navigation", "contentinfo": "footer",
                   "complementary": "related", "banner": "navigation", "search": "navigation",
                   "dialog": "ad", "alertdialog": "ad"}

# Block-level HTML tags: text on either side of one of these belongs to different paragraphs.
BLOCK_TAGS = frozenset("""
address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption
figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section
summary table tbody td tfoot th thead tr ul br caption
""".split())
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# Words of boilerplate containers, looked for in an element's class and id joined by spaces.  A
# word matches when it stands whole between separators ("post-comments", "share_bar").
_BOILERPLATE_WORDS = {
    "comments": r"comments?|commentlist|comment-?list|comments?-?area|disqus|respond|reply|replies",
    "related": r"related|recommend(?:ed|ations?)?|more-?stories|read-?more|readmore|"
               r"popular|trending|most-?read|most-?popular|also-?read|see-?also|outbrain|taboola|"
               r"next-?article|up-?next|story-?list|recirc(?:ulation)?|teasers?|suggested",
    "share": r"share|sharing|shares|social|sociallinks|share-?bar|sharebar|share-?tools|addthis|"
             r"follow-?us|print-?email",
    "newsletter": r"newsletter|subscribe|subscription|sign-?up|signup|registration|"
                  r"promo|promotions?|cta",
    "navigation": r"nav|navbar|navigation|menu|breadcrumbs?|skip-?link|pagination|pager|"
                  r"masthead|site-?header|topbar|toolbar",
    "footer": r"footer|site-?footer|copyright|colophon|author-?bio|about-?author|byline-?bio|"
              r"tags|tag-?list|post-?tags|article-?tags|keywords",
    "ad": r"ads?|advert|adverts|advertisement|advertising|sponsor|sponsored|dfp|gpt-?ad|"
          r"ad-?slot|ad-?unit|ad-?container|banner-?ad|cookie|cookies|consent|gdpr|modal|popup|"
          r"overlay",
    "sidebar": r"sidebar|side-?bar|rail|right-?rail|widget|widgets|secondary",
}
_EDGE_L, _EDGE_R = r"(?:^|[-_\s])", r"(?:$|[-_\s])"
BOILERPLATE_CLASS = re.compile(
    _EDGE_L + "(?:" + "|".join(f"(?P<{reason}>{words})" for reason, words in
                               _BOILERPLATE_WORDS.items()) + ")" + _EDGE_R, re.I)

# class/id words of the article body itself: an element carrying one is never dropped as
# boilerplate, whatever else its classes say ("article-body js-share-enabled").
ARTICLE_CLASS = re.compile(
    _EDGE_L + r"(?:article-?body|articlebody|entry-?content|post-?content|story-?body|"
    r"article-?content|story-?content|post-?body|main-?content|article-?text|body-?text)" + _EDGE_R,
    re.I)

# Embedded posts (tweets, Instagram) quoted by the article: part of its text, whatever their
# wrappers' other classes say ("social-media-embed", "article-widget article-tweet").
EMBED_CLASS = re.compile(_EDGE_L + r"(?:embed|embedded|tweet|twitter-tweet|instagram-media|"
                         r"tiktok-embed|oembed)" + _EDGE_R, re.I)

# Photo captions and credits.
CAPTION_CLASS = re.compile(
    _EDGE_L + r"(?:caption|captions|figcaption|wp-caption-text|credit|credits|photo-?credit|"
    r"image-?credit|img-?credit|media-?credit|photo-?caption|image-?caption|"
    r"image-?source|cutline)" + _EDGE_R, re.I)
CAPTION_LINE = re.compile(
    r"""^\s*(?:\(?(?:photo|photograph|image|picture|pic|video|illustration)s?
         (?:\s+credit|\s+source)?\s*(?::|by\b|courtesy\b|credit\b|©)
        |\(?(?:image|photo)\s+(?:credit|source|courtesy)\b
        |(?:credit|source)\s*:\s*(?:getty|reuters|ap\b|afp|epa|shutterstock|alamy|pa\b)
        |(?:©|\(c\)|copyright)\s*\S+.{0,60}$
        )""", re.I | re.X)
# "REUTERS/Jane Doe", "AFP via Getty Images", "(AP Photo/John Smith)" inside a short line.
CREDIT_INLINE = re.compile(
    r"(?:\b(?:REUTERS|AFP|EPA|AP|XINHUA|ANADOLU)\s*/\s*[A-Z][\w.'-]+"
    r"|\bAP Photo\b|\bvia Getty Images\b|\bGetty Images\b|\(Photo by\b|\bPhoto by\b"
    r"|\bShutterstock\b|\bPhoto credit\b)")
CREDIT_LINE_MAX_WORDS = 40

# Lines that are page furniture wherever they stand in the body.  Each with a reason.
FURNITURE_LINES = [
    ("related", re.compile(
        r"^\s*(?:read|see|watch|click|listen)\s+(?:more|also|next|here|now)\b\s*[:.…>»-]?"
        r"|^\s*(?:related|more|recommended|also on|also read|don'?t miss|you may also like|"
        r"you might also like|trending|popular|most read|more from|more on|sponsored|"
        r"further reading|related (?:articles?|stories|content|coverage))\s*(?:[:.…|»-]|$)"
        r"|^\s*(?:related|see more|read more|more)\s*:",
        re.I)),
    ("link", re.compile(r"\bclick(?:ing)? here\b|\bclick to tweet\b", re.I)),
    ("share", re.compile(
        r"^\s*(?:share|tweet|email|print|pin|whatsapp)(?:\s+(?:this|on|via|article|story|"
        r"it|the story))*\s*[:!]?\s*$"
        r"|^\s*(?:like this story\??\s+share it|share this (?:article|story)|share on )"
        r"|^\s*(?:-\s*)?(?:order reprints|print article|reprints?)\s*$", re.I)),
    ("newsletter", re.compile(
        r"\b(?:sign up (?:for|to)|subscribe (?:to|now|today)|get (?:the|our) (?:latest|free)|"
        r"newsletters?\b.*\binbox|delivered (?:straight )?to your inbox|right in your inbox)",
        re.I)),
    ("comments", re.compile(
        r"^\s*(?:\d+\s+)?(?:comments?|view comments|show comments|comments are closed\.?|"
        r"leave a (?:comment|reply)|add a comment|post a comment|join the (?:discussion|"
        r"conversation)|read all comments|top rated comments)\s*[\]:.!]?\s*$"
        r"|^\s*\[?\s*read all comments\s*\]?\s*$"
        r"|^\s*\d+\s+thoughts? on\b", re.I)),
    ("footer", re.compile(
        r"all rights reserved|^\s*(?:©|\(c\)|copyright\b)"
        r"|this (?:copy|material) is for your personal,? non-commercial use"
        r"|may not be (?:published|reproduced),? broadcast,? rewritten"
        r"|^\s*(?:an error has occurred|thank you\s*$|this article has been sent to)", re.I)),
    ("ad", re.compile(r"^\s*(?:advertisement|advertising|sponsored content|ad)\s*$"
                      r"|^\s*story continues below\b|^\s*continue reading (?:below|the main story)",
                      re.I)),
]

# Lines that close an article: an author contact line, "Follow us on Twitter".  Only removed in
# the body's last few blocks (``TAIL_BLOCKS`` in html.py), where they are furniture.
TAIL_LINES = [
    ("byline", re.compile(
        r"^\s*(?:write to|email|e-mail|contact|reach)\s+[\w .'-]{2,60}\s+(?:at|on)\s+\S+@\S+"
        r"|\b(?:follow|find)\s+(?:us|him|her|me|them|@)\b.{0,80}\b(?:twitter|facebook|"
        r"instagram|@\w+)"
        r"|\bmay be reached at\b|\bcan be reached at\b"
        r"|^\s*(?:have a tip|got a tip|send us a tip)\b"
        r"|^\s*(?:additional )?reporting by\b|^\s*editing by\b|^\s*\(?(?:reporting|writing) by\b",
        re.I)),
    ("byline", re.compile(r"^\s*(?:by\s+)?[\w.'-]+(?: [\w.'-]+){0,3}\s*(?:\||,)\s*"
                          r"(?:staff writer|reporter|correspondent|editor)\b", re.I)),
    ("footer", re.compile(r"^\s*(?:updated|published|posted|last updated)\b.{0,60}$"
                          r"|^\s*\(?published\b.{0,60}\)?\s*$", re.I)),
]

SENTENCE_END = (".", "!", "?", ":", '"', "”", "’", "'", ")", "…", "。", "！", "？")
# A label that heads a list of teaser links ("Related:", "DON'T MISS", "You may also like...").
TEASER_LABEL = re.compile(
    r"^\s*(?:related(?: \w+)?|more|see also|read more|read next|don'?t miss|you may also like|"
    r"you might also like|recommended|trending|popular|most read|more from [\w ]+|more on "
    r"[\w ]+)\s*[:.…|»-]*\s*$|^\s*related\s*:", re.I)
URL_ONLY = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.I)
# "[INSIGHT]", "[VIDEO]" teaser suffixes of related-link lists.
TEASER_SUFFIX = re.compile(r"\[(?:insight|video|pictures?|poll|reaction|latest|news|analysis|"
                           r"warning|revealed|gallery|photos?)\]\s*\|?\s*$", re.I)

# Invisible characters removed from every text.
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
BINARY_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
SPACES = re.compile(r"\s+")
WORD = re.compile(r"\w+", re.UNICODE)

# --- pages too large or too deep for the tree extractors (read by regex, linearly) -----------
# Their text is split at block tags; everything else that looks like a tag is dropped, and
# these (up to their end tag; a comment up to "-->") go with their content.
PLAIN_RAW_OPEN = re.compile(r"<(head|script|style|noscript|template|svg|textarea)\b|<!--()", re.IGNORECASE)
PLAIN_BLOCK = re.compile(r"</?(" + "|".join(sorted(BLOCK_TAGS, key=len, reverse=True)) + r")\b[^>]*>",
                         re.IGNORECASE)
PLAIN_TAG = re.compile(r"<[^>]*>")
PLAIN_TITLE = re.compile(r"<(h1|title)\b[^>]*>(.{0,2000}?)</\1\s*>", re.IGNORECASE | re.DOTALL)
