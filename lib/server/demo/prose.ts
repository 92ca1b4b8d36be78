import { OUTCOME_GROUPS, OVERVIEW_SUBHEADS } from "@/lib/report/labels";
import type { AnnualReport } from "@/lib/report/schema";
import { litigationTotal, outcomeGroupTotal, reviewColumnSum, totalOf } from "@/lib/report/totals";

/**
 * The prose the demo office writes each year: section 一 under its five sub-heads, 五 and 六. Every
 * figure it quotes is read from the year's report, in the phrases the prose check reads, so the
 * published reports pass check 7. The wording is the demo's own.
 */

type YearNotes = {
  theme: string;
  published: number;
  interpretations: number;
  trainings: number;
  platform: string;
  management: string;
  lastYearFixed: string;
  problems: string;
  plans: string;
  proposals: { npc: number; cppcc: number };
};

const LATEST: YearNotes = {
  theme: "“十五五”规划开局、城市更新和政务服务提质",
  published: 493,
  interpretations: 14,
  trainings: 3,
  platform: "政务新媒体账号统一纳入网站群管理",
  management: "启动区政府历史文件数字化整理，建立可检索的文件目录，并同步标注每件文件的公开属性和有效状态。",
  lastYearFixed: "针对上年历史文件调档耗时的问题，启动了历史文件数字化整理；围绕征收补偿、老旧小区改造等事项增设了办理进展专栏。",
  problems: "一是历史文件数字化整理尚未全部完成；二是答复书的送达方式较为单一。",
  plans: "一是完成历史文件数字化整理；二是在申请人同意的前提下推广电子送达。",
  proposals: { npc: 16, cppcc: 19 },
};

const NOTES: Record<number, YearNotes> = {
  2022: {
    theme: "稳住经济大盘、疫情防控和民生保障",
    published: 412,
    interpretations: 9,
    trainings: 2,
    platform: "在线申请系统增加了办理进度查询功能",
    management: "落实公文公开属性源头认定，拟制公文时同步确定“主动公开”“依申请公开”或“不予公开”属性，不予公开的注明理由。",
    lastYearFixed: "针对上年部分栏目更新不够及时的问题，明确专人每周巡查栏目、每月通报更新情况，全年未再出现栏目长期不更新的情况。",
    problems: "一是政策解读形式较为单一，图解、问答等形式运用不多；二是依申请公开答复文书的说理还不够充分。",
    plans: "一是丰富政策解读形式，重要政策同步推出图文解读；二是制定依申请公开答复文书范本，统一说理和救济途径告知的写法。",
    proposals: { npc: 14, cppcc: 19 },
  },
  2023: {
    theme: "优化营商环境和城市更新行动",
    published: 468,
    interpretations: 12,
    trainings: 3,
    platform: "区政务服务中心设置了政府信息公开查阅点",
    management: "对以区政府及区政府办公室名义印发的文件开展集中清理，对已失效、废止的文件逐件标注，清理结果在门户网站公布。",
    lastYearFixed: "针对上年政策解读形式单一的问题，全年推出图文解读和简明问答，重要政策均同步解读；制定了依申请公开答复文书范本，答复说理更加规范。",
    problems: "一是检索过程记录不够完整，个别答复对“本机关不掌握”的检索情况说明不充分；二是街道和部门工作人员业务能力参差不齐。",
    plans: "一是建立检索记录制度，答复“本机关不掌握”的须载明检索范围和方式；二是加强对街道、部门工作人员的培训和业务指导。",
    proposals: { npc: 16, cppcc: 21 },
  },
  2024: {
    theme: "城中村改造、老旧小区改造和“一老一小”服务",
    published: 521,
    interpretations: 15,
    trainings: 3,
    platform: "依申请公开实行电子台账管理，法定期限到期前自动提醒",
    management: "信息发布前执行经办人初审、科室负责人复核、分管领导审定的三级审核，重点核查是否涉及国家秘密、商业秘密和个人隐私。",
    lastYearFixed: "针对上年检索说明不充分的问题，建立了检索记录制度，答复“本机关不掌握相关政府信息”的均载明检索范围和方式；对街道、部门开展了专题培训。",
    problems: "一是申请数量持续增长，个别申请人短期内大量提出申请，占用较多办理力量；二是涉及征收补偿的申请专业性强，部门间会商耗时较长。",
    plans: "一是依法运用《条例》第三十五条和信息处理费的规定，引导申请人合理提出申请；二是与征收、自然资源等部门建立会商机制，缩短征求意见时间。",
    proposals: { npc: 15, cppcc: 18 },
  },
  2025: {
    theme: "民生实事项目、城市更新和基层治理",
    published: 556,
    interpretations: 17,
    trainings: 4,
    platform: "门户网站完成适老化和无障碍改造",
    management: "落实公文公开属性源头认定，拟制公文时同步确定公开属性；对依申请公开中多次被申请的信息，评估后转为主动公开。",
    lastYearFixed: "针对上年大量申请占用办理力量的问题，依法要求相关申请人说明理由，并按规定计收信息处理费；与征收、自然资源等部门建立了会商机制，征求意见用时明显缩短。",
    problems: "一是部分历史文件电子化程度不高，调档查阅耗时较长；二是对群众关切事项办理进展的公开还不够及时。",
    plans: "一是推进历史文件数字化整理，建立可检索的文件目录；二是围绕征收补偿、老旧小区改造等群众关心的事项，定期公开办理进展。",
    proposals: { npc: 17, cppcc: 20 },
  },
  2026: LATEST,
};

const LATER: YearNotes = { ...LATEST, theme: "城市更新和政务服务提质", lastYearFixed: "上年度提出的改进措施已逐项落实。" };

