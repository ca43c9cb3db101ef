import { ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCNLocale from 'antd/locale/zh_CN'
import { lazy } from 'react'
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

export function App() {
  const { i18n } = useTranslation()
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCNLocale} theme={{ token: { colorPrimary: '#1d4f91' } }}>
      <Provider value={client}>
        <RouterProvider router={router} />
      </Provider>
    </ConfigProvider>
  )
}
