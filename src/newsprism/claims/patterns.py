"""Regexes and word lists of claim extraction and alignment. Logic lives in extract.py / align.py.

Word lists hold plain words; the code stems both the lists and the text with the stance model's
light stemmer (``stance_features.stem``), so "denies", "denied" and "denying" meet "deny".
"""
from __future__ import annotations

import re

from ..patterns import BIG_SCALE, DIGITS, NOT_AFTER_WORD
from ..patterns import WORD as WORD  # word tokens, as in the stance model

# A number as written (2,500 / 6.1 / 40 / $8 / 61%), with an optional scale word after it. Unlike
# the shared ``newsprism.patterns.NUMBER`` the currency sign and the percent are part of the match
# and number words are not: a claim lists its figures as written ("$8 million", "61%").
NUMBER = re.compile(rf"{NOT_AFTER_WORD}\$?(?:{DIGITS})%?(?:\s{BIG_SCALE})?", re.I)

# Attribution cues whose complement is the claim someone made: the frame ("Blinken said that")
# is cut off and the complement kept as the claim, with the speaker recorded. Cues outside this
# list ("feared", "refused", "considering", "signed") are part of the claim itself.
FRAME_CUES = frozenset("""
say tell add write explain note argue claim insist acknowledge admit announce warn declare state
report tweet reply respond answer stress emphasize emphasise reiterate repeat assure confirm deny
concede contend maintain assert allege testify highlight cite point according quote
said says told tells wrote written
""".split())

# Speakers that are relative pronouns or placeholders: the quote extractor's frame is a
# relative clause ("which believes"), not an attribution.
NON_SPEAKERS = frozenset("that which who whom whose it this these those there".split())

# Negation of the claim's predicate ("n't" forms whole: WORD keeps them whole), with curly twins.
_NEGATION = """
not no never neither nor none nobody nothing cannot can't don't doesn't didn't won't isn't aren't
wasn't weren't hasn't haven't hadn't wouldn't shouldn't couldn't without
""".split()
NEGATION = frozenset(_NEGATION) | frozenset(w.replace("'", "’") for w in _NEGATION)

# Predicates that negate what follows them: "steered clear of providing arms", "denied sending".
NEGATING_PHRASES = re.compile(
    r"\b(?:steer(?:s|ed|ing)? clear of|refrain(?:s|ed|ing)? from|refus(?:e|es|ed|ing) to|"
    r"den(?:y|ies|ied|ying)|rul(?:e|es|ed|ing) out|fail(?:s|ed|ing)? to|declin(?:e|es|ed|ing) to|"
    r"fall(?:s|ing)? short of|fell short of|stopp?(?:ed|s|ing)? short of|reject(?:s|ed|ing)?|"
    r"dismiss(?:es|ed|ing)?|no evidence|lack of evidence|far from)\b", re.I)

# Negation words that don't negate the predicate: "not only", "not just during his visit",
# a "no limits" partnership. They are blanked before polarity is read.
NON_NEGATING = re.compile(
    r"\b(?:not (?:only|just|merely|exclusively|least|to mention|yet clear)|if not|whether or not|"
    r"no doubt|no limits?|no[- ]fly|no longer than|nothing but|no matter)\b", re.I)

# A relative clause between commas: its negation is not the claim's ("Ms. Palin, who was not at
# the church at the time, stopped by Saturday").
RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which|whose|whom|where|when)\b[^,]*,", re.I)

# Words that make a statement a report of a claim rather than an assertion of it (FNC-1's
# "discuss"): modals of possibility, reported rumours, fears and beliefs.
HEDGES = frozenset("""
may might could possibly perhaps allegedly alleged reportedly apparently purportedly rumor rumour
rumored rumoured unconfirmed unverified speculation speculate suspect suspected likely unlikely
believe believed feared fear fears probably possible potential potentially seem seems seemed appear
appears appeared whether if claim claims claimed allegation allegations
""".split())

# Words that refute a statement: a claim carrying them contradicts the statement it mentions
# ("reports that X are false"). From the FNC-1 baseline's refuting list and stance_patterns.REFUTING.
REFUTING = frozenset("""
fake fraud hoax false refute refuted debunk debunked bogus untrue myth
fabricated phony phoney satire satirical misleading mistaken misreported incorrect unfounded
baseless prank retract retracted disprove disproved fiction parody scam
""".split())

