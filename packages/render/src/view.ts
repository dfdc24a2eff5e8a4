import {
  bracketed,
  clause,
  durationText,
  guideSchema,
  lengthOf,
  OFFLINE_ONLY,
  quantity,
  readGuideModel,
  textOf,
  type Duration,
  type Guide,
  type GuideFields,
  type Lenient,
  type Location,
  type Material,
  type OnlineLevel,
  type ParsedGuide,
} from '@baihua/core';
import { bodyHtml } from './body.js';
import type { JourneyMembership } from './journey-view.js';

/**
 * A guide as the templates show it: every field turned into the words a citizen reads, in the
 * order people act (能不能办 → 要带什么 → 怎么办 → 多久/多少钱 → 去哪里/找谁). Values stay plain
 * strings; Handlebars escapes them. Only `body` (sanitized HTML) and `jsonLd` (built here) are
 * inserted unescaped.
 */
export interface GuideView {
  id: string;
  title: string;
  summary: string;
  department: string;
  category: string;
  /** where the service is handled: the city, and the district when only one district handles it */
  region?: { city: string; district?: string };
  type: string;
  aliases: string[];
  keywords: string[];
  /** the boxes at the top: how long, how much (and what it leaves out), how many visits, where, online */
  keyFacts: Array<{ label: string; value: string; note?: string }>;
  online?: { level: string; url?: string; mobile?: string };
  /** the button that starts the service on the web, worded after the online level */
  start?: { label: string; url: string };
  conditions: string[];
  exclusions: string[];
  quantityLimit?: string;
  materials: MaterialView[];
  /** a step written as one sentence has no title */
  steps: Array<{ title?: string; how: string; where?: string; duration?: string }>;
  /** each fee, then what they do not include (不含：…) and the guide's note on fees */
  fees: string[];
  timeLimit: string[];
  locations: LocationView[];
  contacts: Array<{ label: string; phone: string; tel: string }>;
  result?: { name: string; delivery: string; validity?: string };
  faq: Array<{ question: string; answer: string }>;
  related: Array<{ id: string; title: string }>;
  /** the journeys (一件事) the guide is a step of: 「这是「…」的第2步」 */
  journeys: JourneyMembership[];
  legalBasis: string[];
  access: string[];
  appointment?: { url?: string; phone?: string; tel?: string; note?: string };
  /** the sentence saying the result can be posted, when it can */
  express?: string;
  reviewed: string;
  /** what the last review changed, shown next to the review date */
  changeNote?: string;
  body: string;
  jsonLd: string;
}

export interface MaterialView {
  name: string;
  /** when it is needed (必须提交, 可以后补, or the situation); absent when the citizen need not bring it */
  need?: string;
  form: string;
  copies?: string;
  source: string;
  /** why the citizen need not bring it (不用带：…): the window gets it itself */
  exempt?: string;
  details: string[];
}

export interface LocationView {
  name: string;
  address: string;
  window?: string;
  transit?: string;
  hours: string;
  /** as written; the page shows it in brackets after the hours, as a clause */
  holiday?: string;
  /** the hours with the holiday arrangement: 周一至周五 9:00–12:00（周末和法定节假日休息） */
  time: string;
  phone?: string;
  tel?: string;
}

/**
 * Where each of a guide's fields shows on its page: the part of the view it becomes, or `null`
 * when the page does not show it (and why). Typed over every field of the generated `Guide`, so a
 * field added to the schema does not compile until someone decides here how a citizen sees it.
 */
export const FIELD_ON_PAGE = {
  id: 'id',
  codes: null, // 基本编码/实施编码: for the platform and catalog/duplicate-code, not for citizens
  title: 'title',
  aliases: 'aliases',
  summary: 'summary',
  type: 'type',
  level: null, // not rendered yet: the department's name usually says it
  department: 'department',
  category: 'category',
  region: 'region', // not shown on the page: it narrows a search (the index page's city filter)
  audience: null, // not rendered yet: the conditions say who may apply
  legal_basis: 'legalBasis',
  conditions: 'conditions',
  exclusions: 'exclusions',
  quantity_limit: 'quantityLimit',
  materials: 'materials',
  steps: 'steps',
  handling: null, // not rendered yet: the time limit says how long it takes
  time_limit: 'timeLimit',
  fees: 'fees',
  result: 'result',
  online: 'online',
  visits: 'keyFacts',
  visits_reason: null, // read by reviewers (policy/too-many-visits), not shown
  appointment: 'appointment',
  express: 'express',
  locations: 'locations',
  contacts: 'contacts',
  faq: 'faq',
  related: 'related',
  keywords: 'keywords',
  special_procedures: null, // not rendered yet
  pledge: null, // not rendered yet
  access: 'access',
  alert: null, // not rendered yet
  status: null, // not rendered yet
  reviewed: 'reviewed',
  owner: null, // the clerk responsible, for the catalog only
  change_note: 'changeNote',
  life_events: null, // groups the guide on the index page (按人生事件), with the category's events when not written
  body: 'body',
} as const satisfies { readonly [Field in keyof Guide]-?: keyof GuideView | null };

