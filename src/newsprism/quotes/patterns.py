"""Word lists and regexes of the quote stage: quotation marks, attribution cues, pronouns, roles.

The cue lexicon started from the cue words of PolNeAR's train documents (most frequent first:
said, says, according to, told, say, added, wrote, asked, saying, called, noted, reported, ...)
and was cut to verbs that introduce what someone said, wrote, thinks or wants; perception verbs of
things ("shows", "found") are kept apart because their sources are reports and studies.
"""
from __future__ import annotations

import re

# --- quotation marks --------------------------------------------------------------------------
OPEN_MARKS = "“\"«„"
CLOSE_MARKS = "”\"»“"
CURLY_PAIRS = {"“": "”", "«": "»", "„": "“"}
# A straight double quote opens when it is not glued to the end of a word.
STRAIGHT = '"'
# Nested quotes inside a quotation: single curly marks (the straight apostrophe is too ambiguous).
INNER_OPEN, INNER_CLOSE = "‘", "’"

# --- attribution cues ---------------------------------------------------------------------------
IRREGULAR = {
    "say": ("say", "says", "said", "saying"),
    # verbs of PARTICLE_SPEECH ("went on", "shot back", "snapped back")
    "go": ("go", "goes", "went", "going", "gone"), "shoot": ("shoot", "shoots", "shot", "shooting"),
    "hit": ("hit", "hits", "hitting"), "cut": ("cut", "cuts", "cutting"), "swear": ("swear", "swears", "swore", "swearing", "sworn"),
    "snap": ("snap", "snaps", "snapped", "snapping"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "writing", "written"),
    "think": ("think", "thinks", "thought", "thinking"),
    "speak": ("speak", "speaks", "spoke", "speaking", "spoken"),
    "know": ("know", "knows", "knew", "knowing", "known"),
    "see": ("see", "sees", "saw", "seeing", "seen"),
    "find": ("find", "finds", "found", "finding"),
    "show": ("show", "shows", "showed", "showing", "shown"),
    "hear": ("hear", "hears", "heard", "hearing"),
    "read": ("read", "reads", "reading"),
    "feel": ("feel", "feels", "felt", "feeling"),
    "teach": ("teach", "teaches", "taught"),
    "foresee": ("foresee", "foresees", "foresaw", "foreseen"),
    "forecast": ("forecast", "forecasts", "forecasting"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "commit": ("commit", "commits", "committed"),
    "regret": ("regret", "regrets", "regretted", "regretting"),
    "submit": ("submit", "submits", "submitted"),
    "rebut": ("rebut", "rebuts", "rebutted"),
    "quip": ("quip", "quips", "quipped", "quipping"),
    "plan": ("plan", "plans", "planned", "planning"),
    "tweet": ("tweet", "tweets", "tweeted", "tweeting"),
    "predict": ("predict", "predicts", "predicted", "predicting"),
    "insist": ("insist", "insists", "insisted", "insisting"),
    "retort": ("retort", "retorts", "retorted"),
    "lament": ("lament", "laments", "lamented"),
    "vow": ("vow", "vows", "vowed", "vowing"),
    "deny": ("deny", "denies", "denied", "denying"),
    "reply": ("reply", "replies", "replied", "replying"),
    "testify": ("testify", "testifies", "testified", "testifying"),
    "worry": ("worry", "worries", "worried", "worrying"),
    "signal": ("signal", "signals", "signaled", "signalled", "signaling"),
    "ask": ("ask", "asks", "asked", "asking"),
    "urge": ("urge", "urges", "urged", "urging"),
    "argue": ("argue", "argues", "argued", "arguing"),
    "believe": ("believe", "believes", "believed", "believing"),
}

# Speech and writing: the core of reported speech; these carry quotes.
SPEECH = ("say tell add write ask explain note argue claim insist acknowledge admit announce "
          "warn declare state report tweet reply respond answer continue recall stress emphasize "
          "emphasise suggest predict promise pledge vow assure confirm deny concede complain "
          "caution reiterate repeat agree disagree observe remark comment point mention joke quip "
          "boast lament contend maintain assert allege testify recount describe retort "
          "charge accuse blame praise criticize criticise urge demand call plead speak concede "
          "signal reveal disclose acknowledge estimate conclude declare tell post "
          "write propose recommend insist question wonder worry fear hope estimate conclude "
          "threaten predict forecast rebut dismiss reject welcome announce reason "
          "read order decide rule complain "
          # speech acts seen outside the list on Multi-News (flagged other-cue, hidden as acts)
          "voice express rejoin liken talk snap inform advise discuss "
          "confess speculate denounce counter holler characterize characterise hint laud shout "
          "fume scorn demur downplay pen exclaim muse mutter whisper yell brag concur echo").split()
# Cognition, desire and stance: PolNeAR counts these as attributions too ("He thinks that ...").
COGNITION = ("think believe know feel expect hope want wish fear doubt suspect suppose assume "
             "understand realize realise recognize recognise consider reckon imagine worry "
             "regret plan intend seek prefer guess learn forget remember see deem").split()
# Evidence: a study, poll or report "shows"/"found" something.
EVIDENCE = "show find suggest indicate reveal conclude demonstrate estimate project".split()

# Verb + particle with no complement that report speech after a quotation ('“...,” Smith chimed
# in', '“...,” Trump went on'), each with the verb of saying it reads as (cues._particle_cue).
PARTICLE_SPEECH = {("go", "on"): "continued", ("chime", "in"): "added", ("cut", "in"): "added",
                   ("push", "back"): "replied", ("shoot", "back"): "replied", ("fire", "back"): "replied",
                   ("hit", "back"): "replied", ("snap", "back"): "replied", ("weigh", "in"): "said",
                   ("speak", "up"): "said", ("speak", "out"): "said"}

# Verbs whose complement is rarely speech even with a clause ("make sure", "get", ...): never cues.
NOT_CUES = set("be have do make get go take give come let help keep seem appear become".split())

# Prepositional attribution: "according to X", "in the words of X", "per X".
ACCORDING_TO = re.compile(r"\b(?:according to|in the words of|as quoted by|quoting)\s+", re.I)

# A name after a dash that follows a quotation and ends its line: '“...” ― Sonya Herridge',
# '"..."\n\n- Bernie Sanders.' (PolNeAR train+dev: 31 of 32 such dashes mark the source).
DASH_SOURCE = re.compile(
    r"\s{0,3}[―—–-][ \t\xa0]*(?P<name>[A-Z][\w.'’-]*(?:[ \t\xa0]+[A-Z][\w.'’-]*){0,4})"
    r"(?:,[^\n“”\"]{0,100})?\.?[ \t\xa0]*(?=\n|$|[“”\"])")
DASH_CUES = "―—–-"
# A dateline the parser left at the front of a source mention: "WASHINGTON - President Joe
# Biden", "BEIJING -U.S. Secretary of State ...", "LONDON, May 2 (Reuters) - the minister":
# upper-case place words, an optional date and agency, then a dash after a space (so that
# "U.S.-China trade officials" keeps its "U.S.").
LEADING_DATELINE = re.compile(
    r"[A-Z][A-Z.'’]+(?:[ \t][A-Z][A-Z.'’]+){0,3}(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?"
    r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]+[―—–-]+[ \t]*(?=\S)")
# A speaker's turn in a transcript: 'PENCE: Well, look, ...', '"WALLACE: If I may, sir, ...'
# (after an optional opening mark, at the start of a paragraph).
SPEAKER_LABEL = re.compile(r"[ \t\xa0]*[\"“]?(?P<label>[A-Z][A-Z.'’-]+(?:[ \t][A-Z][A-Z.'’-]+){0,2}):[ \t\xa0]+(?=\S)")

# How a quotation ends when its attribution follows ('“...,” he said', '“...?” she asked').
QUOTE_END_PUNCT = ",?!—–-…"

# Cue extensions kept with the cue in ``Quote.cue`` ("told reporters", "said in a statement").
CUE_OBJECTS = {"reporters", "journalists", "press", "audience", "crowd", "media", "interviewer",
               "parliament", "congress", "lawmakers", "supporters", "students", "statement",
               "interview", "conference", "briefing", "email", "letter", "post", "speech", "tweet"}

# --- speakers -----------------------------------------------------------------------------------
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "they": "p", "i": "1", "we": "1p",
            "it": "n", "you": "2"}
