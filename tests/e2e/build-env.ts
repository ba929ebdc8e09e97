/** Build settings the browser tests build the site with (scripts/test-e2e.ts) and expect to see. */

/** The issue tracker "Report a problem" links point to. */
export const ISSUES_URL = 'https://github.com/example/atlas/issues';
