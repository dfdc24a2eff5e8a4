// Generated from schema/journey.schema.json by scripts/generate-guide-types.mjs: do not edit.
// Run `node scripts/generate-guide-types.mjs` (or `pnpm build`) after changing the schema.

/**
 * 日期：日期，格式 YYYY-MM-DD。
 */
export type Date = string;

/**
 * 一件事：把一件人生大事要办的几项服务排成一条路：先办什么、后办什么、哪些可以同时办，材料合成一张清单，算出最多跑几次、最长多少天、一共多少钱。写在 journeys 文件夹里的 .md 文件开头的 --- 之间（YAML），或写成 .yaml 文件（正文放在 body 字段）。
 */
export interface Journey {
  /**
   * 标识：这件事的唯一标识，用小写英文字母、数字和连字符，也是文件名和网址的一部分。
   */
  id: string;
  /**
   * 一件事名称：这件事的名称，一行写完，不超过 40 个字，如“新生儿出生一件事”。
   */
  title: string;
  /**
   * 一句话说明：一句话说清办完这件事能得到什么，一行写完，不超过 120 个字。
   */
  summary: string;
  /**
   * 人生事件：在门户首页“按人生事件找”里归到哪一组。
   */
  life_event:
    | '出生'
    | '上学'
    | '工作'
    | '结婚'
    | '买房租房'
    | '开办企业'
    | '看病就医'
    | '证件办理'
    | '出行'
    | '出国出境'
    | '困难帮扶'
    | '退休养老'
    | '身后事';
  /**
   * 牵头单位：负责协调这件事的单位，写到科室或窗口。
   */
  department?: string;
  /**
   * 日常叫法：群众平时怎么说这件事，用于搜索。
   *
   * Items: 日常叫法：一种日常说法。
   */
  aliases?: string[];
  /**
   * 搜索关键词：帮助群众搜到这件事的词。
   *
   * Items: 关键词：一个搜索关键词。
   */
  keywords?: string[];
  /**
   * 办理步骤：按先后顺序排的步骤。每一步办一项或几项服务（写指南的标识）。
   *
   * @minItems 2
   */
  steps: Step[];
  /**
   * 同一份材料的不同叫法：几份指南把同一份材料（或前一步办出的结果）叫成不同的名字时，在这里写明是同一份，清单才能合成一条。
   */
  same_materials?: SameMaterial[];
  /**
   * 目标：这件事承诺做到的：最多跑几次、最长多少个自然日、最多交多少钱。不写时按配置里 journey/over-target 规则的目标检查。
   */
  target?: {
    /**
     * 最多跑几次：办完整件事最多到现场几次。
     */
    visits?: number;
    /**
     * 最长天数：从第一步到最后一步最长多少个自然日（工作日按每5个工作日算7天）。
     */
    days?: number;
    /**
     * 最多交多少钱：整件事最多交多少钱，单位元。
     */
    fee?: number;
  };
  reviewed: Date;
  /**
   * 责任人：负责维护这件事的科室或人员。
   */
  owner?: string;
  /**
   * 变更说明：这次修改了什么，如“承诺时限由20个工作日缩短为15个工作日”。
   */
  change_note?: string;
  /**
   * 正文：只用于 .yaml 格式：Markdown 正文。.md 格式把正文写在第二个 --- 之后。
   */
  body?: string;
}
/**
 * 步骤：一步要办的一项或几项服务。
 */
export interface Step {
  /**
   * 步骤名称：用群众的话说这一步做什么，如“给宝宝报户口”。
   */
  title: string;
  /**
   * 要办的服务：这一步要办的服务，写指南的标识（id）。
   *
   * @minItems 1
   *
   * Items: 指南标识：一份指南的标识。
   */
  guides: string[];
  /**
   * 几项怎么办：这一步有几项服务时：全部（每项都要办），或任选一项（按自己的情况选一项办）。
   */
  logic?: '全部' | '任选一项';
  /**
   * 可选步骤：不是每个人都要办的步骤写 true，并在 when 写明什么情况下要办。
   */
  optional?: boolean;
  /**
   * 什么情况下办：可选步骤在什么情况下要办，如“想给宝宝办社保卡的”。
   */
  when?: string;
  /**
   * 和上一步同时办：这一步不用等上一步办完，可以同时办时写 true。
   */
  parallel?: boolean;
  /**
   * 说明：这一步的补充说明。
   */
  note?: string;
}
/**
 * 同一份材料：一份材料的名称和它在别的指南里的叫法。
 */
export interface SameMaterial {
  /**
   * 清单上的名称：合并后的清单上用的名称。
   */
  name: string;
  /**
   * 别的叫法：这份材料在别的指南（材料名称或办理结果名称）里的叫法。
   *
   * @minItems 1
   *
   * Items: 别的叫法：一种叫法。
   */
  also: string[];
}
