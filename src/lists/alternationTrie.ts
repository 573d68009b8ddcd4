// A group of plain phrases written as a prefix tree: "(?:black(?:[sep]people|[sep]men)|…)" rather
// than two hundred phrases tried one after another. V8 tries a group's alternatives in turn at
// every attempt, so the lexicon's large sets ({group} holds every group of people it knows) cost
// far less once their shared beginnings are read once.

/** One character of a phrase (escaped for a RegExp) or one separator, and whether it is a word character. */
export interface Piece { re: string; word: boolean }

interface Node { children: Map<string, Node>; end: boolean; endsInWord: boolean }

const node = (): Node => ({ children: new Map(), end: false, endsInWord: false });

/**
 * The regex source matching exactly the given phrases (at least one, none empty), longer phrases
 * tried before their prefixes. `endAssert` is appended where a phrase ending in a word character ends.
 */
export function emitTrie(phrases: readonly (readonly Piece[])[], endAssert = ''): string {
  const root = node();
  for (const phrase of phrases) {
    let at = root;
    for (const piece of phrase) {
      let next = at.children.get(piece.re);
      if (!next) at.children.set(piece.re, (next = node()));
      at = next;
    }
    at.end = true;
    at.endsInWord = phrase.length > 0 && phrase[phrase.length - 1].word;
  }
  return emit(root, endAssert);
}

function emit(at: Node, endAssert: string): string {
  const parts = [...at.children].map(([re, child]) => re + emit(child, endAssert));
  if (at.end) parts.push(at.endsInWord ? endAssert : '');
  return parts.length === 1 ? parts[0] : `(?:${parts.join('|')})`;
}
