import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import type { Ledger } from '../ledger';
import { LedgerModule } from '../ledger.module';
import { LEDGER } from '../tokens';
import { EnrollMemberCommand, MemberLeaveCommand, TransferMemberCommand } from '../commands/member.commands';
import { RegisterOrganizationCommand } from '../commands/organization.commands';

/** The import tests' clock: "today" is 2024-12-31 in China. */
export const IMPORT_NOW = new Date('2024-12-31T04:00:00.000Z');
export const IMPORT_TODAY = '2024-12-31';

export interface ImportFixture {
  dir: string;
  ledger: Ledger;
  commands: CommandBus;
  close(): Promise<void>;
}

const meta = { actor: '组织委员', source: 'cli' as const };

/**
 * A small ledger on a real SQLite file: a committee, two branches, a 党小组, and members whose
 * stints make the roster differ by date (a transfer, a departure, two namesakes).
 *   b1 第一党支部: 张三 m1, 李四 m2, 王芳 m3 (in 党小组 g1), 赵六 m4 (to b2 on 2021-06-01), 钱七 m6 (left 2021-03-01)
 *   b2 第二党支部: 张三 m5 (a namesake of m1)
 */
export async function openImportFixture(label: string): Promise<ImportFixture> {
  const dir = mkdtempSync(join(tmpdir(), `taizhang-import-${label}-`));
  const context: INestApplicationContext = await NestFactory.createApplicationContext(
    LedgerModule.forRoot({ storeUrl: `sqlite:${join(dir, 'ledger.db')}`, clock: { now: () => IMPORT_NOW } }),
    { logger: false, abortOnError: false },
  );
  const commands = context.get(CommandBus);
  const ledger = context.get<Ledger>(LEDGER);
  const org = (id: string, name: string, kind: string, parentId?: string) =>
    commands.execute(new RegisterOrganizationCommand({ id, name, kind, parentId, establishedOn: '2010-01-01' }, meta));
  await org('c1', '机关党委', 'committee');
  await org('b1', '第一党支部', 'branch', 'c1');
  await org('b2', '第二党支部', 'branch', 'c1');
  await org('g1', '第一党小组', 'group', 'b1');
  const enroll = (memberId: string, name: string, orgId: string) =>
    commands.execute(new EnrollMemberCommand({ memberId, name, orgId, since: '2019-01-01' }, meta));
  await enroll('m1', '张三', 'b1');
  await enroll('m2', '李四', 'b1');
  await enroll('m3', '王芳', 'g1');
  await enroll('m4', '赵六', 'b1');
  await enroll('m5', '张三', 'b2');
  await enroll('m6', '钱七', 'b1');
  await commands.execute(new TransferMemberCommand({ memberId: 'm4', toOrgId: 'b2', on: '2021-06-01' }, meta));
  await commands.execute(new MemberLeaveCommand({ memberId: 'm6', on: '2021-03-01', reason: '退休' }, meta));
  return {
    dir,
    ledger,
    commands,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Cell = string | number | Date | null;

/** An xlsx with one sheet per entry, written by exceljs; `dateFormat` styles Date cells. */
export async function xlsxOf(sheets: Record<string, Cell[][]>, dateFormat = 'yyyy-mm-dd'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) {
      const added = ws.addRow(row);
      added.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = dateFormat;
      });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function csvText(rows: Cell[][]): string {
  const quote = (c: Cell) => {
    const text = c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((r) => r.map(quote).join(',')).join('\r\n');
}

export const utf8Csv = (rows: Cell[][]) => Buffer.from(csvText(rows), 'utf8');
export const utf8BomCsv = (rows: Cell[][]) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(rows), 'utf8')]);
export const gbkCsv = (rows: Cell[][]) => iconv.encode(csvText(rows), 'gbk');

/** A Date whose UTC fields are the civil date: what a date cell of that day holds. */
export const day = (date: string) => new Date(`${date}T00:00:00.000Z`);

/** Gives every date-formatted cell of an exceljs workbook a built-in number format id instead (e.g. 31: yyyy"年"m"月"d"日" in zh-CN). */
export async function withBuiltinDateFormat(bytes: Buffer, numFmtId: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('xl/styles.xml');
  if (!file) throw new Error('no styles.xml');
  let styles = await file.async('string');
  const custom = [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="[^"]*"\/>/g)].map((m) => m[1]);
  if (custom.length === 0) throw new Error('no custom number format to replace');
  for (const id of custom) styles = styles.split(`numFmtId="${id}"`).join(`numFmtId="${numFmtId}"`);
  styles = styles.replace(/<numFmts[^>]*>.*?<\/numFmts>/s, '');
  zip.file('xl/styles.xml', styles);
  return zip.generateAsync({ type: 'nodebuffer' });
}