function proactiveParagraph(year: number, report: AnnualReport, notes: YearNotes): string {
  const { issued, abolished, inForce } = report.proactive.normativeDocuments;
  const documents =
    issued > 0
      ? `全年印发行政规范性文件${issued}件${abolished > 0 ? `，废止行政规范性文件${abolished}件` : ""}，年底现行有效的行政规范性文件${inForce}件，均在“政策文件”栏目集中公开并逐件标注有效状态。`
      : inForce > 0
        ? `全年未印发新的行政规范性文件，现行有效的行政规范性文件${inForce}件均已集中公开。`
        : "本年度未以区政府办公室名义印发行政规范性文件。";
  return (
    `${year}年，区政府办公室以区政府门户网站“政府信息公开”专栏为第一平台，围绕${notes.theme}等重点工作，主动公开各类政府信息${notes.published}条，` +
    `发布政策解读${notes.interpretations}篇，做到政策文件与解读材料同步起草、同步审签、同步发布。${documents}`
  );
}

function onRequestParagraph(report: AnnualReport): string {
  const { received, carriedOver, handled, carriedForward } = report.applications;
  const groups = OUTCOME_GROUPS.map((group) => ({ name: group.name, n: outcomeGroupTotal(report, group.key) })).filter((group) => group.n > 0);
  const breakdown = groups.length > 0 ? `办结的申请中，${groups.map((group) => `${group.name}${group.n}件`).join("，")}。` : "";
  return (
    `全年收到政府信息公开申请${totalOf(received)}件，上年结转${totalOf(carriedOver)}件；办结${totalOf(handled)}件，结转下年度继续办理${totalOf(carriedForward)}件。${breakdown}` +
    "对申请内容不明确的，一次性书面告知补正事项和合理期限；涉及第三方合法权益的，书面征求第三方意见；确需延长答复期限的，经负责人同意后书面告知申请人。每份答复书均载明依据和救济途径。"
  );
}

function overview(year: number, report: AnnualReport, notes: YearNotes): string {
  const paragraphs: Record<(typeof OVERVIEW_SUBHEADS)[number]["key"], string> = {
    proactive: proactiveParagraph(year, report, notes),
    onRequest: onRequestParagraph(report),
    management: notes.management,
    platforms:
      "区政府门户网站全年平稳运行，按季度开展网站内容自查，对栏目更新不及时、外部链接失效等问题即查即改。" +
      `依申请公开坚持线上线下并行，申请人可通过门户网站在线申请系统、信函或当面提交申请；本年度${notes.platform}。`,
    oversight:
      "将政务公开工作纳入全区年度目标责任考核，每季度通报各单位信息发布和依申请公开办理情况。" +
      `全年组织政务公开业务培训${notes.trainings}次，重点讲解《中华人民共和国政府信息公开条例》的适用和答复文书的规范写法。`,
  };
  return OVERVIEW_SUBHEADS.map((subhead) => `${subhead.heading}\n${paragraphs[subhead.key]}`).join("\n\n");
}

function problems(report: AnnualReport, notes: YearNotes): string {
  const reconsiderations = report.reviews.reconsideration.total;
  const suits = litigationTotal(report);
  const corrected = reviewColumnSum(report, "corrected");
  const pending = reviewColumnSum(report, "pending");
  const among = [corrected > 0 ? `结果被纠正${corrected}件` : "", pending > 0 ? `尚未审结${pending}件` : ""].filter(Boolean).join("，");
  const reviews =
    reconsiderations + suits > 0
      ? `本年度涉及政府信息公开的行政复议${reconsiderations}件、行政诉讼${suits}件${among ? `，其中${among}` : ""}。` +
        (corrected > 0 ? "对被纠正的案件已逐案分析原因，重新作出答复并改进检索和说理。" : "对复议、诉讼中指出的问题已逐案分析并改进答复工作。")
      : "本年度未发生涉及政府信息公开的行政复议和行政诉讼。";
  return [`（一）上年度问题的改进情况\n${notes.lastYearFixed}`, `（二）存在的主要问题\n${notes.problems}${reviews}`, `（三）改进措施\n${notes.plans}`].join("\n\n");
}

function feeParagraph(report: AnnualReport): string {
  const { notices, notifiedYuan, collectedYuan } = report.fees;
  if (notices === 0 && collectedYuan === 0) return "本年度未发出收费通知，未收取信息处理费。";
  const collected =
    collectedYuan > 0
      ? `实际收取信息处理费${collectedYuan}元${collectedYuan < notifiedYuan ? "，其余申请人逾期未缴费，按规定不再处理其申请" : ""}。`
      : "申请人均未在期限内缴费，未收取信息处理费。";
  return `本年度发出收费通知${notices}件，通知收费金额${notifiedYuan}元，${collected}`;
}

function other(year: number, report: AnnualReport, notes: YearNotes): string {
  return [
    `（一）信息处理费收取情况\n${feeParagraph(report)}`,
    `（二）人大代表建议和政协提案办理情况\n全年承办人大代表建议${notes.proposals.npc}件、政协委员提案${notes.proposals.cppcc}件，均在规定期限内办复，复文按规定公开。`,
    `（三）政务公开工作要点落实情况\n按照上级政务公开工作要点，逐项分解${year}年度任务，明确责任单位和完成时限，各项任务均已落实。`,
  ].join("\n\n");
}

/** Sections 一, 五 and 六 of the year, from its report as it stands. */
export function writeProse(year: number, report: AnnualReport): { overview: string; problems: string; other: string } {
  const notes = NOTES[year] ?? LATER;
  return { overview: overview(year, report, notes), problems: problems(report, notes), other: other(year, report, notes) };
}
