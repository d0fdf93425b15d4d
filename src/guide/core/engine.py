"""The one place below the plugin that names the site engine, MkDocs (with Material for MkDocs on top).

Every module under src/guide/ except plugin.py and config.py takes MkDocs' types and helpers from here, so
a move to another engine (Material reaches end of life on May 5, 2027) writes this module anew and leaves
the steps alone. What the steps use of these types:
- Page: file.src_uri, file.abs_src_path, file.generated_by, file.content_string, meta, url,
  canonical_url, content, toc, is_homepage, render;
- MkDocsConfig: theme["language"] (the language being built), site_url, site_dir, site_name,
  site_description, docs_dir, config_file_path, plugins, theme.dirs;
- File.generated and Files.append, for the pages the build writes; get_relative_url for links between
  built files; PluginError, the one-line refusal the engine prints without a traceback.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

__all__ = ["File", "Files", "MkDocsConfig", "Page", "PluginError", "get_relative_url"]
