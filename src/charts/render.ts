import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type { ChartSpec } from './spec.js';
import { chartSvg } from './svg.js';

/** The Korean-capable font that arrives with `npm ci` (Nanum Gothic, SIL Open Font License). */
export function defaultChartFonts(): string[] {
  const require = createRequire(import.meta.url);
  return [
    require.resolve('@expo-google-fonts/nanum-gothic/400Regular/NanumGothic_400Regular.ttf'),
    require.resolve('@expo-google-fonts/nanum-gothic/700Bold/NanumGothic_700Bold.ttf'),
  ];
}

export class ChartRenderError extends Error {
  override name = 'ChartRenderError';
}

/** A PNG of the chart. Throws ChartRenderError when the font is missing or rendering fails. */
export function renderChartPng(spec: ChartSpec, fontFiles: readonly string[]): Buffer {
  // resvg would quietly draw no text at all without its font.
  const missing = fontFiles.find((f) => !existsSync(f));
  if (missing !== undefined || fontFiles.length === 0)
    throw new ChartRenderError(`font not found: ${missing ?? '(none)'}`);
  try {
    const resvg = new Resvg(chartSvg(spec), {
      font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: 'NanumGothic' },
      fitTo: { mode: 'original' },
    });
    return resvg.render().asPng();
  } catch (error) {
    throw new ChartRenderError(error instanceof Error ? error.message : String(error));
  }
}
