import fc from 'fast-check';

type Schema = Record<string, unknown>;

const PATTERNS = ['^[a-z]{1,6}$', '^[A-Z][a-z]*$', '^\\d{3}-\\d{2}$', 'ab', '^(yes|no|maybe)$', '^[a-f0-9]+$', '^\\w+( \\w+)*$', '^[^"\\\\]{0,4}$'];
const FORMATS = ['date', 'date-time', 'time', 'email', 'uuid', 'uri', 'ipv4', 'hostname'];

const stringSchema: fc.Arbitrary<Schema> = fc.oneof(
  fc.constant({ type: 'string' }),
  fc.record({ type: fc.constant('string'), minLength: fc.integer({ min: 0, max: 3 }), maxLength: fc.integer({ min: 3, max: 10 }) }),
  fc.record({ type: fc.constant('string'), pattern: fc.constantFrom(...PATTERNS) }),
  fc.record({ type: fc.constant('string'), format: fc.constantFrom(...FORMATS) }),
);

const integerSchema: fc.Arbitrary<Schema> = fc.oneof(
  fc.constant({ type: 'integer' }),
  fc.integer({ min: -1000, max: 1000 }).chain((low) =>
    fc.record({ type: fc.constant('integer'), minimum: fc.constant(low), maximum: fc.integer({ min: low, max: low + 500 }) }),
  ),
  fc.record({ type: fc.constant('integer'), exclusiveMinimum: fc.integer({ min: -50, max: 50 }) }),
  fc.record({ type: fc.constant('integer'), minimum: fc.integer({ min: 0, max: 10 }), multipleOf: fc.integer({ min: 2, max: 7 }) }),
);

const numberSchema: fc.Arbitrary<Schema> = fc.oneof(
  fc.constant({ type: 'number' }),
  fc.double({ min: -100, max: 100, noNaN: true }).chain((low) =>
    fc.record({
      type: fc.constant('number'),
      minimum: fc.constant(Math.round(low * 100) / 100),
      exclusiveMaximum: fc.double({ min: Math.round(low * 100) / 100 + 0.01, max: 200, noNaN: true }).map((high) => Math.round(high * 100) / 100 + 0.01),
    }),
  ),
  fc.record({ type: fc.constant('number'), exclusiveMinimum: fc.constantFrom(0, 0.5, -1.25), maximum: fc.constantFrom(1, 2.5, 1000) }),
);

const enumSchema: fc.Arbitrary<Schema> = fc.oneof(
  fc.uniqueArray(fc.constantFrom('red', 'green', 'blue', 'a', 'ab', 'abc', 'é', 'x y', 'quote"d'), { minLength: 1, maxLength: 4 }).map((values) => ({ enum: values })),
  fc.uniqueArray(fc.oneof(fc.integer({ min: -20, max: 20 }), fc.constantFrom(null, true, 1.5, 'mixed')), { minLength: 1, maxLength: 4 }).map((values) => ({ enum: values })),
  fc.constantFrom('fixed', 7, true, null).map((value) => ({ const: value })),
);

const leafSchema: fc.Arbitrary<Schema> = fc.oneof(
  stringSchema,
  integerSchema,
  numberSchema,
  fc.constant({ type: 'boolean' }),
  fc.constant({ type: 'null' }),
  enumSchema,
  fc.constantFrom({ type: ['string', 'null'] }, { type: ['integer', 'boolean'] }, { type: ['number', 'string', 'null'], maxLength: 4 }),
);

const NAMES = ['id', 'name', 'value', 'kind', 'items', 'x', 'long_property_name', 'ünï', 'a b'];

/**
 * Random JSON Schemas over the supported features, `depth` levels of nesting at most: the root is an object
 * (1 to 5 properties), with a `$defs.shared` definition that `$ref`s inside may point to.
 */
export function schemaArbitrary(depth = 3): fc.Arbitrary<Schema> {
  const tree = nodeArbitrary(depth);
  return fc
    .record({
      names: fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 5 }),
      shared: nodeArbitrary(1),
      additionalProperties: fc.boolean(),
    })
    .chain(({ names, shared, additionalProperties }) =>
      fc.record({
        $defs: fc.constant({ shared }),
        type: fc.constant('object'),
        properties: fc.tuple(...names.map(() => tree)).map((schemas) => Object.fromEntries(names.map((name, index) => [name, schemas[index]]))),
        required: fc.subarray(names),
        additionalProperties: fc.constant(additionalProperties),
      }),
    );
}

function nodeArbitrary(depth: number): fc.Arbitrary<Schema> {
  const { tree } = fc.letrec<{ tree: Schema; node: Schema }>((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true, maxDepth: depth }, leafSchema, tie('node')),
    node: fc.oneof(
      // Objects: optional and required properties, closed or not.
      fc
        .uniqueArray(fc.constantFrom(...NAMES), { minLength: 0, maxLength: 4 })
        .chain((names) =>
          fc.record({
            type: fc.constant('object'),
            properties: fc.tuple(...names.map(() => tie('tree'))).map((schemas) => Object.fromEntries(names.map((name, index) => [name, schemas[index]]))),
            required: fc.subarray(names),
            additionalProperties: fc.boolean(),
          }),
        ),
      // Arrays with bounds.
      fc.integer({ min: 0, max: 2 }).chain((minItems) =>
        fc.record({ type: fc.constant('array'), items: tie('tree'), minItems: fc.constant(minItems), maxItems: fc.integer({ min: minItems, max: minItems + 3 }) }),
      ),
      fc.record({ type: fc.constant('array'), items: tie('tree') }),
      // Unions.
      fc.array(tie('tree'), { minLength: 2, maxLength: 3 }).map((branches) => ({ anyOf: branches })),
      fc.tuple(stringSchema, integerSchema, fc.constant({ type: 'null' })).map((branches) => ({ oneOf: branches })),
      fc.tuple(tie('tree'), tie('tree')).map(([a, b]) => ({
        oneOf: [
          { type: 'object', properties: { type: { const: 'a' }, a }, required: ['type', 'a'] },
          { type: 'object', properties: { type: { const: 'b' }, b }, required: ['type'] },
        ],
      })),
      // Local references (the definition sits at the root).
      fc.constant({ type: 'object', properties: { first: { $ref: '#/$defs/shared' }, second: { $ref: '#/$defs/shared' } }, required: ['first'] }),
      fc.constant({ type: 'array', items: { $ref: '#/$defs/shared' }, maxItems: 2 }),
      // allOf merging.
      fc.tuple(fc.constantFrom('p', 'q'), tie('tree')).map(([name, sub]) => ({
        allOf: [{ type: 'object', properties: { [name]: sub }, required: [name] }, { type: 'object', properties: { extra: { type: 'boolean' } } }],
      })),
    ),
  }));
  return tree;
}