const texts = (list: Array<string | undefined> = []): string[] => list.flatMap((item) => textOf(item) ?? []);
/** Only web addresses become links: a `javascript:` or `data:` value is dropped. */
const webUrl = (value: string | undefined): string | undefined => {
  const url = textOf(value);
  return url && /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;
};

/**
 * A guide id as the schema allows it. Ids become file names and links (`{{id}}.html`), so an id
 * that lint let through (schema/format turned off), such as `../../x` or `javascript:…//`, must
 * become neither.
 */
export const GUIDE_ID = new RegExp((guideSchema.properties as { id: { pattern: string } }).id.pattern);

/** A phone number as a `tel:` URL (RFC 3966): digits and hyphens, `,` (a pause) before an extension. */
export function telUrl(phone: string): string {
  return `tel:${phone.replace(/转/g, ',').replace(/[^0-9+,-]/g, '')}`;
}

function legalBasis(entry: Lenient<Guide['legal_basis'][number]> | undefined): string | undefined {
  if (typeof entry === 'string') return textOf(entry);
  return textOf(entry?.name) ? `${textOf(entry?.name)}${textOf(entry?.article) ?? ''}` : undefined;
}

/**
 * The words of the page for each online level, in one place: the start button (none when the web
 * cannot start the service) and the key fact. 预约办理 only books a visit, so its button says so.
 */
const ONLINE_WORDS: Record<OnlineLevel, { start?: string; fact: string }> = {
  全程网办: { start: '在网上办理', fact: '全程网上办' },
  网上申请: { start: '网上申请', fact: '可以网上申请' },
  网上预审: { start: '网上申请', fact: '可以网上申请' },
  预约办理: { start: '网上预约', fact: '可以网上预约' },
  仅线下办理: { fact: '不能，要到现场办' },
};
const NOTHING = '—';

/**
 * Fee lines for the fees section (each fee, then what they leave out and the note), and for the key
 * facts the amounts alone and what they leave out.
 */
function feeLines(fees: GuideFields['fees']): { lines: string[]; amounts: string[]; notIncluded?: string } {
  const statement = Array.isArray(fees) ? undefined : fees;
  const items = (Array.isArray(fees) ? fees : statement?.items) ?? [];
  const notIncluded = textOf(statement?.not_included);
  const extra = [
    ...(notIncluded ? [`不含：${notIncluded}`] : []),
    ...(textOf(statement?.note) ? [textOf(statement?.note)!] : []),
  ];
  const lines: string[] = [];
  const amounts: string[] = [];
  if (statement?.free === true && items.length === 0) {
    lines.push('不收费');
    amounts.push('不收费');
  }
  for (const fee of items) {
    if (!fee) continue;
    const name = textOf(fee.item);
    if (!name) continue;
    const unit = textOf(fee.unit);
    const amount =
      typeof fee.amount === 'number' ? `${quantity(fee.amount, '元')}${unit ? bracketed(unit) : ''}` : '金额见窗口公示';
    amounts.push(amount);
    lines.push(`${name}：${amount}${textOf(fee.waiver) ? `；${textOf(fee.waiver)}` : ''}`);
  }
  return { lines: [...lines, ...extra], amounts, ...(notIncluded && { notIncluded: `不含：${clause(notIncluded)}` }) };
}

/** 纸张规格 as a sentence to the citizen: 「用A4纸。」 */
function paperText(paper: string | undefined): string | undefined {
  const size = textOf(paper);
  return size && `用${size}${size.endsWith('纸') ? '' : '纸'}。`;
}

