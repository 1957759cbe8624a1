import type { ThemeConfig } from 'antd';

/**
 * antd's default blue (#1677ff) and secondary greys fail WCAG AA contrast on white; these pass.
 * No generic `monospace` family: it renders stacked Vietnamese marks badly on Linux.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b57d0',
    colorLink: '#0b57d0',
    colorError: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.7)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    fontFamily: "'Segoe UI', Roboto, 'Noto Sans', Arimo, 'Liberation Sans', Arial, sans-serif",
    fontFamilyCode: "'Cousine', 'Liberation Mono', 'DejaVu Sans Mono', 'Noto Sans Mono', Consolas",
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#001f4d' },
    Menu: { darkItemBg: '#001f4d', darkSubMenuItemBg: '#00163a', darkItemColor: 'rgba(255,255,255,0.85)' },
  },
};