# Normative or rhetorical statements: what should be, not what is (not checkable).
NORMATIVE = re.compile(r"\b(?:should|must|ought to|need(?:s)? to|have to|has to|let us|let's)\b", re.I)

# First and second person: the speaker's own stance ("We're not going to have success ...");
# a claim in the first person needs a name, a number or a list to be checkable.
PERSONAL = frozenset("i we me us my our ours you your".split())

# Boilerplate lines that survive cleaning: credits, calls to action, "Source link".
BOILERPLATE = re.compile(
    r"(?:contributed to this report|source link|^source:|all rights reserved|copyright|"
    r"subscribe|sign up|click here|read more|follow us|advertisement|newsletter|"
    r"this article (?:was|has been) (?:updated|corrected)|reporting by|editing by|writing by|"
    r"^(?:photo|image|file photo)\b|\bcaption\b)", re.I)

# Connectives trimmed from the edges of a claim: "However, ...", "..., but", "that ...".
LEADING = re.compile(
    r"^(?:[\s,;:\-–—\"'“”‘’]|(?:and|but|however|although|though|while|yet|so|also|still|"
    r"meanwhile|moreover|furthermore|indeed|as|because|since|whereas)\b,?)+", re.I)
# A leading adverbial clause or phrase before the main clause ("Despite its partnership with
# Moscow, China has ..."; "During his visit, Blinken ..."): the main clause is the claim.
LEADING_ADVERBIAL = re.compile(
    r"^(?:despite|while|although|though|since|after|before|during|in addition to|unlike|"
    r"underscoring|amid|as part of|earlier|later|meanwhile|on \w+day|last \w+|this \w+)\b[^,]{0,120},\s+",
    re.I)

# The complementiser opening reported speech ("said [that] China ..."), trimmed from reported claims.
COMPLEMENTISER = re.compile(r"^that\s+", re.I)
TRAILING = re.compile(
    r"(?:[\s,;:\-–—\"'“”‘’.]|\b(?:and|but|although|though|while|as|because|since|whereas)\b)+$",
    re.I)

# List markers: the list starts after them ("contributions, including A, B and C").
LIST_MARKER = re.compile(r"\b(?:including|such as|like|notably|especially|namely|among them)\s+", re.I)
# The head of the first item ends the phrase before it: "the top supplier of | machine tools".
ITEM_HEAD = re.compile(r"^.*(?:\b(?:of|in|on|for|with|from|about|to|as|and|or|are|is|was|were|"
                       r"include|includes|included)\s+|['’]s\s+)", re.I)
# A list segment opening a relative clause or an aside ("which is critical to ...") is skipped.
ASIDE = re.compile(r"^(?:which|who|whom|whose|that|where|when|while|although|though|but)\b", re.I)
# Generic closers that are not items ("and other dual-use items", "and more").
GENERIC_ITEM = re.compile(r"^(?:other|others|more|many|various|several|etc|so on|the like)\b", re.I)
# Where an item's phrase ends inside its segment: a relative clause or a verb of the sentence.
ITEM_END = re.compile(r"\s+(?:which|who|that|whose|where|when|to|is|are|was|were|has|have|had|"
                      r"will|would|can|could|may|might|used|being)\b.*$", re.I)
