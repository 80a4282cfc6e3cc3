// The messages between the extension and the alternative viewpoint's panel (webview/viewpoint.ts): data only.
import type { Viewpoint } from '../core/viewpoint/index';

/** Extension → webview. */
export type ViewpointToWebview = { type: 'update'; uri: string; fileName: string; version: number; viewpoint: Viewpoint };

/** Webview → extension. Only requests: the extension acts on the file it showed, never on a path the page names. */
export type ViewpointFromWebview =
  | { type: 'ready' }
  /** What the page drew: for tests. */
  | { type: 'rendered'; uri: string; version: number; sections: string[]; columns: string[]; rows: number }
  | { type: 'insert' }
  | { type: 'openDocument' };
