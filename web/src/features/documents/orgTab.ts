import type { OrgTab } from '../organizations/orgTabs';
import DocumentRegister from './DocumentRegister';

// The register of documents the organisation has issued.
export const documentsTab: OrgTab = {
  key: 'documents',
  label: 'Sổ văn bản',
  Component: DocumentRegister,
};
