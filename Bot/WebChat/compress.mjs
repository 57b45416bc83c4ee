// Writes Brotli (.br) and gzip (.gz) copies of the Web Chat bundle beside it, once per build of a
// new bundle, at the strongest settings: the server sends these as they are (WebChatBundle.cs),
// so the cost is paid here and not on every request. Run by the Bot's build after npm ci.
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

for (const file of process.argv.slice(2)) {
  const source = readFileSync(file);
  writeFileSync(file + '.br', brotliCompressSync(source, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
  }));
  writeFileSync(file + '.gz', gzipSync(source, { level: 9 }));
}
