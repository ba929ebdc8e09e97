import { describe, it, expect } from 'vitest';
import type { Episode } from '../../src/lib/schema.ts';
import { neighbourIndex, type Neighbours } from '../../src/lib/sessions.ts';
import { episodeOf, validRecord } from './helpers.ts';

function ep(
  session: string,
  misalignment: string,
  timestamp: string,
  repository: string | number = 1000090305,
  source = 'specstory',
): Episode {
  return episodeOf(
    validRecord({
      source,
      repository_id: repository,
      session_id: session,
      misalignment_id: misalignment,
      session_timestamp: timestamp,
    }),
  );
}

// Repository 1000090305: session_010 is the earliest although its id sorts last.
const s10m2 = ep('session_010', 'M002', '2025-01-01 09:00:00');
const s10m1 = ep('session_010', 'M001', '2025-01-01 10:00:00');
const s02m1 = ep('session_002', 'M001', '2025-02-01 10:00:00');
const s05m1 = ep('session_005', 'M001', '2025-03-01 10:00:00');
const s05m3 = ep('session_005', 'M003', '2025-03-01 10:00:00');
// Another repository, and the same repository number under another source.
const other = ep('session_001', 'M001', '2025-02-15 10:00:00', 42);
const swe = ep('session_003', 'M001', '2025-02-20 10:00:00', '1000090305', 'swe');
const episodes = [s05m3, s02m1, s10m2, other, s10m1, s05m1, swe];
const index = neighbourIndex(episodes);

function of(episode: Episode): Neighbours {
  const found = index.get(episode.id);
  if (!found) throw new Error(`no neighbours for ${episode.id}`);
  return found;
}

const ids = (list: Episode[]) => list.map((e) => e.id);

describe('neighbourIndex', () => {
  it('has an entry for every episode', () => {
    expect([...index.keys()].sort()).toEqual(ids(episodes).sort());
  });

  it('lists the other episodes of the same session', () => {
    expect(ids(of(s10m1).sameSession)).toEqual([s10m2.id]);
    expect(ids(of(s10m2).sameSession)).toEqual([s10m1.id]);
  });

  it('orders the same session by misalignment id', () => {
    const triple = [
      ep('session_007', 'M003', '2025-05-01 00:00:00'),
      ep('session_007', 'M001', '2025-05-01 00:00:00'),
      ep('session_007', 'M002', '2025-05-01 00:00:00'),
    ];
    const [third, first, second] = triple;
    const neighbours = neighbourIndex(triple).get(second?.id ?? '');
    expect(neighbours?.sameSession.map((e) => e.key.misalignment)).toEqual([
      first?.key.misalignment,
      third?.key.misalignment,
    ]);
  });

  it('gives a lone episode no session neighbours', () => {
    expect(of(s02m1).sameSession).toEqual([]);
  });

  it('orders sessions of a repository by time, not by id', () => {
    expect([of(s10m1).sessionNumber, of(s02m1).sessionNumber, of(s05m1).sessionNumber]).toEqual([
      1, 2, 3,
    ]);
    expect(of(s05m3).sessionCount).toBe(3);
  });

  it('links the previous session to its first episode', () => {
    expect(of(s02m1).previousSession?.id).toBe(s10m1.id);
  });

  it('links the next session to its first episode', () => {
    expect(of(s02m1).nextSession?.id).toBe(s05m1.id);
  });

  it('has no previous session for the first and no next for the last', () => {
    expect(of(s10m2).previousSession).toBeUndefined();
    expect(of(s05m3).nextSession).toBeUndefined();
  });

  it('gives every episode of a session the same neighbouring sessions', () => {
    expect(of(s05m3).previousSession?.id).toBe(s02m1.id);
    expect(of(s05m1).previousSession?.id).toBe(s02m1.id);
  });

  it('dates a session by its earliest episode', () => {
    const late = ep('session_020', 'M001', '2025-01-15 00:00:00');
    const early = ep('session_020', 'M002', '2024-12-31 00:00:00');
    const neighbours = neighbourIndex([s10m1, s10m2, late, early]);
    expect(neighbours.get(s10m1.id)?.previousSession?.key.session).toBe('session_020');
  });

  it('breaks a timestamp tie between sessions by session id', () => {
    const x = ep('session_031', 'M001', '2025-06-01 00:00:00');
    const y = ep('session_030', 'M001', '2025-06-01 00:00:00');
    expect(neighbourIndex([x, y]).get(x.id)?.previousSession?.id).toBe(y.id);
  });

  it('keeps other repositories apart', () => {
    expect(of(other)).toEqual({
      sameSession: [],
      previousSession: undefined,
      nextSession: undefined,
      sessionNumber: 1,
      sessionCount: 1,
    });
  });

  it('keeps the same repository number under another source apart', () => {
    expect([of(swe).sessionCount, of(swe).previousSession]).toEqual([1, undefined]);
  });

  it('is empty for no episodes', () => {
    expect(neighbourIndex([]).size).toBe(0);
  });
});
