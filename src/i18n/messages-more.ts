/** Charts, /ai-invest, /sovereign-ai, /ai-compare, /ai-timeline and App Home strings (merged into messages.ts). */
const ko = {
  chartSource: (sources: string) => `출처: ${sources}`,
  chartBarAlt: (title: string, rows: string) => `막대 그래프: ${title}. ${rows}`,
  chartLineAlt: (title: string, rows: string) => `꺾은선 그래프: ${title}. ${rows}`,
  chartSaved: (path: string) => `📊 차트를 저장했습니다: ${path}`,
  chartTitle: '📊 차트',
  chartNone: '이 답에는 그릴 수 있는 차트가 (더) 없습니다. 위 텍스트 막대를 참고하세요.',
  investTitle: (year: string) => `AI 민간 투자 — ${year}년`,
  investScope: (shown: string) => `상위 10개국과 ${shown}`,
  investColumnAmount: '투자액',
  investFocusLine: (country: string) => `${country}`,
  investNoCountry: (country: string, year: string) => `${country}: ${year}년 수치가 데이터셋에 없습니다.`,
  investMultiplesTitle: '배수 — 데이터의 두 수치로 계산',
  investMultiple: (a: string, b: string, times: string, av: string, bv: string) =>
    `• ${a} ÷ ${b}: *${times}배* (${av} ÷ ${bv})`,
  investRecordedTitle: '데이터셋에 기록된 배수',
  investClaimTitle: '주장 점검',
  investClaim: (claim: string, measured: string, period: string) =>
    `• 기사 주장: “${claim}” ↔ 측정치: *${measured}배* (${period}, 데이터의 두 수치로 계산)`,
  investClaimNoMeasure: (claim: string) => `• 기사 주장: “${claim}” — 같은 해의 측정치가 데이터셋에 없습니다.`,
  investTrendTitle: (country: string) => `${country}의 연도별 민간 AI 투자`,
  investTrendChart: (names: string) => `연도별 민간 AI 투자: ${names}`,
  investOtherTitle: (country: string) => `${country}의 그 밖의 투자 지표`,
  investUnknownYear: (year: string, years: string) =>
    `${year}년 민간 투자 수치는 데이터셋에 없습니다. 있는 연도: ${years}`,
  investTooMany: (max: number) => `국가는 한 번에 ${max}개까지 지정할 수 있습니다.`,
  investFooter: '`/ai-invest 2023`처럼 연도를, `/ai-invest 미국 일본`처럼 국가를 지정할 수 있습니다.',
};

const en: typeof ko = {
  chartSource: (sources) => `Source: ${sources}`,
  chartBarAlt: (title, rows) => `Bar chart: ${title}. ${rows}`,
  chartLineAlt: (title, rows) => `Line chart: ${title}. ${rows}`,
  chartSaved: (path) => `📊 Chart saved: ${path}`,
  chartTitle: '📊 Chart',
  chartNone: 'This answer has no (further) chart that could be drawn; see the text bars above.',
  investTitle: (year) => `Private AI investment — ${year}`,
  investScope: (shown) => `top 10 countries and ${shown}`,
  investColumnAmount: 'amount',
  investFocusLine: (country) => `${country}`,
  investNoCountry: (country, year) => `${country}: the dataset holds no figure for ${year}.`,
  investMultiplesTitle: 'Multiples — computed from two figures in the data',
  investMultiple: (a, b, times, av, bv) => `• ${a} ÷ ${b}: *${times}×* (${av} ÷ ${bv})`,
  investRecordedTitle: 'Multiples recorded in the dataset',
  investClaimTitle: 'Claim check',
  investClaim: (claim, measured, period) =>
    `• Article claim: “${claim}” ↔ measured: *${measured}×* (${period}, computed from two figures in the data)`,
  investClaimNoMeasure: (claim) => `• Article claim: “${claim}” — the dataset holds no measurement for that year.`,
  investTrendTitle: (country) => `${country}: private AI investment by year`,
  investTrendChart: (names) => `Private AI investment by year: ${names}`,
  investOtherTitle: (country) => `${country}: other investment figures`,
  investUnknownYear: (year, years) =>
    `The dataset holds no private investment figures for ${year}. Years held: ${years}`,
  investTooMany: (max) => `At most ${max} countries can be named at once.`,
  investFooter: 'Name a year (`/ai-invest 2023`) or countries (`/ai-invest us japan`).',
};

export const moreMessages = { ko, en };
