import type { Locale } from './locale.js';
import { briefMessages } from './messages-brief.js';
import { currencyMessages } from './messages-currency.js';
import { dataMessages } from './messages-data.js';
import { digestMessages } from './messages-digest.js';
import { moreMessages } from './messages-more.js';
import { prefsMessages } from './messages-prefs.js';
import { safetyMessages } from './messages-safety.js';

/**
 * Every user-facing string, in Korean and English, as Slack mrkdwn (so a literal < is written &lt;).
 * Parameters arrive already escaped where they came from data or users; the catalog holds no data values.
 */
const ko = {
  source: '출처',
  sources: '출처',
  noData: '데이터 없음',
  confidenceMedium: '신뢰도 중간',
  confidenceLow: '신뢰도 낮음',
  derived: '산출값',
  rankVerifiedScoreDerived: '순위 검증·점수 산출',
  unverifiedClaim: '미검증(기사 주장)',
  enteredByAdmin: '관리자 입력',
  datasetLine: (version: number, date: string) => `데이터셋 v${version} · ${date} 갱신`,
  continued: (part: number, total: number) => `(계속 ${part}/${total})`,
  shortened: '_Slack 메시지 길이 제한으로 일부를 생략했습니다._',
  shareButton: '채널에 공유',
  sharedBy: (user: string) => `<@${user}>님이 공유했습니다`,
  shareDone: '채널에 공유했습니다.',
  shareNotInChannel:
    '봇이 이 채널의 멤버가 아니어서 공유하지 못했습니다. 채널에서 `/invite @AI Policy Brief`로 봇을 초대한 뒤 다시 눌러 주세요.',
  shareChannelNotFound:
    '이 대화에는 봇이 글을 올릴 수 없습니다. 비공개 채널이면 먼저 봇을 초대하세요. 다른 사람과의 DM에는 공유할 수 없습니다.',
  shareArchived: '보관된 채널에는 공유할 수 없습니다.',
  shareRestricted: '워크스페이스 정책상 봇이 이 채널에 글을 올릴 수 없습니다. 워크스페이스 관리자에게 문의하세요.',
  shareRateLimited: 'Slack이 잠시 요청을 제한하고 있습니다. 몇 초 뒤 다시 눌러 주세요.',
  shareFailed: (code: string) => `채널에 공유하지 못했습니다(${code}). 잠시 후 다시 시도해 주세요.`,
  shareExpired: '이 버튼은 더 이상 사용할 수 없습니다. 명령을 다시 실행해 주세요.',
  unexpected: (ref: string) => `처리 중 문제가 발생했습니다. 잠시 후 다시 시도해 주세요. (참조 번호 ${ref})`,
  unknownTerm: (term: string) => `‘${term}’을(를) 알아듣지 못했습니다.`,
  didYouMean: (options: string) => `혹시 이것인가요? ${options}`,
  available: (options: string) => `사용할 수 있는 값: ${options}`,
  tooManyWords: (max: number) => `입력이 너무 깁니다. 단어 ${max}개 이하로 입력해 주세요.`,
  usage: '사용법',
  examples: '예시',
  helpHint: '`/ai-help`로 전체 사용법을 볼 수 있습니다.',
  focus: '기준 국가',
  // /ai-rank
  rankOverviewTitle: (country: string) => `${country}의 AI 경쟁력 순위`,
  rankOverviewIntro: (count: number, details: number) => `주요 지수 ${count}개 판 · 세부 순위 ${details}개`,
  rankOverviewYear: (year: string) => `${year}년판 지수만 표시`,
  rankChangeUp: (steps: number, edition: string, previous: string) => `▲${steps}계단(${edition} ${previous}에서)`,
  rankChangeDown: (steps: number, edition: string, previous: string) => `▼${steps}계단(${edition} ${previous}에서)`,
  rankChangeSame: (edition: string) => `${edition}과 같은 순위`,
  rankDetails: '세부 순위',
  rankNone: (country: string) => `데이터셋에 ${country}의 지수 순위가 없습니다.`,
  rankNoEditionsForYear: (year: string, years: string) => `${year}년판 지수가 없습니다. 있는 판: ${years}`,
  rankTableTitle: (series: string) => `${series} 순위`,
  rankTableScope: (top: number, countries: string) => `상위 ${top}위와 ${countries}`,
  rankTableScoresMissing: '점수가 공개되지 않은 항목은 순위만 표시합니다.',
  rankTableNoScores: '이 판은 점수가 공개되지 않아 순위만 표시합니다.',
  rankNotInSeries: (country: string) => `${country}: 이 지수에 데이터 없음`,
  rankInOtherEdition: (country: string, edition: string) => `${country}: 이 판에는 없고 ${edition}에 있습니다.`,
  rankGaps: (gaps: string, scope: string) => `빠진 순위(${gaps}위 등)는 ${scope} 중 데이터셋에 없는 나라입니다.`,
  rankOtherEditions: (list: string) => `다른 판: ${list}`,
  rankOtherVariants: (list: string) => `부문별 순위: ${list}`,
  rankFooter: '`/ai-rank &lt;지수&gt;`로 순위표를, `/ai-rank &lt;국가&gt;`로 다른 나라를 볼 수 있습니다.',
  rankEditionNotFound: (index: string, year: string, years: string) =>
    `${index}에는 ${year}년판이 없습니다. 있는 판: ${years}`,
  rankOneCountry: '`/ai-rank`는 한 번에 한 나라만 볼 수 있습니다.',
  rankOneIndex: '`/ai-rank`는 한 번에 한 지수만 볼 수 있습니다.',
  rankVariantWithoutIndex: (variant: string) =>
    `‘${variant}’ 부문을 보려면 지수도 함께 적어 주세요. 예: /ai-rank ceti ${variant}`,
  rankColumnRank: '순위',
  rankColumnCountry: '국가',
  rankColumnScore: '점수',
  // /talent-gap
  talentTitle: (country: string) => `${country}의 AI 인재 현황`,
  talentCompareTitle: (countries: string) => `AI 인재 비교: ${countries}`,
  talentMigration: 'AI 인재 순유출입',
  talentConcentration: 'AI 인재 집중도',
  talentSupply: 'AI 인력 수급',
  talentPolicy: '인재 정책',
  talentRelatedFlows: '관련 인재 흐름',
  talentDifferentBases: '서로 다른 기준·출처의 추정치이므로 직접 비교하지 마세요.',
  talentPeers: '비교 국가',
  talentTooManyCountries: (max: number) => `한 번에 ${max}개국까지 비교할 수 있습니다.`,
  talentFooter: '`/talent-gap &lt;국가&gt; [&lt;국가&gt;…]`로 다른 나라와 비교할 수 있습니다.',
  // /ai-help
  helpTitle: 'AI Policy Brief 사용법',
  helpIntro:
    '국가 AI 경쟁력 지표를 출처와 함께 알려 드립니다. 모든 답은 기본적으로 나에게만 보이며, ‘채널에 공유’ 버튼으로 채널에 올릴 수 있습니다.',
  helpLanguage:
    '언어: 명령 뒤에 `--en` 또는 `--ko`(또는 `lang:en`)를 붙이세요. 늘 영어로 받으려면 `/ai-lang en`. 기본 언어는 한국어입니다.',
  helpCommandTitle: (command: string) => `${command} 사용법`,
};

