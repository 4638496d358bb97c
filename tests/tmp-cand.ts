import { readFileSync } from 'node:fs';
import { parseCommandText, stripLanguageFlags } from '../src/commands/input.js';
import { selectCandidates } from '../src/llm/candidates.js';
import { shippedStore } from './helpers/services.js';

const view = (await shippedStore()).current();
const g = JSON.parse(readFileSync('eval/golden.json', 'utf8'));
for (const c of g.cases) {
  const q = stripLanguageFlags(parseCommandText(c.question).raw);
  const ids = selectCandidates(view, q, { focusCountry: 'KR' }).map((f) => f.id);
  const miss = c.expectIds.filter((i: string) => !ids.includes(i));
  console.log(c.id, ids.length, miss.length ? 'MISSING ' + miss.join(',') : 'ok', ids.slice(0, 6).join(' '));
}
