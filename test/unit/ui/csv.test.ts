import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../src/ui/insight/csv.ts';

describe('CSV export', () => {
  it('starts with a UTF-8 byte order mark and ends every line with CRLF', () => {
    const csv = toCsv(['brokerName', 'brokerId'], [['broker-a', 0], ['代理-b', 1]]);
    expect(csv).toBe('\ufeffbrokerName,brokerId\r\nbroker-a,0\r\n代理-b,1\r\n');
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(csvField('plain')).toBe('plain');
  });

  it('keeps a name that a spreadsheet would run as a formula as text', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('+1+2')).toBe("'+1+2");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('broker-a=1')).toBe('broker-a=1');
  });

  it('writes numbers as numbers, negative ones included', () => {
    expect(toCsv(['diff'], [[-3], [0], [12.5]])).toBe('\ufeffdiff\r\n-3\r\n0\r\n12.5\r\n');
  });

  it('reads back: each row has as many fields as the header when parsed by the RFC 4180 rules', () => {
    const rows = [['x,y', 'q"t', 'n\nl'], ['=1', '中文', '']];
    const parsed = parseCsv(toCsv(['a', 'b', 'c'], rows).slice(1));
    expect(parsed).toEqual([['a', 'b', 'c'], ['x,y', 'q"t', 'n\nl'], ["'=1", '中文', '']]);
  });
});

/** A minimal RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += ch;
  }
  return rows;
}
