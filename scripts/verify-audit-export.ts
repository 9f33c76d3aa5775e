// Checks a signed audit export (审计日志签名导出, a JSON file from the audit page) without the system:
//   npx tsx scripts/verify-audit-export.ts <export.json> <public-key.pem>
// The public key is the one the audit page shows (save it once, from the page, as public-key.pem): the key
// inside the file is only a copy, and a forger would put their own there. Exit code 0 when genuine.
import fs from "node:fs";
import { checkExport, type SignedExport } from "../lib/audit/chain-format";

const [file, keyFile] = process.argv.slice(2);
if (!file || !keyFile) {
  console.error("用法：npx tsx scripts/verify-audit-export.ts <导出的 JSON 文件> <公钥 PEM 文件>");
  process.exit(2);
}
const doc = JSON.parse(fs.readFileSync(file, "utf8")) as SignedExport;
const problems = checkExport(doc, fs.readFileSync(keyFile, "utf8"));
if (problems.length > 0) {
  for (const problem of problems.slice(0, 20)) console.error(`✗ ${problem}`);
  console.error(`校验失败：${problems.length} 处问题`);
  process.exit(1);
}
console.log(`✓ 签名有效，第 ${doc.fromSeq} 至 ${doc.toSeq} 条（${doc.count} 条）哈希链完整`);
