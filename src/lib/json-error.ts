/**
 * Where a JSON text first goes wrong. `JSON.parse` reports a position only for some errors, so
 * after it fails this scanner finds the offset itself: the index of the first character that
 * cannot continue a valid document, or the text's length when the text ends too early.
 * Iterative, so deeply nested input cannot overflow the stack.
 */
const WS = new Set([' ', '\t', '\n', '\r']);
const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function jsonErrorOffset(text: string): number {
  let at = 0;
  // What the scanner expects next, innermost last: a value, or what may follow one in a container.
  const stack: Array<'value' | 'array-next' | 'object-next' | 'key' | 'colon' | 'end'> = [
    'end',
    'value',
  ];
  const skip = () => {
    while (at < text.length && WS.has(text.charAt(at))) at++;
  };
  const string = (): boolean => {
    at++;
    while (at < text.length) {
      const c = text.charAt(at);
      if (c === '"') {
        at++;
        return true;
      }
      if (c === '\\') {
        const next = text.charAt(at + 1);
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) return false;
          at += 6;
        } else if ('"\\/bfnrt'.includes(next) && next !== '') at += 2;
        else return false;
        continue;
      }
      if (c < ' ') return false;
      at++;
    }
    return false;
  };
  for (;;) {
    skip();
    const state = stack.pop();
    const c = text.charAt(at);
    if (at >= text.length) return state === 'end' ? -1 : text.length;
    switch (state) {
      case 'end':
        return at;
      case 'value':
        if (c === '{') {
          at++;
          skip();
          if (text.charAt(at) === '}') at++;
          else stack.push('object-next', 'value', 'colon', 'key');
        } else if (c === '[') {
          at++;
          skip();
          if (text.charAt(at) === ']') at++;
          else stack.push('array-next', 'value');
        } else if (c === '"') {
          if (!string()) return Math.min(at, text.length);
        } else {
          NUMBER.lastIndex = at;
          const number = NUMBER.exec(text);
          const literal = LITERALS.find((word) => text.startsWith(word, at));
          if (number) at += number[0].length;
          else if (literal) at += literal.length;
          else {
            const partial = LITERALS.some((word) => word.startsWith(text.slice(at)));
            return partial ? text.length : at;
          }
        }
        break;
      case 'key':
        if (c !== '"' || !string()) return Math.min(at, text.length);
        break;
      case 'colon':
        if (c !== ':') return at;
        at++;
        break;
      case 'array-next':
        if (c === ',') {
          at++;
          stack.push('array-next', 'value');
        } else if (c === ']') at++;
        else return at;
        break;
      case 'object-next':
        if (c === ',') {
          at++;
          stack.push('object-next', 'value', 'colon', 'key');
        } else if (c === '}') at++;
        else return at;
        break;
      default:
        return at;
    }
  }
}
