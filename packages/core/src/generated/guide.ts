// Generated from schema/guide.schema.json by scripts/generate-guide-types.mjs: do not edit.
// Run `node scripts/generate-guide-types.mjs` (or `pnpm build`) after changing the schema.

/**
 * 网址：完整网址，以 https:// 开头。
 */
export type Url = string;
/**
 * 电话：电话号码，写成文字（加引号），如 "0000-12345678" 或 "12345"。
 */
export type Phone = string;
/**
 * 日期：日期，格式 YYYY-MM-DD。
 */
export type Date = string;

/**
 * 办事指南：一项政务服务的办事指南：群众看一次就知道能不能办、带什么、怎么办、多久、多少钱、去哪里。写在 .md 文件开头的 --- 之间（YAML），或写成 .yaml 文件（正文放在 body 字段）。
 */
export interface Guide {
  /**
   * 标识：指南的唯一标识，用小写英文字母、数字和连字符，也是文件名和网址的一部分。
   */
  id: string;
  /**
   * 事项编码：全国一体化政务服务平台的事项编码。
   */
  codes?: {
    /**
     * 基本编码：事项基本编码，不超过 12 位。
     */
    basic?: string;
    /**
     * 实施编码：事项实施编码。
     */
    implementation?: string;
  };
  /**
   * 事项名称：事项的正式名称，一行写完，不超过 40 个字。
   */
  title: string;
  /**
   * 日常叫法：群众平时怎么说这件事，用于搜索和标题下方的提示。
   *
   * Items: 日常叫法：一种日常说法。
   */
  aliases?: string[];
  /**
   * 一句话说明：一句话说清这件事是什么、办完能得到什么，一行写完，不超过 120 个字。
   */
  summary: string;
  /**
   * 事项类型：按权力清单划分的事项类型。
   */
  type:
    | '行政许可'
    | '行政确认'
    | '行政给付'
    | '行政征收'
    | '行政裁决'
    | '行政奖励'
    | '行政检查'
    | '其他行政权力'
    | '公共服务';
  /**
   * 行使层级：事项由哪一级政府办理。
   */
  level?: '国家级' | '省级' | '市级' | '县级' | '乡镇（街道）级' | '村（社区）级';
  /**
   * 实施主体：负责办理的单位全称，写到科室或窗口，不要写“相关部门”。
   */
  department: string;
  /**
   * 主题分类：在门户上归入哪个主题。
   */
  category?: string;
  /**
   * 服务对象：谁来办：个人、法人或其他组织，可以多选。
   *
   * @minItems 1
   *
   * Items: 服务对象：个人、法人或其他组织。
   */
  audience: ('个人' | '法人' | '其他组织')[];
  /**
   * 设定依据：办理这件事依据的法律法规，写出名称和条款。可以写成一行“《名称》第X条”，也可以分开写 name 和 article。
   *
   * @minItems 1
   *
   * Items: 依据：一条法律法规依据。
   */
  legal_basis: (
    | string
    | {
        /**
         * 法规名称：法律法规的全称，带书名号。
         */
        name: string;
        /**
         * 条款：具体条款，如“第十一条”。
         */
        article: string;
      }
  )[];
  /**
   * 受理条件：什么情况下可以办，一条一项，写具体，不要写“法律法规规定的其他条件”。
   *
   * @minItems 1
   *
   * Items: 条件：一项受理条件。
   */
  conditions: string[];
  /**
   * 不能办理的情形：哪些情况不能办，写具体，并说明怎么补救。
   *
   * Items: 情形：一种不能办理的情形。
   */
  exclusions?: string[];
  /**
   * 申请材料：需要带或上传的每一份材料，逐项列出；不需要任何材料时写 []。
   */
  materials: Material[];
  /**
   * 办理流程：按先后顺序写出每一步：做什么、在哪里做。
   *
   * @minItems 1
   */
  steps: Step[];
  /**
   * 办件类型：即办件当场办好；承诺件在承诺时限内办好。
   */
  handling: '即办件' | '承诺件';
  /**
   * 办理时限：法定时限和承诺时限，都写天数和单位（工作日或自然日）。
   */
  time_limit: {
    statutory: Duration;
    promised: Duration;
  };
  /**
   * 收费：收费项目逐项写出金额和依据；不收费时写 { free: true }，不要空着或写“无”。
   */
  fees:
    | Fee[]
    | {
        /**
         * 是否免费：不收任何费用时写 true。
         */
        free: boolean;
        /**
         * 收费项目：逐项列出收费项目。
         */
        items?: Fee[];
        /**
         * 说明：关于收费的补充说明，如减免情形。
         */
        note?: string;
      };
  /**
   * 办理结果：办完能拿到什么，以及怎么拿到。
   */
  result: {
    /**
     * 结果名称：拿到的证照、批文或其他结果的名称。
     */
    name: string;
    /**
     * 结果类型：证照、批文或其他。
     */
    type?: '证照' | '批文' | '其他';
    /**
     * 送达方式：怎么拿到结果，可以多选。
     *
     * @minItems 1
     *
     * Items: 送达方式：一种送达方式。
     */
    delivery: ('窗口领取' | '当场领取' | '邮寄' | '电子证照' | '网上下载')[];
    /**
     * 有效期：结果的有效期，如“10年”。
     */
    validity?: string;
    sample?: Url;
  };
  /**
   * 网上办理：能不能在网上办、办到哪一步、从哪里进入。
   */
  online: {
    /**
     * 网办程度：全程网办、网上申请、网上预审、预约办理，或只能到现场办理。
     */
    level: '全程网办' | '网上申请' | '网上预审' | '预约办理' | '仅线下办理';
    url?: Url;
    /**
     * 手机上办：手机上从哪里进入，如小程序或 App 的名称和菜单。
     */
    mobile?: string;
  };
  /**
   * 到现场次数：办完整件事最多要到现场几次；全程网办写 0。
   */
  visits: number;
  /**
   * 必须到现场的原因：为什么必须到现场，如“需要本人采集指纹”。
   */
  visits_reason?: string;
  /**
   * 办理地点：可以去办的每个地点：地址、窗口、时间和电话。
   *
   * @minItems 1
   */
  locations: Location[];
  /**
   * 咨询和投诉：咨询电话和监督投诉电话。
   */
  contacts: {
    consult: Phone;
    complaint: Phone;
  };
  /**
   * 常见问题：群众常问的问题和回答。
   *
   * Items: 问答：一个问题和它的回答。
   */
  faq?: {
    /**
     * 问题：群众会怎么问。
     */
    question: string;
    /**
     * 回答：直接回答，先说结论。
     */
    answer: string;
  }[];
  /**
   * 相关事项：相关指南的标识（id）。
   *
   * Items: 相关事项：另一份指南的标识。
   */
  related?: string[];
  /**
   * 搜索关键词：帮助群众搜到这份指南的词。
   *
   * Items: 关键词：一个搜索关键词。
   */
  keywords?: string[];
  /**
   * 特别程序：公示、鉴定、听证等不计入办理时限的环节。
   *
   * Items: 特别程序：一个特别程序。
   */
  special_procedures?: {
    /**
     * 程序名称：如公示、实地核查。
     */
    name: string;
    duration: Duration;
    /**
     * 是否计入办理时限：这个环节的时间算不算在办理时限里。
     */
    counts_toward_limit?: boolean;
  }[];
  /**
   * 告知承诺：是否可以签一份承诺书代替部分证明材料。
   */
  pledge?: boolean;
  /**
   * 适老化与帮办代办：老年人、残疾人等怎么办：线下渠道、帮办代办、上门服务。
   */
  access?: {
    /**
     * 线下渠道：不会用手机的，可以怎么办。
     */
    offline?: string;
    /**
     * 帮办代办：有没有工作人员帮忙办、能不能上门。
     */
    assisted?: string;
  };
  /**
   * 临时通知：一段时间内有效的通知，写明截止日期。
   */
  alert?: {
    /**
     * 通知内容：通知的内容。
     */
    text: string;
    until: Date;
  };
  /**
   * 事项状态：在办、暂停办理或已取消；已取消的事项不发布。
   */
  status?: '在办' | '暂停办理' | '已取消';
  reviewed: Date;
  /**
   * 责任人：负责维护本指南的科室或人员。
   */
  owner?: string;
  /**
   * 变更说明：这次修改了什么，如“承诺时限由20个工作日缩短为15个工作日”。
   */
  change_note?: string;
  /**
   * 正文：只用于 .yaml 格式的指南：Markdown 正文。.md 格式的指南把正文写在第二个 --- 之后。
   */
  body?: string;
}
/**
 * 材料：一份申请材料。
 */
