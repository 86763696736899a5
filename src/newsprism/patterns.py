"""Lexical building blocks shared by the stages: stop words, month names, number words, words.

A stage's own ``patterns.py`` keeps what only it reads; what two or more stages read lives here,
written once. Importing this module is cheap (``re`` only), so light modules may use it.
"""
from __future__ import annotations


# --- stop words: small per-language profiles ------------------------------------------------------
# The 60-100 most frequent function words of each language. Enough to tell the languages apart
# on a paragraph and to measure stop-word density for the boilerplate classifier.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        a about above after again against all also am an and any are as at be because been before
        being below between both but by can could did do does doing down during each few for from
        further had has have having he her here hers herself him himself his how i if in into is it
        its itself just me more most my myself no nor not now of off on once only or other our ours
        out over own same she should so some such than that the their theirs them then there these
        they this those through to too under until up very was we were what when where which while
        who whom why will with would you your yours said says while would there whether since
        """.split()),
    "fr": frozenset("""
        le la les un une des du de et en est que qui dans pour pas sur au aux avec ce cette ces il
        elle ils elles nous vous je tu ne se sa son ses leur leurs par plus mais ou comme été être
        a ont sont fait faire lui y d l qu c s n m j t où aussi tout tous toute bien sans sous entre
        """.split()),
    "de": frozenset("""
        der die das den dem des ein eine einer eines einem einen und ist nicht mit von zu im in auf
        für sich auch es er sie wir ihr ich du als an bei aus nach wie wird werden wurde hat haben
        sind war noch nur oder aber so dass daß zum zur vom über unter kann man um am auch schon
        diese dieser dieses mehr sein seine ihre
        """.split()),
    "es": frozenset("""
        el la los las un una unos unas de del y en que es por con para no se lo le les su sus al
        como más pero o este esta estos estas ese esa fue ha han ser son está están era muy también
        sin sobre entre cuando ya todo hay yo él ella nosotros porque desde hasta donde
        """.split()),
    "it": frozenset("""
        il lo la i gli le un uno una di del della dei delle degli e è in che non per con su al alla
        da dal nel nella si ha sono come anche più ma o questo questa quello quella essere stato
        era ci ne se gli loro suo sua suoi sue tra fra dopo molto tutto
        """.split()),
    "pt": frozenset("""
        o a os as um uma uns umas de do da dos das e é em no na nos nas que não por para com se
        ao aos à às seu sua seus suas mais mas ou como foi são ser está estão ele ela eles elas
        também muito já quando sobre entre até isso este esta pelo pela
        """.split()),
    "nl": frozenset("""
        de het een en van in is op te dat die niet met voor zijn er aan als ook bij door maar om
        dan naar nog wat zo uit tot over werd worden wordt heeft hebben was waren kan zal hij zij
        ze wij we ik je u deze dit al geen meer
        """.split()),
    "ru": frozenset("""
        и в во не что он она они на я с со как а то все так его но да ты к у же вы за бы по только
        ее её мне было вот от меня еще ещё нет о из ему теперь когда даже ну ли если уже или ни быть
        был была были него до вас нибудь опять уж вам ведь там потом себя ничего ей может это этот
        эта эти для при также который которые
        """.split()),
    # Chinese has no spaces: the detector counts these characters instead of words.
    "zh": frozenset("的 了 是 在 和 有 也 不 这 我 他 她 们 中 国 对 为 以 上 说 与 及 将 于 就 而 之".split()),
}


def stopwords_for(language: str | None) -> frozenset[str]:
    """The stop-word list of ``language``, English when unknown."""
    return STOPWORDS.get(language or "en", STOPWORDS["en"])


# --- months: full names and abbreviations -> month number ----------------------------------------
MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