# Dates and figures are not list members ("On June 18, 2023, ...").
NOT_ITEM = re.compile(r"\d|\b(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|june?|july?|aug(?:ust)?|"
                      r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b", re.I)
# Words that show a list segment is a clause, not a noun phrase ("he said", "would indicate").
NOT_ITEM_WORDS = frozenset("""
i we you he she it they me us him them said says say told would will can could should may might
must is are was were be been has have had do does did not
""".split())
DETERMINERS = re.compile(r"^(?:the|a|an|its|their|his|her|our|some|any|these|those|such)\s+", re.I)
MAX_ITEM_WORDS = 4

# Sub-headings and short title-case lines: no sentence-final punctuation, few words.
HEADING = re.compile(r"^[^.!?\"“”]{3,90}$")

# Titles that end a piece cut off by a sentence splitter ("Pentagon press secretary Brig.").
TITLE_ABBREVIATIONS = frozenset("""
brig gen col lt sgt maj capt adm cmdr gov sen rep dr mr mrs ms prof st jr sr rev hon pres
""".split())

# A reported claim whose subject is a pronoun standing for its speaker: "China has said [it has
# not provided weaponry]" is about China.
PRONOUN_SUBJECT = re.compile(r"^(?:it|he|she|they)\b(?=\s)", re.I)

# Quotation marks, trimmed from the edges of a claim.
QUOTE_MARKS = "\"'“”‘’«»"


# --- the claim-pair judge (judge_features.py) -------------------------------------------------

# Contrast connectives: a claim opening with one often answers another ("But the company said
# its controls were adequate").
CONTRAST = frozenset("""
but however although though despite yet while whereas nevertheless nonetheless instead rather
still contrary contrast meanwhile
""".split())

# Attribution: the claim is someone's ("X says Y"), not the outlet's own statement.
ATTRIBUTION = re.compile(
    r"\b(?:sa(?:y|ys|id)|told|tells|according to|claim(?:s|ed)?|insist(?:s|ed)?|argu(?:e|es|ed)|"
    r"contend(?:s|ed)?|maintain(?:s|ed)?|assert(?:s|ed)?|allege(?:s|d)?|testif(?:y|ies|ied)|"
    r"wr(?:ote|ites)|tweet(?:s|ed)|statement|spokes(?:man|woman|person))\b", re.I)

# Denial and dispute predicates: what one outlet reports as denied, another states.
DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial|ials)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)|"
    r"disput(?:e|es|ed|ing)|rebut(?:s|ted)?|contradict(?:s|ed|ing)?|push(?:es|ed)? back|"
    r"no evidence|false(?:ly)?|untrue|baseless|unfounded|fake|hoax|lie|lies|lied|wrong(?:ly)?|"
    r"not true|never happened|mischaracteri[sz]\w*|misleading|inaccurate)\b", re.I)

# A non-answer ("Ketsoyan did not reveal what ...", "declined to comment", "could not be
# reached"): a report that someone did not speak, no denial of anything. The speech verbs of the
# quotes stage's NO_SPEECH_TEXT; not its "provide", "offer", "name" ...: "China has not provided
# weaponry" is a denial.
NON_ANSWER = re.compile(
    r"\b(?:(?:did|does|do|would|could|will|has|have|had)\s*(?:not|n[’']t)\s+(?:immediately\s+)?"
    r"(?:respond|reply|return|comment|answer|say|elaborate|specify|disclose|confirm|reveal|speak|"
    r"be\s+reached)|"
    r"(?:declined|refused|wouldn[’']t|won[’']t|couldn[’']t)\s+(?:immediately\s+)?(?:to\s+)?"
    r"(?:comment|say|elaborate|specify|respond|discuss|answer|confirm|disclose|reveal|be\s+reached)|"
    r"(?:could|can)\s*(?:not|n[’']t)\s+be\s+(?:immediately\s+)?reached|"
    r"(?:had|has|have|offered)\s+no\s+(?:immediate\s+)?(?:comment|response))", re.I)

# A note on what the reporter could see or check ("The New York Times has not viewed a copy of the
# memo", "Reuters could not independently verify the report"): about the outlet's access to the
# evidence, no denial of what the evidence says (align.checkable). On the Comey-memo cluster the
# Times's note was judged against "sources told The New York Times ... that Comey wrote down ..."
# (P(weakens) 0.854): a false dispute.
ACCESS_NOTE = re.compile(
    r"\b(?:(?:has|have|had|did|does|do)\s*(?:not|n[’']t)\s+(?:independently\s+)?"
    r"(?:seen|viewed|obtained|reviewed|see|view|obtain|review|have)\s+"
    r"(?:a\s+copy|the\s+(?:full\s+)?(?:memo|memos|document|documents|letter|video|footage|recording|email|emails|text)\b)|"
    r"(?:could|can)\s*(?:not|n[’']t)\s+(?:independently\s+)?(?:verify|confirm)|"
    r"(?:was|were|has\s+not\s+been|have\s+not\s+been)\s+(?:not\s+|un)able\s+to\s+(?:independently\s+)?(?:verify|confirm))",
    re.I)

# A subject that points outside the claim ("This is not a truthful portrayal ...", "It was
# wrong"): the claim alone doesn't say what it is about, so it can't be judged against another
# outlet's claim (align.checkable). A reported "it has not provided weaponry" is read with its
# speaker first (align._resolved_text), so only unresolved ones are left.
DEICTIC_SUBJECT = re.compile(
    r"^(?:this|that|these|those|it|he|she|they)\s+(?:is|isn't|was|wasn't|are|aren't|were|weren't|"
    r"has|hasn't|have|haven't|had|hadn't|would|will|won't|does|doesn't|did|didn't|do|don't|can|"
    r"can't|could|should)\b", re.I)

