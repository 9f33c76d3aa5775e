// The form helpers are typed by the action's own zod schema: a field name the schema does not have fails to
// compile. `tsc --noEmit` (tsconfig includes tests/) checks every `@ts-expect-error` below still has an error to
// expect, so if the helpers stop checking names this file fails to compile; vitest checks what they return.
import { describe, expect, it } from "vitest";
import type { createTownshipMeeting } from "@/lib/township-meetings/actions";
import type { createUnit } from "@/lib/units/actions";
import { type FieldErrors, type FieldHelpers, type FieldName, fieldHelpers, formOnly, useActionForm } from "@/components/forms/use-action-form";

type UnitInput = Parameters<typeof createUnit>[0];
type MeetingInput = Parameters<typeof createTownshipMeeting>[0];

describe("form helpers typed by the schema", () => {
  const unit = fieldHelpers<UnitInput>({ name: ["请填写单位名称"] });

  it("give a field's props, its <Field>'s props and its errors by the schema's name", () => {
    expect(unit.field("name")).toEqual({ name: "name", id: "name", "aria-invalid": true, "aria-describedby": "name-error" });
    expect(unit.field("code", { id: "unit-code" })).toEqual({ name: "code", id: "unit-code", "aria-invalid": false, "aria-describedby": undefined });
    expect(unit.control("name")).toEqual({ id: "name", "aria-invalid": true, "aria-describedby": "name-error" });
    expect(unit.frame("name")).toEqual({ name: "name", errors: ["请填写单位名称"] });
    expect(unit.frame("code", { id: "unit-code" })).toEqual({ name: "unit-code", errors: undefined });
    expect(unit.name("parentId")).toBe("parentId");
    expect(unit.errorOf("name")).toEqual(["请填写单位名称"]);
  });

  it("refuse, at compile time, a name the schema does not have", () => {
    // @ts-expect-error the unit schema has no such field
    unit.field("no_such_field");
    // @ts-expect-error a misspelt field
    unit.frame("nmae");
    // @ts-expect-error another module's field
    unit.errorOf("title");
    // @ts-expect-error
    unit.name("unitName");
    // @ts-expect-error
    unit.control("sort");
    // @ts-expect-error the field errors are keyed by the schema's names too
    const errors: FieldErrors<UnitInput> = { nmae: ["x"] };
    expect(errors).toBeDefined();
  });

  it("type the rows of an array field by index and key", () => {
    const meeting = fieldHelpers<MeetingInput>({ "shares.0.unitId": ["请选择乡镇"] });
    expect(meeting.control("shares.0.unitId")["aria-invalid"]).toBe(true);
    const row: FieldName<MeetingInput> = `shares.${3}.practice`;
    expect(row).toBe("shares.3.practice");
    // @ts-expect-error a row has no such key
    meeting.control("shares.0.unitName");
    // @ts-expect-error the index must be a number
    meeting.frame("shares.first.unitId");
  });

  it("let a shared part of a form take only forms whose schema has its names", () => {
    const part: FieldHelpers<"name" | "code"> = unit;
    expect(part.field("code").name).toBe("code");
    // @ts-expect-error the unit schema has no `title`: a form without it cannot draw this part
    const wrong: FieldHelpers<"title"> = unit;
    expect(wrong).toBeDefined();
  });

  it("accept form-only names only when declared", () => {
    expect(formOnly<"winner">()).toEqual([]);
    // The hook's options are checked by compiling useTypeOnly (below), never called.
    expect(typeof useTypeOnly).toBe("function");
  });
});

declare const createUnitAction: typeof createUnit;
/** Never called: only compiled, to check the hook's options against the action's schema. */
function useTypeOnly() {
  // @ts-expect-error `arrays` names must be the schema's
  useActionForm(createUnitAction, { arrays: ["no_such_field"] });
  // @ts-expect-error `with` keys must be the schema's
  useActionForm(createUnitAction, { with: { nmae: "x" } });
  const declared = useActionForm(createUnitAction, { formOnly: formOnly<`weight_${string}`>() });
  declared.name("weight_cadre");
  // @ts-expect-error an undeclared form-only name
  declared.name("score_cadre");
}
