import { lazy, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { createBrowserRouter, RouterProvider } from 'react-router'
import { Client, cacheExchange, fetchExchange, Provider } from 'urql'
import i18n from './i18n/index.ts'
import { Shell } from './Shell.tsx'
import { ScorecardScreen } from './screens/ScorecardScreen.tsx'

// The server words its messages (a refused value, a conflict) in the language on screen.
const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  preferGetMethod: false,
  fetchOptions: () => ({ headers: { 'accept-language': i18n.language === 'en' ? 'en' : 'zh-CN' } }),
})

// The area and metric screens carry the charts and Ant Design: loaded when first opened.
const AreaScreen = lazy(() => import('./screens/AreaScreen.tsx'))
const MetricScreen = lazy(() => import('./screens/MetricScreen.tsx'))
const TokensScreen = lazy(() => import('./screens/TokensScreen.tsx'))
const AccountsScreen = lazy(() => import('./screens/AccountsScreen.tsx'))
const ReturnScreen = lazy(() => import('./screens/ReturnScreen.tsx'))
const ApprovalsScreen = lazy(() => import('./screens/ApprovalsScreen.tsx'))
const CompletenessScreen = lazy(() => import('./screens/CompletenessScreen.tsx'))
const TargetsScreen = lazy(() => import('./screens/TargetsScreen.tsx'))

const router = createBrowserRouter([
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <ScorecardScreen /> },
      { path: 'areas/:areaKey', element: <AreaScreen /> },
      { path: 'metrics/:metricKey', element: <MetricScreen /> },
      { path: 'tokens', element: <TokensScreen /> },
      { path: 'accounts', element: <AccountsScreen /> },
      { path: 'returns/:orgUnit/:month', element: <ReturnScreen /> },
      { path: 'approvals', element: <ApprovalsScreen /> },
      { path: 'completeness', element: <CompletenessScreen /> },
      { path: 'targets', element: <TargetsScreen /> },
    ],
  },
])

export function App() {
  const { i18n } = useTranslation()
  // The page's language follows the words on it, however it was chosen (`?lang=en` included).
  useEffect(() => {
    document.documentElement.lang = i18n.language
  }, [i18n.language])
  return (
    <Provider value={client}>
      <RouterProvider router={router} />
    </Provider>
  )
}
