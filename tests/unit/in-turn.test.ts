import { afterEach, describe, expect, it, vi } from 'vitest';
import { inTurn } from '../../src/islands/in-turn.ts';
import { PER_TASK } from '../../src/islands/per-task.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('inTurn', () => {
  it('runs nothing at once, then a few per task in the order they were queued', () => {
    vi.useFakeTimers();
    const ran: number[] = [];
    const count = PER_TASK * 2 + 1;
    for (let i = 0; i < count; i++) inTurn(() => ran.push(i));
    expect(ran).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual([...Array(PER_TASK).keys()]);
    vi.advanceTimersToNextTimer();
    expect(ran).toHaveLength(PER_TASK * 2);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual([...Array(count).keys()]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('leaves out what was taken back before its turn', () => {
    vi.useFakeTimers();
    const ran: string[] = [];
    inTurn(() => ran.push('a'));
    const cancel = inTurn(() => ran.push('b'));
    inTurn(() => ran.push('c'));
    cancel();
    vi.runAllTimers();
    expect(ran).toEqual(['a', 'c']);
  });

  it('keeps the same function queued twice as two turns', () => {
    vi.useFakeTimers();
    let runs = 0;
    const run = () => {
      runs++;
    };
    inTurn(run);
    inTurn(run);
    vi.runAllTimers();
    expect(runs).toBe(2);
  });
});
