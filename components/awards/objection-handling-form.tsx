"use client";

import { useState } from "react";
import { handleObjection } from "@/lib/awards/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

type Tier = { id: string; name: string };

/**
 * 办理一件异议: what the investigation found, the answer to the objector, the verdict and — when it is upheld
 * and names an entry of the list — what happens to that entry.
 */
export function ObjectionHandlingForm({ id, version, entryTierId, tiers }: { id: string; version: number; entryTierId: string | null; tiers: Tier[] }) {
  const [upheld, setUpheld] = useState<"" | "true" | "false">("");
  const [effect, setEffect] = useState<"none" | "remove" | "change">("none");
  const form = useActionForm(handleObjection, {
    transform: (values) => ({
      id,
      version,
      upheld: values.upheld === undefined ? undefined : values.upheld === "true",
      investigation: values.investigation,
      answer: values.answer,
      effect: values.upheld === "true" && entryTierId ? (values.effect ?? "none") : "none",
      tierId: values.effect === "change" ? values.tierId || undefined : undefined,
    }),
  });
  const errors = form.fieldErrors;
  const prefix = `o-${id}-`;
  // Only an entry still on the list can be taken off it or moved.
  const canChange = upheld === "true" && Boolean(entryTierId);
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3" aria-label="办理异议">
      <FormError message={form.formError} />
      <Field label="调查核实情况" {...form.frame("investigation", { id: `${prefix}investigation` })} required>
        <textarea {...form.field("investigation", { id: `${prefix}investigation` })} rows={3} maxLength={2000} className="input" />
      </Field>
      <Field label="答复意见" {...form.frame("answer", { id: `${prefix}answer` })} hint="将答复给异议人" required>
        <textarea {...form.field("answer", { id: `${prefix}answer` })} rows={3} maxLength={2000} className="input" />
      </Field>
      <fieldset className="space-y-1" data-field="upheld">
        <legend className="text-sm font-medium text-stone-700">
          处理结果<span className="ml-0.5 text-red-600">*</span>
        </legend>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-1">
            <input type="radio" name={form.name("upheld")} value="false" checked={upheld === "false"} onChange={() => setUpheld("false")} /> 异议不成立
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name={form.name("upheld")} value="true" checked={upheld === "true"} onChange={() => setUpheld("true")} /> 异议成立
          </label>
        </div>
        {errors.upheld?.map((message) => (
          <p key={message} role="alert" className="text-sm text-red-600">
            {message}
          </p>
        ))}
      </fieldset>
      {canChange && (
        <fieldset className="space-y-2" data-field="effect">
          <legend className="text-sm font-medium text-stone-700">对名单的处理</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            {(
              [
                ["none", "不改变名单"],
                ["remove", "撤销表彰"],
                ["change", "调整奖次"],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex items-center gap-1">
                <input type="radio" name={form.name("effect")} value={value} checked={effect === value} onChange={() => setEffect(value)} /> {label}
              </label>
            ))}
          </div>
          {errors.effect?.map((message) => (
            <p key={message} role="alert" className="text-sm text-red-600">
              {message}
            </p>
          ))}
          {effect === "change" && (
            <Field label="调整为" {...form.frame("tierId", { id: `${prefix}tierId` })} required>
              <select {...form.field("tierId", { id: `${prefix}tierId` })} defaultValue="" className="input max-w-48">
                <option value="" disabled>
                  请选择奖次
                </option>
                {tiers
                  .filter((tier) => tier.id !== entryTierId)
                  .map((tier) => (
                    <option key={tier.id} value={tier.id}>
                      {tier.name}
                    </option>
                  ))}
              </select>
            </Field>
          )}
        </fieldset>
      )}
      <Button type="submit" pending={form.pending}>
        办结
      </Button>
    </form>
  );
}
