import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Resvg as ResvgClass } from '@resvg/resvg-js';
import type { ChartSpec } from '../core/chart-spec.js';
import { AppError } from '../core/errors.js';
import { chartSvg } from './chart-svg.js';

/** The Korean-capable font that arrives with `npm ci` (Nanum Gothic, SIL Open Font License). */
export function defaultChartFonts(): string[] {
  const require = createRequire(import.meta.url);
  return [
    require.resolve('@expo-google-fonts/nanum-gothic/400Regular/NanumGothic_400Regular.ttf'),
    require.resolve('@expo-google-fonts/nanum-gothic/700Bold/NanumGothic_700Bold.ttf'),
  ];
}

export class ChartRenderError extends AppError {
  constructor(message: string) {
    super('chart_render', message);
  }
}

let resvg: typeof ResvgClass | undefined;

/**
 * The renderer (a native module) is loaded when the first chart is drawn, not at start-up; if its binary cannot
 * be loaded, charts fail with a clear error and every text answer is unaffected.
 */
function loadResvg(): typeof ResvgClass {
  if (resvg) return resvg;
  try {
    resvg = (createRequire(import.meta.url)('@resvg/resvg-js') as { Resvg: typeof ResvgClass }).Resvg;
    return resvg;
  } catch (error) {
    throw new ChartRenderError(`chart renderer unavailable: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A PNG of the chart. Throws ChartRenderError when the font is missing or rendering fails. */
export function renderChartPng(spec: ChartSpec, fontFiles: readonly string[]): Buffer {
  // resvg would quietly draw no text at all without its font.
  const missing = fontFiles.find((f) => !existsSync(f));
  if (missing !== undefined || fontFiles.length === 0)
    throw new ChartRenderError(`font not found: ${missing ?? '(none)'}`);
  const Resvg = loadResvg();
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
