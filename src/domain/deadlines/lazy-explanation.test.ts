import { describe, expect, it } from "vitest";
import { defineLazyExplanation } from "./lazy-explanation.ts";

describe("defineLazyExplanation", () => {
  const counted = (lines: string[]) => {
    let builds = 0;
    const build = () => {
      builds++;
      return lines;
    };
    return { build, builds: () => builds };
  };

  it("builds on the first read only, then keeps a plain own property", () => {
    const b = counted(["第一行"]);
    const clock = defineLazyExplanation({ dueOn: "2026-03-30" }, b.build);
    expect(b.builds()).toBe(0);
    expect(clock.explanation).toEqual(["第一行"]);
    expect(clock.explanation).toEqual(["第一行"]);
    expect(b.builds()).toBe(1);
    expect(Object.getOwnPropertyDescriptor(clock, "explanation")).toMatchObject({
      value: ["第一行"],
      writable: true,
      enumerable: true,
    });
  });

  it("is seen by JSON, spreads, keys and equality like a plain property, each object its own lines", () => {
    const a = defineLazyExplanation({ id: "a" }, () => ["甲"]);
    const b = defineLazyExplanation({ id: "b" }, () => ["乙"]);
    expect(Object.keys(a)).toEqual(["id", "explanation"]);
    expect(JSON.parse(JSON.stringify(b))).toEqual({ id: "b", explanation: ["乙"] });
    expect({ ...a }).toEqual({ id: "a", explanation: ["甲"] });
    expect(b).toEqual({ id: "b", explanation: ["乙"] });
  });

  it("takes an assignment instead of building, and serves a reader made with Object.create", () => {
    const b = counted(["建"]);
    const set = defineLazyExplanation({}, b.build);
    set.explanation = ["给定"];
    expect(set.explanation).toEqual(["给定"]);
    const proto = defineLazyExplanation({}, b.build);
    const reader = Object.create(proto) as { explanation: string[] };
    expect(reader.explanation).toEqual(["建"]);
    expect(Object.hasOwn(reader, "explanation")).toBe(true);
    expect(b.builds()).toBe(1);
  });
});
