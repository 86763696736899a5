"""Word lists and regexes of the summarizer: sentence boundaries, context-dependent openings,
pronoun attributions, page junk. Logic lives in ``sentences.py`` and ``extractive.py``."""
from __future__ import annotations

import re

# --- sentence boundaries ----------------------------------------------------------------------
# A boundary candidate: sentence-final punctuation (optionally closed by quotes or a bracket),
# whitespace, then something that can open a sentence.
BOUNDARY = re.compile(r"(?<=[.!?…])([\"'”’»)\]]*)\s+(?=[\"'“‘«(\[]?[A-Z0-9])")

# Words ending in a full stop that do not end a sentence when a capital follows ("Mr. Smith",
# "Sen. Warren", "Jan. 5", "U.S. officials" is handled by INITIALS below).
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st mt ft rev gen col lt maj capt cmdr adm sgt cpl pvt gov sen rep
pres supt insp det atty no nos vol fig inc corp co ltd bros dept univ assn est approx vs v
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont
neb nev okla ore pa tenn tex va vt wash wis wyo
""".split())
# One or more single letters with full stops ("U.S.", "J.", "D.C.", "a.m."): no boundary after
# them unless the next word is a common sentence opener (handled in sentences.py).
INITIALS = re.compile(r"(?:^|[\s(\"“])(?:[A-Za-z]\.){1,4}$")
# After "U.S." or "p.m." a sentence may well end; these openers say it did.
OPENERS = frozenset("""
the a an he she it they we i you his her its their this that these those there but and
in on at as if when while after before since however meanwhile still yet so
""".split())

# --- context-dependent sentences -----------------------------------------------------------------
# A sentence opening with one of these leans on the one before it: a pronoun whose referent is
# earlier, or a connective that continues an argument ("But", "Still", "That's why").
DEPENDENT_OPENING = re.compile(
    r"^[\"'“‘(]?(?:he|she|they|it|his|her|hers|their|theirs|its|him|them|this|these|those|that|"
    r"such|but|and|or|so|also|still|yet|however|meanwhile|instead|moreover|furthermore|"
    r"nevertheless|nonetheless|then|thus|therefore|hence|otherwise|besides|likewise|similarly|"
    r"indeed|plus|which|who|whose|the other|another|both|neither|either|here|there'?s)\b", re.I)
# ... except a few phrases where "it" or "there" refer to nothing ("It is not clear", "There are").
EXPLETIVE_OPENING = re.compile(
    r"^[\"'“‘]?(?:it(?:'s| is| was| has been| will be| would be| remains| seems| appears)"
    r"(?: not)? (?:unclear|clear|not known|unknown|likely|possible|expected|estimated|believed|"
    r"thought|the first|the latest|the second|the third|the largest|the biggest|the most)|"
    r"there (?:is|are|was|were|have been|has been|will be))\b", re.I)
# Speech attributed to a bare pronoun: '"...," he said.' / 'she told reporters' / 'they say'.
PRONOUN_ATTRIBUTION = re.compile(
    r"(?:[,.!?][\"'”’]\s*|\s)(?:he|she|they|it)\s(?:later\s|also\s|then\s)?"
    r"(?:said|says|told|added|adds|wrote|writes|explained|continued|noted|argued|insisted|"
    r"stated|claimed|warned|asked|replied|recalled|tweeted)\b", re.I)
# A sentence that is one quotation and nothing else ('"We have asked them to be vigilant."').
WHOLE_QUOTE = re.compile(r'^\s*(?:"[^"]+"|“[^“”]+”)\s*$')
SPEECH_VERBS = (r"said|says|told|tells|added|adds|wrote|writes|explained|noted|"
                r"argued|insisted|stated|claimed|warned|asked|replied|recalled|tweeted")
SPEECH_VERB = re.compile(rf"\b(?:{SPEECH_VERBS}|according to|in a statement)\b", re.I)
# A person named in a sentence, roughly: two capitalised words, or a title and a capital.
NAME = re.compile(r"\b(?:[A-Z][a-z]+\.? )?[A-Z][a-z'’-]+ [A-Z][a-z'’-]+")
TITLE_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|President|Sen|Rep|Gov|Judge|Officer|Chief)\.? [A-Z]")

# --- junk that survives page cleaning -------------------------------------------------------------
# Whole sentences that are page furniture, not story ("Tweet with a location", photo credits,
# "Click here to ...", "Image copyright Getty Images").
JUNK = re.compile(
    r"^(?:tweet with a location|you can add location information|learn more|add this tweet|"
    r"embed this|click here|sign up|subscribe|follow (?:us|@)|image (?:copyright|caption)|"
    r"media playback is|advertisement|related:|read more|this article|this story|this post|"
    r"photo:|getty images|ap photo|copyright|all rights reserved|posted (?:on|by)|published|"
    r"updated|filed under|share this|the video (?:is|will)|watch:|video:|listen:|"
    r"please (?:enable|note|read|upgrade)|we'?ve (?:noticed|detected)|your browser|"
    r"find out more|support (?:our|independent)|get (?:the|our) )|"
    r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)|^(?:additional )?"
    r"(?:reporting|writing|editing|research) by\b", re.I)
# Furniture read off the 250 Multi-News clusters: candidate sentences (after cleaning and JUNK)
# that recur in 2+ unrelated clusters are widgets, not story. Counted in clusters: Internet
# Archive crawl notes (14, 14, 8, 8, 8, 2), newsletter forms (6, 6, 6, 4, 4, 4, 4, 4, 4),
# Twitter's location notice (5; the seeds' pile showed it in a summary), app and interest
# prompts (2 each). Phrases, not whole lines: the cleaner often glues two widgets together.
FURNITURE = re.compile(
    r"\b(?:you always have the option to delete your tweet location history|"
    r"alexa internet has been donating their crawl data|added to the wayback machine|"
    r"these crawls are part of an effort to archive|crawls of supported|"
    r"a link to the version that was live when the page was written|"
    r"a ranking of all urls that have more than one incoming|"
    r"(?:email|newsletter) sign up|by signing up,? you agree|you can unsubscribe at any time|"
    r"please try again later|invalid email address|please re-enter|"
    r"you must select a newsletter|thank you for subscribing|an error has occurred|"
    r"view all [\w ]{0,40}newsletters|verify (?:that )?you'?re not a robot|"
    r"add [\w ]{0,40}as an interest to stay up to date|want to add to this story|"
    r"you can share ideas for stories|want stories like these delivered|"
    r"download the [\w ]{0,30}app now|this feature is not available right now)\b", re.I)
# A sentence that only says who spoke, its words left in the sentence before ("A US State
# Department spokesman told reporters." / "The speaker said." / "Blinken told CNN on Monday."):
# up to eight words, a speech verb, at most a listener and a time, nothing said.
BARE_ATTRIBUTION = re.compile(
    rf"^[\"'“‘]?(?:[\w'’.-]+\s+){{0,8}}?(?:later\s+|also\s+)?(?:{SPEECH_VERBS}|continued)"
    r"(?:\s+(?:reporters|journalists|the press|the media|(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}))?"
    r"(?:\s+(?:on|in|at|last|this)\s+[\w-]+(?:\s+[\w-]+)?)?\s*[.!]?[\"'”’]?\s*$")
URL = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+|\.com\b|\.org\b", re.I)

# --- the tense of what happened ---------------------------------------------------------------
# A preview's forward-looking sentence: the cues the story stage reads roles from (cluster
# FUTURE_CUES: "is set to", "yet to be announced", "travels to Beijing on Wednesday", ...) plus a
# bare "will"/"won't" (too common in reports to mark a preview, enough to mark a sentence of
# one). Counted outside quotation marks: "we will not provide" is a quote, not a forecast.
PROSPECTIVE = re.compile(r"\b(?:will|won['’]t|is to|are to|is likely to|are likely to)\b", re.I)
