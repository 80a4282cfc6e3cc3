// The few globals that Node 20, browsers and web workers all have, for code that runs on all three (src/core,
// src/shared). Declared here rather than taken from the DOM or Node types, so that `document`, `fetch`, `process`
// and the like do not type-check there.
declare function structuredClone<T>(value: T): T;
declare function setTimeout(handler: (...args: unknown[]) => void, timeout?: number): unknown;
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
// A `var`, so that it is also `globalThis.crypto`.
// eslint-disable-next-line no-var
declare var crypto: { getRandomValues<T extends ArrayBufferView>(array: T): T };