function materialView(material: Lenient<Material> | undefined): MaterialView | undefined {
  const name = textOf(material?.name);
  if (!material || !name) return undefined;
  const forms = texts(Array.isArray(material.form) ? material.form : [material.form]);
  const need = material.need ?? '必要';
  const { exempt } = material;
  const view: MaterialView = {
    name,
    form: forms.join('、') || NOTHING,
    source: textOf(material.issuer) ?? textOf(material.source) ?? '',
    details: [textOf(material.requirements), paperText(material.paper), textOf(material.note)].flatMap(
      (detail) => detail ?? [],
    ),
  };
  if (typeof material.copies === 'number') view.copies = quantity(material.copies, '份');
  if (exempt) {
    // The guide's own sentence says it best; else where the window gets it.
    const source = textOf(exempt.source);
    const reason = textOf(exempt.note) ?? (source && `窗口从${source}获取`);
    view.exempt = reason ? `不用带：${reason}` : '不用带';
  } else
    view.need =
      need === '情形必要' && textOf(material.situation)
        ? `${textOf(material.situation)}时需要`
        : need === '容缺'
          ? '可以后补'
          : '必须提交';
  return view;
}

function locationView(location: Lenient<Location> | undefined): LocationView | undefined {
  const name = textOf(location?.name);
  const address = textOf(location?.address);
  const hours = textOf(location?.hours);
  if (!location || !name || !address || !hours) return undefined;
  const holiday = textOf(location.holiday);
  const view: LocationView = { name, address, hours, time: holiday ? `${hours}${bracketed(holiday)}` : hours };
  for (const key of ['window', 'transit', 'holiday'] as const) {
    const detail = textOf(location[key]);
    if (detail) view[key] = detail;
  }
  const phone = textOf(location.phone);
  if (phone) Object.assign(view, { phone, tel: telUrl(phone) });
  return view;
}

/** ISO 8601 duration of a time limit, for schema.org (`P15D`, `P1M`); working days are counted as days. */
function isoDuration(duration: Lenient<Duration> | undefined): string | undefined {
  const length = lengthOf(duration);
  if (!length) return undefined;
  return 'months' in length ? `P${length.months}M` : `P${length.days}D`;
}

/** How to book: a page shows nothing when booking is not possible or not stated. */
function appointmentView(appointment: GuideFields['appointment']): GuideView['appointment'] {
  if (appointment === true) return {};
  if (!appointment) return undefined;
  const url = webUrl(appointment.url);
  const phone = textOf(appointment.phone);
  const note = textOf(appointment.note);
  return { ...(url && { url }), ...(phone && { phone, tel: telUrl(phone) }), ...(note && { note }) };
}

/** schema.org GovernmentService, safe to put in a <script> element. */
function jsonLd(fields: GuideFields, view: Omit<GuideView, 'jsonLd'>, pageUrl: string | undefined): string {
  const limits = fields.time_limit;
  const channels: Array<Record<string, unknown>> = view.locations.map((location) => ({
    '@type': 'ServiceChannel',
    name: location.name,
    serviceLocation: { '@type': 'Place', name: location.name, address: location.address },
    ...(location.phone && { servicePhone: { '@type': 'ContactPoint', telephone: location.phone } }),
    ...(isoDuration(limits?.promised) && { processingTime: isoDuration(limits?.promised) }),
  }));
  if (view.online?.url)
    channels.unshift({ '@type': 'ServiceChannel', name: view.online.level, serviceUrl: view.online.url });
  const service = {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: view.title,
    ...(view.aliases.length && { alternateName: view.aliases }),
    description: view.summary,
    ...(pageUrl && { url: pageUrl }),
    serviceType: view.type,
    provider: { '@type': 'GovernmentOrganization', name: view.department },
    ...(view.category && { category: view.category }),
    availableChannel: channels,
  };
  // `<` is escaped so that no string in the guide can close the script element.
  return JSON.stringify(service).replace(/</g, '\\u003c');
}

export interface ViewOptions {
  /** titles of the other guides, for related links */
  titles: ReadonlyMap<string, string>;
  /** the web page's URL, when the site's address is known */
  pageUrl?: string;
  /** the journeys the guide is a step of */
  journeys?: readonly JourneyMembership[];
}

