// CaseMark's webview pages (the genogram preview, the alternative viewpoint), pure: the extension fills in the
// webview's URIs, the browser test its own server's. A page holds no case text: the diagrams or the viewpoint arrive
// later as a message and the script builds them as DOM nodes.

export interface PreviewPage {
  /** The webview's `cspSource`: the only origin styles, images and fonts may come from. */
  cspSource: string;
  /** Random, new for every page: only the script tag carrying it runs. */
  nonce: string;
  /** dist/webview/ as the page sees it, ending without a slash. */
  base: string;
}

const attr = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    // blob: for the PNG export (the drawing goes through an <img> into a canvas); no remote images.
    `img-src ${cspSource} blob: data:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

/** What differs between CaseMark's webview pages: their own files in dist/webview/ and the text shown while loading. */
interface PageParts {
  title: string;
  /** Style sheets in dist/webview/, in order. */
  styles: string[];
  script: string;
  rootId: string;
  loading: string;
}

function pageHtml(page: PreviewPage, parts: PageParts): string {
  const base = attr(page.base);
  const styles = parts.styles.map((file) => `<link rel="stylesheet" href="${base}/${attr(file)}">\n`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(page.cspSource, page.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${styles}<title>${attr(parts.title)}</title>
</head>
<body>
<main id="${attr(parts.rootId)}" aria-live="polite"><p class="casemark-status">${attr(parts.loading)}</p></main>
<script nonce="${attr(page.nonce)}" src="${base}/${attr(parts.script)}"></script>
</body>
</html>
`;
}

export function previewHtml(page: PreviewPage): string {
  return pageHtml(page, { title: 'Genogram preview', styles: ['genogram.css', 'preview.css'], script: 'preview.js', rootId: 'casemark-preview', loading: 'Loading the genogram preview…' });
}

/** The alternative viewpoint's panel (webview/viewpoint.ts): the same policy, its own script and styles. */
export function viewpointHtml(page: PreviewPage): string {
  return pageHtml(page, { title: 'Alternative viewpoint', styles: ['viewpoint.css'], script: 'viewpoint.js', rootId: 'casemark-viewpoint', loading: 'Loading the alternative viewpoint…' });
}

/** 128 random bits, hex: crypto.getRandomValues exists in Node 20, browsers and web workers. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** One row of the pseudonym mapping as the panel shows it. */
export interface MappingRow {
  original: string;
  pseudonym: string;
  who: string;
  spellings: string[];
}

/**
 * The pseudonym mapping's panel: a table and nothing else. It runs no script at all (no `script-src`), so the
 * names in it are only ever text, escaped here; saving it is a separate, explicit command.
 */
export function mappingHtml(page: Pick<PreviewPage, 'cspSource' | 'base'>, caseName: string, rows: MappingRow[], dates: string): string {
  const base = attr(page.base);
  const body = rows.map((r) => `<tr><td>${attr(r.original)}</td><td>${attr(r.pseudonym)}</td><td>${attr(r.who)}</td><td>${attr(r.spellings.join(', '))}</td></tr>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(`default-src 'none'; style-src ${page.cspSource}`)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${base}/mapping.css">
<title>Pseudonym mapping</title>
</head>
<body>
<main>
<h1>Pseudonym mapping for ${attr(caseName)}</h1>
<p class="warning" role="note"><strong>This table re-identifies the family.</strong> It is shown here for you to check the shareable copy, and is not saved anywhere. Save it only if you need it (CaseMark: Save Pseudonym Mapping…), only where case records are kept, and never with the copy.</p>
<table>
<caption>Each name in the case file and what the shareable copy says instead</caption>
<thead><tr><th scope="col">Original</th><th scope="col">Pseudonym</th><th scope="col">Who</th><th scope="col">Written as</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
<p>${attr(dates)} To choose your own pseudonyms, list them in the case file's frontmatter (<code>pseudonyms: {Kerry Jones: Mum}</code>) and make the copy again.</p>
</main>
</body>
</html>
`;
}
