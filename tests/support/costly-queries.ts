// Documents that ask for far more than they look: shared by the misuse test and the benchmark.

/** `count` fragments, each spreading the one before twice: the selection doubles with every fragment. */
export function fragmentDoublingQuery(count: number): string {
  const fragments = ['fragment F0 on Viewer { username agency { id } }'];
  for (let i = 1; i <= count; i += 1) fragments.push(`fragment F${i} on Viewer { agency { id } ...F${i - 1} ...F${i - 1} }`);
  return `query { viewer { ...F${count} } }\n${fragments.join('\n')}`;
}

/** The same field under `count` aliases, each a full page. */
export function wideAliasQuery(count: number): string {
  const aliases = Array.from({ length: count }, (_, i) => `a${i}: agencies(first: 100) { edges { node { id name } } }`);
  return `query { ${aliases.join(' ')} }`;
}

/** Within the alias limit, each alias a full page of agencies per region: over the cost limit. */
export function costlyPagesQuery(): string {
  const aliases = Array.from({ length: 15 }, (_, i) => `a${i}: centrumgemeenten { agencies(first: 100) { edges { node { id name } } } }`);
  return `query { ${aliases.join(' ')} }`;
}
