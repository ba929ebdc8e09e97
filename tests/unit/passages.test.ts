import { describe, expect, it } from 'vitest';
import { matchingPassage, passagesOf, textFragment } from '../../src/lib/passages.ts';
import { episodeOf, validRecord } from './helpers.ts';

const episode = episodeOf(
  validRecord({
    evidence: [
      { turn: 'TURN 2 | USER', quote: 'please keep the iphone layout', context: 'A layout rule.' },
      {
        turn: 'TURN 5 | AGENT',
        quote: 'first line\nthe screen would flicker, on-and-off & then stop\nlast line',
        context: 'The agent admits the flicker.',
      },
    ],
  }),
);
const passages = passagesOf(episode);

describe('passagesOf', () => {
  it('labels each quote and context by its turn and each reasoning by its axis', () => {
    expect(passages.map((p) => p.label)).toEqual([
      'Evidence quote (TURN 2 | USER)',
      'Evidence quote (TURN 5 | AGENT)',
      'Evidence context (TURN 2 | USER)',
      'Evidence context (TURN 5 | AGENT)',
      'Symptom reasoning',
      'Cause reasoning',
      'Outcome reasoning',
      'Resolution reasoning',
      "Validator's note",
    ]);
  });
});

describe('matchingPassage', () => {
  it('finds the passage holding a matched term in a field the search named', () => {
    expect(matchingPassage(passages, ['quotes', 'contexts'], ['flicker'])?.label).toBe(
      'Evidence quote (TURN 5 | AGENT)',
    );
    expect(matchingPassage(passages, ['contexts'], ['flicker'])?.label).toBe(
      'Evidence context (TURN 5 | AGENT)',
    );
  });

  it('gives nothing when no passage of a matched field holds a term', () => {
    expect(matchingPassage(passages, ['reasoning'], ['flicker'])).toBeNull();
  });
});

describe('textFragment', () => {
  it('takes up to three words either side of the match, from its own line', () => {
    const text = passages[1]?.text ?? '';
    expect(
      decodeURIComponent(textFragment(text, ['flicker'])?.slice(':~:text='.length) ?? ''),
    ).toBe('the screen would flicker, on-and-off');
  });

  it('percent-encodes the characters a text directive reserves', () => {
    const fragment = textFragment('a, b-c & flicker d', ['flicker']) ?? '';
    expect(fragment).toBe(':~:text=a%2C%20b%2Dc%20%26%20flicker%20d');
  });

  it('is null without a match', () => {
    expect(textFragment('nothing here', ['flicker'])).toBeNull();
  });
});
