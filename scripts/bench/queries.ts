/**
 * The fixed query list for warm search latency: words of the generator's vocabulary
 * (src/lib/synthetic.ts), as single terms, pairs and phrases, prefixes as someone types them,
 * small typos, and agent names. Consecutive queries differ, so every one changes the results.
 */
export const COLD_QUERY = 'database migration';

/**
 * How many results a query's latency waits for: Pagefind's run fetches the data of its first
 * ten results, and Browse's warm budget is timed to its first ten cards showing their text (the
 * first screen on any device, and the same count as Pagefind's). The whole first page of cards
 * is reported beside it.
 */
export const FIRST_RESULTS = 10;

export const WARM_QUERIES: readonly string[] = [
  // single words
  'migration',
  'lockfile',
  'rebase',
  'timeout',
  'secret',
  'kubernetes',
  'reverted',
  'snapshot',
  'silently',
  'dependency',
  'coverage',
  'reducer',
  'terminal',
  // pairs and phrases
  'force push',
  'deleted tests',
  'config file',
  'database schema',
  'revert commit',
  'async await',
  'docker container',
  'cache token',
  'test suite failure',
  'ignored instructions',
  'rewrite module',
  'deploy release',
  'login session auth',
  // prefixes
  'migr',
  'depend',
  'refac',
  'kube',
  'pipel',
  'envi',
  'regres',
  'fixtu',
  // typos
  'migraton',
  'dependancy',
  'refactr',
  'exeption',
  'kubernets',
  'snapshto',
  'scheudle',
  'deplyo release',
  // agent names and mixed
  'claude code',
  'cursor',
  'codex',
  'copilot',
  'gemini',
  'claude rebase',
  'cursor lint format',
  'python django',
];
