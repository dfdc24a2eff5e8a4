/**
 * A complete, valid guide in compact form. Rule examples show one change to it, so each
 * example is a whole guide that lints clean except for the one thing it demonstrates.
 */
export const EXAMPLE_GUIDE = `---
id: id-card-renewal
title: 换领居民身份证
summary: 身份证快到期或已经过期，可以换一张新的。
type: 公共服务
audience: [个人]
department: 青禾市公安局东湖分局户政科
legal_basis: [《中华人民共和国居民身份证法》第十一条]
conditions: [身份证有效期还剩不到3个月，或者已经过期。]
materials:
  - name: 居民户口簿
    form: 原件
    copies: 1
    source: 自备
steps:
  - { title: 到窗口办理, how: 带上户口簿，到户政窗口拍照、采集指纹。 }
handling: 承诺件
time_limit:
  statutory: { days: 60, unit: 自然日 }
  promised: { days: 15, unit: 工作日 }
fees: [{ item: 工本费, amount: 20, basis: 《居民身份证工本费标准》 }]
result: { name: 居民身份证, delivery: [邮寄, 窗口领取] }
online: { level: 预约办理, url: "https://example.gov.cn/id-card" }
visits: 1
visits_reason: 需要本人到场拍照、采集指纹。
locations:
  - { name: 东湖区政务服务中心, address: 东湖区人民路1号2楼, hours: 周一至周五 9:00–17:00 }
contacts: { consult: "0000-12345678", complaint: "12345" }
reviewed: 2026-10-01
---

## 办理前请确认

请先看看身份证背面的有效期。
`;

/** The example guide with one line replaced (the line must occur exactly once). */
export function exampleWith(line: string, replacement: string): string {
  if (EXAMPLE_GUIDE.split(line).length !== 2) throw new Error(`example line not unique: ${line}`);
  return EXAMPLE_GUIDE.replace(line, replacement);
}

/** The example guide with one more paragraph at the end of its body (on line 36). */
export function exampleWithParagraph(paragraph: string): string {
  return `${EXAMPLE_GUIDE}\n${paragraph}\n`;
}
