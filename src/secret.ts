// A credential that cannot leak by accident: printing, logging, JSON-serialising
// or inspecting it shows "[redacted]". Only reveal() yields the value, and only
// the auth code calls it.
import { inspect } from 'node:util';

export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[redacted]';
  }
  toJSON(): string {
    return '[redacted]';
  }
  [inspect.custom](): string {
    return '[redacted]';
  }
}
