import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaDirectory } from '@baihua/core';
import { writeFileAtomic } from '@baihua/lint';
import Handlebars from 'handlebars';
import { stringify } from 'yaml';
import { UsageError } from './errors.js';

const templateDirectory = fileURLToPath(new URL('../../../templates/init/', import.meta.url));

export interface InitGuideOptions {
  id?: string;
  title?: string;
  dir: string;
  format: string;
  force?: boolean;
}

/** `baihua init guide`: a new guide from templates/init, with every field to fill in. */
export function initGuide(options: InitGuideOptions): string {
  const { id, title } = options;
  if (!id || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
    throw new UsageError(
      `--id 要用小写英文字母、数字和连字符，如 --id id-card-renewal${id ? `，现在是「${id}」` : ''}`,
    );
  }
  if (!title?.trim()) throw new UsageError('请用 --title 写出事项名称，如 --title 换领居民身份证');
  if (options.format !== 'md' && options.format !== 'yaml')
    throw new UsageError(`--format 只能是 md 或 yaml，现在是「${options.format}」`);
  const target = resolve(options.dir, `${id}.${options.format}`);
  if (existsSync(target) && !options.force)
    throw new UsageError(`${relative(process.cwd(), target)} 已经存在；要覆盖请加 --force`);

  const handlebars = Handlebars.create();
  // Values land in YAML, not HTML: quote them as YAML needs, never HTML-escape them.
  handlebars.registerHelper(
    'yamlString',
    (value: unknown) => new Handlebars.SafeString(stringify(String(value)).trimEnd()),
  );
  handlebars.registerPartial('fields', readFileSync(join(templateDirectory, 'fields.hbs'), 'utf8'));
  const template = handlebars.compile(readFileSync(join(templateDirectory, `guide.${options.format}.hbs`), 'utf8'), {
    noEscape: true,
  });
  const text = template({
    id,
    title: title.trim(),
    schemaPath: relative(dirname(target), join(schemaDirectory, 'guide.schema.json')).replaceAll('\\', '/'),
    guidePath: relative(process.cwd(), target).replaceAll('\\', '/'),
  });
  mkdirSync(dirname(target), { recursive: true });
  writeFileAtomic(target, text);
  return target;
}
