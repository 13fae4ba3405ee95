// Renders every XHTML page of unpacked EPUBs in headless Chromium (Debian's,
// driven by puppeteer-core) as a patient sees them on a small phone with
// large text, in the book's own colours and in reader themes, and checks
// what a reader cannot repair: text running off the side, and text whose
// colour does not stand out from the page.
//
//   node check-pages.mjs [--screenshots DIR --shot PAGE] BOOK_DIR...
//
// BOOK_DIR is an unpacked EPUB. Prints one line per failure (book, page,
// theme, element, colours, ratio) and exits 1 if there was any.
// --screenshots writes PAGE (a file name such as fascia.xhtml) of the
// first book at 390×844 in every theme to DIR/epub-<theme>.png.
import fs from 'node:fs';
import path from 'node:path';

import { chromium, launch, serve, xhtmlPages } from './books.mjs';

// 200 % text as reading apps apply it: Readium CSS (Thorium and the apps
// built on it) and Apple Books scale the root font size, so every em and rem
// of the book follows. A test that set Chromium's default font size instead
// would do the same for em-based CSS, but not show how apps do it.
const largeText = ':root { font-size: 200% !important; }';

// The themes. "light" is the book as written, on Chromium's white canvas.
// "dark" is what reading apps inject without telling the book (Readium CSS's
// night mode, Kobo's and Apple Books' dark themes work this way): black page,
// light text, their own link colour, all !important; the book's other
// colours stay, so they must hold on black too. "dark-media" is a reader
// that also reports prefers-color-scheme: dark, on an off-black page
// (#121212, as Apple Books' night theme and Material's dark surface) with
// no link override: the book may yield its colours there.
const themes = [
  { name: 'light', css: '', media: 'light' },
  {
    name: 'dark',
    css: 'html, body { background: #000 !important; color: #eee !important; }\n' +
      'a:link, a:visited { color: #63caff !important; }',
    media: 'light',
  },
  {
    name: 'dark-media',
    css: 'html, body { background: #121212 !important; color: #ddd !important; }',
    media: 'dark',
  },
];

const minimumContrast = 4.5;  // WCAG 2.2 SC 1.4.3, level AA, normal text

function parseArgs(argv) {
  const options = { books: [], screenshots: null, shot: null };
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === '--screenshots') options.screenshots = argv[++i];
    else if (argv[i] === '--shot') options.shot = argv[++i];
    else options.books.push(argv[i]);
  }
  if (options.books.length === 0 || (options.screenshots && !options.shot)) {
    console.error('usage: node check-pages.mjs [--screenshots DIR --shot PAGE] BOOK_DIR...');
    process.exit(2);
  }
  return options;
}

