/** Small readings of a row shared by the card list and the table. */
import { dateOfDay, type BrowseRow } from '../lib/browse-columns.ts';
import { codeAt, codesOfMask } from '../lib/facets.ts';
import { CAUSES, PLATFORMS, RESOLVERS, SEVERITIES, STATUSES, SYMPTOMS } from '../lib/taxonomy.ts';

/** The codes a row carries on each displayed axis. */
export function rowCodes(row: BrowseRow) {
  return {
    date: dateOfDay(row.day),
    platform: codeAt(PLATFORMS, row.platform),
    symptoms: codesOfMask(row.symptoms, SYMPTOMS),
    causes: codesOfMask(row.causes, CAUSES),
    severity: codeAt(SEVERITIES, row.severity),
    status: codeAt(STATUSES, row.status),
    resolver: codeAt(RESOLVERS, row.resolver),
  };
}

const FIELD_NAMES: Record<string, string> = {
  quotes: 'evidence quotes',
  contexts: 'evidence contexts',
  reasoning: 'annotator reasoning',
  agent: 'agent name',
  key: 'episode id',
};

/** The matched fields a card cannot show (title and description are shown highlighted). */
export function hiddenMatches(fields: readonly string[] | undefined): string[] {
  return (fields ?? []).flatMap((field) => {
    const name = FIELD_NAMES[field];
    return name ? [name] : [];
  });
}

const PASSAGE_FIELDS: readonly string[] = ['quotes', 'contexts', 'reasoning'];

/** Whether a card's match lies in passages (evidence, reasoning) it can show only once fetched. */
export function needsPassage(fields: readonly string[] | undefined): boolean {
  return (fields ?? []).some((field) => PASSAGE_FIELDS.includes(field));
}
