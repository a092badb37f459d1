import { existsSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ValidationError } from '../../../libs/domain/src';

/**
 * Refuses an --out that cannot be written (a directory, a missing folder) before any work is done,
 * so a command that records something (compile) records nothing for a file it cannot write.
 */
export function requireWritableOut(out: string): void {
  const path = resolve(out);
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw ValidationError.of('out', `输出文件“${out}”是一个目录，请写出文件名`, `--out ${out} is a directory, not a file`);
  }
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw ValidationError.of('out', `输出文件所在的目录不存在：${dirname(out)}`, `folder of --out does not exist: ${dirname(out)}`);
  }
}

/** Written beside the target, then renamed over it: a reader never sees half a file. */
export function writeFileAtomically(file: string, content: Buffer | string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    if (existsSync(temporary)) unlinkSync(temporary);
    throw error;
  }
}
