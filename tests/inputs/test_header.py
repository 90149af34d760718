"""pipeline.inputs.header: the ` date …` line and the title after it."""
from __future__ import annotations

import pytest

from pipeline.inputs.header import parse_header


@pytest.mark.parametrize('newline', ['\n', '\r\n', '\r'])
def test_header_with_any_newline(newline):
    text = newline.join([' date 2025-11-04 Ричмонд', 'Заголовок статьи', '', 'Текст.'])
    meta, skip = parse_header(text)
    assert meta == {'date': '2025-11-04', 'place': 'Ричмонд', 'title': 'Заголовок статьи'}
    assert skip == ((0, len(' date 2025-11-04 Ричмонд' + newline)),)


def test_header_title_of_a_huge_line_is_cut():
    meta, _ = parse_header(' date 2025-11-04 X\n' + 'а' * 100_000)
    assert len(meta['title']) <= 300
