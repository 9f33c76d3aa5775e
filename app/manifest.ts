// The web app manifest: a township cadre can add the app to a phone's home screen and open it full screen.
import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "创新项目管理平台",
    short_name: "创新项目",
    description: "组织工作改革创新项目管理：参考选题、申报、听证审定、季度督查、评比表彰",
    start_url: "/",
    display: "standalone",
    background_color: "#fafaf9",
    theme_color: "#991b1b",
    lang: "zh-CN",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      // PNGs for the launchers that take no SVG (Android's home screen, older browsers); iOS reads app/apple-icon.png.
      { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
    ],
  };
}
