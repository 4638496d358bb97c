import type { Locale } from './locale.js';

/** /ai-lang strings (merged into messages.ts). */
const ko = {
  langName: (locale: Locale): string => (locale === 'ko' ? '한국어' : '영어'),
  langCurrentOwn: (name: string) => `내 답변 언어: *${name}* (직접 고른 설정)`,
  langCurrentDefault: (name: string) => `내 답변 언어: *${name}* (워크스페이스 기본값)`,
  langHowTo: '바꾸려면 `/ai-lang en` 또는 `/ai-lang ko`, 기본값으로 돌아가려면 `/ai-lang reset`.',
  langOnce: '한 번만 다른 언어로 보려면 명령 뒤에 `--en` 또는 `--ko`를 붙이세요.',
  langSet: (name: string) => `이제 내 답변은 *${name}*로 드립니다.`,
  langReset: (name: string) => `내 언어 설정을 지웠습니다. 워크스페이스 기본값(*${name}*)으로 답합니다.`,
  langUnknown: (word: string) =>
    `\`${word}\`은(는) 고를 수 있는 언어가 아닙니다. \`ko\`(한국어) 또는 \`en\`(영어) 중에서 고르세요.`,
  langNoUser: '누구의 설정인지 알 수 없습니다. Slack에서, 또는 CLI에서는 `--user U…`와 함께 실행하세요.',
  langUnavailable: '설정을 저장할 곳이 없습니다(DATA_DIR 또는 DATABASE_URL).',
};

const en: typeof ko = {
  langName: (locale) => (locale === 'ko' ? 'Korean' : 'English'),
  langCurrentOwn: (name) => `Your reply language: *${name}* (your choice)`,
  langCurrentDefault: (name) => `Your reply language: *${name}* (the workspace default)`,
  langHowTo: 'Change it with `/ai-lang en` or `/ai-lang ko`; go back to the default with `/ai-lang reset`.',
  langOnce: 'For one answer in the other language, add `--en` or `--ko` to the command.',
  langSet: (name) => `Replies to you will now be in *${name}*.`,
  langReset: (name) => `Your language setting is cleared; replies follow the workspace default (*${name}*).`,
  langUnknown: (word) => `\`${word}\` is not a language you can choose: pick \`ko\` (Korean) or \`en\` (English).`,
  langNoUser: 'It is not clear whose setting this is. Run it in Slack, or in the CLI with `--user U…`.',
  langUnavailable: 'There is nowhere to keep settings (DATA_DIR or DATABASE_URL).',
};

export const prefsMessages = { ko, en };
