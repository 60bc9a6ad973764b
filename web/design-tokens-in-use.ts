// Build step: drops the design tokens (CSS custom properties) that nothing in the bundle reads. The Utrecht theme
// declares about 1,200 tokens for every component of the library; this app uses a few dozen components. A token is
// kept when a rule's property reads it (`var(--token)`), when the app's own JavaScript or HTML names it, or when a
// kept token reads it; every other custom-property declaration goes, and so does a rule or @property left empty.
import postcss, { type Root } from 'postcss';
import type { Plugin } from 'vite';

const TOKEN_READ = /var\(\s*(--[\w-]+)/g;
const TOKEN_NAME = /--[\w-]+/g;

const reads = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match[1] ?? match[0]);

/** The tokens reachable from what the app styles and runs. */
function tokensInUse(sheets: Root[], scripts: string[]): Set<string> {
  const definitions = new Map<string, string[]>();
  const used = new Set<string>();
  for (const sheet of sheets) {
    sheet.walkDecls((decl) => {
      if (decl.prop.startsWith('--')) definitions.set(decl.prop, [...(definitions.get(decl.prop) ?? []), decl.value]);
      else for (const token of reads(decl.value, TOKEN_READ)) used.add(token);
    });
  }
  // Scripts may set or read a token by name (inline styles, getPropertyValue): any name they mention counts.
  for (const script of scripts) for (const token of reads(script, TOKEN_NAME)) if (definitions.has(token)) used.add(token);
  const pending = [...used];
  while (pending.length > 0) {
    for (const value of definitions.get(pending.pop()!) ?? []) {
      for (const token of reads(value, TOKEN_READ)) {
        if (!used.has(token)) {
          used.add(token);
          pending.push(token);
        }
      }
    }
  }
  return used;
}

function dropUnused(sheet: Root, used: Set<string>): void {
  sheet.walkDecls((decl) => {
    if (decl.prop.startsWith('--') && !used.has(decl.prop)) decl.remove();
  });
  sheet.walkAtRules('property', (rule) => {
    if (!used.has(rule.params.trim())) rule.remove();
  });
  // Innermost first: a media query is empty once its rules are.
  sheet.walk((node) => {
    if ((node.type === 'rule' || node.type === 'atrule') && node.nodes?.length === 0) node.remove();
  });
  sheet.walkComments((comment) => {
    comment.remove();
  });
}

export function designTokensInUse(): Plugin {
  return {
    name: 'ketenkaart-design-tokens-in-use',
    apply: 'build',
    // Before the server-files step compresses what is written.
    generateBundle(_options, bundle) {
      const styles = Object.values(bundle).filter((file) => file.type === 'asset' && file.fileName.endsWith('.css'));
      const scripts = Object.values(bundle).flatMap((file) =>
        file.type === 'chunk' ? [file.code] : file.fileName.endsWith('.html') ? [String(file.source)] : [],
      );
      const sheets = styles.map((file) => postcss.parse(String(file.type === 'asset' ? file.source : '')));
      const used = tokensInUse(sheets, scripts);
      styles.forEach((file, index) => {
        if (file.type !== 'asset') return;
        const sheet = sheets[index]!;
        dropUnused(sheet, used);
        file.source = sheet.toString();
      });
    },
  };
}
