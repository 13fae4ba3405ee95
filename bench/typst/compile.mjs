// One Typst compilation to PDF, as a command: the PDF peer of
// bench/pdf-vs-typst.sh. Typst 0.14.2, from typst.ts's Node.js compiler
// (@myriaddreamin/typst-ts-node-compiler 0.7.0). Fonts only from FONT_DIR
// (no system font scan), like pamphlet, which reads only its profile's fonts.
//   node compile.mjs MAIN.typ OUT.pdf FONT_DIR [--time]
// --time prints, on stderr, the milliseconds Typst itself took (compiler
// made, document compiled, PDF rendered), without Node.js starting up.
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const [main, out, fontDir, flag] = process.argv.slice(2);
if (!main || !out || !fontDir) {
  console.error('usage: node compile.mjs MAIN.typ OUT.pdf FONT_DIR [--time]');
  process.exit(2);
}
const start = process.hrtime.bigint();
const compiler = NodeCompiler.create({
  workspace: dirname(resolve(main)),
  fontArgs: [{ fontPaths: [resolve(fontDir)] }],
});
const compiled = compiler.compile({ mainFilePath: resolve(main) });
if (compiled.hasError()) {
  compiled.printDiagnostics();
  process.exit(1);
}
const pdf = compiler.pdf(compiled.result, { creationTimestamp: 1700000000 });
writeFileSync(out, pdf);
if (flag === '--time') {
  console.error(`typst: ${Number(process.hrtime.bigint() - start) / 1e6} ms`);
}
