import { langs, type Lang } from './lang';
import { isPlural, pluralCategories, type Message } from './message';

/*
 * What the i18n tests assert about any set of dictionaries (the screens' and the documents'):
 * the same keys in every language, no empty message, the same placeholders, and a plural
 * message with exactly the forms its language's plural rules use. Each problem is one line.
 */
const forms = (m: Message): string[] => (isPlural(m) ? [m.other, ...(m.one === undefined ? [] : [m.one])] : [m]);
const placeholders = (m: Message) =>
  [...new Set(forms(m).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!)))].sort().join();

export function dictionaryProblems(dictionaries: Readonly<Record<Lang, Readonly<Record<string, Message>>>>): string[] {
  const problems: string[] = [];
  const all = new Set(langs.flatMap((l) => Object.keys(dictionaries[l])));
  for (const key of [...all].sort()) {
    const present = langs.filter((l) => dictionaries[l][key] !== undefined);
    for (const l of langs) if (!present.includes(l)) problems.push(`${key}: missing in ${l}`);
    if (present.length < langs.length) continue;
    const messages = langs.map((l) => [l, dictionaries[l][key]!] as const);
    for (const [l, m] of messages) {
      if (forms(m).some((s) => s.trim() === '')) problems.push(`${key}: empty in ${l}`);
      if (isPlural(m)) {
        const want = [...pluralCategories(l)].sort().join();
        const have = ['other', ...(m.one === undefined ? [] : ['one'])].sort().join();
        if (want !== have) problems.push(`${key}: ${l} plural forms are [${have}], the language has [${want}]`);
      }
    }
    if (new Set(messages.map(([, m]) => isPlural(m))).size > 1) problems.push(`${key}: plural in one language only`);
    if (new Set(messages.map(([, m]) => placeholders(m))).size > 1) problems.push(`${key}: placeholders differ`);
  }
  return problems;
}