PERSONAL = {"he", "she", "i", "we", "they"}
# A possessive alone as the source ("His assertion that ...", a noun cue): the pronoun it stands for.
POSSESSIVES = {"his": "he", "its": "it", "their": "they", "my": "i", "our": "we"}
# Relative pronouns that stand for the noun their clause modifies ("officials who said").
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Clauses hanging from a cue that say when, why or on what condition it was said ("said when
# asked"): not content. Taking "because" and "if" clauses as content (says “the game is screwed
# up” because “football has become soft”) raised PolNeAR train direct R 0.913 -> 0.915 but cost
# an aligned pair in bench/quote_align.py (F1 0.769 -> 0.753), so not kept.
ADJUNCT_CLAUSE_MARKS = frozenset({"when", "while", "after", "before", "as", "because", "if", "since"})
# Determiners that open a source named after its cue ('“...,” added another Republican').
SOURCE_DETERMINERS = frozenset({"a", "an", "the", "another", "one"})
RELATIVE_TAIL = re.compile(r"(?:,|\s[—–―-]{1,2})?\s+(?:who|which|that)$", re.I)

# Role nouns: a speaker named by office ("the U.S. diplomat", "a State Department spokesman").
# Each role noun maps to a class; a person introduced with a title of that class is its referent.
ROLE_CLASS = {
    "diplomat": "diplomat", "secretary of state": "diplomat", "foreign minister": "diplomat",
    "foreign secretary": "diplomat", "ambassador": "diplomat", "envoy": "diplomat",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
    "press secretary": "spokesperson", "representative": "spokesperson",
    "president": "leader", "leader": "leader", "prime minister": "leader", "premier": "leader",
    "chancellor": "leader", "king": "leader", "chairman": "leader", "chairwoman": "leader",
    "minister": "minister", "secretary": "minister", "governor": "official", "mayor": "official",
    "official": "official", "officer": "official", "senator": "lawmaker", "lawmaker": "lawmaker",
    "congressman": "lawmaker", "congresswoman": "lawmaker", "legislator": "lawmaker",
    "candidate": "candidate", "nominee": "candidate", "frontrunner": "candidate",
    "general": "military", "commander": "military", "admiral": "military",
    "director": "executive", "executive": "executive", "ceo": "executive", "chief": "executive",
    "analyst": "expert", "expert": "expert", "professor": "expert", "economist": "expert",
    "researcher": "expert", "scientist": "expert", "lawyer": "lawyer", "attorney": "lawyer",
    "judge": "judge", "justice": "judge", "prosecutor": "lawyer", "police": "police",
    "speaker": "speaker", "aide": "official", "adviser": "official", "advisor": "official",
    "strategist": "expert", "campaign manager": "official", "manager": "executive",
    # family: "the father", "his son" ("the father said" about the Orlando gunman's father)
    "father": "parent", "mother": "parent", "dad": "parent", "mom": "parent", "parent": "parent",
    "son": "child", "daughter": "child", "brother": "sibling", "sister": "sibling",
    "wife": "spouse", "husband": "spouse", "widow": "spouse", "uncle": "relative",
    "aunt": "relative", "cousin": "relative", "grandfather": "relative", "grandmother": "relative",
    # people named by what they are, not by office: "says a doctor from Hebron", then "he says"
    "doctor": "person", "nurse": "person", "physician": "person", "resident": "person",
    "witness": "person", "voter": "person", "student": "person", "teacher": "person",
    "worker": "person", "farmer": "person", "activist": "person", "soldier": "person",
    "neighbor": "person", "neighbour": "person", "protester": "person", "driver": "person",
    "survivor": "person", "victim": "person", "owner": "person", "veteran": "person",
    "questioner": "person", "narrator": "person", "woman": "person", "man": "person",
}
# Any role noun of these classes also matches the generic "official".
GENERIC_ROLE = {"official": {"diplomat", "spokesperson", "leader", "minister", "official",
                             "military", "executive", "lawmaker"},
                "speaker": {"diplomat", "spokesperson", "leader", "minister", "official",
                            "military", "executive", "lawmaker", "expert", "candidate", "lawyer"}}
# Title words dropped when canonicalising a name ("Secretary of State Antony Blinken" -> "Antony
# Blinken", "Mr. Cruz" -> "Cruz").
HONORIFICS = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|dr|prof|sen|rep|gov|gen|lt|col|sgt|capt|adm|brig|maj|pres|sir|dame|"
    r"lord|lady|rev|hon|amb|judge|justice|president|senator|governor|mayor|secretary|minister|"
    r"general|admiral|chancellor|premier|king|queen|prince|princess|pope|sheikh)\.?\s+)+", re.I)
