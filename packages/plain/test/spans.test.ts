import { describe, expect, it } from 'vitest';
import { AnalyzedDocument, checkRule, inProcessSegmenter, type PlainRuleId } from '@baihua/plain';

/** Each finding of a rule as the text it covers, its offsets and its message id. */
function spans(rule: PlainRuleId, text: string): Array<[string, number, number, string]> {
  return checkRule(new AnalyzedDocument([text], inProcessSegmenter), rule)[0]!.map((finding) => [
    text.slice(finding.start, finding.end),
    finding.start,
    finding.end,
    finding.messageId,
  ]);
}

describe('open lists ending in 等 (plain/catch-all-material)', () => {
  it('reports 等 with the kind of document after it, one item or several', () => {
    expect(spans('plain/catch-all-material', '请带上身份证、护照等有效身份证件。')).toEqual([
      ['等有效身份证件', 9, 16, 'openList'],
    ]);
    expect(spans('plain/catch-all-material', '请交病历复印件等资料。')).toEqual([['等资料', 7, 10, 'openList']]);
    expect(spans('plain/catch-all-material', '毕业证书等学历证明请交复印件。')).toEqual([
      ['等学历证明', 4, 9, 'openList'],
    ]);
  });

  it('reports 等 that closes a list at the end of a clause', () => {
    expect(spans('plain/catch-all-material', '外籍人员可以用护照、永久居留证等。')).toEqual([
      ['等', 15, 16, 'openList'],
    ]);
    expect(spans('plain/catch-all-material', '请带好户口簿、结婚证等，到民政局办理。')).toEqual([
      ['等', 10, 11, 'openList'],
    ]);
    expect(spans('plain/catch-all-material', '身份证、户口簿等等。')).toEqual([['等等', 7, 9, 'openList']]);
  });

  it('leaves alone 等 as "wait", inside words, before a count and before other nouns', () => {
    for (const text of [
      '请在大厅等。',
      '请稍等，工作人员马上过来。',
      '请在窗口前等候叫号。',
      '男女平等，双方都可以申请。',
      '获得一等奖的学生可以加分。',
      '残疾等级为一级的可以免费办理。',
      '每月还款金额相等，也可以选等额本金。',
      '两项补贴加起来等于每月200元。',
      '身份证、户口簿等2项材料缺一不可。',
      '身份证、户口簿等两项材料缺一不可。',
      '税务、市场监管等部门会共享信息。',
      '请在窗口等工作人员叫您的名字。',
    ])
      expect(spans('plain/catch-all-material', text), text).toEqual([]);
  });

  it('keeps one finding where a listed phrase overlaps (等相关材料)', () => {
    expect(spans('plain/catch-all-material', '请带上身份证、户口簿等相关材料。').map(([text]) => text)).toEqual([
      '等相关材料',
    ]);
  });
});

describe('places and offices the reader cannot name (plain/unnamed-place)', () => {
  it('reports 我市, 本局, 辖区 and 我区 once each, and third-person does not report them', () => {
    const text = '我市户籍居民请到辖区派出所办理，本局和我区的窗口都能办。';
    expect(spans('plain/unnamed-place', text)).toEqual([
      ['我市', 0, 2, 'word'],
      ['辖区', 8, 10, 'word'],
      ['本局', 16, 18, 'word'],
      ['我区', 19, 21, 'word'],
    ]);
    expect(spans('plain/third-person', text)).toEqual([]);
  });

  it('does not read 本市 into 本市场 or 我区 into 我区别', () => {
    expect(spans('plain/unnamed-place', '本市场内的摊位统一分配，我区别不出来。')).toEqual([]);
  });
});

describe('经办人 (plain/third-person)', () => {
  it('is the reader when it is the one who comes to do it', () => {
    expect(spans('plain/third-person', '单位经办人要带上本人身份证。')).toEqual([['经办人', 2, 5, 'word']]);
    expect(spans('plain/third-person', '经办人身份证复印件一份。')).toEqual([['经办人', 0, 3, 'word']]);
  });

  it('is not the reader when it is the staff member', () => {
    for (const text of [
      '窗口经办人会当场核对原件。',
      '经办人员会当场告诉您结果。',
      '交给经办人审核就可以了。',
      '由经办人审核后当场出证。',
    ])
      expect(spans('plain/third-person', text), text).toEqual([]);
  });
});

describe('single characters inside fixed words (plain/classical-word)', () => {
  it('does not report 于 in 适用于 or 不少于, but does in 请于', () => {
    expect(spans('plain/classical-word', '这项补贴适用于所有老人，每月不少于100元，请于月底前申请。')).toEqual([
      ['于', 23, 24, 'word'],
    ]);
  });
});

describe('word patterns stay inside a clause', () => {
  it('does not join 对 and 进行 across a comma, and reports only 进行审核', () => {
    expect(spans('plain/nominalization', '对申请材料，窗口会进行审核。')).toEqual([['进行审核', 9, 13, 'word']]);
  });

  it('does not join 开展…工作, 实施…审批 or 作出…决定 across a comma', () => {
    for (const text of [
      '我们开展上门服务，帮老人把认证工作办好。',
      '区里实施新规定，审批只要3天。',
      '作出承诺后，窗口当场决定是否受理。',
      '办理前，请先问清要走哪些手续。',
    ])
      expect(spans('plain/nominalization', text), text).toEqual([]);
  });

  it('still joins them inside one clause', () => {
    expect(spans('plain/nominalization', '窗口开展材料预审工作。')).toEqual([['开展材料预审工作', 2, 10, 'word']]);
  });

  it('lets a double negative span two clauses', () => {
    expect(spans('plain/double-negative', '未经批准的，不予登记。')).toEqual([['未经批准的，不予', 0, 8, 'word']]);
  });
});

describe('a URL ends where Chinese begins', () => {
  it('checks the punctuation after the address (plain/typography)', () => {
    expect(spans('plain/typography', '网上办理https://a.example.gov.cn/y,办完可以打印。')).toEqual([
      [',', 30, 31, 'fullWidthPunctuation'],
    ]);
    expect(spans('plain/typography', '请访问https://a.example.gov.cn/预约(周末也可以)。')).toEqual([
      ['(', 30, 31, 'fullWidthBracket'],
      [')', 36, 37, 'fullWidthBracket'],
    ]);
  });

  it('allows the spaces that set an address off from Chinese', () => {
    expect(spans('plain/typography', '网址 https://zwfw.example.gov.cn/ 办理后可以查看进度。')).toEqual([]);
    expect(spans('plain/typography', '请打开 https://ybj.example.gov.cn 查询。')).toEqual([]);
  });

  it('counts the Chinese after an address in the sentence length (plain/long-sentence)', () => {
    const text = `登录https://zwfw.example.gov.cn/${'在网上填写申请表并上传身份证和户口簿的照片'.repeat(3)}。`;
    expect(spans('plain/long-sentence', text).map(([, start, end]) => [start, end])).toEqual([[0, text.length]]);
  });
});
