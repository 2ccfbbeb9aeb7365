import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ManagedSpaceDetail } from '@landraeume/shared';
import { api } from '../../api/client';

export const managedSpaceKey = (id: string) => ['managed-space', id];

/** A space as its managers see it, and a way to put the server's answer to a change in its place. */
export function useManagedSpace(id: string) {
  const client = useQueryClient();
  const query = useQuery({ queryKey: managedSpaceKey(id), queryFn: () => api<ManagedSpaceDetail>(`/api/spaces/${id}/management`) });
  const store = (space: ManagedSpaceDetail) => {
    client.setQueryData(managedSpaceKey(id), space);
    // The public page and the lists read the same space through other queries.
    void client.invalidateQueries({ queryKey: ['managed-spaces'] });
    void client.invalidateQueries({ queryKey: ['space'] });
  };
  const reload = () => client.invalidateQueries({ queryKey: managedSpaceKey(id) });
  return { query, store, reload };
}
