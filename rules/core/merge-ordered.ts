/**
 * The items of several lists in one order: what `lists.flat().sort(compare)`
 * gives (a stable sort, so ties keep the order of the lists), found by merging
 * lists that are already in order, pairwise, in O(n log k) cheap steps rather
 * than sorting everything again. A list out of order falls back to the sort.
 */
export function mergeOrdered<Item>(lists: readonly (readonly Item[])[], compare: (a: Item, b: Item) => number): Item[] {
  const filled = lists.filter((list) => list.length > 0);
  if (!filled.every((list) => inOrder(list, compare))) return filled.flat().sort(compare);
  if (filled.length === 0) return [];
  let round: (readonly Item[])[] = filled;
  while (round.length > 1) {
    const next: (readonly Item[])[] = [];
    for (let index = 0; index < round.length; index += 2) next.push(index + 1 < round.length ? mergeTwo(round[index], round[index + 1], compare) : round[index]);
    round = next;
  }
  return round[0] === filled[0] ? [...round[0]] : (round[0] as Item[]);
}

function inOrder<Item>(list: readonly Item[], compare: (a: Item, b: Item) => number): boolean {
  for (let index = 1; index < list.length; index++) if (compare(list[index - 1], list[index]) > 0) return false;
  return true;
}

/** Merges two lists in order; on a tie the item of the first list comes first, as a stable sort of the two one after the other would put it. */
function mergeTwo<Item>(first: readonly Item[], second: readonly Item[], compare: (a: Item, b: Item) => number): Item[] {
  const merged: Item[] = new Array(first.length + second.length);
  let a = 0;
  let b = 0;
  let out = 0;
  while (a < first.length && b < second.length) merged[out++] = compare(second[b], first[a]) < 0 ? second[b++] : first[a++];
  while (a < first.length) merged[out++] = first[a++];
  while (b < second.length) merged[out++] = second[b++];
  return merged;
}
