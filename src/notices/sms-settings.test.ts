import { describe, expect, it } from "vitest";
import { loadSettings } from "../../config/settings.ts";

describe("the SMS gateway's settings", () => {
  it("a webhook needs its secret: requests are never sent unsigned", () => {
    expect(() => loadSettings({ SMS_WEBHOOK_URL: "https://sms.example.gov.cn/send" })).toThrow(
      "SMS_WEBHOOK_SECRET: 设置了 SMS_WEBHOOK_URL 时必须设置",
    );
    const s = loadSettings({ SMS_WEBHOOK_URL: "https://sms.example.gov.cn/send", SMS_WEBHOOK_SECRET: "k" });
    expect(s).toMatchObject({
      SMS_SIGN_NAME: "政务公开",
      SMS_TEMPLATE_SUPPLEMENT: "OGI_SUPPLEMENT",
      OGI_NOTICE_RECENT_WORKDAYS: 3,
    });
  });

  it("no webhook, no SMS: the other settings keep their defaults", () => {
    expect(loadSettings({})).toMatchObject({ OGI_NOTICE_INTERVAL_SECONDS: 30, OGI_NOTICE_MAX_ATTEMPTS: 5 });
    expect(loadSettings({}).SMS_WEBHOOK_URL).toBeUndefined();
  });
});
