import { describe, expect, test } from 'vitest';
import { renderCached } from '../../testing';
import { RecoveryCodes } from './RecoveryCodes';
import { CodeStep, EnrollStep } from './SecondStep';
import { groupedSecret, TwoFactorSetupFields } from './TwoFactorSetupFields';

// The sign-in page's second step as it first appears, rendered to HTML.

const startOver = () => undefined;

describe('the code step', () => {
  test('asks for the 6-digit code as a one-time code, with the numeric keypad on phones', () => {
    const html = renderCached(<CodeStep onStartOver={startOver} />);
    expect(html).toContain('Enter the code from your app');
    expect(html).toMatch(/<label for="second-step-code">6-digit code<\/label>/);
    expect(html).toMatch(
      /<input id="second-step-code"[^>]*autoComplete="one-time-code"[^>]*inputMode="numeric"/,
    );
    expect(html).toContain('>Use a recovery code instead</button>');
  });

  test('offers a recovery code instead, typed as letters without the numeric keypad', () => {
    const html = renderCached(<CodeStep onStartOver={startOver} recovery />);
    expect(html).toMatch(/<label for="second-step-code">Recovery code<\/label>/);
    expect(html).not.toContain('inputMode="numeric"');
    expect(html).toContain('>Use a code from your app instead</button>');
  });
});

describe('setting up two-factor at sign-in', () => {
  test('starts with what it is and one button', () => {
    const html = renderCached(<EnrollStep onStartOver={startOver} />);
    expect(html).toContain('Set up two-factor sign-in</h2>');
    expect(html).toContain('Your coalition asks admins to sign in with a second step');
    expect(html).toMatch(/<button type="button" class="button"[^>]*>Set up two-factor sign-in<\/button>/);
  });

  test('shows the QR code with words, the secret as text to type, and a code field', () => {
    const html = renderCached(
      <TwoFactorSetupFields
        setup={{
          secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
          otpauthUri: 'otpauth://totp/x',
          qrCodeSvg: '<svg></svg>',
        }}
        idPrefix="enroll"
        pending={false}
        error={null}
        onConfirm={() => undefined}
      />,
    );
    expect(html).toMatch(
      /<img[^>]*src="data:image\/svg\+xml;charset=utf-8,%3Csvg%3E%3C%2Fsvg%3E"[^>]*alt="QR code holding your two-factor secret for Scope"/,
    );
    expect(html).toContain('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(html).toMatch(/<label for="enroll-code">Code from your app<\/label>/);
    expect(html).toContain('autoComplete="one-time-code"');
  });

  test('the recovery codes are listed with what they are for', () => {
    const codes = ['7KQ2-M9XD-4TPA', 'ACDE-FGHJ-KMNP'];
    const html = renderCached(<RecoveryCodes codes={codes} headingId="codes" />);
    expect(html).toContain('<h2 id="codes">Your recovery codes</h2>');
    for (const code of codes) expect(html).toContain(`<code>${code}</code>`);
    expect(html).toContain('Scope shows them only now');
  });
});

test.each([
  ['ABCDEFGH', 'ABCD EFGH'],
  ['ABCDEF', 'ABCD EF'],
  ['', ''],
])('the secret %s is shown as "%s"', (secret, shown) => {
  expect(groupedSecret(secret)).toBe(shown);
});
