// A stream that passes text through without its ANSI escape codes (colour, cursor
// moves), for output that is going to a pipe or a file. It works a line at a time:
// a chunk can end in the middle of an escape sequence, and no sequence spans a
// newline, so a partial last line waits for the rest (or for the end of the stream).
// Decoded as UTF-8 first, so a character split across chunks stays whole.
import { StringDecoder } from 'node:string_decoder';
import { Transform } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';

export function ansiStripper(): Transform {
  const decoder = new StringDecoder('utf8');
  let partialLine = '';
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const text = partialLine + decoder.write(chunk);
      const end = text.lastIndexOf('\n') + 1;
      partialLine = text.slice(end);
      if (end > 0) this.push(stripVTControlCharacters(text.slice(0, end)));
      done();
    },
    flush(done) {
      const rest = partialLine + decoder.end();
      if (rest !== '') this.push(stripVTControlCharacters(rest));
      done();
    },
  });
}
