// The 待办 query, shared by the page and the console menu's badges (one Apollo cache entry; the page stays lazy).
import { useQuery } from '@apollo/client';
import { MyTasksDocument } from '../../gql/tasks';

export const useMyTasks = (skip = false) => useQuery(MyTasksDocument, { variables: { first: 100 }, skip, fetchPolicy: 'cache-and-network' });

/** A decision takes an item off the caller's list: the menu's badges are asked again (active MyTasks queries only). */
export const REFRESH_TASKS = { refetchQueries: ['MyTasks'] };
