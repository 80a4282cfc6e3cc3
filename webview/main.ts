// The genogram preview's page script, bundled by esbuild (browser, iife) into dist/webview/preview.js.
// It receives data, never markup: the diagram sources come as a message, the shared core reads and draws them,
// and the drawing (an SvgElement tree) becomes DOM through createElementNS, setAttribute and text nodes.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { svgText, type SvgElement } from '../src/core/genogram/index';
import { blockTitles, drawBlocks, exampleBlock, type DrawnBlock, type FromWebview, type PreviewBlock, type RenderedBlock, type ToWebview } from '../src/shared/diagrams';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** How one drawing is zoomed and panned, in CSS pixels of the viewport. */
interface View {
  scale: number;
  x: number;
  y: number;
  /** Fitted to the viewport and not moved since: refitted when the drawing or the panel changes size. */
  fitted: boolean;
}

/** What survives hiding the panel and restarting VS Code: which file and how each drawing was zoomed. No case text. */
interface SavedState {
  uri?: string;
  views: Record<string, View>;
}

interface Shown {
  block: PreviewBlock;
  drawn: DrawnBlock;
  section: HTMLElement;
  viewport: HTMLElement;
  svg?: SVGSVGElement;
  width: number;
  height: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const PERSON = '.person[data-key]';
/** What a click or Enter takes to its line: people, and an ecomap's systems. */
const CLICKABLE = '.person[data-key], .system[data-key]';
const MIN_SCALE = 0.1;
/** Fitting stops here: names (11 px) stay at least 9 px on screen. */
const MIN_FIT_SCALE = 9 / 11;
const MAX_SCALE = 8;
const MAX_FIT_SCALE = 2;
const FIT_PADDING = 16;
const PAN_STEP = 40;
/** PNG pixels per drawing unit, and the largest side a PNG may have. */
const PNG_SCALE = 2;
const PNG_MAX_SIDE = 8192;

const vscode = acquireVsCodeApi();
const root = document.getElementById('casemark-preview') as HTMLElement;
const saved = readState(vscode.getState());
let current: { uri: string; fileName: string; version: number; blocks: PreviewBlock[] } | undefined;
let shown: Shown[] = [];
let justDragged = false;

function readState(value: unknown): SavedState {
  const state = value as Partial<SavedState> | undefined;
  return { uri: typeof state?.uri === 'string' ? state.uri : undefined, views: state?.views && typeof state.views === 'object' ? { ...state.views } : {} };
}

function saveState(): void {
  vscode.setState({ uri: saved.uri, views: saved.views } satisfies SavedState);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * An SvgElement tree as DOM. Text only ever becomes text nodes; as a second line of defence no script,
 * foreignObject, event-handler attribute, inline style or outside link is copied, whatever the drawing says.
 */
function buildSvg(source: SvgElement): SVGElement | undefined {
  const tag = source.tag.toLowerCase();
  if (tag === 'script' || tag === 'foreignobject' || tag === 'iframe') return undefined;
  const node = document.createElementNS(SVG_NS, source.tag);
  for (const [name, value] of Object.entries(source.attrs)) {
    const lower = name.toLowerCase();
    if (lower.startsWith('on') || lower === 'style') continue;
    if ((lower === 'href' || lower === 'xlink:href') && !String(value).startsWith('#')) continue;
    node.setAttribute(name, String(value));
  }
  for (const child of source.children) {
    if (typeof child === 'string') node.append(document.createTextNode(child));
    else {
      const built = buildSvg(child);
      if (built) node.append(built);
    }
  }
  return node;
}

function post(message: FromWebview): void {
  vscode.postMessage(message);
}

// ---- zoom and pan ----

function viewOf(index: number): View {
  return (saved.views[String(index)] ??= { scale: 1, x: 0, y: 0, fitted: true });
}

function apply(item: Shown, index: number): void {
  if (!item.svg) return;
  const view = viewOf(index);
  item.svg.style.transform = `translate(${round(view.x)}px, ${round(view.y)}px) scale(${round(view.scale, 4)})`;
  item.viewport.dataset.scale = String(round(view.scale, 4));
}

function round(value: number, places = 1): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

function fit(index: number): void {
  const item = shown[index];
  if (!item) return;
  const view = viewOf(index);
  const width = item.viewport.clientWidth;
  const height = item.viewport.clientHeight;
  if (width === 0 || height === 0 || item.width === 0 || item.height === 0) {
    Object.assign(view, { scale: 1, x: 0, y: 0, fitted: true });
  } else {
    // Fit the whole drawing, but never below the scale that keeps names readable: a bigger family starts at the
    // top left at that scale and is panned (drag, arrow keys) rather than shrunk to unreadable text.
    const scale = Math.max(MIN_FIT_SCALE, Math.min(MAX_FIT_SCALE, (width - 2 * FIT_PADDING) / item.width, (height - 2 * FIT_PADDING) / item.height));
    const overflows = item.width * scale > width - 2 * FIT_PADDING || item.height * scale > height - 2 * FIT_PADDING;
    const x = item.width * scale > width - 2 * FIT_PADDING ? FIT_PADDING : (width - item.width * scale) / 2;
    const y = item.height * scale > height - 2 * FIT_PADDING ? FIT_PADDING : (height - item.height * scale) / 2;
    Object.assign(view, { scale, x, y, fitted: true });
    item.viewport.classList.toggle('casemark-overflows', overflows);
  }
  apply(item, index);
  saveState();
}

/** Zooms by `factor` keeping the point (cx, cy) of the viewport where it is; the centre by default. */
function zoom(index: number, factor: number, cx?: number, cy?: number): void {
  const item = shown[index];
  if (!item) return;
  const view = viewOf(index);
  const x = cx ?? item.viewport.clientWidth / 2;
  const y = cy ?? item.viewport.clientHeight / 2;
  const scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, view.scale * factor));
  const k = scale / view.scale;
  Object.assign(view, { scale, x: x - (x - view.x) * k, y: y - (y - view.y) * k, fitted: false });
  apply(item, index);
  saveState();
}

