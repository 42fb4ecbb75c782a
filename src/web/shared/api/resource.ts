import { api, type Page, type Query } from './client';

/** The standard master-data endpoints under one path: list, get, create, update, delete, (de)activate. */
export function resource<T, Input = Partial<T>>(path: string) {
  return {
    path,
    list: (query: Query) => api.get<Page<T>>(path, query),
    get: (id: string) => api.get<T>(`${path}/${id}`),
    create: (input: Input) => api.post<T>(path, input),
    update: (id: string, input: Partial<Input>) => api.patch<T>(`${path}/${id}`, input),
    remove: (id: string) => api.del(`${path}/${id}`),
    deactivate: (id: string) => api.post<T>(`${path}/${id}/deactivate`),
    activate: (id: string) => api.post<T>(`${path}/${id}/activate`),
  };
}

export type Resource<T, Input = Partial<T>> = ReturnType<typeof resource<T, Input>>;
