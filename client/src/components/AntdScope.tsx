// Ant Design, for the area and metric screens only: they are loaded when first opened, and
// Ant Design with them, so the scorecard (plain HTML) loads without it.
import { ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The bureau's blue, and text colours that read at 4.5:1 or more (WCAG AA) on white and on the
 * page's grey (#f5f5f5): Ant Design's defaults for secondary and tertiary text (#8c8c8c at
 * 3.4:1), links (#1677ff at 4.1:1) and warnings (#faad14) do not.
 */
export const theme = {
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1d4f91',
    colorTextSecondary: '#595959',
    colorTextTertiary: '#666666',
    colorTextDescription: '#666666',
    colorWarningText: '#ad4e00',
    colorSuccessText: '#237804',
    colorErrorText: '#cf1322',
  },
  components: {
    Tag: { colorWarning: '#ad4e00', colorSuccess: '#237804', colorError: '#a8071a', colorInfo: '#0958d9' },
  },
}

export function AntdScope({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation()
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme}>
      {children}
    </ConfigProvider>
  )
}
