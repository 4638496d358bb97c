export function sourceFingerprint(root: string): string;
export function buildState(root: string): 'fresh' | 'missing' | 'stale';
