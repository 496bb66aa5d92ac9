// antd theme tokens chosen for WCAG AA contrast: the stock primary (#1677ff, 4.1:1) and error (#ff4d4f, 3.3:1) fail it.
// zeroRuntime: antd writes no component CSS at run time; its prebuilt stylesheet (antd/dist/antd.css, loaded with the
// pages past the first screens, which load only their components' part of it: scripts/antd-styles.ts) styles every
// component through CSS variables, and the variables carry these tokens. That took the
// generation of styles out of first loads and first dialog openings (see the bench). antd.css also holds the
// default theme's component variables, scoped to a server-rendered id (.css-var-_R_0_) that a browser-rendered
// console never carries; e2e/theme.spec.ts checks that these tokens, not those defaults, reach the components.
import type { ThemeConfig } from 'antd'

export const theme: ThemeConfig = {
  zeroRuntime: true,
  token: {
    colorPrimary: '#0958d9', // 5.9:1 with white text
    // antd derives hover and active colours lighter than the base (#3c89e8 under the pointer: 3.6:1 with white text);
    // darker ones keep every state of primary, default and link controls above AA.
    colorPrimaryHover: '#003eb3', // 9.7:1 with white text, as text on white
    colorPrimaryActive: '#002c8c',
    colorPrimaryTextHover: '#003eb3',
    colorPrimaryTextActive: '#002c8c',
    // The keyboard focus ring is drawn in this colour: 5.9:1 against white (the derived pale blue was 1.9:1).
    colorPrimaryBorder: '#0958d9',
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    colorError: '#c41d1d', // 6.0:1 on white
    colorErrorHover: '#a8071a', // 7.9:1 on white (a danger button's text and border under the pointer)
    colorErrorActive: '#820014',
    colorErrorTextHover: '#a8071a',
    colorErrorTextActive: '#820014',
    colorWarning: '#ad4e00', // 5.6:1 as text
    // Derived from the dark warning above, antd's tinted backgrounds come out dark enough to fail it (a warning tag):
    // the stock pale ones keep the text at 5.2:1.
    colorWarningBg: '#fff7e6',
    colorWarningBorder: '#ffd591',
    colorSuccess: '#237804', // 6.0:1 as text
    // Likewise for success: derived from the dark green, a success alert came out olive; the stock pale green is kept.
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
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
