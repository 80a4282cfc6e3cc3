// How long CaseMark's own work holds the extension host's thread at a time: each place where it runs there during
// analysis (sending a request, taking a reply, analysing in place, announcing an analysis, and the providers that read
// it) is measured. The host test holds this to the 50 ms of issue 16; the longest gap of a timer, also reported, adds
// other extensions and the OS, which on a shared 2-core machine can hold the thread back for longer than CaseMark does.

export class ThreadTime {
  /** The longest measured slice since the last reset, in milliseconds, and what it was. */
  longest = 0;
  what = '';

  measure<T>(what: string, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      const took = performance.now() - started;
      if (took > this.longest) {
        this.longest = took;
        this.what = what;
      }
    }
  }

  reset(): void {
    this.longest = 0;
    this.what = '';
  }
}

/** The one tracker of this extension host. */
export const threadTime = new ThreadTime();
