import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import {
  displayPath,
  findGuideFiles,
  isInside,
  isDraft,
  isJourneyPath,
  parseGuide,
  readGuideFile,
  realPath,
  schemaDirectory,
} from '@baihua/core';
import {
  EMPTY_MAPPING,
  exportPlatform,
  exportReportMarkdown,
  type GuideData,
  guideFileText,
  importPlatform,
  importReportMarkdown,
  importSummary,
  readPlatformFiles,
  readPlatformMapping,
  writeWorkbook,
} from '@baihua/exchange';
import { writeFileAtomic } from '@baihua/lint';
import { UsageError } from './errors.js';

export interface ImportPlatformOptions {
  out: string;
  mapping?: string;
  report?: string;
  force?: boolean;
}

export interface ExportPlatformOptions {
  out: string;
  report?: string;
  force?: boolean;
}

const IMPORT_REPORT = '平台表格导入报告';
const EXPORT_REPORT = '平台表格导出报告';

/**
 * A report may replace an earlier report of the same kind, never another file unless --force:
 * the default place is inside a folder the user chose, and may hold a file of theirs.
 */
function checkReport(path: string, title: string, force: boolean | undefined): void {
  if (!existsSync(path) || force) return;
  const text = lstatSync(path).isFile() ? readFileSync(path, 'utf8') : '';
  const earlier = text.startsWith(`# ${title}\n`) || text.startsWith(`{\n  "report": "${title}"`);
  if (!earlier)
    throw new UsageError(
      `${displayPath(path)} 已经存在，不是白话写的报告；请用 --report 指定别的报告文件，或加 --force 覆盖`,
    );
}

/** `baihua import platform`: one guide file per 事项 of the platform's tables, and the report. */
export async function runImportPlatform(files: string[], options: ImportPlatformOptions): Promise<string> {
  const mapping = options.mapping ? readPlatformMapping(options.mapping) : EMPTY_MAPPING;
  const tables = await readPlatformFiles(files, mapping);
  const { guides, report } = importPlatform(tables, { mapping });

  const out = resolve(options.out);
  if (existsSync(out) && !statSync(out).isDirectory())
    throw new UsageError(`--out 要写一个目录，${displayPath(out)} 是文件`);
  const realOut = realPath(out);
  const targets = guides.map((guide) => ({ guide, path: join(out, `${guide.id}.md`) }));
  const existing: string[] = [];
  for (const { path } of targets) {
    if (!existsSync(path)) continue;
    // A link inside --out must not carry a write outside it.
    if (!isInside(realpathSync(path), realOut))
      throw new UsageError(`${displayPath(path)} 是指向 ${displayPath(out)} 以外的链接，不写入；请先删掉它`);
    existing.push(displayPath(path));
  }
  if (existing.length > 0 && !options.force) {
    throw new UsageError(
      `这些文件已经存在：${existing.slice(0, 5).join('、')}${existing.length > 5 ? ` 等 ${existing.length} 个` : ''}；要覆盖请加 --force，什么都没有写`,
    );
  }
  // Not inside --out by default: every .md there is linted as a guide.
  const reportPath = resolve(options.report ?? 'import-report.md');
  if (targets.some(({ path }) => path === reportPath))
    throw new UsageError(`报告文件 ${displayPath(reportPath)} 和一份导入的指南同名；请用 --report 指定别的文件`);
  checkReport(reportPath, IMPORT_REPORT, options.force);

  mkdirSync(out, { recursive: true });
  const schemaPath = relative(out, join(schemaDirectory, 'guide.schema.json')).replaceAll('\\', '/');
  const written: Record<string, string> = {};
  for (const { guide, path } of targets) {
    const source = `${guide.source.file ? `${basename(guide.source.file)} ` : ''}「${guide.source.sheet}」表第 ${guide.source.row} 行`;
    const body = `<!-- 从全国一体化政务服务平台的表格导入：${source}。平台表格里没有的内容（一句话说明、最后核验日期等）请补上；平台的值指南里放不下的，保留在 x-platform 里，导出时原样写回。写完后删去 status: 草稿。 -->`;
    writeFileAtomic(path, guideFileText(guide.data, { schema: schemaPath, body }));
    written[guide.id] = displayPath(path);
  }
  mkdirSync(dirname(reportPath), { recursive: true });
  writeFileAtomic(
    reportPath,
    reportPath.endsWith('.json')
      ? `${JSON.stringify({ report: IMPORT_REPORT, ...report, files: written }, null, 2)}\n`
      : importReportMarkdown(report, { files: written }),
  );
  return `已导入 ${importSummary(report)}；写出 ${targets.length} 个指南文件到 ${displayPath(out) || '.'}，报告见 ${displayPath(reportPath)}\n`;
}

/** `baihua export platform`: the platform's workbook from guides, and the report of empty columns. */
export async function runExportPlatform(paths: string[], options: ExportPlatformOptions): Promise<string> {
  const out = resolve(options.out);
  if (extname(out).toLowerCase() !== '.xlsx') throw new UsageError(`--out 要写一个 .xlsx 文件，如 --out 实施清单.xlsx`);
  if (existsSync(out) && !options.force) throw new UsageError(`${displayPath(out)} 已经存在；要覆盖请加 --force`);
  const reportPath = resolve(options.report ?? `${out.slice(0, -'.xlsx'.length)}.report.md`);
  checkReport(reportPath, EXPORT_REPORT, options.force);

  const files = (await findGuideFiles(paths.length > 0 ? paths : ['guides'])).filter((file) => !isJourneyPath(file));
  const guides: GuideData[] = [];
  const skipped: { path: string; reason: string }[] = [];
  for (const file of files) {
    const read = readGuideFile(file);
    const parsed = read.problem ? undefined : parseGuide(read.file);
    const data = parsed?.data;
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      skipped.push({ path: displayPath(file), reason: '读不出字段，先运行 baihua lint 看看哪里写错了' });
    } else if (isDraft(data)) {
      skipped.push({ path: displayPath(file), reason: '是草稿（status: 草稿），写完后再导出' });
    } else {
      guides.push(data as GuideData);
    }
  }
  const { tables, report } = exportPlatform(guides);
  const bytes = await writeWorkbook(tables);
  mkdirSync(dirname(out), { recursive: true });
  writeFileAtomic(out, bytes);
  mkdirSync(dirname(reportPath), { recursive: true });
  writeFileAtomic(
    reportPath,
    reportPath.endsWith('.json')
      ? `${JSON.stringify({ report: EXPORT_REPORT, ...report, skipped }, null, 2)}\n`
      : exportReportMarkdown(report, { skipped }),
  );
  const rows = tables.sheets
    .slice(1)
    .map((sheet) => `${sheet.name} ${sheet.rows.length} 行`)
    .join('、');
  const drafts = skipped.length > 0 ? `；跳过 ${skipped.length} 个文件（见报告）` : '';
  return `已导出 ${guides.length} 个事项到 ${displayPath(out)}（${rows}）${drafts}；平台还需要、指南里空着的列见 ${displayPath(reportPath)}\n`;
}
