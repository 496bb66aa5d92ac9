// antd theme tokens chosen for WCAG AA contrast: the stock primary (#1677ff, 4.1:1) and error (#ff4d4f, 3.3:1) fail it.
// zeroRuntime: antd writes no component CSS at run time; its prebuilt stylesheet (antd/dist/antd.css, imported in
// main.tsx) styles every component through CSS variables, and the variables carry these tokens. That took the
// generation of styles out of first loads and first dialog openings (see the bench). antd.css also holds the
// default theme's component variables, scoped to a server-rendered id (.css-var-_R_0_) that a browser-rendered
// console never carries; e2e/theme.spec.ts checks that these tokens, not those defaults, reach the components.
import type { ThemeConfig } from 'antd'

export const theme: ThemeConfig = {
  zeroRuntime: true,
  token: {
    colorPrimary: '#0958d9', // 5.9:1 with white text
    colorLink: '#0958d9',
    colorError: '#c41d1d', // 6.0:1 on white
    colorWarning: '#ad4e00', // 5.6:1 as text
    // Derived from the dark warning above, antd's tinted backgrounds come out dark enough to fail it (a warning tag):
    // the stock pale ones keep the text at 5.2:1.
    colorWarningBg: '#fff7e6',
    colorWarningBorder: '#ffd591',
    colorSuccess: '#237804', // 6.0:1 as text
    colorInfo: '#0958d9',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)', // secondary text 5.0:1 instead of 2.8:1
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    borderRadius: 6,
  },
}

/** The same theme without antd's motion, for people whose system asks for reduced motion. */
export function withoutMotion(base: ThemeConfig): ThemeConfig {
  return { ...base, token: { ...base.token, motion: false } }
}
