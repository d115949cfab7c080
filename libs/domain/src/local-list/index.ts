export { evolveLocalList, foldLocalList, INITIAL_LOCAL_LIST, type LocalListState } from './local-list';
export { decideListChange, decideSync, planSync, type SyncDecision, type SyncChunk, type SyncPlan, type SyncRequest } from './sync';
export { digestOf, usesCentralList, wantedList, type IdTagInfo as LocalIdTagInfo, type WantedList } from './wanted-list';
