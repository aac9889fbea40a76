import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { renderCached } from '../../testing';
import { EarlyEntrySection, EarlyEntryView, quartersUnderWay } from './EarlyEntry';

// Rendered to HTML as the admin sees it; the environment is node (no DOM), so assertions read markup.

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/ ([.,:?])/g, '$1')
    .trim();
}

const q3 = { code: '2026Q3', open: true, opensOn: '2026-10-01', openedEarly: false };
const q4 = { code: '2026Q4', open: false, opensOn: '2027-01-01', openedEarly: false };
const q4Early = { ...q4, open: true, openedEarly: true };
const noop = () => {};
const view = (period: typeof q4, confirming = false) =>
  textOf(
    renderToStaticMarkup(
      <EarlyEntryView
        period={period}
        confirming={confirming}
        pending={false}
        error={null}
        done={null}
        onAsk={noop}
        onConfirm={noop}
        onCancel={noop}
      />,
    ),
  );

describe('quarters still under way', () => {
  test.each([
    { name: 'an ended quarter is not listed', periods: [q3], today: '2026-12-01', expected: [] },
    { name: 'one still under way is', periods: [q3, q4], today: '2026-12-01', expected: ['2026Q4'] },
    { name: 'so is one opened early', periods: [q4Early], today: '2026-12-01', expected: ['2026Q4'] },
    { name: 'not once it has opened by itself', periods: [q4], today: '2027-01-01', expected: [] },
  ])('$name', ({ periods, today, expected }) => {
    expect(quartersUnderWay(periods, today).map((p) => p.code)).toEqual(expected);
  });

  test('the section says when a quarter opens, and offers to open it early', () => {
    const text = textOf(renderCached(<EarlyEntrySection periods={[q3, q4]} today="2026-12-01" />));
    expect(text).toContain('Quarters still under way');
    expect(text).toContain(
      "2026Q4 opens for entry on January 1, 2027, the day after it ends. Until then agencies can't",
    );
    expect(text).toContain('Open 2026Q4 for entry early…');
    expect(text).not.toContain('2026Q3');
  });

  test('nothing is shown when every quarter in view has ended', () => {
    expect(renderCached(<EarlyEntrySection periods={[q3]} today="2026-12-01" />)).toBe('');
  });
});

describe('opening early asks first', () => {
  test('the confirm step says who it affects and that it is recorded', () => {
    const text = view(q4, true);
    expect(text).toContain('Open 2026Q4 for entry now, for every agency?');
    expect(text).toContain(
      "Every member agency's reporters will be able to enter, upload and submit their 2026Q4 counts",
    );
    expect(text).toContain(
      'You can close it again until January 1, 2027. This is recorded in the audit log.',
    );
    expect(text).toContain('Open 2026Q4 now');
    expect(text).toContain('Cancel');
    expect(text).not.toContain('Open 2026Q4 for entry early…');
  });

  test('a quarter opened early can be closed again, also after a confirm step', () => {
    expect(view(q4Early)).toContain('2026Q4 was opened for entry early');
    expect(view(q4Early)).toContain('Close 2026Q4 until January 1, 2027…');
    const text = view(q4Early, true);
    expect(text).toContain('Close 2026Q4 again until January 1, 2027?');
    expect(text).toContain('Drafts already saved are kept');
  });
});
