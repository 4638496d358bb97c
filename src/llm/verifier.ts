/**
 * The gate between the model and the reader. The model may only write words; every number it wants to state is
 * a placeholder naming a cited figure, filled from the dataset afterwards. A sentence is dropped if it cites
 * nothing, cites or names a figure outside the candidates, uses a placeholder for a figure it does not cite, or
 * has a digit or a number word anywhere outside its placeholders.
 */

export interface ModelSentence {
  text: string;
  cites: string[];
}

export interface ModelAnswer {
  answerable: boolean;
  sentences: ModelSentence[];
}

export type Rejection =
  | 'no_cites'
  | 'unknown_cite'
  | 'unknown_placeholder'
  | 'placeholder_not_cited'
  | 'bad_placeholder'
  | 'number_outside_placeholder'
  | 'number_word'
  | 'prompt_echo';

export interface Verified {
  kept: ModelSentence[];
  rejected: { sentence: ModelSentence; reason: Rejection; detail: string }[];
}

export const PLACEHOLDER = /\{\{\s*(fig|rank|period)\s*:\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Any decimal digit in any script (ASCII, full-width, Arabic-Indic …). */
const DIGIT = /\p{Nd}/u;

const EN_NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
  'hundred',
  'hundreds',
  'thousand',
  'thousands',
  'million',
  'millions',
  'billion',
  'billions',
  'trillion',
  'trillions',
  'dozen',
  'dozens',
  'half',
  'halves',
  'quarter',
  'quarters',
  'twice',
  'thrice',
  'double',
  'doubled',
  'triple',
  'tripled',
  'quadruple',
  'first',
  'second',
  'third',
  'thirds',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'twentieth',
  'hundredth',
  'percent',
  'percentage',
  'fold',
  'tenfold',
  'hundredfold',
];

/** Korean numerals, multipliers and counted amounts, matched inside words (particles attach to them). */
const KO_NUMBER_PATTERNS = [
  '[일이삼사오육칠팔구십백천만억조]\\s*배',
  '(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\\s*(?:배|번째|째|가지|개국|명|곳|개)',
  '수\\s*[십백천만억조]',
  '몇\\s*[십백천만억조]',
  '절반',
  '반절',
  '곱절',
  '(?:하나(?!은행)|둘(?!러)|셋|넷(?!플릭스)|다섯|여섯|일곱|여덟|아홉|스물|서른|마흔|예순|일흔|여든|아흔)',
  '(?:백|천|만|억|조)\\s*(?:개|명|원|달러|위|건|대|장)',
  '퍼센트',
  // Ordinals and places: "일등", "삼위", "첫 번째", "둘째" say a rank as surely as "1위" does.
  // No space allowed: "이 위원회", "이 위험" are "this committee", "this risk".
  '(?<![가-힣])[일이삼사오육칠팔구십](?:등|위)',
  '첫\\s*(?:번\\s*)?째',
  '(?:둘|셋|넷)째',
  '(?<![가-힣])배(?:\\s*이상|\\s*이하|\\s*가까이)?(?![가-힣])',
];

const EN_WORDS = new RegExp(`\\b(?:${EN_NUMBER_WORDS.join('|')})\\b`, 'i');
const KO_WORDS = new RegExp(KO_NUMBER_PATTERNS.join('|'), 'u');

/** The sentence with its well-formed placeholders removed: what the model wrote itself. */
export function ownWords(text: string): string {
  return text.replace(PLACEHOLDER, ' ');
}

/**
 * Words from our own prompt's frame: a sentence about the figures never needs them, and a model that was talked
 * into revealing its instructions uses them.
 */
const PROMPT_ECHO =
  /<<<|>>>|\b(?:DATA|QUESTION)\s+block\b|\bsystem\s+prompt\b|시스템\s*프롬프트|\bplaceholders?\b|플레이스홀더/i;

/** The first number word (English or Korean) in a text, if any. */
export function findNumberWord(text: string): string | undefined {
  return (text.match(EN_WORDS) ?? text.match(KO_WORDS))?.[0];
}

function check(sentence: ModelSentence, candidates: ReadonlySet<string>): { reason: Rejection; detail: string } | null {
  if (sentence.cites.length === 0) return { reason: 'no_cites', detail: '' };
  const unknown = sentence.cites.find((id) => !candidates.has(id));
  if (unknown) return { reason: 'unknown_cite', detail: unknown };
  for (const [, , id] of sentence.text.matchAll(PLACEHOLDER)) {
    if (!id || !candidates.has(id)) return { reason: 'unknown_placeholder', detail: id ?? '' };
    if (!sentence.cites.includes(id)) return { reason: 'placeholder_not_cited', detail: id };
  }
  const own = ownWords(sentence.text);
  if (/\{\{|\}\}/.test(own)) return { reason: 'bad_placeholder', detail: own.match(/\{\{[^}]*\}?\}?/)?.[0] ?? '' };
  const digit = own.match(DIGIT);
  if (digit) return { reason: 'number_outside_placeholder', detail: digit[0] };
  const word = findNumberWord(own);
  if (word) return { reason: 'number_word', detail: word };
  const echo = own.match(PROMPT_ECHO);
  if (echo) return { reason: 'prompt_echo', detail: echo[0] };
  return null;
}

export function verifyAnswer(answer: ModelAnswer, candidateIds: readonly string[]): Verified {
  const candidates = new Set(candidateIds);
  const result: Verified = { kept: [], rejected: [] };
  for (const sentence of answer.sentences) {
    const problem = check(sentence, candidates);
    if (problem) result.rejected.push({ sentence, ...problem });
    else result.kept.push(sentence);
  }
  return result;
}