export interface Material {
  /**
   * 材料名称：材料的完整名称，不要写“其他材料”。
   */
  name: string;
  /**
   * 是否必须：必要：一定要交；容缺：缺了也先收件，之后补交；情形必要：只有某种情况下要交，在 situation 写明情况。
   */
  need?: '必要' | '容缺' | '情形必要';
  /**
   * 适用情形：什么情况下才需要这份材料。
   */
  situation?: string;
  /**
   * 材料形式：原件、复印件或电子材料；两种都要时写成列表，如 [原件, 复印件]。
   */
  form?: ('原件' | '复印件' | '电子') | ('原件' | '复印件' | '电子')[];
  /**
   * 份数：纸质材料要几份，用阿拉伯数字。
   */
  copies?: number;
  /**
   * 来源：材料从哪里来：自备、现场填写、政府部门核发、其他单位出具或中介机构出具。
   */
  source?: '自备' | '现场填写' | '政府部门核发' | '其他单位出具' | '中介机构出具';
  /**
   * 出具单位：不是自备时，由哪个单位出具。
   */
  issuer?: string;
  /**
   * 材料要求：签字、盖章、纸张大小等要求。
   */
  requirements?: string;
  /**
   * 免提交：可以通过数据共享或电子证照获取，不用交纸质材料；写明从哪里获取。
   */
  exempt?: {
    /**
     * 共享来源：从哪个系统或电子证照库获取。
     */
    source?: string;
    /**
     * 说明：免提交的补充说明。
     */
    note?: string;
  };
  /**
   * 依据：要这份材料的法规依据。
   */
  basis?: string;
  /**
   * 可用承诺代替：是否可以签承诺书代替这份材料。
   */
  pledge?: boolean;
  blank_form?: Url;
  sample?: Url;
  /**
   * 填写说明：怎么填这张表。
   */
  fill_notes?: string;
  /**
   * 说明：关于这份材料的补充说明。
   */
  note?: string;
}
/**
 * 步骤：办理流程中的一步。
 */
