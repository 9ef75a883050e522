import { api } from '../api';
import type { CreateCustomFieldInput, ErrorCode, FieldDef, FieldUsage, Result, UpdateFieldInput } from '../contract';
import type { SliceCreator } from './types';

/** The field catalogue: which personal data the shop collects, and why. */
export interface FieldsSlice {
  /** null until `fields.list` answers (after unlock). */
  fields: FieldDef[] | null;
  fieldsError: ErrorCode | null;
  loadFields(): Promise<void>;
  updateField(input: UpdateFieldInput): Promise<Result<FieldDef[]>>;
  createCustomField(input: CreateCustomFieldInput): Promise<Result<FieldDef[]>>;
  deleteCustomField(key: string): Promise<Result<FieldDef[]>>;
  /** How many customers hold a value in the field (asked before switching it off). */
  fieldUsage(key: string): Promise<Result<FieldUsage>>;
  clearFields(): void;
}

const byPosition = (fields: FieldDef[]) => [...fields].sort((a, b) => a.position - b.position);

/** The fields that are switched on, in catalogue order. */
export const enabledFields = (fields: FieldDef[] | null): FieldDef[] => byPosition(fields ?? []).filter((f) => f.enabled);

export const createFieldsSlice: SliceCreator<FieldsSlice> = (set, get) => {
  /** A catalogue change answers with the new catalogue; values may have been erased, so the list re-fetches. */
  const applied = (res: Result<FieldDef[]>, reload: boolean): Result<FieldDef[]> => {
    if (res.ok) {
      set({ fields: byPosition(res.value), fieldsError: null });
      if (reload) get().reloadCustomers();
      // A field's purposes changed (or a purpose was made from new words): the purposes list the fields.
      if (get().purposes !== null) void get().loadPurposes();
    } else get().noteError(res.error);
    return res;
  };

  return {
    fields: null,
    fieldsError: null,

    async loadFields() {
      const res = await api.fields.list();
      if (res.ok) set({ fields: byPosition(res.value), fieldsError: null });
      else {
        set({ fieldsError: res.error.code });
        get().noteError(res.error);
      }
    },

    async updateField(input) {
      return applied(await api.fields.update(input), input.erase === true);
    },

    async createCustomField(input) {
      return applied(await api.fields.createCustom(input), false);
    },

    async deleteCustomField(key) {
      return applied(await api.fields.deleteCustom({ key }), true);
    },

    async fieldUsage(key) {
      const res = await api.fields.usage({ key });
      if (!res.ok) get().noteError(res.error);
      return res;
    },

    clearFields: () => set({ fields: null, fieldsError: null }),
  };
};
