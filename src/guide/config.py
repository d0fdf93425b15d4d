"""The guide plugin's options (`- guide:` in mkdocs.yml), each read from an environment variable there."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

# The environment variables that mkdocs.yml reads the options from (`!ENV [GUIDE_HANDOUTS, false]`).
OPTION_ENV = {"handouts": "GUIDE_HANDOUTS", "offline_zips": "GUIDE_OFFLINE_ZIPS", "publish": "GUIDE_PUBLISH"}


class GuideConfig(base.Config):
    # Print the PDF handouts and alert cards with the system Chromium (`make build`, `make test`, deploys).
    handouts = c.Type(bool, default=False)
    # Write each language's zip for reading from disk, without internet (site/downloads/).
    offline_zips = c.Type(bool, default=True)
    # A build to publish (`make build`, deploys): its address must open on other computers, since handouts,
    # cards, embed snippets and API files carry it there. Previews and tests serve on this computer.
    publish = c.Type(bool, default=False)
