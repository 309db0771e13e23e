// REST response builders. Each is typed with GitHub's OpenAPI schema from
// @octokit/openapi-types, so the compiler holds our shapes to GitHub's description.

import type { components } from '@octokit/openapi-types'
import {
  gitBlobSha,
  type Account,
  type Branch,
  type Comment,
  type Commit,
  type Issue,
  type IssueEvent,
  type Label,
  type Permission,
  type PullRequest,
  type Repo,
} from './state.js'

type S = components['schemas']
export type RestUser = S['simple-user']
export type RestLabel = S['label']
export type RestIssue = S['issue']
export type RestComment = S['issue-comment']
export type RestRepo = S['full-repository']
export type RestPermission = S['repository-collaborator-permission']
export type RestContentFile = S['content-file']
export type TimelineEvent = S['timeline-issue-events']
export type RestSearchItem = S['issue-search-result-item']
export type RestPull = S['pull-request']
export type RestPullSimple = S['pull-request-simple']
export type RestGitRef = S['git-ref']
export type RestFileCommit = S['file-commit']
export type RestBranch = S['short-branch']

/** GitHub's `permission` field is the legacy coarse level; `role_name` keeps the precise role. */
const LEGACY: Record<Permission, string> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
  none: 'none',
}

export class Shapes {
  constructor(private readonly base: string) {}

  api(path: string): string {
    return `${this.base}${path}`
  }

  /** html_url: the emulator serves no HTML, but the links are still unique and plausible. */
  html(path: string): string {
    return `${this.base}/${path}`
  }

  user(a: Account): RestUser {
    const u = this.api(`/users/${encodeURIComponent(a.login)}`)
    return {
      login: a.login,
      id: a.id,
      node_id: a.nodeId,
      avatar_url: `${this.base}/avatars/u/${a.id}`,
      gravatar_id: '',
      url: u,
      html_url: this.html(a.login),
      followers_url: `${u}/followers`,
      following_url: `${u}/following{/other_user}`,
      gists_url: `${u}/gists{/gist_id}`,
      starred_url: `${u}/starred{/owner}{/repo}`,
      subscriptions_url: `${u}/subscriptions`,
      organizations_url: `${u}/orgs`,
      repos_url: `${u}/repos`,
      events_url: `${u}/events{/privacy}`,
      received_events_url: `${u}/received_events`,
      type: a.type,
      site_admin: false,
      user_view_type: 'public',
    }
  }

  label(l: Label): RestLabel {
    return {
      id: l.id,
      node_id: l.nodeId,
      url: this.api(`/repos/${l.repo.fullName}/labels/${encodeURIComponent(l.name)}`),
      name: l.name,
      description: l.description,
      color: l.color,
      default: false,
    }
  }

  private reactions(url: string): S['reaction-rollup'] {
    return {
      url: `${url}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      confused: 0,
      heart: 0,
      hooray: 0,
      eyes: 0,
      rocket: 0,
    }
  }

  private association(repo: Repo, a: Account, perm: Permission): S['author-association'] {
    if (a.id === repo.owner.id) return 'OWNER'
    if (perm !== 'none') return 'COLLABORATOR'
    return 'NONE'
  }

  issue(i: Issue, perm: (a: Account) => Permission): RestIssue {
    const url = this.api(`/repos/${i.repo.fullName}/issues/${i.number}`)
    return {
      id: i.id,
      node_id: i.nodeId,
      url,
      repository_url: this.api(`/repos/${i.repo.fullName}`),
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: this.html(`${i.repo.fullName}/issues/${i.number}`),
      number: i.number,
      state: i.state,
      state_reason: i.stateReason,
      title: i.title,
      body: i.body,
      user: this.user(i.author),
      labels: i.labels.map((l) => this.label(l)),
      assignee: i.assignees[0] ? this.user(i.assignees[0]) : null,
      assignees: i.assignees.map((a) => this.user(a)),
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments: i.comments.length,
      closed_at: i.closedAt,
      created_at: i.createdAt,
      updated_at: i.updatedAt,
      closed_by: i.closedBy ? this.user(i.closedBy) : null,
      author_association: this.association(i.repo, i.author, perm(i.author)),
      timeline_url: `${url}/timeline`,
      performed_via_github_app: null,
      reactions: this.reactions(url),
    }
  }

  searchItem(i: Issue, perm: (a: Account) => Permission): RestSearchItem {
    const { assignees, ...rest } = this.issue(i, perm)
    return {
      ...rest,
      body: rest.body ?? undefined, // the search schema has no null body: omit it
      labels: i.labels.map((l) => this.label(l)),
      assignees: assignees ?? null,
      author_association: rest.author_association ?? 'NONE',
      score: 1,
    }
  }

  comment(c: Comment, perm: (a: Account) => Permission): RestComment {
    const repo = c.issue.repo.fullName
    const url = this.api(`/repos/${repo}/issues/comments/${c.id}`)
    return {
      id: c.id,
      node_id: c.nodeId,
      url,
      html_url: this.html(`${repo}/issues/${c.issue.number}#issuecomment-${c.id}`),
      body: c.body,
      user: this.user(c.author),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      issue_url: this.api(`/repos/${repo}/issues/${c.issue.number}`),
      author_association: this.association(c.issue.repo, c.author, perm(c.author)),
      performed_via_github_app: null,
      reactions: this.reactions(url),
    }
  }

