import { ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCNLocale from 'antd/locale/zh_CN'
import { lazy, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { createBrowserRouter, RouterProvider } from 'react-router'
import { Client, cacheExchange, fetchExchange, Provider } from 'urql'
import { Shell } from './Shell.tsx'
import { ScorecardScreen } from './screens/ScorecardScreen.tsx'

const client = new Client({ url: '/graphql', exchanges: [cacheExchange, fetchExchange], preferGetMethod: false })

// The area and metric screens carry the charts: loaded when first opened.
const AreaScreen = lazy(() => import('./screens/AreaScreen.tsx'))
const MetricScreen = lazy(() => import('./screens/MetricScreen.tsx'))

const router = createBrowserRouter([
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <ScorecardScreen /> },
      { path: 'areas/:areaKey', element: <AreaScreen /> },
      { path: 'metrics/:metricKey', element: <MetricScreen /> },
    ],
  },
])

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
    // Status-coloured tags (the sample mark is a warning tag) draw their text in the status
    // colour on its pale background: the darker shade of each reads at 4.5:1 or more.
    Tag: { colorWarning: '#ad4e00', colorSuccess: '#237804', colorError: '#a8071a', colorInfo: '#0958d9' },
  },
}

export function App() {
  const { i18n } = useTranslation()
  // The page's language follows the words on it, however it was chosen (`?lang=en` included).
  useEffect(() => {
    document.documentElement.lang = i18n.language
  }, [i18n.language])
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCNLocale} theme={theme}>
      <Provider value={client}>
        <RouterProvider router={router} />
      </Provider>
    </ConfigProvider>
  )
}