// Runs in the page: what overflows sideways and which text lacks contrast.
function inspectPage(minimumContrast) {
  const parse = (text) => {
    let m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(text);
    if (m) return [m[1] / 255, m[2] / 255, m[3] / 255, m[4] === undefined ? 1 : Number(m[4])];
    m = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)$/.exec(text);
    if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
    throw new Error(`unexpected computed colour ${text}`);
  };
  const over = (top, below) => {  // `top` composited onto an opaque `below`
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + below[i] * (1 - a)).concat(1);
  };
  const luminance = (c) => {
    const linear = c.slice(0, 3).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
  };
  const hex = (c) => '#' + c.slice(0, 3).map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('');
  // The effective background: the element's and its ancestors' background
  // colours composited from the canvas (white unless the root paints one).
  const background = (element) => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] === 1) break;
    }
    let result = [1, 1, 1, 1];
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };
  const describe = (e) => {
    let name = e.localName;
    if (e.id) name += '#' + e.id;
    if (e.className) name += '.' + String(e.className).trim().split(/\s+/).join('.');
    const text = e.textContent.replace(/\s+/g, ' ').trim();
    return `<${name}> "${text.length > 40 ? text.slice(0, 40) + '…' : text}"`;
  };

  const width = document.documentElement.clientWidth;
  const problems = [];
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth > width) problems.push(`document is ${scrollWidth} px wide, the viewport ${width} px`);
  // What lies inside a box that scrolls sideways (a wide table's) is read
  // by scrolling that box, which is itself checked to fit.
  const inScroller = (e) => {
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      const overflow = getComputedStyle(a).overflowX;
      if (overflow === 'auto' || overflow === 'scroll') return true;
    }
    return false;
  };
  for (const e of document.body.querySelectorAll('*')) {
    if (!e.checkVisibility()) continue;
    const box = e.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const scrolled = inScroller(e);
    if (!scrolled && (box.left < -0.5 || box.right > width + 0.5)) {
      problems.push(`${describe(e)} spans ${box.left.toFixed(1)} to ${box.right.toFixed(1)} px of ${width} px`);
    }
    const ownText = [...e.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.data.trim() !== '');
    if (ownText.length === 0) continue;
    // Text may run out of a box that fits (a long word in a heading): the
    // lines' own boxes tell.
    const range = document.createRange();
    for (const node of ownText) {
      range.selectNodeContents(node);
      const right = Math.max(...[...range.getClientRects()].map((r) => r.right));
      if (!scrolled && right > width + 0.5) problems.push(`text of ${describe(e)} runs to ${right.toFixed(1)} px of ${width} px`);
    }
    const style = getComputedStyle(e);
    if (style.visibility !== 'visible') continue;
    const back = background(e);
    const fore = over(parse(style.color), back);
    const [l1, l2] = [luminance(fore), luminance(back)].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    if (ratio < minimumContrast) {
      problems.push(`${describe(e)}: ${hex(fore)} on ${hex(back)}, contrast ${ratio.toFixed(2)}:1`);
    }
  }
  return problems;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(chromium)) {
    console.error(`FAIL: no Chromium at ${chromium} (run scripts/setup --test)`);
    process.exit(1);
  }
  const roots = options.books.map((b) => path.resolve(b));
  const server = await serve(roots);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  let failures = 0;
  let checked = 0;
  try {
    const tab = await browser.newPage();
    const render = async (url, theme, viewport) => {
      await tab.setViewport({ ...viewport, deviceScaleFactor: 1 });
      await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme.media }]);
      await tab.goto(url, { waitUntil: 'load' });
      // Injected last, as reading apps do, so it wins over the book's CSS.
      await tab.addStyleTag({ content: largeText + '\n' + theme.css });
      await tab.evaluate(() => document.fonts.ready.then(() => undefined));
    };
    for (const [index, root] of roots.entries()) {
      const book = path.basename(root);
      for (const page of xhtmlPages(root)) {
        for (const theme of themes) {
          await render(`${base}/${index}/${page}`, theme, { width: 320, height: 640 });
          const problems = await tab.evaluate(inspectPage, minimumContrast);
          ++checked;
          for (const problem of problems) {
            console.log(`FAIL: ${book} ${page} [${theme.name}, 320 px, 200 % text]: ${problem}`);
            ++failures;
          }
        }
      }
    }
    if (options.screenshots) {
      const page = xhtmlPages(roots[0]).find((p) => path.posix.basename(p) === options.shot);
      if (!page) throw new Error(`no page ${options.shot} in ${roots[0]}`);
      fs.mkdirSync(options.screenshots, { recursive: true });
      for (const theme of themes) {
        await render(`${base}/0/${page}`, theme, { width: 390, height: 844 });
        const file = path.join(options.screenshots, `epub-${theme.name}.png`);
        await tab.screenshot({ path: file });
        console.log(`wrote ${file}`);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`${checked} renderings checked (pages × ${themes.length} themes), ${failures} problem(s)`);
  process.exit(failures > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(`FAIL: ${error.stack || error}`);
  process.exit(1);
});
