// Step "Comment on the pull request" of action.yml: the compliance diff as one comment on the
// pull request, found again by its marker and updated on every run, so a long-lived pull
// request carries one current change record rather than a trail of them. A token without
// write access (pull requests from forks) gives a warning, not a failed job.
import { appendFileSync, readFileSync } from 'node:fs';

const MARKER = '<!-- aims-compliance-diff -->';
const api = (process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, '');
const repository = process.env.GITHUB_REPOSITORY;
const number = process.env.PR_NUMBER;
const token = process.env.GITHUB_TOKEN;
if (!repository || !number || !token || !process.env.DIFF_FILE) {
    console.log('::error::comment.mjs needs GITHUB_REPOSITORY, PR_NUMBER, GITHUB_TOKEN and DIFF_FILE');
    process.exit(2);
}
const body = `${MARKER}\n${readFileSync(process.env.DIFF_FILE, 'utf8').trim()}\n`;

async function call(method, path, payload) {
    const response = await fetch(`${api}${path}`, {
        method,
        headers: {
            'Accept': 'application/vnd.github+json',
            'Authorization': `Bearer ${token}`,
            'X-GitHub-Api-Version': '2022-11-28',
            ...(payload ? { 'Content-Type': 'application/json' } : {})
        },
        body: payload ? JSON.stringify(payload) : undefined
    });
    if (!response.ok) {
        const error = new Error(`${method} ${path}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
        error.status = response.status;
        throw error;
    }
    return response.json();
}

/** The comment this action posted before, if any: the issue comments, page by page. */
async function earlierComment() {
    for (let page = 1; ; page++) {
        const comments = await call('GET', `/repos/${repository}/issues/${number}/comments?per_page=100&page=${page}`);
        const found = comments.find(c => typeof c.body === 'string' && c.body.startsWith(MARKER));
        if (found || comments.length < 100) return found;
    }
}

try {
    const earlier = await earlierComment();
    const comment = earlier
        ? await call('PATCH', `/repos/${repository}/issues/comments/${earlier.id}`, { body })
        : await call('POST', `/repos/${repository}/issues/${number}/comments`, { body });
    console.log(`${earlier ? 'Updated' : 'Posted'} the compliance diff: ${comment.html_url}`);
    if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `comment-url=${comment.html_url}\n`);
} catch (error) {
    if (error.status === 403 || error.status === 404) {
        // Forks get a read-only token: the diff is still in the job summary.
        console.log(`::warning::The compliance diff could not be posted (${error.message}); it is in the job summary.`);
    } else {
        console.log(`::error::${error.message}`);
        process.exit(1);
    }
}
