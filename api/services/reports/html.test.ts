import { describe, expect, test } from 'vitest';
import { confidentialMark, hiddenFootnote } from '../../domain/reportDocument';
import { reportHtml } from './html';
import { hiddenTruths, testReportDocument } from './testDocument';

describe('a report’s page', () => {
  test('is self-contained: no script and nothing fetched', () => {
    const html = reportHtml(testReportDocument('protected'));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|\bsrc=|\bhref=|@import|url\((?!#)|<link|<iframe|<img/i);
    expect(html).toContain('<svg class="chart"');
  });

  test('escapes every text and keeps a narrative’s paragraphs', () => {
    const doc = testReportDocument('protected');
    doc.coalition.name = '<b onmouseover="x">Coalition</b>';
    const html = reportHtml(doc);
    expect(html).not.toContain('<b onmouseover');
    expect(html).toContain('&lt;b onmouseover=&quot;x&quot;&gt;Coalition&lt;/b&gt;');
    expect(html).toContain(
      '<p>Members opened two new shelters &amp; a drop-in centre &lt;for youth&gt;.</p><p>A second paragraph: &quot;quoted&quot; words stay as written.</p>',
    );
  });

  test('draws a hidden figure as “S” and never its value; says why a section is not shown', () => {
    const html = reportHtml(testReportDocument('protected'));
    for (const truth of hiddenTruths) {
      expect(html).not.toContain(String(truth));
      expect(html).not.toContain(truth.toLocaleString('en-US'));
    }
    expect(html).toContain('<th scope="row">Labor trafficking</th><td class="number hidden-figure">S</td>');
    expect(html).toContain('<td class="number">1,010 to 1,234</td>');
    expect(html).toContain('11 of 12 agencies reported');
    expect(html).toContain('The coalition does not publish this table for half-years');
    expect(html).toContain(hiddenFootnote);
    expect(html).not.toContain(confidentialMark);
  });

  test('a confidential report carries its mark and purpose on the first page', () => {
    const html = reportHtml(testReportDocument('confidential'));
    expect(html).toContain(`<div class="confidential-band">${confidentialMark}</div>`);
    expect(html).toContain('Semiannual report owed to the state grant office, grant 24-117.');
    for (const truth of hiddenTruths) expect(html).toContain(truth.toLocaleString('en-US'));
  });

  test('the contents give page numbers once they are known', () => {
    const doc = testReportDocument('protected');
    expect(reportHtml(doc)).toContain(
      '<span class="title">Survivors served</span><span class="page"></span>',
    );
    expect(reportHtml(doc, { contentsPages: { survivors_served: 3 } })).toContain(
      '<span class="title">Survivors served</span><span class="page">3</span>',
    );
  });
});
