import { describe, expect, it } from 'vitest';
import { numberedPath } from '../../../src/charts/chart-files.js';
import { ChartRenderError, defaultChartFonts, renderChartPng } from '../../../src/charts/chart-render.js';
import { chartSvg, escapeXml } from '../../../src/charts/chart-svg.js';
import type { ChartSpec } from '../../../src/core/chart-spec.js';

const bar: ChartSpec = {
  kind: 'bar',
  title: '벨퍼 <CETI> & "AI"',
  bars: [
    { label: '미국', value: 90.8, shown: '90.8' },
    { label: '대한민국 <script>', value: 14.1, shown: '14.1', highlight: true },
  ],
  source: `출처: ${'긴 출처 이름 '.repeat(30)}`,
  altText: 'alt',
};
const line: ChartSpec = {
  kind: 'line',
  title: 'Private AI investment by year',
  series: [
    {
      name: 'Korea',
      highlight: true,
      points: [
        { x: '2022', value: 3.1, shown: '$3.1 bn' },
        { x: '2024', value: 1.33, shown: '$1.33 bn' },
      ],
    },
    {
      name: 'Japan',
      points: [
        { x: '2023', value: 0.68, shown: '$0.68 bn' },
        { x: '2024', value: 0.93, shown: '$0.93 bn' },
      ],
    },
  ],
  source: 'Source: Stanford HAI',
  altText: 'alt',
};

function size(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('charts', () => {
  it('escapes every text it draws', () => {
    const svg = chartSvg(bar);
    expect(svg).toContain('벨퍼 &lt;CETI&gt; &amp; &quot;AI&quot;');
    expect(svg).toContain('대한민국 &lt;script&gt;');
    expect(svg).not.toContain('<script>');
    expect(escapeXml(`a<b>&'"`)).toBe('a&lt;b&gt;&amp;&apos;&quot;');
  });

  it('renders bar and line charts as PNG with the bundled Korean font, wrapping a long source line', () => {
    const png = renderChartPng(bar, defaultChartFonts());
    expect(png.subarray(0, 4).toString('latin1')).toBe('\x89PNG');
    expect(size(png).width).toBe(880);
    const short = renderChartPng({ ...bar, source: 'x' }, defaultChartFonts());
    expect(size(png).height).toBeGreaterThan(size(short).height);
    expect(size(renderChartPng(line, defaultChartFonts())).height).toBeGreaterThan(400);
  });

  it('fails loudly without its font rather than drawing no text', () => {
    expect(() => renderChartPng(bar, ['/no/such.ttf'])).toThrow(ChartRenderError);
    expect(() => renderChartPng(bar, [])).toThrow(ChartRenderError);
  });

  it('numbers the files of a reply with several charts', () => {
    expect(numberedPath('/tmp/c.png', 0)).toBe('/tmp/c.png');
    expect(numberedPath('/tmp/c.png', 1)).toBe('/tmp/c-2.png');
    expect(numberedPath('/tmp/c', 2)).toBe('/tmp/c-3.png');
  });
});
