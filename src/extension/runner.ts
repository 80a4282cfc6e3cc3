// Where an open document's analysis runs: on a worker of the extension host (analysis-worker-runner.ts: a Node worker
// thread, or a Web Worker in the web host), so that no file holds the thread every extension shares; in place only
// when no worker can be had. CaseDocuments asks a runner and nothing else.
import { analyse, IncrementalParser, loadNameTagger, mayNeedNameTagger, nameTaggerReady, shareableCopy, type Analysis, type AnalysisBudget, type PartialConfig, type ShareOptions, type ShareResult } from '../core/index';

export interface AnalysisRequest {
  /** The document, as a key: its incremental parser is kept under it. */
  key: string;
  text: string;
  path: string;
  config: Array<PartialConfig | undefined>;
  budget: AnalysisBudget;
  /** Keep the parser for the next version (an open document), or analyse once (a file CaseMark does not track). */
  keep: boolean;
}

/** What the editor shows of a shareable copy: the copy, its mapping, and how many details may still identify. */
export type SharedText = Pick<ShareResult, 'text' | 'mapping' | 'dates' | 'incomplete'> & { remaining: number };

/** A shareable copy, as plain data (its own analysis stays where it was made). */
export function sharedText(text: string, options: ShareOptions): SharedText {
  const { text: copy, mapping, dates, incomplete, remaining } = shareableCopy(text, options);
  return { text: copy, mapping, dates, incomplete, remaining: remaining.length };
}

export interface AnalysisRunner {
  /** The analysis of the text; a newer request for the same key may settle an older one as `undefined` (superseded). */
  analyse(request: AnalysisRequest): Promise<Analysis | undefined>;
  /** A shareable copy of the text, made where analyses run; `incomplete` says why there is none. */
  share(text: string, options: ShareOptions & { budget: AnalysisBudget }): Promise<SharedText>;
  /** Where analyses run now: on a worker, or in the extension host's own thread. */
  readonly where: 'worker' | 'in place';
  /** The document is closed: its parser goes. */
  forget(key: string): void;
  dispose(): void;
}

/** In this thread, stopped by the budget between steps: the fallback when no worker can start. */
export class InThreadRunner implements AnalysisRunner {
  readonly where = 'in place';
  private readonly parsers = new Map<string, IncrementalParser>();

  async analyse(request: AnalysisRequest): Promise<Analysis | undefined> {
    // As on a worker: identifying-detail without the name tagger would miss names.
    if (!nameTaggerReady() && mayNeedNameTagger(request.text, request.config)) await loadNameTagger();
    let parser = this.parsers.get(request.key);
    if (!parser && request.keep) {
      parser = new IncrementalParser();
      this.parsers.set(request.key, parser);
    }
    return analyse(request.text, { path: request.path, config: request.config, parser, budget: request.budget });
  }

  async share(text: string, options: ShareOptions & { budget: AnalysisBudget }): Promise<SharedText> {
    await loadNameTagger();
    return sharedText(text, options);
  }

  forget(key: string): void {
    this.parsers.delete(key);
  }

  dispose(): void {
    this.parsers.clear();
  }
}
