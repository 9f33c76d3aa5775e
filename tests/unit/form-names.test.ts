// The forms name their fields through the form hook's typed helpers (components/forms/use-action-form.ts:
// `field`, `frame`, `control`, `name`, `errorOf`), so a field renamed in an action's schema fails to compile in
// every form that uses it. This guard keeps the habit: a component using the hook may not write a field's name
// as a plain string on a control or a <Field>, nor look an error up by a string.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/** Controls that are no action's field (nothing the hooks send to a schema), each with its reason. Key: `file: name`. */
const EXCEPTIONS: Record<string, string> = {
  "components/audit/chain-panel.tsx: from": "a GET form to the route /audit/chain-export (a query string, not an action)",
  "components/audit/chain-panel.tsx: to": "a GET form to the route /audit/chain-export (a query string, not an action)",
  "components/imports/import-flow.tsx: file": "the file picker: the browser reads the file and sends `fileName` and `content`; the file itself is not a field",
  "components/topics/topic-admin-actions.tsx: adminReason":
    "one textarea read by ref for two actions (withdraw, close claims), sent as their `reason`; named apart from the page's other `reason`",
};

function sources(folder: string): string[] {
  return fs
    .readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .flatMap((entry) =>
      entry.isFile() && entry.name.endsWith(".tsx") ? [path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")] : [],
    );
}

const CONTROLS = new Set(["input", "select", "textarea", "Field"]);

/** A string written as is: "x", {"x"} or {`x`} (a template without substitutions). */
function literal(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isJsxExpression(node)) return literal(node.expression);
  return undefined;
}

/** Where a form component names a field by a plain string: `name="…"` on a control or `<Field>`, `fieldErrors["…"]`. */
function plainNames(file: string, source: string): { name: string; where: string }[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: { name: string; where: string }[] = [];
  const errorAliases = new Set<string>();
  const at = (node: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isPropertyAccessExpression(node.initializer)) {
      if (node.initializer.name.text === "fieldErrors") errorAliases.add(node.name.text);
    }
    if ((ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) && CONTROLS.has(node.tagName.getText())) {
      for (const attribute of node.attributes.properties) {
        if (!ts.isJsxAttribute(attribute) || attribute.name.getText() !== "name") continue;
        const name = literal(attribute.initializer);
        if (name !== undefined) found.push({ name, where: at(attribute) });
      }
    }
    if (ts.isElementAccessExpression(node)) {
      const target = node.expression;
      const onErrors =
        (ts.isPropertyAccessExpression(target) && target.name.text === "fieldErrors") || (ts.isIdentifier(target) && errorAliases.has(target.text));
      const name = literal(node.argumentExpression);
      if (onErrors && name !== undefined) found.push({ name, where: at(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe("form field names", () => {
  const forms = sources("components").filter((file) => {
    const source = fs.readFileSync(path.join(root, file), "utf8");
    return /\buseAction(Form|Button)\(/.test(source) || file === "components/forms/bot-guard.tsx";
  });

  it("finds the forms", () => {
    expect(forms.length).toBeGreaterThan(40);
    expect(forms).toContain("components/units/unit-form.tsx");
  });

  it("catches a plain name on a control, on a <Field> and in an error lookup", () => {
    const sample = `const e = form.fieldErrors;
      const a = <Field label="x" name="title" errors={e.title}><input name="title" /></Field>;
      const b = <select name={"kind"} />; const c = e["title"]; const d = form.fieldErrors["kind"];
      const ok = <input {...form.field("title")} />;`;
    expect(plainNames("sample.tsx", sample).map((hit) => hit.name)).toEqual(["title", "title", "kind", "title", "kind"]);
  });

  it("no form names a field by a plain string (use the hook's field / frame / control / name / errorOf)", () => {
    const offenders = forms.flatMap((file) => {
      const source = fs.readFileSync(path.join(root, file), "utf8");
      return plainNames(file, source)
        .filter((hit) => !EXCEPTIONS[`${file}: ${hit.name}`])
        .map((hit) => `${hit.where} ${hit.name}`);
    });
    expect(offenders).toEqual([]);
  });

  it("lists no exception that no longer exists", () => {
    for (const key of Object.keys(EXCEPTIONS)) {
      const [file, name] = key.split(": ");
      expect(
        plainNames(file, fs.readFileSync(path.join(root, file), "utf8")).some((hit) => hit.name === name),
        key,
      ).toBe(true);
    }
  });
});
