import { z } from "zod";

export const agencyCodeSchema = z
  .string({ error: "请输入机构代码" })
  .trim()
  .toLowerCase()
  .min(2, { error: "机构代码至少 2 个字符" })
  .max(32, { error: "机构代码最多 32 个字符" })
  .regex(/^[a-z][a-z0-9-]*$/, { error: "机构代码以小写字母开头，只能包含小写字母、数字和连字符" });

const agencyFields = {
  name: z
    .string({ error: "请输入机构名称" })
    .trim()
    .min(2, { error: "机构名称至少 2 个字符" })
    .max(100, { error: "机构名称最多 100 个字符" }),
  parentCode: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : null)),
};

export const createAgencySchema = z.object({ code: agencyCodeSchema, ...agencyFields });
export type CreateAgencyInput = z.infer<typeof createAgencySchema>;

export const updateAgencySchema = z.object({
  ...agencyFields,
  active: z
    .enum(["true", "false"], { error: "请选择状态" })
    .transform((value) => value === "true"),
});
export type UpdateAgencyInput = z.infer<typeof updateAgencySchema>;
