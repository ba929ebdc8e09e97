/** Small readings of a row shared by the card list and the table. */
import { dateOfDay } from '../lib/dates.ts';
import { columnCode, columnCodes, type BrowseRow } from '../lib/fields.ts';

/** The codes a row carries on each displayed axis. */
export function rowCodes(row: BrowseRow) {
  return {
    date: dateOfDay(row.day),
    platform: columnCode(row, 'platform'),
    symptoms: columnCodes(row, 'symptoms'),
    causes: columnCodes(row, 'causes'),
    severity: columnCode(row, 'severity'),
    status: columnCode(row, 'status'),
    resolver: columnCode(row, 'resolver'),
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
