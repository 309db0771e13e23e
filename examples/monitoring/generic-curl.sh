#!/bin/sh
# Any monitor (or script) that can send JSON: our own schema, straight to GitHub.
# GITHUB_TOKEN: fine-grained PAT with Contents: read & write on OWNER/REPO.
curl -sS -X POST "https://api.github.com/repos/OWNER/REPO/dispatches" \
  -H "Authorization: Bearer $GITHUB_TOKEN" \
  -H "Accept: application/vnd.github+json" \
  -H "X-GitHub-Api-Version: 2022-11-28" \
  -d '{
    "event_type": "alert",
    "client_payload": { "incidentops": { "version": 1, "alerts": [ {
      "status": "firing",
      "key": "checkout-5xx",
      "title": "Checkout 5xx above 5%",
      "description": "Error ratio 7.2% over 5 minutes.",
      "service": "checkout",
      "severity": "critical",
      "labels": { "team": "payments" },
      "startsAt": "2024-05-14T09:21:03Z",
      "source": "my-monitor",
      "links": ["https://grafana.example.com/d/checkout"]
    } ] } }
  }'