/** The view of a guide that lints without fatal problems (the build checks that first). */
export function guideView(guide: ParsedGuide, options: ViewOptions): GuideView {
  const { fields: data } = readGuideModel(guide);
  const online = data.online;
  const limits = data.time_limit;
  const fees = feeLines(data.fees);
  const promised = durationText(limits?.promised);
  const statutory = durationText(limits?.statutory);
  const acceptance = durationText(limits?.acceptance);
  /** 承诺时限：10个工作日，从窗口受理的第二天算起。 */
  const limitLine = (label: string, text: string | undefined, note: string | undefined) =>
    text ? [`${label}：${text}${note ? `，${note}` : ''}`] : [];
  const { visits } = data;
  const level = online?.level;
  const { result, contacts } = data;
  const locations = (data.locations ?? []).flatMap((item) => locationView(item) ?? []);
  const fullyOnline = level === '全程网办' && visits === 0;
  const view: Omit<GuideView, 'jsonLd'> = {
    id: textOf(data.id) ?? '',
    title: textOf(data.title) ?? '',
    summary: textOf(data.summary) ?? '',
    department: textOf(data.department) ?? '',
    category: textOf(data.category) ?? '',
    type: textOf(data.type) ?? '',
    aliases: texts(data.aliases),
    keywords: texts(data.keywords),
    keyFacts: [
      { label: '办理时限', value: promised ?? statutory ?? NOTHING },
      {
        label: '费用',
        value: fees.amounts.length ? fees.amounts.join('、') : NOTHING,
        ...(fees.notIncluded && { note: fees.notIncluded }),
      },
      {
        label: '到现场次数',
        value: visits === undefined ? NOTHING : visits === 0 ? '不用到现场' : `最多${quantity(visits, '次')}`,
      },
      {
        label: '去哪里办',
        value: fullyOnline
          ? '全程网上办，不用去现场'
          : locations.length > 1
            ? `${locations[0]!.name}等${quantity(locations.length, '处')}`
            : (locations[0]?.name ?? NOTHING),
      },
      { label: '网上办理', value: level ? (ONLINE_WORDS[level]?.fact ?? level) : NOTHING },
    ],
    conditions: texts(data.conditions),
    exclusions: texts(data.exclusions),
    materials: (data.materials ?? []).flatMap((item) => materialView(item) ?? []),
    steps: (data.steps ?? []).flatMap((step) => {
      if (typeof step === 'string') return textOf(step) ? [{ how: textOf(step)! }] : [];
      const title = textOf(step?.title);
      const how = textOf(step?.how);
      if (!step || !how) return [];
      return [
        {
          ...(title && { title }),
          how,
          ...(textOf(step.where) && { where: textOf(step.where)! }),
          ...(textOf(step.duration) && { duration: textOf(step.duration)! }),
        },
      ];
    }),
    fees: fees.lines,
    timeLimit: [
      ...limitLine('受理时限', acceptance === '当场办结' ? '当场受理' : acceptance, textOf(limits?.acceptance?.note)),
      ...limitLine('承诺时限', promised, textOf(limits?.promised?.note)),
      ...limitLine('法定时限', statutory, textOf(limits?.statutory?.note)),
    ],
    locations,
    contacts: (
      [
        ['咨询电话', contacts?.consult],
        ['投诉电话', contacts?.complaint],
      ] as const
    ).flatMap(([label, phone]) =>
      textOf(phone) ? [{ label, phone: textOf(phone)!, tel: telUrl(textOf(phone)!) }] : [],
    ),
    faq: (data.faq ?? []).flatMap((entry) => {
      const question = textOf(entry?.question);
      const answer = textOf(entry?.answer);
      return question && answer ? [{ question, answer }] : [];
    }),
    related: texts(data.related).flatMap((id) =>
      GUIDE_ID.test(id) && options.titles.has(id) ? [{ id, title: options.titles.get(id)! }] : [],
    ),
    journeys: [...(options.journeys ?? [])],
    legalBasis: (data.legal_basis ?? []).flatMap((entry) => legalBasis(entry) ?? []),
    access: [textOf(data.access?.offline), textOf(data.access?.assisted)].flatMap((line) => line ?? []),
    ...(data.express === true && { express: '办理结果可以快递寄给您。' }),
    reviewed: textOf(data.reviewed) ?? '',
    body: guide.body ? bodyHtml(guide.body.tree) : '',
  };
  const city = textOf(data.region?.city);
  if (city) {
    const district = textOf(data.region?.district);
    view.region = { city, ...(district && { district }) };
  }
  const quantityLimit = textOf(data.quantity_limit);
  if (quantityLimit) view.quantityLimit = quantityLimit;
  const appointment = appointmentView(data.appointment);
  if (appointment) view.appointment = appointment;
  if (level && level !== OFFLINE_ONLY) {
    const url = webUrl(online?.url);
    const mobile = textOf(online?.mobile);
    view.online = { level, ...(url && { url }), ...(mobile && { mobile }) };
    const start = ONLINE_WORDS[level]?.start;
    if (url && start) view.start = { label: start, url };
  }
  const changeNote = textOf(data.change_note);
  if (changeNote) view.changeNote = changeNote;
  if (result && textOf(result.name))
    view.result = {
      name: textOf(result.name)!,
      delivery: texts(result.delivery).join('、'),
      ...(textOf(result.validity) && { validity: textOf(result.validity)! }),
    };
  return { ...view, jsonLd: jsonLd(data, view, options.pageUrl) };
}
