/**
 * Breaks `text` into lines no wider than `maxWidth`: at spaces, at line breaks the text has, and
 * inside a word only when the word alone is wider than the line (a long e-mail address or notation).
 * Runs of spaces collapse; an empty text gives no lines.
 */
export function wrapText(text: string, maxWidth: number, widthOf: (text: string) => number): string[] {
  const lines: string[] = [];
  const paragraphs = text
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n');
  if (paragraphs.length === 1 && paragraphs[0] === '') return lines;
  const spaceWidth = widthOf(' ');
  for (const paragraph of paragraphs) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/[ \t\u00a0]+/)) {
      if (word === '') continue;
      const wordWidth = widthOf(word);
      if (line && lineWidth + spaceWidth + wordWidth <= maxWidth) {
        line += ` ${word}`;
        lineWidth += spaceWidth + wordWidth;
        continue;
      }
      if (line) lines.push(line);
      if (wordWidth <= maxWidth) {
        line = word;
        lineWidth = wordWidth;
        continue;
      }
      const pieces = breakWord(word, maxWidth, widthOf);
      lines.push(...pieces.slice(0, -1));
      line = pieces[pieces.length - 1]!;
      lineWidth = widthOf(line);
    }
    lines.push(line);
  }
  return lines;
}

function breakWord(word: string, maxWidth: number, widthOf: (text: string) => number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    // At least one character a line, or a too-narrow column would loop forever.
    if (piece && widthOf(piece + ch) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
  }
  pieces.push(piece);
  return pieces;
}
