/**
 * Reference figures reported by the paper for its full labelled set (16,118 VALID episodes, all
 * licences): Tang et al., How Coding Agents Fail Their Users, EMNLP 2026, arXiv:2605.29442.
 * The site's own figures come from the data it was built from; these are shown beside them.
 */
export const PAPER_SOURCE = 'Tang et al. (EMNLP 2026), full dataset of 16,118 valid episodes';

/** Percent of VALID episodes carrying each label (multi-label axes sum to more than 100). */
export const PAPER_SHARES: Readonly<Record<string, number>> = {
  S1: 11.56,
  S2: 26.95,
  S3: 38.33,
  S4: 10.2,
  S5: 17.82,
  S6: 2.87,
  S7: 22.58,
  S8: 0.34,
  C1: 15.36,
  C2: 9.47,
  C3: 11.11,
  C4: 4.3,
  C5: 2.44,
  C6: 36.49,
  C7: 26.85,
  DS0: 0.08,
  DS1: 90.5,
  DS2: 8.44,
  DS3: 0.07,
  DS4: 0.91,
  RS1: 9.33,
};

/** Percent of resolved (RS1) episodes fixed by each resolver. */
export const PAPER_RESOLVER_SHARES: Readonly<Record<string, number>> = { RV2: 91.49 };

export const PAPER_TOTALS = {
  sessions: 20_574,
  repositories: 1_639,
  candidates: 29_896,
  valid: 16_118,
};
