/** What a chart shows, as data; builders produce it, and the transports render it (or not) as they can. */

export interface Bar {
  label: string;
  value: number;
  /** The value as the reply writes it ("13.3억 달러", "14.1"). */
  shown: string;
  highlight?: boolean;
}

export interface LinePoint {
  x: string;
  value: number;
  shown: string;
}

export interface LineSeries {
  name: string;
  points: LinePoint[];
  highlight?: boolean;
}

interface Common {
  title: string;
  subtitle?: string;
  /** Where the numbers come from, shown under the chart ("Source: Stanford AI Index 2025"). */
  source: string;
  /** For screen readers and wherever the image cannot be shown. */
  altText: string;
}

export type ChartSpec = (Common & { kind: 'bar'; bars: Bar[] }) | (Common & { kind: 'line'; series: LineSeries[] });