export interface Step {
  /**
   * 步骤名称：这一步做什么，几个字说清。
   */
  title: string;
  /**
   * 怎么办：具体怎么做，直接对您说。
   */
  how: string;
  /**
   * 在哪里办：这一步在哪里做：网上、某个窗口等。
   */
  where?: string;
  /**
   * 大约用时：这一步大约要多久。
   */
  duration?: string;
}
/**
 * 时限：天数和单位。
 */
export interface Duration {
  /**
   * 天数：用阿拉伯数字写天数；当场办好写 0。
   */
  days: number;
  /**
   * 单位：工作日（不含周末和法定节假日）或自然日（含周末和节假日）。
   */
  unit: '工作日' | '自然日';
  /**
   * 说明：时限从哪天算起等补充说明。
   */
  note?: string;
}
/**
 * 收费项目：一项收费。
 */
export interface Fee {
  /**
   * 收费项目：收的是什么费。
   */
  item: string;
  /**
   * 金额：金额，单位元，用阿拉伯数字。
   */
  amount?: number;
  /**
   * 计费单位：按什么计费，如“每证”。
   */
  unit?: string;
  /**
   * 收费依据：收费的文件依据，写出文件名称和文号。
   */
  basis?: string;
  /**
   * 减免情形：哪些人可以减免。
   */
  waiver?: string;
}
/**
 * 地点：一个办理地点。
 */
export interface Location {
  /**
   * 地点名称：办理点的名称。
   */
  name: string;
  /**
   * 地址：写到门牌号和楼层。
   */
  address: string;
  /**
   * 窗口：窗口号或窗口名称。
   */
  window?: string;
  /**
   * 怎么去：公交、地铁或停车信息。
   */
  transit?: string;
  /**
   * 办公时间：写成“周一至周五 9:00–17:00”的样子。
   */
  hours: string;
  /**
   * 节假日安排：周末和法定节假日是否办理。
   */
  holiday?: string;
  phone?: Phone;
}