function pan(index: number, dx: number, dy: number): void {
  const item = shown[index];
  if (!item) return;
  const view = viewOf(index);
  Object.assign(view, { x: view.x + dx, y: view.y + dy, fitted: false });
  apply(item, index);
  saveState();
}

function indexOf(node: Element): number {
  return Number(node.closest<HTMLElement>('.casemark-block')?.dataset.block ?? -1);
}

function reveal(index: number, line: number): void {
  if (!current || !Number.isInteger(line) || line < 0) return;
  post({ type: 'reveal', uri: current.uri, version: current.version, block: index, line });
}

/** Wheel zooms when the page does not scroll (one drawing), else only with Ctrl/⌘ (and trackpad pinches). */
function onWheel(event: WheelEvent): void {
  const viewport = event.currentTarget as HTMLElement;
  const scroller = document.scrollingElement ?? document.documentElement;
  const pageScrolls = scroller.scrollHeight > scroller.clientHeight + 1;
  if (pageScrolls && !event.ctrlKey && !event.metaKey) return;
  event.preventDefault();
  const box = viewport.getBoundingClientRect();
  const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
  zoom(indexOf(viewport), Math.exp(-delta * 0.0015), event.clientX - box.left, event.clientY - box.top);
}

function onKey(event: KeyboardEvent): void {
  const viewport = event.currentTarget as HTMLElement;
  const index = indexOf(viewport);
  const person = (event.target as Element).closest?.(CLICKABLE);
  if (person && (event.key === 'Enter' || event.key === ' ')) {
    event.preventDefault();
    reveal(index, Number(person.getAttribute('data-line')));
    return;
  }
  const actions: Record<string, () => void> = {
    '+': () => zoom(index, 1.25),
    '=': () => zoom(index, 1.25),
    '-': () => zoom(index, 0.8),
    _: () => zoom(index, 0.8),
    '0': () => fit(index),
    ArrowLeft: () => pan(index, PAN_STEP, 0),
    ArrowRight: () => pan(index, -PAN_STEP, 0),
    ArrowUp: () => pan(index, 0, PAN_STEP),
    ArrowDown: () => pan(index, 0, -PAN_STEP),
  };
  const action = actions[event.key];
  if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
  event.preventDefault();
  action();
}

