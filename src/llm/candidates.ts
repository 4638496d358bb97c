import type { Category, Figure } from '../core/dataset/dataset-schema.js';
import type { DatasetView } from '../core/dataset/dataset-view.js';
import { derived } from '../core/dataset/derived.js';
import { isNewestForSubject } from '../core/dataset/editions.js';
import { stripInvisible } from '../core/escape.js';
import { keyOf, readTerms } from '../core/vocabulary/terms.js';

/**
 * The figures a question is about: its countries (else the focus country), the indices it names, and its topics
 * in either language. The model may cite only these, so the list is also the enum of its citations.
 */

const TOPICS: Record<Category, readonly string[]> = {
  talent: [
    'talent',
    'talents',
    '인재',
    '인력',
    'brain',
    'migration',
    '유출',
    '유입',
    '순유출',
    'workforce',
    'shortage',
    '부족',
    'skills',
    'researchers',
  ],
  investment: [
    'invest',
    'investment',
    'investments',
    '투자',
    '투자액',
    'vc',
    'venture',
    '벤처',
    'funding',
    'private',
    '민간',
    'money',
    '돈',
    'capital',
    'startups',
    '스타트업',
  ],
  compute: [
    'gpu',
    'gpus',
    'compute',
    'computing',
    '컴퓨팅',
    '연산',
    'nvidia',
    '엔비디아',
    'datacenter',
    '데이터센터',
    'stargate',
    '스타게이트',
    'dram',
    'hbm',
    'chips',
  ],
  sovereign_ai: [
    'sovereign',
    '독자',
    '소버린',
    'foundation',
    '파운데이션',
    '정예팀',
    'exaone',
    '엑사원',
    'upstage',
    '업스테이지',
    'lg',
    'skt',
    'naver',
    '네이버',
    'model',
    'models',
    '모델',
  ],
  policy: [
    'policy',
    '정책',
    'law',
    'act',
    '법',
    '기본법',
    'budget',
    '예산',
    'strategy',
    '전략',
    'committee',
    '위원회',
    'g3',
    '3대',
    'plan',
    '계획',
    'regulation',
    '규제',
  ],
  research: ['patent', 'patents', '특허', 'research', '연구', 'papers', '논문', 'notable', 'innovation'],
  ranking: [
    'rank',
    'ranks',
    'ranking',
    'rankings',
    '순위',
    'index',
    'indices',
    '지수',
    'competitiveness',
    '경쟁력',
    'position',
    '위상',
    'ranked',
  ],
};

export interface CandidateOptions {
  focusCountry: string;
  /** Figures an earlier turn of the same conversation used. */
  carryOver?: readonly string[];
  max?: number;
}

function topicsOf(words: readonly string[]): Set<Category> {
  const found = new Set<Category>();
  for (const word of words) {
    for (const [category, keys] of Object.entries(TOPICS) as [Category, readonly string[]][]) {
      if (keys.some((k) => word === k || (k.length >= 3 && word.startsWith(k)))) found.add(category);
    }
  }
  return found;
}

/** Words too common to say what a question is about. */
const STOP = new Set(
  (
    'the a an and or of in on at to for with from by is are was were be been does do did how what which who whom whose ' +
    'why when where than then that this these those it its as about into over under vs versus compared compare between ' +
    'ai korea korean much many more most less least tell me give show please can could would should will 어떻게 어떤 ' +
    '무엇 뭐 얼마나 얼마 비교 대한 관련 현황 알려줘 알려 주세요 설명 ai의 및 그리고'
  ).split(' '),
);

const PARTICLE = /(?:에서|에게|으로|보다|까지|부터|이나|하고|은|는|이|가|을|를|의|과|와|에|로|도|만|나|랑)$/u;
const ALL_TOPIC_WORDS = new Set(Object.values(TOPICS).flat());

/**
 * Question words: punctuation split off, and a Korean particle dropped where that leaves a word we know
 * ("한국과" → "한국", "유출은" → "유출"), but not otherwise ("국가" stays).
 */
