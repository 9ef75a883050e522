import type { StateCreator } from 'zustand';
import type { CustomersSlice } from './customersSlice';
import type { LocaleSlice } from './localeSlice';
import type { SessionSlice } from './sessionSlice';
import type { UiSlice } from './uiSlice';

export type AppState = SessionSlice & CustomersSlice & LocaleSlice & UiSlice;

export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