# Criticism and opposition: the claim takes a side against someone or something.
CRITICISM = re.compile(
    r"\b(?:critici[sz]\w*|condemn\w*|blast\w*|slam\w*|attack\w*|accus\w*|blam\w*|oppos\w*|"
    r"object\w*|warn\w*|concern\w*|fear\w*|risk\w*|threat\w*|fail\w*|problem\w*|danger\w*|"
    r"controvers\w*|outrage\w*|protest\w*|denounc\w*|unconstitutional|illegal\w*)\b", re.I)


# --- whole propositions (extract.py) ----------------------------------------------------------

# A claim cut out of the middle of a sentence that opens with a participle ("aiding in the
# production of arms ...", "hitting targets near Mosul") or a preposition ("to the audience
# that ...") is a fragment unless a finite verb follows (FINITE).
FRAGMENT_OPENING = re.compile(r"^(?:[a-z]+ing|to|of|for|with|at|from|by|in|on|into|about|than|as)\b")
# A relative clause cut from its noun ("which a Navy official said occurred when ...") is no
# proposition, whatever verbs it holds.
RELATIVE_OPENING = re.compile(r"^(?:which|who|whom|whose)\b", re.I)
# Nor is the question put to a speaker ("Asked why Washington would want to continue engaging with
# China ..., Blinken argued that ..."): the answer is the claim.
QUESTION_OPENING = re.compile(r"^(?:when\s+|after\s+being\s+)?asked\s+(?:why|whether|if|about|what|how|who|where|when|to)\b", re.I)
# Between a speaker mention and its cue, an aside set off by commas ("Richard Painter, chief White
# House ethics adviser under President George W. Bush, said"), or the rest of one when the mention
# is the aside's noun ("Blinken, the highest-ranking U.S. official | to visit Beijing since ..., |
# said"): no line break, no quotation mark.
SPEAKER_ASIDE = re.compile(r"\s*(?:,|to\s|who\s|which\s)[^\n\"“”]*,\s*")
# ... unless a part of it opens with an auxiliary: the speaker's own predicate ("Abbott, sensitized
# by the outrage, has tried to backpedal, saying ...").
PREDICATE_OPENING = re.compile(
    r"\s*(?:has|have|had|is|are|was|were|will|would|can|could|may|might|must|shall|should|do|does|did)\b")
# A claim ending on a word that needs more ("The UN envoy, Nikolay Mladenov, also") was cut short.
DANGLING_END = re.compile(r"\b(?:also|which|whose|the|a|an|and|or|by|his|its|their)$", re.I)
# A span cut where a relative clause opens ("They met at a meeting in Kazakhstan where | Shoigu
# said ...") ends on the relative word while the sentence goes on: the claim ends at its noun.
# ("He did not say where." ends the sentence there and is left alone.)
CUT_RELATIVE = re.compile(r"[\s,]+(?:where|when|who|whom)$", re.I)
SENTENCE_GOES_ON = re.compile(r"\s+[\w\"“‘']")
# A lower-case opening determiner is the object of a cut-off frame ("Chinese officials have
# maintained | a policy of neutrality ..."): a fragment unless a finite verb follows.
# Where a subordinate clause opens: a finite verb after it is the subordinate clause's, not the phrase's.
SUBORDINATOR = re.compile(r"\b(?:that|which|who|whom|whose|while|when|where|because|if|after|before|since|"
                         r"although|though|until|unless|whether)\b")
DETERMINER_OPENING = re.compile(r"^(?:a|an|the|its|their|his|her|our|this|these|those|some)\b")
# Finite-verb evidence: auxiliaries, modals, copulas, -ed / -s forms and common irregular pasts.
FINITE = re.compile(
    r"\b(?:is|are|was|were|be|been|am|has|have|had|will|would|can|could|may|might|must|shall|should|"
    r"do|does|did|won't|can't|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|doesn't|didn't|"
    r"said|told|left|spoke|made|took|gave|came|went|got|found|held|met|led|sent|won|lost|saw|knew|"
    r"thought|began|became|put|set|cut|hit|let|kept|paid|brought|bought|felt|stood|ran|wrote|fell|"
    r"rose|grew|drew|struck|sold|built|fought|caught|taught|sought|meant|heard|shot|broke|chose|"
    r"[a-z]{3,}ed|[a-z]{3,}[^s\W]s)\b")