NAME_SUFFIX = re.compile(r",?\s+(?:jr|sr|ii|iii|iv)\.?$", re.I)
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")

# --- gender, for "he said" / "she said" ------------------------------------------------------------
# Words in a person's title or mention that say their gender ("spokeswoman", "his son", "Mr.").
MALE_WORDS = frozenset("""mr mr. sir lord king prince father dad son brother husband uncle grandfather
spokesman chairman congressman businessman councilman gentleman boyfriend nephew widower man boy
""".split())
FEMALE_WORDS = frozenset("""mrs mrs. ms ms. miss dame lady queen princess mother mom daughter sister wife
widow aunt grandmother spokeswoman chairwoman congresswoman businesswoman councilwoman girlfriend
niece woman girl""".split())
# First names common in English-language news whose bearer's gender is near-certain (a short list;
# a name not in it leaves the gender unknown, and an unknown gender never rules a speaker out).
MALE_NAMES = frozenset("""aaron abdul adam ahmad ahmed alan albert alex alexander ali andrew andy anthony
antony ben benjamin bernie bill bob boris brad brandon brian bruce carl carlos charles charlie chris
christopher chuck colin craig dan daniel darren david dennis dick dmitry don donald doug douglas
duncan ed eddie edward emmanuel eric frank fred gary george gordon greg gregory hamid harry hassan
henry hillel howard hunter ian isaac jack jacob jake james jason jeb jeff jeffrey jeremy jerry jim
jimmy joe joel john johnny jon jonathan jose joseph josh juan justin keith ken kevin larry
luis marco mark martin matt matthew max michael mike mitch mohammed muhammad
narendra nathan neil nick nicholas nigel olaf omar oscar patrick paul pete peter phil philip ralph
ray reince richard rick rob robert roger ron ronald roy rudy ryan sam samuel scott sean sergei
seddique sergey shinzo simon stephen steve steven ted terry thomas tim timothy todd tom tony vladimir
walter wayne william xi yair yury""".split())
FEMALE_NAMES = frozenset("""alice alexandra alison amanda amy angela ann anna anne annie barbara betsy
betty carly carol caroline catherine cathy charlotte cheryl christine claire diana diane donna
dorothy elizabeth ellen emily emma erin gina hannah heather helen hillary ivanka jane janet jennifer
jessica jill joan joanna judith judy julia julie karen kate katherine kathleen kathy kellyanne
kirsten kristen laura lauren linda lisa liz lori louise lynn margaret maria marie martha mary megan
melania melissa michelle nancy natalie nicola nicole nikki olivia pam pamela patricia paula rachel
rebecca rosa ruth sally samantha sara sarah sharon stephanie susan susana suzanne tammy teresa theresa
tulsi ursula valerie victoria virginia wendy yvette""".split())

