"""pipeline.output.report: the HTML review page, also in a real browser."""
from __future__ import annotations

import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.batch import Options, run
from pipeline.inputs.readers import iter_documents
from pipeline.output.corpus import write_corpus_tables
from pipeline.output.read import read_table
from pipeline.output.report import write_report
from tests.paths import SEEDS

CHROMIUM = Path('/usr/bin/chromium')
EVIL = ('Россия поставит Калибр, заявил Владимир Путин.\n'
        '<script>document.title = "HACKED"</script>\n'
        '<img src=x onerror="document.title = \'HACKED2\'"> & </div>\n'
        'Москва ответила.\n')


@pytest.fixture(scope='module')
def corpus(tmp_path_factory):
    """The seed article plus a document with markup in it, extracted, with the corpus tables."""
    inputs = tmp_path_factory.mktemp('inputs')
    for seed in SEEDS.glob('*.txt'):
        shutil.copy(seed, inputs / seed.name)
    (inputs / 'zz_evil.txt').write_text(EVIL, encoding='utf-8')
    out = tmp_path_factory.mktemp('out')
    run([str(inputs)], out, Options(workers=1, quiet=True))
    write_corpus_tables(out)
    texts = {doc.id: doc.text for doc in iter_documents([str(inputs)])}
    return out, texts


@pytest.fixture(scope='module')
def report(corpus):
    out, texts = corpus
    path = write_report(out, texts)
    return path, path.read_text(encoding='utf-8'), texts


class TextDivs(HTMLParser):
    """The text of each `<div class="text">` and the highlighted spans in it."""

    def __init__(self):
        super().__init__()
        self.texts, self.spans, self.depth, self.span = [], [], 0, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == 'div' and attrs.get('class') == 'text':
            self.depth = 1
            self.texts.append('')
            self.spans.append([])
        elif self.depth and tag == 'span':
            self.span = [attrs.get('class'), attrs.get('title'), len(self.texts[-1]), '']
        elif self.depth and tag == 'div':
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth and tag == 'span' and self.span:
            self.spans[-1].append(tuple(self.span))
            self.span = None
        elif self.depth and tag == 'div':
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.texts[-1] += data
            if self.span:
                self.span[3] += data


def parse(html):
    parser = TextDivs()
    parser.feed(html)
    return parser


def test_report_written_atomically(report, corpus):
    path, html, _ = report
    assert path == corpus[0] / 'report.html'
    assert html.startswith('<!DOCTYPE html>')
    assert not list(corpus[0].glob('.report.html.tmp-*'))


def test_report_self_contained(report):
    _, html, _ = report
    assert '<script' not in html.lower()  # no scripts of its own, and the input's is escaped
    assert not re.search(r'''(src|href)\s*=\s*["']?\s*(https?:|//)''', html, re.I)
    assert '<link' not in html and '@import' not in html and 'url(' not in html
    assert '<style>' in html


def test_highlights_cover_exact_offsets(report, corpus):
    _, html, texts = report
    parsed = parse(html)
    documents = read_table(corpus[0], 'documents')
    assert parsed.texts == [texts[doc] for doc in documents['doc_id']]  # whole texts, nothing added or lost
    mentions = read_table(corpus[0], 'mentions')
    for doc, spans in zip(documents['doc_id'], parsed.spans):
        rows = mentions[mentions['doc_id'] == doc].sort_values('start')
        assert [(s[0], s[2], s[2] + len(s[3])) for s in spans] == [
            (f'm {r.type}', r.start, r.end) for r in rows.itertuples()]
    seed = parsed.spans[0]
    assert ('m weapon', 'Орешник', 'Орешник') in {(s[0], s[1], s[3]) for s in seed}
    titles = {(s[3], s[1]) for s in seed}
    assert ('Мадуро', 'Николас Мадуро') in titles  # canonical name on hover
    assert ('Николас Мадуро', 'Николас Мадуро') in titles
    assert ('Москвой', 'Россия') in titles
    assert ('Калибр', 'Калибр') in titles


def test_markup_in_text_is_escaped(report):
    _, html, _ = report
    assert '&lt;script&gt;document.title = &#34;HACKED&#34;&lt;/script&gt;' in html
    assert '&lt;img src=x onerror=' in html and '&amp; &lt;/div&gt;' in html


def test_corpus_section(report):
    _, html, _ = report
    assert 'Легенда' in html
    for kind in ('person', 'country', 'weapon'):
        assert f'id="top-{kind}"' in html
    assert 'class="bar weapon"' in html
    assert 'Показаны первые' not in html


