import type { DatasetView } from '../../core/dataset/dataset-view.js';
import { headlineFigures } from './digest-sections.js';
import { buildDigest } from './weekly-digest.js';

/** How a digest is written, as the digest service asks for it (its DigestComposer port). */
export const digestComposer = {
  build: buildDigest,
  headline: (view: DatasetView, country: string) => headlineFigures(view, country).map((h) => h.figure),
};
