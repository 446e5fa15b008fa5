import { useApi } from '../../api/useApi';
import type { Instance } from '../../api/types';
import { Link } from '../../components/Link';

/** Another instance by its title, linked (its short id until it loads). */
export function InstanceTitle({ id }: { id: string }) {
  const { data } = useApi<Instance>(`/instances/${id}`);
  return <Link to={`/instances/${id}`}>{data?.title ?? id.slice(0, 8)}</Link>;
}
