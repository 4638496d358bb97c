import type { ChartSpec } from '../core/chart-spec.js';
import type { Logger } from '../core/logger.js';
import { renderChartPng } from './chart-render.js';

const KEEP = 64;

/**
 * Renders chart specs to PNG with the configured fonts, keeping recent ones (the same table asked twice draws
 * once). A chart that cannot be drawn is logged and skipped: the text reply never depends on it.
 */
export class Charter {
  private readonly done = new Map<string, Buffer>();

  constructor(
    private readonly fonts: readonly string[],
    private readonly logger: Logger,
  ) {}

  png(spec: ChartSpec): Buffer | null {
    const key = JSON.stringify(spec);
    const known = this.done.get(key);
    if (known) return known;
    try {
      const png = renderChartPng(spec, this.fonts);
      this.done.set(key, png);
      if (this.done.size > KEEP) this.done.delete(this.done.keys().next().value as string);
      return png;
    } catch (error) {
      this.logger.warn('chart not drawn; the reply keeps its text chart', { error, chart: spec.title });
      return null;
    }
  }
}
