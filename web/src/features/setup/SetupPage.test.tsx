import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import type { SetupProblems } from './mutations';
import type { SetupFormOptions } from './queries';
import { SetupForm } from './SetupPage';

// Renders the form to HTML as the server's answer left it, and reads the markup.

const options: SetupFormOptions = {
  states: [
    {
      code: 'CA',
      name: 'California',
      counties: [
        { fips: '06069', name: 'San Benito County', code: 'SBN' },
        { fips: '06085', name: 'Santa Clara County', code: 'SCL' },
      ],
    },
  ],
  timeZones: [
    { zone: 'America/Los_Angeles', name: 'Pacific time (Los Angeles)' },
    { zone: 'America/New_York', name: 'Eastern time (New York)' },
  ],
  defaults: {
    timeZone: 'America/Los_Angeles',
    deadlineDays: 30,
    firstPeriod: '2027Q1',
    adminTwoFactor: 'required',
  },
  earliestFirstPeriod: '2026Q2',
  latestFirstPeriod: '2027Q1',
};

function render(problems: SetupProblems = {}, email: string | null = null) {
  return renderToStaticMarkup(
    <SetupForm
      options={options}
      email={email}
      problems={problems}
      failure={null}
      pending={false}
      onSubmit={() => {}}
    />,
  );
}

describe('the set-up form', () => {
  test('starts from the defaults, with no county chosen for the coalition', () => {
    const html = render();
    expect(html).not.toMatch(/type="checkbox"[^>]*checked/);
    expect(html).toContain('No county chosen yet.');
    expect(html).toMatch(/<option value="America\/Los_Angeles" selected="">Pacific time/);
    expect(html).toMatch(/<option value="2027Q1" selected="">/);
    // Four quarters to choose from, newest first.
    expect(html.match(/<option value="20\d\dQ\d"/g)).toEqual([
      '<option value="2027Q1"',
      '<option value="2026Q4"',
      '<option value="2026Q3"',
      '<option value="2026Q2"',
    ]);
    expect(html).toMatch(/id="setup-two-factor-required"[^>]*checked/);
    expect(html).toContain('At least 12 characters');
    expect(html).not.toContain('aria-invalid');
  });

  test('shows each problem the server found by its field, and marks the field', () => {
    const html = render({
      password: 'Use at least 12 characters.',
      counties: 'Choose at least one county your coalition serves.',
    });
    expect(html).toContain('Some answers need another look');
    const password = html.match(/<p class="setup__problem" id="([^"]+)">Use at least 12 characters\.<\/p>/);
    expect(password).not.toBeNull();
    expect(html).toMatch(
      new RegExp(
        `<input[^>]*aria-invalid="true"[^>]*aria-describedby="${password?.[1]}[^"]*"[^>]*type="password"`,
      ),
    );
    expect(html).toContain('Choose at least one county your coalition serves.');
    expect(html).toMatch(/<fieldset[^>]*aria-describedby="setup-counties-problem"/);
  });

  test('keeps the email a link was made for', () => {
    const html = render({}, 'rosa@cvcat.example');
    expect(html).toMatch(/<input[^>]*type="email" readOnly=""[^>]*value="rosa@cvcat.example"/);
    expect(html).toContain('This link was made for this address.');
  });
});
