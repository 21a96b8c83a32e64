import type { Page } from '@playwright/test';
import type { GroupSummary } from '#contract/followers';
import type { JobSummary } from '#contract/jobs';

/**
 * Creates the tag `name` and starts a job adding these followers to it, through the page's
 * window.wxg (as the renderer would): the setup of tests about a job, not what they check.
 */
export async function addToNewTag(
  page: Page,
  accountId: string,
  openids: string[],
  name: string,
): Promise<{ tagId: GroupSummary['id']; jobId: JobSummary['id'] }> {
  return page.evaluate(
    async ({ accountId, openids, name }) => {
      const tag = await window.wxg.groupsCreate({ accountId, name });
      if (!tag.ok) throw new Error(tag.error.code);
      const job = await window.wxg.jobsStart({
        accountId,
        kind: 'add',
        selection: { openids },
        to: tag.data.id,
      });
      if (!job.ok) throw new Error(job.error.code);
      return { tagId: tag.data.id, jobId: job.data.id };
    },
    { accountId, openids, name },
  );
}
