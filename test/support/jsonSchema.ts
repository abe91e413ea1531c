/** A JSON schema as the manifest writes one. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** Keywords that describe a value without restricting it. */
const ANNOTATIONS = new Set([
  'default',
  'scope',
  'title',
  'description',
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'patternErrorMessage',
]);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function hasType(value: unknown, type: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      throw new Error(`type ${String(type)} is not checked here`);
  }
}

/**
 * Where `value` breaks `schema`, one line each; none when it is valid. It reads a schema the way VS Code
 * does (patterns with the `u` flag, lengths in code points) and throws on a keyword it does not check,
 * so a rule added to the manifest cannot pass unchecked.
 */
export function schemaErrors(schema: JsonSchema, value: unknown, at = '$'): string[] {
  const errors: string[] = [];
  const fail = (rule: string): void => void errors.push(`${at}: ${rule}`);
  const length = typeof value === 'string' ? [...value].length : 0;
  for (const [keyword, rule] of Object.entries(schema)) {
    switch (keyword) {
      case 'type':
        if (!hasType(value, rule)) fail(`not ${String(rule)}`);
        break;
      case 'enum':
        if (!(rule as unknown[]).includes(value)) fail('not one of the listed values');
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(rule as string, 'u').test(value)) fail(`does not match ${String(rule)}`);
        break;
      case 'minLength':
        if (typeof value === 'string' && length < (rule as number)) fail(`shorter than ${String(rule)}`);
        break;
      case 'maxLength':
        if (typeof value === 'string' && length > (rule as number)) fail(`longer than ${String(rule)}`);
        break;
      case 'minimum':
        if (typeof value === 'number' && value < (rule as number)) fail(`below ${String(rule)}`);
        break;
      case 'maximum':
        if (typeof value === 'number' && value > (rule as number)) fail(`above ${String(rule)}`);
        break;
      case 'minItems':
        if (Array.isArray(value) && value.length < (rule as number)) fail(`fewer than ${String(rule)} items`);
        break;
      case 'maxItems':
        if (Array.isArray(value) && value.length > (rule as number)) fail(`more than ${String(rule)} items`);
        break;
      case 'required':
        if (isObject(value)) for (const key of rule as string[]) if (!Object.hasOwn(value, key)) fail(`${key} is missing`);
        break;
      case 'properties':
        if (isObject(value))
          for (const [key, sub] of Object.entries(rule as Record<string, JsonSchema>))
            if (Object.hasOwn(value, key)) errors.push(...schemaErrors(sub, value[key], `${at}.${key}`));
        break;
      case 'items':
        if (Array.isArray(value)) value.forEach((item, i) => errors.push(...schemaErrors(rule as JsonSchema, item, `${at}[${i}]`)));
        break;
      case 'anyOf':
        if (!(rule as JsonSchema[]).some((sub) => schemaErrors(sub, value, at).length === 0)) fail('matches none of its forms');
        break;
      case 'oneOf': {
        const matching = (rule as JsonSchema[]).filter((sub) => schemaErrors(sub, value, at).length === 0).length;
        if (matching !== 1) fail(matching === 0 ? 'matches none of its forms' : 'matches more than one of its forms');
        break;
      }
      default:
        if (!ANNOTATIONS.has(keyword)) throw new Error(`schema keyword ${keyword} is not checked here`);
    }
  }
  return errors;
}
