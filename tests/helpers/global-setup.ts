/** Says once per run whether the PostgreSQL half of the store suite runs. */
export default function setup(): void {
  if (!process.env.TEST_DATABASE_URL) {
    process.stderr.write(
      'PostgreSQL tests skipped: TEST_DATABASE_URL is not set (.ci/run sets it when a local PostgreSQL is up).\n',
    );
  }
}
