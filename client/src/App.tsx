import { lazy, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { createBrowserRouter, RouterProvider } from 'react-router'
import { Client, cacheExchange, fetchExchange, Provider } from 'urql'
import { Shell } from './Shell.tsx'
import { ScorecardScreen } from './screens/ScorecardScreen.tsx'

const client = new Client({ url: '/graphql', exchanges: [cacheExchange, fetchExchange], preferGetMethod: false })

// The area and metric screens carry the charts and Ant Design: loaded when first opened.
const AreaScreen = lazy(() => import('./screens/AreaScreen.tsx'))
const MetricScreen = lazy(() => import('./screens/MetricScreen.tsx'))
const TokensScreen = lazy(() => import('./screens/TokensScreen.tsx'))
const AccountsScreen = lazy(() => import('./screens/AccountsScreen.tsx'))

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
