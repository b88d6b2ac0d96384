import type { CompiledPack } from '../rules/packs/compile.js';
import { placeOf, type Origin } from '../rules/packs/vocabulary.js';
import { displayPath } from './load-pack-argument.js';
import { UsageError } from './usage-error.js';

/** The pack and file (with line) an entry was written in: `core (core/words.yaml:12)` or `my-team (pack.yaml:8)`. */
function where(origin: Origin): string {
  const place = placeOf(origin);
  const file = origin.layer.part ? place.file : displayPath(place.file);
  return `${origin.layer.pack.name} (${file}:${place.line})`;
}

function closest(names: Iterable<string>, wanted: string): string {
  const all = [...names].sort();
  const near = all.filter((name) => name.includes(wanted) || wanted.includes(name));
  return (near.length > 0 ? near : all).join(', ');
}

/**
 * `rules --terms CONCEPT`: the concept's terms and exclusions as the active
 * packs resolve them, each with the pack and line it came from, and what a
 * term that names word lists stands for.
 */
export function showTerms(pack: CompiledPack, name: string): string {
  const source = pack.conceptSources.get(name);
  if (!source) throw new UsageError(`'${name}' is not a concept of the active packs; concepts: ${closest(pack.conceptSources.keys(), name)}`);
  const lines = [`Concept ${name}`, ''];
  for (const [title, terms] of [['match', source.match], ['exclude', source.exclude]] as const) {
    lines.push(`${title}:${terms.length === 0 ? ' (none)' : ''}`);
    for (const term of terms) {
      lines.push(`  ${term.written}    ← ${where(term.origin)}`);
      const expanded = term.expanded.filter((text) => text !== term.written);
      for (const text of expanded.slice(0, 20)) lines.push(`      = ${text}`);
      if (expanded.length > 20) lines.push(`      … and ${expanded.length - 20} more`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** `rules --vocabulary LIST`: a word list's entries as resolved, each with the pack and line it came from and the lists it came through. */
export function showList(pack: CompiledPack, name: string): string {
  const entries = pack.vocabulary.get(name);
  if (!entries) throw new UsageError(`'${name}' is not a word list of the active packs; lists: ${closest(pack.vocabulary.keys(), name)}`);
  const lines = [`Word list ${name} (${entries.length} entries)`, ''];
  for (const entry of entries) {
    const via = entry.via.length > 0 ? ` via @${entry.via.join(' → @')}` : '';
    lines.push(`  ${entry.value}    ← ${where(entry.at)}${via}`);
  }
  lines.push('');
  return lines.join('\n');
}
