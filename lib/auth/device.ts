// A session's device in plain words, from its User-Agent: "Windows 电脑 · Chrome 浏览器". Pure.

const SYSTEMS: [RegExp, string][] = [
  [/iPhone/, "iPhone"],
  [/iPad/, "iPad"],
  [/Android.*Mobile|Android/, "安卓手机"],
  [/HarmonyOS|OpenHarmony/, "鸿蒙设备"],
  [/Windows/, "Windows 电脑"],
  [/Mac OS X|Macintosh/, "Mac 电脑"],
  [/CrOS/, "Chromebook"],
  [/Linux/, "Linux 电脑"],
];

// Order matters: Edge and most Chinese browsers also say Chrome and Safari.
const BROWSERS: [RegExp, string][] = [
  [/MicroMessenger/, "微信"],
  [/DingTalk/, "钉钉"],
  [/Edg\//, "Edge 浏览器"],
  [/QQBrowser/, "QQ 浏览器"],
  [/UCBrowser/, "UC 浏览器"],
  [/360SE|360EE|QihooBrowser/, "360 浏览器"],
  [/Firefox\//, "Firefox 浏览器"],
  [/Chrome\/|CriOS\//, "Chrome 浏览器"],
  [/Safari\//, "Safari 浏览器"],
];

export function describeDevice(userAgent: string | null | undefined): string {
  if (!userAgent) return "未知设备";
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (!system && !browser) return "其他设备";
  return [system ?? "未知系统", browser ?? "其他浏览器"].join(" · ");
}
