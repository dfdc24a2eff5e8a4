/**
 * Aho–Corasick automaton over UTF-16 code units: finds every occurrence of every key in one pass
 * over the text, whatever the number of keys. Built once per process from the rule data.
 */
export interface AutomatonMatch<T> {
  start: number;
  end: number;
  value: T;
}

interface State<T> {
  next: Map<number, number>;
  fail: number;
  /** keys ending here, with their lengths */
  outputs: Array<{ length: number; value: T }>;
}

export class Automaton<T> {
  readonly #states: Array<State<T>> = [{ next: new Map(), fail: 0, outputs: [] }];
  /** code units that begin some key: at the root, every other character is skipped at once */
  readonly #starts = new Uint8Array(0x10000);

  constructor(entries: Iterable<[string, T]>) {
    for (const [key, value] of entries) {
      this.#add(key, value);
      if (key.length) this.#starts[key.charCodeAt(0)] = 1;
    }
    this.#link();
  }

  #add(key: string, value: T): void {
    let state = 0;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      let next = this.#states[state]!.next.get(code);
      if (next === undefined) {
        next = this.#states.length;
        this.#states.push({ next: new Map(), fail: 0, outputs: [] });
        this.#states[state]!.next.set(code, next);
      }
      state = next;
    }
    this.#states[state]!.outputs.push({ length: key.length, value });
  }

  /** Breadth-first failure links; each state inherits the outputs of its failure state. */
  #link(): void {
    const queue: number[] = [...this.#states[0]!.next.values()];
    for (let index = 0; index < queue.length; index++) {
      const state = this.#states[queue[index]!]!;
      for (const [code, child] of state.next) {
        let fail = state.fail;
        while (fail !== 0 && !this.#states[fail]!.next.has(code)) fail = this.#states[fail]!.fail;
        const target = this.#states[fail]!.next.get(code);
        const childState = this.#states[child]!;
        childState.fail = target !== undefined && target !== child ? target : 0;
        childState.outputs.push(...this.#states[childState.fail]!.outputs);
        queue.push(child);
      }
    }
  }

  matches(text: string): Array<AutomatonMatch<T>> {
    const found: Array<AutomatonMatch<T>> = [];
    const states = this.#states;
    let state = 0;
    const starts = this.#starts;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (state === 0 && starts[code] === 0) continue;
      let next = states[state]!.next.get(code);
      while (next === undefined && state !== 0) {
        state = states[state]!.fail;
        next = states[state]!.next.get(code);
      }
      state = next ?? 0;
      const outputs = states[state]!.outputs;
      for (let k = 0; k < outputs.length; k++)
        found.push({ start: i + 1 - outputs[k]!.length, end: i + 1, value: outputs[k]!.value });
    }
    return found;
  }
}
