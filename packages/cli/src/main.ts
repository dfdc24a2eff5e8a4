import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { translateCommanderError } from './commander-messages.js';
import { chineseHelp } from './help.js';
import { describeError, UsageError } from './errors.js';
import type { BuildOptions } from './build-command.js';
import type { DictExportOptions } from './dict-command.js';
import type { ImportPageOptions } from './import-page-command.js';
import type { InitGuideOptions } from './init-command.js';
import type { ServeOptions } from './serve-command.js';
import type { LintCommandOptions } from './lint-command.js';
import type { ExportPlatformOptions, ImportPlatformOptions } from './platform-command.js';
import type { ReportOptions } from './report-command.js';
import type { StatsOptions } from './stats-command.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Options of the commands that lint a catalog (`lint`, `report`): the same words in each help. */
const cacheOption = () => new Option('--cache', '缓存检查结果，没改过的指南不再重新检查');
const cacheLocationOption = () => new Option('--cache-location <文件>', '缓存文件的位置（默认：.baihuacache）');
const concurrencyOption = () =>
  new Option('--concurrency <n>', '用几个线程检查：数字、off（只用一个）或 auto').default(
    'auto',
    'auto，按 CPU 核数和指南数量定',
  );

/** Runs the CLI and resolves to the exit code; never throws. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const debug = argv.includes('--debug');
  let exitCode = 0;
  const program = new Command('baihua')
    .description('白话：把办事指南写成白话，像代码一样检查')
    .version(version, '-v, --version', '显示版本号')
    // Set before the commands are added: each command inherits the help's settings.
    .configureHelp(chineseHelp)
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示一个命令的帮助')
    .option('--debug', '出错时显示详细信息')
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) =>
        write(
          translateCommanderError(
            text,
            program.commands.map((command) => command.name()),
          ),
        ),
    })
    .exitOverride();

  program
    .command('lint')
    .description('检查指南：字段是否齐全、写法是否正确')
    .argument('[路径...]', '文件、目录或 glob（默认：guides/）')
    .addOption(
      new Option('-f, --format <格式>', '输出格式')
        .choices(['stylish', 'json', 'sarif', 'github', 'markdown', 'junit', 'checkstyle', 'gitlab', 'rdjson'])
        .default('stylish'),
    )
    .option(
      '--changed-since <引用>',
      '只检查自这个 git 引用（如 origin/main）以来新增或改动的指南；目录规则仍对照全部指南',
    )
    .option('--fix', '自动修复能安全修复的问题，并写回文件')
    .option('--fix-dry-run', '计算修复结果但不写文件（结果在 --format json 的 output 里）')
    .option('--stdin', '从标准输入读取指南')
    .option('--stdin-filename <文件名>', '标准输入的内容当作哪个文件（决定格式和配置）')
    .option('--max-warnings <n>', '警告超过这个数也算失败')
    .option('--quiet', '只报告错误，不报告警告')
    .option('-c, --config <文件>', '只用这个配置文件，不向上查找')
    .option('-o, --output-file <文件>', '把报告写到文件')
    .option('--baseline <文件>', '只报告基线文件里没有的问题（默认：配置的 baseline）')
    .option('--update-baseline', '把现在的问题记入基线文件（只改这次检查的指南）')
    .option('--prune-baseline', '从基线文件里删去已不再出现的问题')
    .addOption(cacheOption())
    .addOption(cacheLocationOption())
    .addOption(concurrencyOption())
    .option('--color', '强制使用颜色')
    .option('--no-color', '不使用颜色')
    .action(async (paths: string[], options: LintCommandOptions) => {
      // Commands load on use: `--help` and `--version` stay fast.
      const { runLint } = await import('./lint-command.js');
      const result = await runLint(paths, { ...options, debug }, version);
      if (result.stderr) io.stderr(result.stderr);
      io.stdout(result.stdout);
      exitCode = result.exitCode;
    });

  program
    .command('build')
    .description('检查指南，没有错误时生成网页版、手机版、打印版和门户数据包')
    .argument('[路径...]', '指南文件或目录（默认：guides）')
    .option('-o, --out <目录>', '输出目录', 'dist')
    .addOption(
      new Option('--targets <列表>', '生成哪些版本：web、mobile、print、bundle（给门户的数据包），用逗号分开').default(
        'web,mobile,print,bundle',
        '全部',
      ),
    )
    .option('--templates <目录>', '模板目录（复制 templates/site 后修改）')
    .option('--site-url <网址>', '网站地址，用于打印版上的网址和搜索引擎数据')
    .option('-c, --config <文件>', '只用这个配置文件，不向上查找')
    .addOption(
      new Option('--concurrency <n>', '用几个线程检查和生成：数字、off（只用一个）或 auto').default(
        'auto',
        'auto，按 CPU 核数、内存和指南数量定',
      ),
    )
    .option('--shard <i/n>', '只生成整个目录的第 i 片（共 n 片），之后用 baihua merge 合并')
    .action(async (paths: string[], options: BuildOptions) => {
      const { runBuild } = await import('./build-command.js');
      const result = await runBuild(paths, options, version);
      io.stdout(result.stdout);
      exitCode = result.exitCode;
    });

  program
    .command('merge')
    .description('把 baihua build --shard 生成的各片合并成一个完整的网站')
    .argument('<各片目录...>', 'baihua build --shard 写出的各片的输出目录')
    .option('-o, --out <目录>', '输出目录', 'dist')
    .action(async (shards: string[], options: { out: string }) => {
      const { runMerge } = await import('./build-command.js');
      const result = await runMerge(shards, options);
      io.stdout(result.stdout);
      exitCode = result.exitCode;
    });

  program
    .command('serve')
    .description('本机预览：网页版、手机版、打印版并排显示，改动指南后自动更新')
    .argument('[路径...]', '指南文件或目录（默认：guides）')
    .option('-p, --port <端口>', '端口，只在 127.0.0.1 上提供', '8080')
    .option('-c, --config <文件>', '只用这个配置文件，不向上查找')
    .action(async (paths: string[], options: ServeOptions) => {
      const { runServe } = await import('./serve-command.js');
      await runServe(paths, options, version, io.stdout);
    });

  program
    .command('dict')
    .description('词典')
    .command('export')
    .description('把白话的词表导出给其他工具：prh（textlint-rule-prh）或 Vale 的替换样式')
    .requiredOption('--format <格式>', 'prh 或 vale')
    .option('-o, --output <路径>', 'prh：写到这个文件；vale：写到这个目录')
    .action(async (options: DictExportOptions) => {
      const { exportDict } = await import('./dict-command.js');
      io.stdout(exportDict(options));
    });

  program
    .command('stats')
    .description('易读分：每份指南的分数、等级和各项与目标的比值')
    .argument('[路径...]', '文件、目录或 glob（默认：guides/）')
    .addOption(new Option('-f, --format <格式>', '输出格式').choices(['table', 'json']).default('table'))
    .option('--sections', '也列出每一部分的分数')
    .option('-c, --config <文件>', '只用这个配置文件，不向上查找')
    .action(async (paths: string[], options: StatsOptions) => {
      const { runStats } = await import('./stats-command.js');
      io.stdout(await runStats(paths, options));
    });

  program
    .command('report')
    .description('指南质量报告：易读等级、问题分布、评估要素和待改清单，写成一个网页和 report.json')
    .argument('[路径...]', '指南文件或目录（默认：guides）')
    .option('-o, --out <目录>', '输出目录', 'report')
    .option('--history <n>', '也统计最近 n 次提交的主要数字，画成折线图（要在 git 仓库里）')
    .option('-c, --config <文件>', '只用这个配置文件，不向上查找')
    .addOption(cacheOption())
    .addOption(cacheLocationOption())
    .addOption(concurrencyOption())
    .action(async (paths: string[], options: ReportOptions) => {
      const { runReport } = await import('./report-command.js');
      const result = await runReport(paths, options, version);
      io.stdout(result.stdout);
      exitCode = result.exitCode;
    });

  program
    .command('explain')
    .description('说明一条规则：为什么、怎么改、正反例子')
    .argument('[规则]', '规则，如 schema/required；不写则列出所有规则')
    .action(async (rule: string | undefined) => {
      const { explain } = await import('./explain-command.js');
      io.stdout(explain(rule, Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env)));
    });

  program
    .command('lsp')
    .description('语言服务器：在编辑器里边写边检查、快速修复、悬停说明、补全和预览')
    .option('--stdio', '通过标准输入输出与编辑器通信（目前只支持这一种）')
    .action(async (options: { stdio?: boolean }) => {
      if (!options.stdio) throw new UsageError('请加上 --stdio：编辑器通过标准输入输出与白话的语言服务器通信');
      const { runStdioServer } = await import('@baihua/lsp');
      // Runs until the editor closes the connection or exits; the process ends with it.
      runStdioServer();
    });

  const init = program.command('init').description('新建文件');
  init
    .command('guide')
    .description('从模板新建一份指南')
    .requiredOption('--id <标识>', '指南标识，小写字母、数字和连字符')
    .requiredOption('--title <名称>', '事项名称')
    .option('--dir <目录>', '写到哪个目录', 'guides')
    .option('--format <格式>', 'md 或 yaml', 'md')
    .option('--force', '文件已存在时覆盖')
    .action(async (options: InitGuideOptions) => {
      const { initGuide } = await import('./init-command.js');
      const target = initGuide(options);
      io.stdout(
        `已新建 ${relative(process.cwd(), target)}。把空着的字段填好，再运行 baihua lint ${relative(process.cwd(), target)} 检查。\n`,
      );
    });

  // `import`: existing guides in. Each kind of source is a subcommand of its own.
  const importCommand = program.command('import').description('把已有的办事指南导入成白话的指南文件');
  const importPageAction = (format: 'text' | 'html') => async (file: string, options: ImportPageOptions) => {
    const { importPage } = await import('./import-page-command.js');
    const result = await importPage(format, file, options);
    io.stdout(result.stdout);
    io.stderr(result.stderr);
  };
  importCommand
    .command('text')
    .description('把从网页上复制的办事指南文字导入成草稿指南：认出的字段填好，其余的放在「未归类内容」里')
    .argument('<文件>', '复制出来的文字（.txt）；写 - 从标准输入读')
    .option('-o, --out <文件>', '写到这个 .md 文件（默认：输出到标准输出）')
    .option('--id <标识>', '指南标识（默认：按实施编码或基本编码，都没有时是 imported-draft）')
    .option('--force', '--out 的文件已存在时覆盖')
    .action(importPageAction('text'));
  importCommand
    .command('html')
    .description('把另存的办事指南网页（.html）导入成草稿指南：认出的字段填好，其余的放在「未归类内容」里')
    .argument('<文件>', '另存的网页')
    .option('-o, --out <文件>', '写到这个 .md 文件（默认：输出到标准输出）')
    .option('--id <标识>', '指南标识（默认：按实施编码或基本编码，都没有时是 imported-draft）')
    .option('--force', '--out 的文件已存在时覆盖')
    .action(importPageAction('html'));
  importCommand
    .command('platform')
    .description('从全国一体化政务服务平台导出的表格导入指南：每个事项一个文件，对应不上的值写进报告')
    .argument('<文件...>', '平台导出的 .xlsx 工作簿，或每张表一个的 .csv 文件（UTF-8 或 GBK）')
    .requiredOption('-o, --out <目录>', '指南写到哪个目录')
    .option('--mapping <文件>', '本地表头、取值和标识的对照文件（YAML，见 docs/platform-import.md）')
    .option('--report <文件>', '导入报告写到哪里，.md 或 .json（默认：当前目录的 import-report.md）')
    .option('--force', '指南文件已存在时覆盖')
    .action(async (files: string[], options: ImportPlatformOptions) => {
      const { runImportPlatform } = await import('./platform-command.js');
      io.stdout(await runImportPlatform(files, options));
    });

  const exportCommand = program.command('export').description('把指南导出给其他系统');
  exportCommand
    .command('platform')
    .description('把指南导出成全国一体化政务服务平台的交换表格（.xlsx），并列出平台还需要、指南里空着的列')
    .argument('[路径...]', '指南文件或目录（默认：guides）；一件事和草稿不导出')
    .requiredOption('-o, --out <文件>', '写到哪个 .xlsx 文件')
    .option('--report <文件>', '导出报告写到哪里，.md 或 .json（默认：和表格同名的 .report.md）')
    .option('--force', '文件已存在时覆盖')
    .action(async (paths: string[], options: ExportPlatformOptions) => {
      const { runExportPlatform } = await import('./platform-command.js');
      io.stdout(await runExportPlatform(paths, options));
    });

  // commander's help command shows the whole help for a command it does not know, and exits 0.
  const [first, asked] = argv;
  const commandNames = program.commands.map((command) => command.name());
  if (first === 'help' && asked !== undefined && !asked.startsWith('-') && !commandNames.includes(asked)) {
    io.stderr(translateCommanderError(`unknown command '${asked}'`, commandNames));
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other command-line mistake is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    io.stderr(`${describeError(error, debug)}\n`);
    return 2;
  }
}

export { UsageError };