  timelineEvent(e: IssueEvent, issue: Issue, perm: (a: Account) => Permission): TimelineEvent {
    const common = {
      id: e.id,
      node_id: e.nodeId,
      url: this.api(`/repos/${issue.repo.fullName}/issues/events/${e.id}`),
      actor: this.user(e.actor),
      event: e.kind,
      commit_id: null,
      commit_url: null,
      created_at: e.createdAt,
      performed_via_github_app: null,
    }
    switch (e.kind) {
      case 'labeled':
      case 'unlabeled': {
        const ev: S['labeled-issue-event'] = { ...common, label: e.labelSnapshot ?? { name: '', color: 'ededed' } }
        return ev
      }
      case 'assigned':
      case 'unassigned': {
        const ev: S['timeline-assigned-issue-event'] = { ...common, assignee: this.user(e.assignee ?? e.actor) }
        return ev
      }
      case 'closed':
      case 'reopened': {
        const ev: S['state-change-issue-event'] = { ...common, state_reason: e.stateReason ?? null }
        return ev
      }
      case 'commented': {
        const c = e.comment
        if (!c) throw new Error('emulator: commented event without comment')
        const rc = this.comment(c, perm)
        const ev: S['timeline-comment-event'] = {
          event: 'commented',
          actor: this.user(c.author),
          id: c.id,
          node_id: c.nodeId,
          url: rc.url,
          body: c.body,
          html_url: rc.html_url,
          user: this.user(c.author),
          created_at: c.createdAt,
          updated_at: c.updatedAt,
          issue_url: rc.issue_url,
          author_association: rc.author_association ?? 'NONE',
          performed_via_github_app: null,
          reactions: rc.reactions,
        }
        return ev
      }
    }
  }

  permission(who: Account, p: Permission): RestPermission {
    return {
      permission: LEGACY[p],
      role_name: p,
      user: {
        ...this.user(who),
        permissions: {
          admin: p === 'admin',
          maintain: p === 'admin' || p === 'maintain',
          push: p === 'admin' || p === 'maintain' || p === 'write',
          triage: p !== 'none' && p !== 'read',
          pull: p !== 'none',
        },
        role_name: p,
      },
    }
  }

