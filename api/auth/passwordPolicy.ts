/**
 * What a new password must be, after NIST SP 800-63B: long enough, not one of the passwords people
 * most often choose (and attackers try first), and not the person's own email or name. No rules about
 * symbols or digits, which push people to predictable patterns. No HTTP here.
 */
import { dictionary } from '@zxcvbn-ts/language-common';

export const passwordMinLength = 12;
export const passwordMaxLength = 256;

let common: ReadonlySet<string> | undefined;
/** About 50,000 passwords seen most often in breaches, lower-cased; read once, when first needed. */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** Why this password may not be used, in words a person can act on; null when it may. */
export function passwordProblem(
  password: string,
  person: { email?: string; name?: string } = {},
): string | null {
  if (password.length < passwordMinLength)
    return `Use at least ${passwordMinLength} characters. A few ordinary words together are easy to remember and hard to guess.`;
  if (password.length > passwordMaxLength) return `Use at most ${passwordMaxLength} characters.`;
  const lower = password.toLowerCase();
  const squeezed = lower.replace(/[^a-z0-9]/g, '');
  if (commonPasswords().has(lower) || commonPasswords().has(squeezed) || /^(.)\1+$/.test(lower))
    return 'That password is one people choose often, so it is among the first an attacker tries. Choose another.';
  const local = person.email?.split('@')[0]?.toLowerCase();
  const own = [person.email?.toLowerCase(), local, person.name?.toLowerCase()].filter(
    (part): part is string => part !== undefined && part.length >= 4,
  );
  if (own.some((part) => lower.includes(part)))
    return 'Don’t use your email address or name in your password: they are the first things tried.';
  if (/^(scope|scopescope)/.test(squeezed) && squeezed.length < 16)
    return 'Don’t build your password from the word “Scope”: it is the first thing tried here.';
  return null;
}
