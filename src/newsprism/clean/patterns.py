"""Cues of the plain-text boilerplate classifier: what navigation, teasers, widgets, footers and
photo captions look like in a crawler's text dump. Logic lives in ``text.py``."""
from __future__ import annotations

import re

_I = re.I

# (reason, pattern, longest line the cue may condemn). A cue on a long line is weaker evidence:
# "newsletter" inside a 400-character paragraph is prose, "Subscribe to our newsletter" is not.
SHORT, MEDIUM, ANY = 80, 200, 1_000_000

# Headers of reader-comment sections ("34 responses to ...", "[ 167 comments ]", "Leave a Reply"):
# prose after one of these is readers' comments, not the article.
COMMENTS_START = re.compile(
    r"^[\[(]?\s*\d+\s+(?:comments?|responses?|replies|thoughts|reactions)\b.*|"
    r"^(?:top rated |reader |user |latest |show |view )?comments?\s*[:(\d)\]]*$|"
    r"^(?:leave|post|add|write) a (?:reply|comment|response)\b.*|^join the (?:discussion|conversation)\b.*|"
    r"^(?:discussion|conversation|responses)$", _I)
COMMENT_META = re.compile(r"^\S+(?: \S+){0,3} (?:says|said|wrote|writes)\s*:$|^(?:reply|report|flag|like|"
                          r"report abuse|rating: .*|\d+ (?:likes?|votes?|points?))$|"
                          r"^\d+ (?:second|minute|hour|day|week|month|year)s? ago\b.*|"
                          r"^(?:\w+ \d{1,2}, \d{4}|\d{1,2} \w+ \d{4}) at \d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?$", _I)

CUES: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("ad", re.compile(r"^[-–—•*\s]*(?:advertisement|advertising|sponsored(?: content)?|ad|ads|"
                      r"promoted|paid content|story continues below(?: advertisement)?)[-–—•*\s]*$", _I), ANY),
    ("ad", re.compile(r"spot_img|\badvertise (?:with us|now|here)\b|\.(?:png|jpe?g|gif|webp|svg)\b\s*$", _I), MEDIUM),
    ("related", re.compile(
        r"^(?:related(?: links| articles?| stories| content| posts| news| coverage| topics| reading)?|"
        r"more (?:from|on|in|about|stories|news|like this)\b.*|read (?:more|next|also)\b.*|see also\b.*|"
        r"also read\b.*|recommended(?: for you| stories| articles)?|you (?:may|might) (?:also )?like\b.*|"
        r"top stories|must read|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|"
        r"popular(?: posts| stories)?|latest(?: news| stories| posts)?|editor'?s picks?|"
        r"don'?t miss|in case you missed it|what to read next|further reading)\s*[:.»›>]*$", _I), SHORT),
    ("related", re.compile(r"^(?:related|read more|more|see also|also read|watch|listen)\s*[:|»›]\s*\S", _I), MEDIUM),
    ("related", re.compile(r"(?:\.\.\.|…)\s*read more\s*$|\bread more\s*[»›>]+\s*$|^continue reading\b", _I), ANY),
    # A teaser card: a headline run into its story's dateline ("Headline NEW DELHI: The ...").
    ("related", re.compile(r"^[^.!?:]{15,160}[a-z’'\")]\s(?:[A-Z]{2,}[A-Z.]*(?:\s[A-Z]{2,}[A-Z.]*){0,2}):\s"), ANY),
    # A line that is only a date or a time stamp.
    ("dateline", re.compile(r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s)?(?:\w+\.?\s\d{1,2},?\s\d{4}|"
                            r"\d{1,2}\s\w+\.?\s\d{4}|\d{4}-\d\d-\d\d\S*|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
                            r"(?:,?\s(?:at\s)?\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?(?:\s[A-Z]{2,4})?)?$", _I), SHORT),
    ("subscribe", re.compile(r"\bsubscribe\b|\bnewsletters?\b|\bsign up\b|\bsign in\b|\blog ?in\b|"
                             r"\bcreate (?:an |your )?account\b|\bunlimited (?:digital )?access\b", _I), SHORT),
    ("comment", re.compile(r"leave a (?:reply|comment)|your email address will not be published|"
                           r"required fields are marked|post a comment|^\d*\s*comments?\s*$|"
                           r"^(?:view|show|load|add) (?:all |more )?comments?\b|comment policy|"
                           r"^(?:コメント|kommentare?|commentaires?|comentarios?|commenti|评论)\s*$", _I), MEDIUM),
    ("social", re.compile(r"^[•·*\-\s]*(?:share(?: (?:this|on|via)\b.*)?|tweet|pin(?: it)?|email|e-mail|print|"
                          r"x|facebook|twitter|linkedin|whatsapp|telegram|reddit|instagram|youtube|tiktok|"
                          r"pinterest|flipboard|copy link|follow us(?: on)?\b.*|share this article|"
                          r"share on \w+)\s*[:.]?$", _I), SHORT),
    ("navigation", re.compile(r"^(?:top of page|bottom of page|back to top(?: button)?|skip to (?:main )?content|"
                              r"skip navigation|home|menu|search|close|open menu|toggle navigation|"
                              r"next|previous|prev|next article|previous article|main menu|sections?|"
                              r"get in touch|contact(?: us)?|about(?: us)?|go to top)\s*[»›>]*$", _I), SHORT),
    ("navigation", re.compile(r"^(?:home|start)\s*[>»/|›]|^(?:[\w&'’.-]+(?:\s[\w&'’.-]+){0,2}\s*[|•·]\s*){2,}", _I), MEDIUM),
    ("footer", re.compile(r"(?:©|\(c\)\s*\d{4}|copyright\s*(?:©\s*)?\d{4}|all rights reserved|"
                          r"\bterms (?:of|and) (?:use|service|conditions)\b|\bprivacy (?:policy|statement|notice)\b|"
                          r"\bcookies? (?:policy|settings|preferences|consent)\b|\b(?:we|this site|our site|website) uses? cookies\b|"
                          r"\bGDPR\b|\bconsent to (?:the use of )?cookies?\b)", _I), ANY),
    ("footer", re.compile(r"\b(?:telephone|tel|fax|phone|e-?mail|whatsapp)\s*:\s*[\d+*(]", _I), ANY),
    ("footer", re.compile(r"\bpvt\.? ltd\b|\bCIN:\s|\{at\}|\(dot\)|^\w[\w.+-]*@[\w-]+\.[\w.]+$", _I), MEDIUM),
    ("comment", COMMENT_META, SHORT),
    ("comment", COMMENTS_START, SHORT),
    ("credit", re.compile(r"^(?:source|sources|via)\s*:\s*[\w .&'-]{2,40}$|^source link$", _I), SHORT),
)

