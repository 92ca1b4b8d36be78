import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";

// Each test file gets its own throw-away database, set before the data layer first opens it.
process.env.GONGKAI_DB = path.join(os.tmpdir(), `gongkai-unit-${process.pid}-${randomBytes(4).toString("hex")}.db`);
