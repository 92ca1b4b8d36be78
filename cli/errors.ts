import { ZodError } from "zod";
import { AccessError, InputError } from "@/lib/server/errors";

/** Turns anything thrown by a command into one Chinese line for the terminal. */
export function describeCliError(error: unknown, flagNames: Record<string, string> = {}): string {
  const flag = (field: string) => (flagNames[field] ? `--${flagNames[field]}` : field);
  if (error instanceof ZodError) {
    return error.issues.map((issue) => `${flag(issue.path.join("."))}：${issue.message}`).join("\n");
  }
  if (error instanceof InputError) {
    return Object.entries(error.fieldErrors).map(([field, message]) => `${flag(field)}：${message}`).join("\n");
  }
  if (error instanceof AccessError) return "无权执行此操作";
  if (error instanceof Error && "code" in error && error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    return `未知选项：${error.message.match(/'([^']+)'/)?.[1] ?? error.message}（用 --help 查看用法）`;
  }
  if (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    return `参数有误：${error.message}（用 --help 查看用法）`;
  }
  return error instanceof Error ? error.message : String(error);
}