type Catalog = typeof ko &
  typeof digestMessages.ko &
  typeof dataMessages.ko &
  typeof briefMessages.ko &
  typeof moreMessages.ko &
  typeof prefsMessages.ko &
  typeof safetyMessages.ko &
  typeof currencyMessages.ko;

const en: typeof ko = {
  source: 'Source',
  sources: 'Sources',
  noData: 'no data',
  confidenceMedium: 'medium confidence',
  confidenceLow: 'low confidence',
  derived: 'derived',
  rankVerifiedScoreDerived: 'rank verified, score derived',
  unverifiedClaim: 'unverified (article claim)',
  enteredByAdmin: 'entered by an admin',
  datasetLine: (version, date) => `Dataset v${version} · updated ${date}`,
  continued: (part, total) => `(continued ${part}/${total})`,
  shortened: "_Shortened to fit Slack's message limits._",
  shareButton: 'Share to channel',
  sharedBy: (user) => `Shared by <@${user}>`,
  shareDone: 'Shared to the channel.',
  shareNotInChannel:
    'I could not share this because the bot is not a member of this channel. Invite it with `/invite @AI Policy Brief`, then press the button again.',
  shareChannelNotFound:
    'The bot cannot post in this conversation. For a private channel, invite the bot first; direct messages with other people cannot be shared to.',
  shareArchived: 'This channel is archived, so nothing can be shared to it.',
  shareRestricted: 'A workspace policy stops the bot from posting in this channel. Please ask a workspace admin.',
  shareRateLimited: 'Slack is rate-limiting requests right now. Please press the button again in a few seconds.',
  shareFailed: (code) => `Could not share to the channel (${code}). Please try again shortly.`,
  shareExpired: 'This button can no longer be used. Please run the command again.',
  unexpected: (ref) => `Something went wrong on our side. Please try again shortly. (reference ${ref})`,
  unknownTerm: (term) => `I did not recognise “${term}”.`,
  didYouMean: (options) => `Did you mean: ${options}?`,
  available: (options) => `Available: ${options}`,
  tooManyWords: (max) => `That is too long. Please use at most ${max} words.`,
  usage: 'Usage',
  examples: 'Examples',
  helpHint: 'Type `/ai-help` for all commands.',
  focus: 'focus country',
  rankOverviewTitle: (country) => `${country}: AI competitiveness rankings`,
  rankOverviewIntro: (count, details) => `${count} index editions · ${details} sub-rankings`,
  rankOverviewYear: (year) => `Only ${year} editions`,
  rankChangeUp: (steps, edition, previous) => `▲${steps} from ${previous} in the ${edition}`,
  rankChangeDown: (steps, edition, previous) => `▼${steps} from ${previous} in the ${edition}`,
  rankChangeSame: (edition) => `same rank as the ${edition}`,
  rankDetails: 'Sub-rankings',
  rankNone: (country) => `The dataset holds no index rankings for ${country}.`,
  rankNoEditionsForYear: (year, years) => `No index edition for ${year}. Editions held: ${years}`,
  rankTableTitle: (series) => `${series}: ranking`,
  rankTableScope: (top, countries) => `Top ${top} and ${countries}`,
  rankTableScoresMissing: 'Entries without a published score show their rank only.',
  rankTableNoScores: 'This edition publishes ranks without scores.',
  rankNotInSeries: (country) => `${country}: no data in this index`,
  rankInOtherEdition: (country, edition) => `${country}: not in this edition; ranked in ${edition}.`,
  rankGaps: (gaps, scope) => `Missing ranks (${gaps} …) are countries in ${scope} that the dataset does not hold.`,
  rankOtherEditions: (list) => `Other editions: ${list}`,
  rankOtherVariants: (list) => `Rankings by sector or pillar: ${list}`,
  rankFooter: 'Use `/ai-rank &lt;index&gt;` for a ranking table and `/ai-rank &lt;country&gt;` for another country.',
  rankEditionNotFound: (index, year, years) => `${index} has no ${year} edition. Editions held: ${years}`,
  rankOneCountry: '`/ai-rank` shows one country at a time.',
  rankOneIndex: '`/ai-rank` shows one index at a time.',
  rankVariantWithoutIndex: (variant) => `Name an index to see its “${variant}” ranking, e.g. /ai-rank ceti ${variant}`,
  rankColumnRank: 'Rank',
  rankColumnCountry: 'Country',
  rankColumnScore: 'Score',
  talentTitle: (country) => `${country}: AI talent position`,
  talentCompareTitle: (countries) => `AI talent compared: ${countries}`,
  talentMigration: 'Net AI talent migration',
  talentConcentration: 'AI talent concentration',
  talentSupply: 'AI workforce supply and shortage',
  talentPolicy: 'Talent policy',
  talentRelatedFlows: 'Related talent flows',
  talentDifferentBases: 'These estimates use different bases and sources; do not compare them directly.',
  talentPeers: 'Peers',
  talentTooManyCountries: (max) => `At most ${max} countries can be compared at once.`,
  talentFooter: 'Use `/talent-gap &lt;country&gt; [&lt;country&gt;…]` to compare with other countries.',
  helpTitle: 'How to use AI Policy Brief',
  helpIntro:
    'National AI competitiveness figures, each with its source. Answers are visible only to you; the “Share to channel” button posts them to the channel.',
  helpLanguage:
    'Language: add `--en` or `--ko` (or `lang:en`) to any command, or keep English for yourself with `/ai-lang en`. Korean is the default.',
  helpCommandTitle: (command) => `How to use ${command}`,
};

const catalogs: Record<Locale, Catalog> = {
  ko: {
    ...ko,
    ...digestMessages.ko,
    ...dataMessages.ko,
    ...briefMessages.ko,
    ...moreMessages.ko,
    ...prefsMessages.ko,
    ...safetyMessages.ko,
    ...currencyMessages.ko,
  },
  en: {
    ...en,
    ...digestMessages.en,
    ...dataMessages.en,
    ...briefMessages.en,
    ...moreMessages.en,
    ...prefsMessages.en,
    ...safetyMessages.en,
    ...currencyMessages.en,
  },
};

export type Messages = Catalog;

export function messages(locale: Locale): Messages {
  return catalogs[locale];
}
