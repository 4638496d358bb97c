/** The Slack error code behind a Web API failure, or a short generic one. */
export function slackErrorCode(error: unknown): string {
  const e = error as { code?: string; data?: { error?: string } };
  if (e.code === 'slack_webapi_rate_limited_error') return 'rate_limited';
  return e.data?.error ?? e.code ?? 'unknown_error';
}
