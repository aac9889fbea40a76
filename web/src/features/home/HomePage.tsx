import { usePageTitle } from '../../components/usePageTitle';
import { useSignedInUser } from '../auth/RequireSignIn';
import { AdminHome } from './AdminHome';
import { ReporterHome } from './ReporterHome';
import { ViewerHome } from './ViewerHome';

/** The home page at `/`: each role sees its own next action. */
export function HomePage() {
  const me = useSignedInUser();
  usePageTitle('Home');
  if (me.role === 'admin') return <AdminHome />;
  if (me.role === 'reporter') return <ReporterHome me={me} />;
  return <ViewerHome />;
}
