/** /ai-brief, digest-summary and assistant strings, in Korean and English (merged into messages.ts). */
const ko = {
  briefTitle: 'AI 브리프',
  briefSummaryTitle: '🤖 AI 브리프 요약',
  briefQuestion: (question: string) => `질문: ${question}`,
  briefFiguresIntro: '질문과 관련된 데이터셋 수치입니다.',
  briefWorking: '⏳ AI 요약을 만드는 중입니다. 곧 이어서 보내 드립니다.',
  briefOff: 'LLM 계층이 꺼져 있어 데이터셋 수치만 보여 드립니다.',
  briefNoData: '이 질문에 답할 수치가 데이터셋에 없습니다. `/ai-data search`로 찾아보거나 질문을 바꿔 보세요.',
  briefUnanswerable: '데이터셋으로 답할 수 없는 질문이라 요약하지 않았습니다. 위 수치를 참고해 주세요.',
  briefAllRejected: '출처와 맞지 않는 문장을 걸러 내니 남은 요약이 없습니다. 위 데이터셋 수치를 참고해 주세요.',
  briefTimeout: 'AI 요약이 제시간에 오지 않았습니다. 위 데이터셋 수치를 참고해 주세요.',
  briefFailed: (reason: string) => `AI 요약을 만들지 못했습니다(${reason}). 위 데이터셋 수치를 참고해 주세요.`,
  briefUserLimit: 'AI 요약 요청이 많습니다. 잠시 후 다시 시도해 주세요.',
  briefBudget: '오늘 쓸 수 있는 AI 요약 한도를 다 썼습니다. 위 데이터셋 수치를 참고해 주세요.',
  briefModelLine: (model: string, version: number) =>
    `모델 ${model} · 데이터셋 v${version} · 문장 속 수치는 모두 인용한 데이터셋 수치에서 채웠습니다.`,
  briefSources: '인용 출처',
  briefUsage: '질문을 적어 주세요. 예: `/ai-brief 한국의 AI 인재 유출은 얼마나 심각한가?`',
  digestSummaryQuestion: '이번 다이제스트의 핵심 지표와 지난번 이후 달라진 점을 두세 문장으로 요약해 주세요.',
  assistantGreeting: '안녕하세요. 국가 AI 경쟁력에 대해 물어보세요. 모든 수치는 출처가 있는 데이터셋에서 가져옵니다.',
  assistantPromptsTitle: '이런 질문을 해 보세요',
  assistantWorking: '데이터셋을 찾아보는 중…',
  assistantEmpty: '질문을 글로 적어 주세요. 예: 한국의 AI 인재 유출은 얼마나 심각한가?',
  assistantPrompts: [
    { title: '한국의 AI 인재 유출', message: '한국의 AI 인재 유출은 얼마나 심각한가?' },
    { title: '한국과 일본의 AI 순위', message: '한국과 일본의 AI 경쟁력 순위를 비교해 줘' },
  ],
};

const en: typeof ko = {
  briefTitle: 'AI brief',
  briefSummaryTitle: '🤖 AI brief',
  briefQuestion: (question) => `Question: ${question}`,
  briefFiguresIntro: 'Dataset figures that bear on the question.',
  briefWorking: '⏳ Writing an AI summary; it follows shortly.',
  briefOff: 'The LLM layer is off, so here are the dataset figures only.',
  briefNoData: 'The dataset holds no figures that answer this. Try `/ai-data search`, or rephrase the question.',
  briefUnanswerable: 'The dataset cannot answer this question, so there is no summary. See the figures above.',
  briefAllRejected:
    'After dropping sentences that did not match their sources, no summary was left. See the figures above.',
  briefTimeout: 'The AI summary did not arrive in time. See the dataset figures above.',
  briefFailed: (reason) => `The AI summary could not be made (${reason}). See the dataset figures above.`,
  briefUserLimit: 'Too many AI summaries requested; please try again in a while.',
  briefBudget: "Today's AI summary budget is used up. See the dataset figures above.",
  briefModelLine: (model, version) =>
    `Model ${model} · dataset v${version} · every number in the text was filled in from a cited dataset figure.`,
  briefSources: 'Sources cited',
  briefUsage: 'Please ask a question, e.g. `/ai-brief How serious is Korea’s AI brain drain?`',
  digestSummaryQuestion:
    'Summarise the headline figures of this digest and what changed since the last one, in two or three sentences.',
  assistantGreeting: 'Hello. Ask about national AI competitiveness; every number comes from a sourced dataset.',
  assistantPromptsTitle: 'Try asking',
  assistantWorking: 'Looking through the dataset…',
  assistantEmpty: 'Please type your question, e.g. How serious is Korea’s AI brain drain?',
  assistantPrompts: [
    { title: 'AI investment: US and Korea', message: 'How does private AI investment in Korea compare with the US?' },
    { title: 'Korea in the AI rankings', message: 'Where does Korea rank in AI competitiveness indices?' },
  ],
};

export const briefMessages = { ko, en };
