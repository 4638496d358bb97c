/** Charts, /ai-invest, /sovereign-ai, /ai-compare, /ai-timeline and App Home strings (merged into messages.ts). */
const ko = {
  chartSource: (sources: string) => `출처: ${sources}`,
  chartBarAlt: (title: string, rows: string) => `막대 그래프: ${title}. ${rows}`,
  chartLineAlt: (title: string, rows: string) => `꺾은선 그래프: ${title}. ${rows}`,
  chartSaved: (path: string) => `📊 차트를 저장했습니다: ${path}`,
  chartTitle: '📊 차트',
  chartNone: '이 답에는 그릴 수 있는 차트가 (더) 없습니다. 위 텍스트 막대를 참고하세요.',
};

const en: typeof ko = {
  chartSource: (sources) => `Source: ${sources}`,
  chartBarAlt: (title, rows) => `Bar chart: ${title}. ${rows}`,
  chartLineAlt: (title, rows) => `Line chart: ${title}. ${rows}`,
  chartSaved: (path) => `📊 Chart saved: ${path}`,
  chartTitle: '📊 Chart',
  chartNone: 'This answer has no (further) chart that could be drawn; see the text bars above.',
};

export const moreMessages = { ko, en };
