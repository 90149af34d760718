"""The capital rule: a capital is a country mention only where it stands for its government.

`Москва и Каракас договорились`, `контакт с Москвой`, `поставить Каракасу`, `позиция Москвы`, `В Москве
считают`, `применения Киевом` are the government. It is a place, and not taken, when it follows a
preposition of place (`в Москве`, `из Каракаса`, `под Киевом`), when it follows a noun that makes it a
place (`мэр Москвы`, `центре Киева`, `провинции Анкара`), when it is the object of a verb of attack or
travel (`атаковала Киев`, `посетил Пекин`), when it is one end of a route (`Каракас — Санкт-Петербург`),
when it is written in capitals as a dateline (`КАРАКАС, 6 ноября`) or stands in a title (`«Эхо Москвы»`).
"""
from __future__ import annotations

from ..data import load_word_list
from ..doc import Token
from ..nlp.gazetteer import Match
from ..nlp.morph import fold, lemmas, parses
from ..nlp.quotes import in_quote

PLACE_PREPOSITIONS = load_word_list('place_prepositions.txt')
PLACE_NOUNS = load_word_list('place_nouns.txt')  # matched as the start of the word before, or by lemma
ROUTE_DASHES = frozenset('-–—‐')
PARTNER_PREPOSITIONS = load_word_list('partner_prepositions.txt')
PREPOSITIONS = load_word_list('other_prepositions.txt') | PLACE_PREPOSITIONS
STANCE_NOUNS = load_word_list('stance_nouns.txt')
PLACE_VERBS = load_word_list('place_verbs.txt')
SHORT_QUOTE = 40  # the longest title a capital's name may stand in («Эхо Москвы»)


def coordinated(text: str, words: list[Token], match: Match, taken: set[int]) -> bool:
    """A capital joined by `и` to a country mention just before it (`сотрудничество Пекина и Исламабада`)."""
    i = match.first
    return (i >= 2 and fold(words[i - 1].text) == 'и' and (i - 2) in taken
            and not text[words[i - 2].end:words[i].start].strip(' и\xa0'))


def acts_as_government(text: str, words: list[Token], match: Match) -> bool:
    """The capital rule of this module's docstring: a capital is a government only in a role that a
    place cannot have: a subject with its verb (`Москва может поставить`), a partner (`с Москвой`),
    an addressee (`Каракасу`), an object (`обвинил Москву`), or the owner of a stance (`позиция Москвы`)."""
    word = words[match.first]
    if word.text.isupper() or in_quote(text, word.start, SHORT_QUOTE):
        return False  # a dateline (КАРАКАС, 6 ноября) or a title («Эхо Москвы»)
    before = _word_before(text, words, match.first)
    previous = fold(before.text) if before else ''
    if _is_route(text, words, match.first - 1, match.first) or _is_route(text, words, match.last - 1, match.last):
        return False
    if previous in ('в', 'во'):
        # `В Москве считают`, `Также в Пекине сделку прокомментировали`, `осудили в Вашингтоне`: the
        # unnamed "they" of a capital with a plural statement verb is its government; `в Москве прошла
        # конференция` stays a place.
        if _clause_start(text, words, match.first - 1):
            return _verb_follows(text, words, match.last, plural=True, lexicon=load_word_list('government_verbs.txt'))
        return _statement_before(text, words, match.first - 1)
    if previous == 'между' and match.first >= 2 and lemmas(words[match.first - 2].text) & STANCE_NOUNS:
        return True  # `напряженности между Тегераном и Вашингтоном`
    if previous in PLACE_PREPOSITIONS or any(previous.startswith(noun) for noun in PLACE_NOUNS) or (
            before is not None and lemmas(before.text) & PLACE_NOUNS):
        return False
    cases = {p.tag.case for p in parses(word.text) if 'Geox' in p.tag.grammemes}
    if previous in PARTNER_PREPOSITIONS:
        return True
    if previous in ('от', 'для') and match.first >= 2 and lemmas(words[match.first - 2].text) & STANCE_NOUNS:
        return True  # the source or the party of a stance: `заверения от Киева`, `врагом для Анкары`
    if previous in PREPOSITIONS:
        return False
    if before is not None and lemmas(before.text) & PLACE_VERBS:
        return False  # `атаковала Киев`, `посетил Пекин`: the city as a place
    if before is not None and _is_finite_verb(before.text):
        return True  # `попросил Вашингтон`, `получает Киев`
    if 'ablt' in cases and 'nomn' not in cases and before is not None and _agent_head(before.text):
        return True  # the agent: `применения Киевом`, `допустимого Москвой`
    if 'datv' in cases or ('accs' in cases and 'nomn' not in cases):
        return True
    if 'gent' in cases and before is not None and lemmas(before.text) & STANCE_NOUNS:
        return True
    if 'nomn' in cases and 'accs' in cases and _verb_follows(text, words, match.last, lexicon=PLACE_VERBS):
        return False  # the object before its verb: `В июле Пхеньян посетил министр`
    return 'nomn' in cases and _verb_follows(text, words, match.last)


