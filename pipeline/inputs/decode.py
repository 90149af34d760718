"""Decoding a file's bytes: a BOM decides (UTF-8, UTF-16 LE/BE, UTF-32); NUL bytes mean binary unless the
zeros line up as BOM-less UTF-16; then strict UTF-8; then the single-byte Cyrillic code pages
(Windows-1251, KOI8-R, CP866, ISO-8859-5) are scored by Russian letter frequencies and letter case;
charset-normalizer gets the rest. The scorer comes before charset-normalizer because on short news
sentences charset-normalizer guesses wrong (`США ввели санкции` in KOI8-R comes back as Windows-1251
`уыб ЧЧЕМЙ УБОЛГЙЙ`; tests/inputs/test_decode.py measures both), while the letter frequencies of the
right decoding stand out even in a dozen letters. Text that still looks like noise (control
characters, or non-ASCII characters that are mostly not letters) is refused as undecodable.
"""
from __future__ import annotations

import math
import re

BOMS = (('utf-8-sig', b'\xef\xbb\xbf'), ('utf-32-le', b'\xff\xfe\x00\x00'), ('utf-32-be', b'\x00\x00\xfe\xff'),
        ('utf-16-le', b'\xff\xfe'), ('utf-16-be', b'\xfe\xff'))
SINGLE_BYTE_CYRILLIC = ('cp1251', 'koi8_r', 'cp866', 'iso8859_5')  # ties go to the earlier one
SAMPLE = 1 << 16  # bytes scored when guessing a code page
# Russian letter frequencies (per cent, news text); the log-probability of each letter scores a decoding.
LETTER_FREQUENCY = dict(zip('оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё', (
    10.97, 8.45, 8.01, 7.35, 6.70, 6.26, 5.47, 4.73, 4.54, 4.40, 3.49, 3.21, 2.98, 2.81, 2.62, 2.01, 1.90, 1.74,
    1.70, 1.65, 1.59, 1.44, 1.21, 0.97, 0.94, 0.73, 0.64, 0.48, 0.36, 0.32, 0.26, 0.04, 0.04)))
LOG_LETTER = {letter: math.log(share / 100) for letter, share in LETTER_FREQUENCY.items()}
NEWS_PUNCTUATION = set('«»—–№…„“”‘’•°\xa0')  # non-ASCII characters common in Russian news
LOG_PUNCTUATION = math.log(0.01)
LOG_OTHER = -12.0  # box drawing, accented Latin, symbols: what a wrong code page makes of letters
CASE_PENALTY = -6.0  # an upper-case letter right after a lower-case one (`ЧЧЕМЙ` vs `ввели` is fine, `вВ` is not)
MIXED_PENALTY = -6.0  # a Cyrillic letter next to a Latin one in the same word
MIN_SCORE = -5.5  # mean log-probability per non-ASCII character below which a decoding is noise
CONTROL = re.compile(r'[\x00-\x08\x0e-\x1f\x7f-\x9f]')  # control characters other than \t \n \v \f \r
MAX_CONTROL_SHARE = 0.01


def decode(data: bytes) -> tuple[str, str]:
    """Text of a file's bytes and the encoding used; raises ValueError for binary or undecodable data."""
    for encoding, bom in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding.replace('-sig', ''))
            except UnicodeDecodeError as error:
                raise ValueError(f'undecodable: {encoding} byte order mark, but {error.reason} '
                                 f'at byte {error.start + len(bom)}') from None
            _check_text(text, encoding)
            return text, encoding
    if b'\x00' in data[:SAMPLE]:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise ValueError('binary file (NUL bytes), not text')
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise ValueError('binary file (NUL bytes), not text') from None
        _check_text(text, encoding)
        return text, encoding
    try:
        text = data.decode('utf-8')
    except UnicodeDecodeError:
        pass
    else:
        _check_text(text, 'utf-8')
        return text, 'utf-8'
    encoding = guess_cyrillic(data[:SAMPLE]) or _charset_normalizer(data)
    if encoding is None:
        raise ValueError('undecodable: not UTF-8, and no Cyrillic code page gives text')
    text = data.decode(encoding, errors='replace')
    _check_text(text, encoding)
    return text, encoding


def guess_cyrillic(data: bytes) -> str | None:
    """The single-byte Cyrillic code page under which `data` reads most like Russian, or None."""
    scores = [(cyrillic_score(data.decode(encoding, errors='replace')), -rank, encoding)
              for rank, encoding in enumerate(SINGLE_BYTE_CYRILLIC)]
    score, _, encoding = max(scores)
    return encoding.replace('_', '-') if score >= MIN_SCORE else None


def cyrillic_score(text: str) -> float:
    """Mean log-probability per non-ASCII character of `text` being Russian (higher is better).

    Letters score by their frequency; an upper-case letter right after a lower-case one, and a
    Cyrillic letter touching a Latin one (`Дrger ьber`: German read as Windows-1251), are penalised.
    """
    total, count, previous_lower, previous = 0.0, 0, False, ''  # previous: 'latin', 'cyrillic' or ''
    for char in text:
        if char < '\x80':
            latin = char.isalpha()
            if latin and previous == 'cyrillic':
                total += MIXED_PENALTY
            previous_lower, previous = char.islower(), 'latin' if latin else ''
            continue
        count += 1
        lower = char.lower()
        if lower in LOG_LETTER:
            total += LOG_LETTER[lower]
            if char != lower and previous_lower:
                total += CASE_PENALTY
            if previous == 'latin':
                total += MIXED_PENALTY
            previous_lower, previous = char == lower, 'cyrillic'
        else:
            total += LOG_PUNCTUATION if char in NEWS_PUNCTUATION else LOG_OTHER
            previous_lower, previous = False, ''
    return total / count if count else LOG_OTHER


def _charset_normalizer(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return None if best is None else best.encoding


def _utf16_without_bom(data: bytes) -> str | None:
    """`utf-16-le` or `-be` if the zero bytes sit on one side, as in mostly-ASCII or Cyrillic UTF-16."""
    sample = data[:SAMPLE]
    if len(sample) < 4 or len(sample) % 2:
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if odd > len(sample) // 4 and even == 0:
        return 'utf-16-le'
    if even > len(sample) // 4 and odd == 0:
        return 'utf-16-be'
    return None


def _check_text(text: str, encoding: str) -> None:
    sample = text[:SAMPLE]
    controls = len(CONTROL.findall(sample))
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise ValueError(f'binary or undecodable: {controls} control characters in the first '
                         f'{len(sample)} as {encoding}')