# A page's share buttons left in its text ("Facebook Twitter Pinterest"): the tagger reads them as a
# person's name; a "name" made only of these words is none.
PAGE_WIDGET_WORDS = frozenset("""facebook twitter pinterest linkedin whatsapp reddit instagram tumblr
flipboard messenger email e-mail print share comment comments tweet youtube tiktok snapchat""".split())
# Nouns of organisations: "the company" after one is named ("Crayola ... the company says"), and a
# name right after one is no person ("campaign group Avaaz").
ORGANISATION_NOUNS = frozenset("""company firm group agency ministry department organisation organization
campaign retailer airline bank network newspaper paper union""".split())
# Family names that open East Asian names written family name first ("Mao Ning", "Li Qiang",
# "Kim Jong Un"): never read as a first name's sex.
FAMILY_NAMES_FIRST = frozenset("""li wang zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao lin he
guo ma luo liang song zheng xie han tang feng yu dong xiao cheng cao yuan deng fu shen zeng peng lu su
jiang cai jia ding wei xue ye yan pan du dai xia zhong tian ren fan fang shi yao tan liao zou xiong jin
hao kong bai cui kang mao qiu qin gu hou shao meng long wan duan lei qian yin yi chang qiao lai gong wen
kim park lee choi jung cho yoon jang lim nguyen tran le pham hoang vu""".split())