/** Drag pans; a press that does not move is a click (a person's click goes to its line). */
function onPointerDown(event: PointerEvent): void {
  if (event.button !== 0) return;
  const viewport = event.currentTarget as HTMLElement;
  const index = indexOf(viewport);
  let lastX = event.clientX;
  let lastY = event.clientY;
  let dragging = false;
  const move = (e: PointerEvent) => {
    if (!dragging && Math.hypot(e.clientX - event.clientX, e.clientY - event.clientY) < 4) return;
    if (!dragging) {
      dragging = true;
      viewport.setPointerCapture(e.pointerId);
      viewport.classList.add('casemark-dragging');
    }
    pan(index, e.clientX - lastX, e.clientY - lastY);
    lastX = e.clientX;
    lastY = e.clientY;
  };
  const up = (e: PointerEvent) => {
    viewport.removeEventListener('pointermove', move);
    viewport.removeEventListener('pointerup', up);
    viewport.removeEventListener('pointercancel', up);
    viewport.classList.remove('casemark-dragging');
    if (dragging) {
      if (viewport.hasPointerCapture(e.pointerId)) viewport.releasePointerCapture(e.pointerId);
      // The click that follows a drag is not a click on a person.
      justDragged = true;
      setTimeout(() => (justDragged = false), 0);
    }
  };
  viewport.addEventListener('pointermove', move);
  viewport.addEventListener('pointerup', up);
  viewport.addEventListener('pointercancel', up);
}

function onClick(event: MouseEvent): void {
  if (justDragged) return;
  const person = (event.target as Element).closest?.(CLICKABLE);
  if (person) reveal(indexOf(event.currentTarget as Element), Number(person.getAttribute('data-line')));
}

// ---- building the page ----

function button(action: string, label: string, text: string): HTMLElement {
  return element('vscode-button', { secondary: '', 'data-action': action, 'aria-label': label, title: label }, text);
}

function newSection(index: number): Shown['section'] {
  const heading = element('h2', { id: `casemark-block-${index}` });
  const tools = element(
    'div',
    { class: 'casemark-tools', role: 'toolbar', 'aria-labelledby': `casemark-block-${index}` },
    button('zoom-out', 'Zoom out (−)', '−'),
    button('zoom-in', 'Zoom in (+)', '+'),
    button('fit', 'Fit to view (0)', 'Fit'),
    button('export-svg', 'Export as SVG next to the case file', 'SVG'),
    button('export-png', 'Export as PNG next to the case file', 'PNG'),
  );
  const viewport = element('div', { class: 'casemark-viewport', tabindex: '0', role: 'group' });
  viewport.addEventListener('wheel', onWheel, { passive: false });
  viewport.addEventListener('keydown', onKey);
  viewport.addEventListener('pointerdown', onPointerDown);
  viewport.addEventListener('click', onClick);
  tools.addEventListener('click', (event) => {
    const action = (event.target as Element).closest?.('[data-action]')?.getAttribute('data-action');
    const i = indexOf(tools);
    if (action === 'zoom-in') zoom(i, 1.25);
    else if (action === 'zoom-out') zoom(i, 0.8);
    else if (action === 'fit') fit(i);
    else if (action === 'export-svg') post({ type: 'exportSvg', block: i });
    else if (action === 'export-png') void exportPng([i]);
  });
  const section = element('section', { class: 'casemark-block', 'data-block': String(index), 'aria-labelledby': `casemark-block-${index}` });
  // The drawing in words, for screen readers and for anyone who would rather read it: closed by default.
  const text = element('details', { class: 'casemark-text' }, element('summary', {}, 'Text version of the drawing'), element('div', { class: 'casemark-text-body' }));
  section.append(element('div', { class: 'casemark-block-bar' }, heading, tools), viewport, text, element('ul', { class: 'casemark-problems' }));
  return section;
}

