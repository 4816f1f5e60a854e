// How kdb+ shows some q keywords: the ones that are k primitives (neg is -:, and parse "neg x" is
// (-:;`x)), and the variadic keywords that cover an extension (deltas is -':, basics/exposed-infrastructure),
// whose value shows as that extension while a parse tree keeps the keyword's name ((max;`price)).

/** Keywords that are k's unary primitives, in parse trees and as values. */
export const K_UNARY: Record<string, string> = {
  neg: '-:', not: '~:', null: '^:', string: '$:', reciprocal: '%:', floor: '_:', count: '#:', first: '*:',
  where: '&:', reverse: '|:', group: '=:', flip: '+:', distinct: '?:', key: '!:', value: '.:', type: '@:',
};

/** Keywords that are glyphs themselves: their value is the glyph, in parse trees too (ref/greater: and and
 *  or are synonyms of & and |; .q?(|) is `or in public q code that turns trees back into text). */
export const K_GLYPHS: Record<string, string> = { and: '&', or: '|' };

/** The variadic keywords' extensions, as their values show. (sum, prd, max and min are kdb+'s own
 *  reserved words, .Q.res, and show as themselves: qbists' Euler 6 records (sqr;sum) as {x*x} sum.) */
export const K_COVERS: Record<string, string> = {
  deltas: "-':", ratios: "%':", sums: '+\\', prds: '*\\', maxs: '|\\', mins: '&\\',
};

/** One name for a primitive whatever it was written as: a keyword that is a k primitive is that primitive
 *  (flip is +:, so (+:)~flip). */
export const primKey = (name: string): string => K_UNARY[name] ?? name;
