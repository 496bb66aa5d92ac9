// The bench's reference app: the smallest honest antd console page (Layout + Menu + Table + Button, react-router,
// TanStack Query — nothing else). The console's first-screen JS budget is a ratio to this app's, built from the same node_modules.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createBrowserRouter, Outlet, RouterProvider, useNavigate } from 'react-router'
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { Button, Layout, Menu, Table } from 'antd'

interface Member {
  id: string
  name: string
  department: string
}

// Served from memory so the reference measures the libraries, not a network.
async function fetchMembers(): Promise<Member[]> {
  return Array.from({ length: 25 }, (_, index) => ({ id: `m-${index}`, name: `Member ${index + 1}`, department: `Department ${(index % 5) + 1}` }))
}

function Shell() {
  const navigate = useNavigate()
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ color: '#fff' }}>Reference</Layout.Header>
      <Layout>
        <Layout.Sider theme="light">
          <Menu mode="inline" defaultSelectedKeys={['members']} items={[{ key: 'members', label: 'Members' }]} onClick={() => navigate('/')} />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  )
}

function MembersPage() {
  const members = useQuery({ queryKey: ['members'], queryFn: fetchMembers })
  return (
    <>
      <h1>Members</h1>
      <Button type="primary" onClick={() => void members.refetch()}>
        Refresh
      </Button>
      <Table<Member>
        rowKey="id"
        loading={members.isPending}
        dataSource={members.data}
        rowSelection={{}}
        pagination={{ pageSize: 10 }}
        columns={[
          { key: 'name', dataIndex: 'name', title: 'Name' },
          { key: 'department', dataIndex: 'department', title: 'Department' },
        ]}
      />
    </>
  )
}

const router = createBrowserRouter([{ path: '/', element: <Shell />, children: [{ index: true, element: <MembersPage /> }] }])
const queryClient = new QueryClient()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
)
