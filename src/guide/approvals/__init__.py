"""Safety wording is approved, not just translated (data/safety-approvals.yml), and review claims come from
the maintainers' records (data/reviews.yml)."""
