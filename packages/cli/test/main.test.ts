import { describe, expect, it } from 'vitest';
import { main } from '@baihua/cli';

/** Output that fails the way a closed pipe or a full disk would: an internal error. */
function failingIo() {
  const stderr: string[] = [];
  return {
    stderr,
    io: {
      stdout: () => {
        throw new TypeError('write EPIPE');
      },
      stderr: (text: string) => void stderr.push(text),
    },
  };
}

describe('internal errors', () => {
  it('are one line with exit code 2 and no stack trace', async () => {
    const { io, stderr } = failingIo();
    expect(await main(['lint', 'guides/户籍/id-card-renewal.md'], io)).toBe(2);
    expect(stderr).toEqual(['baihua: 内部错误：write EPIPE（加 --debug 查看详情，并请报告这个问题）\n']);
  });

  it('show the stack with --debug', async () => {
    const { io, stderr } = failingIo();
    expect(await main(['lint', '--debug', 'guides/户籍/id-card-renewal.md'], io)).toBe(2);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(/^baihua: 内部错误：TypeError: write EPIPE\n {4}at /);
  });
});

describe('command-line mistakes', () => {
  it('are one Chinese line with exit code 2', async () => {
    const stderr: string[] = [];
    const io = { stdout: () => {}, stderr: (text: string) => void stderr.push(text) };
    expect(await main(['lint', '--bogus'], io)).toBe(2);
    expect(await main(['lnt'], io)).toBe(2);
    expect(await main(['lint', '-f', 'xml'], io)).toBe(2);
    expect(await main(['lsp'], io)).toBe(2);
    expect(stderr).toEqual([
      'baihua: 不认识的选项 --bogus（加 --help 查看用法）\n',
      'baihua: 不认识的命令 lnt，是不是想写 lint？（加 --help 查看用法）\n',
      'baihua: 选项 -f, --format <格式> 的值「xml」不对，可用的有 stylish、json、sarif、github、markdown、junit、checkstyle、gitlab、rdjson（加 --help 查看用法）\n',
      'baihua: 请加上 --stdio：编辑器通过标准输入输出与白话的语言服务器通信\n',
    ]);
  });
});