def _word_before(text: str, words: list[Token], i: int) -> Token | None:
    """The word before words[i] if only spaces separate them."""
    if i == 0 or text[words[i - 1].end:words[i].start].strip():
        return None
    return words[i - 1]


def _is_route(text: str, words: list[Token], left: int, right: int) -> bool:
    """Two capitalised names joined by a dash: a route or a pair of places (`Каракас — Санкт-Петербург`)."""
    if left < 0 or right >= len(words):
        return False
    gap = text[words[left].end:words[right].start].strip()
    return bool(gap) and all(c in ROUTE_DASHES for c in gap) and all(
        words[k].text[:1].isupper() for k in (left, right))


def _verb_follows(text: str, words: list[Token], i: int, plural: bool = False,
                  lexicon: frozenset[str] | None = None) -> bool:
    """A finite verb comes within the clause, past adverbs, asides and coordinated names
    (`Москва и Каракас договорились`, `Исламабад, в свою очередь, ответил`); `plural` asks for
    a plural verb with no subject between (`В Москве считают`)."""
    end = min(i + 8, len(words))
    for k in range(i, end):
        word = words[k]
        if any(c in text[words[k - 1].end:word.start] for c in '.!?;:()«»"') and k > i:
            return False
        readings = parses(word.text)
        if not readings:
            continue
        tags = readings[0].tag.grammemes
        stance = 'ADJS' in tags and lemmas(word.text) & load_word_list('government_verbs.txt')  # `Дамаск намерен`
        if 'VERB' in tags or 'PRTS' in tags or stance:
            if lexicon is not None and not lemmas(word.text) & lexicon:
                return False
            return not plural or 'plur' in tags
        if plural and 'NOUN' in tags and 'nomn' in tags and not word.text[:1].isupper():
            return False  # a subject of its own: `в Москве прошла конференция`
    return False


def _agent_head(word: str) -> bool:
    """A verbal noun, participle or adjective whose agent an instrumental after it can be."""
    readings = parses(word)
    return bool(readings) and bool({'NOUN', 'ADJF', 'PRTF'} & readings[0].tag.grammemes) and word.islower()


def _is_finite_verb(word: str) -> bool:
    readings = parses(word)
    return bool(readings) and 'VERB' in readings[0].tag.grammemes


def _clause_start(text: str, words: list[Token], i: int, reach: int = 1) -> bool:
    """words[i] opens a clause: it starts the text or follows punctuation or `а`, `и`, `но`, `однако`,
    or an adverb, particle or conjunction that does (`Также в Берлине`, `Вчера в Пекине`)."""
    if i == 0:
        return True
    gap = text[words[i - 1].end:words[i].start]
    if any(c in gap for c in '.!?;:,—–\n') or fold(words[i - 1].text) in {'а', 'и', 'но', 'однако'}:
        return True
    readings = parses(words[i - 1].text)
    return (reach > 0 and not gap.strip() and bool(readings)
            and bool({'ADVB', 'PRCL', 'CONJ'} & readings[0].tag.grammemes)
            and _clause_start(text, words, i - 1, reach - 1))


def _statement_before(text: str, words: list[Token], i: int) -> bool:
    """A plural statement verb right before words[i] (`осудили в Вашингтоне`, `заявили в Пекине`)."""
    if i == 0 or text[words[i - 1].end:words[i].start].strip():
        return False
    readings = parses(words[i - 1].text)
    return (bool(readings) and {'VERB', 'plur'} <= readings[0].tag.grammemes
            and bool(lemmas(words[i - 1].text) & load_word_list('government_verbs.txt')))