function questionWords(question: string, view: DatasetView): { word: string; raw: string }[] {
  const raws = stripInvisible(question.normalize('NFKC'))
    .split(/[\s,.?!;:()[\]"'“”‘’/]+/u)
    .filter(Boolean);
  return raws.map((raw) => {
    const word = raw.toLocaleLowerCase('en-US');
    const bare = word.replace(PARTICLE, '');
    const known = (w: string) => ALL_TOPIC_WORDS.has(w) || readTerms([w], view)[0]?.kind !== 'unknown';
    return { word: bare !== word && bare.length >= 2 && !known(word) && known(bare) ? bare : word, raw };
  });
}

/** What a figure measures, whatever the country: its series, else its metric. */
function kindOf(f: Figure): string {
  return f.series ?? `${f.category}:${f.metric.en}`;
}

/** Per dataset version: figures grouped by metric text (few distinct texts), by kind, and their order. */
interface CandidateIndex {
  byMetric: Map<string, Figure[]>;
  byKind: Map<string, Figure[]>;
  noCountry: Figure[];
  position: Map<string, number>;
}

function candidateIndex(view: DatasetView): CandidateIndex {
  const byMetric = new Map<string, Figure[]>();
  const byKind = new Map<string, Figure[]>();
  const push = (map: Map<string, Figure[]>, key: string, f: Figure) => {
    const list = map.get(key);
    if (list) list.push(f);
    else map.set(key, [f]);
  };
  const figures = view.allFigures();
  const keys = new Map<string, string>();
  for (const f of figures) {
    const text = `${f.metric.en} ${f.metric.ko}`;
    let key = keys.get(text);
    if (key === undefined) {
      key = keyOf(text);
      keys.set(text, key);
    }
    push(byMetric, key, f);
    push(byKind, kindOf(f), f);
  }
  return {
    byMetric,
    byKind,
    noCountry: figures.filter((f) => !f.country),
    position: new Map(figures.map((f, i) => [f.id, i])),
  };
}

interface Query {
  named: string[];
  countries: Set<string>;
  indices: Set<string>;
  words: string[];
  topics: Set<Category>;
  carry: Set<string>;
}

function readQuestion(view: DatasetView, question: string, options: CandidateOptions): Query {
  // Two-letter codes count only when typed as codes ("KR", "US"), so English "in" and "it" are not countries.
  const tokens = questionWords(question, view).map(({ word, raw }) =>
    word.length <= 2 && raw !== raw.toUpperCase() ? `~${word}` : word,
  );
  const terms = readTerms(tokens, view);
  const named = terms.flatMap((t) => (t.kind === 'country' ? [t.code] : []));
  const words = terms
    .flatMap((t) => (t.kind === 'unknown' || t.kind === 'variant' ? [keyOf(t.text.replace(/^~/, ''))] : []))
    .filter((w) => w.length >= 2 && !STOP.has(w));
  return {
    named,
    countries: new Set([options.focusCountry, ...named]),
    indices: new Set(terms.flatMap((t) => (t.kind === 'index' ? [t.id] : []))),
    words,
    topics: topicsOf(words),
    carry: new Set(options.carryOver ?? []),
  };
}

/**
 * Every figure that can score: carried ones and their kind for named countries, the named indices' editions,
 * figures whose metric holds a question word, and the topics' figures of the countries in play. Others score
 * nothing (or lose more for their country than a topic alone gives), so they need not be looked at.
 */
function pool(view: DatasetView, index: CandidateIndex, q: Query): Set<Figure> {
  const out = new Set<Figure>();
  const add = (list: readonly Figure[] | undefined) => {
    for (const f of list ?? []) out.add(f);
  };
  for (const id of q.carry) {
    const f = view.figure(id);
    if (f) add(index.byKind.get(kindOf(f)));
  }
  for (const indexId of q.indices) for (const s of view.editions(indexId)) add(view.observations(s.id));
  for (const [key, list] of index.byMetric) if (q.words.some((w) => key.includes(w))) add(list);
  if (q.topics.size > 0) {
    for (const code of q.countries) add(view.byCountry(code).filter((f) => q.topics.has(f.category)));
    add(index.noCountry.filter((f) => q.topics.has(f.category)));
  }
  return out;
}

export function selectCandidates(view: DatasetView, question: string, options: CandidateOptions): Figure[] {
  const index = derived(view, 'candidate-index', candidateIndex);
  const q = readQuestion(view, question, options);
  const carriedKinds = new Set(
    [...q.carry].flatMap((id) => (view.figure(id) ? [kindOf(view.figure(id) as Figure)] : [])),
  );
  const score = (f: Figure): number => {
    let s = q.carry.has(f.id) ? 4 : 0;
    // "And Japan?" after a question about Korea's talent flows: the same measures, for the country now named.
    if (!q.carry.has(f.id) && carriedKinds.has(kindOf(f)) && f.country && q.named.includes(f.country)) s += 3;
    const series = f.series ? view.series(f.series) : undefined;
    if (series?.index && q.indices.has(series.index)) s += 4;
    if (q.topics.has(f.category)) s += 3;
    const text = keyOf(`${f.metric.en} ${f.metric.ko}`);
    s += q.words.filter((w) => text.includes(w)).length;
    if (s === 0) return 0;
    if (f.country && q.countries.has(f.country)) s += q.named.length > 0 && q.named.includes(f.country) ? 3 : 2;
    else if (f.country) s -= 2;
    if (series?.tier === 'headline') s += 1;
    if (f.confidence === 'low') s -= 1;
    // An updated figure or an older edition of one answers "what was", not "what is": the newest comes first.
    if (!isNewestForSubject(view, f)) s -= 2;
    return s;
  };
  const position = (f: Figure) => index.position.get(f.id) ?? 0;
  return [...pool(view, index, q)]
    .map((f) => ({ f, s: score(f) }))
    .filter((x) => x.s >= 3)
    .sort((a, b) => b.s - a.s || position(a.f) - position(b.f))
    .slice(0, options.max ?? 24)
    .map((x) => x.f);
}
