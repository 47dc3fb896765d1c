/**
 * A TrueType font with one glyph, empty and zero wide, for the zero-width characters: the zero-width
 * space that lets a long source wrap (breaks.ts), the joiners, the word joiner and the byte order
 * mark. Setting those in Roboto, the fallback font, meant loading, laying out with and embedding
 * Roboto in nearly every PDF for characters that draw nothing: about 0.25 s of a 12-region build.
 * This font is built here rather than shipped, so every byte of it is in the source.
 *
 * The tables are the ones a TrueType font must have (OpenType spec, "Required tables"), in their
 * plainest versions; the numbers follow the spec's field order.
 */
export const ZERO_WIDTH_CHARS = [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff] as const;

// fontkit, which pdfkit lays text out with, draws every default-ignorable character as the font's
// space, so the space maps to the same empty glyph. That glyph keeps the character it was first
// found for, the zero-width one, which is what a reader's copy of the text gets.
const MAPPED = [0x20, ...ZERO_WIDTH_CHARS];

const UNITS_PER_EM = 1000;
const ASCENT = 800;
const DESCENT = -200;
const NAME = 'ZeroWidth';

type Field = ['u8' | 'u16' | 'i16' | 'u32' | 'i64', number];

function pack(fields: readonly Field[]): Buffer {
  const size = { u8: 1, u16: 2, i16: 2, u32: 4, i64: 8 };
  const out = Buffer.alloc(fields.reduce((n, [type]) => n + size[type], 0));
  let at = 0;
  for (const [type, value] of fields) {
    if (type === 'u8') out.writeUInt8(value, at);
    else if (type === 'u16') out.writeUInt16BE(value, at);
    else if (type === 'i16') out.writeInt16BE(value, at);
    else if (type === 'u32') out.writeUInt32BE(value >>> 0, at);
    else out.writeBigInt64BE(BigInt(value), at);
    at += size[type];
  }
  return out;
}

const u16s = (values: readonly number[]): Field[] => values.map((v) => ['u16', v]);

function head(): Buffer {
  return pack([
    ['u32', 0x00010000], // version
    ['u32', 0x00010000], // fontRevision
    ['u32', 0], // checksumAdjustment, set once the font is assembled
    ['u32', 0x5f0f3cf5], // magicNumber
    ['u16', 0b1011], // flags: baseline at y=0, left sidebearing at x=0, integer scaling
    ['u16', UNITS_PER_EM],
    ['i64', 0], // created: a fixed date keeps the bytes the same on every run
    ['i64', 0], // modified
    ...u16s([0, 0, 0, 0]), // xMin, yMin, xMax, yMax
    ...u16s([0, 8, 2, 0, 0]), // macStyle, lowestRecPPEM, fontDirectionHint, indexToLocFormat (short), glyphDataFormat
  ]);
}

function hhea(): Buffer {
  return pack([
    ['u32', 0x00010000],
    ['i16', ASCENT],
    ['i16', DESCENT],
    ['i16', 0], // lineGap
    ...u16s([0, 0, 0, 0]), // advanceWidthMax, minLeftSideBearing, minRightSideBearing, xMaxExtent
    ...u16s([1, 0, 0, 0, 0, 0, 0, 0]), // caretSlopeRise, caretSlopeRun, caretOffset, 4 reserved, metricDataFormat
    ['u16', 2], // numberOfHMetrics
  ]);
}

function maxp(): Buffer {
  // Version 1.0 (TrueType outlines): two glyphs, one point in one contour, no instructions.
  return pack([['u32', 0x00010000], ['u16', 2], ...u16s([1, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0])]);
}

function os2(): Buffer {
  return pack([
    ['u16', 4], // version
    ['i16', 0], // xAvgCharWidth
    ...u16s([400, 5, 0]), // usWeightClass (regular), usWidthClass (medium), fsType (installable)
    ...u16s([650, 600, 0, 75, 650, 600, 0, 350, 50, 250, 0]), // sub/superscript sizes and offsets, strikeout, sFamilyClass
    ...Array.from({ length: 10 }, (): Field => ['u8', 0]), // panose
    ...Array.from({ length: 4 }, (): Field => ['u32', 0]), // ulUnicodeRange1-4
    ...[...'    '].map((c): Field => ['u8', c.charCodeAt(0)]), // achVendID
    ['u16', 0x40], // fsSelection: regular
    ['u16', Math.min(...MAPPED)],
    ['u16', Math.max(...MAPPED)],
    ['i16', ASCENT],
    ['i16', DESCENT],
    ['i16', 0], // sTypoLineGap
    ['u16', ASCENT], // usWinAscent
    ['u16', -DESCENT], // usWinDescent
    ['u32', 1], // ulCodePageRange1: Latin 1
    ['u32', 0],
    ['i16', 500], // sxHeight
    ['i16', 700], // sCapHeight
    ...u16s([0, 0x20, 1]), // usDefaultChar, usBreakChar, usMaxContext
  ]);
}

