/**
 * The guard's word lists, kept as plain text in `data/pii/` so the coalition can add a name or a
 * place without touching code: one entry a line, `#` starts a comment. Entries are normalised the
 * way scanned text is, so "Nguyễn" in a list matches "NGUYEN" in an explanation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tokenize } from './text';

const dataDir = resolve(import.meta.dirname, '../../../data/pii');

/** Each entry of a list file as the lower-case words of its tokens. */
function readEntries(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => (line.split('#')[0] ?? '').trim())
    .filter((line) => line !== '')
    .map((line) =>
      tokenize(line)
        .filter((t) => t.kind === 'word')
        .map((t) => t.lower),
    );
}

const readWords = (path: string) => new Set(readEntries(path).flat());

/** Given and family names across the languages spoken in Santa Clara and San Benito counties. */
export const personNames: ReadonlySet<string> = new Set(
  readdirSync(join(dataDir, 'names'))
    .filter((file) => file.endsWith('.txt'))
    .flatMap((file) => [...readWords(join(dataDir, 'names', file))]),
);

/** Names that are also ordinary words, months or places ("may", "grace", "jordan"): a name only in a name's company. */
export const everydayWords: ReadonlySet<string> = readWords(join(dataDir, 'everyday-words.txt'));

/** Words of ordinary reporting sentences, never part of a name or a street's name ("referrals", "from"). */
export const sentenceWords: ReadonlySet<string> = readWords(join(dataDir, 'sentence-words.txt'));

/** Words that end an organisation's name ("Center", "Services"): "Bill Wilson Center" names no person. */
export const organisationWords: ReadonlySet<string> = readWords(join(dataDir, 'organisation-words.txt'));

/** Places and organisations whose words include names ("San Jose", "Morgan Hill"), by their first word. */
export const placePhrases: ReadonlyMap<string, string[][]> = (() => {
  const byFirstWord = new Map<string, string[][]>();
  for (const words of readEntries(join(dataDir, 'places.txt'))) {
    const first = words[0];
    if (first === undefined) continue;
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), words]);
  }
  return byFirstWord;
})();