function showEmpty(fileName: string): void {
  const code = element('code');
  code.textContent = exampleBlock;
  const name = element('strong');
  name.textContent = fileName;
  root.replaceChildren(
    element(
      'section',
      { class: 'casemark-empty' },
      element('h2', {}, 'No genogram or ecomap here yet'),
      element('p', {}, 'Add a fenced block like this one anywhere in ', name, ', and its drawing appears here as you type:'),
      element('pre', {}, code),
      element('p', {}, 'One person, couple or relationship a line. An ', element('code', {}, '```ecomap'), ' block draws the family’s ties to school, health, police and friends, and can name the genogram’s people.'),
    ),
  );
  shown = [];
}

function render(message: Extract<ToWebview, { type: 'update' }>): void {
  const sameFile = current?.uri === message.uri;
  if (saved.uri !== message.uri) {
    saved.uri = message.uri;
    saved.views = {};
    saveState();
  }
  const before = sameFile ? shown : [];
  current = { uri: message.uri, fileName: message.fileName, version: message.version, blocks: message.blocks };
  document.title = `Genogram preview: ${message.fileName}`;
  if (message.blocks.length === 0) {
    showEmpty(message.fileName);
    report();
    return;
  }
  // Each block is drawn again only when its text changed (an ecomap also when a genogram did).
  const genogramsChanged = message.blocks.some((b, i) => b.kind === 'genogram' && b.source !== before[i]?.block.source)
    || before.some((s, i) => s.block.kind === 'genogram' && message.blocks[i]?.kind !== 'genogram');
  const redraw = message.blocks.map((b, i) => {
    const old = before[i];
    return !old || old.block.kind !== b.kind || old.block.source !== b.source || (b.kind === 'ecomap' && genogramsChanged);
  });
  const drawn = redraw.some(Boolean) ? drawBlocks(message.blocks, message.caseYear !== undefined ? { caseYear: message.caseYear } : {}) : [];
  if (!root.querySelector('.casemark-block')) root.replaceChildren();
  const titles = blockTitles(message.blocks);
  const next: Shown[] = message.blocks.map((block, i) => {
    const old = before[i];
    const section = old?.section ?? (root.querySelector<HTMLElement>(`.casemark-block[data-block="${i}"]`) || newSection(i));
    if (!section.isConnected) root.append(section);
    const viewport = section.querySelector('.casemark-viewport') as HTMLElement;
    const heading = section.querySelector('h2') as HTMLElement;
    const title = titles[i] as string;
    heading.replaceChildren(`${title} `, element('span', { class: 'casemark-line' }, `(line ${block.fenceLine})`));
    viewport.setAttribute('aria-label', `${title} drawing. Plus and minus zoom, arrow keys pan, 0 fits. Tab to a person and press Enter to go to their line.`);
    if (!redraw[i] && old) return { ...old, block };
    const fresh = drawn[i] as DrawnBlock;
    const item: Shown = { block, drawn: fresh, section, viewport, svg: old?.svg, width: old?.width ?? 0, height: old?.height ?? 0 };
    if (fresh.drawing) {
      // Built whole, then swapped in: the previous drawing stays until this one is ready.
      const svg = buildSvg(fresh.drawing.svg) as SVGSVGElement;
      svg.classList.add('casemark-drawing');
      svg.setAttribute('width', String(fresh.drawing.width));
      svg.setAttribute('height', String(fresh.drawing.height));
      // Drawn at its own size and scaled by the transform (genogram.css lets it shrink to the page elsewhere).
      svg.style.width = `${fresh.drawing.width}px`;
      svg.style.height = `${fresh.drawing.height}px`;
      // People of the drawing (the legend's sample symbols carry no key).
      for (const person of svg.querySelectorAll(CLICKABLE)) {
        person.setAttribute('tabindex', '0');
        person.setAttribute('role', 'button');
        const name = (person.querySelector('title')?.textContent || person.textContent || '').trim().split('\n')[0] || person.getAttribute('data-key') || 'person';
        person.setAttribute('aria-label', `${name}: go to line ${block.fenceLine + 1 + Number(person.getAttribute('data-line'))}`);
      }
      if (item.svg) item.svg.replaceWith(svg);
      else viewport.replaceChildren(svg);
      Object.assign(item, { svg, width: fresh.drawing.width, height: fresh.drawing.height });
    }
    showText(section, fresh, title);
    showProblems(section, block, fresh, i);
    return item;
  });
  for (const old of before.slice(message.blocks.length)) old.section.remove();
  for (const stray of root.querySelectorAll(`.casemark-block`)) if (!next.some((s) => s.section === stray)) stray.remove();
  shown = next;
  root.classList.toggle('casemark-single', shown.length === 1);
  shown.forEach((item, i) => {
    if (viewOf(i).fitted) fit(i);
    else apply(item, i);
  });
  report();
}

