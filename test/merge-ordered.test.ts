import assert from 'node:assert/strict';
import { mergeOrdered } from '../rules/core/merge-ordered.js';

interface Item {
  start: number;
  end: number;
  list: number;
}

const byPlace = (a: Item, b: Item) => a.start - b.start || a.end - b.end;

/** A few lists in order, with ties across lists, from a small seeded generator. */
function orderedLists(seed: number): Item[][] {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) % 7;
  return Array.from({ length: 1 + (seed % 6) }, (_, list) => {
    const items: Item[] = [];
    let start = 0;
    for (let index = next() * 3; index > 0; index--) {
      start += next() % 3;
      items.push({ start, end: start + (next() % 2), list });
    }
    return items.sort(byPlace);
  });
}

describe('mergeOrdered', () => {
  it('gives what a stable sort of the lists one after the other gives, ties in list order', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const lists = orderedLists(seed);
      assert.deepEqual(mergeOrdered(lists, byPlace), lists.flat().sort(byPlace), `seed ${seed}`);
    }
  });

  it('sorts when a list is out of order, and never hands back a list it was given', () => {
    const unordered = [{ start: 5, end: 6, list: 0 }, { start: 1, end: 2, list: 0 }];
    assert.deepEqual(mergeOrdered([unordered, []], byPlace), [...unordered].reverse());
    const only = [{ start: 1, end: 2, list: 0 }];
    const merged = mergeOrdered([[], only], byPlace);
    assert.deepEqual(merged, only);
    assert.notEqual(merged, only);
    assert.deepEqual(mergeOrdered<Item>([], byPlace), []);
  });
});
