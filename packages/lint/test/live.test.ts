import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LiveLint } from '@baihua/lint';
import { afterAll, describe, expect, it } from 'vitest';

const guides = fileURLToPath(new URL('../../../guides', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'baihua-live-'));
cpSync(guides, root, { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ID_CARD = join(root, '户籍/id-card-renewal.md');
const PASSPORT = join(root, '出入境/passport-application.md');

describe('LiveLint.catalogValues', () => {
  it("lists the names the other guides use, an open guide's unsaved text included, most used first", async () => {
    const live = new LiveLint({ cwd: root });
    const text = readFileSync(ID_CARD, 'utf8');
    await live.lint(ID_CARD, text);
    await live.lint(ID_CARD, text.replace('  - name: 居民户口簿', '  - name: 电子户口簿'));

    const values = await live.catalogValues(PASSPORT);
    expect(values.materialNames.map(({ name }) => name)).toContain('电子户口簿');
    expect(values.materialNames.map(({ name }) => name)).not.toContain('单位同意申请普通护照的意见');
    expect(values.materialNames[0]).toEqual({ name: '居民身份证', guides: 5 });
    expect(values.departments).toHaveLength(17);
    // 换领居民身份证 and 报户口: the journeys' folder is not a guide and adds none
    expect(values.departments).toContainEqual({ name: '青禾市公安局东湖分局户政科', guides: 2 });
    expect(values.issuers[0]).toEqual({ name: '签发证件的公安局', guides: 17 });
    expect(values.locationNames[0]).toEqual({ name: '东湖区政务服务中心', guides: 13 });
    expect(values.guides).toHaveLength(20);
    expect(values.guides[0]).toEqual({ id: 'birth-medical-certificate', title: '出生医学证明首次签发' });
  });

  it('a change to the department alone is no change for the catalog rules (a material name is: journeys read it)', async () => {
    const project = mkdtempSync(join(tmpdir(), 'baihua-live-'));
    cpSync(guides, project, { recursive: true });
    // Without near-duplicate, the prose (material names among it) is not compared either.
    appendFileSync(join(project, 'baihua.config.yaml'), 'rules:\n  catalog/near-duplicate: off\n');
    const live = new LiveLint({ cwd: project });
    const path = join(project, '户籍/id-card-renewal.md');
    const text = readFileSync(path, 'utf8');
    await live.lint(path, text);
    const renamed = await live.lint(path, text.replace(/^department: .*$/m, 'department: 青禾市公安局户政管理处'));
    expect(renamed.catalogChanged).toBe(false);
    // What the service asks for is read by the journeys (一件事) that name the guide.
    const material = await live.lint(path, text.replace('  - name: 居民户口簿', '  - name: 电子户口簿'));
    expect(material.catalogChanged).toBe(true);
    const otherId = await live.lint(path, text.replace('id: id-card-renewal', 'id: id-card-renewal-2'));
    expect(otherId.catalogChanged).toBe(true);
    rmSync(project, { recursive: true, force: true });
  });
});
