import { useApi } from '../../api/useApi';
import type { Survey } from '../../api/types';
import { Link } from '../../components/Link';

/** A survey by its title, linked to the survey plan it belongs to (its id until the survey loads, or if it cannot). */
export function SurveyTitle({ id }: { id: string }) {
  const { data } = useApi<Survey>(`/surveys/${id}`);
  if (!data) return <span className="sf-muted">{id.slice(0, 8)}</span>;
  return <Link to={`/instances/${data.instanceId}`}>{data.title}</Link>;
}
