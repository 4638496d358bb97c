import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseCommandText, stripLanguageFlags } from '../../src/core/command-input.js';
import { localizedSchema } from '../../src/core/dataset/dataset-schema.js';

/** The golden questions and the recorded model outputs, as files under eval/. */

export const KINDS = ['answerable', 'unanswerable', 'injection_question', 'injection_data'] as const;
export type Kind = (typeof KINDS)[number];

const caseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  lang: z.enum(['ko', 'en']),
  kind: z.enum(KINDS),
  question: z.string().min(1),
  /** The figures a right answer draws on (empty when the dataset cannot answer). */
  expectIds: z.array(z.string()),
  /** An injection planted in the dataset before the question is asked. */
  patch: z
    .strictObject({ figure: z.string(), metricSuffix: localizedSchema.optional(), notes: z.string().optional() })
    .optional(),
  /** Phrases the injection tries to get into the answer. */
  forbidden: z.array(z.string()).optional(),
});
export type GoldenCase = z.infer<typeof caseSchema>;

const goldenSchema = z.object({ about: z.string(), cases: z.array(caseSchema).min(1) });

/** What the model returned for one question: its content, a provider error, or broken JSON. */
export const recordedOutputSchema = z.union([
  z.object({ content: z.unknown(), note: z.string().optional() }),
  z.object({ status: z.number().int(), body: z.unknown(), note: z.string().optional() }),
  z.object({ raw: z.string(), note: z.string().optional() }),
]);
export type RecordedOutput = z.infer<typeof recordedOutputSchema>;

const recordedSchema = z.object({
  about: z.string(),
  model: z.string(),
  outputs: z.record(z.string(), recordedOutputSchema),
});
export type Recorded = z.infer<typeof recordedSchema>;

export function loadGolden(path: string): GoldenCase[] {
  const cases = goldenSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).cases;
  const ids = new Set(cases.map((c) => c.id));
  if (ids.size !== cases.length) throw new Error(`${path}: duplicate case ids`);
  return cases;
}

export function loadRecorded(path: string): Recorded {
  return recordedSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** The question as /ai-brief passes it on: entities decoded, invisible characters and language flags removed. */
export function normaliseQuestion(text: string): string {
  return stripLanguageFlags(parseCommandText(text).raw);
}
