#!/usr/bin/env bash
# Which CI jobs a pull request needs, from the files it changes (written as GITHUB_OUTPUT lines):
#   site=true  unless only the repository's own documentation changed (README, CONTRIBUTING, issue forms...):
#              `make check` and `make test` build and test the site;
#   code=true  unless only pages and translation files changed: ruff and zizmor audit the code and workflows.
# Without a base commit (a push to main) everything runs.
set -euo pipefail
base="${1:-}"
if [ -z "$base" ]; then
  echo "site=true"
  echo "code=true"
  exit 0
fi
changed="$(git diff --name-only "$base" HEAD)"
repository_docs='^(README\.md|CONTRIBUTING\.md|WRITING\.md|LICENSE|\.github/(ISSUE_TEMPLATE/.*|pull_request_template\.md|CODEOWNERS))$'
content='^(docs/.*|translations/[^/]*\.yml)$'
if grep -Eqv "$repository_docs" <<<"$changed"; then echo "site=true"; else echo "site=false"; fi
if grep -Eqv "$content" <<<"$changed"; then echo "code=true"; else echo "code=false"; fi
