// What the browser tests share: the pages of unpacked EPUBs, an HTTP server
// for them, and Debian's Chromium started headless.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

export const chromium = process.env.CHROMIUM || '/usr/bin/chromium';

// The book's XHTML documents, in manifest order, as paths under the book.
export function xhtmlPages(bookDir) {
  const container = fs.readFileSync(path.join(bookDir, 'META-INF/container.xml'), 'utf8');
  const opfPath = /full-path="([^"]+)"/.exec(container)[1];
  const opf = fs.readFileSync(path.join(bookDir, opfPath), 'utf8');
  const pages = [];
  for (const item of opf.matchAll(/<item\s[^>]*>/g)) {
    if (!/media-type="application\/xhtml\+xml"/.test(item[0])) continue;
    const href = /href="([^"]+)"/.exec(item[0])[1];
    pages.push(path.posix.join(path.posix.dirname(opfPath), decodeURIComponent(href)));
  }
  return pages;
}

const mediaTypes = {
  '.xhtml': 'application/xhtml+xml', '.css': 'text/css', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf', '.otf': 'font/otf', '.woff': 'font/woff', '.woff2': 'font/woff2',
};

// Serves the books over HTTP, as a reading app's web view loads them: from
// file:// Chromium would refuse the embedded fonts (a unique origin each).
export function serve(roots) {
  const server = http.createServer((request, response) => {
    const [, book, ...rest] = decodeURIComponent(new URL(request.url, 'http://x').pathname).split('/');
    const root = roots[Number(book)];
    const file = root && path.join(root, ...rest);
    if (!file || !file.startsWith(root + path.sep) || !fs.existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': mediaTypes[path.extname(file).toLowerCase()] || 'application/octet-stream',
    });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// Debian's Chromium, headless, with nothing running in the background.
export function launch() {
  return puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--font-render-hinting=none'],
  });
}
