import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { ValidationError } from '../../../domain/src';

/** A template with its partials, as read from disk, and the hash a report records of it. */
export interface TemplateSource {
  name: string;
  source: string;
  partials: Record<string, string>;
  /** SHA-256 over the template and its partials: re-verification can tell a changed template. */
  hash: string;
  /** `{{!-- taizhang:rollup --}}` in the template: its figures always cover the whole subtree. */
  alwaysRollup: boolean;
}

const ROLLUP_PRAGMA = /\{\{!--\s*taizhang:rollup\s*--\}\}/;

/** The `templates/` folder shipped with Taizhang (found from the source or the built `dist/` tree). */
export function builtInTemplatesDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('built-in templates folder not found');
}

/** Names of the templates a secretary can choose (their own folder first, then the built-in ones). */
export function listTemplates(userDir?: string): string[] {
  const names = new Set<string>();
  for (const dir of searchDirs(userDir)) {
    for (const file of readdirSync(dir)) if (file.endsWith('.hbs')) names.add(basename(file, '.hbs'));
  }
  return [...names].sort();
}

/**
 * Loads a template by name (`branch-secretary`) or by path to an `.hbs` file. A secretary's folder
 * (`--templates DIR`) is searched before the built-in one, so a same-named template overrides ours.
 * Partials come from `partials/` beside the built-in templates, overridden by the user's own.
 */
export function loadTemplate(nameOrPath: string, userDir?: string): TemplateSource {
  const file = findTemplateFile(nameOrPath, userDir);
  const source = readFileSync(file, 'utf8');
  // Later wins: partials beside the template file, then the built-in ones, then the user's own.
  const partials: Record<string, string> = { ...readPartials(join(dirname(file), 'partials')) };
  for (const dir of [...searchDirs(userDir)].reverse()) Object.assign(partials, readPartials(join(dir, 'partials')));
  return templateFromSource(basename(file, '.hbs'), source, partials);
}

/** A template given as text (tests, an uploaded template). */
export function templateFromSource(name: string, source: string, partials: Record<string, string> = {}): TemplateSource {
  const hash = createHash('sha256');
  hash.update(source);
  for (const partial of Object.keys(partials).sort()) hash.update(`\0${partial}\0${partials[partial]}`);
  return { name, source, partials, hash: hash.digest('hex'), alwaysRollup: ROLLUP_PRAGMA.test(source) };
}

function findTemplateFile(nameOrPath: string, userDir: string | undefined): string {
  if (extname(nameOrPath) === '.hbs' && existsSync(nameOrPath)) return resolve(nameOrPath);
  if (/^[\w-]+$/.test(nameOrPath)) {
    for (const dir of searchDirs(userDir)) {
      const file = join(dir, `${nameOrPath}.hbs`);
      if (existsSync(file)) return file;
    }
  }
  const known = listTemplates(userDir).join('、');
  throw ValidationError.of('template', `找不到模板“${nameOrPath}”（可用：${known}）`, `unknown template ${nameOrPath} (available: ${known})`);
}

function searchDirs(userDir: string | undefined): string[] {
  const dirs: string[] = [];
  if (userDir !== undefined) {
    if (!existsSync(userDir) || !statSync(userDir).isDirectory()) {
      throw ValidationError.of('templates', `模板目录不存在：${userDir}`, `templates folder not found: ${userDir}`);
    }
    dirs.push(resolve(userDir));
  }
  dirs.push(builtInTemplatesDir());
  return dirs;
}

function readPartials(dir: string): Record<string, string> {
  const partials: Record<string, string> = {};
  if (!existsSync(dir)) return partials;
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.hbs')) partials[basename(file, '.hbs')] = readFileSync(join(dir, file), 'utf8');
  }
  return partials;
}
