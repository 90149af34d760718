"""A document's mentions indexed for the relation stage, so that a sentence's look-ups (its mentions, the
weapon named before, the country an anaphor or a pronoun stands for, the forces' country) cost the same
in a megabyte of text as in a news item."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from ..doc import Doc, Mention
from ..nlp.segment import tokenize
from . import lexicon
from .items import compound_lemmas


class DocumentIndex:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.by_sentence: dict[int, list[Mention]] = {}
        for mention in doc.mentions:
            self.by_sentence.setdefault(mention.sentence, []).append(mention)
        countries = [m for m in doc.mentions if m.type == 'country' and m.code]
        self.codes = frozenset(m.code for m in countries)
        # an anaphor's antecedent is a country named, not an adjective (`российского оружия … она`)
        self._countries = sorted((m for m in countries if m.kind != 'adjective'), key=lambda m: m.end)
        self._country_ends = [m.end for m in self._countries]
        self._named = sorted((m for m in countries if m.kind != 'adjective'), key=lambda m: m.start)
        self._named_starts = [m.start for m in self._named]
        self.weapons = sorted((m for m in doc.mentions if m.type == 'weapon'), key=lambda m: (m.sentence, m.start))
        self._weapon_sentences = [m.sentence for m in self.weapons]
        counts = Counter(m.code for m in countries)
        self.main_country = max(counts, key=lambda code: counts[code]) if counts else None  # first named among equals
        self._forces: dict[str, str | None] = {}

    def mentions_of(self, number: int) -> list[Mention]:
        return self.by_sentence.get(number, [])

    def weapons_before(self, number: int, start: int, sentences: int) -> list[Mention]:
        """The weapon mentions of the `sentences` sentences before sentence `number`, and of that one
        before offset `start`, in text order."""
        low = bisect_left(self._weapon_sentences, number - sentences)
        high = bisect_right(self._weapon_sentences, number)
        return [m for m in self.weapons[low:high] if m.sentence < number or m.end <= start]

    def country_before(self, start: int, first_sentence: int, exclude=()) -> str | None:
        """The code of the last country named (no adjective) that ends before `start`, in sentence
        `first_sentence` or later, other than `exclude`."""
        i = bisect_right(self._country_ends, start)
        while i > 0:
            i -= 1
            mention = self._countries[i]
            if mention.sentence < first_sentence:
                return None
            if mention.code not in exclude:
                return mention.code
        return None

    def first_state(self, number: int, person_states: dict[str, str]) -> str | None:
        """The state named first in sentence `number` (a country, a person standing for one, an institution):
        what a pronoun opening the next sentence most often stands for."""
        if not 0 <= number < len(self.doc.sentences):
            return None
        found = [(m.start, m.code) for m in self.mentions_of(number) if m.type == 'country' and m.code]
        found += [(m.start, person_states[m.entity]) for m in self.mentions_of(number)
                  if m.type == 'person' and m.entity in person_states]
        line = self.doc.sentences[number]
        bodies = lexicon.state_bodies()
        for token in tokenize(line.text):
            code = next((bodies[w] for w in compound_lemmas(token.text) if w in bodies), '')
            if code in self.codes:
                found.append((line.start + token.start, code))
        return min(found)[1] if found else None

    def forces_country(self, word: str) -> str | None:
        """The country a body's name (`ВКС`, `армия`) goes with where the document names one with it
        (`ВКС России` … `на вооружение ВКС`): the one most often right after it, or None."""
        stem = word[:max(3, len(word) - 2)] if len(word) > 4 else word
        if stem.lower() not in self._forces:
            votes: Counter = Counter()
            text = self.doc.text
            for hit in re.finditer(r'(?<!\w)' + re.escape(stem), text, re.IGNORECASE):
                end = text.find(' ', hit.end())
                i = bisect_left(self._named_starts, end)
                while 0 <= end and i < len(self._named) and self._named[i].start - end <= 2:
                    votes[self._named[i].code] += 1
                    i += 1
            self._forces[stem.lower()] = max(votes, key=lambda code: (votes[code], code)) if votes else None
        return self._forces[stem.lower()]