# Lines that end an article: after one of these, long paragraphs are other stories' teasers.
# (Section labels only; an inline "Related: <headline>" teaser does not end anything.)
TERMINATORS = re.compile(
    r"^(?:related(?: links| articles?| stories| content| posts| news| coverage| reading)?|"
    r"more (?:from|on|stories|news)\b.*|(?-i:More(?: [A-Z][\w.&’']*){1,3})|recommended(?: for you| stories| articles)?|you (?:may|might) (?:also )?like\b.*|"
    r"top stories|must read|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|"
    r"leave a (?:reply|comment)|post a comment|\d*\s*comments?|source link|further reading|"
    r"what to read next|don'?t miss|in case you missed it|about the author)\s*[:.»›>]*$", _I)

# Photo captions and credits. A caption names its photographer or agency at the end
# ("... Getty Images", "REUTERS/Name", "(AP Photo/Name)", "Name/") or starts with a credit.
CAPTION_CREDIT = re.compile(
    r"(?:\bGetty Images|\bAFP via Getty Images|\bREUTERS/[\w.\s-]+|\bAP Photo/[\w.\s-]+|\bPhoto(?:graph)?:\s*[\w.\s/-]+|"
    r"\bPhoto by [\w.\s-]+|\bImage:\s*[\w.\s/-]+|\bCredit:\s*[\w.\s/-]+|\bShutterstock|\bEPA(?:-EFE)?(?:/[\w.\s-]+)?|"
    r"/AFP|/Reuters|/Pool|\bFile Photo|/Bloomberg|/Xinhua|\bvia Reuters|\bvia AP|\bAlamy|\bWikimedia Commons|"
    r"\b[A-Z][a-z]+(?:\s[A-Z][a-z.]+){1,2}/)\s*\)?\.?\s*$")
CAPTION_START = re.compile(r"^(?:©\s*\w+\.|\(?photo(?:graph)?\s*:|file photo\b|image\s*:|pictured\s*:|"
                           # a video player's notice and caption, as text dumps of BBC pages carry them
                           r"media playback is (?:unsupported|not supported) on your device\b|"
                           r"(?:media|image|video) caption\b|image copyright\b)", _I)
# "(R)", "(L)", ", left,", "(center)": a picture's positions; with a date, a sure caption.
CAPTION_POSITION = re.compile(r"\((?:R|L|C|center|centre|left|right|front|back)\)|,\s(?:left|right|center|centre|"
                              r"second (?:left|right)|top|bottom)\s?,", _I)
CAPTION_DATE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d\b"
                          r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d\d\b")