# --- reporting that is not speech ----------------------------------------------------------------
# A frame whose cue, or the verb it hangs from, is one of these says that someone did NOT speak, was
# only asked, or is yet to speak: "did not respond", "declined to comment", "could not be reached",
# "was asked", "is expected to say". Never a quote (issue 11).
NO_SPEECH_HEADS = frozenset("""decline declined declines declining refuse refused refuses refusing
expect expected expects expecting schedule scheduled plan plans planned planning due set poised
yet fail failed fails""".split())
# "might have answered", "could have said": with "have" and a past participle, speech that did not happen.
COUNTERFACTUAL_MODALS = frozenset("might could would should may".split())
# A refusal is no statement, whatever it refuses ("declined to comment", "refused to endorse").
REFUSALS = frozenset("decline declines declined declining refuse refuses refused refusing".split())
# Entity types that never speak: '“...,” Flynn, a top Trump surrogate, said Thursday morning' is
# not Thursday morning's.
NOT_SPEAKER_ENTS = ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL")
# Cue verbs that report a failed contact, not words said: "reached".
NOT_SPEECH_CUES = frozenset("""reach reached""".split())
# A participle with no subject of its own that puts a question to the main clause's subject
# ("Asked why ..., Blinken argued"): the question is not his speech, as "was asked" is not
# (NO_SPEECH_TEXT below).
QUESTION_PARTICIPLES = frozenset({"asked"})
# "did not respond to a question", "had no comment", "would not say whether", "no immediate response".
NO_SPEECH_TEXT = re.compile(
    r"\b(?:(?:did|does|do|would|could|will|has|have|had)\s*(?:not|n[’']t)\s+(?:immediately\s+)?"
    r"(?:respond|reply|return|comment|answer|say|elaborate|specify|disclose|confirm|address|explain|"
    r"discuss|provide|offer|identify|name|reveal|detail|speak|be\s+reached)|"
    r"(?:declined|refused|wouldn[’']t|won[’']t|couldn[’']t)\s+(?:immediately\s+)?(?:to\s+)?"
    r"(?:comment|say|elaborate|specify|respond|discuss|answer|confirm|disclose|be\s+reached)|"
    r"(?:could|can)\s*(?:not|n[’']t)\s+be\s+(?:immediately\s+)?reached|"
    r"(?:had|has|have|offered)\s+no\s+(?:immediate\s+)?(?:comment|response)|"
    r"(?:did|does|do)\s*(?:not|n[’']t)\s+(?:want|wish|need)\s+to\s+be\b|"
    r"(?:was|were|is|are|been|being)\s+(?:not\s+)?(?:\w+ly\s+)?asked\b|"
    r"(?:is|are|was|were)\s+(?:expected|scheduled|set|due|slated|poised|likely)\s+to\s+"
    r"(?:say|announce|tell|address|speak|testify|deliver|argue|unveil|make))", re.I)

# Nouns that name something said or claimed ("Trump's claim that ...", "his criticism of ...",
# "X made the accusation that ..."): nominal cues, candidates for the trained scorer only
# (``cues._noun_frame``). PolNeAR dev: 109 of the 304 gold attributions with no candidate frame
# had such a cue.
NOUN_CUES = frozenset("""statement claim assertion warning accusation allegation denial report criticism
promise suggestion argument insistence admission complaint remark comment charge threat pledge vow
prediction announcement declaration contention assessment conclusion finding testimony explanation
assurance acknowledgment acknowledgement recommendation proposal demand request call plea appeal
condemnation praise attack question answer response reply rejection dismissal belief view fear
concern hope worry notion idea insinuation implication boast confession estimate forecast theory
message tweet post speech interview letter memo""".split())
# Where words are said ('said “...” at a rally', 'in an interview', 'on Twitter'): a phrase after
# a quotation that names one is the speech's setting, not more of what was said.
SPEECH_SETTINGS = frozenset("""rally rallies interview interviews conference briefing event speech statement
meeting hearing debate forum hall appearance show program programme podcast twitter facebook tweet post
phone call radio television tv broadcast campaign trail stop gathering dinner luncheon breakfast ceremony
convention summit session""".split())
# Things someone puts out, whose words a participle after them reports ("an email to supporters
# stating", "a note on the story saying"): their source is who put them out.
DOCUMENTS = frozenset("""statement report message tweet post letter memo email e-mail note release
ad advertisement editorial op-ed column video notice filing petition blog""".split())
# Verbs whose object noun is a statement made by their subject: "X made the claim that", "X issued
# a warning about", "X repeated his criticism of".
LIGHT_VERBS = frozenset("""make made makes making issue issued issues issuing release released releases
repeat repeated repeats repeating voice voiced voices voicing express expressed expresses expressing
offer offered offers offering give gave gives giving deliver delivered delivers delivering level leveled
levelled levels reiterate reiterated reiterates renew renewed renews raise raised raises raising
post posted posts publish published publishes send sent sends echo echoed echoes file filed files
lodge lodged lodges put puts press pressed presses double doubled stand stood stands""".split())
# How a nominal cue's content hangs from it: a that-clause, or an "of"/"about" phrase.
NOUN_CONTENT_PREPS = frozenset({"of", "about", "on", "over", "against"})
# A nominal cue's source after "by" or "from" ("a claim by Clinton", "a warning from the agency").
NOUN_SOURCE_PREPS = frozenset({"by", "from"})

# Characters trimmed from the edges of a tagged content (``extract._strip_span``).
SPAN_EDGE = frozenset(" \t\n,;:")
