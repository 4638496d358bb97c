/** The command texts B2 times: every command, with the argument shapes people use. */
export const COMMAND_VARIANTS: readonly { command: string; text: string }[] = [
  { command: '/ai-rank', text: '' },
  { command: '/ai-rank', text: 'ceti' },
  { command: '/ai-rank', text: 'vibrancy 2024 --en' },
  { command: '/ai-rank', text: '일본' },
  { command: '/ai-rank', text: '2025' },
  { command: '/talent-gap', text: '' },
  { command: '/talent-gap', text: 'japan germany --en' },
  { command: '/ai-brief', text: '한국의 AI 인재 유출은 얼마나 심각한가?' },
  { command: '/ai-digest', text: 'preview' },
  { command: '/ai-digest', text: 'list' },
  { command: '/ai-data', text: 'show kcci_netai_2024_KR' },
  { command: '/ai-data', text: 'search 인재' },
  { command: '/ai-help', text: '' },
  { command: '/ai-help', text: 'ai-rank --en' },
];