# Article-end credits that belong to the report ("X and Y contributed to this report.").
BODY_CREDIT = re.compile(r"contributed (?:reporting )?to (?:this|the) (?:report|story|article)|"
                         r"^(?:\(?additional )?(?:reporting|writing|editing) by\b", _I)

# Header lines the metadata stage reads.
BYLINE = re.compile(r"^(?:by|written by|posted by|writer'?s picture|author)\b\s*:?", _I)
DATELINE = re.compile(r"^[A-Z][\w .,'’-]{1,40}\((?:AFP|AP|Reuters|UPI|IANS|Xinhua|dpa|Bloomberg|[A-Z]{2,6})\)"
                      r"|^(?:updated|published|posted|last updated)\s*:?", _I)
TIME_ONLY = re.compile(r"^\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?$", _I)
URL = re.compile(r"https?://\S+|www\.\S+|\b[\w.+-]+@[\w-]+\.\w[\w.]*")
# Sentence-final punctuation; a trailing "..." / "…" marks a cut-off teaser, not a sentence.
SENTENCE_END = re.compile(r"(?<!\.\.)[.!?。！？][\"'”’»)\]]*$")
CLAUSE_END = re.compile(r"(?<!\.\.)[.!?。！？:;][\"'”’»)\]]*$")

# --- page kind (page_kind.py) ----------------------------------------------------------------
# A site's root, or its bare index page.
HOME_PATH = re.compile(r"/?(?:index\.(?:html?|php|aspx?|shtml)|home|default\.aspx?)?/?")
# Tag, topic, category and author index pages, and paginated listings.
INDEX_PATH = re.compile(r"/(?:tags?|topics?|category|categories|author|authors|section|archive|search)(?:/|$)|"
                        r"/page/\d+/?$")
VIDEO_PATH = re.compile(r"/(?:videos?|watch|tv)(?:/|$)")
SCRIPT_REDIRECT = re.compile(r"(?:window\.|document\.|top\.)?location(?:\.href)?\s*=\s*['\"]|"
                             r"location\.replace\(|navigateTo\(window", _I)
LD_TYPE = re.compile(r"\"@type\"\s*:\s*\"([A-Za-z]+)\"")
ARTICLE_LD_TYPES = frozenset({"newsarticle", "article", "reportagenewsarticle", "blogposting",
                              "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle"})
# Login, subscription and consent walls, and pages that are only a notice.
WALL = re.compile(
    r"\b(?:sign in|log in|subscribe) to (?:continue|read|keep reading|access)\b|"
    r"\bthis (?:content|article) is (?:only )?(?:available|reserved) (?:to|for) (?:subscribers|members)\b|"
    r"\bwe use cookies\b|\bcookie (?:consent|preferences|settings)\b|\byour privacy choices\b|"
    r"\bplease enable (?:javascript|cookies)\b|\bare you a robot\b|\bverify (?:that )?you are (?:a )?human\b|"
    r"\bsign in using (?:your?|an?) (?:account|profile)\b|\{\* ?loginwidget ?\*\}|\blog into your account\b", _I)
# Pages that are only a notice: a social network's settings help, a web archive's crawl note,
# an error page (Multi-News sources hold such pages in place of articles).
NOTICE = re.compile(
    r"\byou can add location information to your tweets\b|\btweet with a location\b|"
    r"\bthese crawls are part of an effort to archive pages\b|\bthe page you (?:are looking for|requested)\b|"
    r"\bpage not found\b|\b404 (?:error|not found)\b|\bmedia playback is (?:unsupported|not supported)\b|"
    r"\balexa internet has been donating their crawl data\b|\bthe seed for (?:this crawl|wide\d+) was\b|"
    r"\bcrawl of outlinks from\b|\bweb collections curated by\b|\bthis data is currently not publicly accessible\b|"
    r"\bcustom domain mapping\b|\bjoin our mailing list\b|\bjoin us on facebook\b|"
    r"\bdo not imply the expression of any opinion\b", _I)
# What a video site's page holds in place of an article.
VIDEO_TEXT = re.compile(r"\brating is available when the video has been rented\b|"
                        r"\bthe interactive transcript could not be loaded\b|^published on \w+ \d{1,2}, \d{4}\b", _I)
# The header of a live blog's entry: "12:41 BST", "2:15 p.m. ET", "Posted at 14:05".
LIVE_STAMP = re.compile(r"^(?:posted at |updated at )?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?$", _I)
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Scripts whose sentences carry no final mark (Thai, Lao, Khmer), or one the sentence-end
# pattern does not know (Burmese "။", Devanagari "।").
UNPUNCTUATED = re.compile(r"[\u0e00-\u0eff\u1780-\u17ff]|[\u104b\u0964\u0965]\s*$")
