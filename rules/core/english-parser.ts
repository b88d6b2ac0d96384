import { ParseEnglish } from 'parse-english';
import type { SentenceContent } from 'nlcst';

type TokenType = SentenceContent['type'];

/** The ASCII characters' classes, read once from the stock tokenizer. */
let asciiClasses: TokenType[] | undefined;
/** Other characters' classes, read from the stock tokenizer the first time each is met. */
const otherClasses = new Map<string, TokenType>();

/**
 * parse-english with the first step (splitting text into runs of white space,
 * punctuation, word and symbol characters) done from a table of character
 * classes instead of three regular expressions per character. Each class is
 * the stock tokenizer's own answer for that character, and the nodes are
 * built exactly as it builds them, so the trees are the same
 * (test/english-parser.test.ts compares the two).
 */
export class EnglishParser extends ParseEnglish {
  private classOf(code: number, char: string): TokenType {
    if (code < 128) {
      asciiClasses ??= Array.from({ length: 128 }, (_, index) => this.stockClass(String.fromCharCode(index)));
      return asciiClasses[code];
    }
    let known = otherClasses.get(char);
    if (known === undefined) {
      known = this.stockClass(char);
      otherClasses.set(char, known);
    }
    return known;
  }

  private stockClass(char: string): TokenType {
    return ParseEnglish.prototype.tokenize.call(this, char)[0].type;
  }

  /** The same runs and nodes as the stock tokenizer (parse-latin's `tokenize`). */
  override tokenize(value?: string | null): SentenceContent[] {
    const children: SentenceContent[] = [];
    if (!value) return children;
    const currentPoint = { line: 1, column: 1, offset: 0 };
    let from = 0;
    let start = { ...currentPoint };
    let previousType: TokenType | undefined;
    let previous = -1;
    const createNode = (type: TokenType, text: string): SentenceContent =>
      type === 'WordNode'
        ? { type: 'WordNode', children: [{ type: 'TextNode', value: text, position: { start, end: { ...currentPoint } } }], position: { start, end: { ...currentPoint } } }
        : ({ type, value: text, position: { start, end: { ...currentPoint } } } as SentenceContent);
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index);
      const currentType = this.classOf(code, value.charAt(index));
      if (
        from < index &&
        previousType &&
        // Words and white space continue, as do repeats of one punctuation or symbol character and surrogates.
        !(previousType === currentType && (previousType === 'WordNode' || previousType === 'WhiteSpaceNode' || code === previous || (code >= 0xd800 && code <= 0xdfff)))
      ) {
        children.push(createNode(previousType, value.slice(from, index)));
        from = index;
        start = { ...currentPoint };
      }
      // \r, and \n not after \r, start a line.
      if (code === 13 || (code === 10 && previous !== 13)) {
        currentPoint.line++;
        currentPoint.column = 1;
      } else if (code !== 10) {
        currentPoint.column++;
      }
      currentPoint.offset++;
      previousType = currentType;
      previous = code;
    }
    if (previousType && from < value.length) children.push(createNode(previousType, value.slice(from, value.length)));
    return children;
  }
}
