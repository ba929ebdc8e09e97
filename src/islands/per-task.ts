/**
 * Updates run per task (in-turn.ts): a page of cards fills in this many a task. A card's text
 * with its highlighted matches takes about 5 ms on a phone (4× CPU slowdown), so five stay well
 * under the 50 ms of a long task. In a module of its own because the search worker reads it too:
 * it sends the hits with the text of the cards the list's first two turns fill.
 */
export const PER_TASK = 5;