function hmtx(): Buffer {
  return pack(u16s([0, 0, 0, 0])); // .notdef and the empty glyph: no advance, no bearing
}

function cmap(): Buffer {
  // Format 4, one segment per character, each mapped to glyph 1, then the closing 0xFFFF segment.
  const starts = [...MAPPED, 0xffff];
  const segments = starts.length;
  const log2 = Math.floor(Math.log2(segments));
  const subtable = pack([
    ['u16', 4],
    ['u16', 16 + segments * 8],
    ['u16', 0], // language
    ['u16', segments * 2],
    ['u16', 2 ** (log2 + 1)],
    ['u16', log2],
    ['u16', segments * 2 - 2 ** (log2 + 1)],
    ...u16s(starts), // endCode
    ['u16', 0], // reservedPad
    ...u16s(starts), // startCode
    ...u16s(starts.map((c) => (c === 0xffff ? 1 : (1 - c) & 0xffff))), // idDelta
    ...u16s(starts.map(() => 0)), // idRangeOffset
  ]);
  // One encoding record: Windows, Unicode BMP.
  return Buffer.concat([pack(u16s([0, 1, 3, 1])), pack([['u32', 12]]), subtable]);
}

/**
 * .notdef is a single point, which draws nothing: readers (pdf.js among them) reject an embedded
 * font whose glyph table is empty. The zero-width glyph after it has no outline at all.
 */
function glyf(): Buffer {
  return pack([
    ['i16', 1], // numberOfContours
    ...u16s([0, 0, 0, 0]), // xMin, yMin, xMax, yMax
    ['u16', 0], // endPtsOfContours[0]
    ['u16', 0], // instructionLength
    ['u8', 0x31], // flags: on curve, x and y the same as before (0, 0)
    ['u8', 0], // padding to an even length, as short offsets need
  ]);
}

function name(): Buffer {
  const text = Buffer.from(NAME, 'utf16le').swap16(); // UTF-16BE
  // Windows, Unicode BMP, US English: the PostScript name (ID 6), which the PDF font is named after.
  return Buffer.concat([pack(u16s([0, 1, 6 + 12, 3, 1, 0x409, 6, text.length, 0])), text]);
}

function post(): Buffer {
  // Version 3: no glyph names.
  return pack([
    ['u32', 0x00030000],
    ['u32', 0],
    ['i16', -100],
    ['i16', 50],
    ...Array.from({ length: 5 }, (): Field => ['u32', 0]),
  ]);
}

function checksum(data: Buffer): number {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

function assemble(tables: Record<string, Buffer>): Buffer {
  const tags = Object.keys(tables).sort();
  const log2 = Math.floor(Math.log2(tags.length));
  const directory = pack([
    ['u32', 0x00010000],
    ['u16', tags.length],
    ['u16', 16 * 2 ** log2],
    ['u16', log2],
    ['u16', tags.length * 16 - 16 * 2 ** log2],
  ]);
  let offset = directory.length + tags.length * 16;
  const records: Buffer[] = [];
  const bodies: Buffer[] = [];
  for (const tag of tags) {
    const body = tables[tag] as Buffer;
    records.push(
      Buffer.concat([
        Buffer.from(tag, 'latin1'),
        pack([
          ['u32', checksum(body)],
          ['u32', offset],
          ['u32', body.length],
        ]),
      ]),
    );
    const padded = Buffer.concat([body, Buffer.alloc((4 - (body.length % 4)) % 4)]);
    bodies.push(padded);
    offset += padded.length;
  }
  const font = Buffer.concat([directory, ...records, ...bodies]);
  // head's checksumAdjustment makes the whole font sum to this constant (spec, "head" table).
  const headOffset = font.readUInt32BE(12 + tags.indexOf('head') * 16 + 8);
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, headOffset + 8);
  return font;
}

let built: Buffer | undefined;

/** The font's bytes, built once per process; the same bytes every time. */
export function zeroWidthFont(): Buffer {
  built ??= assemble({
    cmap: cmap(),
    glyf: glyf(),
    head: head(),
    hhea: hhea(),
    hmtx: hmtx(),
    loca: pack(u16s([0, 8, 8])), // short offsets, in halves: .notdef 0-16, the empty glyph 16-16
    maxp: maxp(),
    name: name(),
    'OS/2': os2(),
    post: post(),
  });
  return built;
}
