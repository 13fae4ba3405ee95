// How justified text looks on a phone that hyphenates nothing itself: the
// article pages of unpacked EPUBs in headless Chromium at 390×844 (a phone,
// the reader's default text size), with Chromium's own hyphenation off
// (hyphens: manual: what readers without a dictionary for the language do;
// soft hyphens still break), measured line by line.
//
//   node word-gaps.mjs BOOK_DIR...
//
// Prints per book the justified lines (a paragraph's last line is not
// justified), how many have a word space wider than twice the font's normal
// space, and that share. Also checks that Chromium's find-in-page finds
// hyphenated words whole: every word that holds a soft hyphen on the first
// article page, searched for without it. Exits 1 if a search fails.
import path from 'node:path';

import { launch, serve, xhtmlPages } from './books.mjs';

// Runs in the page: the justified lines of the article's paragraphs and
// the widest word space on each.
function measureGaps() {
  const lines = [];
  const canvas = document.createElement('canvas').getContext('2d');
  for (const p of document.querySelectorAll('section p')) {
    const style = getComputedStyle(p);
    if (style.textAlign !== 'justify') continue;
    canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const normal = canvas.measureText(' ').width;
    const widest = new Map();  // line top -> widest space on it
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = node.data.indexOf(' '); i >= 0; i = node.data.indexOf(' ', i + 1)) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        const top = Math.round(rect.top);
        widest.set(top, Math.max(widest.get(top) || 0, rect.width));
      }
    }
    // Every line of the paragraph, the last one (not justified) left out.
    range.selectNodeContents(p);
    const tops = [...new Set([...range.getClientRects()].map((r) => Math.round(r.top)))].sort((a, b) => a - b);
    for (const top of tops.slice(0, -1)) {
      const gap = [...widest.entries()].find(([t]) => Math.abs(t - top) <= 2);
      if (gap) lines.push(gap[1] / normal);
    }
  }
  return lines;
}

// Runs in the page: words that hold a soft hyphen, without it.
function hyphenatedWords() {
  const words = document.querySelector('section').textContent.split(/\s+/);
  return [...new Set(words.filter((w) => w.includes('\u00AD')).map((w) => w.replace(/\u00AD/g, '').replace(/[^\p{L}-]/gu, '')))]
    .filter((w) => w.length >= 6);
}

async function main() {
  const roots = process.argv.slice(2).map((b) => path.resolve(b));
  if (roots.length === 0) {
    console.error('usage: node word-gaps.mjs BOOK_DIR...');
    process.exit(2);
  }
  const server = await serve(roots);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  let failures = 0;
  try {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 390, height: 844, deviceScaleFactor: 1 });
    for (const [index, root] of roots.entries()) {
      const articles = xhtmlPages(root).filter((p) => !/(cover|title|colophon|nav)\.xhtml$/.test(p));
      const ratios = [];
      for (const page of articles) {
        await tab.goto(`${base}/${index}/${page}`, { waitUntil: 'load' });
        await tab.addStyleTag({ content: '* { hyphens: manual !important; -webkit-hyphens: manual !important; }' });
        await tab.evaluate(() => document.fonts.ready.then(() => undefined));
        ratios.push(...await tab.evaluate(measureGaps));
      }
      const wide = ratios.filter((r) => r > 2).length;
      const share = ratios.length ? (100 * wide / ratios.length).toFixed(1) : '0.0';
      console.log(`${path.basename(root)}: ${ratios.length} justified lines, ${wide} with a word space over twice the normal (${share} %)`);

      // Find-in-page sees through soft hyphens.
      await tab.goto(`${base}/${index}/${articles[0]}`, { waitUntil: 'load' });
      const words = await tab.evaluate(hyphenatedWords);
      let found = 0;
      for (const word of words) {
        // A hit counts where the text holds soft hyphens (the same word
        // elsewhere, in a heading, would prove nothing).
        const hit = await tab.evaluate((w) => {
          const selection = window.getSelection();
          selection.removeAllRanges();
          for (let tries = 0; tries < 50 && window.find(w, false, false, false); ++tries) {
            const text = selection.getRangeAt(0).toString();
            if (text.includes('\u00AD')) return true;
          }
          return false;
        }, word);
        if (hit) ++found;
        else {
          console.log(`FAIL: ${path.basename(root)} ${articles[0]}: find-in-page does not find "${word}"`);
          ++failures;
        }
      }
      console.log(`${path.basename(root)}: find-in-page finds ${found} of ${words.length} hyphenated words`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  process.exit(failures > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(`FAIL: ${error.stack || error}`);
  process.exit(1);
});