def test_arms_transfers_section(report, corpus):
    """The seed's transfers: the picture of who supplies whom, every row of transfers.csv in the table, and
    each document's rows under its text."""
    _, html, _ = report
    transfers = read_table(corpus[0], 'transfers')
    assert len(transfers) >= 8 and 'id="transfers"' in html and 'id="transfer-picture"' in html
    section = html[html.index('id="transfers"'):html.index('<section id="documents">')]
    assert section.count('<path class="band') >= 3  # RU, CN, IR → VE
    assert 'Россия (RU)' in section and 'Венесуэла (VE)' in section and 'Китай (CN)' in section
    table = section[section.index('id="transfer-rows"'):]
    assert table.count('<tr>') == len(transfers) + 1
    assert '<span class="m weapon">Орешник</span>' in table and 'на вооружении' in table and 'запрошено' in table
    assert '<a href="#doc-1">1</a>' in table
    documents = html[html.index('<section id="documents">'):]
    assert 'class="transfers"' in documents and 'Игла-С <span class="st in_service">на вооружении</span> × 5000' \
        in documents


def test_no_transfers_table_no_section(corpus, tmp_path):
    out, texts = corpus
    for name in ('documents', 'mentions'):
        shutil.copy(out / f'{name}.csv', tmp_path / f'{name}.csv')
    html = write_report(tmp_path, texts).read_text(encoding='utf-8')
    assert 'id="transfers"' not in html and 'class="transfers"' not in html


def test_cap_on_documents(corpus, tmp_path):
    out, texts = corpus
    for name in ('documents', 'mentions', 'summary', 'cooccurrence_corpus'):
        shutil.copy(out / f'{name}.csv', tmp_path / f'{name}.csv')
    html = write_report(tmp_path, texts, max_documents=1).read_text(encoding='utf-8')
    assert 'Показаны первые 1 из 2 документов' in html
    assert html.count('<article class="doc"') == 1
    assert 'HACKED' not in html  # the second document is not shown


def test_missing_and_mismatched_texts(corpus, tmp_path):
    out, texts = corpus
    for name in ('documents', 'mentions'):  # summary and co-occurrence are computed when absent
        shutil.copy(out / f'{name}.csv', tmp_path / f'{name}.csv')
    seed_id = next(iter(texts))
    html = write_report(tmp_path, {seed_id: 'X' + texts[seed_id]}).read_text(encoding='utf-8')
    assert 'Текст документа не передан' in html  # the second document has no text
    assert 'упоминаний не совпали с текстом' in html  # offsets shifted by one: nothing highlighted wrongly
    assert 'class="bar person"' in html and 'Николас Мадуро' in html


def chromium(tmp_path, *args):
    command = [str(CHROMIUM), '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
               '--disable-background-networking', '--disable-component-update', '--disable-sync',
               f'--user-data-dir={tmp_path / "profile"}', *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason='needs /usr/bin/chromium (apt-get install chromium)')
def test_report_in_browser_dom(report, tmp_path):
    path, _, _ = report
    result = chromium(tmp_path, '--dump-dom', path.as_uri())
    dom = result.stdout
    assert result.returncode == 0 and '</html>' in dom, result.stderr[-2000:]
    assert re.search(r'<title>Отчёт: персоны, страны, вооружения</title>', dom)  # the script did not run
    assert 'HACKED' in dom and '<title>HACKED' not in dom
    assert '&lt;script&gt;document.title' in dom
    assert '<img' not in dom  # the input's <img onerror> is text, not an element
    assert re.search(r'<span class="m weapon" title="Орешник">Орешник</span>', dom)
    assert re.search(r'<span class="m person" title="Николас Мадуро">Николас Мадуро</span>', dom)
    assert re.search(r'<span class="m person" title="Николас Мадуро">Мадуро</span>', dom)
    assert re.search(r'<span class="m country" title="Россия">Москвой</span>', dom)
    assert re.search(r'<section id="transfers">', dom) and re.search(r'<svg[^>]*aria-label="Кто кому поставляет"', dom)
    assert re.search(r'<path class="band [a-z_]+" d="M ', dom)  # the picture is drawn, not escaped


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason='needs /usr/bin/chromium (apt-get install chromium)')
def test_report_in_browser_screenshot(report, tmp_path):
    path, _, _ = report
    png = tmp_path / 'report.png'
    result = chromium(tmp_path, f'--screenshot={png}', '--window-size=1280,2000', path.as_uri())
    assert result.returncode == 0 and png.exists(), result.stderr[-2000:]
    data = png.read_bytes()
    assert data.startswith(b'\x89PNG\r\n\x1a\n')
    assert struct.unpack('>II', data[16:24]) == (1280, 2000)
    assert len(data) > 50_000  # a rendered page, not a blank one
    print(f'report screenshot: {png}')
