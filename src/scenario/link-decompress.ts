/**
 * lz-string's decompressFromEncodedURIComponent (lz-string 1.5, WTFPL), with bounds. A shared
 * link is input from anyone: lz-string's own decoder has no limit on what it produces (a few
 * kilobytes of codes can expand to hundreds of megabytes, each code repeating a longer
 * dictionary entry), so this port stops as soon as the output passes `maxChars`. Encoding still
 * uses lz-string's compressToEncodedURIComponent; test/unit/link checks that the two agree.
 */

/** lz-string's keyStrUriSafe: 6 bits per character. */
export const URI_SAFE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE_OF = new Map([...URI_SAFE_ALPHABET].map((char, index) => [char, index]));
const BITS_PER_CHAR = 6;
/** Dictionary codes never need this many bits for an input of a bounded length. */
const MAX_CODE_BITS = 24;

export type DecompressResult = { ok: true; text: string } | { ok: false; reason: 'invalid' | 'tooLarge' };

/** Reads the input as a stream of bits, least significant first within each 6-bit character. */
class BitReader {
  private value: number;
  private mask = 1 << (BITS_PER_CHAR - 1);
  private index = 1;

  constructor(private readonly input: string) {
    this.value = this.valueAt(0);
  }

  get exhausted(): boolean {
    return this.index > this.input.length;
  }

  read(bits: number): number {
    let result = 0;
    for (let power = 1, i = 0; i < bits; i++, power *= 2) {
      if ((this.value & this.mask) !== 0) result += power;
      this.mask >>= 1;
      if (this.mask === 0) {
        this.mask = 1 << (BITS_PER_CHAR - 1);
        this.value = this.valueAt(this.index++);
      }
    }
    return result;
  }

  private valueAt(index: number): number {
    return VALUE_OF.get(this.input.charAt(index)) ?? 0;
  }
}

/** Decodes `input` (characters of URI_SAFE_ALPHABET only) into at most `maxChars` characters. */
export function decompressFromEncodedURIComponent(input: string, maxChars: number): DecompressResult {
  if (input === '') return { ok: false, reason: 'invalid' };
  const reader = new BitReader(input);
  const first = readLiteral(reader, reader.read(2));
  if (first === undefined) return { ok: false, reason: 'invalid' };
  // Codes 0, 1 and 2 mean "8-bit literal", "16-bit literal" and "end": entries start at 3.
  const dictionary: string[] = ['', '', '', first];
  const result: string[] = [first];
  let length = first.length;
  let w = first;
  let enlargeIn = 4;
  let numBits = 3;
  const grow = (): void => {
    if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
  };
  for (;;) {
    if (reader.exhausted || numBits > MAX_CODE_BITS) return { ok: false, reason: 'invalid' };
    let code = reader.read(numBits);
    if (code === 2) return { ok: true, text: result.join('') };
    if (code < 2) {
      dictionary.push(readLiteral(reader, code)!);
      code = dictionary.length - 1;
      grow();
    }
    const entry = code < dictionary.length ? dictionary[code]! : code === dictionary.length ? w + w.charAt(0) : undefined;
    if (entry === undefined || entry === '') return { ok: false, reason: 'invalid' };
    length += entry.length;
    if (length > maxChars) return { ok: false, reason: 'tooLarge' };
    result.push(entry);
    dictionary.push(w + entry.charAt(0));
    grow();
    w = entry;
  }
}

function readLiteral(reader: BitReader, kind: number): string | undefined {
  if (kind === 0) return String.fromCharCode(reader.read(8));
  if (kind === 1) return String.fromCharCode(reader.read(16));
  return undefined;
}
