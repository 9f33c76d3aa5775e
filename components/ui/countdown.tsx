"use client";

import { useEffect, useState } from "react";
import { describeCountdown } from "@/lib/time";

/**
 * Counts down to a deadline on the server's clock: the browser's clock only measures the time
 * elapsed since the page was rendered, so a wrong clock on the phone does not move the deadline.
 */
export function Countdown({ deadline, serverNow }: { deadline: string; serverNow: string }) {
  const [now, setNow] = useState(() => new Date(serverNow));
  useEffect(() => {
    const renderedAt = performance.now();
    const base = new Date(serverNow).getTime();
    const timer = setInterval(() => setNow(new Date(base + performance.now() - renderedAt)), 30_000);
    return () => clearInterval(timer);
  }, [serverNow]);
  const { text, overdue, urgent } = describeCountdown(new Date(deadline), now);
  return <span className={overdue ? "text-stone-500" : urgent ? "font-medium text-red-700" : "text-emerald-700"}>{text}</span>;
}
