import { escapeMrkdwn } from '../escape.js';
import type { Locale } from '../i18n/locale.js';

/** Schema issues (zod's English messages) as admins read them, in either language. */

const KO_ISSUES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^must be a number$/, () => '숫자여야 합니다'],
  [/^must be text$/, () => '글이어야 합니다'],
  [/^must be an http\(s\) URL$/, () => 'http(s) 주소여야 합니다'],
  [/^not an ISO 3166-1 alpha-2 country code$/, () => 'ISO 국가 코드(두 글자)가 아닙니다'],
  [/^country codes are two upper-case letters/, () => '국가 코드는 두 글자입니다(예: KR)'],
  [/^country "(.+)" is not listed$/, (m) => `데이터셋에 없는 국가입니다(${m[1]})`],
  [/^rank (\d+) is beyond its field of (\d+)$/, (m) => `순위 ${m[1]}이(가) 전체 ${m[2]}을(를) 넘습니다`],
  [/^beyond the field of (\d+)$/, (m) => `순위가 전체 ${m[1]}을(를) 넘습니다`],
  [/^must be a date \(YYYY-MM-DD\)$/, () => 'YYYY-MM-DD 형식의 날짜여야 합니다'],
  [/^unknown series "(.+)"$/, (m) => `없는 시리즈입니다(${m[1]})`],
  [/^duplicate id "(.+)"$/, (m) => `이미 있는 id입니다(${m[1]})`],
  [/^Invalid option/, () => '허용되지 않는 값입니다'],
  [/^Too small/, () => '비어 있을 수 없습니다'],
];

/** A schema issue's message in the reader's language (plain text). */
export function issueMessage(message: string, locale: Locale): string {
  const rule = locale === 'ko' ? KO_ISSUES.find(([pattern]) => pattern.test(message)) : undefined;
  const match = rule ? rule[0].exec(message) : null;
  return rule && match ? rule[1](match) : message;
}

/** Schema issues as "• `field` (figure): what is wrong", in the reader's language. */
export function issueLines(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  fieldOf: (path: readonly PropertyKey[]) => { figureId: string; field: string } | null,
  locale: Locale,
): string[] {
  return issues.slice(0, 8).map((issue) => {
    const where = fieldOf(issue.path);
    const text = issueMessage(issue.message, locale);
    const label = where
      ? `\`${where.field}\` (${escapeMrkdwn(where.figureId)})`
      : `\`${issue.path.map(String).join('.')}\``;
    return `• ${label}: ${escapeMrkdwn(text)}`;
  });
}