/** Who is who, couples, children, households and relationships, as headed lists (text nodes only). */
function showText(section: HTMLElement, drawn: DrawnBlock, title: string): void {
  const details = section.querySelector('.casemark-text') as HTMLElement;
  const body = section.querySelector('.casemark-text-body') as HTMLElement;
  const sections = drawn.drawing?.text ?? [];
  details.hidden = sections.length === 0;
  body.replaceChildren(
    ...sections.flatMap((s) => [element('h3', {}, `${title}: ${s.heading}`), element('ul', {}, ...s.items.map((item) => element('li', {}, item)))]),
  );
}

function showProblems(section: HTMLElement, block: PreviewBlock, drawn: DrawnBlock, index: number): void {
  const list = section.querySelector('.casemark-problems') as HTMLElement;
  const items = drawn.genogram.problems.map((problem) => {
    const go = element('button', { type: 'button', class: 'casemark-link' }, `Line ${block.fenceLine + 1 + problem.span.line}`);
    go.addEventListener('click', () => reveal(index, problem.span.line));
    return element('li', {}, go, ` ${problem.message}`);
  });
  if (drawn.error) items.unshift(element('li', {}, `This drawing could not be updated (${drawn.error}); the last one is shown.`));
  list.replaceChildren(...items);
}

function report(): void {
  if (!current) return;
  const blocks: RenderedBlock[] = shown.map((item) => ({
    kind: item.block.kind,
    people: item.drawn.genogram.people.length,
    drawnPeople: item.svg?.querySelectorAll(PERSON).length ?? 0,
    problems: item.drawn.genogram.problems.length,
  }));
  post({ type: 'rendered', uri: current.uri, version: current.version, blocks });
}

// ---- PNG ----

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The standalone SVG through an <img> (blob: URL) into a canvas, on white: print colours, not the theme's. */
async function pngOf(source: SvgElement, width: number, height: number): Promise<Uint8Array> {
  const scale = Math.min(PNG_SCALE, PNG_MAX_SIDE / Math.max(width, height, 1));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.ceil(width * scale));
  canvas.height = Math.max(1, Math.ceil(height * scale));
  const url = URL.createObjectURL(new Blob([svgText(source, { standalone: true })], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the SVG could not be loaded as an image'));
    });
    image.src = url;
    await loaded;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
  } finally {
    URL.revokeObjectURL(url);
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the canvas gave no PNG');
  return new Uint8Array(await blob.arrayBuffer());
}

async function exportPng(indexes: number[] | undefined, request?: number): Promise<void> {
  try {
    const images: Array<{ block: number; data: string }> = [];
    for (const [i, item] of shown.entries()) {
      if (indexes && !indexes.includes(i)) continue;
      const drawing = item.drawn.drawing;
      if (!drawing) continue;
      images.push({ block: i, data: toBase64(await pngOf(drawing.svg, drawing.width, drawing.height)) });
    }
    post({ type: 'png', request, images });
  } catch (error) {
    post({ type: 'png', request, images: [], error: error instanceof Error ? error.message : String(error) });
  }
}

// ---- messages ----

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as ToWebview | undefined;
  if (!message || typeof message !== 'object') return;
  if (message.type === 'update' && Array.isArray(message.blocks)) render(message);
  else if (message.type === 'renderPng') void exportPng(message.blocks, message.request);
});

new ResizeObserver(() => shown.forEach((_, i) => viewOf(i).fitted && fit(i))).observe(root);

post({ type: 'ready' });
