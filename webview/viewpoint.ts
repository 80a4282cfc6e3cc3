// The alternative viewpoint's page script, bundled by esbuild (browser, iife) into dist/webview/viewpoint.js.
// It receives data, never markup: the Viewpoint comes as a message and every piece of it becomes DOM through
// createElement and text nodes. `**bold**` is split into <strong> elements by hand; nothing is parsed as HTML.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { Block, Mark, Matrix, Viewpoint } from '../src/core/viewpoint/index';
import type { ViewpointFromWebview, ViewpointToWebview } from '../src/shared/viewpoint-protocol';

interface VsCodeApi {
  postMessage(message: ViewpointFromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** A matrix column: the evidence, its source, or the hypothesis at that index. */
type Column = 'evidence' | 'source' | number;
type Direction = 'ascending' | 'descending';

/** What survives hiding the panel and restarting VS Code: the file, the sort and the text size. No case text. */
interface SavedState {
  uri?: string;
  sort?: { column: Column; direction: Direction };
  scale: number;
}

const MIN_SCALE = 0.8;
const MAX_SCALE = 2;
const SCALE_STEP = 0.1;
/** Ascending order of the marks: what fits, what does not, what the notes do not say. */
const markOrder: Record<Mark, number> = { fits: 0, 'does-not-fit': 1, 'not-assessed': 2 };
/** A cue that is not colour, beside each mark's word. */
const markSymbol: Record<Mark, string> = { fits: '✓', 'does-not-fit': '✗', 'not-assessed': '?' };

const vscode = acquireVsCodeApi();
const root = document.getElementById('casemark-viewpoint') as HTMLElement;
const saved = readState(vscode.getState());
let current: { uri: string; version: number; viewpoint: Viewpoint } | undefined;
/** The matrix on the page, to sort again without a new message. */
let shownMatrix: { matrix: Matrix; body: HTMLTableSectionElement; headers: HTMLTableCellElement[]; status: HTMLElement } | undefined;

function readState(value: unknown): SavedState {
  const state = value as Partial<SavedState> | undefined;
  const column = state?.sort?.column;
  const sort =
    (column === 'evidence' || column === 'source' || (typeof column === 'number' && Number.isInteger(column) && column >= 0)) &&
    (state?.sort?.direction === 'ascending' || state?.sort?.direction === 'descending')
      ? { column, direction: state.sort.direction }
      : undefined;
  const scale = typeof state?.scale === 'number' && state.scale >= MIN_SCALE && state.scale <= MAX_SCALE ? state.scale : 1;
  return { uri: typeof state?.uri === 'string' ? state.uri : undefined, sort, scale };
}

function saveState(): void {
  vscode.setState({ uri: saved.uri, sort: saved.sort, scale: saved.scale } satisfies SavedState);
}

function post(message: ViewpointFromWebview): void {
  vscode.postMessage(message);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Text with `**bold**` runs as text nodes and <strong> elements; a marker with no partner stays as it was written. */
function inline(text: string): Array<Node | string> {
  const parts = text.split('**');
  // An even number of parts means one `**` has no partner: join the last two back.
  if (parts.length % 2 === 0) parts.splice(parts.length - 2, 2, `${parts[parts.length - 2]}**${parts[parts.length - 1]}`);
  return parts.map((part, i) => (i % 2 === 1 && part !== '' ? element('strong', {}, part) : part)).filter((p) => p !== '');
}

// ---- the matrix ----

function columnName(matrix: Matrix, column: Column): string {
  return column === 'evidence' ? matrix.words.evidence : column === 'source' ? matrix.words.source : (matrix.hypotheses[column]?.label ?? '');
}

function markWord(matrix: Matrix, mark: Mark): string {
  return mark === 'fits' ? matrix.words.fits : mark === 'does-not-fit' ? matrix.words.doesNotFit : matrix.words.notAssessed;
}

function validColumn(matrix: Matrix, column: Column): boolean {
  return typeof column !== 'number' || column < matrix.hypotheses.length;
}

/** Row indexes in the sorted order; ties, and no sort at all, keep the notes' order. */
function order(matrix: Matrix, sort: SavedState['sort']): number[] {
  const indexes = matrix.rows.map((_, i) => i);
  if (!sort || !validColumn(matrix, sort.column)) return indexes;
  const { column } = sort;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const compare = (a: number, b: number): number => {
    const x = matrix.rows[a];
    const y = matrix.rows[b];
    if (!x || !y) return 0;
    if (column === 'evidence') return collator.compare(x.evidence, y.evidence);
    if (column === 'source') {
      // Rows without a source go last either way.
      if (!x.source || !y.source) return x.source ? -sign : y.source ? sign : 0;
      return collator.compare(x.source, y.source);
    }
    return markOrder[x.marks[column] ?? 'not-assessed'] - markOrder[y.marks[column] ?? 'not-assessed'];
  };
  return indexes.sort((a, b) => sign * compare(a, b) || a - b);
}

function matrixRow(matrix: Matrix, index: number): HTMLTableRowElement {
  const row = matrix.rows[index] as Matrix['rows'][number];
  const evidence = element('th', { scope: 'row' }, element('span', { class: 'vp-evidence' }, row.evidence));
  if (!row.diagnostic) evidence.append(' ', element('span', { class: 'vp-tag' }, 'fits every hypothesis: does not help to choose'));
  // data-label: in a narrow pane each row is a card, and each cell says which column it is (viewpoint.css).
  const cells: HTMLTableCellElement[] = [evidence, element('td', { class: row.source ? 'vp-source' : 'vp-source vp-none', 'data-label': matrix.words.source }, row.source ?? '—')];
  matrix.hypotheses.forEach((hypothesis, h) => {
    const mark = row.marks[h] ?? 'not-assessed';
    cells.push(element('td', { class: `vp-mark vp-${mark}`, 'data-label': hypothesis.label }, element('span', { class: 'vp-symbol', 'aria-hidden': 'true' }, markSymbol[mark]), ' ', markWord(matrix, mark)));
  });
  return element('tr', { class: row.diagnostic ? 'vp-row' : 'vp-row vp-nondiagnostic', 'data-row': String(index) }, ...cells);
}

function sortBy(column: Column): void {
  if (!shownMatrix) return;
  const sort = saved.sort;
  // Ascending, then descending, then back to the notes' order.
  if (sort?.column !== column) saved.sort = { column, direction: 'ascending' };
  else if (sort.direction === 'ascending') saved.sort = { column, direction: 'descending' };
  else saved.sort = undefined;
  saveState();
  applySort();
}

function applySort(): void {
  if (!shownMatrix) return;
  const { matrix, body, headers, status } = shownMatrix;
  const sort = saved.sort && validColumn(matrix, saved.sort.column) ? saved.sort : undefined;
  const rows = new Map([...body.rows].map((r) => [Number(r.dataset.row), r]));
  body.replaceChildren(...order(matrix, sort).map((i) => rows.get(i) ?? matrixRow(matrix, i)));
  for (const th of headers) {
    const column = columnOf(th.dataset.column ?? '');
    const active = sort !== undefined && column === sort.column;
    th.setAttribute('aria-sort', active ? sort.direction : 'none');
    const arrow = th.querySelector('.vp-arrow');
    if (arrow) arrow.textContent = active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕';
  }
  status.textContent = sort ? `Sorted by ${columnName(matrix, sort.column)}, ${sort.direction}.` : 'In the order of the notes.';
}

function columnOf(value: string): Column {
  return value === 'evidence' || value === 'source' ? value : Number(value);
}

function matrixTable(matrix: Matrix, sectionId: string): HTMLElement {
  const keyId = (h: number) => `vp-key-${sectionId}-${h}`;
  const columns: Column[] = ['evidence', 'source', ...matrix.hypotheses.map((_, h) => h)];
  const headers = columns.map((column) => {
    const label = columnName(matrix, column);
    const button = element('button', { type: 'button', class: 'vp-sort' }, element('span', { class: 'vp-label' }, label), element('span', { class: 'vp-arrow', 'aria-hidden': 'true' }, '↕'));
    if (typeof column === 'number') {
      button.setAttribute('aria-describedby', keyId(column));
      button.title = `${label}: ${matrix.hypotheses[column]?.statement ?? ''}`;
    }
    button.addEventListener('click', () => sortBy(column));
    return element('th', { scope: 'col', 'data-column': String(column), class: typeof column === 'number' ? 'vp-hypothesis' : `vp-${column}`, 'aria-sort': 'none' }, button);
  });
  const body = element('tbody');
  const nonDiagnostic = matrix.rows.filter((r) => !r.diagnostic).length;
  const caption = element(
    'caption',
    {},
    `Competing hypotheses: ${matrix.rows.length} ${matrix.rows.length === 1 ? 'piece' : 'pieces'} of evidence (rows) by ${matrix.hypotheses.length} ${matrix.hypotheses.length === 1 ? 'hypothesis' : 'hypotheses'} (columns)`,
    nonDiagnostic > 0 ? `; ${nonDiagnostic} ${nonDiagnostic === 1 ? 'row fits' : 'rows fit'} every hypothesis and so ${nonDiagnostic === 1 ? 'does' : 'do'} not help to choose.` : '.',
    element('span', { class: 'vp-hint' }, ' Select a column heading to sort by it; again to reverse; a third time for the order of the notes.'),
  );
  const table = element('table', { class: 'vp-matrix' }, caption, element('thead', {}, element('tr', {}, ...headers)), body);
  const status = element('p', { class: 'vp-sorted', role: 'status' });
  const key = element('dl', { class: 'vp-key' });
  matrix.hypotheses.forEach((h, i) => key.append(element('div', {}, element('dt', {}, h.label), element('dd', { id: keyId(i) }, h.statement))));
  const legend = element(
    'p',
    { class: 'vp-legend' },
    ...(['fits', 'does-not-fit', 'not-assessed'] as Mark[]).flatMap((mark) => [element('span', { class: `vp-mark vp-${mark}` }, element('span', { class: 'vp-symbol', 'aria-hidden': 'true' }, markSymbol[mark]), ' ', markWord(matrix, mark)), ' ']),
  );
  shownMatrix = { matrix, body, headers, status };
  applySort();
  const scroller = element('div', { class: 'vp-table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Competing hypotheses table' }, table);
  return element('div', { class: 'vp-matrix-block' }, legend, scroller, status, key);
}

// ---- the page ----

function blockNode(block: Block, sectionId: string): HTMLElement {
  if (block.kind === 'paragraph') return element('p', {}, ...inline(block.text));
  if (block.kind === 'list') return element('ul', {}, ...block.items.map((item) => element('li', {}, ...inline(item))));
  return matrixTable(block.matrix, sectionId);
}

function scaleButton(action: string, label: string, text: string): HTMLElement {
  return element('vscode-button', { secondary: '', 'data-action': action, 'aria-label': label, title: label }, text);
}

function toolbar(): HTMLElement {
  const tools = element(
    'div',
    { class: 'vp-tools', role: 'toolbar', 'aria-label': 'Alternative viewpoint' },
    scaleButton('smaller', 'Smaller text', 'A−'),
    scaleButton('larger', 'Larger text', 'A+'),
    element('vscode-button', { secondary: '', 'data-action': 'open-document', title: 'Open the same content as an untitled Markdown document' }, 'Open as Markdown'),
    element('vscode-button', { 'data-action': 'insert', title: 'Add or replace the Alternative viewpoint section of the case file (one undo step)' }, 'Insert into case file'),
  );
  tools.addEventListener('click', (event) => {
    const action = (event.target as Element).closest?.('[data-action]')?.getAttribute('data-action');
    if (action === 'smaller') setScale(saved.scale - SCALE_STEP);
    else if (action === 'larger') setScale(saved.scale + SCALE_STEP);
    else if (action === 'open-document') post({ type: 'openDocument' });
    else if (action === 'insert') post({ type: 'insert' });
  });
  return tools;
}

function setScale(scale: number): void {
  saved.scale = Math.round(Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale)) * 10) / 10;
  saveState();
  applyScale();
}

function applyScale(): void {
  // CSSOM, not a style attribute: allowed by the page's Content Security Policy.
  document.documentElement.style.setProperty('--vp-scale', String(saved.scale));
}

function render(message: ViewpointToWebview): void {
  const { viewpoint } = message;
  if (saved.uri !== message.uri) {
    saved.uri = message.uri;
    saved.sort = undefined;
    saveState();
  }
  current = { uri: message.uri, version: message.version, viewpoint };
  shownMatrix = undefined;
  const title = viewpoint.caseName ? `${viewpoint.title}: ${viewpoint.caseName}` : viewpoint.title;
  document.title = title;
  const header = element('header', { class: 'vp-header' }, element('h1', {}, title), toolbar());
  const intro = element('p', { class: 'vp-intro' }, ...inline(viewpoint.intro));
  const file = element('p', { class: 'vp-file' }, 'From ', element('strong', {}, message.fileName), ', as it is now. Nothing here is saved unless you insert it into the case file.');
  const contents = element('nav', { class: 'vp-contents', 'aria-label': 'Sections' }, element('ol', {}, ...viewpoint.sections.map((s) => element('li', {}, element('a', { href: `#vp-${s.id}` }, s.heading)))));
  const sections = viewpoint.sections.map((section) =>
    element('section', { class: `vp-section vp-section-${section.id}`, 'aria-labelledby': `vp-${section.id}` }, element('h2', { id: `vp-${section.id}` }, section.heading), ...section.blocks.map((b) => blockNode(b, section.id))),
  );
  // A redraw as the file changes keeps the keyboard where it was: on the same column's heading or toolbar button.
  const focused = document.activeElement?.closest?.('[data-column], [data-action]');
  const refocus = focused?.hasAttribute('data-column') ? `th[data-column="${focused.getAttribute('data-column')}"] button` : focused ? `[data-action="${focused.getAttribute('data-action')}"]` : undefined;
  root.replaceChildren(header, intro, file, contents, ...sections);
  if (refocus) root.querySelector<HTMLElement>(refocus)?.focus();
  report();
}

function report(): void {
  if (!current) return;
  const matrix = shownMatrix?.matrix;
  post({
    type: 'rendered',
    uri: current.uri,
    version: current.version,
    sections: current.viewpoint.sections.map((s) => s.id),
    columns: matrix ? ['evidence', 'source', ...matrix.hypotheses.map((_, h) => h)].map((c) => columnName(matrix, c as Column)) : [],
    rows: shownMatrix?.body.rows.length ?? 0,
  });
}

function isViewpoint(value: unknown): value is Viewpoint {
  const v = value as Partial<Viewpoint> | undefined;
  return Boolean(v && typeof v.title === 'string' && typeof v.intro === 'string' && Array.isArray(v.sections));
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as ViewpointToWebview | undefined;
  if (!message || typeof message !== 'object') return;
  if (message.type === 'update' && typeof message.uri === 'string' && isViewpoint(message.viewpoint)) render(message);
});

// The page is redrawn whole as the file changes: a live region around it would read everything out each time. The
// sort's status line is the one live region.
root.removeAttribute('aria-live');
applyScale();
post({ type: 'ready' });
