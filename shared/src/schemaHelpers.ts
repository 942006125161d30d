import { type TLiteral, type TUnion, Type } from '@sinclair/typebox';

/** A union of string literals that keeps each literal in the static type (`'a' | 'b'`, not `string`). */
export function literals<const T extends readonly string[]>(
  values: T,
): TUnion<{ -readonly [K in keyof T]: TLiteral<T[K] & string> }> {
  return Type.Union(values.map((value) => Type.Literal(value))) as never;
}
