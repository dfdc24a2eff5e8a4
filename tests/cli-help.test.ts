/**
 * Every word of `baihua --help` and of each command's help is Chinese: commander's titles,
 * placeholders, defaults and choices translated, and the columns aligned and wrapped for a
 * terminal where a Chinese character takes two columns.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

/** Terminal columns: Chinese characters and full-width punctuation take two. */
const columns = (text: string) => [...text].reduce((sum, char) => sum + (WIDE.test(char) ? 2 : 1), 0);
const WIDE = /\p{Script=Han}|[\u3000-\u303f\uff00-\uff60]/u;

/** Every command and subcommand, as typed after `baihua` (the program itself first). */
const COMMANDS = [
  [],
  ['lint'],
  ['build'],
  ['merge'],
  ['serve'],
  ['dict'],
  ['dict', 'export'],
  ['stats'],
  ['report'],
  ['explain'],
  ['lsp'],
  ['init'],
  ['init', 'guide'],
  ['import'],
  ['import', 'text'],
  ['import', 'html'],
  ['import', 'platform'],
  ['export'],
  ['export', 'platform'],
];

/**
 * The Latin words a help may hold besides option flags: command names, values a user types
 * (formats, targets, defaults), and names of products and files.
 */
const ALLOWED_WORDS = new Set([
  // the program and its commands
  'baihua',
  'lint',
  'build',
  'merge',
  'serve',
  'dict',
  'export',
  'stats',
  'report',
  'explain',
  'lsp',
  'init',
  'guide',
  'import',
  'text',
  'html',
  'platform',
  'help',
  // values written on the command line or in files: formats, targets, defaults, paths, rule ids
  'stylish',
  'json',
  'sarif',
  'github',
  'markdown',
  'origin',
  'main',
  'junit',
  'checkstyle',
  'gitlab',
  'rdjson',
  'table',
  'output',
  'auto',
  'off',
  'web',
  'mobile',
  'print',
  'bundle',
  'dist',
  'guides',
  'baihuacache',
  'templates',
  'site',
  'baseline',
  'schema',
  'required',
  'yaml',
  'prh',
  'vale',
  'md',
  'txt',
  'imported',
  'draft',
  // the platform's files: their formats, encodings and the mapping file's documentation
  'xlsx',
  'csv',
  'UTF',
  'GBK',
  'YAML',
  'docs',
  // names of things: the glob pattern, tools, the processor, version control
  'glob',
  'textlint',
  'rule',
  'Vale',
  'CPU',
  'git',
]);

function help(command: string[]): string {
  const run = runCli([...command, '--help']);
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  return run.stdout;
}

describe('baihua --help', () => {
  it('is in Chinese, the commands aligned in one column', () => {
    expect(help([])).toBe(
      `用法： baihua [选项] [命令]

白话：把办事指南写成白话，像代码一样检查

选项：
  -v, --version               显示版本号
  --debug                     出错时显示详细信息
  -h, --help                  显示帮助

命令：
  lint [选项] [路径...]       检查指南：字段是否齐全、写法是否正确
  build [选项] [路径...]      检查指南，没有错误时生成网页版、手机版、打印版和
                              门户数据包
  merge [选项] <各片目录...>  把 baihua build --shard 生成的各片合并成一个完整的
                              网站
  serve [选项] [路径...]      本机预览：网页版、手机版、打印版并排显示，改动指南
                              后自动更新
  dict                        词典
  stats [选项] [路径...]      易读分：每份指南的分数、等级和各项与目标的比值
  report [选项] [路径...]     指南质量报告：易读等级、问题分布、评估要素和待改
                              清单，写成一个网页和 report.json
  explain [规则]              说明一条规则：为什么、怎么改、正反例子
  lsp [选项]                  语言服务器：在编辑器里边写边检查、快速修复、悬停
                              说明、补全和预览
  init                        新建文件
  import                      把已有的办事指南导入成白话的指南文件
  export                      把指南导出给其他系统
  help [命令]                 显示一个命令的帮助
`,
    );
  });

  it('of lint lists its arguments and options in Chinese, with choices and defaults', () => {
    expect(help(['lint'])).toBe(
      `用法： baihua lint [选项] [路径...]

检查指南：字段是否齐全、写法是否正确

参数：
  路径                       文件、目录或 glob（默认：guides/）

选项：
  -f, --format <格式>        输出格式（可选：stylish、json、sarif、github、
                             markdown、junit、checkstyle、gitlab、rdjson；默认：
                             stylish）
  --changed-since <引用>     只检查自这个 git 引用（如 origin/main）以来新增或改
                             动的指南；目录规则仍对照全部指南
  --fix                      自动修复能安全修复的问题，并写回文件
  --fix-dry-run              计算修复结果但不写文件（结果在 --format json 的
                             output 里）
  --stdin                    从标准输入读取指南
  --stdin-filename <文件名>  标准输入的内容当作哪个文件（决定格式和配置）
  --max-warnings <n>         警告超过这个数也算失败
  --quiet                    只报告错误，不报告警告
  -c, --config <文件>        只用这个配置文件，不向上查找
  -o, --output-file <文件>   把报告写到文件
  --baseline <文件>          只报告基线文件里没有的问题（默认：配置的 baseline）
  --update-baseline          把现在的问题记入基线文件（只改这次检查的指南）
  --prune-baseline           从基线文件里删去已不再出现的问题
  --cache                    缓存检查结果，没改过的指南不再重新检查
  --cache-location <文件>    缓存文件的位置（默认：.baihuacache）
  --concurrency <n>          用几个线程检查：数字、off（只用一个）或 auto
                             （默认：auto，按 CPU 核数和指南数量定）
  --color                    强制使用颜色
  --no-color                 不使用颜色
  -h, --help                 显示帮助
`,
    );
  });

  it('says the same through the help command', () => {
    expect(runCli(['help']).stdout).toBe(help([]));
    expect(runCli(['help', 'lint']).stdout).toBe(help(['lint']));
  });

  it('names a command it does not know and exits 2, as for any other unknown command', () => {
    const run = runCli(['help', 'lnit']);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'baihua: 不认识的命令 lnit，可用的有 lint、build、merge、serve、dict、stats、report、explain、lsp、init、import、export（加 --help 查看用法）\n',
    );
    expect(run.code).toBe(2);
  });

  it.each(COMMANDS.map((command) => [command.join(' ') || '(baihua)', command]))(
    '%s: no English beyond option flags, command names, values and product names',
    (_, command) => {
      const text = help(command as string[]);
      const words = text.replace(/(?<![\w-])--?[a-z][a-z-]*/g, '').match(/[A-Za-z]{3,}/g) ?? [];
      expect(words.filter((word) => !ALLOWED_WORDS.has(word))).toEqual([]);
      expect(text).toMatch(/^用法： baihua/);
    },
  );

  it.each(COMMANDS.map((command) => [command.join(' ') || '(baihua)', command]))(
    '%s: every line fits 80 columns, descriptions in one column',
    (_, command) => {
      const lines = help(command as string[]).split('\n');
      expect(lines.filter((line) => columns(line) > 80)).toEqual([]);
      // An item is `  term  description`; a wrapped description goes on under its first line.
      const starts = new Set(
        lines
          .filter((line) => line.startsWith('  '))
          .map((line) => {
            const match = /^( +(?:\S+ )*?\S+ {2,}|\s+)(?=\S)/.exec(line);
            return columns(match![1]!);
          }),
      );
      expect(starts.size).toBe(1);
    },
  );
});
