import { BackupBanner } from '../backup/BackupBanner';
import { RequestsBanner } from '../requests/RequestsBanner';
import { AccessReviewBanner } from '../staff/AccessReviewBanner';
import { CustomersView } from './CustomersView';

/** The home page: the banners that need the Owner's attention, then the customer list. */
export function CustomersPage() {
  return (
    <>
      <RequestsBanner />
      <AccessReviewBanner />
      <BackupBanner />
      <CustomersView />
    </>
  );
}
