/** What went wrong in a CSV file (data-admin/csv.ts names it; the strings say it). */
export type CsvProblem = 'quote_not_closed' | 'text_after_quote' | 'field_count' | 'quote_in_field' | 'malformed';

/** Refusals and failures every transport shares (merged into messages.ts). */
const ko = {
  notShareable: '이 명령의 답은 채널에 공유할 수 없습니다. 공유는 조회 명령(순위, 인재, 투자 등)의 답만 됩니다.',
  controlExpired: '이 버튼이나 메뉴는 더 이상 쓸 수 없습니다. 명령을 다시 실행해 주세요.',
  formExpired: '이 양식은 더 이상 쓸 수 없습니다. 닫고 명령을 다시 실행해 주세요.',
  formExpiredTitle: '만료된 양식',
  storageFailed: (reason: string, code: string) => `저장하지 못했습니다(${reason}, ${code}). 바뀐 것은 없습니다.`,
  storageDiskFull: '디스크 공간 부족',
  storageReadOnly: '읽기 전용 저장소',
  storageNoPermission: '쓰기 권한 없음',
  dataNotAdminUnlogged:
    '데이터는 관리자만 바꿀 수 있습니다. 고칠 내용이 있으면 관리자에게 알려 주세요. (저장소 문제로 이 시도는 기록하지 못했습니다.)',
  nothingToChange: (id: string) =>
    `\`${id}\`에는 이미 그 값이 들어 있습니다. 바꿀 것이 없어 아무것도 저장하지 않았습니다.`,
  controlCharacters: '입력에 보이지 않는 제어 문자가 있어 받을 수 없습니다. 글자를 다시 입력해 주세요.',
  quotedTooLong: (max: number) => `따옴표 안의 값이 너무 깁니다. ${max}자 이하로 입력해 주세요.`,
  csvProblemAt: (line: number, column: { number: number; name: string | null } | null, problem: CsvProblem) =>
    `${line}번째 줄${column ? `, ${column.number}번째 열${column.name ? `(${column.name})` : ''}` : ''}: ${
      {
        quote_not_closed: '따옴표로 시작한 값이 닫히지 않았습니다',
        text_after_quote: '닫는 따옴표 뒤에 글자가 있습니다',
        field_count: '이 줄의 칸 수가 머리글과 다릅니다',
        quote_in_field: '값 중간에 따옴표가 열렸습니다',
        malformed: 'CSV 형식이 올바르지 않습니다',
      }[problem]
    }`,
  fileNotFromSlack: 'Slack 파일 서버가 아닌 곳을 가리키는 파일이라 내려받지 않았습니다.',
  fileTooLarge: (limit: string) => `파일이 너무 큽니다(${limit} 초과). 나누어 올려 주세요.`,
};

const en: typeof ko = {
  notShareable:
    'Answers of this command cannot be shared to the channel; only lookups (rankings, talent, investment …) can.',
  controlExpired: 'This button or menu can no longer be used. Please run the command again.',
  formExpired: 'This form can no longer be used. Close it and run the command again.',
  formExpiredTitle: 'Form expired',
  storageFailed: (reason, code) => `Could not save (${reason}, ${code}). Nothing was changed.`,
  storageDiskFull: 'disk full',
  storageReadOnly: 'read-only storage',
  storageNoPermission: 'no write permission',
  dataNotAdminUnlogged:
    'Only admins can change the data; please ask one if something needs fixing. (Because of a storage problem, this attempt could not be logged.)',
  nothingToChange: (id) =>
    `${id ? `\`${id}\` already holds that value. ` : ''}There is nothing to change, so nothing was saved.`,
  controlCharacters: 'The input holds invisible control characters and cannot be accepted. Please type it again.',
  quotedTooLong: (max) => `A quoted value is too long. Please keep it to ${max} characters.`,
  csvProblemAt: (line, column, problem) =>
    `line ${line}${column ? `, column ${column.number}${column.name ? ` (${column.name})` : ''}` : ''}: ${
      {
        quote_not_closed: 'a quoted value is never closed',
        text_after_quote: 'text follows a closing quote',
        field_count: 'this line has a different number of fields than the header',
        quote_in_field: 'a quote opens in the middle of a value',
        malformed: 'the CSV is malformed',
      }[problem]
    }`,
  fileNotFromSlack: 'The file points somewhere other than Slack’s file servers, so it was not downloaded.',
  fileTooLarge: (limit) => `The file is too large (over ${limit}). Please split it.`,
};

export const safetyMessages = { ko, en };
