import { parseShard } from '@baihua/publish';
import { describe, expect, it } from 'vitest';

describe('--shard', () => {
  it('reads i/n, counted from 1', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
  });

  it.each(['0/3', '4/3', '2', '2/0', 'a/b', '1/3/5', ''])('refuses %j in one line saying how to write it', (text) => {
    expect(() => parseShard(text)).toThrow(
      `--shard 要写成「第几片/共几片」，如 --shard 2/3（从 1 数起），现在是「${text}」`,
    );
  });
});