  contentFile(repo: Repo, path: string, content: string, ref = 'main'): RestContentFile {
    const buf = Buffer.from(content, 'utf8')
    const sha = gitBlobSha(buf)
    const { self, git, html, download } = this.contentLinks(repo, path, sha, ref)
    return {
      type: 'file',
      encoding: 'base64',
      size: buf.length,
      name: path.split('/').pop() ?? path,
      path,
      // GitHub wraps base64 content at 60 characters per line.
      content: (buf.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n',
      sha,
      url: self,
      git_url: git,
      html_url: html,
      download_url: download,
      _links: { self, git, html },
    }
  }

  private contentLinks(repo: Repo, path: string, sha: string, ref: string) {
    return {
      self: this.api(`/repos/${repo.fullName}/contents/${path}?ref=${encodeURIComponent(ref)}`),
      git: this.api(`/repos/${repo.fullName}/git/blobs/${sha}`),
      html: this.html(`${repo.fullName}/blob/${ref}/${path}`),
      download: `${this.base}/raw/${repo.fullName}/${ref}/${path}`,
    }
  }

  /** The answer to PUT contents: the file as written and the commit that wrote it. */
  fileCommit(repo: Repo, branch: Branch, path: string, c: Commit): RestFileCommit {
    const content = branch.files.get(path) ?? ''
    const sha = gitBlobSha(content)
    const { self, git, html, download } = this.contentLinks(repo, path, sha, branch.name)
    const person = {
      date: c.date,
      name: c.author.login,
      email: `${c.author.id}+${c.author.login}@users.noreply.github.com`,
    }
    return {
      content: {
        name: path.split('/').pop() ?? path,
        path,
        sha,
        size: Buffer.byteLength(content, 'utf8'),
        url: self,
        html_url: html,
        git_url: git,
        download_url: download,
        type: 'file',
        _links: { self, git, html },
      },
      commit: {
        sha: c.sha,
        node_id: `C_kwDO${Buffer.from(`Commit:${c.sha}`).toString('base64url')}`,
        url: this.api(`/repos/${repo.fullName}/git/commits/${c.sha}`),
        html_url: this.html(`${repo.fullName}/commit/${c.sha}`),
        author: person,
        committer: person,
        message: c.message,
        tree: { url: this.api(`/repos/${repo.fullName}/git/trees/${c.tree}`), sha: c.tree },
        parents: c.parents.map((sha) => ({
          url: this.api(`/repos/${repo.fullName}/git/commits/${sha}`),
          html_url: this.html(`${repo.fullName}/commit/${sha}`),
          sha,
        })),
        verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
      },
    }
  }

  gitRef(repo: Repo, b: Branch): RestGitRef {
    const ref = `refs/heads/${b.name}`
    return {
      ref,
      node_id: `REF_kwDO${Buffer.from(`${repo.nodeId}:${ref}`).toString('base64url')}`,
      url: this.api(`/repos/${repo.fullName}/git/${ref}`),
      object: { sha: b.sha, type: 'commit', url: this.api(`/repos/${repo.fullName}/git/commits/${b.sha}`) },
    }
  }

  branch(repo: Repo, b: Branch): RestBranch {
    return {
      name: b.name,
      commit: { sha: b.sha, url: this.api(`/repos/${repo.fullName}/commits/${b.sha}`) },
      protected: false,
    }
  }

  /** The `repository` object inside a pull request's head and base. */
  private pullRepo(r: Repo, viewerPerm: Permission, openIssues: number): S['repository'] {
    const { temp_clone_token: _token, ...full } = this.repo(r, viewerPerm, openIssues)
    return { ...full, has_downloads: true }
  }

  /**
   * A pull request as GET /pulls/{number} returns it. `viewerPerm` fills the embedded
   * repositories' `permissions`; `openIssues` their counters.
   */
  pull(
    p: PullRequest,
    perm: (a: Account) => Permission,
    viewerPerm: Permission,
    openIssues: number,
    stats: { commits: number; additions: number; deletions: number; changedFiles: number },
  ): RestPull {
    const repo = p.repo
    const url = this.api(`/repos/${repo.fullName}/pulls/${p.number}`)
    const issueUrl = this.api(`/repos/${repo.fullName}/issues/${p.number}`)
    const html = this.html(`${repo.fullName}/pull/${p.number}`)
    const owner = this.user(repo.owner)
    const embedded = this.pullRepo(repo, viewerPerm, openIssues)
    const statuses = this.api(`/repos/${repo.fullName}/statuses/${p.headSha}`)
    return {
      url,
      id: p.id,
      node_id: p.nodeId,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: issueUrl,
      commits_url: `${url}/commits`,
      review_comments_url: `${url}/comments`,
      review_comment_url: this.api(`/repos/${repo.fullName}/pulls/comments{/number}`),
      comments_url: `${issueUrl}/comments`,
      statuses_url: statuses,
      number: p.number,
      state: p.state,
      locked: false,
      title: p.title,
      user: this.user(p.author),
      body: p.body,
      labels: [],
      milestone: null,
      active_lock_reason: null,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
      closed_at: p.closedAt,
      merged_at: p.mergedAt,
      merge_commit_sha: p.mergeCommitSha,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: { label: `${repo.owner.login}:${p.head}`, ref: p.head, repo: embedded, sha: p.headSha, user: owner },
      base: { label: `${repo.owner.login}:${p.base}`, ref: p.base, repo: embedded, sha: p.baseSha, user: owner },
      _links: {
        self: { href: url },
        html: { href: html },
        issue: { href: issueUrl },
        comments: { href: `${issueUrl}/comments` },
        review_comments: { href: `${url}/comments` },
        review_comment: { href: this.api(`/repos/${repo.fullName}/pulls/comments{/number}`) },
        commits: { href: `${url}/commits` },
        statuses: { href: statuses },
      },
      author_association: this.association(repo, p.author, perm(p.author)),
      auto_merge: null,
      draft: p.draft,
      merged: p.merged,
      mergeable: p.state === 'open' ? true : null,
      rebaseable: p.state === 'open' ? true : null,
      mergeable_state: p.state === 'open' ? 'clean' : 'unknown',
      merged_by: p.mergedBy ? this.user(p.mergedBy) : null,
      comments: 0,
      review_comments: 0,
      maintainer_can_modify: false,
      commits: stats.commits,
      additions: stats.additions,
      deletions: stats.deletions,
      changed_files: stats.changedFiles,
    }
  }

  /** A pull request as the list endpoint returns it: no merge state, counters or `merged`. */
  pullSimple(full: RestPull): RestPullSimple {
    const {
      merged: _merged,
      mergeable: _mergeable,
      rebaseable: _rebaseable,
      mergeable_state: _state,
      merged_by: _by,
      comments: _comments,
      review_comments: _reviewComments,
      maintainer_can_modify: _modify,
      commits: _commits,
      additions: _additions,
      deletions: _deletions,
      changed_files: _changed,
      requested_teams: _teams,
      ...rest
    } = full
    return { ...rest, labels: [], requested_teams: [] }
  }

  repo(r: Repo, viewerPerm: Permission, openIssues: number): RestRepo {
    const u = this.api(`/repos/${r.fullName}`)
    const owner = this.user(r.owner)
    return {
      id: r.id,
      node_id: r.nodeId,
      name: r.name,
      full_name: r.fullName,
      owner,
      private: false,
      html_url: this.html(r.fullName),
      description: null,
      fork: false,
      url: u,
      archive_url: `${u}/{archive_format}{/ref}`,
      assignees_url: `${u}/assignees{/user}`,
      blobs_url: `${u}/git/blobs{/sha}`,
      branches_url: `${u}/branches{/branch}`,
      collaborators_url: `${u}/collaborators{/collaborator}`,
      comments_url: `${u}/comments{/number}`,
      commits_url: `${u}/commits{/sha}`,
      compare_url: `${u}/compare/{base}...{head}`,
      contents_url: `${u}/contents/{+path}`,
      contributors_url: `${u}/contributors`,
      deployments_url: `${u}/deployments`,
      downloads_url: `${u}/downloads`,
      events_url: `${u}/events`,
      forks_url: `${u}/forks`,
      git_commits_url: `${u}/git/commits{/sha}`,
      git_refs_url: `${u}/git/refs{/sha}`,
      git_tags_url: `${u}/git/tags{/sha}`,
      git_url: `git://emulator/${r.fullName}.git`,
      issue_comment_url: `${u}/issues/comments{/number}`,
      issue_events_url: `${u}/issues/events{/number}`,
      issues_url: `${u}/issues{/number}`,
      keys_url: `${u}/keys{/key_id}`,
      labels_url: `${u}/labels{/name}`,
      languages_url: `${u}/languages`,
      merges_url: `${u}/merges`,
      milestones_url: `${u}/milestones{/number}`,
      notifications_url: `${u}/notifications{?since,all,participating}`,
      pulls_url: `${u}/pulls{/number}`,
      releases_url: `${u}/releases{/id}`,
      ssh_url: `git@emulator:${r.fullName}.git`,
      stargazers_url: `${u}/stargazers`,
      statuses_url: `${u}/statuses/{sha}`,
      subscribers_url: `${u}/subscribers`,
      subscription_url: `${u}/subscription`,
      tags_url: `${u}/tags`,
      teams_url: `${u}/teams`,
      trees_url: `${u}/git/trees{/sha}`,
      clone_url: `${this.base}/${r.fullName}.git`,
      mirror_url: null,
      hooks_url: `${u}/hooks`,
      svn_url: this.html(r.fullName),
      homepage: null,
      license: null,
      language: 'TypeScript',
      forks_count: 0,
      stargazers_count: 0,
      watchers_count: 0,
      size: 0,
      default_branch: 'main',
      open_issues_count: openIssues,
      has_issues: true,
      has_projects: true,
      has_wiki: false,
      has_pages: false,
      has_discussions: false,
      archived: false,
      disabled: false,
      visibility: 'public',
      pushed_at: r.createdAt,
      created_at: r.createdAt,
      updated_at: r.createdAt,
      permissions: {
        admin: viewerPerm === 'admin',
        maintain: viewerPerm === 'admin' || viewerPerm === 'maintain',
        push: atLeastWrite(viewerPerm),
        triage: viewerPerm !== 'none' && viewerPerm !== 'read',
        pull: true,
      },
      network_count: 0,
      subscribers_count: 0,
      forks: 0,
      open_issues: openIssues,
      watchers: 0,
    }
  }
}

function atLeastWrite(p: Permission): boolean {
  return p === 'admin' || p === 'maintain' || p === 'write'
}
