import { writeFileSync } from 'node:fs';
import type { RecordedOutput } from './golden.js';
import { questionOf } from './replay-server.js';

/**
 * A fetch for the `openai` client that keeps what a live endpoint answered to each question, so a live run can
 * replace the hand-written fixtures with real outputs (`npm run eval:llm -- --record`).
 */
export function recordingFetch(outputs: Map<string, RecordedOutput>): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const question = typeof init?.body === 'string' ? questionOf(JSON.parse(init.body)) : '';
    if (!question) return response;
    const body: unknown = await response
      .clone()
      .json()
      .catch(() => null);
    const content = (body as { choices?: { message?: { content?: string } }[] } | null)?.choices?.[0]?.message?.content;
    if (!response.ok) outputs.set(question, { status: response.status, body });
    else if (typeof content === 'string') {
      try {
        outputs.set(question, { content: JSON.parse(content) });
      } catch {
        outputs.set(question, { raw: content });
      }
    }
    return response;
  };
}

export function writeRecording(
  path: string,
  model: string,
  byQuestion: ReadonlyMap<string, RecordedOutput>,
  idOf: ReadonlyMap<string, string>,
): void {
  const outputs: Record<string, RecordedOutput> = {};
  for (const [question, output] of byQuestion) {
    const id = idOf.get(question);
    if (id) outputs[id] = output;
  }
  const about = `Outputs recorded from ${model} by \`npm run eval:llm -- --record\` on ${new Date().toISOString().slice(0, 10)}.`;
  writeFileSync(path, `${JSON.stringify({ about, model, outputs }, null, 2)}\n`);
}
